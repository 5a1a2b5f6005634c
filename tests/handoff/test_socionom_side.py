"""The socionom's side: their own language, and a choice when several conversations are going (issue #12.6)."""

from __future__ import annotations

import json

import pytest

from dialogs.text import reason_text, text_for
from routing.demo import load_demo
from tests import teams
from tests.handoff.harness import SOCIONOM, TUESDAY_10, Clock, claim_value, personal, start
from tests.handoff.test_engine import _offers


@pytest.fixture
async def bot(db, connector):
    await load_demo(db.engine)
    harness = await start(connector, db, Clock(TUESDAY_10))
    yield harness
    await harness.close()


def _said(connector, aad: str) -> str:
    return json.dumps([s.body for s in connector.to(personal(aad))], ensure_ascii=False)


async def test_an_english_speaking_socionom_gets_english_while_the_staff_member_keeps_swedish(bot, connector):
    await bot.post(teams.personal_install(connector.url, teams.user(SOCIONOM, "Sara Socionom"), locale="en-US"))
    await bot.request("aad-staff-1", "Anna Personal")
    offer = _offers(connector, SOCIONOM)[0]
    card = json.dumps(offer.cards[0], ensure_ascii=False)
    assert "New consultation request" in card
    assert "Take the request" in card
    assert "Ta ärendet" not in card
    await bot.say(SOCIONOM, "Sara Socionom", value=claim_value(offer.cards[0]), locale="en-US")
    to_socionom = _said(connector, SOCIONOM)
    assert "Consultation note (anonymised)" in to_socionom
    assert "Taken by Sara Socionom" in to_socionom
    assert "har tagit ditt ärende" in _said(connector, "aad-staff-1")  # the staff member's own language
    connector.clear()
    await bot.say("aad-staff-1", "Anna Personal", "Hon verkar ledsen")
    assert "staff at a preschool in Farsta" in _said(connector, SOCIONOM)
    await bot.say(SOCIONOM, "Sara Socionom", "end", locale="en-US")
    assert "How should the case end?" in _said(connector, SOCIONOM) or "outcome" in _said(connector, SOCIONOM)


async def test_a_socionom_in_several_conversations_chooses_where_a_typed_message_goes(bot, connector):
    await bot.install(SOCIONOM, "Sara Socionom")
    staff = {"aad-staff-a": "Anna", "aad-staff-b": "Bertil", "aad-staff-c": "Cissi"}
    values = {}
    for aad, name in list(staff.items())[:2]:
        connector.clear()
        await bot.request(aad, name)
        values[aad] = claim_value(_offers(connector, SOCIONOM)[-1].cards[0])
        await bot.say(SOCIONOM, "Sara Socionom", value=values[aad])
    connector.clear()
    await bot.say(SOCIONOM, "Sara Socionom", "Hur gammalt är barnet?")
    asked = [c for s in connector.to(personal(SOCIONOM)) for c in s.cards]
    assert len(asked) == 1
    assert "flera pågående samtal" in json.dumps(asked[0], ensure_ascii=False)
    choices = {a["data"]["handoff_id"]: a["data"] for a in asked[0]["actions"]}
    assert set(choices) == {v["handoff_id"] for v in values.values()}
    assert "Hur gammalt" not in _said(connector, "aad-staff-a") + _said(connector, "aad-staff-b")  # nothing sent yet

    await bot.say(SOCIONOM, "Sara Socionom", value=choices[values["aad-staff-a"]["handoff_id"]])
    assert "Hur gammalt är barnet?" in _said(connector, "aad-staff-a")
    assert "Hur gammalt" not in _said(connector, "aad-staff-b")
    await bot.say(SOCIONOM, "Sara Socionom", "Och hur länge har det pågått?")  # the choice holds
    assert "hur länge har det pågått" in _said(connector, "aad-staff-a")
    assert "hur länge" not in _said(connector, "aad-staff-b")
    assert len(await bot.handoff.store.messages(values["aad-staff-a"]["handoff_id"])) == 2

    # A new conversation after the choice makes it ambiguous again.
    connector.clear()
    await bot.request("aad-staff-c", staff["aad-staff-c"])
    await bot.say(SOCIONOM, "Sara Socionom", value=claim_value(_offers(connector, SOCIONOM)[-1].cards[0]))
    connector.clear()
    await bot.say(SOCIONOM, "Sara Socionom", "avsluta")
    asked = [c for s in connector.to(personal(SOCIONOM)) for c in s.cards]
    assert len(asked) == 1
    assert len(asked[0]["actions"]) == 3
    await bot.say(SOCIONOM, "Sara Socionom", value=next(
        a["data"] for a in asked[0]["actions"] if a["data"]["handoff_id"] == values["aad-staff-b"]["handoff_id"]))
    assert (await bot.handoff.store.get(values["aad-staff-b"]["handoff_id"])).state == "closed"
    assert (await bot.handoff.store.get(values["aad-staff-a"]["handoff_id"])).state == "active"


NOTE = {"day": "2026-11-24", "district_id": "farsta", "age_band": "1-3",
        "categories": ["physical", "domestic_violence"],
        "signals": ["injury", "witnessed_violence"], "reasons": ["category_found", "witnessed_violence"],
        "duration": "weeks", "acute": False, "outcome": "report", "lang": "sv",
        "summary": "Blåmärken på armarna, ring mamma på 070-123 45 67"}


def _note_card(connector) -> dict:
    return next(c for s in connector.to(personal(SOCIONOM)) for c in s.cards
                if c["body"][0]["text"] in ("Konsultationsanteckning (avidentifierad)",
                                            "Consultation note (anonymised)"))


def _shown(card: dict) -> tuple[dict[str, str], list[str]]:
    facts = {f["title"]: f["value"] for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]}
    return facts, [b["text"] for b in card["body"] if b["type"] == "TextBlock"]


@pytest.mark.parametrize(("locale", "expected"), [
    ("sv-SE", {"Dag": "2026-11-24", "Stadsdel": "Farsta", "Ålder": "1–3 år",
               "Oron gäller": "Blåmärken eller andra skador, Våld i familjen", "Hur länge": "Några veckor",
               "Tecken": "skador eller märken, barnet ser eller hör våld hemma",
               "Samråds bedömning": "Anmäl"}),
    ("en-US", {"Day": "2026-11-24", "District": "Farsta", "Age": "1–3 years",
               "Concern": "Bruises or other injuries, Violence in the family", "How long": "A few weeks",
               "Signs": "injuries or marks, the child sees or hears violence at home",
               "Samråd's assessment": "Report"}),
])
async def test_the_note_card_shows_the_understanding_in_the_socionoms_language(bot, connector, locale, expected):
    lang = locale[:2]
    await bot.post(teams.personal_install(connector.url, teams.user(SOCIONOM, "Sara Socionom"), locale=locale))
    await bot.request("aad-staff-1", "Anna Personal", note=dict(NOTE))
    offer = _offers(connector, SOCIONOM)[0]
    await bot.say(SOCIONOM, "Sara Socionom", value=claim_value(offer.cards[0]), locale=locale)
    facts, texts = _shown(_note_card(connector))
    assert facts == expected
    heading = text_for(lang)["relay.note.reasons"]
    assert texts[texts.index(heading) + 1:texts.index(heading) + 3] == [
        f"- {reason_text(lang, 'category_found')}", f"- {reason_text(lang, 'witnessed_violence')}"]
    assert any("Blåmärken på armarna" in t for t in texts)  # the scrubbed description
    dump = json.dumps(_note_card(connector), ensure_ascii=False)
    assert "070-123" not in dump
    assert "kl." not in dump
    assert ":00" not in dump
