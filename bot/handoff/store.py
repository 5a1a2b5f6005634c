"""All SQL of the handoff: atomic state transitions, timers with leases, relay messages, sent cards, purge."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.handoff.tables import HandoffEventRow, HandoffMessageRow, HandoffNoticeRow, HandoffRow

REQUESTED = "requested"
OFFERED = "offered"
ESCALATED = "escalated"
CLAIMED = "claimed"
ACTIVE = "active"
CLOSED = "closed"
WITHDRAWN = "withdrawn"
EXPIRED = "expired"
WAITING = (REQUESTED, OFFERED, ESCALATED)  # nobody has taken the request yet
CLAIMABLE = (OFFERED, ESCALATED)
TALKING = (CLAIMED, ACTIVE)
OPEN = WAITING + TALKING
ENDED = (CLOSED, WITHDRAWN, EXPIRED)
# The timestamp column each state sets when entered.
STAMP = {REQUESTED: "requested_at", OFFERED: "offered_at", ESCALATED: "escalated_at", CLAIMED: "claimed_at",
         ACTIVE: "active_at", CLOSED: "closed_at", WITHDRAWN: "withdrawn_at", EXPIRED: "expired_at"}

_handoff = HandoffRow.__table__
_event = HandoffEventRow.__table__
_message = HandoffMessageRow.__table__
_notice = HandoffNoticeRow.__table__


def utc(at: datetime) -> datetime:
    """*at* in UTC; stored values are always UTC so SQLite's naive text compares correctly."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _utc_values(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: utc(value) if isinstance(value, datetime) else value for key, value in values.items()}


def _aware(at: datetime | None) -> datetime | None:
    return None if at is None else utc(at)


@dataclass(frozen=True)
class Handoff:
    """A snapshot of one handoff row (timestamps aware, UTC)."""

    id: str
    state: str
    stage: int
    lang: str
    district_id: str | None
    unit_id: str | None
    consultation_id: str | None
    categories: tuple[str, ...]
    urgency: str
    route: dict[str, Any]
    note: dict[str, Any] | None
    share_name: bool
    staff_id: str | None
    staff_name: str | None
    staff_conversation_id: str | None
    staff_reference: dict[str, Any] | None
    claimed_by: str | None
    claimer_name: str | None
    claimer_role: str | None
    claimer_conversation_id: str | None
    claimer_reference: dict[str, Any] | None
    requested_at: datetime
    claimed_at: datetime | None
    closed_at: datetime | None
    closed_by: str | None
    outcome: str | None
    rating: int | None
    message_count: int
    next_action: str | None
    next_action_at: datetime | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Handoff:
        """Decode one `handoff` row."""

        def loads(value: str | None) -> Any:
            return json.loads(value) if value else None

        return cls(
            id=row["id"], state=row["state"], stage=row["stage"], lang=row["lang"],
            district_id=row["district_id"], unit_id=row["unit_id"], consultation_id=row["consultation_id"],
            categories=tuple(loads(row["categories"]) or ()), urgency=row["urgency"],
            route=loads(row["route"]) or {}, note=loads(row["note"]), share_name=bool(row["share_name"]),
            staff_id=row["staff_id"], staff_name=row["staff_name"],
            staff_conversation_id=row["staff_conversation_id"], staff_reference=loads(row["staff_reference"]),
            claimed_by=row["claimed_by"], claimer_name=row["claimer_name"], claimer_role=row["claimer_role"],
            claimer_conversation_id=row["claimer_conversation_id"],
            claimer_reference=loads(row["claimer_reference"]),
            requested_at=utc(row["requested_at"]), claimed_at=_aware(row["claimed_at"]),
            closed_at=_aware(row["closed_at"]), closed_by=row["closed_by"], outcome=row["outcome"],
            rating=row["rating"], message_count=row["message_count"], next_action=row["next_action"],
            next_action_at=_aware(row["next_action_at"]),
        )


