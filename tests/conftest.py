"""Shared fixtures: migrated databases on SQLite and on the PostgreSQL server at 127.0.0.1:5432."""

from __future__ import annotations

import asyncio
import atexit
import inspect
import os
import shutil
import sqlite3
import tempfile
import uuid
import warnings
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.database import create_engine, upgrade_async

PG_URL = os.environ.get("SAMRAD_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


@dataclass
class Database:
    """A migrated, empty database for one test."""

    kind: str
    url: str
    schema: str | None
    engine: AsyncEngine


_pg_reachable: bool | None = None


async def _postgres_reachable() -> bool:
    global _pg_reachable  # noqa: PLW0603 — asked once per test process, then cached
    if _pg_reachable is None:
        engine = create_engine(PG_URL)
        try:
            async with asyncio.timeout(5), engine.connect() as connection:
                await connection.execute(text("select 1"))
            _pg_reachable = True
        except Exception:  # any failure means "not reachable"; the skip reason says where we looked
            _pg_reachable = False
        finally:
            await engine.dispose()
    return _pg_reachable


# One migrated SQLite file per test process (and one with the demo data loaded), copied for each test: a copy is
# the same bytes a fresh migration writes, for a few milliseconds instead of the migrations' fraction of a second.
_templates: dict[bool, Path] = {}


async def _sqlite_template(demo: bool) -> Path:
    if demo not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="samrad-test-template-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "samrad.db"
        url = f"sqlite+aiosqlite:///{template}"
        await upgrade_async(url)
        if demo:
            from routing.demo import load_demo

            engine = create_engine(url)
            await load_demo(engine)
            await engine.dispose()
        with closing(sqlite3.connect(template)) as connection:  # everything in the main file before it is copied
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _templates[demo] = template
    return _templates[demo]


async def make_sqlite(tmp_path, *, demo: bool = False) -> Database:  # type: ignore[no-untyped-def]
    """A fresh SQLite file database, migrated to head (with *demo*, the Stockholm demo data loaded)."""
    path = tmp_path / "samrad-test.db"
    shutil.copyfile(await _sqlite_template(demo), path)
    url = f"sqlite+aiosqlite:///{path}"
    return Database("sqlite", url, None, create_engine(url))


async def make_postgres() -> Database:
    """A fresh schema on the PostgreSQL test server, migrated to head; skips when no server answers."""
    if not await _postgres_reachable():
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    await upgrade_async(PG_URL, schema)
    return Database("postgres", PG_URL, schema, create_engine(PG_URL, schema=schema))


async def drop(database: Database) -> None:
    """Dispose the engine and, on PostgreSQL, drop the test schema."""
    await database.engine.dispose()
    if database.kind == "postgres":
        admin = create_engine(PG_URL)
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA IF EXISTS "{database.schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture(autouse=True)
def _close_idle_event_loop(request):  # type: ignore[no-untyped-def]
    """Close the idle loop pytest-asyncio leaves on the policy before a sync test runs.

    After an async test pytest-asyncio installs a fresh, open loop; a sync test that calls `asyncio.run()`
    (every CLI test) replaces it without closing it, and its socketpair surfaces later as a ResourceWarning.
    """
    if not inspect.iscoroutinefunction(request.function):
        policy = asyncio.get_event_loop_policy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            try:
                loop = policy.get_event_loop()
            except RuntimeError:
                loop = None
        if loop is not None and not loop.is_running() and not loop.is_closed():
            loop.close()
            policy.set_event_loop(None)


@pytest.fixture
async def sqlite_db(tmp_path) -> AsyncIterator[Database]:  # type: ignore[no-untyped-def]
    database = await make_sqlite(tmp_path)
    yield database
    await drop(database)


@pytest.fixture
async def pg_db() -> AsyncIterator[Database]:
    database = await make_postgres()
    yield database
    await drop(database)


@pytest.fixture
async def connector():  # type: ignore[no-untyped-def]
    """A fake Bot Connector on 127.0.0.1 (use its `url` as the activities' serviceUrl)."""
    from tests.fake_connector import FakeConnector

    fake = await FakeConnector().start()
    yield fake
    await fake.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request, tmp_path) -> AsyncIterator[Database]:  # type: ignore[no-untyped-def]
    """The same test on SQLite and on PostgreSQL."""
    database = await (make_sqlite(tmp_path) if request.param == "sqlite" else make_postgres())
    yield database
    await drop(database)
