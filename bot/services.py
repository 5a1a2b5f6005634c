"""The object graph of one running Samråd: built once the engine exists, shared through the app."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from botbuilder.core import ConversationState, MessageFactory, TurnContext, UserState
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.acute import AcuteDistrictPicker
from bot.handler import SamradBot
from bot.handoff import build_handoff
from bot.handoff import cards as handoff_cards
from bot.handoff.engine import HandoffEngine
from bot.logs import error_fields
from bot.records import ConsultationRecords
from bot.references import ConversationReferences
from bot.scrubbing import PlaceScrubber
from bot.settings import Settings
from bot.storage import SqlStorage
from dialogs.cards import welcome_card
from dialogs.language import language_of
from dialogs.main import MainDialog
from dialogs.ports import DialogServices
from dialogs.text import say, text_for
from knowledge.faq import Faq
from knowledge.limits import MAX_MESSAGE_CHARS
from routing.service import RoutingService

log = logging.getLogger(__name__)


def system_clock(settings: Settings) -> Callable[[], datetime]:
    """The wall clock in the configured time zone (Europe/Stockholm by default)."""
    zone = ZoneInfo(settings.timezone)
    return lambda: datetime.now(zone)


@dataclass
class Services:
    """Everything a request handler, a command or the worker needs."""

    settings: Settings
    engine: AsyncEngine
    adapter: CloudAdapter
    clock: Callable[[], datetime]
    storage: SqlStorage
    conversation_state: ConversationState
    user_state: UserState
    references: ConversationReferences
    records: ConsultationRecords
    routing: RoutingService
    faq: Faq
    dialog: MainDialog
    bot: SamradBot
    handoff: HandoffEngine  # the app's timer task and `samrad worker` drive its timers
    scrub: PlaceScrubber | None = None  # the dialogs' scrubber (knows preschool names)


def build_services(settings: Settings, engine: AsyncEngine, adapter: CloudAdapter,
                   clock: Callable[[], datetime]) -> Services:
    """Wire storage, state, routing, knowledge, dialogs and the bot; performs no I/O."""
    storage = SqlStorage(engine)
    conversation_state = ConversationState(storage)
    user_state = UserState(storage)
    references = ConversationReferences(engine)
    routing = RoutingService(engine, eservice_url=settings.eservice_url)
    # One scrubber for the dialogs, the notes and the relay: it also masks preschool names (rebuilt after a reload).
    scrub = PlaceScrubber(routing)
    records = ConsultationRecords(engine, clock, scrub=scrub)
    faq = Faq.load()
    handoff = build_handoff(settings=settings, engine=engine, adapter=adapter, clock=clock, references=references,
                            records=records, routing=routing, scrub=scrub, storage=storage)
    dialog = MainDialog(DialogServices(routing=routing, faq=faq, clock=clock, recorder=records,
                                       handoff=handoff, user_state=user_state, scrub=scrub,
                                       eservice_url=settings.eservice_url))

    async def greet(turn_context: TurnContext) -> None:
        lang = await language_of(turn_context, user_state)
        await turn_context.send_activity(MessageFactory.attachment(welcome_card(lang)))

    async def too_long(turn_context: TurnContext) -> None:
        lang = await language_of(turn_context, user_state)
        await turn_context.send_activity(say(lang, "message.too_long", limit=MAX_MESSAGE_CHARS))

    bot = SamradBot(conversation_state=conversation_state, user_state=user_state, dialog=dialog,
                    references=references, greet=greet,
                    interceptors=[AcuteDistrictPicker(routing, clock, user_state, eservice_url=settings.eservice_url),
                                  handoff],
                    channel_actions=handoff_cards.ACTIONS, app_id=settings.app_id, too_long=too_long)

    async def on_error(turn_context: TurnContext, error: Exception) -> None:
        # Never log the exception text: it may quote what the user wrote.
        log.error("turn failed", extra={"event": "turn_failed", **error_fields(error)})
        try:
            lang = await language_of(turn_context, user_state)
            await turn_context.send_activity(text_for(lang)["error"])
        finally:
            await bot.reset_conversation(turn_context)

    adapter.on_turn_error = on_error
    return Services(settings=settings, engine=engine, adapter=adapter, clock=clock, storage=storage,
                    conversation_state=conversation_state, user_state=user_state, references=references,
                    records=records, routing=routing, faq=faq, dialog=dialog, bot=bot,
                    handoff=handoff, scrub=scrub)
