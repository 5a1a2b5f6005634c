"""A Samråd-shaped bot for handoff tests: real CloudAdapter, references, routing and handoff engine over HTTP.

The dialogs are replaced by a recorder, so these tests exercise the handoff alone; the full app flow is in
test_flow.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bot.handoff import build_handoff
from bot.handoff.engine import HandoffEngine
from bot.records import ConsultationRecords
from bot.reference_store import ReferenceStore
from bot.scrubbing import PlaceScrubber
from bot.settings import BotFrameworkConfig, Settings
from bot.teams.messenger import TeamsMessenger
from bot.teams.references import ConversationReferences
from bot.teams.turn import TeamsHandoff
from routing.model import STOCKHOLM
from routing.service import RoutingService
from tests import teams
from tests.fake_connector import FakeConnector

# Farsta is district 11 in the demo data: its socionoms' Teams ids follow routing.demo._teams_id.
DISTRICT = "farsta"
SOCIONOM = "00000000-0000-4000-8000-000000000111"  # "Demo Socionom Farsta (demo)", priority 1
BACKUP = "00000000-0000-4000-8000-000000000112"  # "Demo Socionom Reserv Farsta (demo)", priority 2
CHANNEL = "19:socionomer-farsta@thread.tacv2"
# A Tuesday at 10:00 in Stockholm: office hours.
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + timedelta(**delta)


class RecordingBot(ActivityHandler):
    """Remembers references, lets the handoff intercept, and otherwise records that 'the dialogs ran'."""

    def __init__(self, references: ConversationReferences, handoff: HandoffEngine) -> None:
        self.references = references
        self.handoff = TeamsHandoff(handoff)  # the engine as the Teams edge offers it to handler and dialogs
        self.dialog_turns: list[str] = []

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self.references.remember(turn_context.activity)
        if not await self.handoff.intercept(turn_context):
            self.dialog_turns.append(turn_context.activity.conversation.id)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        await self.references.remember(turn_context.activity)


@dataclass
class Harness:
    """One running bot instance over a database, posting Teams activities and reading what the bot sent."""

    connector: FakeConnector
    settings: Settings
    clock: Clock
    engine: Any
    handoff: HandoffEngine
    routing: RoutingService
    bot: RecordingBot
    client: TestClient

    async def post(self, activity: dict[str, Any]) -> int:
        response = await self.client.post("/api/messages", json=activity)
        return response.status

    async def install(self, aad: str, name: str) -> None:
        await self.post(teams.personal_install(self.connector.url, teams.user(aad, name)))

    async def say(self, aad: str, name: str, text: str | None = None, **kwargs: Any) -> int:
        return await self.post(teams.message(self.connector.url, text, sender=teams.user(aad, name), **kwargs))

    async def request(self, aad: str = "aad-staff-1", name: str = "Anna Personal", *,
                      note: dict[str, Any] | None = None, share_name: bool = False,
                      district: str = DISTRICT) -> None:
        """What the consultation dialog does: decide a route, record the note, call `request` in the turn."""
        route = await self.routing.decide(district_id=district, outcome="consult", at=self.clock())
        records = ConsultationRecords(self.engine, self.clock, scrub=PlaceScrubber(self.routing))
        note = dict(note or {"district_id": district, "age_band": "3-6", "categories": ["physical"],
                             "duration": "weeks", "acute": False, "outcome": "consult", "lang": "sv",
                             "summary": "Blåmärken på armarna, ring mamma på 070-123 45 67"})
        note["id"] = await records.record(note)
        self.pending = (note, route, share_name)
        self.bot.handoff_next = True  # type: ignore[attr-defined]
        await self.say(aad, name, "prata med en människa")

    async def close(self) -> None:
        await self.client.close()


class RequestingBot(RecordingBot):
    """RecordingBot that starts a handoff on the next message when the harness asks it to."""

    def __init__(self, harness_ref: list[Harness], *args: Any) -> None:
        super().__init__(*args)
        self._harness_ref = harness_ref
        self.handoff_next = False

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        if self.handoff_next:
            self.handoff_next = False
            await self.references.remember(turn_context.activity)
            note, route, share_name = self._harness_ref[0].pending
            await self.handoff.request(turn_context, note, route, share_name=share_name)
            return
        await super().on_message_activity(turn_context)


async def start(connector: FakeConnector, db: Any, clock: Clock, **overrides: Any) -> Harness:
    """A bot instance over *db* (already migrated, demo data loaded) talking to *connector*."""
    settings = Settings(database_url=db.url, database_schema=db.schema, worker_interval_seconds=3600,
                        claim_timeout_minutes=10).with_(**overrides)
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(settings)))
    store = ReferenceStore(db.engine)
    references = ConversationReferences(store)
    routing = RoutingService(db.engine, clock=clock)
    scrub = PlaceScrubber(routing)  # the app's scrubber: it masks the preschool names of the routing tables
    records = ConsultationRecords(db.engine, clock, scrub=scrub)
    handoff = build_handoff(settings=settings, engine=db.engine,
                            messenger=TeamsMessenger(adapter, store, settings.app_id), clock=clock,
                            references=store, records=records, routing=routing, scrub=scrub)
    holder: list[Harness] = []
    bot = RequestingBot(holder, references, handoff)

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await adapter.process(request, bot)
        return response if response is not None else web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    harness = Harness(connector, settings, clock, db.engine, handoff, routing, bot, client)
    holder.append(harness)
    return harness


def claim_value(card: dict[str, Any]) -> dict[str, Any]:
    """The data of the card's *Ta ärendet* button."""
    for action in card.get("actions") or []:
        if (action.get("data") or {}).get("action") == "handoff.claim":
            return action["data"]
    raise AssertionError("no claim button on the card")


def personal(aad: str) -> str:
    return teams.personal_conversation(aad)["id"]
