"""Aggregate statistics for the pilot's evaluation: counts only, every cell under 5 suppressed, never any text.

The queries read only non-text columns of the `consultation` and `handoff` tables (through `SqlStatistics`,
whose table and column names can be pointed elsewhere); `build_report` is a pure function over those facts.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, column, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

THRESHOLD = 5
SUPPRESSED = "<5"
OUTCOMES = ("acute", "report", "consult", "support")
NO_DISTRICT = "(ingen stadsdel)"

Cell = int | str


@dataclass(frozen=True)
class ConsultationFact:
    """What statistics may know of one consultation: no summary, no ids."""

    day: date
    district_id: str | None
    outcome: str
    acute: bool
    handoff_requested: bool
    age_band: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoffFact:
    """What statistics may know of one handoff: times, outcome and rating."""

    requested_at: datetime
    district_id: str | None
    claimed_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    rating: int | None = None


@dataclass(frozen=True)
class StatTable:
    """One table of the report: header and rows whose counts are ints ≥ 5 or "<5"."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[list[Cell]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form."""
        return {"key": self.key, "title": self.title, "columns": list(self.columns), "rows": self.rows}


@dataclass(frozen=True)
class Report:
    """Every statistics table for one period and, optionally, one district."""

    since: date | None
    until: date | None
    district_id: str | None
    tables: list[StatTable]

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form."""
        return {"since": self.since and self.since.isoformat(), "until": self.until and self.until.isoformat(),
                "district_id": self.district_id, "threshold": THRESHOLD, "suppressed_as": SUPPRESSED,
                "tables": [t.to_dict() for t in self.tables]}

    def to_csv(self) -> str:
        """All tables in one CSV, each introduced by its title row, separated by a blank row."""
        out = io.StringIO()
        writer = csv.writer(out)
        for number, stat in enumerate(self.tables):
            if number:
                writer.writerow([])
            writer.writerow([stat.title])
            writer.writerow(stat.columns)
            writer.writerows(stat.rows)
        return out.getvalue()


class StatisticsSource(Protocol):
    """Where the facts come from (the SQL tables in production, lists in tests)."""

    async def consultations(self, since: date | None, until: date | None,
                            district_id: str | None) -> list[ConsultationFact]: ...

    async def handoffs(self, since: date | None, until: date | None,
                       district_id: str | None) -> list[HandoffFact]: ...


def suppress(count: int) -> Cell:
    """*count* when it is at least THRESHOLD, else "<5" (zero included: absence is not published either)."""
    return count if count >= THRESHOLD else SUPPRESSED


def _suppress_row(counts: Sequence[int], *, total: int | None) -> list[Cell]:
    """Suppress small cells, and when a shown total would reveal a lone suppressed cell, one more."""
    cells: list[Cell] = [suppress(c) for c in counts]
    hidden = [i for i, cell in enumerate(cells) if cell == SUPPRESSED]
    if total is not None and total >= THRESHOLD and len(hidden) == 1:
        # total − shown cells = the hidden one; hide the smallest shown cell as well (secondary suppression).
        shown = [i for i, cell in enumerate(cells) if cell != SUPPRESSED]
        if shown:
            cells[min(shown, key=lambda i: counts[i])] = SUPPRESSED
    return cells


def _month(value: date | datetime) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def _district(value: str | None) -> str:
    return value or NO_DISTRICT


def _minutes(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 60


def _measure(values: Sequence[float], unit: str = "") -> str:
    """A median or mean is published only when at least THRESHOLD records stand behind it."""
    if len(values) < THRESHOLD:
        return SUPPRESSED
    text = f"{statistics.median(values):.1f}".replace(".", ",")
    return f"{text} {unit}".strip()


def build_report(consultations: Iterable[ConsultationFact], handoffs: Iterable[HandoffFact], *,
                 since: date | None = None, until: date | None = None,
                 district_id: str | None = None) -> Report:
    """The statistics tables from facts: per district and month, outcomes, categories, handoffs, ratings."""
    consultations = list(consultations)
    handoffs = list(handoffs)
    tables: list[StatTable] = []

    groups: dict[tuple[str, str], list[ConsultationFact]] = defaultdict(list)
    for fact in consultations:
        groups[(_month(fact.day), _district(fact.district_id))].append(fact)
    per_month = StatTable("consultations", "Konsultationer per stadsdel och månad",
                          ("Månad", "Stadsdel", "Totalt", *OUTCOMES, "Akut", "Överlämning begärd"))
    for (month, district), facts in sorted(groups.items()):
        outcome_counts = Counter(f.outcome for f in facts)
        per_month.rows.append([month, district, suppress(len(facts)),
                               *_suppress_row([outcome_counts[o] for o in OUTCOMES], total=len(facts)),
                               suppress(sum(f.acute for f in facts)),
                               suppress(sum(f.handoff_requested for f in facts))])
    tables.append(per_month)

    outcome_totals = Counter(f.outcome for f in consultations)
    outcome_table = StatTable("outcomes", "Utfall (hela perioden)", ("Utfall", "Antal"))
    cells = _suppress_row([outcome_totals[o] for o in OUTCOMES], total=len(consultations))
    outcome_table.rows.extend([o, cell] for o, cell in zip(OUTCOMES, cells, strict=True))
    tables.append(outcome_table)

    category_counts = Counter(c for f in consultations for c in set(f.categories))
    category_table = StatTable("categories", "Orosområden (hela perioden)", ("Område", "Antal"))
    category_table.rows.extend([c, suppress(n)] for c, n in sorted(category_counts.items()))
    tables.append(category_table)

    age_counts = Counter(f.age_band or "okänd" for f in consultations)
    age_table = StatTable("age_bands", "Åldersgrupp (hela perioden)", ("Ålder", "Antal"))
    age_table.rows.extend([band, suppress(n)] for band, n in sorted(age_counts.items()))
    tables.append(age_table)

    handoff_groups: dict[tuple[str, str], list[HandoffFact]] = defaultdict(list)
    for fact in handoffs:
        handoff_groups[(_month(fact.requested_at), _district(fact.district_id))].append(fact)
    handoff_table = StatTable("handoffs", "Överlämningar per stadsdel och månad",
                              ("Månad", "Stadsdel", "Begärda", "Tagna", "Avslutade",
                               "Tid till tagen (median)", "Betyg (median)"))
    for (month, district), facts in sorted(handoff_groups.items()):
        claimed = [f for f in facts if f.claimed_at is not None]
        ratings = [float(f.rating) for f in facts if f.rating is not None]
        handoff_table.rows.append([
            month, district, suppress(len(facts)), suppress(len(claimed)),
            suppress(sum(f.closed_at is not None for f in facts)),
            _measure([_minutes(f.requested_at, f.claimed_at) for f in claimed if f.claimed_at], "min"),
            _measure(ratings)])
    tables.append(handoff_table)

    handoff_outcomes = Counter(f.outcome or "pågår" for f in handoffs)
    handoff_outcome_table = StatTable("handoff_outcomes", "Överlämningar: utfall", ("Utfall", "Antal"))
    handoff_outcome_table.rows.extend([o, suppress(n)] for o, n in sorted(handoff_outcomes.items()))
    tables.append(handoff_outcome_table)

    rating_counts = Counter(f.rating for f in handoffs if f.rating is not None)
    rating_table = StatTable("ratings", "Betyg från förskolepersonal", ("Betyg", "Antal"))
    rating_table.rows.extend([f"{r} av 5", cell] for r, cell in zip(
        range(1, 6), _suppress_row([rating_counts[r] for r in range(1, 6)], total=sum(rating_counts.values())),
        strict=True))
    tables.append(rating_table)
    return Report(since, until, district_id, tables)


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
        return [HandoffFact(requested_at=_aware(r.requested_at), district_id=r.district_id,  # type: ignore[arg-type]
                            claimed_at=_aware(r.claimed_at), closed_at=_aware(r.closed_at), outcome=r.outcome,
                            rating=r.rating) for r in rows]

    async def _rows(self, query):  # type: ignore[no-untyped-def]
        try:
            async with self._engine.connect() as connection:
                return (await connection.execute(query)).all()
        except DBAPIError as error:
            # Until the consultation/handoff migrations have run, the tables may be missing: no facts yet.
            if "no such table" in str(error.orig) or "does not exist" in str(error.orig):
                return []
            raise


async def report(source: StatisticsSource, *, since: date | None = None, until: date | None = None,
                 district_id: str | None = None) -> Report:
    """The report for a period and optional district, read from *source*."""
    return build_report(await source.consultations(since, until, district_id),
                        await source.handoffs(since, until, district_id),
                        since=since, until=until, district_id=district_id)
