"""The handoff's Teams edge: botbuilder activities, in-turn replies and proactive sends through the adapter."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity, Attachment, ConversationAccount, ConversationReference

from bot.handoff.ports import Payload, ReferenceBook

log = logging.getLogger(__name__)


class ProactiveAdapter(Protocol):
    """What the messenger needs of botbuilder's CloudAdapter: a turn in another conversation."""

    async def continue_conversation(self, reference: Any, callback: Callable[[TurnContext], Awaitable[None]],
                                    bot_app_id: str) -> Any: ...


class AppId(Protocol):
    """The bot's app id, read when a proactive message is sent."""

    @property
    def app_id(self) -> str: ...


def text_message(text: str) -> Activity:
    """A plain text message."""
    return MessageFactory.text(text)


def card_message(card: Attachment) -> Activity:
    """A message carrying one card."""
    return MessageFactory.attachment(card)


def serialize(activities: Sequence[Activity]) -> list[dict[str, Any]]:
    """Activities as JSON values, as the outbox stores them."""
    return [activity.serialize() for activity in activities]


def reference_of(turn_context: TurnContext) -> dict[str, Any]:
    """The serialized conversation reference of the turn's activity."""
    return TurnContext.get_conversation_reference(turn_context.activity).serialize()


def conversation_of(reference: Mapping[str, Any] | None) -> ConversationAccount | None:
    """The conversation of a serialized reference (None without one)."""
    return ConversationReference().deserialize(dict(reference)).conversation if reference else None


class TeamsMessenger:
    """Implements the handoff's Messenger port over botbuilder's adapter and the stored references."""

    def __init__(self, adapter: ProactiveAdapter, references: ReferenceBook, settings: AppId) -> None:
        self._adapter = adapter
        self._references = references
        self._settings = settings

    async def send(self, reference: Mapping[str, Any] | None, payload: Payload, *,
                   turn: TurnContext | None = None) -> list[str | None]:
        """Send the serialized activities of *payload*; returns the activity ids (None for events)."""
        activities = [Activity().deserialize(item) for item in payload or []]
        return await self._send(reference, activities, turn_context=turn)

    async def send_card(self, reference: Mapping[str, Any] | None, card: Attachment, *,
                        turn: TurnContext | None = None) -> str | None:
        """Send one card; returns its activity id."""
        ids = await self._send(reference, [MessageFactory.attachment(card)], turn_context=turn)
        return ids[0] if ids else None

    async def update_card(self, target: tuple[str, str], conversation_id: str | None, activity_id: str,
                          card: Attachment, *, turn: TurnContext | None = None) -> None:
        """Replace a sent card, in this turn if it is that conversation, else through *target*'s reference."""
        update = MessageFactory.attachment(card)
        update.id = activity_id
        current = turn.activity.conversation.id if turn is not None else None
        if turn is not None and current == conversation_id:
            await turn.update_activity(update)
            return
        reference = await self._references.find(*target)
        if reference is None:
            return  # uninstalled since: the card cannot be reached any more

        async def replace(context: TurnContext, update: Activity = update) -> None:
            await context.update_activity(update)

        await self._adapter.continue_conversation(reference, replace, self._settings.app_id)

    async def _send(self, reference: Mapping[str, Any] | None, activities: Sequence[Activity], *,
                    turn_context: TurnContext | None = None) -> list[str | None]:
        """Send *activities* to the conversation of *reference* (in this turn if it is that conversation)."""
        if reference is None:
            return []
        ref = ConversationReference().deserialize(dict(reference))
        ids: list[str | None] = []

        async def deliver(context: TurnContext) -> None:
            for activity in activities:
                if activity.type == "event":
                    await self.emit(context, activity)
                    ids.append(None)
                    continue
                response = await context.send_activity(activity)
                ids.append(response.id if response is not None else None)

        if turn_context is not None and turn_context.activity.conversation is not None and \
                turn_context.activity.conversation.id == ref.conversation.id:
            await deliver(turn_context)
        else:
            await self._adapter.continue_conversation(ref, deliver, self._settings.app_id)
        return ids

    @staticmethod
    async def emit(context: TurnContext, event: Activity) -> None:
        """Send a handoff event activity; channels that refuse events must not break the handoff."""
        try:
            await context.send_activity(event)
        except Exception as error:  # best effort: interop events are informational
            log.info("handoff event not delivered", extra={"event": "handoff_event_failed",
                                                           "error_type": type(error).__name__})
