"""What the relay and the note carry: the dialogs' scrubber (preschool names too), then text inert for Markdown."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.handoff.handoff_tables import HandoffMessageRow, HandoffRow
from dialogs.text import text_for
from routing.demo import load_demo
from tests.handoff.harness import SOCIONOM, TUESDAY_10, Clock, claim_value, personal, start

STAFF = "aad-staff-relay"
PRESCHOOL = "Sagoberget"  # Förskola Sagoberget, Bromma, in the demo data (/work/shared/data)
MARKDOWN = "[klicka](https://evil.example) **fet**\n# rubrik\n1. lista"


@pytest.fixture
async def active(db, connector):
    """A relay in progress: requested by STAFF (the note names the preschool), claimed by SOCIONOM."""
    await load_demo(db.engine)
    harness = await start(connector, db, Clock(TUESDAY_10))
    await harness.install(SOCIONOM, "Sara Socionom")
    await harness.request(STAFF, "Anna Personal", note={
        "district_id": "farsta", "age_band": "3-6", "categories": ["physical"], "duration": "weeks", "acute": False,
        "outcome": "consult", "lang": "sv",
        "summary": f"Barnen på {PRESCHOOL} säger att hon har blåmärken. {MARKDOWN}"})
    offer = next(c for s in connector.to(personal(SOCIONOM)) for c in s.cards if c.get("actions"))
    await harness.say(SOCIONOM, "Sara Socionom", value=claim_value(offer))
    yield harness
    await harness.close()


def _texts(connector, aad: str) -> list[str]:
    return [s.text for s in connector.to(personal(aad)) if s.text]


def _note_card(connector) -> dict:
    title = text_for("sv")["relay.note.title"]
    return next(c for s in connector.to(personal(SOCIONOM)) for c in s.cards
                if any(block.get("text") == title for block in c.get("body") or []))


async def test_a_preschool_and_a_group_name_are_masked_in_the_relay_and_its_stored_rows(active, connector, db):
    connector.clear()
    # Solrosen is both a group here and a preschool in the tables: masked either way. Snäckan is only a group.
    await active.say(STAFF, "Anna Personal", f"Hon går på {PRESCHOOL}, avdelning Solrosen, förut avdelning Snäckan.")
    await active.say(SOCIONOM, "Sara Socionom", f"Är det samma barn som på {PRESCHOOL}s avdelning Snäckan?")
    to_socionom, to_staff = " ".join(_texts(connector, SOCIONOM)), " ".join(_texts(connector, STAFF))
    assert "Hon går på [förskola], avdelning [förskola], förut avdelning [avdelning]." in to_socionom
    assert "[förskola]" in to_staff
    assert "avdelning [avdelning]" in to_staff
    async with db.engine.connect() as connection:
        stored = (await connection.execute(select(HandoffMessageRow.text))).scalars().all()
        notes = (await connection.execute(select(HandoffRow.note))).scalars().all()
    assert len(stored) == 2
    assert all("[förskola]" in text and "[avdelning]" in text for text in stored)
    for text in [*stored, *notes, to_socionom, to_staff]:
        assert PRESCHOOL not in text
        assert "Solrosen" not in text
        assert "Snäckan" not in text


async def test_the_note_card_masks_the_preschool_and_shows_markdown_as_typed(active, connector):
    summary = next(block["text"] for block in _note_card(connector)["body"] if "blåmärken" in block.get("text", ""))
    assert PRESCHOOL not in summary
    assert "Barnen på [förskola] säger" in summary
    assert "[klicka]\u200b(https://evil.example) \\*\\*fet\\*\\*\n\u200b# rubrik\n1\u200b. lista" in summary


async def test_markdown_in_relayed_text_arrives_as_typed_in_both_directions(active, connector, db):
    connector.clear()
    await active.say(STAFF, "Anna Personal", MARKDOWN)
    await active.say(SOCIONOM, "Sara Socionom", "> citat med `kod` och ~~streck~~ om [namn]")
    to_socionom, to_staff = _texts(connector, SOCIONOM), _texts(connector, STAFF)
    assert any(t.endswith(":** [klicka]\u200b(https://evil.example) \\*\\*fet\\*\\*\n\u200b# rubrik\n1\u200b. lista")
               for t in to_socionom), to_socionom
    assert any(t.endswith(":** \u200b> citat med \\`kod\\` och \\~\\~streck\\~\\~ om [namn]")
               for t in to_staff), to_staff
    # The transcript keeps the scrubbed words themselves: escaping belongs to what is shown, not what is stored.
    async with db.engine.connect() as connection:
        stored = (await connection.execute(select(HandoffMessageRow.text).order_by(HandoffMessageRow.id))).scalars()
        assert list(stored) == [MARKDOWN, "> citat med `kod` och ~~streck~~ om [namn]"]

