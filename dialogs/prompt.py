"""AskDialog: sends a question card and ends with the parsed answer; anything else gets the question again."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from botbuilder.core import MessageFactory, TurnContext, UserState
from botbuilder.dialogs import Dialog, DialogContext, DialogInstance, DialogTurnResult
from botbuilder.schema import ActivityTypes

from dialogs.cards import question_card
from dialogs.choices import parse_answer
from dialogs.language import language_of
from dialogs.questions import QUESTIONS
from dialogs.text import say

log = logging.getLogger(__name__)
ASK = "ask"


def ask(name: str, **args: Any) -> dict[str, Any]:
    """Options for AskDialog: the question's name and its plain-JSON arguments."""
    return {"question": name, "args": args}


class AskDialog(Dialog):
    """Asks one question from `QUESTIONS`; its result is {"choice"}, {"choices"} or {"text"}."""

    def __init__(self, user_state: UserState, dialog_id: str = ASK) -> None:
        super().__init__(dialog_id)
        self._user_state = user_state

    async def begin_dialog(self, dialog_context: DialogContext,
                           options: Mapping[str, Any] | None = None) -> DialogTurnResult:
        """Remember which question, then send it."""
        dialog_context.active_dialog.state["ask"] = dict(options or {})
        await self._send(dialog_context.context, dialog_context.active_dialog.state["ask"])
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        """End with the answer, or say so and ask again."""
        context = dialog_context.context
        if context.activity.type != ActivityTypes.message:
            return Dialog.end_of_turn
        asked = dialog_context.active_dialog.state["ask"]
        lang = await language_of(context, self._user_state)
        question = QUESTIONS[asked["question"]](lang, asked.get("args") or {})
        answer = parse_answer(context.activity, question)
        if answer is None:
            log.info("answer not understood", extra={"event": "ask_retry", "question": asked["question"]})
            key = "choice.none_selected" if question.multi else "choice.retry"
            await context.send_activity(say(lang, key))
            await self._send(context, asked)
            return Dialog.end_of_turn
        return await dialog_context.end_dialog(answer)

    async def reprompt_dialog(self, context: TurnContext, instance: DialogInstance) -> None:
        """Send the same question again (after help or a language switch)."""
        await self._send(context, instance.state["ask"])

    async def _send(self, context: TurnContext, asked: Mapping[str, Any]) -> None:
        lang = await language_of(context, self._user_state)
        question = QUESTIONS[asked["question"]](lang, asked.get("args") or {})
        await context.send_activity(MessageFactory.attachment(question_card(question, lang)))
