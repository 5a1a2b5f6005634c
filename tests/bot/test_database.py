"""The PostgreSQL pool survives a database restart without pinging on every checkout."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, text

import bot.database
from bot.database import create_engine
from bot.state_store import StateStore
from bot.teams.storage import SqlStorage
from tests.conftest import PG_URL

pytestmark = pytest.mark.postgres


async def _backend_pid(engine) -> int:  # type: ignore[no-untyped-def]
    async with engine.connect() as connection:
        return int((await connection.execute(text("select pg_backend_pid()"))).scalar_one())


async def _terminate(pid: int) -> None:
    """What a database restart does to one pooled connection: the server closes it."""
    admin = create_engine(PG_URL)
    try:
        async with admin.connect() as connection:
            assert (await connection.execute(text("select pg_terminate_backend(:pid)"), {"pid": pid})).scalar()
    finally:
        await admin.dispose()


def _count_pings(engine, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    pings: list[int] = []
    real = engine.dialect.do_ping

    def counting(dbapi_connection):  # type: ignore[no-untyped-def]
        pings.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counting)
    return pings


async def test_a_busy_pool_is_not_pinged(pg_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pings = _count_pings(pg_db.engine, monkeypatch)
    storage = SqlStorage(StateStore(pg_db.engine))
    await storage.write({"k": {"n": 1}})
    for _ in range(5):
        assert (await storage.read(["k"]))["k"]["n"] == 1
    assert pings == []


async def test_an_idle_connection_closed_by_the_server_is_replaced(pg_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bot.database, "IDLE_PING_SECONDS", 0.0)  # every pooled connection counts as idle
    pings = _count_pings(pg_db.engine, monkeypatch)
    storage = SqlStorage(StateStore(pg_db.engine))
    await storage.write({"k": {"n": 1}})
    before = await _backend_pid(pg_db.engine)
    await _terminate(before)
    assert (await storage.read(["k"]))["k"]["n"] == 1  # the ping found it dead; a new connection served the read
    assert pings
    assert await _backend_pid(pg_db.engine) != before


async def test_a_connection_killed_while_recently_used_fails_once_then_the_pool_recovers(pg_db) -> None:  # type: ignore[no-untyped-def]
    storage = SqlStorage(StateStore(pg_db.engine))
    await storage.write({"k": {"n": 1}})
    await _terminate(await _backend_pid(pg_db.engine))
    with pytest.raises(exc.DBAPIError) as raised:
        await storage.read(["k"])
    assert raised.value.connection_invalidated
    assert (await storage.read(["k"]))["k"]["n"] == 1
