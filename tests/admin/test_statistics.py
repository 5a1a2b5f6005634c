"""Statistics: suppression of small cells, no text, SQL facts from the consultation and handoff tables."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.admin.statistics import (
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
    csv_text = build_report(_consultations(5), []).to_csv()
    assert "Konsultationer per stadsdel och månad" in csv_text
    assert "2026-03,farsta,5" in csv_text


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
    assert result.tables[0].rows == [["2026-03", "farsta", 6, SUPPRESSED, SUPPRESSED, 6, SUPPRESSED,
                                      SUPPRESSED, SUPPRESSED]]
    assert "HEMLIG" not in json.dumps(result.to_dict())
    assert (await report(source, district_id="bromma")).tables[0].rows == []
    assert await source.handoffs(None, None, None) == []


async def test_sql_source_tolerates_missing_tables(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    source = SqlStatistics(sqlite_db.engine, consultation_table="nope", handoff_table="nope_either")
    assert await source.consultations(None, None, None) == []
    assert await source.handoffs(None, None, None) == []
