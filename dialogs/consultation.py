"""ConsultationDialog: the anonymous consultation from place and concern to guidance and a final choice."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog, passed_on, then
from dialogs.cards import acute_card, guidance_card, note_card
from dialogs.place import PlaceDialog
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.routes import decide, route_district_name
from dialogs.text import law_reference, say, text_for
from knowledge.assessment import Answers, assess
from knowledge.scrub import KIND_ORDER

log = logging.getLogger(__name__)
STEPS = "consultation"
SUMMARY_MAX = 300  # the note keeps a short summary; the rest is not needed for statistics or handoff
_ANSWER_BOOL = {"yes": True, "no": False, "unsure": None}
PII_KINDS = KIND_ORDER


def masked_kinds(lang: str, kinds: frozenset[str] | set[str]) -> str:
    """The masked kinds in words: "personnummer och telefonnummer"."""
    text = text_for(lang)
    words = [text[f"pii.{kind}"] for kind in PII_KINDS if kind in kinds]
    if len(words) > 1:
        return f"{', '.join(words[:-1])} {text['list.and']} {words[-1]}"
    return words[0] if words else ""


class ConsultationDialog(InterruptibleDialog):
    """Anonymous consultation: place, concern, own words (scrubbed), questions, guidance, record, final choice."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(ConsultationDialog.__name__, services)
        self.add_dialog(PlaceDialog(services))
        self.add_dialog(WaterfallDialog(STEPS, [
            self._ask_preschool, self._ask_concern, self._ask_own_words, self._ask_duration,
            self._ask_child_told, self._ask_safe_today, self._ask_age, self._give_guidance, self._act_on_choice,
        ]))
        self.initial_dialog_id = STEPS

    async def _ask_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        await step.context.send_activity(say(await self.lang(step.context), "consult.intro"))
        return await step.begin_dialog(PlaceDialog.__name__)

    async def _ask_concern(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (result := passed_on(step.result)) is not None:
            return await step.end_dialog(result)
        step.values["place"] = step.result
        return await step.begin_dialog(ASK, ask("concern"))

    async def _ask_own_words(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["categories"] = step.result["choices"]
        return await step.begin_dialog(ASK, ask("words"))

    async def _ask_duration(self, step: WaterfallStepContext) -> DialogTurnResult:
        typed = step.result.get("text")
        if typed:
            # Scrubbed before anything reaches dialog state; the raw text is not kept anywhere.
            scrubbed = await self.services.scrub(typed)
            step.values["summary"] = scrubbed.text[:SUMMARY_MAX]
            if scrubbed.kinds:
                log.info("masked", extra={"event": "scrubbed", "kinds": sorted(scrubbed.kinds)})
                lang = await self.lang(step.context)
                await step.context.send_activity(say(lang, "words.masked", kinds=masked_kinds(lang, scrubbed.kinds)))
        return await step.begin_dialog(ASK, ask("duration"))

    async def _ask_child_told(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["duration"] = step.result["choice"]
        return await step.begin_dialog(ASK, ask("child_told"))

    async def _ask_safe_today(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["child_told"] = step.result["choice"]
        return await step.begin_dialog(ASK, ask("safe_today"))

    async def _ask_age(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["safe_today"] = step.result["choice"]
        if step.result["choice"] == "no":
            # Not safe today: no more questions before the advice to call 112.
            return await step.next(None)
        return await step.begin_dialog(ASK, ask("age"))

    async def _give_guidance(self, step: WaterfallStepContext) -> DialogTurnResult:
        values = step.values
        values["age_band"] = step.result["choice"] if step.result else None
        lang = await self.lang(step.context)
        answers = Answers(duration=values["duration"], child_told=_ANSWER_BOOL[values["child_told"]],
                          safe_today=_ANSWER_BOOL[values["safe_today"]], categories=tuple(values["categories"]))
        assessment = assess(values.get("summary") or "", answers).to_dict()
        concern = values["categories"][0] if values["categories"] else None
        route = await decide(self.services, values["place"], concern=concern, outcome=assessment["outcome"])
        values["route"], values["assessment"] = route, assessment
        log.info("guidance", extra={"event": "guidance", "outcome": assessment["outcome"],
                                    "reasons": assessment["reasons"]})
        if assessment["acute"]:
            await step.context.send_activity(MessageFactory.attachment(acute_card(lang, route)))
        await step.context.send_activity(MessageFactory.attachment(
            guidance_card(lang, assessment, route, law_reference(lang))))
        note = self._note(values, lang, acute=assessment["acute"], outcome=assessment["outcome"])
        values["note"] = note
        values["note_id"] = await self.services.recorder.record(dict(note))
        return await step.begin_dialog(ASK, ask("final"))

    async def _act_on_choice(self, step: WaterfallStepContext) -> DialogTurnResult:
        choice = step.result["choice"]
        values = step.values
        lang = await self.lang(step.context)
        log.info("final choice", extra={"event": "final_choice", "choice": choice})
        if choice == "handoff":
            return await step.end_dialog(then("handoff", handoff=self._handoff(values)))
        if choice == "note":
            await step.context.send_activity(MessageFactory.attachment(
                note_card(lang, values["note"], route_district_name(values["route"]), values["note_id"])))
        await step.context.send_activity(say(lang, "final.bye"))
        return await step.end_dialog(then("end"))

    def _note(self, values: dict[str, Any], lang: str, *, acute: bool, outcome: str) -> dict[str, Any]:
        """The anonymous konsultationsanteckning: no names, no preschool, the day only."""
        place = values.get("place") or {}
        return {
            "day": self.services.clock().date().isoformat(),
            "district_id": place.get("district_id"),
            "age_band": values.get("age_band"),
            "categories": list(values.get("categories") or []),
            "summary": values.get("summary"),
            "duration": values.get("duration"),
            "acute": acute,
            "outcome": outcome,
            "handoff_requested": False,
            "lang": lang,
        }

    def _handoff(self, values: dict[str, Any]) -> dict[str, Any]:
        return {"note": values.get("note"), "note_id": values.get("note_id"), "route": values.get("route"),
                "place": values.get("place")}

    @staticmethod
    def _values(inner_dc: DialogContext) -> dict[str, Any]:
        for instance in inner_dc.stack:
            if instance.id == STEPS:
                return instance.state.get("values") or {}
        return {}

    async def acute_route(self, inner_dc: DialogContext) -> dict[str, Any] | None:
        """The route for the district already given, so the acute card can show its numbers."""
        values = self._values(inner_dc)
        if values.get("route"):
            return values["route"]
        if values.get("place"):
            return await decide(self.services, values["place"], outcome="acute")
        return None

    async def on_acute(self, inner_dc: DialogContext, code: str) -> DialogTurnResult:
        """112 first; then keep an anonymous note that the consultation ended as acute."""
        values = dict(self._values(inner_dc))
        result = await super().on_acute(inner_dc, code)
        if not values.get("note_id"):
            lang = await self.lang(inner_dc.context)
            await self.services.recorder.record(self._note(values, lang, acute=True, outcome="acute"))
        return result

    async def handoff_context(self, inner_dc: DialogContext) -> dict[str, Any]:
        """The district and anything already said (scrubbed), for a handoff asked for mid-consultation."""
        values = self._values(inner_dc)
        if not values.get("place"):
            return {}
        lang = await self.lang(inner_dc.context)
        note = values.get("note") or self._note(values, lang, acute=False, outcome="consult")
        return {"note": note, "note_id": values.get("note_id"), "route": values.get("route"),
                "place": values["place"]}
