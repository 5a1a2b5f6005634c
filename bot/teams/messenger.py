"""The handoff's messenger over botbuilder: activity JSON out as activities, in this turn or proactively."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.handoff.messages import is_event
from bot.handoff.ports import Card, Message, Payload, Reference, ReferenceBook, Turn
from bot.teams.turn import TeamsTurn

log = logging.getLogger(__name__)


class ProactiveAdapter(Protocol):
    """What the messenger needs of botbuilder's CloudAdapter: a turn in another conversation."""

    async def continue_conversation(self, reference: Any, callback: Callable[[TurnContext], Awaitable[None]],
                                    bot_app_id: str) -> Any: ...


def _context(turn: Turn | None) -> Any:
    """The botbuilder TurnContext behind *turn* (None outside a turn)."""
    return turn.context if isinstance(turn, TeamsTurn) else None


class TeamsMessenger:
    """Implements the handoff's Messenger port over botbuilder's adapter and the stored references."""

    def __init__(self, adapter: ProactiveAdapter, references: ReferenceBook, app_id: str) -> None:
        self._adapter = adapter
        self._references = references
        self._app_id = app_id

    async def send(self, reference: Reference | None, payload: Payload, *,
                   turn: Turn | None = None) -> list[str | None]:
        """Send the activities of *payload*; returns the activity ids (None for events)."""
        return await self._send(reference, payload, _context(turn))

    async def send_card(self, reference: Reference | None, card: Card, *, turn: Turn | None = None) -> str | None:
        """Send one card; returns its activity id."""
        ids = await self._send(reference, [MessageFactory.attachment(CardFactory.adaptive_card(card)).serialize()],
                               _context(turn))
        return ids[0] if ids else None

    async def update_card(self, target: tuple[str, str], conversation_id: str | None, activity_id: str, card: Card,
                          *, turn: Turn | None = None) -> None:
        """Replace a sent card, in this turn if it is that conversation, else through *target*'s reference."""
        update = MessageFactory.attachment(CardFactory.adaptive_card(card))
        update.id = activity_id
        context = _context(turn)
        if context is not None and turn is not None and turn.conversation_id == conversation_id:
            await context.update_activity(update)
            return
        stored = await self._references.find(*target)
        if stored is None:
            return  # uninstalled since: the card cannot be reached any more

        async def replace(context: TurnContext, update: Activity = update) -> None:
            await context.update_activity(update)

        await self._adapter.continue_conversation(ConversationReference().deserialize(dict(stored)), replace,
                                                  self._app_id)

    async def _send(self, reference: Reference | None, payload: Sequence[Message], context: Any) -> list[str | None]:
        """Send *payload* to the conversation of *reference* (in *context*'s turn if it is that conversation)."""
        if reference is None:
            return []
        ref = ConversationReference().deserialize(dict(reference))
        activities = [Activity().deserialize(dict(item)) for item in payload or []]
        ids: list[str | None] = []

        async def deliver(turn_context: TurnContext) -> None:
            for message, activity in zip(payload, activities, strict=True):
                if is_event(message):
                    await _emit(turn_context, activity)
                    ids.append(None)
                    continue
                response = await turn_context.send_activity(activity)
                ids.append(response.id if response is not None else None)

        if context is not None and context.activity.conversation is not None and \
                context.activity.conversation.id == ref.conversation.id:
            await deliver(context)
        else:
            await self._adapter.continue_conversation(ref, deliver, self._app_id)
        return ids

    async def emit(self, turn: Turn, event: Message) -> None:
        """Send a handoff event in this turn; channels that refuse events must not break the handoff."""
        context = _context(turn)
        if context is not None:
            await _emit(context, Activity().deserialize(dict(event)))


async def _emit(context: TurnContext, event: Activity) -> None:
    try:
        await context.send_activity(event)
    except Exception as error:  # best effort: interop events are informational
        log.info("handoff event not delivered", extra={"event": "handoff_event_failed",
                                                       "error_type": type(error).__name__})
