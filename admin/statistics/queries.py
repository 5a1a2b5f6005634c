"""The statistics' SQL: the facts read from the consultation and handoff tables, never a text column."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, overload

from sqlalchemy import Boolean, Date, DateTime, Integer, Row, Select, String, Text, column, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from admin.statistics.facts import ConsultationFact, HandoffFact


@overload
def _aware(value: datetime) -> datetime: ...


@overload
def _aware(value: datetime | None) -> datetime | None: ...


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _parse_categories(raw: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


class SqlStatistics:
    """Reads the facts from the consultation and handoff tables (names configurable; text columns never read)."""

    def __init__(self, engine: AsyncEngine, *, consultation_table: str = "consultation",
                 handoff_table: str = "handoff") -> None:
        self._engine = engine
        # Typed columns so dates and times convert the same way on SQLite and PostgreSQL.
        self._consultation = table(
            consultation_table, column("day", Date()), column("district_id", String()), column("outcome", String()),
            column("acute", Boolean()), column("handoff_requested", Boolean()), column("age_band", String()),
            column("categories", Text()))
        when = DateTime(timezone=True)
        self._handoff = table(
            handoff_table, column("requested_at", when), column("district_id", String()),
            column("claimed_at", when), column("closed_at", when), column("outcome", String()),
            column("rating", Integer()))

    async def consultations(self, since: date | None, until: date | None,
                            district_id: str | None) -> list[ConsultationFact]:
        """Consultations with *since* ≤ day ≤ *until*, in *district_id* when given."""
        t = self._consultation
        query = select(t.c.day, t.c.district_id, t.c.outcome, t.c.acute, t.c.handoff_requested, t.c.age_band,
                       t.c.categories)
        if since:
            query = query.where(t.c.day >= since)
        if until:
            query = query.where(t.c.day <= until)
        if district_id:
            query = query.where(t.c.district_id == district_id)
        rows = await self._rows(query)
        return [ConsultationFact(day=r.day if isinstance(r.day, date) else date.fromisoformat(str(r.day)),
                                 district_id=r.district_id, outcome=r.outcome, acute=bool(r.acute),
                                 handoff_requested=bool(r.handoff_requested), age_band=r.age_band,
                                 categories=_parse_categories(r.categories)) for r in rows]

    async def handoffs(self, since: date | None, until: date | None,
                       district_id: str | None) -> list[HandoffFact]:
        """Handoffs requested within the period, in *district_id* when given."""
        t = self._handoff
        query = select(t.c.requested_at, t.c.district_id, t.c.claimed_at, t.c.closed_at, t.c.outcome, t.c.rating)
        if since:
            query = query.where(t.c.requested_at >= datetime.combine(since, datetime.min.time(), UTC))
        if until:
            query = query.where(t.c.requested_at < datetime.combine(until, datetime.max.time(), UTC))
        if district_id:
            query = query.where(t.c.district_id == district_id)
        rows = await self._rows(query)
        return [HandoffFact(requested_at=_aware(r.requested_at), district_id=r.district_id,
                            claimed_at=_aware(r.claimed_at), closed_at=_aware(r.closed_at), outcome=r.outcome,
                            rating=r.rating) for r in rows]

    async def _rows(self, query: Select[Any]) -> Sequence[Row[Any]]:
        try:
            async with self._engine.connect() as connection:
                return (await connection.execute(query)).all()
        except DBAPIError as error:
            # Until the consultation/handoff migrations have run, the tables may be missing: no facts yet.
            if "no such table" in str(error.orig) or "does not exist" in str(error.orig):
                return []
            raise
