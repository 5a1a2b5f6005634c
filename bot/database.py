"""Database engine creation and schema migration (Alembic), for SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, Protocol

from alembic import command
from alembic.config import Config
from sqlalchemy import event, exc, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

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
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
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
        except dialect.loaded_dbapi.Error as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.InvalidatePoolError("idle connection found closed") from error
            raise


def autocommit(engine: AsyncEngine) -> AsyncEngine:
    """*engine* (sharing its pool) for single statements that need no transaction around them.

    A read, or one UPDATE that is atomic on its own, then costs one round trip to PostgreSQL instead of three
    (BEGIN, the statement, ROLLBACK or COMMIT); a turn makes several (state, references, handoff).
    """
    return engine.execution_options(isolation_level="AUTOCOMMIT")


class SchemaMissingError(RuntimeError):
    """The database has not been migrated (no Samråd tables yet)."""


async def check_schema(engine: AsyncEngine) -> None:
    """Raise SchemaMissingError unless the database has been migrated with `samrad db upgrade`."""
    def has_tables(connection: Connection) -> bool:
        return inspect(connection).has_table("bot_state")

    async with engine.connect() as connection:
        if not await connection.run_sync(has_tables):
            raise SchemaMissingError("the database has no Samråd tables yet: run `samrad db upgrade` first")


_heads: dict[str, frozenset[str]] = {}


def alembic_heads() -> frozenset[str]:
    """The head revisions of the migrations this code ships (read once)."""
    if "heads" not in _heads:
        from alembic.script import ScriptDirectory

        _heads["heads"] = frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
    return _heads["heads"]


async def schema_state(engine: AsyncEngine) -> str:
    """"ok" when the schema is at the migrations' head, "behind" when older, "missing" when never migrated.

    Raises whatever the driver raises when the database does not answer.
    """
    async with engine.connect() as connection:
        await connection.execute(text("select 1"))
        try:
            rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
        except Exception:  # no alembic_version table: never migrated
            await connection.rollback()
            rows = []
    return "ok" if frozenset(rows) == alembic_heads() else ("missing" if not rows else "behind")


class Tally(Protocol):
    """A gauge that counts up and down (prometheus-client's Gauge)."""

    def inc(self) -> None: ...
    def dec(self) -> None: ...


def on_pool_events(engine: AsyncEngine, *, open_connections: Tally, in_use: Tally) -> None:
    """Keep *open_connections* and *in_use* in step with *engine*'s pool (pool events, no polling)."""
    pool = engine.sync_engine

    @event.listens_for(pool, "connect")
    def _connected(_dbapi: Any, _record: Any) -> None:
        open_connections.inc()

    @event.listens_for(pool, "close")
    def _closed(_dbapi: Any, _record: Any) -> None:
        open_connections.dec()

    @event.listens_for(pool, "checkout")
    def _out(_dbapi: Any, _record: Any, _proxy: Any) -> None:
        in_use.inc()

    @event.listens_for(pool, "checkin")
    def _in(_dbapi: Any, _record: Any) -> None:
        in_use.dec()


def database_problem(error: BaseException) -> str | None:
    """What a command should say about *error* when it is the database's (not ready, or failing); else None."""
    if isinstance(error, OperationalError | ProgrammingError):
        return f"databasen är inte redo ({error.orig}); kör `samrad db upgrade` först"
    if isinstance(error, DBAPIError):
        return f"databasfel: {error.orig}"
    return None


def missing_sqlite_file(url: str) -> str | None:
    """The path of the SQLite file *url* names when that file does not exist (connecting would create it)."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:" \
            and not Path(parsed.database).exists():
        return parsed.database
    return None


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
