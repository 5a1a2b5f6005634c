"""Consultation notes are stored scrubbed, validated, and purged while counts remain."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.conversation_tables import ConsultationRow
from bot.records import ConsultationRecords, NoteError
from bot.scrubbing import PlaceScrubber
from dialogs.ports import default_scrub
from routing.demo import load_demo
from routing.service import RoutingService

NOTE = {"day": "2026-11-24", "district_id": "farsta", "age_band": "3-6", "categories": ["neglect"],
        "duration": "weeks", "acute": False, "outcome": "consult", "handoff_requested": False, "lang": "sv"}


async def test_summary_is_scrubbed_again_before_it_is_stored(db):
    records = ConsultationRecords(db.engine, scrub=default_scrub)
    note_id = await records.record({**NOTE, "summary": "Pappan ringde från 070-123 45 67, mejla lisa@example.se"})
    stored = await records.get(note_id)
    assert "070-123 45 67" not in stored["summary"]
    assert "lisa@example.se" not in stored["summary"]
    assert stored["categories"] == ["neglect"]
    assert stored["day"] == "2026-11-24"


async def test_a_preschool_name_and_a_group_are_masked_with_the_dialogs_scrubber(db):
    await load_demo(db.engine)
    records = ConsultationRecords(db.engine, scrub=PlaceScrubber(RoutingService(db.engine)))
    stored = await records.get(await records.record({**NOTE, "summary": "Hon går på Sagoberget, avdelning Snäckan."}))
    assert stored["summary"] == "Hon går på [förskola], avdelning [avdelning]."


async def test_a_long_summary_is_stored_whole_so_a_late_disclosure_is_kept(db):
    records = ConsultationRecords(db.engine, scrub=default_scrub)
    long = "Barnet leker lugnt i sandlådan. " * 60 + "Hon berättade att pappa slår henne."
    stored = await records.get(await records.record({**NOTE, "summary": long}))
    assert len(long) > 1500
    assert stored["summary"].endswith("Hon berättade att pappa slår henne.")


async def test_update_brings_the_note_up_to_date_and_keeps_the_handoff_mark(db):
    records = ConsultationRecords(db.engine, scrub=default_scrub)
    note_id = await records.record({**NOTE, "acute": True, "outcome": "acute", "summary": "ring 070-123 45 67"})
    await records.mark_handoff(note_id)
    await records.update(note_id, {**NOTE, "outcome": "report", "summary": "nu 070-123 45 67 och mer"})
    stored = await records.get(note_id)
    assert stored["outcome"] == "report"
    assert stored["acute"] is False
    assert stored["handoff_requested"] is True
    assert "070-123 45 67" not in stored["summary"]
    assert stored["summary"].endswith("och mer")
    async with db.engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(ConsultationRow))).scalar_one() == 1


async def test_signals_and_reasons_are_kept_as_codes(db):
    records = ConsultationRecords(db.engine, scrub=default_scrub)
    note_id = await records.record({**NOTE, "signals": ["ongoing_now", "child_told"],
                                    "reasons": ["child_told", "category_found"]})
    stored = await records.get(note_id)
    assert stored["signals"] == ["child_told", "ongoing_now"]
    assert stored["reasons"] == ["category_found", "child_told"]


@pytest.mark.parametrize(("change", "message"), [
    ({"signals": ["pappa slår henne"]}, "signals must be a list of codes"),
    ({"reasons": "child_told"}, "reasons must be a list of codes"),
    ({"outcome": "ignore"}, "outcome must be one of"),
    ({"age_band": "4"}, "age_band must be one of"),
    ({"categories": "neglect"}, "categories must be a list"),
])
async def test_bad_notes_are_rejected_and_nothing_is_written(sqlite_db, change, message):
    with pytest.raises(NoteError, match=message):
        await ConsultationRecords(sqlite_db.engine, scrub=default_scrub).record({**NOTE, **change})
    async with sqlite_db.engine.connect() as connection:
        assert (await connection.execute(select(func.count()).select_from(ConsultationRow))).scalar_one() == 0


async def test_purge_blanks_old_summaries_and_keeps_the_rows(db):
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    old = ConsultationRecords(db.engine, clock=lambda: now - timedelta(days=40), scrub=default_scrub)
    await old.record({**NOTE, "summary": "gammal oro"})
    fresh = ConsultationRecords(db.engine, clock=lambda: now, scrub=default_scrub)
    fresh_id = await fresh.record({**NOTE, "summary": "ny oro"})
    assert await fresh.purge(older_than_days=30) == 1
    async with db.engine.connect() as connection:
        summaries = sorted((await connection.execute(select(ConsultationRow.summary))).scalars(), key=str)
    assert summaries in (["ny oro", None], [None, "ny oro"])
    assert (await fresh.get(fresh_id))["summary"] == "ny oro"
