"""The handoff's SQL: atomic state changes that queue their notifications, the events, the relay transcript, the
cards sent, timers with leases, and the retention purge. Sending the queued notifications is `outbox_store.py`'s."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.database import autocommit
from bot.handoff.handoff_tables import (
    HandoffBase,
    HandoffEventRow,
    HandoffMessageRow,
    HandoffNoticeRow,
    HandoffOutboxRow,
    HandoffRow,
)
from bot.handoff.model import (
    CLOSED,
    ENDED,
    EXPIRED,
    OPEN,
    OUTBOX_LEASE_SECONDS,
    REQUESTED,
    TALKING,
    UPDATE,
    WAITING,
    Handoff,
    HandoffState,
    Notice,
    Outgoing,
    PurgeResult,
    utc,
)

# The timestamp column each state sets when entered.
STAMP: dict[str, str] = {state.value: f"{state.value}_at" for state in HandoffState}

_handoff = HandoffBase.metadata.tables[HandoffRow.__tablename__]
_event = HandoffBase.metadata.tables[HandoffEventRow.__tablename__]
_message = HandoffBase.metadata.tables[HandoffMessageRow.__tablename__]
_notice = HandoffBase.metadata.tables[HandoffNoticeRow.__tablename__]
_outbox = HandoffBase.metadata.tables[HandoffOutboxRow.__tablename__]


def admin_ref(handoff_id: str) -> str:
    """The handoff's reference for the administration: stable, unique, and useless for acting on it."""
    return hashlib.sha256(f"samrad-admin:{handoff_id}".encode()).hexdigest()[:20]


def _utc_values(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: utc(value) if isinstance(value, datetime) else value for key, value in values.items()}


