"""The conversations' tables: Bot Framework state per conversation and user, where each user or channel can be
reached again (conversation references), and the anonymous consultation notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from routing.storage_rows import NAMING as ROUTING_NAMING

# One naming convention for every table; it lives in routing/, the innermost package that owns tables.
NAMING = ROUTING_NAMING


class Base(DeclarativeBase):
    """Declarative base for the bot's own tables."""

    metadata = MetaData(naming_convention=NAMING)


class StateRow(Base):
    """One botbuilder storage item (conversation or user state), JSON-encoded, with its eTag."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(String(512), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConversationRefRow(Base):
    """Where the bot can reach a user (personal chat) or a team channel proactively."""

    __tablename__ = "conversation_reference"
    __table_args__ = (
        UniqueConstraint("kind", "target_id", name="uq_conversation_reference_kind_target"),
        Index("ix_conversation_reference_conversation", "conversation_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # "user" or "channel"
    target_id: Mapped[str] = mapped_column(String(256))  # AAD object id (user) or channel id
    tenant_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    conversation_id: Mapped[str] = mapped_column(String(512))
    service_url: Mapped[str] = mapped_column(String(512))
    reference: Mapped[str] = mapped_column(Text)  # serialized botbuilder ConversationReference
    display_name: Mapped[str | None] = mapped_column(String(256), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConsultationRow(Base):
    """A konsultationsanteckning (avidentifierad): no child data, the summary scrubbed and purged on schedule."""

    __tablename__ = "consultation"
    __table_args__ = (Index("ix_consultation_day_district", "day", "district_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    district_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(8), nullable=True)
    categories: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of category codes
    signals: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON list of understanding signal codes
    reasons: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON list of assessment reason codes
    duration: Mapped[str | None] = mapped_column(String(16), nullable=True)
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(String(16))
    handoff_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    lang: Mapped[str] = mapped_column(String(2), default="sv")
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)  # scrubbed; set to NULL when purged
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
