"""Escalation, after-hours, worker double-fire and retention, with a clock the test moves."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta

from bot.handoff.worker import run_timers
from routing.demo import load_demo
from routing.model import STOCKHOLM
from routing.storage import RoutingStore
from tests.handoff.harness import BACKUP, CHANNEL, DISTRICT, SOCIONOM, TUESDAY_10, Clock, claim_value, personal, start
from tests.handoff.test_engine import STAFF, _offers

SATURDAY_11 = datetime(2026, 11, 28, 11, 0, tzinfo=STOCKHOLM)


async def _with_channel(db) -> None:
    store = RoutingStore(db.engine)
    await store.update("unit", f"{DISTRICT}-socionom", {"teams_channel_id": CHANNEL}, actor="test")


async def _team_install(bot) -> None:
    from tests import teams

    await bot.post(teams.team_install(bot.connector.url, team_id=CHANNEL))


async def test_unclaimed_goes_to_backup_then_channel_then_expires(db, connector):
    await load_demo(db.engine)
    await _with_channel(db)
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await _team_install(bot)
        await bot.request()
        assert len(_offers(connector, SOCIONOM)) == 1
        assert _offers(connector, BACKUP) == []
        handoff_id = claim_value(_offers(connector, SOCIONOM)[0].cards[0])["handoff_id"]

        clock.advance(minutes=9)
        assert await bot.handoff.run_due() == 0
        clock.advance(minutes=2)
        assert await bot.handoff.run_due() == 1
        assert len(_offers(connector, BACKUP)) == 1
        assert "Ingen har tagit ärendet på 11 minuter" in json.dumps(_offers(connector, BACKUP)[0].cards,
                                                                      ensure_ascii=False)
        assert any("fler socionomer i Farsta" in s.text for s in connector.to(personal(STAFF)))
        assert (await bot.handoff.store.get(handoff_id)).stage == 1

        clock.advance(minutes=11)
        assert await bot.handoff.run_due() == 1
        channel_posts = [s for s in connector.to(CHANNEL) if s.method == "POST" and s.cards]
        assert len(channel_posts) == 1
        assert any("hela enhetens kanal" in s.text for s in connector.to(personal(STAFF)))

        clock.advance(minutes=11)
        assert await bot.handoff.run_due() == 1
        handoff = await bot.handoff.store.get(handoff_id)
        assert handoff.state == "expired"
        assert handoff.next_action is None
        assert any("Ring mottagningen i Farsta direkt: 08-555" in s.text for s in connector.to(personal(STAFF)))
        updated = {s.conversation_id for s in connector.sent if s.method == "PUT"}
        assert updated == {personal(SOCIONOM), personal(BACKUP), CHANNEL}
        clock.advance(minutes=60)
        assert await bot.handoff.run_due() == 0
    finally:
        await bot.close()


async def test_weekend_request_goes_to_on_call_and_tells_when_the_unit_opens(db, connector):
    await load_demo(db.engine)
    store = RoutingStore(db.engine)
    await store.create("on_call", {"id": "weekend", "contact_id": f"{DISTRICT}-socionom-2",
                                   "unit_id": f"{DISTRICT}-socionom",
                                   "starts": SATURDAY_11 - timedelta(hours=3),
                                   "ends": SATURDAY_11 + timedelta(hours=24)}, actor="test")
    clock = Clock(SATURDAY_11)
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await bot.request()
        assert _offers(connector, SOCIONOM) == []
        assert len(_offers(connector, BACKUP)) == 1
        staff = [s.text for s in connector.to(personal(STAFF))]
        assert any("den socionom som har jour" in t for t in staff)
        assert any("öppnar igen måndag 30/11 kl. 08:00" in t for t in staff)
        assert any("ring 112" in t and "socialjouren (08-555 099 00)" in t for t in staff)
    finally:
        await bot.close()


async def test_weekend_request_without_on_call_waits_for_opening(db, connector):
    await load_demo(db.engine)
    clock = Clock(SATURDAY_11)
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await bot.request()
        assert _offers(connector, SOCIONOM) == []  # nobody is at work: the request waits, no card yet
        staff = [s.text for s in connector.to(personal(STAFF)) if s.text]
        assert "ring 112" in staff[0]
        assert "socialjouren (08-555 099 00)" in staff[0]
        assert "öppnar måndag 30/11 kl. 08:00" in staff[1]
        assert "avbryt" in staff[1]
        clock.advance(hours=20)
        assert await bot.handoff.run_due() == 0
        assert _offers(connector, SOCIONOM) == []
        clock.at = datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)
        assert await bot.handoff.run_due() == 1
        offer = _offers(connector, SOCIONOM)[0]
        handoff_id = claim_value(offer.cards[0])["handoff_id"]
        assert "lördag 28/11 kl. 11:00" in json.dumps(offer.cards[0], ensure_ascii=False)
        assert _offers(connector, BACKUP) == []
        clock.advance(minutes=9)
        assert await bot.handoff.run_due() == 0  # the claim timeout counts from the opening
        clock.advance(minutes=2)
        assert await bot.handoff.run_due() == 1
        assert (await bot.handoff.store.get(handoff_id)).stage == 1
    finally:
        await bot.close()


async def test_two_workers_on_one_due_timer_fire_once(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    first = await start(connector, db, clock)
    second = await start(connector, db, clock)
    try:
        await first.install(SOCIONOM, "Sara Socionom")
        await first.install(BACKUP, "Rita Reserv")
        await first.request()
        clock.advance(minutes=11)
        fired = await asyncio.gather(first.handoff.run_due("worker-a"), second.handoff.run_due("worker-b"),
                                     first.handoff.run_due("worker-c"))
        assert sorted(fired) == [0, 0, 1]
        assert len(_offers(connector, BACKUP)) == 1
    finally:
        await first.close()
        await second.close()


async def test_timer_loop_fires_in_the_background(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await bot.request()
        clock.advance(minutes=11)
        stop = asyncio.Event()
        loop = asyncio.create_task(run_timers(bot.handoff, interval=0.05, stop=stop))
        await connector.wait_for(lambda s: s.conversation_id == personal(BACKUP) and bool(s.cards))
        stop.set()
        await loop
    finally:
        await bot.close()


async def test_purge_removes_expired_transcripts_and_keeps_counts(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock, retention_days=30)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        for staff in ("aad-old", "aad-new"):
            connector.clear()
            await bot.request(staff, "Staff")
            offer = _offers(connector, SOCIONOM)[-1]
            await bot.say(SOCIONOM, "Sara Socionom", value=claim_value(offer.cards[0]))
            await bot.say(staff, "Staff", "Hon verkar rädd")
            await bot.say(SOCIONOM, "Sara Socionom", "Tack, berätta mer")
            await bot.say(staff, "Staff", "avsluta")
            if staff == "aad-old":
                old_id = claim_value(offer.cards[0])["handoff_id"]
                clock.advance(days=35)  # Tuesday 29/12, a working day
        new_id = claim_value(offer.cards[0])["handoff_id"]
        assert len(await bot.handoff.store.messages(old_id)) == 2
        result = await bot.handoff.purge()
        assert (result.messages, result.handoffs) == (2, 1)
        assert result.notes >= 1
        assert await bot.handoff.store.messages(old_id) == []
        assert len(await bot.handoff.store.messages(new_id)) == 2
        old = await bot.handoff.store.get(old_id)
        assert old.note is None
        assert old.staff_reference is None
        assert old.message_count == 2
        assert (await bot.handoff.store.counts()) == {"closed": 2}
        assert (await bot.handoff.purge()).messages == 0
    finally:
        await bot.close()


async def test_an_idle_relay_closes_itself_and_tells_both_sides(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock, relay_idle_minutes=90)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.request()
        value = claim_value(_offers(connector, SOCIONOM)[0].cards[0])
        await bot.say(SOCIONOM, "Sara Socionom", value=value)
        clock.advance(minutes=60)
        await bot.say(STAFF, "Anna Personal", "Är du kvar?")  # a message pushes the idle timer on
        clock.advance(minutes=89)
        assert await bot.handoff.run_due() == 0
        connector.clear()
        clock.advance(minutes=2)
        assert await bot.handoff.run_due() == 1
        handoff = await bot.handoff.store.get(value["handoff_id"])
        assert (handoff.state, handoff.closed_by) == ("closed", "idle")
        staff = json.dumps([s.body for s in connector.to(personal(STAFF))], ensure_ascii=False)
        socionom = json.dumps([s.body for s in connector.to(personal(SOCIONOM))], ensure_ascii=False)
        assert "ingen har skrivit på 90 minuter" in staff
        assert "ersätter inte en anmälan" in staff
        assert "ingen har skrivit på 90 minuter" in socionom
        assert "handoff.outcome" in socionom
        connector.clear()
        await bot.say(STAFF, "Anna Personal", "hallå?")
        assert bot.bot.dialog_turns == [personal(STAFF)]  # the dialogs answer again
    finally:
        await bot.close()


async def test_purge_blanks_every_handoff_older_than_the_retention_whatever_its_state(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    bot = await start(connector, db, clock, retention_days=30, relay_idle_minutes=60 * 24 * 90)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        ids = {}
        for staff, state in (("aad-waiting", "offered"), ("aad-talking", "active"), ("aad-ended", "withdrawn")):
            connector.clear()
            await bot.request(staff, "Staff")
            value = claim_value(_offers(connector, SOCIONOM)[-1].cards[0])
            ids[state] = value["handoff_id"]
            if state == "active":
                await bot.say(SOCIONOM, "Sara Socionom", value=value)
                await bot.say(staff, "Staff", "Hon verkar rädd")
            if state == "withdrawn":
                await bot.say(staff, "Staff", "avbryt")
        # Keep the waiting one waiting: its escalation timer is not what this test is about.
        await bot.handoff.store.update(ids["offered"], next_action=None, next_action_at=None)
        clock.advance(days=31)
        result = await bot.handoff.purge()
        assert result.handoffs == 3
        assert result.ended == 2
        for state, handoff_id in ids.items():
            handoff = await bot.handoff.store.get(handoff_id)
            assert handoff.note is None
            assert handoff.staff_id is None
            assert handoff.staff_reference is None
            assert handoff.staff_conversation_id is None
            assert handoff.claimer_reference is None
            assert handoff.state in ("expired", "closed", "withdrawn"), state
            assert await bot.handoff.store.messages(handoff_id) == []
            assert await bot.handoff.store.outbox(handoff_id) == []
        assert (await bot.handoff.store.get(ids["active"])).message_count == 1
    finally:
        await bot.close()


TUESDAY_1631 = datetime(2026, 11, 24, 16, 31, tzinfo=STOCKHOLM)
WEDNESDAY_08 = datetime(2026, 11, 25, 8, 0, tzinfo=STOCKHOLM)


async def test_a_night_escalation_offers_nothing_to_off_duty_socionomer_and_asks_them_at_opening(db, connector):
    await load_demo(db.engine)
    await _with_channel(db)
    # The backup is on call for the evening; the shift ends at 20:00.
    await RoutingStore(db.engine).create("on_call", {
        "id": "evening", "contact_id": f"{DISTRICT}-socionom-2", "unit_id": f"{DISTRICT}-socionom",
        "starts": TUESDAY_1631 - timedelta(minutes=31), "ends": TUESDAY_1631.replace(hour=20, minute=0)}, actor="test")
    clock = Clock(TUESDAY_1631)
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await _team_install(bot)
        await bot.request()
        assert len(_offers(connector, BACKUP)) == 1
        assert _offers(connector, SOCIONOM) == []
        handoff_id = claim_value(_offers(connector, BACKUP)[0].cards[0])["handoff_id"]
        connector.clear()

        clock.at = TUESDAY_1631.replace(hour=21, minute=0)  # the escalation timer fires late in the evening
        assert await bot.handoff.run_due() == 1
        assert _offers(connector, SOCIONOM) == []
        assert _offers(connector, BACKUP) == []
        assert [s for s in connector.to(CHANNEL) if s.cards] == []  # nor the unit's channel
        handoff = await bot.handoff.store.get(handoff_id)
        assert handoff.state == "offered"
        assert handoff.next_action_at == WEDNESDAY_08
        told = [s.text for s in connector.to(personal(STAFF)) if s.text]
        assert "ring 112" in told[0]
        assert "onsdag 25/11 kl. 08:00" in told[1]
        assert "avbryt" in told[1]

        clock.at = WEDNESDAY_08 - timedelta(minutes=1)
        assert await bot.handoff.run_due() == 0
        clock.at = WEDNESDAY_08
        assert await bot.handoff.run_due() == 1
        assert len(_offers(connector, SOCIONOM)) == 1  # at opening the district's socionomer get it
        assert [s for s in connector.to(CHANNEL) if s.cards] == []  # the channel only after the claim timeout
        await bot.say(SOCIONOM, "Sara Socionom", value=claim_value(_offers(connector, SOCIONOM)[0].cards[0]))
        assert (await bot.handoff.store.get(handoff_id)).state == "active"
    finally:
        await bot.close()


async def test_an_escalation_due_after_closing_waits_for_the_opening(db, connector):
    await load_demo(db.engine)
    await _with_channel(db)
    clock = Clock(TUESDAY_1631 - timedelta(minutes=6))  # 16:25, still open
    bot = await start(connector, db, clock)
    try:
        await bot.install(SOCIONOM, "Sara Socionom")
        await bot.install(BACKUP, "Rita Reserv")
        await _team_install(bot)
        await bot.request()
        assert len(_offers(connector, SOCIONOM)) == 1
        handoff_id = claim_value(_offers(connector, SOCIONOM)[0].cards[0])["handoff_id"]
        clock.advance(minutes=11)  # 16:36: closed, nobody on call
        assert await bot.handoff.run_due() == 1
        assert _offers(connector, BACKUP) == []
        assert [s for s in connector.to(CHANNEL) if s.cards] == []
        handoff = await bot.handoff.store.get(handoff_id)
        assert (handoff.state, handoff.stage, handoff.next_action_at) == ("offered", 0, WEDNESDAY_08)
        clock.at = WEDNESDAY_08
        assert await bot.handoff.run_due() == 1
        assert len(_offers(connector, BACKUP)) == 1  # the next stage, at opening
        clock.advance(minutes=11)
        assert await bot.handoff.run_due() == 1
        assert len([s for s in connector.to(CHANNEL) if s.cards]) == 1
    finally:
        await bot.close()
