"""Tables owned by the handoff: one row per request, its timestamped events, relay messages, sent cards."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.conversation_tables import NAMING


class HandoffBase(DeclarativeBase):
    """Declarative base for the handoff's tables."""

    metadata = MetaData(naming_convention=NAMING)


class HandoffRow(HandoffBase):
    """One request to talk to a socionom, from *requested* to *closed*, *withdrawn* or *expired*."""

    __tablename__ = "handoff"
    __table_args__ = (
        Index("ix_handoff_state", "state"),
        Index("ix_handoff_next_action_at", "next_action_at"),
        Index("ix_handoff_staff_conversation", "staff_conversation_id"),
        Index("ix_handoff_claimed_by", "claimed_by"),
        Index("ix_handoff_requested_at_district", "requested_at", "district_id"),
        Index("ix_handoff_admin_ref", "admin_ref", unique=True),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    # Escalation stage: 0 first contacts, 1 backups / on-call, 2 the unit's channel, 3 nobody left.
    stage: Mapped[int] = mapped_column(Integer, default=0)
    lang: Mapped[str] = mapped_column(String(2), default="sv")
    # No foreign keys: routing's and the notes' tables live on other migration branches.
    district_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    unit_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    consultation_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    categories: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of category codes
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    route: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the routing decision (ids and codes)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON, scrubbed; NULL once purged
    share_name: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_id: Mapped[str | None] = mapped_column(String(256), nullable=True)  # AAD object id; NULL once purged
    staff_name: Mapped[str | None] = mapped_column(String(256), nullable=True)  # only with consent
    staff_conversation_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    staff_reference: Mapped[str | None] = mapped_column(Text, nullable=True)  # serialized ConversationReference
    claimed_by: Mapped[str | None] = mapped_column(String(256), nullable=True)  # socionom's AAD object id
    claimer_name: Mapped[str | None] = mapped_column(String(256), nullable=True)
    claimer_role: Mapped[str | None] = mapped_column(String(128), nullable=True)
    claimer_conversation_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    claimer_reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    claimer_lang: Mapped[str | None] = mapped_column(String(2), nullable=True)  # the socionom's own language
    # When the socionom last chose this handoff for their typed messages (several active at once).
    focus_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_message_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # What the administration sees instead of the id: a hash that cannot be used to act on the handoff.
    admin_ref: Mapped[str | None] = mapped_column(String(32), nullable=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    offered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    active_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    expired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(16), nullable=True)  # "staff" or "socionom"
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    message_count: Mapped[int] = mapped_column(Integer, default=0)  # survives the transcript's purge
    next_action: Mapped[str | None] = mapped_column(String(32), nullable=True)
    next_action_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class HandoffEventRow(HandoffBase):
    """One timestamped transition or step of a handoff (codes only, never message text)."""

    __tablename__ = "handoff_event"
    __table_args__ = (Index("ix_handoff_event_handoff", "handoff_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(32))  # "transition", "notified", "told_staff", ...
    from_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    actor: Mapped[str] = mapped_column(String(16))  # "staff", "socionom", "timer", "system"
    detail: Mapped[str | None] = mapped_column(String(256), nullable=True)  # a code, never user text


class HandoffMessageRow(HandoffBase):
    """One relayed message, scrubbed; deleted when the retention period is over."""

    __tablename__ = "handoff_message"
    __table_args__ = (Index("ix_handoff_message_handoff", "handoff_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sender: Mapped[str] = mapped_column(String(16))  # "staff" or "socionom"
    text: Mapped[str] = mapped_column(Text)  # scrubbed
    kinds: Mapped[str] = mapped_column(String(256), default="[]")  # JSON: what scrub masked


class HandoffNoticeRow(HandoffBase):
    """One card the bot sent about a handoff, kept so it can be updated in place later."""

    __tablename__ = "handoff_notice"
    __table_args__ = (Index("ix_handoff_notice_handoff", "handoff_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # "user" or "channel"
    target_id: Mapped[str] = mapped_column(String(256))
    stage: Mapped[int] = mapped_column(Integer, default=0)
    conversation_id: Mapped[str] = mapped_column(String(512))
    activity_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    lang: Mapped[str] = mapped_column(String(2), default="sv")
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class HandoffOutboxRow(HandoffBase):
    """One notification to send after its transaction committed; leased, retried, sent exactly once.

    `kind` is "send" (activities in `payload` to `reference`), "offer" (the offer card for `notice_id`, drawn
    when sent) or "update" (the sent offer card of `notice_id` redrawn in place). The payload is blanked once
    sent; rows go with the purge.
    """

    __tablename__ = "handoff_outbox"
    __table_args__ = (
        UniqueConstraint("handoff_id", "key", name="uq_handoff_outbox_handoff_key"),
        Index("ix_handoff_outbox_pending", "sent_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(160))  # idempotency key: the same notification is queued once
    kind: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(Text, nullable=True)  # serialized ConversationReference
    notice_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON activities; scrubbed text only
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    error_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
