"""The Teams edge put together: state, references, dialogs, the activity handler and the adapter's error handler.

`build_edge` is called by the one wiring (bot/wiring.py) with the services it made; it performs no I/O.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext, UserState
from botbuilder.schema import Activity

from bot.handoff import cards as handoff_cards
from bot.logs import error_fields
from bot.teams.acute import AcuteDistrictPicker
from bot.teams.adapter import InvokeReply, receive
from bot.teams.handler import SamradBot
from bot.teams.references import ConversationReferences
from bot.teams.storage import SqlStorage
from bot.teams.turn import TeamsHandoff
from bot.teams.turn_state import TurnConversationState, TurnUserState
from dialogs.cards import welcome_card
from dialogs.language import language_of
from dialogs.main import MainDialog
from dialogs.ports import DialogServices
from dialogs.text import say, text_for
from knowledge.limits import MAX_MESSAGE_CHARS

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)


@dataclass
class TeamsEdge:
    """Everything that turns Bot Framework activities into Samråd's work, and its replies into activities."""

    adapter: Any
    storage: SqlStorage
    conversation_state: ConversationState
    user_state: UserState
    references: ConversationReferences
    dialog: MainDialog
    bot: SamradBot
    handoff: TeamsHandoff

    async def receive(self, body: dict[str, Any], authorization: str) -> InvokeReply | None:
        """One activity's turn (see `bot.teams.adapter.receive`)."""
        return await receive(self.adapter, self.bot.on_turn, body, authorization)

    async def warm_up(self) -> None:
        """Run once what every first turn would otherwise pay for: the state query (SQL compiled and cached, a
        pooled connection open), an activity through the SDK's (de)serializer, the welcome card in each language."""
        for lang in ("sv", "en"):
            Activity(type="message", attachments=[welcome_card(lang)]).serialize()
        Activity().deserialize({"type": "message", "text": "hej", "from": {"id": "warm-up"},
                                "conversation": {"id": "warm-up"}, "channelData": {"tenant": {"id": "warm-up"}}})
        await self.storage.read(["samrad-warm-up/conversations/none"])


def build_edge(services: Services) -> TeamsEdge:
    """Wire state, dialogs and the activity handler over *services*; sets the adapter's turn error handler."""
    settings, routing, clock, adapter = services.settings, services.routing, services.clock, services.adapter
    storage = SqlStorage(services.state)
    conversation_state = TurnConversationState(storage)
    user_state = TurnUserState(storage)
    teams_handoff = TeamsHandoff(services.handoff)
    dialog = MainDialog(DialogServices(routing=routing, faq=services.faq, clock=clock, recorder=services.records,
                                       handoff=teams_handoff, user_state=user_state, scrub=services.scrub,
                                       eservice_url=settings.eservice_url))

    async def greet(turn_context: TurnContext) -> None:
        lang = await language_of(turn_context, user_state)
        await turn_context.send_activity(MessageFactory.attachment(welcome_card(lang)))

    async def too_long(turn_context: TurnContext) -> None:
        lang = await language_of(turn_context, user_state)
        await turn_context.send_activity(say(lang, "message.too_long", limit=MAX_MESSAGE_CHARS))

    conversation_references = ConversationReferences(services.references)
    bot = SamradBot(conversation_state=conversation_state, user_state=user_state, dialog=dialog,
                    references=conversation_references, greet=greet,
                    interceptors=[AcuteDistrictPicker(routing, clock, user_state, eservice_url=settings.eservice_url),
                                  teams_handoff],
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
    return TeamsEdge(adapter=adapter, storage=storage, conversation_state=conversation_state, user_state=user_state,
                     references=conversation_references, dialog=dialog, bot=bot, handoff=teams_handoff)
