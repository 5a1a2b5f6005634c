"""Conversation and user state in SQL: JSON documents by key, each with an eTag for optimistic concurrency.

The Teams edge's storage (bot/teams/storage.py) encodes the SDK's state objects into these documents.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation_tables import Base, StateRow
from bot.database import autocommit

_state = Base.metadata.tables[StateRow.__tablename__]
# The keys of conversation state contain this (botbuilder's "<channel>/conversations/<id>"); user state does not.
CONVERSATIONS = "/conversations/"


class EtagConflictError(KeyError):
    """A write carried an eTag that no longer matches the stored item (someone else wrote first)."""


class StateStore:
    """Reads and writes state documents; a write with a stale eTag raises `EtagConflictError`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._single = autocommit(engine)

    async def read(self, keys: Iterable[str]) -> dict[str, tuple[str, str]]:
        """The stored (document, eTag) of each of *keys* that exists."""
        wanted = list(keys)
        if not wanted:
            return {}
        async with self._single.connect() as connection:
            rows = (await connection.execute(
                select(_state.c.key, _state.c.document, _state.c.etag).where(_state.c.key.in_(wanted))
            )).all()
        return {key: (document, etag) for key, document, etag in rows}

    async def write(self, changes: Mapping[str, tuple[str, str | None]]) -> None:
        """Write every (document, expected eTag) of *changes* in one transaction.

        `*` or no eTag overwrites; any other eTag must match the stored one (or the key must be new).
        """
        now = datetime.now(UTC)
        if len(changes) == 1 and await self._update_one(*next(iter(changes.items())), now):
            return
        async with self._engine.begin() as connection:
            for key, (document, expected) in changes.items():
                if expected == "":
                    raise EtagConflictError(f"storage write for {key!r}: eTag is empty")
                values = {"document": document, "etag": uuid.uuid4().hex, "updated_at": now}
                if expected not in (None, "*"):
                    result = await connection.execute(
                        update(_state).where(_state.c.key == key, _state.c.etag == expected).values(**values))
                    if result.rowcount == 1:
                        continue
                    exists = (await connection.execute(select(_state.c.key).where(_state.c.key == key))).first()
                    if exists is not None:
                        raise EtagConflictError(f"storage write for {key!r}: eTag conflict")
                    await connection.execute(insert(_state).values(key=key, **values))
                    continue
                result = await connection.execute(update(_state).where(_state.c.key == key).values(**values))
                if result.rowcount == 0:
                    try:
                        async with connection.begin_nested():
                            await connection.execute(insert(_state).values(key=key, **values))
                    except IntegrityError:
                        # Another writer inserted the same key between our UPDATE and INSERT; last write wins.
                        await connection.execute(update(_state).where(_state.c.key == key).values(**values))

    async def _update_one(self, key: str, change: tuple[str, str | None], now: datetime) -> bool:
        """The common write, a turn's changed state under the eTag it was read with, as one statement: True if it
        was stored; False leaves every other case (a new key, a stale or missing eTag) to the transaction."""
        document, expected = change
        if expected in (None, "", "*"):
            return False
        async with self._single.connect() as connection:
            result = await connection.execute(update(_state).where(_state.c.key == key, _state.c.etag == expected)
                                              .values(document=document, etag=uuid.uuid4().hex, updated_at=now))
        return bool(result.rowcount == 1)

    async def delete(self, keys: Iterable[str]) -> None:
        """Remove *keys*; unknown keys are ignored."""
        wanted = list(keys)
        if not wanted:
            return
        async with self._engine.begin() as connection:
            await connection.execute(delete(_state).where(_state.c.key.in_(wanted)))

    async def purge_conversations(self, cutoff: datetime) -> int:
        """Delete conversation state untouched since *cutoff* (abandoned dialogs may hold scrubbed words)."""
        async with self._engine.begin() as connection:
            result = await connection.execute(
                delete(_state).where(_state.c.updated_at < cutoff, _state.c.key.contains(CONVERSATIONS)))
        return result.rowcount
