"""The Teams activity handler: remembers where users are, greets once, runs the dialogs, saves state once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from http import HTTPStatus
from typing import Any, Protocol

from botbuilder.core import ConversationState, InvokeResponse, MessageFactory, TurnContext, UserState
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import Dialog, DialogExtensions
from botbuilder.schema import Activity, ActivityTypes
from msrest.serialization import Model

from bot.teams.references import ConversationReferences
from bot.teams.turn_state import load_turn_state
from dialogs.cards import private_only_card
from dialogs.language import language_of
from dialogs.ports import RESUME_DIALOGS
from dialogs.text import say
from knowledge.acute import is_acute
from knowledge.limits import MAX_MESSAGE_CHARS, is_too_long
from knowledge.reading import one_reading

log = logging.getLogger(__name__)

UNIVERSAL_ACTION = "adaptiveCard/action"
INVOKE_MESSAGE = "application/vnd.microsoft.activity.message"
INVOKE_ERROR = "application/vnd.microsoft.error"
PRIVATE_CONVERSATION = "personal"
KEEP_NOTHING = "samrad.keep_nothing"  # set on a turn in a public chat: no state is saved afterwards
TEAMS_CHAT_LINK = "https://teams.microsoft.com/l/chat/0/0?users={bot}"


class InvokeBody(Model):
    """A Universal Actions invoke response body (statusCode, type, value).

    botbuilder's AdaptiveCardInvokeResponse types `value` as an object, so a message (a string) or an error
    cannot be serialized by CloudAdapter and the request ends in HTTP 500; this model takes any JSON value.
    """

    # msrest declares _attribute_map an instance attribute of Model (a ClassVar here would contradict it).
    _attribute_map: dict[str, dict[str, str]] = {  # noqa: RUF012
        "status_code": {"key": "statusCode", "type": "int"},
        "type": {"key": "type", "type": "str"},
        "value": {"key": "value", "type": "object"},
    }

    def __init__(self, *, status_code: int, type: str, value: Any) -> None:
        super().__init__()
        self.status_code = status_code
        self.type = type
        self.value = value


def invoke_error(status: HTTPStatus, code: str, message: str) -> InvokeResponse:
    """An invoke answered with *status* and a body saying what was wrong."""
    return InvokeResponse(status=int(status), body=InvokeBody(status_code=int(status), type=INVOKE_ERROR,
                                                              value={"code": code, "message": message}))


def is_private(activity: Activity) -> bool:
    """True in a personal chat with the bot (and where no conversation type is given: Web Chat, terminal)."""
    conversation = activity.conversation
    if conversation is None:
        return True
    kind = (conversation.conversation_type or PRIVATE_CONVERSATION).lower()
    return kind == PRIVATE_CONVERSATION and not conversation.is_group


def personal_chat_link(activity: Activity, app_id: str) -> str:
    """A Teams deep link that opens the user's personal chat with this bot."""
    bot = activity.recipient.id if activity.recipient and (activity.recipient.id or "").startswith("28:") else None
    return TEAMS_CHAT_LINK.format(bot=bot or f"28:{app_id}")


def execute_data(value: object) -> dict[str, Any] | None:
    """The data of a Universal Actions `Action.Execute`, read like an Action.Submit's value; None if malformed."""
    if not isinstance(value, dict) or not isinstance(value.get("action"), dict):
        return None
    action = value["action"]
    if action.get("type") != "Action.Execute":
        return None
    data = action.get("data")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None
    verb = action.get("verb")
    if "action" not in data and isinstance(verb, str) and verb:
        # A card may name the step by its verb alone; our submits carry it as "action".
        data = {**data, "action": verb}
    return data


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
        """Handle the turn and return True, or return False to let the dialogs run.

        One that handled it may set `RESUME_DIALOGS` in the turn state to let the dialogs carry on afterwards.
        """


Greeter = Callable[[TurnContext], Awaitable[None]]