class HandoffStore:
    """Reads and writes the handoff tables; every state change is a conditional UPDATE plus an event row."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._reads = autocommit(engine)  # the per-turn question below needs no transaction: one round trip
        self._clock = clock

    def now(self) -> datetime:
        """The injected clock's time, in UTC."""
        return utc(self._clock())

    async def create(self, values: Mapping[str, Any], *, handoff_id: str, outbox: Sequence[Outgoing] = (),
                     owner: str | None = None, before_commit: Callable[[], None] | None = None) -> None:
        """Insert a handoff in state *requested* with its first timer and queued notifications, in one transaction.

        With *owner*, the first timer and the notifications are leased to it, so this process acts on them
        first and any other takes over only once the lease ran out (the process died).
        """
        now = self.now()
        row = _utc_values({"id": handoff_id, "state": REQUESTED, "stage": 0, "requested_at": now,
                           "message_count": 0, "admin_ref": admin_ref(handoff_id), **values})
        if owner is not None and row.get("next_action_at") is not None and row["next_action_at"] <= now:
            row.update(lease_owner=owner, lease_until=now + timedelta(seconds=OUTBOX_LEASE_SECONDS))
        for key in ("categories", "route", "note", "staff_reference"):
            if key in row and not isinstance(row[key], str | None):
                row[key] = json.dumps(row[key])
        async with self._engine.begin() as connection:
            await connection.execute(insert(_handoff).values(**row))
            await self._event(connection, handoff_id, "transition", actor="staff", at=now, to_state=REQUESTED)
            await self._enqueue(connection, handoff_id, outbox, owner, now)
            if before_commit is not None:
                before_commit()

    async def get(self, handoff_id: str) -> Handoff | None:
        """One handoff, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(_handoff).where(_handoff.c.id == handoff_id))).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    # The options of a conditional state change, all by name.
    async def transition(self, handoff_id: str, from_states: Iterable[str], to_state: str, *, actor: str,  # noqa: PLR0913
                         detail: str | None = None, at_stage: int | None = None, outbox: Sequence[Outgoing] = (),
                         owner: str | None = None, update_cards: bool = False, **values: Any) -> bool:
        """Move the handoff to *to_state* only if it is in one of *from_states* (and at *at_stage*, if given).

        Returns False when another turn, replica or timer got there first; exactly one caller wins. The
        winner's *outbox* (and, with *update_cards*, an in-place update of every offer card sent so far) is
        queued in the same transaction, leased to *owner*.
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
            await self._event(connection, handoff_id, "transition", actor=actor, at=now, from_state=previous,
                              to_state=to_state, detail=detail)
            items = list(outbox)
            if update_cards:
                notice_ids = (await connection.execute(
                    select(_notice.c.id).where(_notice.c.handoff_id == handoff_id).order_by(_notice.c.id)
                )).scalars().all()
                items += [Outgoing(key=f"update:{notice_id}:{to_state}", kind=UPDATE, payload={"notice_id": notice_id})
                          for notice_id in notice_ids]
            await self._enqueue(connection, handoff_id, items, owner, now)
        return True

    async def _enqueue(self, connection: AsyncConnection, handoff_id: str, outbox: Sequence[Outgoing],
                       owner: str | None, now: datetime) -> None:
        lease = ({"lease_owner": owner, "lease_until": now + timedelta(seconds=OUTBOX_LEASE_SECONDS)}
                 if owner is not None else {})
        for item in outbox:
            exists = (await connection.execute(select(_outbox.c.id).where(
                _outbox.c.handoff_id == handoff_id, _outbox.c.key == item.key))).first()
            if exists is not None:
                continue  # queued before (a retried timer): the notification goes out once
            try:
                async with connection.begin_nested():
                    notice_id = None
                    payload = item.payload
                    if item.kind == UPDATE:
                        notice_id = int(payload["notice_id"])
                        payload = None
                    if item.recipient is not None:
                        kind, target_id, stage = item.recipient
                        conversation_id = ((item.reference or {}).get("conversation") or {}).get("id") or ""
                        # The notice is recorded before the card goes out: a click that arrives before the send
                        # returns is still recognised as coming from a recipient.
                        result = await connection.execute(insert(_notice).values(
                            handoff_id=handoff_id, kind=kind, target_id=target_id, stage=stage,
                            conversation_id=conversation_id, activity_id=None, lang=item.lang, sent_at=now))
                        inserted = result.inserted_primary_key
                        notice_id = inserted[0] if inserted is not None else None
                        await self._event(connection, handoff_id, "notified", actor="system", at=now,
                                          detail=f"{kind}:stage{stage}")
                    await connection.execute(insert(_outbox).values(
                        handoff_id=handoff_id, key=item.key, kind=item.kind,
                        reference=json.dumps(item.reference) if item.reference is not None else None,
                        notice_id=notice_id, payload=json.dumps(payload) if payload is not None else None,
                        created_at=now, due_at=now, attempts=0, **lease))
            except IntegrityError:
                continue  # another process queued the same key a moment ago

    async def update(self, handoff_id: str, *, states: Iterable[str] | None = None,
                     where_null: str | None = None, outbox: Sequence[Outgoing] = (), owner: str | None = None,
                     **values: Any) -> bool:
        """Change fields (not the state) if the handoff is in *states* and *where_null* is still empty.

        The winner's *outbox* is queued in the same transaction.
        """
        condition = _handoff.c.id == handoff_id
        if states is not None:
            condition = and_(condition, _handoff.c.state.in_(tuple(states)))
        if where_null is not None:
            condition = and_(condition, _handoff.c[where_null].is_(None))
        async with self._engine.begin() as connection:
            result = await connection.execute(update(_handoff).where(condition).values(**_utc_values(values)))
            if result.rowcount == 1 and outbox:
                await self._enqueue(connection, handoff_id, outbox, owner, self.now())
        return result.rowcount == 1

    async def record(self, handoff_id: str, kind: str, actor: str, detail: str | None = None) -> None:
        """Add an event that is not a state change (a card sent, the staff member told, a rating)."""
        async with self._engine.begin() as connection:
            await self._event(connection, handoff_id, kind, actor=actor, at=self.now(), detail=detail)

    async def events(self, handoff_id: str) -> list[dict[str, Any]]:
        """The handoff's events, oldest first."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_event).where(_event.c.handoff_id == handoff_id).order_by(_event.c.id))).mappings().all()
        return [dict(row) for row in rows]

    @staticmethod
    async def _event(connection: AsyncConnection, handoff_id: str, kind: str, *, actor: str, at: datetime,
                     from_state: str | None = None, to_state: str | None = None, detail: str | None = None) -> None:
        await connection.execute(insert(_event).values(handoff_id=handoff_id, at=at, kind=kind,
                                                       from_state=from_state, to_state=to_state,
                                                       actor=actor, detail=detail))

    # --- finding the handoff a message belongs to -------------------------------------------------

    async def open_for_staff(self, conversation_id: str) -> Handoff | None:
        """The newest not-yet-ended handoff requested from *conversation_id*."""
        async with self._engine.connect() as connection:
            return await self._newest_on(connection, and_(_handoff.c.staff_conversation_id == conversation_id,
                                                          _handoff.c.state.in_(OPEN)))

    async def clear_focus(self, claimer_id: str) -> None:
        """Forget which conversation *claimer_id* chose for typed messages."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_handoff).where(_handoff.c.claimed_by == claimer_id,
                                                            _handoff.c.focus_at.is_not(None)).values(focus_at=None))

    async def relayed_message(self, conversation_id: str, sender_id: str | None
                              ) -> tuple[Handoff | None, list[Handoff]]:
        """The staff member's open handoff from *conversation_id*, else every claimed or active handoff of
        *sender_id* relayed through it, newest first; one pool checkout for both questions (bench.load)."""
        staff = and_(_handoff.c.staff_conversation_id == conversation_id, _handoff.c.state.in_(OPEN))
        async with self._reads.connect() as connection:
            staff_side = await self._newest_on(connection, staff)
            if staff_side is not None or not sender_id:
                return staff_side, []
            rows = (await connection.execute(select(_handoff).where(
                _handoff.c.claimed_by == sender_id, _handoff.c.claimer_conversation_id == conversation_id,
                _handoff.c.state.in_(TALKING)).order_by(_handoff.c.requested_at.desc()))).mappings().all()
            return None, [Handoff.from_row(row) for row in rows]

    @staticmethod
    async def _newest_on(connection: AsyncConnection, condition: ColumnElement[bool]) -> Handoff | None:
        row = (await connection.execute(
            select(_handoff).where(condition).order_by(_handoff.c.requested_at.desc()).limit(1)
        )).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    # --- cards sent ---------------------------------------------------------------------------------

    async def notices(self, handoff_id: str) -> list[Notice]:
        """Every card sent about the handoff, in sending order."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_notice).where(_notice.c.handoff_id == handoff_id).order_by(_notice.c.id))).mappings().all()
        return [Notice.from_row(row) for row in rows]

    async def notice(self, notice_id: int) -> Notice | None:
        """One sent card, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(_notice).where(_notice.c.id == notice_id))).mappings().first()
        return Notice.from_row(row) if row is not None else None

    async def offered_to(self, handoff_id: str, targets: Iterable[tuple[str, str]]) -> bool:
        """True when an offer of *handoff_id* went to one of *targets* ((kind, target_id) pairs)."""
        conditions = [and_(_notice.c.kind == kind, _notice.c.target_id == target) for kind, target in targets]
        if not conditions:
            return False
        async with self._engine.connect() as connection:
            found = (await connection.execute(select(_notice.c.id).where(
                _notice.c.handoff_id == handoff_id, or_(*conditions)).limit(1))).first()
        return found is not None

    async def notified_targets(self, handoff_id: str) -> set[tuple[str, str]]:
        """(kind, target_id) of everyone already sent a card."""
        return {(n.kind, n.target_id) for n in await self.notices(handoff_id)}

    # --- relay transcript ---------------------------------------------------------------------------

    async def add_message(self, handoff_id: str, sender: str, text: str, kinds: Iterable[str], *,
                          outbox: Sequence[Outgoing] = (), owner: str | None = None,
                          idle_after: timedelta | None = None) -> None:
        """Store one relayed (already scrubbed) message, count it, queue its delivery, push the idle timer."""
        now = self.now()
        async with self._engine.begin() as connection:
            await connection.execute(insert(_message).values(handoff_id=handoff_id, at=now, sender=sender,
                                                             text=text, kinds=json.dumps(sorted(kinds))))
            values: dict[str, Any] = {"message_count": _handoff.c.message_count + 1, "last_message_at": now}
            await connection.execute(update(_handoff).where(_handoff.c.id == handoff_id).values(**values))
            if idle_after is not None:
                await connection.execute(update(_handoff).where(
                    _handoff.c.id == handoff_id, _handoff.c.next_action == "idle").values(
                    next_action_at=now + idle_after))
            await self._enqueue(connection, handoff_id, outbox, owner, now)

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

    # --- outbox -------------------------------------------------------------------------------------

    async def outbox(self, handoff_id: str) -> list[dict[str, Any]]:
        """Every outbox row of a handoff, oldest first (for tests and diagnostics)."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_outbox).where(_outbox.c.handoff_id == handoff_id)
                                             .order_by(_outbox.c.id))).mappings().all()
        return [dict(row) for row in rows]


    async def purge(self, cutoff: datetime) -> PurgeResult:
        """Blank personal fields of every handoff requested or ended before *cutoff*, whatever its state.

        A handoff still open at that age is ended first (waiting: expired, talking: closed, actor "purge");
        relay messages and outbox rows older than *cutoff* or of purged handoffs are deleted. The handoff rows
        themselves stay (state, timestamps, outcome, rating, message_count) for statistics.
        """
        cutoff = utc(cutoff)
        now = self.now()
        ended_before = and_(_handoff.c.state.in_(ENDED),
                            func.coalesce(_handoff.c.closed_at, _handoff.c.withdrawn_at, _handoff.c.expired_at,
                                          _handoff.c.requested_at) < cutoff)
        too_old = or_(ended_before, _handoff.c.requested_at < cutoff)
        async with self._engine.begin() as connection:
            stale = (await connection.execute(select(_handoff.c.id, _handoff.c.state).where(
                _handoff.c.requested_at < cutoff, _handoff.c.state.in_(OPEN)))).all()
            for handoff_id, state in stale:
                to_state = EXPIRED if state in WAITING else CLOSED
                extra = {"closed_by": "purge"} if to_state == CLOSED else {}
                await connection.execute(update(_handoff).where(_handoff.c.id == handoff_id).values(
                    state=to_state, next_action=None, next_action_at=None, **{STAMP[to_state]: now}, **extra))
                await self._event(connection, handoff_id, "transition", actor="system", at=now, from_state=state,
                                  to_state=to_state, detail="retention")
            purged_ids = select(_handoff.c.id).where(too_old).scalar_subquery()
            deleted = await connection.execute(
                delete(_message).where(or_(_message.c.at < cutoff, _message.c.handoff_id.in_(purged_ids))))
            outbox = await connection.execute(
                delete(_outbox).where(or_(_outbox.c.created_at < cutoff, _outbox.c.handoff_id.in_(purged_ids))))
            blanked = await connection.execute(
                update(_handoff).where(too_old, _handoff.c.purged_at.is_(None))
                .values(note=None, staff_id=None, staff_name=None, staff_conversation_id=None, staff_reference=None,
                        claimer_reference=None, purged_at=now))
        return PurgeResult(messages=deleted.rowcount, handoffs=blanked.rowcount, ended=len(stale),
                           outbox=outbox.rowcount)

    async def counts(self) -> dict[str, int]:
        """How many handoffs are in each state (what statistics keep after a purge)."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(_handoff.c.state, func.count()).group_by(_handoff.c.state))).all()
        return {state: count for state, count in rows}
