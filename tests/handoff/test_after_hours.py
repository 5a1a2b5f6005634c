"""After hours a request is taken: through the real app and dialogs, with a clock the test moves (issue #12.1)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from routing.demo import load_demo
from routing.model import STOCKHOLM
from routing.storage import RoutingStore
from tests.handoff.harness import Clock, claim_value, personal
from tests.handoff.test_flow import (
    BACKUP,
    SOCIONOM,
    STAFF,
    bodies,
    consult_and_ask_for_a_person,
    offers,
    run_app,
)

SOCIALJOUR = "08-555 099 00"
# (when the staff member asks, when the socionomer open next, how the bot says that opening)
MOMENTS = {
    "sunday_evening": (datetime(2026, 11, 29, 20, 15, tzinfo=STOCKHOLM),
                       datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM), "måndag 30/11 kl. 08:00"),
    "midsommarafton": (datetime(2026, 6, 19, 11, 0, tzinfo=STOCKHOLM),
                       datetime(2026, 6, 22, 8, 0, tzinfo=STOCKHOLM), "måndag 22/6 kl. 08:00"),
    "weekday_16_31": (datetime(2026, 11, 24, 16, 31, tzinfo=STOCKHOLM),
                      datetime(2026, 11, 25, 8, 0, tzinfo=STOCKHOLM), "onsdag 25/11 kl. 08:00"),
}


def _texts(connector, aad: str) -> list[str]:
    """What the bot said to *aad*, in order: message texts and every text block of its cards."""
    found = []
    for sent in connector.to(personal(aad)):
        if sent.method != "POST":
            continue
        if sent.text:
            found.append(sent.text)
        for card in sent.cards:
            found += [block.get("text", "") for block in card.get("body") or [] if block.get("type") == "TextBlock"]
    return found


async def _waiting_handoff(app):  # type: ignore[no-untyped-def]
    store = app.services.handoff.store
    handoff = await store.open_for_staff(personal(STAFF))
    assert handoff is not None
    return handoff


@pytest.mark.parametrize("moment", sorted(MOMENTS))
async def test_after_hours_request_is_kept_told_plainly_and_offered_at_opening(db, connector, moment):
    asked, opens, opens_text = MOMENTS[moment]
    await load_demo(db.engine)
    clock = Clock(asked)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await app.install(BACKUP, "Rita Reserv")
        await consult_and_ask_for_a_person(app)
        handoff = await _waiting_handoff(app)
        assert handoff.state == "requested"
        assert handoff.next_action_at == opens
        told = _texts(connector, STAFF)
        first = next(i for i, t in enumerate(told) if "112" in t)
        assert SOCIALJOUR in told[first]  # what to do if it is acute comes first
        after = " ".join(told[first + 1:])
        assert opens_text in after
        assert "väntar" in after
        assert "avbryt" in after
        assert "Jag kan inte koppla dig" not in " ".join(told)
        assert offers(connector, SOCIONOM) == []  # nobody is at work to see it yet

        clock.at = opens - timedelta(minutes=1)
        assert await app.services.handoff.run_due() == 0
        assert offers(connector, SOCIONOM) == []
        clock.at = opens
        assert await app.services.handoff.run_due() == 1
        offer = offers(connector, SOCIONOM)[0]
        dump = json.dumps(offer, ensure_ascii=False)
        assert "utanför kontorstid" in dump  # the card says when it was asked
        assert f"{asked.day}/{asked.month} kl. {asked:%H:%M}" in dump
        assert offers(connector, BACKUP) == []

        connector.clear()
        clock.advance(minutes=3)
        await app.say(SOCIONOM, "Sara Socionom", value=claim_value(offer))
        assert "har tagit ditt ärende" in bodies(connector, personal(STAFF))
        await app.say(STAFF, "Anna Personal", "Hon har varit ledsen hela veckan")
        assert "Hon har varit ledsen hela veckan" in bodies(connector, personal(SOCIONOM))
        await app.say(SOCIONOM, "Sara Socionom", "Tack, berätta mer")
        assert "Tack, berätta mer" in bodies(connector, personal(STAFF))
        handoff = await app.services.handoff.store.get(handoff.id)
        assert handoff.state == "active"
    finally:
        await app.client.close()


async def test_after_hours_request_can_be_withdrawn_before_opening(db, connector):
    asked, opens, opens_text = MOMENTS["sunday_evening"]
    await load_demo(db.engine)
    clock = Clock(asked)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await consult_and_ask_for_a_person(app)
        handoff = await _waiting_handoff(app)
        clock.advance(minutes=30)
        connector.clear()
        await app.say(STAFF, "Anna Personal", "hur länge dröjer det?")
        assert opens_text in bodies(connector, personal(STAFF))  # still waiting, for the opening
        await app.say(STAFF, "Anna Personal", "avbryt")
        assert "tillbakadragen" in bodies(connector, personal(STAFF))
        clock.at = opens + timedelta(minutes=30)
        assert await app.services.handoff.run_due() == 0
        assert offers(connector, SOCIONOM) == []
        handoff = await app.services.handoff.store.get(handoff.id)
        assert handoff.state == "withdrawn"
        assert handoff.next_action is None
    finally:
        await app.client.close()


async def test_after_hours_request_goes_to_the_one_on_call_at_once(db, connector):
    asked, _opens, opens_text = MOMENTS["sunday_evening"]
    await load_demo(db.engine)
    await RoutingStore(db.engine).create("on_call", {
        "id": "sunday", "contact_id": "bromma-socionom-2", "unit_id": "bromma-socionom",
        "starts": asked - timedelta(hours=4), "ends": asked + timedelta(hours=4)}, actor="test")
    clock = Clock(asked)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await app.install(BACKUP, "Rita Reserv")
        await consult_and_ask_for_a_person(app)
        assert len(offers(connector, BACKUP)) == 1
        assert offers(connector, SOCIONOM) == []
        told = _texts(connector, STAFF)
        first = next(i for i, t in enumerate(told) if "112" in t)
        assert SOCIALJOUR in told[first]
        assert any("jour" in t and opens_text in t for t in told[first + 1:])
        await app.say(BACKUP, "Rita Reserv", value=claim_value(offers(connector, BACKUP)[0]))
        assert "Rita Reserv" in bodies(connector, personal(STAFF))
    finally:
        await app.client.close()
