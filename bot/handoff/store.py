"""All SQL of the handoff: atomic state transitions, timers with leases, relay messages, sent cards, purge."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.handoff.tables import HandoffEventRow, HandoffMessageRow, HandoffNoticeRow, HandoffOutboxRow, HandoffRow
from routing.route import RouteDecision

REQUESTED = "requested"
OFFERED = "offered"
ESCALATED = "escalated"
CLAIMED = "claimed"
ACTIVE = "active"
CLOSED = "closed"
WITHDRAWN = "withdrawn"
EXPIRED = "expired"
WAITING = (REQUESTED, OFFERED, ESCALATED)  # nobody has taken the request yet
CLAIMABLE = WAITING  # a fast click may arrive before the request is marked offered
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
_outbox = HandoffOutboxRow.__table__

# Outbox row kinds.
SEND = "send"
OFFER = "offer"
UPDATE = "update"
# A notification that fails is retried after 30 s, 1, 2, 4 … minutes; given up after this many attempts.
OUTBOX_MAX_ATTEMPTS = 8
OUTBOX_LEASE_SECONDS = 120.0


def admin_ref(handoff_id: str) -> str:
    """The handoff's reference for the administration: stable, unique, and useless for acting on it."""
    return hashlib.sha256(f"samrad-admin:{handoff_id}".encode()).hexdigest()[:20]


def retry_delay(attempts: int) -> timedelta:
    """How long to wait before the next attempt after *attempts* failed ones."""
    return timedelta(seconds=30) if attempts <= 1 else timedelta(minutes=min(2 ** (attempts - 2), 60))


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
    route: RouteDecision
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
    claimer_lang: str | None
    focus_at: datetime | None
    last_message_at: datetime | None
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
            route=RouteDecision.from_dict(loads(row["route"]) or {}), note=loads(row["note"]),
            share_name=bool(row["share_name"]),
            staff_id=row["staff_id"], staff_name=row["staff_name"],
            staff_conversation_id=row["staff_conversation_id"], staff_reference=loads(row["staff_reference"]),
            claimed_by=row["claimed_by"], claimer_name=row["claimer_name"], claimer_role=row["claimer_role"],
            claimer_conversation_id=row["claimer_conversation_id"],
            claimer_reference=loads(row["claimer_reference"]), claimer_lang=row["claimer_lang"],
            focus_at=_aware(row["focus_at"]), last_message_at=_aware(row["last_message_at"]),
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
class Outgoing:
    """A notification to queue with a state change: sent after the commit, retried until delivered.

    *key* makes it idempotent: queuing the same key for a handoff twice (a retried timer) queues it once.
    For an OFFER, *recipient* = (kind, target_id, stage) also records the notice, before anything is sent.
    """

    key: str
    kind: str = SEND
    reference: Mapping[str, Any] | None = None
    payload: Any = None
    recipient: tuple[str, str, int] | None = None
    lang: str = "sv"


