"""Database engine creation and schema migration (Alembic), for SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, exc, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"
# PostgreSQL pool: a connection idle for this long is pinged before use (one round trip). A busy pool is not
# pinged at all: `pool_pre_ping` cost a round trip on every checkout, about six a turn.
IDLE_PING_SECONDS = 5.0
POOL_RECYCLE_SECONDS = 1800  # replace connections older than this (server or proxy idle limits, failover)


class DatabaseUrlError(ValueError):
    """The database URL names a driver Samråd does not support."""


def normalize_url(url: str) -> str:
    """Map plain `sqlite:`/`postgresql:` URLs onto the async drivers Samråd uses."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return str(parsed.set(drivername="sqlite+aiosqlite")) if parsed.drivername == "sqlite" else url
    if backend == "postgresql":
        if parsed.drivername in {"postgresql", "postgres"}:
            return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
        return url
    raise DatabaseUrlError(f"unsupported database {backend!r}: use sqlite+aiosqlite:// or postgresql+asyncpg://")


def create_engine(url: str, *, schema: str | None = None, pool_size: int = 10) -> AsyncEngine:
    """An async engine for *url*; *schema* sets PostgreSQL's search_path (used to isolate test runs)."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_async_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            # WAL lets readers proceed while one writer commits; foreign keys are off by default in SQLite.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    connect_args: dict[str, object] = {}
    if schema:
        connect_args["server_settings"] = {"search_path": schema}
    engine = create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, connect_args=connect_args,
                                 pool_recycle=POOL_RECYCLE_SECONDS)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: AsyncEngine) -> None:
    """Ping a pooled connection before use only when it sat idle for IDLE_PING_SECONDS or more.

    After a database restart or a dropped connection the first checkout of an idle connection finds it dead:
    the ping fails, the whole pool is invalidated (every older connection is replaced on its next checkout)
    and a fresh connection is used, so that turn succeeds, as with `pool_pre_ping`. A connection back in the
    pool for less than IDLE_PING_SECONDS is used unpinged: a restart under traffic fails the turns whose
    connection died under them (as with `pool_pre_ping`) and the first such error invalidates the pool
    (SQLAlchemy's disconnect handling), so the turns after it reconnect.
    """
    dialect = engine.dialect

    @event.listens_for(engine.sync_engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return  # a new connection, or one in use moments ago
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.InvalidatePoolError("idle connection found closed") from error
            raise


class SchemaMissingError(RuntimeError):
    """The database has not been migrated (no Samråd tables yet)."""


async def check_schema(engine: AsyncEngine) -> None:
    """Raise SchemaMissingError unless the database has been migrated with `samrad db upgrade`."""
    def has_tables(connection) -> bool:  # type: ignore[no-untyped-def]
        return inspect(connection).has_table("bot_state")

    async with engine.connect() as connection:
        if not await connection.run_sync(has_tables):
            raise SchemaMissingError("the database has no Samråd tables yet: run `samrad db upgrade` first")


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str, schema: str | None = None) -> Config:
    """An Alembic configuration pointing at Samråd's migrations and *url*."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    config.attributes["schema"] = schema
    return config


def upgrade(url: str, schema: str | None = None, revision: str = "head") -> None:
    """Bring the schema at *url* up to *revision* (the one head by default). Blocking; call outside an event loop."""
    command.upgrade(alembic_config(url, schema), revision)


async def upgrade_async(url: str, schema: str | None = None) -> None:
    """`upgrade` from inside a running event loop (Alembic's env runs its own loop)."""
    await asyncio.to_thread(upgrade, url, schema)
