"""The whole handoff through the real app (`create_app`): dialogs, routing demo data, Bot Connector fake."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.keys import SERVICES
from bot.settings import Settings
from routing.demo import load_demo
from tests import teams
from tests.fake_connector import FakeConnector
from tests.handoff.harness import TUESDAY_10, Clock, claim_value, personal

PRESCHOOL = "Förskola Sagoberget"  # Bromma (district 3) in the demo data
SOCIONOM = "00000000-0000-4000-8000-000000000031"  # Demo Socionom Bromma, priority 1
BACKUP = "00000000-0000-4000-8000-000000000032"  # Demo Socionom Reserv Bromma, priority 2
STAFF = "aad-staff-7"
STAFF_WORDS = "Hon verkar rädd när pappa hämtar, mammas nummer är 070-123 45 67"
PERSONNUMMER = "850314-1234"
PHONE = "070-987 65 43"


class RunningApp:
    """One Samråd app process (create_app) served on 127.0.0.1."""

    def __init__(self, client: TestClient, connector: FakeConnector) -> None:
        self.client = client
        self.connector = connector

    @property
    def services(self) -> Any:
        return self.client.server.app[SERVICES]

    async def post(self, activity: dict[str, Any]) -> None:
        response = await self.client.post("/api/messages", json=activity)
        assert response.status in (200, 201), response.status

    async def install(self, aad: str, name: str) -> None:
        await self.post(teams.personal_install(self.connector.url, teams.user(aad, name)))

    async def say(self, aad: str, name: str, text: str | None = None, value: dict | None = None) -> None:
        await self.post(teams.message(self.connector.url, text, value=value, sender=teams.user(aad, name)))


async def run_app(db: Any, connector: FakeConnector, clock: Clock) -> RunningApp:
    settings = Settings(database_url=db.url, database_schema=db.schema, worker_interval_seconds=3600,
                        claim_timeout_minutes=10)
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    await client.start_server()
    return RunningApp(client, connector)


def _choice(action: str, value: str) -> dict[str, str]:
    return {"action": action, "choice": value}


async def consult_and_ask_for_a_person(app: RunningApp, staff: str = STAFF, name: str = "Anna Personal") -> None:
    """The staff member's side up to the handoff, through the real dialogs."""
    await app.say(staff, name, "hej")
    await app.say(staff, name, value=_choice("menu", "consult"))
    await app.say(staff, name, value=_choice("danger", "no"))
    await app.say(staff, name, PRESCHOOL)
    await app.say(staff, name, STAFF_WORDS)
    # Whichever of these two the dialog asks is answered; the other is an old button and says so.
    await app.say(staff, name, value=_choice("understood", "yes"))
    await app.say(staff, name, value={"action": "concern", "choices": "emotional"})
    await app.say(staff, name, value=_choice("duration", "weeks"))
    await app.say(staff, name, value=_choice("child_told", "no"))
    await app.say(staff, name, value=_choice("age", "3-6"))
    await app.say(staff, name, value=_choice("final", "handoff"))
    await app.say(staff, name, "nej")  # do not show my name


def offers(connector: FakeConnector, aad: str) -> list[Any]:
    found = []
    for sent in connector.to(personal(aad)):
        for card in sent.cards:
            if any((a.get("data") or {}).get("action") == "handoff.claim" for a in card.get("actions") or []):
                found.append(card)
    return found


def bodies(connector: FakeConnector, conversation_id: str) -> str:
    return json.dumps([s.body for s in connector.to(conversation_id)], ensure_ascii=False)


