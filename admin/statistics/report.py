"""The statistics report: counts per district and month, outcomes, categories, handoffs and ratings, protected.

`build_report` is a pure function over the facts: it collects every count with the published sums it takes part
in, lets `protect` decide which cells are shown, "<5" or "x", and lays the cells out as tables.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from admin import text
from admin.statistics.facts import ConsultationFact, HandoffFact, StatisticsSource
from admin.statistics.suppression import COMPLEMENTARY, SUPPRESSED, THRESHOLD, Cell, Group, Key, protect
from knowledge.assessment import OUTCOME_ORDER

OUTCOMES = tuple(str(outcome) for outcome in OUTCOME_ORDER)
RATINGS = range(1, 6)
NO_DISTRICT = text.STAT_NO_DISTRICT


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
    number = f"{statistics.median(values):.1f}".replace(".", ",")
    return f"{number} {unit}".strip()


def _table(key: str, columns: tuple[str, ...]) -> StatTable:
    return StatTable(key, text.STAT_TITLES[key], columns)


@dataclass
class _Counts:
    """Every count of the report by its key, and every published sum the counts take part in."""

    values: dict[Key, int] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)


Rows = list[tuple[tuple[str, str], list[ConsultationFact]]]
HandoffRows = list[tuple[tuple[str, str], list[HandoffFact]]]


def _count_consultations(counts: _Counts,
                         consultations: list[ConsultationFact]) -> tuple[Rows, Counter[str], Counter[str]]:
    """Consultations per month and district, per outcome, category and age band; their rows and counters."""
    values, groups, total = counts.values, counts.groups, len(consultations)
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

    age_counts = Counter(f.age_band or text.STAT_UNKNOWN_AGE for f in consultations)
    for band, count in age_counts.items():
        values[("a", band)] = count
    groups.append(([("a", band) for band in age_counts], total))
    return month_rows, category_counts, age_counts


def _count_handoffs(counts: _Counts, handoffs: list[HandoffFact]) -> tuple[HandoffRows, Counter[str]]:
    """Handoffs per month and district (requested, claimed, closed), per outcome, and the ratings."""
    values, groups = counts.values, counts.groups
    by_month: dict[tuple[str, str], list[HandoffFact]] = defaultdict(list)
    for fact in handoffs:
        by_month[(_month(fact.requested_at), _district(fact.district_id))].append(fact)
    handoff_rows = sorted(by_month.items())
    for row, (_key, facts) in enumerate(handoff_rows):
        values[("h", row, "requested")] = len(facts)
        values[("h", row, "claimed")] = sum(f.claimed_at is not None for f in facts)
        values[("h", row, "closed")] = sum(f.closed_at is not None for f in facts)
    groups.append(([("h", row, "requested") for row in range(len(handoff_rows))], len(handoffs)))
    handoff_outcomes = Counter(f.outcome or text.STAT_ONGOING for f in handoffs)
    for outcome, count in handoff_outcomes.items():
        values[("ho", outcome)] = count
    groups.append(([("ho", outcome) for outcome in handoff_outcomes], len(handoffs)))
    rating_counts = Counter(f.rating for f in handoffs if f.rating is not None)
    for rating in RATINGS:
        values[("r", rating)] = rating_counts[rating]
    groups.append(([("r", rating) for rating in RATINGS], sum(rating_counts.values())))
    return handoff_rows, handoff_outcomes


def _consultation_tables(cell: dict[Key, Cell], month_rows: Rows, category_counts: Counter[str],
                         age_counts: Counter[str]) -> list[StatTable]:
    per_month = _table("consultations", (text.STAT_MONTH, text.STAT_DISTRICT, text.STAT_TOTAL, *OUTCOMES,
                                         text.STAT_ACUTE, text.STAT_HANDOFF_REQUESTED))
    for row, ((month, district), _facts) in enumerate(month_rows):
        per_month.rows.append([month, district, cell[("m", row, "total")], *(cell[("m", row, o)] for o in OUTCOMES),
                               cell[("m", row, "acute_flag")], cell[("m", row, "handoff_flag")]])
    outcome_table = _table("outcomes", (text.STAT_OUTCOME, text.STAT_COUNT))
    outcome_table.rows.extend([o, cell[("o", o)]] for o in OUTCOMES)
    category_table = _table("categories", (text.STAT_CATEGORY, text.STAT_COUNT))
    category_table.rows.extend([c, cell[("c", c)]] for c in sorted(category_counts))
    age_table = _table("age_bands", (text.STAT_AGE, text.STAT_COUNT))
    age_table.rows.extend([band, cell[("a", band)]] for band in sorted(age_counts))
    return [per_month, outcome_table, category_table, age_table]


def _handoff_tables(cell: dict[Key, Cell], handoff_rows: HandoffRows,
                    handoff_outcomes: Counter[str]) -> list[StatTable]:
    handoff_table = _table("handoffs", (text.STAT_MONTH, text.STAT_DISTRICT, text.STAT_REQUESTED,
                                        text.STAT_CLAIMED, text.STAT_CLOSED, text.STAT_MINUTES_TO_CLAIM,
                                        text.STAT_RATING_MEDIAN))
    for row, ((month, district), facts) in enumerate(handoff_rows):
        waits = [_minutes(f.requested_at, f.claimed_at) for f in facts if f.claimed_at is not None]
        ratings = [float(f.rating) for f in facts if f.rating is not None]
        handoff_table.rows.append([
            month, district, cell[("h", row, "requested")], cell[("h", row, "claimed")], cell[("h", row, "closed")],
            _measure(waits, text.MINUTES), _measure(ratings)])
    outcome_table = _table("handoff_outcomes", (text.STAT_OUTCOME, text.STAT_COUNT))
    outcome_table.rows.extend([o, cell[("ho", o)]] for o in sorted(handoff_outcomes))
    rating_table = _table("ratings", (text.STAT_RATING_COLUMN, text.STAT_COUNT))
    rating_table.rows.extend([text.RATING.format(rating=r), cell[("r", r)]] for r in RATINGS)
    return [handoff_table, outcome_table, rating_table]


def build_report(consultations: Iterable[ConsultationFact], handoffs: Iterable[HandoffFact], *,
                 since: date | None = None, until: date | None = None,
                 district_id: str | None = None) -> Report:
    """The statistics tables from facts: per district and month, outcomes, categories, handoffs, ratings.

    Counts are collected first, with every published sum they take part in; `protect` then decides which
    cells are shown, "<5", or "x" (complementary suppression), across all tables together.
    """
    counts = _Counts()
    month_rows, category_counts, age_counts = _count_consultations(counts, list(consultations))
    handoff_rows, handoff_outcomes = _count_handoffs(counts, list(handoffs))
    cell = protect(counts.values, counts.groups)
    tables = [*_consultation_tables(cell, month_rows, category_counts, age_counts),
              *_handoff_tables(cell, handoff_rows, handoff_outcomes)]
    return Report(since, until, district_id, tables)


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
