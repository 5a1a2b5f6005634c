"""Stored conversation references in SQL: how to reach a user's personal chat or a team channel later.

A reference is kept as the Bot Framework's JSON; the Teams edge (bot/teams/references.py) decides what to store.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation_tables import Base, ConversationRefRow
from bot.database import autocommit

_reference = Base.metadata.tables[ConversationRefRow.__tablename__]
# How long a reference found current is trusted for messages, and how many such are kept (oldest dropped).
RECHECK_SECONDS = 300.0
REMEMBERED = 10_000


class ReferenceStore:
    """Saves, finds and forgets references by target: (kind, id) with kind "user" (AAD object id) or "channel".

    A save asks the database (one read that changes nothing when the reference is current, an UPDATE when it
    changed and an INSERT when the row is missing), except where the caller allows `trusted` memory: then a
    reference this process found current less than RECHECK_SECONDS ago is not asked about again. Messages allow
    it (a chat's reference does not change between its messages); installs and membership changes never do, so
    a row another replica deleted on an uninstall is written again by the reinstall, wherever it lands, and a
    row deleted any other way is back within RECHECK_SECONDS of the next message.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._single = autocommit(engine)
        self._current: OrderedDict[tuple[str, str], tuple[str, str | None, float]] = OrderedDict()

    async def save(self, kind: str, target_id: str, reference: Mapping[str, Any], *, tenant_id: str | None,
                   display_name: str | None, trusted: bool = False) -> None:
        """Store *reference* for the target, unless the stored one is the same (or, *trusted*, was moments ago)."""
        serialized = json.dumps(reference)
        key = (kind, target_id)
        known = self._current.get(key)
        if trusted and known is not None and known[:2] == (serialized, display_name) and known[2] > time.monotonic():
            return
        self._current.pop(key, None)
        await self._save(kind, target_id, reference, serialized, tenant_id=tenant_id, display_name=display_name)
        self._current[key] = (serialized, display_name, time.monotonic() + RECHECK_SECONDS)
        while len(self._current) > REMEMBERED:
            self._current.popitem(last=False)

    async def _save(self, kind: str, target_id: str, reference: Mapping[str, Any], serialized: str, *,
                    tenant_id: str | None, display_name: str | None) -> None:
        conversation = reference.get("conversation") or {}
        values = {
            "tenant_id": tenant_id,
            "conversation_id": conversation.get("id"),
            "service_url": reference.get("serviceUrl") or "",
            "reference": serialized,
            "display_name": display_name,
            "updated_at": datetime.now(UTC),
        }
        mine = (_reference.c.kind == kind) & (_reference.c.target_id == target_id)
        async with self._single.connect() as connection:
            stored = (await connection.execute(
                select(_reference.c.reference, _reference.c.display_name).where(mine))).first()
        if stored is not None and stored.reference == serialized and stored.display_name == display_name:
            return  # current: a steady-state turn costs one read
        async with self._engine.begin() as connection:
            result = await connection.execute(update(_reference).where(mine).values(**values))
            if result.rowcount == 0:
                try:
                    async with connection.begin_nested():
                        await connection.execute(_reference.insert().values(kind=kind, target_id=target_id,
                                                                            **values))
                except IntegrityError:
                    pass  # a concurrent turn stored the same target; both references are equally fresh

    async def forget(self, targets: list[tuple[str, str]]) -> int:
        """Delete the references of *targets* ((kind, id) pairs); how many there were."""
        removed = 0
        for target in targets:
            self._current.pop(target, None)
        async with self._engine.begin() as connection:
            for kind, target_id in targets:
                result = await connection.execute(
                    delete(_reference).where(_reference.c.kind == kind, _reference.c.target_id == target_id))
                removed += result.rowcount
        return removed

    async def find(self, kind: str, target_id: str) -> dict[str, Any] | None:
        """The stored reference for a user (AAD object id) or channel id, or None."""
        async with self._engine.connect() as connection:
            stored = (await connection.execute(
                select(_reference.c.reference).where(_reference.c.kind == kind, _reference.c.target_id == target_id)
            )).scalar()
        if stored is None:
            return None
        found: dict[str, Any] = json.loads(stored)
        return found

    async def display_name(self, kind: str, target_id: str) -> str | None:
        """The last display name seen for a target (users only)."""
        async with self._engine.connect() as connection:
            name: str | None = (await connection.execute(
                select(_reference.c.display_name).where(_reference.c.kind == kind,
                                                        _reference.c.target_id == target_id)
            )).scalar()
        return name