async def test_consult_handoff_claim_relay_outcome_over_http(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await app.install(BACKUP, "Rita Reserv")
        await consult_and_ask_for_a_person(app)
        assert len(offers(connector, SOCIONOM)) == 1
        offer_dump = json.dumps(offers(connector, SOCIONOM), ensure_ascii=False)
        assert "Bromma" in offer_dump
        for words in ("verkar rädd", "070", "Anna", "Sagoberget"):
            assert words not in offer_dump
        assert "socionomerna i Bromma" in bodies(connector, personal(STAFF))
        # Nobody takes it for ten minutes: the backup is asked too.
        clock.advance(minutes=11)
        assert await app.services.handoff.run_due() == 1
        assert len(offers(connector, BACKUP)) == 1

        value = claim_value(offers(connector, SOCIONOM)[0])
        connector.clear()
        await app.say(SOCIONOM, "Sara Socionom", value=value)
        puts = [s for s in connector.sent if s.method == "PUT"]
        assert sorted(p.conversation_id for p in puts) == sorted([personal(SOCIONOM), personal(BACKUP)])
        assert all("Taget av Sara Socionom" in json.dumps(p.body, ensure_ascii=False) for p in puts)
        to_socionom = bodies(connector, personal(SOCIONOM))
        assert "verkar rädd" in to_socionom
        assert "070-123" not in to_socionom
        assert "verkar rädd" not in bodies(connector, personal(BACKUP))
        assert "Sara Socionom (Socionom i förskolan) har tagit" in bodies(connector, personal(STAFF))

        connector.clear()
        await app.say(STAFF, "Anna Personal", f"Pappans personnummer är {PERSONNUMMER}, ring {PHONE}")
        await app.say(SOCIONOM, "Sara Socionom", f"Tack. Du når mig på {PHONE}.")
        to_socionom, to_staff = bodies(connector, personal(SOCIONOM)), bodies(connector, personal(STAFF))
        assert "personal på förskolan i Bromma" in to_socionom
        assert "[personnummer]" in to_socionom
        assert "Sara Socionom (Socionom i förskolan)" in to_staff
        assert "[telefon]" in to_staff
        for secret in (PERSONNUMMER, PHONE):
            assert secret not in to_socionom
            assert secret not in to_staff

        connector.clear()
        await app.say(SOCIONOM, "Sara Socionom", "avsluta")
        outcome_card = next(c for s in connector.to(personal(SOCIONOM)) for c in s.cards)
        early = next(a["data"] for a in outcome_card["actions"] if a["data"]["outcome"] == "early_support")
        await app.say(SOCIONOM, "Sara Socionom", value=early)
        result = next(c for s in connector.to(personal(STAFF)) for c in s.cards)
        assert "Föräldrarådgivning Bromma" in json.dumps(result, ensure_ascii=False)
        await app.say(STAFF, "Anna Personal", value={"action": "handoff.rate",
                                                     "handoff_id": early["handoff_id"], "rating": 5})
        handoff = await app.services.handoff.store.get(early["handoff_id"])
        assert (handoff.state, handoff.outcome, handoff.rating) == ("closed", "early_support", 5)
        connector.clear()
        await app.say(STAFF, "Anna Personal", "hej")  # the dialogs answer again
        assert "Vad vill du göra?" in bodies(connector, personal(STAFF))
    finally:
        await app.client.close()


@pytest.mark.postgres
async def test_two_app_instances_claim_at_once_exactly_one_wins(pg_db, connector):
    await load_demo(pg_db.engine)
    clock = Clock(TUESDAY_10)
    first, second = await run_app(pg_db, connector, clock), await run_app(pg_db, connector, clock)
    try:
        await first.install(SOCIONOM, "Sara Socionom")
        await second.install(BACKUP, "Rita Reserv")
        await consult_and_ask_for_a_person(first)
        clock.advance(minutes=11)
        assert await second.services.handoff.run_due() == 1
        value = claim_value(offers(connector, SOCIONOM)[0])
        assert claim_value(offers(connector, BACKUP)[0]) == value
        connector.clear()
        await asyncio.gather(first.say(SOCIONOM, "Sara Socionom", value=value),
                             second.say(BACKUP, "Rita Reserv", value=value))
        handoff = await first.services.handoff.store.get(value["handoff_id"])
        winner, loser = (SOCIONOM, BACKUP) if handoff.claimed_by == SOCIONOM else (BACKUP, SOCIONOM)
        assert handoff.state == "active"
        assert "har tagit ärendet" not in bodies(connector, personal(loser))
        assert "Ärendet är redan taget av" in bodies(connector, personal(loser))
        assert "Du har tagit ärendet" in bodies(connector, personal(winner))
        claims = [e for e in await first.services.handoff.store.events(value["handoff_id"])
                  if e["to_state"] == "claimed"]
        assert len(claims) == 1
    finally:
        await first.client.close()
        await second.client.close()


async def test_app_recreated_mid_relay_continues_and_loses_nothing(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    app = await run_app(db, connector, clock)
    await app.install(SOCIONOM, "Sara Socionom")
    await consult_and_ask_for_a_person(app)
    value = claim_value(offers(connector, SOCIONOM)[0])
    await app.say(SOCIONOM, "Sara Socionom", value=value)
    await app.say(STAFF, "Anna Personal", "Första meddelandet")
    await app.client.close()  # the process stops (deploy, crash): nothing lives only in memory

    app = await run_app(db, connector, clock)
    try:
        connector.clear()
        await app.say(SOCIONOM, "Sara Socionom", "Svar efter omstarten")
        assert "Svar efter omstarten" in bodies(connector, personal(STAFF))
        await app.say(STAFF, "Anna Personal", "Andra meddelandet")
        assert "Andra meddelandet" in bodies(connector, personal(SOCIONOM))
        stored = await app.services.handoff.store.messages(value["handoff_id"])
        assert [m["text"] for m in stored] == ["Första meddelandet", "Svar efter omstarten", "Andra meddelandet"]
        await app.say(STAFF, "Anna Personal", "avsluta")
        handoff = await app.services.handoff.store.get(value["handoff_id"])
        assert handoff.state == "closed"
        assert handoff.closed_by == "staff"
    finally:
        await app.client.close()


async def test_a_withdrawn_request_gives_the_consultation_back_where_it_was_over_http(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await app.say(STAFF, "Anna Personal", value=_choice("menu", "consult"))
        await app.say(STAFF, "Anna Personal", value=_choice("danger", "no"))
        await app.say(STAFF, "Anna Personal", "prata med en människa")  # before the preschool is known
        await app.say(STAFF, "Anna Personal", PRESCHOOL)  # asked by the handoff
        await app.say(STAFF, "Anna Personal", value=_choice("share_name", "no"))
        assert len(offers(connector, SOCIONOM)) == 1
        withdraw = next(a["data"] for s in connector.to(personal(STAFF)) for c in s.cards
                        for a in c.get("actions") or [] if (a.get("data") or {}).get("action") == "handoff.withdraw")
        connector.clear()
        await app.say(STAFF, "Anna Personal", value=withdraw)
        said = bodies(connector, personal(STAFF))
        assert "tillbakadragen" in said
        assert "Nu fortsätter vi där vi var." in said
        # In the same turn, the next unknown thing: the staff member's own words, not the preschool again.
        last = connector.to(personal(STAFF))[-1].cards[0]
        assert {"action": "words", "choice": "skip"} in [a["data"] for a in last.get("actions") or []] + [
            a["data"] for b in last["body"] if b["type"] == "ActionSet" for a in b["actions"]]
        assert "Vilken förskola" not in said
        handoff = await app.services.handoff.store.get(withdraw["handoff_id"])
        assert handoff.state == "withdrawn"
        await app.say(STAFF, "Anna Personal", value=_choice("words", "skip"))
        assert "Vad handlar din oro om?" in bodies(connector, personal(STAFF))
    finally:
        await app.client.close()
