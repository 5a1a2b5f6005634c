"""The acute card is always actionable: 112 first, then what is open now, closed numbers with their opening time.

Routes come from the real decision over the demo directory at chosen moments (a controllable clock).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from dialogs import cards
from dialogs.acute_card import ACUTE_DISTRICT
from dialogs.route_view import acute_numbers
from routing.decision import decide_route
from routing.demo import demo_directory
from routing.model import STOCKHOLM
from routing.route import RouteDecision

DIRECTORY = demo_directory()
DISTRICTS = [{"id": d.id, "name": d.name} for d in DIRECTORY.districts]
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM)
TUESDAY_1631 = datetime(2026, 11, 24, 16, 31, tzinfo=STOCKHOLM)
SUNDAY_19 = datetime(2026, 11, 29, 19, 0, tzinfo=STOCKHOLM)
MIDSUMMER_EVE_10 = datetime(2026, 6, 19, 10, 0, tzinfo=STOCKHOLM)
NIGHT_0300 = datetime(2026, 11, 25, 3, 0, tzinfo=STOCKHOLM)
INTAKE_FARSTA = "08-555 011 20"
SOCIALJOUR = "08-555 099 00"


def route(at: datetime, district: str | None = None, outcome: str | None = "acute") -> RouteDecision:
    """The decision as a dialog reads it back from the plain form it keeps in state."""
    found = DIRECTORY.district(district) if district else None
    return RouteDecision.from_dict(decide_route(None, None, at, DIRECTORY, district=found, outcome=outcome).to_dict())


def blocks(card: dict[str, Any]) -> list[dict[str, Any]]:
    return card["body"]


def texts(card: dict[str, Any]) -> list[str]:
    return [b["text"] for b in blocks(card) if b["type"] == "TextBlock"]


def sections(card: dict[str, Any], lang: str = "sv") -> dict[str, list[str]]:
    """The fact values under "Öppet nu" and "Stängt just nu", in order."""
    found: dict[str, list[str]] = {}
    heading = None
    for block in blocks(card):
        if block["type"] == "TextBlock":
            heading = block["text"]
        elif block["type"] == "FactSet":
            found[heading or ""] = [f"{fact['title']}: {fact['value']}" for fact in block["facts"]]
    return found


def picker_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["data"] for b in blocks(card) if b["type"] == "ActionSet" for a in b["actions"]
            if a["data"].get("action") == ACUTE_DISTRICT]


def test_112_always_comes_first():
    for at in (TUESDAY_10, SUNDAY_19, NIGHT_0300):
        card = cards.acute_card("sv", route(at, "farsta"), DISTRICTS).content
        assert texts(card)[0] == "Ring 112 nu"
        assert "112" in texts(card)[1]


def test_office_hours_in_a_known_district_put_the_open_intake_first_and_socialjouren_after_with_its_opening():
    card = cards.acute_card("sv", route(TUESDAY_10, "farsta"), DISTRICTS).content
    found = sections(card)
    assert found["Öppet nu"] == [f"Mottagning: {INTAKE_FARSTA} · Mottagning Barn och unga Farsta (demo)"]
    assert found["Stängt just nu"] == [
        f"Socialjour: {SOCIALJOUR} · Socialjouren Stockholm (demo) · öppnar tisdag 24/11 kl. 16:30"]
    assert picker_buttons(card) == []  # the district is known


@pytest.mark.parametrize(("at", "opens"), [
    (SUNDAY_19, "måndag 30/11 kl. 08:00"),
    (TUESDAY_1631, "onsdag 25/11 kl. 08:00"),
    (NIGHT_0300, "onsdag 25/11 kl. 08:00"),
    (MIDSUMMER_EVE_10, "måndag 22/6 kl. 08:00"),
])
def test_out_of_hours_socialjouren_comes_first_and_the_intake_after_with_its_opening(at, opens):
    found = sections(cards.acute_card("sv", route(at, "farsta"), DISTRICTS).content)
    assert found["Öppet nu"] == [f"Socialjour: {SOCIALJOUR} · Socialjouren Stockholm (demo)"]
    assert found["Stängt just nu"] == [
        f"Mottagning: {INTAKE_FARSTA} · Mottagning Barn och unga Farsta (demo) · öppnar {opens}"]


def test_office_hours_with_unknown_district_offer_one_tap_per_district():
    card = cards.acute_card("sv", route(TUESDAY_10, None), DISTRICTS).content
    assert picker_buttons(card) == [{"action": ACUTE_DISTRICT, "district": d["id"]} for d in DISTRICTS]
    assert "Vilken stadsdel gäller det?" in " ".join(texts(card))
    # socialjouren is closed now, so it is listed as closed with its opening, never as the number to call now
    assert "Öppet nu" not in sections(card)
    assert sections(card)["Stängt just nu"][0].endswith("öppnar tisdag 24/11 kl. 16:30")


def test_without_the_district_list_one_button_asks_for_the_district():
    card = cards.acute_card("sv", route(TUESDAY_10, None)).content
    assert picker_buttons(card) == [{"action": ACUTE_DISTRICT}]


@pytest.mark.parametrize("at", [TUESDAY_10, TUESDAY_1631, SUNDAY_19, NIGHT_0300, MIDSUMMER_EVE_10])
@pytest.mark.parametrize("outcome", [None, "acute", "report", "support"])
def test_every_district_lists_each_unit_once_with_one_number(at, outcome):
    for district in DISTRICTS:
        numbers = acute_numbers(route(at, district["id"], outcome))
        assert sorted(n.kind for n in numbers) == ["mottagning", "socialjour"], (district, numbers)
        socialjour = [n for n in numbers if n.kind == "socialjour"]
        assert socialjour[0].phone == SOCIALJOUR  # the same number whatever the district
        assert [n.open_now for n in numbers] == sorted((n.open_now for n in numbers), reverse=True)
        assert any(n.open_now for n in numbers), (district, at)  # someone can always be phoned now


def test_contact_lists_no_longer_show_socialjouren_twice():
    for district in ("jarva", "farsta"):
        listed = cards.contacts_card("sv", route(SUNDAY_19, district)).content
        values = [f["value"] for b in listed["body"] if b["type"] == "FactSet" for f in b["facts"]]
        assert sum("Socialjour" in value for value in values) == 1, values


def test_the_acute_card_speaks_english_headings_included():
    card = cards.acute_card("en", route(SUNDAY_19, "farsta"), DISTRICTS).content
    found = sections(card)
    assert list(found) == ["Open now", "Closed right now"]
    assert found["Closed right now"][0].startswith("Intake:")
    assert "opens Monday 30/11" in found["Closed right now"][0]


def test_names_from_the_tables_cannot_become_links_or_lists():
    hostile = RouteDecision.from_dict({
        "district": {"id": "x", "name": "[x](http://evil.example)"},
        "contacts": [{"name": "<http://evil.example>", "phone": "1. 08-1", "available_now": True,
                      "unit": {"id": "u1", "kind": "socionom", "name": "![i](http://evil.example/i.png)"}}],
        "report": {"units": [{"id": "u2", "kind": "mottagning", "name": "- [y]: http://evil.example",
                              "phone": "08-2", "open_now": True}]}})
    shown = json.dumps([cards.contacts_card("sv", hostile).content, cards.acute_card("sv", hostile).content,
                        cards.note_card("sv", {"day": "2026-11-24"}, "[x](http://evil.example)", "n").content],
                       ensure_ascii=False)
    assert "](" not in shown
    assert "]:" not in shown
    assert "<http" not in shown
    assert '"- ' not in shown
    assert "evil.example" in shown  # still visible as typed, only inert