@dataclass(frozen=True)
class Notice:
    """A card sent about a handoff, to update in place later."""

    id: int
    handoff_id: str
    kind: str
    target_id: str
    stage: int
    conversation_id: str
    activity_id: str | None
    lang: str


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed: relay messages deleted and handoffs whose personal fields were blanked."""

    messages: int
    handoffs: int
    notes: int = 0
    conversations: int = 0


class HandoffStore:
    """Reads and writes the handoff tables; every state change is a conditional UPDATE plus an event row."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def now(self) -> datetime:
        """The injected clock's time, in UTC."""
        return utc(self._clock())

    async def create(self, values: Mapping[str, Any], *, handoff_id: str) -> None:
        """Insert a handoff in state *requested* and record the transition."""
        now = self.now()
        row = _utc_values({"id": handoff_id, "state": REQUESTED, "stage": 0, "requested_at": now,
                           "message_count": 0, **values})
        for key in ("categories", "route", "note", "staff_reference"):
            if key in row and not isinstance(row[key], str | None):
                row[key] = json.dumps(row[key])
        async with self._engine.begin() as connection:
            await connection.execute(insert(_handoff).values(**row))
            await self._event(connection, handoff_id, "transition", None, REQUESTED, "staff", None, now)

    async def get(self, handoff_id: str) -> Handoff | None:
        """One handoff, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(_handoff).where(_handoff.c.id == handoff_id))).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    async def transition(self, handoff_id: str, from_states: Iterable[str], to_state: str, *, actor: str,
                         detail: str | None = None, at_stage: int | None = None,
                         **values: Any) -> bool:
        """Move the handoff to *to_state* only if it is in one of *from_states* (and at *at_stage*, if given).

        Returns False when another turn, replica or timer got there first; exactly one caller wins.
        """
        now = self.now()
        from_states = tuple(from_states)
        changes = _utc_values({"state": to_state, STAMP[to_state]: now, **values})
        for key in ("claimer_reference",):
            if key in changes and not isinstance(changes[key], str | None):
                changes[key] = json.dumps(changes[key])
        condition = and_(_handoff.c.id == handoff_id, _handoff.c.state.in_(from_states))
        if at_stage is not None:
            condition = and_(condition, _handoff.c.stage == at_stage)
        async with self._engine.begin() as connection:
            previous = (await connection.execute(
                select(_handoff.c.state).where(condition))).scalar()
            result = await connection.execute(update(_handoff).where(condition).values(**changes))
            if result.rowcount != 1:
                return False
            await self._event(connection, handoff_id, "transition", previous, to_state, actor, detail, now)
        return True

    async def update(self, handoff_id: str, *, states: Iterable[str] | None = None,
                     where_null: str | None = None, **values: Any) -> bool:
        """Change fields (not the state) if the handoff is in *states* and *where_null* is still empty."""
        condition = _handoff.c.id == handoff_id
        if states is not None:
            condition = and_(condition, _handoff.c.state.in_(tuple(states)))
        if where_null is not None:
            condition = and_(condition, _handoff.c[where_null].is_(None))
        async with self._engine.begin() as connection:
            result = await connection.execute(update(_handoff).where(condition).values(**_utc_values(values)))
        return result.rowcount == 1

    async def record(self, handoff_id: str, kind: str, actor: str, detail: str | None = None) -> None:
        """Add an event that is not a state change (a card sent, the staff member told, a rating)."""
        async with self._engine.begin() as connection:
            await self._event(connection, handoff_id, kind, None, None, actor, detail, self.now())

    async def events(self, handoff_id: str) -> list[dict[str, Any]]:
        """The handoff's events, oldest first."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_event).where(_event.c.handoff_id == handoff_id).order_by(_event.c.id))).mappings().all()
        return [dict(row) for row in rows]

    @staticmethod
    async def _event(connection: AsyncConnection, handoff_id: str, kind: str, from_state: str | None,
                     to_state: str | None, actor: str, detail: str | None, at: datetime) -> None:
        await connection.execute(insert(_event).values(handoff_id=handoff_id, at=at, kind=kind,
                                                       from_state=from_state, to_state=to_state,
                                                       actor=actor, detail=detail))

    # --- finding the handoff a message belongs to -------------------------------------------------

    async def open_for_staff(self, conversation_id: str) -> Handoff | None:
        """The newest not-yet-ended handoff requested from *conversation_id*."""
        return await self._newest(and_(_handoff.c.staff_conversation_id == conversation_id,
                                       _handoff.c.state.in_(OPEN)))

    async def talking_for_claimer(self, claimer_id: str, conversation_id: str) -> Handoff | None:
        """The newest claimed or active handoff of *claimer_id* relayed through *conversation_id*."""
        return await self._newest(and_(_handoff.c.claimed_by == claimer_id,
                                       _handoff.c.claimer_conversation_id == conversation_id,
                                       _handoff.c.state.in_(TALKING)))

    async def relayed_message(self, conversation_id: str, sender_id: str | None
                              ) -> tuple[Handoff | None, Handoff | None]:
        """`open_for_staff(conversation_id)` and `talking_for_claimer(sender_id, conversation_id)` on one connection.

        Every message turn asks both; one pool checkout instead of two (bench.load).
        """
        staff = and_(_handoff.c.staff_conversation_id == conversation_id, _handoff.c.state.in_(OPEN))
        async with self._engine.connect() as connection:
            staff_side = await self._newest_on(connection, staff)
            if staff_side is not None or not sender_id:
                return staff_side, None
            return None, await self._newest_on(connection, and_(
                _handoff.c.claimed_by == sender_id, _handoff.c.claimer_conversation_id == conversation_id,
                _handoff.c.state.in_(TALKING)))

    @staticmethod
    async def _newest_on(connection: AsyncConnection, condition: Any) -> Handoff | None:
        row = (await connection.execute(
            select(_handoff).where(condition).order_by(_handoff.c.requested_at.desc()).limit(1)
        )).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    async def _newest(self, condition: Any) -> Handoff | None:
        async with self._engine.connect() as connection:
            row = (await connection.execute(
                select(_handoff).where(condition).order_by(_handoff.c.requested_at.desc()).limit(1)
            )).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    # --- cards sent ---------------------------------------------------------------------------------

    async def add_notice(self, handoff_id: str, *, kind: str, target_id: str, stage: int, conversation_id: str,
                         activity_id: str | None, lang: str) -> None:
        """Remember a card sent to *target_id* so it can be updated in place."""
        async with self._engine.begin() as connection:
            await connection.execute(insert(_notice).values(
                handoff_id=handoff_id, kind=kind, target_id=target_id, stage=stage,
                conversation_id=conversation_id, activity_id=activity_id, lang=lang, sent_at=self.now()))
            await self._event(connection, handoff_id, "notified", None, None, "system", f"{kind}:stage{stage}",
                              self.now())

    async def notices(self, handoff_id: str) -> list[Notice]:
        """Every card sent about the handoff, in sending order."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_notice).where(_notice.c.handoff_id == handoff_id).order_by(_notice.c.id))).mappings().all()
        return [Notice(id=r["id"], handoff_id=r["handoff_id"], kind=r["kind"], target_id=r["target_id"],
                       stage=r["stage"], conversation_id=r["conversation_id"], activity_id=r["activity_id"],
                       lang=r["lang"]) for r in rows]

    async def notified_targets(self, handoff_id: str) -> set[tuple[str, str]]:
        """(kind, target_id) of everyone already sent a card."""
        return {(n.kind, n.target_id) for n in await self.notices(handoff_id)}

    async def notice_updated(self, notice_id: int) -> None:
        """Record that a sent card was updated in place."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_notice).where(_notice.c.id == notice_id).values(updated_at=self.now()))

    # --- relay transcript ---------------------------------------------------------------------------

    async def add_message(self, handoff_id: str, sender: str, text: str, kinds: Iterable[str]) -> None:
        """Store one relayed (already scrubbed) message and count it."""
        async with self._engine.begin() as connection:
            await connection.execute(insert(_message).values(handoff_id=handoff_id, at=self.now(), sender=sender,
                                                             text=text, kinds=json.dumps(sorted(kinds))))
            await connection.execute(update(_handoff).where(_handoff.c.id == handoff_id)
                                     .values(message_count=_handoff.c.message_count + 1))

    async def messages(self, handoff_id: str) -> list[dict[str, Any]]:
        """The stored transcript of a handoff, oldest first."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_message).where(_message.c.handoff_id == handoff_id)
                                             .order_by(_message.c.id))).mappings().all()
        return [dict(row) for row in rows]

    # --- timers -------------------------------------------------------------------------------------

    async def due(self, limit: int = 50) -> list[str]:
        """Ids of handoffs whose timer is due and not leased by anyone."""
        now = self.now()
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_handoff.c.id)
                .where(_handoff.c.next_action.is_not(None), _handoff.c.next_action_at <= now,
                       or_(_handoff.c.lease_until.is_(None), _handoff.c.lease_until < now))
                .order_by(_handoff.c.next_action_at).limit(limit)
            )).scalars().all()
        return list(rows)

    async def lease(self, handoff_id: str, owner: str, seconds: float) -> str | None:
        """Take the due timer of *handoff_id* for *owner*; returns its action, or None if someone else has it.

        The conditional UPDATE is the row-claim: of several workers, exactly one sees rowcount 1.
        """
        from datetime import timedelta

        now = self.now()
        condition = and_(_handoff.c.id == handoff_id, _handoff.c.next_action.is_not(None),
                         _handoff.c.next_action_at <= now,
                         or_(_handoff.c.lease_until.is_(None), _handoff.c.lease_until < now))
        async with self._engine.begin() as connection:
            result = await connection.execute(
                update(_handoff).where(condition)
                .values(lease_owner=owner, lease_until=now + timedelta(seconds=seconds)))
            if result.rowcount != 1:
                return None
            return (await connection.execute(
                select(_handoff.c.next_action).where(_handoff.c.id == handoff_id))).scalar()

    async def release(self, handoff_id: str, owner: str) -> None:
        """Give the lease back."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_handoff)
                                     .where(_handoff.c.id == handoff_id, _handoff.c.lease_owner == owner)
                                     .values(lease_owner=None, lease_until=None))

    # --- retention ----------------------------------------------------------------------------------

    async def purge(self, cutoff: datetime) -> PurgeResult:
        """Delete relay messages older than *cutoff* or of handoffs that ended before it; blank personal fields.

        The handoff rows themselves stay (state, timestamps, outcome, rating, message_count) for statistics.
        """
        cutoff = utc(cutoff)
        now = self.now()
        ended_before = and_(_handoff.c.state.in_(ENDED),
                            func.coalesce(_handoff.c.closed_at, _handoff.c.withdrawn_at, _handoff.c.expired_at,
                                          _handoff.c.requested_at) < cutoff)
        async with self._engine.begin() as connection:
            ended_ids = select(_handoff.c.id).where(ended_before).scalar_subquery()
            deleted = await connection.execute(
                delete(_message).where(or_(_message.c.at < cutoff, _message.c.handoff_id.in_(ended_ids))))
            blanked = await connection.execute(
                update(_handoff).where(ended_before, _handoff.c.purged_at.is_(None))
                .values(note=None, staff_id=None, staff_name=None, staff_reference=None, claimer_reference=None,
                        purged_at=now))
        return PurgeResult(messages=deleted.rowcount, handoffs=blanked.rowcount)

    async def counts(self) -> dict[str, int]:
        """How many handoffs are in each state (what statistics keep after a purge)."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_handoff.c.state, func.count()).group_by(_handoff.c.state))).all()
        return {state: count for state, count in rows}
