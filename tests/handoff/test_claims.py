"""Only those an offer reached may claim it; everyone else gets a clear refusal and learns nothing (issue #15.4)."""

from __future__ import annotations

import json

import pytest

from routing.demo import load_demo
from routing.storage import RoutingStore
from tests import teams
from tests.handoff.harness import BACKUP, CHANNEL, DISTRICT, SOCIONOM, TUESDAY_10, Clock, claim_value, personal, start
from tests.handoff.test_engine import STAFF, _offers

OTHER_DISTRICT_SOCIONOM = "00000000-0000-4000-8000-000000000031"  # Demo Socionom Bromma
OTHER_STAFF = "aad-staff-2"


@pytest.fixture
async def bot(db, connector):
    await load_demo(db.engine)
    harness = await start(connector, db, Clock(TUESDAY_10))
    yield harness
    await harness.close()


def _said(connector, aad: str) -> str:
    return json.dumps([s.body for s in connector.to(personal(aad))], ensure_ascii=False)


async def _claim_by(bot, aad: str, name: str, value: dict) -> None:  # type: ignore[no-untyped-def]
    await bot.say(aad, name, value=value)


@pytest.mark.parametrize("who", ["other_district_socionom", "other_staff", "requester", "backup_not_yet_asked"])
async def test_a_claim_from_someone_not_offered_is_refused_and_gives_nothing(bot, connector, who):
    aad, name = {"other_district_socionom": (OTHER_DISTRICT_SOCIONOM, "Bo Bromma"),
                 "other_staff": (OTHER_STAFF, "Per Personal"),
                 "requester": (STAFF, "Anna Personal"),
                 "backup_not_yet_asked": (BACKUP, "Rita Reserv")}[who]
    await bot.install(SOCIONOM, "Sara Socionom")
    await bot.install(BACKUP, "Rita Reserv")
    await bot.install(OTHER_DISTRICT_SOCIONOM, "Bo Bromma")
    await bot.request(STAFF, "Anna Personal")
    value = claim_value(_offers(connector, SOCIONOM)[0].cards[0])
    connector.clear()
    await _claim_by(bot, aad, name, value)
    said = _said(connector, aad)
    expected = "din egen förfrågan" if who == "requester" else "skickades inte till dig"
    assert expected in said
    assert "Blåmärken" not in said
    assert "Konsultationsanteckning" not in said
    handoff = await bot.handoff.store.get(value["handoff_id"])
    assert handoff.state == "offered"
    assert handoff.claimed_by is None
    assert not any(s.method == "PUT" for s in connector.sent)  # the offer cards are untouched
    events = [e for e in await bot.handoff.store.events(value["handoff_id"]) if e["kind"] == "claim_refused"]
    assert len(events) == 1
    # The one it was offered to can still take it.
    await _claim_by(bot, SOCIONOM, "Sara Socionom", value)
    assert (await bot.handoff.store.get(value["handoff_id"])).claimed_by == SOCIONOM


async def test_a_member_acting_in_the_unit_channel_it_was_posted_to_may_claim(db, connector):
    await load_demo(db.engine)
    await RoutingStore(db.engine).update("unit", f"{DISTRICT}-socionom", {"teams_channel_id": CHANNEL}, actor="test")
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock)
    try:
        await bot.post(teams.team_install(bot.connector.url, team_id=CHANNEL))
        await bot.request(STAFF, "Anna Personal")  # nobody installed the app personally: straight to the channel
        posted = [s for s in connector.to(CHANNEL) if s.method == "POST" and s.cards]
        assert len(posted) == 1
        value = claim_value(posted[0].cards[0])
        member = teams.user("aad-channel-member", "Cecilia Kanal")
        channel_conversation = {"id": f"{CHANNEL};messageid={posted[0].activity_id}", "conversationType": "channel",
                                "isGroup": True, "tenantId": teams.TENANT}
        channel_data = {"tenant": {"id": teams.TENANT}, "team": {"id": CHANNEL}, "channel": {"id": CHANNEL}}
        # Someone in another channel is refused.
        elsewhere = {**channel_conversation, "id": "19:annan-kanal@thread.tacv2"}
        await bot.post(teams.message(bot.connector.url, value=value, sender=member, conversation=elsewhere,
                                     channel_data={**channel_data, "channel": {"id": "19:annan-kanal@thread.tacv2"},
                                                   "team": {"id": "19:annan-kanal@thread.tacv2"}}))
        assert (await bot.handoff.store.get(value["handoff_id"])).claimed_by is None
        await bot.post(teams.message(bot.connector.url, value=value, sender=member,
                                     conversation=channel_conversation, channel_data=channel_data))
        handoff = await bot.handoff.store.get(value["handoff_id"])
        assert handoff.claimed_by == "aad-channel-member"
        assert handoff.state == "active"
    finally:
        await bot.close()
