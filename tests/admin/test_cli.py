"""`samrad admin create-user` and friends against a migrated SQLite database."""

from __future__ import annotations

import io

import pytest

from admin.accounts import AccountStore
from bot.cli import main
from tests.admin.conftest import FAST_HASHER


@pytest.fixture
def env(sqlite_db, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", sqlite_db.url)
    return sqlite_db


def _run(argv: list[str], stdin: str, monkeypatch) -> int:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_create_user_reads_the_password_from_stdin(env, monkeypatch, capsys) -> None:
    code = _run(["admin", "create-user", "karin", "--role", "district_editor", "--district", "farsta",
                 "--password-stdin"], "ett-långt-lösenord\n", monkeypatch)
    assert code == 0
    out = capsys.readouterr().out
    assert "karin" in out
    assert "ett-långt-lösenord" not in out
    assert _run(["admin", "list-users"], "", monkeypatch) == 0
    assert "karin\tdistrict_editor\tfarsta\tlocal\taktiv" in capsys.readouterr().out


async def test_created_user_can_authenticate(env, monkeypatch) -> None:
    import asyncio

    await asyncio.to_thread(_run, ["admin", "create-user", "olle", "--role", "admin", "--password-stdin"],
                            "ett-långt-lösenord\n", monkeypatch)
    accounts = AccountStore(env.engine, hasher=FAST_HASHER)
    assert (await accounts.authenticate("olle", "ett-långt-lösenord")) is not None
    assert (await accounts.authenticate("olle", "fel")) is None
    assert (await accounts.audit_log(event="user_created"))[0].detail["username"] == "olle"


def test_district_role_needs_a_district(env, monkeypatch, capsys) -> None:
    code = _run(["admin", "create-user", "eva", "--role", "socionom", "--password-stdin"],
                "ett-långt-lösenord\n", monkeypatch)
    assert code == 2
    assert "--district" in capsys.readouterr().err


def test_short_password_is_refused(env, monkeypatch, capsys) -> None:
    code = _run(["admin", "create-user", "eva", "--role", "admin", "--password-stdin"], "kort\n", monkeypatch)
    assert code == 2
    assert "minst" in capsys.readouterr().err


def test_duplicate_user_is_refused(env, monkeypatch, capsys) -> None:
    args = ["admin", "create-user", "eva", "--role", "admin", "--password-stdin"]
    assert _run(args, "ett-långt-lösenord\n", monkeypatch) == 0
    assert _run(args, "ett-långt-lösenord\n", monkeypatch) == 2
    assert "finns redan" in capsys.readouterr().err
