"""The SQL rows (SQLAlchemy 2) that `routing/storage.py` keeps the routing tables and their history in.

The fields are described once in `routing/schema.py`; `tests/routing/test_schema.py` keeps the two in agreement.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The naming convention of every Samråd table (bot/ imports it from here; routing may not import bot/).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class RoutingBase(DeclarativeBase):
    """Declarative base for the routing tables."""

    metadata = MetaData(naming_convention=NAMING)


class DistrictRow(RoutingBase):
    """A district; `aliases` is "|"-separated."""

    __tablename__ = "routing_district"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PreschoolRow(RoutingBase):
    """A preschool; `district_id` is NULL while unmapped; `area` is the stadsdel (part of town), "" when unknown."""

    __tablename__ = "routing_preschool"
    __table_args__ = (Index("ix_routing_preschool_district_id", "district_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(16), default="")
    skolverket_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("routing_district.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    area: Mapped[str] = mapped_column(String(200), default="")


class UnitRow(RoutingBase):
    """A social-services unit; `district_id` is NULL for city-wide units."""

    __tablename__ = "routing_unit"
    __table_args__ = (Index("ix_routing_unit_district_id", "district_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("routing_district.id"), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    teams_channel_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ContactRow(RoutingBase):
    """A person or channel at a unit; priority 1 first."""

    __tablename__ = "routing_contact"
    __table_args__ = (Index("ix_routing_contact_unit_id", "unit_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[str] = mapped_column(ForeignKey("routing_unit.id"))
    teams_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    teams_channel_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    priority: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OpeningHoursRow(RoutingBase):
    """One weekly opening interval (weekday 0–6, 7 = holidays and eves)."""

    __tablename__ = "routing_opening_hours"
    __table_args__ = (Index("ix_routing_opening_hours_unit_id", "unit_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("routing_unit.id"))
    weekday: Mapped[int] = mapped_column(Integer)
    opens: Mapped[time] = mapped_column(Time)
    closes: Mapped[time] = mapped_column(Time)


class HoursExceptionRow(RoutingBase):
    """A dated exception: closed, or special hours."""

    __tablename__ = "routing_hours_exception"
    __table_args__ = (Index("ix_routing_hours_exception_unit_id", "unit_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("routing_unit.id"))
    day: Mapped[date] = mapped_column(Date)
    closed: Mapped[bool] = mapped_column(Boolean, default=True)
    opens: Mapped[time | None] = mapped_column(Time, nullable=True)
    closes: Mapped[time | None] = mapped_column(Time, nullable=True)
    note: Mapped[str] = mapped_column(String(300), default="")


class OnCallRow(RoutingBase):
    """A contact on call for a unit; times stored in UTC."""

    __tablename__ = "routing_on_call"
    __table_args__ = (Index("ix_routing_on_call_unit_id", "unit_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("routing_contact.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("routing_unit.id"))
    starts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RuleRow(RoutingBase):
    """(concern or "*", outcome or "*") → "|"-separated unit kinds in order."""

    __tablename__ = "routing_rule"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    concern: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(32))
    unit_kinds: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(String(300), default="")


class ChangeRow(RoutingBase):
    """One change to a routing table: who, when, what, before and after (JSON)."""

    __tablename__ = "routing_change"
    __table_args__ = (Index("ix_routing_change_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
