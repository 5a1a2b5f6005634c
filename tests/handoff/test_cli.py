"""`samrad purge` and `samrad worker --once` run against a migrated database."""

from __future__ import annotations

from bot.cli import build_parser, main
from bot.database import upgrade


def test_worker_and_purge_are_registered():
    parser = build_parser()
    assert parser.parse_args(["worker", "--once"]).once is True
    assert parser.parse_args(["purge"]).func.__name__ == "purge"


def test_purge_and_worker_once_run_on_an_empty_database(tmp_path, monkeypatch, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("RETENTION_DAYS", "7")
    assert main(["purge"]) == 0
    assert "Rensat efter 7 dagar: 0 meddelanden" in capsys.readouterr().out
    assert main(["worker", "--once"]) == 0
    assert "Timers: 0." in capsys.readouterr().out
