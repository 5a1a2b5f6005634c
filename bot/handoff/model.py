"""The handoff as values: its states and target kinds, a snapshot of one handoff, the cards sent about it, the
notifications queued with its state changes, and what a purge removed. No SQL, no botbuilder."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from routing.route import RouteDecision


class HandoffState(StrEnum):
    """Where a handoff is: asked for, offered, escalated, taken, talking, or ended one of three ways."""

    REQUESTED = "requested"
    OFFERED = "offered"
    ESCALATED = "escalated"
    CLAIMED = "claimed"
    ACTIVE = "active"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


REQUESTED, OFFERED, ESCALATED = HandoffState.REQUESTED, HandoffState.OFFERED, HandoffState.ESCALATED
CLAIMED, ACTIVE = HandoffState.CLAIMED, HandoffState.ACTIVE
CLOSED, WITHDRAWN, EXPIRED = HandoffState.CLOSED, HandoffState.WITHDRAWN, HandoffState.EXPIRED
WAITING = (REQUESTED, OFFERED, ESCALATED)  # nobody has taken the request yet
CLAIMABLE = WAITING  # a fast click may arrive before the request is marked offered
TALKING = (CLAIMED, ACTIVE)
OPEN = WAITING + TALKING
ENDED = (CLOSED, WITHDRAWN, EXPIRED)


class TargetKind(StrEnum):
    """Whom a card or message reaches: a user's personal chat, or a Teams channel."""

    USER = "user"
    CHANNEL = "channel"


class OutboxKind(StrEnum):
    """What an outbox row sends: queued activities, an offer card drawn when sent, or a sent card redrawn."""

    SEND = "send"
    OFFER = "offer"
    UPDATE = "update"


SEND, OFFER, UPDATE = OutboxKind.SEND, OutboxKind.OFFER, OutboxKind.UPDATE
# How long a process holds a timer or a queued notification before another may take it over (it died).
OUTBOX_LEASE_SECONDS = 120.0


def utc(at: datetime) -> datetime:
    """*at* in UTC; stored values are always UTC so SQLite's naive text compares correctly."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


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
    def from_row(cls, row: Mapping[Any, Any]) -> Handoff:
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

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> Notice:
        """Decode one `handoff_notice` row."""
        return cls(id=row["id"], handoff_id=row["handoff_id"], kind=row["kind"], target_id=row["target_id"],
                   stage=row["stage"], conversation_id=row["conversation_id"], activity_id=row["activity_id"],
                   lang=row["lang"])


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