class SamradBot(TeamsActivityHandler):
    """Samråd's bot: references, welcome, interceptors, then the dialogs; state saved once per turn."""

    # The handler's collaborators, passed explicitly and by name (svcs-style).
    def __init__(  # noqa: PLR0913
        self,
        *,
        conversation_state: ConversationState,
        user_state: UserState,
        dialog: Dialog,
        references: ConversationReferences,
        greet: Greeter,
        interceptors: Sequence[TurnInterceptor] = (),
        channel_actions: Collection[str] = (),
        app_id: str = "",
        too_long: Greeter | None = None,
    ) -> None:
        self._conversation_state = conversation_state
        self._user_state = user_state
        self._dialog = dialog
        self._references = references
        self._greet = greet
        self._too_long = too_long
        self._interceptors = list(interceptors)
        self._channel_actions = frozenset(channel_actions)
        self._app_id = app_id
        self._dialog_state = conversation_state.create_property("DialogState")
        self._welcomed = user_state.create_property("Welcomed")

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Read conversation and user state together, dispatch the activity, then save both once (not for a
        redirected turn)."""
        await load_turn_state(turn_context, self._conversation_state, self._user_state)
        with one_reading():  # the message is read once for its danger, its understanding and its assessment
            await super().on_turn(turn_context)
        if turn_context.turn_state.get(KEEP_NOTHING):
            return  # reading state leaves an empty row behind when saved; a public chat must leave none
        await self._conversation_state.save_changes(turn_context)
        await self._user_state.save_changes(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """Remember the sender's conversation, give interceptors a chance, then continue the dialogs.

        Outside a personal chat only the unit channel's card actions (claiming a handoff) are handled; anything
        else gets a pointer to the personal chat, and nothing of it is kept: no reference, state or log of text.
        """
        activity = turn_context.activity
        strip_bot_mention(activity)
        private = is_private(activity)
        if not private and not self._belongs_in_channel(activity):
            await self._redirect_to_personal_chat(turn_context)
            return
        await self._references.remember(activity)
        text = activity.text
        if is_too_long(text):
            # No message may stall the bot: over the limit nothing reads the text, except that danger in its
            # first part is still answered first with 112 (the dialogs then see only that part).
            head = text[:MAX_MESSAGE_CHARS]
            if is_acute(head) is None and self._too_long is not None:
                log.info("too long", extra={"event": "message_too_long"})
                await self._too_long(turn_context)
                return
            activity.text = head
        for interceptor in self._interceptors:
            if await interceptor.intercept(turn_context):
                if not turn_context.turn_state.get(RESUME_DIALOGS):
                    return
                break  # it handled the message and gave the conversation back: the dialogs carry on at once
        if not private:
            await self._redirect_to_personal_chat(turn_context)
            return
        await DialogExtensions.run_dialog(self._dialog, turn_context, self._dialog_state)

    def _belongs_in_channel(self, activity: Activity) -> bool:
        value = activity.value if isinstance(activity.value, dict) else {}
        return not (activity.text or "").strip() and value.get("action") in self._channel_actions

    async def _redirect_to_personal_chat(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        kind = (activity.conversation.conversation_type or "") if activity.conversation else ""
        log.info("not in a personal chat", extra={"event": "private_only", "conversation_kind": kind})
        turn_context.turn_state[KEEP_NOTHING] = True
        lang = await language_of(turn_context, self._user_state)
        link = personal_chat_link(activity, self._app_id)
        await turn_context.send_activity(MessageFactory.attachment(private_only_card(lang, link)))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """Card actions sent as invokes run like a submit; anything else gets a clear 400, never botbuilder's 501."""
        activity = turn_context.activity
        name = activity.name or ""
        if name == UNIVERSAL_ACTION:
            data = execute_data(activity.value)
            if data is None:
                return invoke_error(HTTPStatus.BAD_REQUEST, "BadRequest",
                                    "value.action must be an Action.Execute whose data is an object")
            await self._as_message(turn_context, data)
            lang = await language_of(turn_context, self._user_state)
            return InvokeResponse(status=int(HTTPStatus.OK), body=InvokeBody(
                status_code=int(HTTPStatus.OK), type=INVOKE_MESSAGE, value=say(lang, "invoke.answered")))
        if not name:
            # Teams' legacy card action invoke: an Action.Submit whose msteams data asks for an invoke.
            if not isinstance(activity.value, dict):
                return invoke_error(HTTPStatus.BAD_REQUEST, "BadRequest", "a card action needs an object value")
            await self._as_message(turn_context, activity.value)
            return InvokeResponse(status=int(HTTPStatus.OK))
        log.info("invoke not supported", extra={"event": "invoke_unsupported"})
        return invoke_error(HTTPStatus.BAD_REQUEST, "NotSupported", "this bot does not handle that invoke")

    async def _as_message(self, turn_context: TurnContext, value: dict[str, Any]) -> None:
        """Run the message path with *value* as a card submit, then restore the invoke for the adapter's reply."""
        activity = turn_context.activity
        saved = (activity.type, activity.value, activity.text)
        activity.type, activity.value, activity.text = ActivityTypes.message, value, None
        try:
            await self.on_message_activity(turn_context)
        finally:
            activity.type, activity.value, activity.text = saved

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