@dataclass(frozen=True)
class Pending:
    """One leased outbox row, ready to deliver."""

    id: int
    handoff_id: str
    key: str
    kind: str
    reference: dict[str, Any] | None
    notice_id: int | None
    payload: Any
    attempts: int


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed: relay messages deleted and handoffs whose personal fields were blanked."""

    messages: int
    handoffs: int
    notes: int = 0
    conversations: int = 0
    ended: int = 0  # open handoffs older than the retention, ended by the purge
    outbox: int = 0


class HandoffStore:
    """Reads and writes the handoff tables; every state change is a conditional UPDATE plus an event row."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
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
            await self._event(connection, handoff_id, "transition", None, REQUESTED, "staff", None, now)
            await self._enqueue(connection, handoff_id, outbox, owner, now)
            if before_commit is not None:
                before_commit()

    async def get(self, handoff_id: str) -> Handoff | None:
        """One handoff, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(_handoff).where(_handoff.c.id == handoff_id))).mappings().first()
        return Handoff.from_row(row) if row is not None else None

    async def transition(self, handoff_id: str, from_states: Iterable[str], to_state: str, *, actor: str,
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
            await self._event(connection, handoff_id, "transition", previous, to_state, actor, detail, now)
            items = list(outbox)
            if update_cards:
                notice_ids = (await connection.execute(
                    select(_notice.c.id).where(_notice.c.handoff_id == handoff_id).order_by(_notice.c.id)
                )).scalars().all()
                items += [Outgoing(key=f"update:{notice_id}:{to_state}", kind=UPDATE, payload={"notice_id": notice_id})
                          for notice_id in notice_ids]
            await self._enqueue(connection, handoff_id, items, owner, now)
        return True

    async def enqueue(self, handoff_id: str, outbox: Sequence[Outgoing], owner: str | None = None) -> None:
        """Queue notifications on their own (no state change), leased to *owner*."""
        async with self._engine.begin() as connection:
            await self._enqueue(connection, handoff_id, outbox, owner, self.now())

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
                        notice_id = result.inserted_primary_key[0]
                        await self._event(connection, handoff_id, "notified", None, None, "system",
                                          f"{kind}:stage{stage}", now)
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

    async def talking_all(self, claimer_id: str, conversation_id: str) -> list[Handoff]:
        """Every claimed or active handoff of *claimer_id* relayed through *conversation_id*, newest first."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_handoff).where(
                _handoff.c.claimed_by == claimer_id, _handoff.c.claimer_conversation_id == conversation_id,
                _handoff.c.state.in_(TALKING)).order_by(_handoff.c.requested_at.desc()))).mappings().all()
        return [Handoff.from_row(row) for row in rows]

    async def clear_focus(self, claimer_id: str) -> None:
        """Forget which conversation *claimer_id* chose for typed messages."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_handoff).where(_handoff.c.claimed_by == claimer_id,
                                                            _handoff.c.focus_at.is_not(None)).values(focus_at=None))

    async def relayed_message(self, conversation_id: str, sender_id: str | None
                              ) -> tuple[Handoff | None, list[Handoff]]:
        """`open_for_staff(conversation_id)` and `talking_all(sender_id, conversation_id)` on one connection.

        Every message turn asks both; one pool checkout instead of two (bench.load).
        """
        staff = and_(_handoff.c.staff_conversation_id == conversation_id, _handoff.c.state.in_(OPEN))
        async with self._engine.connect() as connection:
            staff_side = await self._newest_on(connection, staff)
            if staff_side is not None or not sender_id:
                return staff_side, []
            rows = (await connection.execute(select(_handoff).where(
                _handoff.c.claimed_by == sender_id, _handoff.c.claimer_conversation_id == conversation_id,
                _handoff.c.state.in_(TALKING)).order_by(_handoff.c.requested_at.desc()))).mappings().all()
            return None, [Handoff.from_row(row) for row in rows]

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

    async def notice(self, notice_id: int) -> Notice | None:
        """One sent card, or None."""
        async with self._engine.connect() as connection:
            r = (await connection.execute(select(_notice).where(_notice.c.id == notice_id))).mappings().first()
        if r is None:
            return None
        return Notice(id=r["id"], handoff_id=r["handoff_id"], kind=r["kind"], target_id=r["target_id"],
                      stage=r["stage"], conversation_id=r["conversation_id"], activity_id=r["activity_id"],
                      lang=r["lang"])

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

    async def notice_updated(self, notice_id: int) -> None:
        """Record that a sent card was updated in place."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_notice).where(_notice.c.id == notice_id).values(updated_at=self.now()))

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

    # --- outbox -------------------------------------------------------------------------------------

    async def leased_outbox(self, owner: str, handoff_id: str | None = None) -> list[Pending]:
        """Unsent rows leased to *owner* (queued by it in this turn), oldest first."""
        condition = and_(_outbox.c.lease_owner == owner, _outbox.c.sent_at.is_(None), _outbox.c.failed_at.is_(None))
        if handoff_id is not None:
            condition = and_(condition, _outbox.c.handoff_id == handoff_id)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_outbox).where(condition).order_by(_outbox.c.id))
                    ).mappings().all()
        return [self._pending(row) for row in rows]

    async def lease_outbox(self, owner: str, *, handoff_id: str | None = None, limit: int = 100) -> list[Pending]:
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
    def _pending(row: Mapping[str, Any]) -> Pending:
        return Pending(id=row["id"], handoff_id=row["handoff_id"], key=row["key"], kind=row["kind"],
                       reference=json.loads(row["reference"]) if row["reference"] else None,
                       notice_id=row["notice_id"], payload=json.loads(row["payload"]) if row["payload"] else None,
                       attempts=row["attempts"])

    async def outbox_sent(self, row: Pending, owner: str, *, activity_id: str | None = None) -> bool:
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

    async def outbox_retry(self, row: Pending, owner: str, error_type: str, *, soon: bool = False) -> None:
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

    async def outbox_release(self, owner: str) -> None:
        """Give back every row *owner* still holds, so the sweeper can take them at once."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_outbox).where(_outbox.c.lease_owner == owner, _outbox.c.sent_at.is_(None))
                                     .values(lease_owner=None, lease_until=None))

    async def outbox(self, handoff_id: str) -> list[dict[str, Any]]:
        """Every outbox row of a handoff, oldest first (for tests and diagnostics)."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(_outbox).where(_outbox.c.handoff_id == handoff_id)
                                             .order_by(_outbox.c.id))).mappings().all()
        return [dict(row) for row in rows]

    async def offer_pending(self, notice_id: int) -> bool:
        """True while the offer card of *notice_id* is queued but not yet sent (nor given up)."""
        async with self._engine.connect() as connection:
            found = (await connection.execute(select(_outbox.c.id).where(
                _outbox.c.notice_id == notice_id, _outbox.c.kind == OFFER, _outbox.c.sent_at.is_(None),
                _outbox.c.failed_at.is_(None)))).first()
        return found is not None

    # --- retention ----------------------------------------------------------------------------------

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
                await self._event(connection, handoff_id, "transition", state, to_state, "system", "retention", now)
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
