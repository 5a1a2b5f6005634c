"""The sending side of the handoff's outbox in SQL: lease due rows, mark them sent, give them back for a retry.

Rows are queued by `HandoffStore` in the transaction of the state change they belong to.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import RowMapping, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.handoff.handoff_tables import HandoffBase, HandoffNoticeRow, HandoffOutboxRow
from bot.handoff.model import OFFER, OUTBOX_LEASE_SECONDS, UPDATE, Pending, utc

_notice = HandoffBase.metadata.tables[HandoffNoticeRow.__tablename__]
_outbox = HandoffBase.metadata.tables[HandoffOutboxRow.__tablename__]
# A notification that fails is retried after 30 s, 1, 2, 4 … minutes; given up after this many attempts.
OUTBOX_MAX_ATTEMPTS = 8


def retry_delay(attempts: int) -> timedelta:
    """How long to wait before the next attempt after *attempts* failed ones."""
    return timedelta(seconds=30) if attempts <= 1 else timedelta(minutes=min(2 ** (attempts - 2), 60))


class OutboxStore:
    """Leases, marks sent and retries the queued notifications of every handoff."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def now(self) -> datetime:
        """The injected clock's time, in UTC."""
        return utc(self._clock())

    async def leased(self, owner: str, handoff_id: str | None = None) -> list[Pending]:
        """Unsent rows leased to *owner* (queued by it in this turn), oldest first."""
        condition = and_(_outbox.c.lease_owner == owner, _outbox.c.sent_at.is_(None), _outbox.c.failed_at.is_(None))
        if handoff_id is not None:
            condition = and_(condition, _outbox.c.handoff_id == handoff_id)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_outbox).where(condition).order_by(_outbox.c.id))
                    ).mappings().all()
        return [self._pending(row) for row in rows]

    async def lease(self, owner: str, *, handoff_id: str | None = None, limit: int = 100) -> list[Pending]:
        """Lease due unsent rows nobody holds (or whose holder died); returns those *owner* now holds."""
        now = self.now()
        due = and_(_outbox.c.sent_at.is_(None), _outbox.c.failed_at.is_(None), _outbox.c.due_at <= now,
                   or_(_outbox.c.lease_until.is_(None), _outbox.c.lease_until < now))
        if handoff_id is not None:
            due = and_(due, _outbox.c.handoff_id == handoff_id)
        async with self._engine.connect() as connection:
            ids = (await connection.execute(select(_outbox.c.id).where(due).order_by(_outbox.c.id).limit(limit))
                   ).scalars().all()
        leased = []
        for row_id in ids:
            async with self._engine.begin() as connection:
                result = await connection.execute(update(_outbox).where(_outbox.c.id == row_id, due).values(
                    lease_owner=owner, lease_until=now + timedelta(seconds=OUTBOX_LEASE_SECONDS)))
                if result.rowcount == 1:
                    row = (await connection.execute(select(_outbox).where(_outbox.c.id == row_id))).mappings().one()
                    leased.append(self._pending(row))
        return leased

    @staticmethod
    def _pending(row: RowMapping) -> Pending:
        return Pending(id=row["id"], handoff_id=row["handoff_id"], key=row["key"], kind=row["kind"],
                       reference=json.loads(row["reference"]) if row["reference"] else None,
                       notice_id=row["notice_id"], payload=json.loads(row["payload"]) if row["payload"] else None,
                       attempts=row["attempts"])

    async def sent(self, row: Pending, owner: str, *, activity_id: str | None = None) -> bool:
        """Mark *row* delivered (payload blanked); records the card's activity id on its notice."""
        now = self.now()
        async with self._engine.begin() as connection:
            result = await connection.execute(update(_outbox).where(
                _outbox.c.id == row.id, _outbox.c.lease_owner == owner, _outbox.c.sent_at.is_(None)).values(
                sent_at=now, payload=None, lease_owner=None, lease_until=None))
            if result.rowcount != 1:
                return False
            if row.notice_id is not None and row.kind == OFFER and activity_id:
                await connection.execute(update(_notice).where(_notice.c.id == row.notice_id).values(
                    activity_id=activity_id))
            if row.notice_id is not None and row.kind == UPDATE:
                await connection.execute(update(_notice).where(_notice.c.id == row.notice_id).values(
                    updated_at=now))
        return True

    async def retry(self, row: Pending, owner: str, error_type: str, *, soon: bool = False) -> None:
        """Give *row* back for a later attempt (with back-off), or give up after `OUTBOX_MAX_ATTEMPTS`."""
        now = self.now()
        attempts = row.attempts if soon else row.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "lease_owner": None, "lease_until": None,
                                  "error_type": error_type[:64],
                                  "due_at": now + (timedelta(seconds=5) if soon else retry_delay(attempts))}
        if attempts >= OUTBOX_MAX_ATTEMPTS:
            values.update(failed_at=now, payload=None)
        async with self._engine.begin() as connection:
            await connection.execute(update(_outbox).where(_outbox.c.id == row.id, _outbox.c.lease_owner == owner)
                                     .values(**values))

    async def offer_pending(self, notice_id: int) -> bool:
        """True while the offer card of *notice_id* is queued but not yet sent (nor given up)."""
        async with self._engine.connect() as connection:
            found = (await connection.execute(select(_outbox.c.id).where(
                _outbox.c.notice_id == notice_id, _outbox.c.kind == OFFER, _outbox.c.sent_at.is_(None),
                _outbox.c.failed_at.is_(None)))).first()
        return found is not None
