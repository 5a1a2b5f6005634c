"""The Teams activity handler: remembers where users are, greets once, runs the dialogs, saves state once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from botbuilder.core import ConversationState, TurnContext, UserState
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import Dialog, DialogExtensions
from botbuilder.schema import Activity

from bot.references import ConversationReferences

log = logging.getLogger(__name__)


def strip_bot_mention(activity: Activity) -> None:
    """Remove "<at>Samråd</at>" from a channel message so commands and choices read as typed."""
    if not activity.text or not activity.entities:
        return
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities:
        properties = entity.additional_properties or {}
        mentioned = (properties.get("mentioned") or {}).get("id")
        if entity.type == "mention" and mentioned == bot_id and properties.get("text"):
            activity.text = activity.text.replace(properties["text"], "")
    activity.text = " ".join(activity.text.split())


class TurnInterceptor(Protocol):
    """Something that may take a message before the dialogs see it (e.g. an active handoff relay)."""

    async def intercept(self, turn_context: TurnContext) -> bool:
        """Handle the turn and return True, or return False to let the dialogs run."""


Greeter = Callable[[TurnContext], Awaitable[None]]


class SamradBot(TeamsActivityHandler):
    """Samråd's bot: references, welcome, interceptors, then the dialogs; state saved once per turn."""

    def __init__(
        self,
        *,
        conversation_state: ConversationState,
        user_state: UserState,
        dialog: Dialog,
        references: ConversationReferences,
        greet: Greeter,
        interceptors: Sequence[TurnInterceptor] = (),
    ) -> None:
        self._conversation_state = conversation_state
        self._user_state = user_state
        self._dialog = dialog
        self._references = references
        self._greet = greet
        self._interceptors = list(interceptors)
        self._dialog_state = conversation_state.create_property("DialogState")
        self._welcomed = user_state.create_property("Welcomed")

    def add_interceptor(self, interceptor: TurnInterceptor) -> None:
        """Let *interceptor* see messages before the dialogs (checked in the order added)."""
        self._interceptors.append(interceptor)

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Dispatch the activity, then save conversation and user state once."""
        await super().on_turn(turn_context)
        await self._conversation_state.save_changes(turn_context)
        await self._user_state.save_changes(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """Remember the sender's conversation, give interceptors a chance, then continue the dialogs."""
        strip_bot_mention(turn_context.activity)
        await self._references.remember(turn_context.activity)
        for interceptor in self._interceptors:
            if await interceptor.intercept(turn_context):
                return
        await DialogExtensions.run_dialog(self._dialog, turn_context, self._dialog_state)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        """Store the conversation of a new install; greet a personal-chat user once."""
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(member.id == bot_id for member in activity.members_removed or []):
            await self._references.forget(activity)
            log.info("removed", extra={"event": "uninstalled"})
            return
        await self._references.remember(activity)
        if not activity.members_added:
            return
        conversation_type = (activity.conversation.conversation_type or "personal").lower()
        log.info("installed", extra={"event": "installed", "conversation_kind": conversation_type})
        if conversation_type == "personal":
            await self._greet_once(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Teams also reports installs as installationUpdate: store the reference, greet in personal chat."""
        await self._references.remember(turn_context.activity)
        conversation = turn_context.activity.conversation
        if conversation is not None and (conversation.conversation_type or "personal").lower() == "personal":
            await self._greet_once(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """Uninstalled: the bot can no longer reach this user or channel, so forget how."""
        await self._references.forget(turn_context.activity)
        log.info("uninstalled", extra={"event": "uninstalled"})

    async def _greet_once(self, turn_context: TurnContext) -> None:
        if await self._welcomed.get(turn_context, False):
            return
        await self._greet(turn_context)
        await self._welcomed.set(turn_context, True)

    async def reset_conversation(self, turn_context: TurnContext) -> None:
        """Forget the conversation's dialog state (after an error) so the user is never trapped."""
        await self._conversation_state.clear_state(turn_context)
        await self._conversation_state.save_changes(turn_context, force=True)
