"""Statistics: suppression of small cells, no text, SQL facts from the consultation and handoff tables."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from admin.statistics import (
    COMPLEMENTARY,
    OUTCOMES,
    SUPPRESSED,
    ConsultationFact,
    HandoffFact,
    SqlStatistics,
    build_report,
    report,
    suppress,
)


def _cells(result) -> list:  # type: ignore[no-untyped-def]
    return [cell for table in result.tables for row in table.rows for cell in row]


def _consultations(n: int, *, day: date = date(2026, 3, 4), district: str = "farsta", outcome: str = "consult",
                   **extra) -> list[ConsultationFact]:  # type: ignore[no-untyped-def]
    return [ConsultationFact(day=day, district_id=district, outcome=outcome, acute=False,
                             handoff_requested=False, **extra) for _ in range(n)]


@pytest.mark.parametrize(("count", "shown"), [(0, SUPPRESSED), (1, SUPPRESSED), (4, SUPPRESSED), (5, 5), (17, 17)])
def test_suppress(count: int, shown) -> None:  # type: ignore[no-untyped-def]
    assert suppress(count) == shown


def test_no_count_cell_is_ever_below_five() -> None:
    facts = (_consultations(7) + _consultations(3, outcome="report") + _consultations(2, district="bromma")
             + _consultations(6, day=date(2026, 4, 1), outcome="support", categories=("neglect",)))
    handoffs = [HandoffFact(requested_at=datetime(2026, 3, 4, 9, tzinfo=UTC), district_id="farsta",
                            claimed_at=datetime(2026, 3, 4, 9, 3, tzinfo=UTC), rating=r) for r in (5, 5, 4, 3)]
    result = build_report(facts, handoffs)
    for cell in _cells(result):
        assert not (isinstance(cell, int) and cell < 5), cell


def test_small_district_is_shown_only_as_suppressed() -> None:
    result = build_report(_consultations(2, district="bromma"), [])
    row = result.tables[0].rows[0]
    assert row[:3] == ["2026-03", "bromma", SUPPRESSED]


def test_lone_suppressed_cell_gets_a_second_one_so_the_total_does_not_reveal_it() -> None:
    facts = _consultations(10) + _consultations(6, outcome="report") + _consultations(2, outcome="support")
    row = build_report(facts, []).tables[0].rows[0]
    total, acute, report_, consult, support = row[2:7]
    assert total == 18
    assert [acute, report_, consult, support].count(SUPPRESSED) >= 2
    assert consult == 10  # the largest cell stays visible


def test_median_time_to_claim_needs_five_handoffs() -> None:
    start = datetime(2026, 3, 4, 9, tzinfo=UTC)
    few = [HandoffFact(requested_at=start, district_id="farsta", claimed_at=start + timedelta(minutes=4))] * 4
    assert build_report([], few).tables[4].rows[0][5] == SUPPRESSED
    enough = [*few, HandoffFact(requested_at=start, district_id="farsta", claimed_at=start + timedelta(minutes=8))]
    assert build_report([], enough).tables[4].rows[0][5] == "4,0 min"


def test_report_holds_no_text_from_consultations() -> None:
    facts = _consultations(6, categories=("physical",))
    rendered = json.dumps(build_report(facts, []).to_dict())
    assert "summary" not in rendered


def test_csv_has_every_table() -> None:
    facts = (_consultations(9) + _consultations(7, outcome="report") + _consultations(6, outcome="support")
             + _consultations(5, outcome="acute"))
    csv_text = build_report(facts, []).to_csv()
    assert "Konsultationer per stadsdel och månad" in csv_text
    assert "2026-03,farsta,27,5,7,9,6" in csv_text


async def test_sql_source_reads_only_aggregatable_columns(db) -> None:  # type: ignore[no-untyped-def]
    async with db.engine.begin() as connection:
        tables = {"consultation", "handoff"}
        present = await connection.run_sync(lambda c: set(__import__("sqlalchemy").inspect(c).get_table_names()))
        if not tables <= present:
            pytest.skip("consultation/handoff migrations not present")
        for number in range(6):
            await connection.execute(text(
                "INSERT INTO consultation (id, day, district_id, age_band, categories, duration, acute, outcome,"
                " handoff_requested, lang, summary, created_at) VALUES (:id, :day, 'farsta', '1-3', :cats, NULL,"
                " :acute, 'consult', :hr, 'sv', :summary, :now)"),
                {"id": f"c{number}", "day": date(2026, 3, 4), "cats": '["neglect"]', "acute": False,
                 "hr": number % 2 == 0, "summary": "HEMLIG TEXT", "now": datetime(2026, 3, 4, tzinfo=UTC)})
    source = SqlStatistics(db.engine)
    result = await report(source, since=date(2026, 3, 1), until=date(2026, 3, 31), district_id="farsta")
    # Six consultations, all "consult": showing 6 for consult beside the total 6 would reveal three zeros.
    row = result.tables[0].rows[0]
    assert row[:2] == ["2026-03", "farsta"]
    assert row[3:] == [SUPPRESSED, SUPPRESSED, COMPLEMENTARY, SUPPRESSED, SUPPRESSED, SUPPRESSED]
    assert "HEMLIG" not in json.dumps(result.to_dict())
    assert (await report(source, district_id="bromma")).tables[0].rows == []
    assert await source.handoffs(None, None, None) == []


async def test_sql_source_tolerates_missing_tables(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    source = SqlStatistics(sqlite_db.engine, consultation_table="nope", handoff_table="nope_either")
    assert await source.consultations(None, None, None) == []
    assert await source.handoffs(None, None, None) == []


# -- complementary suppression: no "<5" cell can be worked out from the published totals ----------------------
def _attack(result) -> dict[tuple, int]:  # type: ignore[no-untyped-def]
    """The subtraction attack on a published report: solve every sum with one unknown, again and again.

    Uses only what is published: per month and district a total and its outcomes, the outcome totals, and
    the age bands; the number of consultations N is one more unknown. Returns every cell it could work out.
    """
    tables = {t.key: t for t in result.tables}
    known: dict[tuple, int] = {}
    hidden: set[tuple] = set()

    def note(key: tuple, cell) -> tuple:  # type: ignore[no-untyped-def]
        if isinstance(cell, int):
            known[key] = cell
        else:
            hidden.add(key)
        return key

    equations = []
    rows = tables["consultations"].rows
    for number, row in enumerate(rows):
        total = note(("m", number, "total"), row[2])
        cells = [note(("m", number, o), row[3 + i]) for i, o in enumerate(OUTCOMES)]
        equations.append((cells, total))
    outcome_cells = {row[0]: note(("o", row[0]), row[1]) for row in tables["outcomes"].rows}
    for outcome in OUTCOMES:
        equations.append(([("m", n, outcome) for n in range(len(rows))], outcome_cells[outcome]))
    hidden.add(("N",))
    equations.append((list(outcome_cells.values()), ("N",)))
    equations.append(([("m", n, "total") for n in range(len(rows))], ("N",)))
    equations.append(([note(("a", row[0]), row[1]) for row in tables["age_bands"].rows], ("N",)))
    changed = True
    while changed:
        changed = False
        for cells, total in equations:
            unknown = [c for c in [*cells, total] if c not in known]
            if len(unknown) != 1:
                continue
            missing = unknown[0]
            if missing == total:
                known[total] = sum(known[c] for c in cells)
            else:
                known[missing] = known[total] - sum(known[c] for c in cells if c != missing)
            changed = True
    return {key: known[key] for key in hidden if key in known}


def _small_cells(result) -> set[tuple]:  # type: ignore[no-untyped-def]
    tables = {t.key: t for t in result.tables}
    found = set()
    for number, row in enumerate(tables["consultations"].rows):
        for i, outcome in enumerate(OUTCOMES):
            if row[3 + i] == SUPPRESSED:
                found.add(("m", number, outcome))
        if row[2] == SUPPRESSED:
            found.add(("m", number, "total"))
    found |= {("o", row[0]) for row in tables["outcomes"].rows if row[1] == SUPPRESSED}
    found |= {("a", row[0]) for row in tables["age_bands"].rows if row[1] == SUPPRESSED}
    return found


def test_a_lone_small_cell_is_not_given_away_by_the_row_total() -> None:
    facts = (_consultations(12) + _consultations(9, outcome="report") + _consultations(7, outcome="support")
             + _consultations(3, outcome="acute"))
    result = build_report(facts, [])
    row = result.tables[0].rows[0]
    assert row[2] == 31
    assert row[3] == SUPPRESSED
    assert COMPLEMENTARY in row[4:7]
    assert _attack(result) == {} or not (_attack(result).keys() & _small_cells(result))


def test_a_small_cell_is_not_given_away_by_the_column_total_in_another_table() -> None:
    # Farsta has 3 acute; Bromma 0; the outcome table's acute total (8 with Älvsjö's 5) would give Farsta's away.
    facts = (_consultations(10, district="farsta") + _consultations(3, district="farsta", outcome="acute")
             + _consultations(10, district="bromma") + _consultations(6, district="bromma", outcome="report")
             + _consultations(5, district="alvsjo", outcome="acute") + _consultations(8, district="alvsjo"))
    result = build_report(facts, [])
    assert not (_attack(result).keys() & _small_cells(result))


def test_no_small_cell_can_be_worked_out_in_many_random_reports() -> None:
    import random

    rng = random.Random(15)
    for _ in range(150):
        facts = []
        for district in rng.sample(["farsta", "bromma", "alvsjo", "skarholmen"], rng.randint(1, 4)):
            for month in (date(2026, 3, 4), date(2026, 4, 2))[:rng.randint(1, 2)]:
                for outcome in OUTCOMES:
                    facts += _consultations(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]), day=month,
                                            district=district, outcome=outcome,
                                            age_band=rng.choice(["0-2", "3-6"]))
        result = build_report(facts, [])
        leaked = _attack(result).keys() & _small_cells(result)
        assert not leaked, (leaked, [t.to_dict() for t in result.tables[:2]])
        for cell in _cells(result):
            assert not (isinstance(cell, int) and cell < 5), cell


def test_large_tables_stay_mostly_visible() -> None:
    facts = []
    for district in ("farsta", "bromma", "alvsjo"):
        for outcome, count in zip(OUTCOMES, (6, 20, 40, 12), strict=True):
            facts += _consultations(count, district=district, outcome=outcome)
    result = build_report(facts, [])
    assert all(isinstance(cell, int) for row in result.tables[0].rows for cell in row[2:7])


async def test_periods_are_whole_months_so_days_cannot_be_subtracted() -> None:
    from admin.statistics import whole_months

    assert whole_months(date(2026, 3, 5), date(2026, 3, 30)) == (date(2026, 3, 1), date(2026, 3, 31))
    assert whole_months(date(2026, 12, 9), date(2026, 12, 9)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert whole_months(None, date(2028, 2, 3)) == (None, date(2028, 2, 29))

    class Source:
        def __init__(self) -> None:
            self.asked: list = []

        async def consultations(self, since, until, district_id):  # type: ignore[no-untyped-def]
            self.asked.append((since, until))
            return _consultations(30, day=date(2026, 3, 31))

        async def handoffs(self, since, until, district_id):  # type: ignore[no-untyped-def]
            return []

    source = Source()
    whole = await report(source, since=date(2026, 3, 1), until=date(2026, 3, 31))
    short = await report(source, since=date(2026, 3, 1), until=date(2026, 3, 30))
    assert source.asked == [(date(2026, 3, 1), date(2026, 3, 31))] * 2
    assert whole.to_dict() == short.to_dict()
