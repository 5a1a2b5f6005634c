"""A botbuilder `Storage` on SQLAlchemy (SQLite or PostgreSQL) with eTag optimistic concurrency."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from copy import deepcopy
from datetime import UTC, datetime
from typing import Any

from botbuilder.core import Storage
from jsonpickle import encode
from jsonpickle.unpickler import Unpickler
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation_tables import StateRow


class EtagConflictError(KeyError):
    """A write carried an eTag that no longer matches the stored item (someone else wrote first)."""


def _etag_of(item: Any) -> str | None:
    if isinstance(item, Mapping):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _with_etag(item: Any, etag: str) -> Any:
    if isinstance(item, dict):
        item["e_tag"] = etag
    else:
        item.e_tag = etag
    return item


class SqlStorage(Storage):
    """Stores botbuilder state items as JSON rows; a write with a stale eTag raises `EtagConflictError`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._table = StateRow.__table__

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        """The stored items for *keys* (unknown keys are absent), each carrying its current eTag."""
        if keys is None:
            raise Exception("Keys are required when reading")  # noqa: TRY002 — type and message fixed by botbuilder's StorageBaseTests
        wanted = list(keys)
        if not wanted:
            return {}
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(self._table.c.key, self._table.c.document, self._table.c.etag)
                .where(self._table.c.key.in_(wanted))
            )).all()
        found: dict[str, Any] = {}
        for key, document, etag in rows:
            item = Unpickler().restore(json.loads(document))
            found[key] = _with_etag(item, etag)
        return found

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        """Write all *changes* in one transaction; `*` or no eTag overwrites, any other eTag must match."""
        if changes is None:
            raise Exception("Changes are required when writing")  # noqa: TRY002 — type and message fixed by botbuilder's StorageBaseTests
        if not changes:
            return
        now = datetime.now(UTC)
        table = self._table
        async with self._engine.begin() as connection:
            for key, change in dict(changes).items():
                expected = _etag_of(change)
                if expected == "":
                    raise EtagConflictError(f"storage write for {key!r}: eTag is empty")
                item = deepcopy(change)
                if isinstance(item, dict):
                    item.pop("e_tag", None)
                elif hasattr(item, "e_tag"):
                    del item.e_tag
                document = encode(item, make_refs=False, unpicklable=True)
                new_etag = uuid.uuid4().hex
                values = {"document": document, "etag": new_etag, "updated_at": now}
                if expected not in (None, "*"):
                    result = await connection.execute(
                        update(table).where(table.c.key == key, table.c.etag == expected).values(**values)
                    )
                    if result.rowcount == 1:
                        continue
                    exists = (await connection.execute(select(table.c.key).where(table.c.key == key))).first()
                    if exists is not None:
                        raise EtagConflictError(f"storage write for {key!r}: eTag conflict")
                    await connection.execute(insert(table).values(key=key, **values))
                    continue
                result = await connection.execute(update(table).where(table.c.key == key).values(**values))
                if result.rowcount == 0:
                    try:
                        async with connection.begin_nested():
                            await connection.execute(insert(table).values(key=key, **values))
                    except IntegrityError:
                        # Another writer inserted the same key between our UPDATE and INSERT; last write wins.
                        await connection.execute(update(table).where(table.c.key == key).values(**values))

    async def purge_conversations(self, cutoff: datetime) -> int:
        """Delete conversation state untouched since *cutoff* (abandoned dialogs may hold scrubbed words)."""
        table = self._table
        async with self._engine.begin() as connection:
            result = await connection.execute(
                delete(table).where(table.c.updated_at < cutoff, table.c.key.contains("/conversations/"))
            )
        return result.rowcount

    async def delete(self, keys: Iterable[str]) -> None:
        """Remove *keys*; unknown keys are ignored."""
        wanted = list(keys or [])
        if not wanted:
            return
        async with self._engine.begin() as connection:
            await connection.execute(delete(self._table).where(self._table.c.key.in_(wanted)))
