"""FaqDialog (*Ställ en fråga*): an article when one fits well; otherwise offer a consultation, never a guess."""

from __future__ import annotations

import logging

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog, then, understood_now
from dialogs.cards import faq_card
from dialogs.description import describe
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.text import say

log = logging.getLogger(__name__)


class FaqDialog(InterruptibleDialog):
    """Answers one question from the FAQ; options may carry {"query"} (already scrubbed)."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(FaqDialog.__name__, services)
        self.add_dialog(WaterfallDialog("faq", [self._ask_question, self._answer, self._offer_consultation]))
        self.initial_dialog_id = "faq"

    async def _ask_question(self, step: WaterfallStepContext) -> DialogTurnResult:
        query = (step.options or {}).get("query")
        if query:
            return await step.next({"text": query})
        return await step.begin_dialog(ASK, ask("faq"))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        lang = await self.lang(step.context)
        typed = step.result["text"]
        if not (step.options or {}).get("query") and understood_now(step.context, typed).is_concern:
            # A worry described where a question was expected: consult on it, in the staff member's words.
            log.info("faq words first", extra={"event": "task", "choice": "consult", "how": "description"})
            return await step.end_dialog(then("consult", opening=await describe(typed, self.services.scrub)))
        query = (await self.services.scrub(typed)).text
        article = self.services.faq.search(query, lang=lang)
        if article is not None:
            log.info("faq hit", extra={"event": "faq_hit", "slug": article.slug})
            await step.context.send_activity(MessageFactory.attachment(faq_card(lang, article.title, article.body)))
            return await step.end_dialog(then("end"))
        log.info("faq miss", extra={"event": "faq_miss"})
        return await step.begin_dialog(ASK, ask("faq_miss"))

    async def _offer_consultation(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result["choice"] == "consult":
            return await step.end_dialog(then("consult"))
        await step.context.send_activity(say(await self.lang(step.context), "faq.done"))
        return await step.end_dialog(then("end"))
