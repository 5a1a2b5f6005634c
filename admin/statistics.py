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
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, column, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.assessment import OUTCOME_ORDER

THRESHOLD = 5
SUPPRESSED = "<5"
COMPLEMENTARY = "x"  # a count of 5 or more, hidden so that a "<5" cell cannot be worked out from the totals
OUTCOMES = tuple(str(outcome) for outcome in OUTCOME_ORDER)
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
                "complementary_as": COMPLEMENTARY,
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


Key = tuple[object, ...]
# A published sum: the cells it adds up, and its total (another cell, or a number the reader can work out).
Group = tuple[list[Key], "Key | int"]
_INF = float("inf")
# A hidden small count must stay at least this wide an interval for the reader: never one single value.
MIN_SPREAD = 1


def _initial_bounds(values: dict[Key, int], hidden: dict[Key, str]) -> dict[Key, list[float]]:
    bounds: dict[Key, list[float]] = {}
    for key, value in values.items():
        kind = hidden.get(key)
        if kind == "primary":
            bounds[key] = [0.0, THRESHOLD - 1.0]
        elif kind:
            bounds[key] = [float(THRESHOLD), _INF]
        else:
            bounds[key] = [float(value), float(value)]
    return bounds


def _bounds(values: dict[Key, int], groups: list[Group], hidden: dict[Key, str]) -> dict[Key, list[float]]:
    """What a reader of the published tables can work out about every cell: [lowest, highest] possible value.

    Shown cells are exact; "<5" is 0–4; a complementary cell ("x") is 5 or more. Every published sum then
    narrows its cells (bounds propagation, repeated until nothing changes): this is the subtraction attack.
    """
    bounds = _initial_bounds(values, hidden)
    for _ in range(100):
        changed = False
        for cells, total in groups:
            low_total, high_total = bounds[total] if isinstance(total, tuple) else (float(total), float(total))
            lows = sum(bounds[c][0] for c in cells)
            finite_highs = sum(bounds[c][1] for c in cells if bounds[c][1] != _INF)
            unbounded = sum(1 for c in cells if bounds[c][1] == _INF)
            for cell in cells:
                low, high = bounds[cell]
                others_low = lows - low
                others_unbounded = unbounded - (high == _INF)
                others_high = _INF if others_unbounded else finite_highs - (0.0 if high == _INF else high)
                new_low = max(low, low_total - others_high)
                new_high = min(high, high_total - others_low)
                if (new_low, new_high) != (low, high):
                    bounds[cell] = [new_low, new_high]
                    lows += new_low - low
                    if high == _INF and new_high != _INF:
                        unbounded -= 1
                        finite_highs += new_high
                    elif high != _INF:
                        finite_highs += new_high - high
                    changed = True
            if isinstance(total, tuple):
                low, high = bounds[total]
                new_low = max(low, lows)
                new_high = min(high, _INF if unbounded else finite_highs)
                if (new_low, new_high) != (low, high):
                    bounds[total] = [new_low, new_high]
                    changed = True
        if not changed:
            break
    return bounds


