"""`samrad purge` and `samrad worker --once` run against a migrated database (in a child process, as deployed)."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.cli import build_parser


def test_worker_and_purge_are_registered():
    parser = build_parser()
    assert parser.parse_args(["worker", "--once"]).once is True
    assert parser.parse_args(["purge"]).func.__name__ == "purge"


def _samrad(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_purge_and_worker_once_run_on_a_migrated_database(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}", "RETENTION_DAYS": "7"}
    _samrad("db", "upgrade", env=env)
    assert "Rensat efter 7 dagar: 0 meddelanden" in _samrad("purge", env=env)
    assert "Timers: 0." in _samrad("worker", "--once", env=env)
