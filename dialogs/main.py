"""MainDialog: the menu, and the way into consultation, contacts, FAQ, handoff and the acute card."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnResult, DialogTurnStatus, WaterfallDialog, WaterfallStepContext

from dialogs.acute_card import DISMISS_CHOICE
from dialogs.base import (
    CONSUMED,
    InterruptibleDialog,
    acute_attachment,
    city_wide_route,
    passed_on,
    pending_question,
    told_at_length,
    understood_now,
)
from dialogs.cards import MENU_ACTION, menu_question
from dialogs.choices import parse_answer, submitted, user_text
from dialogs.consultation import ConsultationDialog
from dialogs.contact import ContactDialog
from dialogs.description import describe
from dialogs.faq import FaqDialog
from dialogs.handoff import HandoffDialog
from dialogs.language import set_language, stored_language
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
        lines: list[str] = list(options.get("lines") or ())
        context = step.context
        if not context.turn_state.get(CONSUMED) and options.get("choice") != "menu":
            context.turn_state[CONSUMED] = True
            value = submitted(context.activity)
            if value and value.get("action") == MENU_ACTION and value.get("choice") not in (None, "menu"):
                return await step.next({"choice": value["choice"]})
            if value and not user_text(context.activity):
                # A click on a card of a dialog that has ended: act if it still can, else say why (never silent).
                stale = self._stale(value)
                if stale.get("choice") != "menu":
                    return await step.next(stale)
                lines += stale["lines"]
            lang = await self.lang(context)
            answer = parse_answer(context.activity, menu_question(lang))
            if answer is not None:
                return await step.next(answer)
            text = user_text(context.activity)
            if text and (chosen := await self._words(context, text)) is not None:
                return await step.next(chosen)
            if text and ("?" in text or len(text.split()) >= QUESTION_MIN_WORDS):
                lines.append("fallback.unknown")
        lang = await self.lang(context)
        if options.get("resume"):
            lines.insert(0, "resume.ask")
        return await step.begin_dialog(ASK, ask("menu", lines=[say(lang, key) for key in lines],
                                                resume=bool(options.get("resume"))))

    async def _words(self, context: TurnContext, text: str) -> dict[str, Any] | None:
        """A worry described in words starts a consultation with it; a question gets its FAQ article."""
        if understood_now(context, text).is_concern:
            return await self._consult_from(context, text, "description")
        if "?" in text or len(text.split()) >= QUESTION_MIN_WORDS:
            lang = await self.lang(context)
            query = (await self.services.scrub(text)).text
            if self.services.faq.search(query, lang=lang) is not None:
                return {"choice": "faq", "query": query}
        if told_at_length(text):
            # No worry words found and no question the FAQ answers: still their own account, so start from it.
            return await self._consult_from(context, text, "account")
        return None

    async def _consult_from(self, context: TurnContext, text: str, how: str) -> dict[str, Any]:
        """A consultation that starts from *text*, described now, in this turn: it receives codes and scrubbed text,
        never the raw text."""
        opening = await describe(text, self.services.scrub)
        await self._follow_language(context, opening["understood"].get("language"))
        log.info("words first", extra={"event": "task", "choice": "consult", "how": how})
        return {"choice": "consult", "opening": opening}

    async def _follow_language(self, context: TurnContext, language: str | None) -> None:
        """Answer an English description in English, unless the user has chosen a language."""
        if language not in ("sv", "en") or await stored_language(context, self.services.user_state) is not None:
            return
        if language != await self.lang(context):
            await set_language(context, self.services.user_state, language)

    @staticmethod
    def _stale(value: dict[str, Any]) -> dict[str, Any]:
        """What a click on a card of a finished dialog does: a handoff still acts, the rest says why not."""
        if value.get("action") == "final" and value.get("choice") == "handoff":
            return {"choice": "handoff", "lines": ["stale.handoff"]}
        return {"choice": "menu", "lines": ["stale.click"]}

    async def _start_task(self, step: WaterfallStepContext) -> DialogTurnResult:
        chosen = step.result
        choice = chosen["choice"]
        log.info("task", extra={"event": "task", "choice": choice})
        lang = await self.lang(step.context)
        for key in chosen.get("lines") or ():
            await step.context.send_activity(say(lang, key))
        if choice == "consult":
            return await step.begin_dialog(ConsultationDialog.__name__, {"opening": chosen.get("opening"),
                                                                         "acute": chosen.get("acute")})
        if choice == "resume":
            case = (step.options or {}).get("resume")
            if case:
                return await step.begin_dialog(ConsultationDialog.__name__, {"case": case, "resumed": True})
            return await step.replace_dialog(MENU, {"choice": "menu", "lines": ["stale.click"]})
        if choice == DISMISS_CHOICE:
            return await step.replace_dialog(MENU, {"choice": "menu", "lines": ["acute.dismissed_menu"]})
        if choice == "contact":
            return await step.begin_dialog(ContactDialog.__name__)
        if choice == "faq":
            return await step.begin_dialog(FaqDialog.__name__, {"query": chosen.get("query")})
        if choice == "handoff":
            return await step.begin_dialog(HandoffDialog.__name__, chosen.get("handoff") or {})
        if choice == "acute":
            route = await city_wide_route(self.services)
            await step.context.send_activity(MessageFactory.attachment(await acute_attachment(self.services, lang,
                                                                                             route)))
            return await step.end_dialog()
        return await step.replace_dialog(MENU, {"choice": "menu"})

    async def _after_task(self, step: WaterfallStepContext) -> DialogTurnResult:
        result = passed_on(step.result) or {"then": "end"}
        if result["then"] == "end":
            return await step.end_dialog()
        return await step.replace_dialog(MENU, self._menu_options(result))

    @staticmethod
    def _menu_options(result: dict[str, Any]) -> dict[str, Any]:
        return {"choice": result["then"], "handoff": result.get("handoff") or {}, "opening": result.get("opening"),
                "acute": result.get("acute"), "resume": result.get("resume")}

    async def on_menu_choice(self, inner_dc: DialogContext, choice: str) -> DialogTurnResult:
        """A menu button; "carry on where we were" takes the paused consultation the menu is holding."""
        if choice != "resume":
            return await super().on_menu_choice(inner_dc, choice)
        held = next((instance.state.get("options") or {} for instance in inner_dc.stack if instance.id == MENU), {})
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(MENU, {"choice": "resume", "resume": held.get("resume")})

    async def on_acute(self, inner_dc: DialogContext, code: str) -> DialogTurnResult:
        """112 first, from a consultation that holds the message as its description and waits, not ends."""
        text = user_text(inner_dc.context.activity)
        opening = await describe(text, self.services.scrub) if text else None
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(MENU, {"choice": "consult", "opening": opening, "acute": code})

    async def on_text(self, inner_dc: DialogContext, text: str) -> DialogTurnResult | None:
        """At the menu, a described worry starts a consultation and a question its FAQ article."""
        asked = pending_question(inner_dc)
        if asked is None or asked.get("question") != "menu":
            return None
        if parse_answer(inner_dc.context.activity, menu_question(await self.lang(inner_dc.context))) is not None:
            return None
        chosen = await self._words(inner_dc.context, text)
        if chosen is None:
            return None
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(MENU, chosen)

    async def on_stale_click(self, inner_dc: DialogContext, value: dict[str, Any]) -> DialogTurnResult | None:
        """A click on a card of a finished dialog: act if it still can, else say why and show the menu."""
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(MENU, self._stale(value))

    async def interrupted(self, inner_dc: DialogContext, result: dict[str, Any]) -> DialogTurnResult:
        """At the top there is no parent to tell: end, or start over with the menu or the chosen task."""
        await inner_dc.cancel_all_dialogs()
        if result["then"] == "end":
            return DialogTurnResult(DialogTurnStatus.Complete)
        return await inner_dc.begin_dialog(MENU, self._menu_options(result))