def protect(values: dict[Key, int], groups: list[Group]) -> dict[Key, Cell]:
    """Every cell as published: counts under THRESHOLD as "<5", and complementary cells as "x".

    Complementary suppression: as long as a reader can work out some "<5" cell exactly through the
    published sums (a row's total, a column's total in another table, the
    number of consultations), the smallest shown cell of a sum it belongs to is hidden as well.
    """
    hidden: dict[Key, str] = {key: "primary" for key, value in values.items() if value < THRESHOLD}
    given_up: set[Key] = set()

    def spread(key: Key, bounds: dict[Key, list[float]]) -> float:
        return bounds[key][1] - bounds[key][0]

    def shown_in(selected: list[Group]) -> list[Key]:
        found = [cell for cells, total in selected for cell in [*cells, *([total] if isinstance(total, tuple) else [])]
                 if cell not in hidden]
        return sorted(set(found), key=lambda cell: (values[cell], str(cell)))

    while True:
        bounds = _bounds(values, groups, hidden)
        exposed = [key for key, kind in hidden.items() if kind == "primary" and key not in given_up
                   and spread(key, bounds) < MIN_SPREAD]
        if not exposed:
            break
        target = exposed[0]
        near = shown_in([g for g in groups if target in g[0] or g[1] == target])
        if not near:
            given_up.add(target)  # every cell of its sums is hidden already: nothing more to hide
            continue
        # Hide the cell that widens the target's interval most (the smallest such); the leak may come through
        # a sum the target is not in (a column total in another table), so look at every sum with hidden cells.
        linked = shown_in([g for g in groups if any(c in hidden for c in g[0])
                           or (isinstance(g[1], tuple) and g[1] in hidden)])
        best, best_spread = near[0], spread(target, bounds)
        for candidate in [*near, *(c for c in linked if c not in near)]:
            trial = _bounds(values, groups, hidden | {candidate: "secondary"})
            if spread(target, trial) > best_spread:
                best, best_spread = candidate, spread(target, trial)
                if best_spread >= MIN_SPREAD:
                    break
        hidden[best] = "secondary"
    return {key: value if key not in hidden else SUPPRESSED if hidden[key] == "primary" else COMPLEMENTARY
            for key, value in values.items()}


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
    """The statistics tables from facts: per district and month, outcomes, categories, handoffs, ratings.

    Counts are collected first, with every published sum they take part in; `protect` then decides which
    cells are shown, "<5", or "x" (complementary suppression), across all tables together.
    """
    consultations = list(consultations)
    handoffs = list(handoffs)
    values: dict[Key, int] = {}
    groups: list[Group] = []
    total = len(consultations)

    by_month: dict[tuple[str, str], list[ConsultationFact]] = defaultdict(list)
    for fact in consultations:
        by_month[(_month(fact.day), _district(fact.district_id))].append(fact)
    month_rows = sorted(by_month.items())
    for row, (_key, facts) in enumerate(month_rows):
        outcome_counts = Counter(f.outcome for f in facts)
        values[("m", row, "total")] = len(facts)
        for outcome in OUTCOMES:
            values[("m", row, outcome)] = outcome_counts[outcome]
        values[("m", row, "acute_flag")] = sum(f.acute for f in facts)
        values[("m", row, "handoff_flag")] = sum(f.handoff_requested for f in facts)
        groups.append(([("m", row, o) for o in OUTCOMES], ("m", row, "total")))
    outcome_totals = Counter(f.outcome for f in consultations)
    for outcome in OUTCOMES:
        values[("o", outcome)] = outcome_totals[outcome]
        groups.append(([("m", row, outcome) for row in range(len(month_rows))], ("o", outcome)))
    # The number of consultations is the sum of several published columns: a reader knows it.
    groups.append(([("o", o) for o in OUTCOMES], total))
    groups.append(([("m", row, "total") for row in range(len(month_rows))], total))

    category_counts = Counter(c for f in consultations for c in set(f.categories))
    for category, count in category_counts.items():
        values[("c", category)] = count  # one consultation may have several: these add up to nothing

    age_counts = Counter(f.age_band or "okänd" for f in consultations)
    for band, count in age_counts.items():
        values[("a", band)] = count
    groups.append(([("a", band) for band in age_counts], total))

    by_handoff_month: dict[tuple[str, str], list[HandoffFact]] = defaultdict(list)
    for fact in handoffs:
        by_handoff_month[(_month(fact.requested_at), _district(fact.district_id))].append(fact)
    handoff_rows = sorted(by_handoff_month.items())
    for row, (_key, facts) in enumerate(handoff_rows):
        values[("h", row, "requested")] = len(facts)
        values[("h", row, "claimed")] = sum(f.claimed_at is not None for f in facts)
        values[("h", row, "closed")] = sum(f.closed_at is not None for f in facts)
    groups.append(([("h", row, "requested") for row in range(len(handoff_rows))], len(handoffs)))
    handoff_outcomes = Counter(f.outcome or "pågår" for f in handoffs)
    for outcome, count in handoff_outcomes.items():
        values[("ho", outcome)] = count
    groups.append(([("ho", outcome) for outcome in handoff_outcomes], len(handoffs)))
    rating_counts = Counter(f.rating for f in handoffs if f.rating is not None)
    for rating in range(1, 6):
        values[("r", rating)] = rating_counts[rating]
    groups.append(([("r", rating) for rating in range(1, 6)], sum(rating_counts.values())))

    cell = protect(values, groups)
    tables: list[StatTable] = []
    per_month = StatTable("consultations", "Konsultationer per stadsdel och månad",
                          ("Månad", "Stadsdel", "Totalt", *OUTCOMES, "Akut", "Överlämning begärd"))
    for row, ((month, district), _facts) in enumerate(month_rows):
        per_month.rows.append([month, district, cell[("m", row, "total")], *(cell[("m", row, o)] for o in OUTCOMES),
                               cell[("m", row, "acute_flag")], cell[("m", row, "handoff_flag")]])
    tables.append(per_month)
    outcome_table = StatTable("outcomes", "Utfall (hela perioden)", ("Utfall", "Antal"))
    outcome_table.rows.extend([o, cell[("o", o)]] for o in OUTCOMES)
    tables.append(outcome_table)
    category_table = StatTable("categories", "Orosområden (hela perioden)", ("Område", "Antal"))
    category_table.rows.extend([c, cell[("c", c)]] for c in sorted(category_counts))
    tables.append(category_table)
    age_table = StatTable("age_bands", "Åldersgrupp (hela perioden)", ("Ålder", "Antal"))
    age_table.rows.extend([band, cell[("a", band)]] for band in sorted(age_counts))
    tables.append(age_table)

    handoff_table = StatTable("handoffs", "Överlämningar per stadsdel och månad",
                              ("Månad", "Stadsdel", "Begärda", "Tagna", "Avslutade",
                               "Tid till tagen (median)", "Betyg (median)"))
    for row, ((month, district), facts) in enumerate(handoff_rows):
        claimed = [f for f in facts if f.claimed_at is not None]
        ratings = [float(f.rating) for f in facts if f.rating is not None]
        handoff_table.rows.append([
            month, district, cell[("h", row, "requested")], cell[("h", row, "claimed")], cell[("h", row, "closed")],
            _measure([_minutes(f.requested_at, f.claimed_at) for f in claimed if f.claimed_at], "min"),
            _measure(ratings)])
    tables.append(handoff_table)
    handoff_outcome_table = StatTable("handoff_outcomes", "Överlämningar: utfall", ("Utfall", "Antal"))
    handoff_outcome_table.rows.extend([o, cell[("ho", o)]] for o in sorted(handoff_outcomes))
    tables.append(handoff_outcome_table)
    rating_table = StatTable("ratings", "Betyg från förskolepersonal", ("Betyg", "Antal"))
    rating_table.rows.extend([f"{r} av 5", cell[("r", r)]] for r in range(1, 6))
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


def whole_months(since: date | None, until: date | None) -> tuple[date | None, date | None]:
    """*since* back to the first of its month, *until* on to the last of its month.

    Periods that differ by a few days would otherwise give away those days' counts by subtraction
    (March 1–31 minus March 1–30 is March 31), whatever each report suppresses.
    """
    if since is not None:
        since = since.replace(day=1)
    if until is not None:
        following = date(until.year + (until.month == 12), until.month % 12 + 1, 1)
        until = following - timedelta(days=1)
    return since, until


async def report(source: StatisticsSource, *, since: date | None = None, until: date | None = None,
                 district_id: str | None = None) -> Report:
    """The report for a period (widened to whole months) and optional district, read from *source*."""
    since, until = whole_months(since, until)
    return build_report(await source.consultations(since, until, district_id),
                        await source.handoffs(since, until, district_id),
                        since=since, until=until, district_id=district_id)
