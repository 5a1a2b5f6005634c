"""Drive the real MainDialog through TestAdapter: one turn per message, state saved each turn, cards inspected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from botbuilder.core import ConversationState, TurnContext, UserState
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogExtensions
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from dialogs.main import MainDialog
from tests.adaptive_card_schema import card_errors

CARD = "application/vnd.microsoft.card.adaptive"


@dataclass
class Reply:
    """One bot message: its text, or the Adaptive Card it carries."""

    activity: Activity

    @property
    def text(self) -> str:
        return self.activity.text or ""

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.activity.attachments or []:
            if attachment.content_type == CARD:
                return attachment.content
        return None

    def card_texts(self) -> list[str]:
        """Every TextBlock text and fact in the card, in order."""
        return [text for text in _walk_texts(self.card or {})]

    def submits(self) -> list[dict[str, Any]]:
        """The data of every Action.Submit in the card, in display order (body first, then actions)."""
        found: list[dict[str, Any]] = []
        _walk_submits(self.card or {}, found)
        return found

    def says(self, fragment: str) -> bool:
        return fragment in self.text or any(fragment in text for text in self.card_texts())


def _walk_texts(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node.get("text", ""))
        if "facts" in node:
            found += [f"{f['title']}: {f['value']}" for f in node["facts"]]
        for key in ("body", "items", "columns"):
            for child in node.get(key) or []:
                found += _walk_texts(child)
    return found


def _walk_submits(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit":
            found.append(node.get("data") or {})
        for key in ("body", "items", "actions", "columns"):
            for child in node.get(key) or []:
                _walk_submits(child, found)


class Conversation:
    """A personal chat with Samråd: `await chat.say("hej")`, `await chat.click({...})`."""

    def __init__(self, dialog: MainDialog, user_state: UserState, conversation_state: ConversationState,
                 *, locale: str = "sv-SE") -> None:
        self._dialog = dialog
        self._user_state = user_state
        self._conversation_state = conversation_state
        self._dialog_state = conversation_state.create_property("DialogState")
        self.locale = locale
        template = Activity(channel_id="msteams", service_url="https://test.invalid/",
                            from_property=ChannelAccount(id="29:staff", name="Anna Personal"),
                            recipient=ChannelAccount(id="28:samrad", name="Samråd"),
                            conversation=ConversationAccount(id="conv-1", conversation_type="personal"))
        self.adapter = TestAdapter(self._turn, template_or_conversation=template)
        self.transcript: list[Reply] = []
        # What something before the dialogs (the handoff engine) leaves in the next turn's state.
        self.next_turn_state: dict[str, Any] = {}

    async def _turn(self, context: TurnContext) -> None:
        context.turn_state.update(self.next_turn_state)
        self.next_turn_state = {}
        await DialogExtensions.run_dialog(self._dialog, context, self._dialog_state)
        await self._conversation_state.save_changes(context)
        await self._user_state.save_changes(context)

    async def _send(self, activity: Activity) -> list[Reply]:
        activity.locale = activity.locale or self.locale
        await self.adapter.receive_activity(activity)
        replies = []
        while self.adapter.activity_buffer:
            sent = self.adapter.activity_buffer.pop(0)
            if sent.type == ActivityTypes.message:
                reply = Reply(sent)
                # Every card the dialogs send must be one Teams renders: the official 1.5 schema.
                assert reply.card is None or card_errors(reply.card) == [], card_errors(reply.card)
                replies.append(reply)
        self.transcript += replies
        return replies

    async def say(self, text: str) -> list[Reply]:
        """The user types *text*."""
        return await self._send(Activity(type=ActivityTypes.message, text=text))

    async def click(self, value: dict[str, Any]) -> list[Reply]:
        """The user presses a card button: Teams sends `value` and no text."""
        return await self._send(Activity(type=ActivityTypes.message, value=value))


def last_card(replies: list[Reply]) -> Reply:
    """The last reply that carries a card."""
    cards = [reply for reply in replies if reply.card is not None]
    assert cards, f"no card in {[r.text for r in replies]}"
    return cards[-1]


def choice(action: str, value: str) -> dict[str, Any]:
    """The data a choice button of question *action* submits."""
    return {"action": action, "choice": value}


Inspector = Callable[[Reply], bool]


def has_card(predicate: Inspector, replies: list[Reply]) -> bool:
    """Whether any reply satisfies *predicate*."""
    return any(predicate(reply) for reply in replies)


def asked(replies: list[Reply]) -> str | None:
    """The question the last card asks (its buttons' action), or None."""
    submits = last_card(replies).submits()
    return submits[0].get("action") if submits else None


async def answer_until_guidance(chat: Conversation, replies: list[Reply], answers: dict[str, Any]
                                ) -> tuple[list[Reply], list[str]]:
    """Answer each question from *answers* until one is not there; return the replies and what was asked."""
    questions: list[str] = []
    while (action := asked(replies)) in answers:
        questions.append(action)
        value = answers[action]
        data = {"action": action, "choices": ",".join(value)} if isinstance(value, list) else choice(action, value)
        replies = await chat.click(data)
        assert len(questions) < 12, questions
    return replies, questions
