"""MainDialog: the menu, and the way into consultation, contacts, FAQ, handoff and the acute card."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext, DialogTurnResult, DialogTurnStatus, WaterfallDialog, WaterfallStepContext

from dialogs.base import CONSUMED, InterruptibleDialog, city_wide_route, passed_on
from dialogs.cards import MENU_ACTION, acute_card, menu_question
from dialogs.choices import parse_answer, submitted, user_text
from dialogs.consultation import ConsultationDialog
from dialogs.contact import ContactDialog
from dialogs.faq import FaqDialog
from dialogs.handoff import HandoffDialog
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.text import say

log = logging.getLogger(__name__)
MENU = "menu"
QUESTION_MIN_WORDS = 3  # shorter messages ("hej", "tja") get the menu, not an FAQ search


class MainDialog(InterruptibleDialog):
    """The root dialog the bot runs each turn: reads a menu choice (click, number, word) and starts that task."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(MainDialog.__name__, services)
        for dialog in (ConsultationDialog(services), ContactDialog(services), FaqDialog(services),
                       HandoffDialog(services)):
            self.add_dialog(dialog)
        self.add_dialog(WaterfallDialog(MENU, [self._ask_task, self._start_task, self._after_task]))
        self.initial_dialog_id = MENU

    async def _ask_task(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = dict(step.options or {})
        if options.get("choice") and options["choice"] != "menu":
            return await step.next(options)
        lines: list[str] = []
        context = step.context
        if not context.turn_state.get(CONSUMED) and options.get("choice") != "menu":
            context.turn_state[CONSUMED] = True
            value = submitted(context.activity)
            if value and value.get("action") == MENU_ACTION and value.get("choice") not in (None, "menu"):
                return await step.next({"choice": value["choice"]})
            lang = await self.lang(context)
            answer = parse_answer(context.activity, menu_question(lang))
            if answer is not None:
                return await step.next(answer)
            text = user_text(context.activity)
            if text and ("?" in text or len(text.split()) >= QUESTION_MIN_WORDS):
                query = (await self.services.scrub(text)).text
                if self.services.faq.search(query, lang=lang) is not None:
                    return await step.next({"choice": "faq", "query": query})
                lines.append("fallback.unknown")
        lang = await self.lang(context)
        return await step.begin_dialog(ASK, ask("menu", lines=[say(lang, key) for key in lines]))

    async def _start_task(self, step: WaterfallStepContext) -> DialogTurnResult:
        chosen = step.result
        choice = chosen["choice"]
        log.info("task", extra={"event": "task", "choice": choice})
        if choice == "consult":
            return await step.begin_dialog(ConsultationDialog.__name__)
        if choice == "contact":
            return await step.begin_dialog(ContactDialog.__name__)
        if choice == "faq":
            return await step.begin_dialog(FaqDialog.__name__, {"query": chosen.get("query")})
        if choice == "handoff":
            return await step.begin_dialog(HandoffDialog.__name__, chosen.get("handoff") or {})
        if choice == "acute":
            lang = await self.lang(step.context)
            route = await city_wide_route(self.services)
            await step.context.send_activity(MessageFactory.attachment(acute_card(lang, route)))
            return await step.end_dialog()
        return await step.replace_dialog(MENU, {"choice": "menu"})

    async def _after_task(self, step: WaterfallStepContext) -> DialogTurnResult:
        result = passed_on(step.result) or {"then": "end"}
        if result["then"] == "end":
            return await step.end_dialog()
        return await step.replace_dialog(MENU, self._menu_options(result))

    @staticmethod
    def _menu_options(result: dict[str, Any]) -> dict[str, Any]:
        return {"choice": result["then"], "handoff": result.get("handoff") or {}}

    async def interrupted(self, inner_dc: DialogContext, result: dict[str, Any]) -> DialogTurnResult:
        """At the top there is no parent to tell: end, or start over with the menu or the chosen task."""
        await inner_dc.cancel_all_dialogs()
        if result["then"] == "end":
            return DialogTurnResult(DialogTurnStatus.Complete)
        return await inner_dc.begin_dialog(MENU, self._menu_options(result))
