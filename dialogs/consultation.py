"""ConsultationDialog: the anonymous consultation, built around the staff member's own words.

The staff member's description is understood and assessed whole and unmasked, in memory, in the turn it
arrives (`describe`); dialog state keeps only codes and the scrubbed text. The dialog then asks one question
at a time, and only what is still unknown: danger first, then a one-tap check of what was understood, the
place, and the rest. Acute danger, help, a language switch or a false alarm pause it; it resumes where it was.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.acute_card import DISMISS_CHOICE
from dialogs.base import (
    InterruptibleDialog,
    acute_attachment,
    city_wide_route,
    passed_on,
    pending_question,
    then,
    told_at_length,
    understood_now,
)
from dialogs.cards import faq_card, guidance_card, note_card
from dialogs.case import (
    DANGER_NOW,
    add_description,
    answers_of,
    handoff_options,
    masked_kinds,
    next_question,
    note_of,
)
from dialogs.choices import parse_answer, user_text
from dialogs.description import describe, more_urgent, understood_items, without_alarm
from dialogs.handoff import HandoffDialog
from dialogs.place import PlaceDialog
from dialogs.ports import DialogServices, HandoffPort
from dialogs.prompt import ASK, ask
from dialogs.questions import QUESTIONS
from dialogs.route_lookup import decide
from dialogs.route_view import route_district_name, stored_route
from dialogs.text import law_reference, say, text_for
from knowledge.assessment import STAFF_ARTICLE, assess
from knowledge.text import normalize
from routing.route import RouteDecision

log = logging.getLogger(__name__)
STEPS = "consultation"
# The questions whose answer is free text: a description typed there is the answer, not an interruption.
FREE_TEXT_QUESTIONS = frozenset({"words"})
# Questions PlaceDialog asks: free text that names a place, unless it describes a worry.
PLACE_QUESTIONS = frozenset({"place", "preschool", "district"})
# Set in the turn a handoff request actually went out (not when it was refused or abandoned).
HANDOFF_REQUESTED = "samrad.handoff_requested"


class _MarkedHandoff:
    """The handoff port, marking the turn when a request goes out so the consultation knows to wait."""

    def __init__(self, port: HandoffPort) -> None:
        self._port = port

    async def request(self, context: TurnContext, note: dict[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        """Mark the turn, then pass the request on."""
        context.turn_state[HANDOFF_REQUESTED] = True
        await self._port.request(context, note, route, share_name=share_name)


class ConsultationDialog(InterruptibleDialog):
    """Anonymous consultation: own words, danger, what was understood, place, what is unknown, guidance."""

    checks_children = True  # the consultation's state must answer acute danger, help and menu clicks

    def __init__(self, services: DialogServices) -> None:
        super().__init__(ConsultationDialog.__name__, services)
        self.add_dialog(PlaceDialog(services))
        # The consultation hosts its handoff, so a refused or withdrawn one comes back to where it was.
        self.add_dialog(HandoffDialog(replace(services, handoff=_MarkedHandoff(services.handoff))))
        self.add_dialog(WaterfallDialog(STEPS, [self._ask_next, self._take_answer]))
        self.initial_dialog_id = STEPS

    # --- the loop: ask the next unknown thing, take the answer, ask again ---

    async def _ask_next(self, step: WaterfallStepContext) -> DialogTurnResult:
        options = dict(step.options or {})
        if options.get("resumed"):
            await step.context.send_activity(say(await self.lang(step.context), "help.back"))
        case: dict[str, Any] = options.get("case") or await self._open(step.context, options)
        step.values["case"] = case
        lang = await self.lang(step.context)
        if case.get("acute_pending"):
            await self._show_acute(step.context, case, lang)
        if masked := case.pop("masked", None):
            # Told after the 112 card, never before it.
            await step.context.send_activity(say(lang, "words.masked", kinds=masked_kinds(lang, masked)))
        if case.get("paused"):
            case["asked"] = "paused"
            return Dialog.end_of_turn
        if case.pop("handoff_pending", False):
            case["asked"] = "handoff"
            await self._save_note(case, case.get("note") or self._note(case, lang, acute=False, outcome="consult"))
            return await step.begin_dialog(HandoffDialog.__name__, handoff_options(case))
        question = next_question(case)
        case["asked"] = question
        log.info("consultation asks", extra={"event": "consult_ask", "question": question})
        if question == "place":
            return await step.begin_dialog(PlaceDialog.__name__)
        if question == "understood":
            case["shown"] = understood_items(case.get("understood"))
            return await step.begin_dialog(ASK, ask("understood", items=case["shown"]))
        if question == "final" and not case.get("guided"):
            await self._give_guidance(step.context, case, lang)
            case["guided"] = True
        return await step.begin_dialog(ASK, ask(question))

    async def _take_answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        case: dict[str, Any] = step.values["case"]
        asked = case.pop("asked", None)
        result = step.result
        lang = await self.lang(step.context)
        if asked == "place":
            if (interruption := passed_on(result)) is not None:
                return await step.end_dialog(interruption)
            case["place"] = result
        elif asked == "danger":
            case["danger"] = result["choice"]
            if result["choice"] == "yes":
                case["acute_pending"] = DANGER_NOW
        elif asked == "understood":
            case["confirmed"] = case.get("shown") or []
            if result["choice"] == "change":
                case.update(correcting=True, categories=None, duration=None)
                await step.context.send_activity(say(lang, "understood.changing"))
        elif asked == "words":
            if result.get("text"):
                # The raw text lives only in this turn: described here, and only codes and scrubbed text are kept.
                add_description(case, await describe(result["text"], self.services.scrub))
            case["words_done"] = True
        elif asked == "concern":
            case["categories"] = result["choices"]
        elif asked in ("duration", "child_told", "age"):
            case[asked] = result["choice"]
        elif asked == "final":
            return await self._act_on_choice(step, case, result["choice"], lang)
        elif asked == "handoff":
            await self._back_from_handoff(step, case, result, lang)
        elif asked == "paused":
            case["paused"] = False
            if case.pop("handed_off", False):
                # After a handoff (closed, or withdrawn, perhaps days later): the menu, with one tap back here.
                return await step.end_dialog(then("menu", resume=case))
            await step.context.send_activity(say(lang, "help.back"))
        return await step.replace_dialog(STEPS, {"case": case})

    async def _back_from_handoff(self, step: WaterfallStepContext, case: dict[str, Any], result: Any,
                                 lang: str) -> None:
        """The hosted handoff ended: keep a place chosen there, and wait if a request went out."""
        handed = passed_on(result) or {}
        if handed.get("place") and not case.get("place"):
            # The place was chosen during the handoff: the consultation has it now and never asks again.
            case["place"] = handed["place"]
            if case.get("note"):
                await self._save_note(case, {**case["note"], "district_id": handed["place"].get("district_id")})
        if step.context.turn_state.get(HANDOFF_REQUESTED):
            # The handoff engine has the conversation now; if the request is withdrawn, we are still here.
            case.update(paused=True, handed_off=True, handoff_requested=True)
        else:
            await step.context.send_activity(say(lang, "help.back"))

    async def _open(self, context: TurnContext, options: dict[str, Any]) -> dict[str, Any]:
        """A new consultation, from an opening description (already described) or from the menu."""
        lang = await self.lang(context)
        case: dict[str, Any] = {"categories": None}
        opening = options.get("opening")
        if options.get("acute"):
            case["acute_pending"] = options["acute"]
        if not case.get("acute_pending"):
            await context.send_activity(say(lang, "consult.thanks" if opening else "consult.intro"))
        if opening:
            add_description(case, opening)
        return case

    async def _show_acute(self, context: TurnContext, case: dict[str, Any], lang: str) -> None:
        """112 first, with the district's numbers when known; the consultation waits, a false alarm is one tap."""
        code = case.pop("acute_pending")
        log.info("acute in consultation", extra={"event": "acute", "dialog": self.id, "code": code})
        route = stored_route(case.get("route"))
        if route is None and case.get("place"):
            route = await decide(self.services, case["place"], outcome="acute")
        if route is None:
            route = await city_wide_route(self.services)
        await context.send_activity(MessageFactory.attachment(await acute_attachment(self.services, lang, route,
                                                                                     dismiss=True)))
        case.update(acute_shown=True, paused=True, dismissed=False)
        await self._save_note(case, self._note(case, lang, acute=True, outcome="acute"))

    async def _give_guidance(self, context: TurnContext, case: dict[str, Any], lang: str) -> None:
        """Assess the scrubbed text with every answer, merged with the assessment of the whole raw text."""
        answers = answers_of(case)
        assessment = more_urgent(assess(case.get("summary") or "", answers).to_dict(), case.get("assessment"))
        if case.get("dismissed"):
            assessment = without_alarm(assessment)
        categories = assessment["categories"]
        route = await decide(self.services, case["place"], concern=categories[0] if categories else None,
                             outcome=assessment["outcome"])
        case["route"], case["final"] = route.to_dict(), assessment
        log.info("guidance", extra={"event": "guidance", "outcome": assessment["outcome"],
                                    "reasons": assessment["reasons"]})
        if assessment["acute"]:
            await context.send_activity(MessageFactory.attachment(await acute_attachment(self.services, lang, route)))
        await context.send_activity(MessageFactory.attachment(
            guidance_card(lang, assessment, route, law_reference(lang),
                          eservice_url=self.services.eservice_url)))
        if assessment.get("staff_suspected") or "staff_suspected" in assessment["reasons"]:
            await self._send_staff_article(context, lang)
        await self._save_note(case, self._note(case, lang, acute=assessment["acute"], outcome=assessment["outcome"]))

    async def _send_staff_article(self, context: TurnContext, lang: str) -> None:
        """The staff-suspected path in full (rektor, huvudman, police, social services): its guidance article."""
        article = self.services.faq.get(STAFF_ARTICLE, lang)
        if article is None:
            log.error("staff article missing", extra={"event": "staff_article_missing", "lang": lang})
            return
        await context.send_activity(MessageFactory.attachment(
            faq_card(lang, article.title, article.body, follow_up=False)))

    async def _act_on_choice(self, step: WaterfallStepContext, case: dict[str, Any], choice: str,
                             lang: str) -> DialogTurnResult:
        log.info("final choice", extra={"event": "final_choice", "choice": choice})
        if choice == "handoff":
            case["handoff_pending"] = True
            return await step.replace_dialog(STEPS, {"case": case})
        if choice == "note":
            district = route_district_name(stored_route(case.get("route")))
            await step.context.send_activity(MessageFactory.attachment(
                note_card(lang, case["note"], district, case.get("note_id"))))
        await step.context.send_activity(say(lang, "final.bye"))
        return await step.end_dialog(then("end"))

    # --- the note ---

    def _note(self, case: dict[str, Any], lang: str, *, acute: bool, outcome: str) -> dict[str, Any]:
        return note_of(case, lang, day=self.services.clock().date().isoformat(), acute=acute, outcome=outcome)

    async def _save_note(self, case: dict[str, Any], note: dict[str, Any]) -> None:
        """One note per consultation: the first save records it, later ones bring it up to date."""
        case["note"] = note
        recorder = self.services.recorder
        if case.get("note_id") and hasattr(recorder, "update"):
            await recorder.update(case["note_id"], dict(note))
        elif not case.get("note_id"):
            case["note_id"] = await recorder.record(dict(note))

    # --- interruptions: the consultation keeps its state through all of them ---

    @staticmethod
    def _steps(inner_dc: DialogContext) -> dict[str, Any] | None:
        for instance in inner_dc.stack:
            if instance.id == STEPS:
                values = instance.state.setdefault("values", {})
                return values.get("case")
        return None

    async def _restart(self, inner_dc: DialogContext, case: dict[str, Any]) -> DialogTurnResult:
        """Drop the question being asked and ask the next unknown thing again, with everything kept."""
        await inner_dc.cancel_all_dialogs()
        return await inner_dc.begin_dialog(STEPS, {"case": case})

    async def on_acute(self, inner_dc: DialogContext, code: str) -> DialogTurnResult:
        """112 first; the message also counts as a description, and the consultation waits, not ends."""
        case = self._steps(inner_dc)
        if case is None:
            return await super().on_acute(inner_dc, code)
        text = user_text(inner_dc.context.activity)
        if text:
            add_description(case, await describe(text, self.services.scrub))
        case["acute_pending"] = code
        case.pop("asked", None)
        return await self._restart(inner_dc, case)

    async def on_text(self, inner_dc: DialogContext, text: str) -> DialogTurnResult | None:
        """A false alarm called off in words, or a new description: both keep the consultation going."""
        case = self._steps(inner_dc)
        if case is None:
            return None
        context = inner_dc.context
        lang = await self.lang(context)
        if self._is_dismissal(text):
            return await self._dismiss(inner_dc, case)
        asked = pending_question(inner_dc)
        name = (asked or {}).get("question")
        if name in FREE_TEXT_QUESTIONS:
            return None
        if asked is not None and name is not None and name not in PLACE_QUESTIONS:
            question = QUESTIONS[name](lang, asked.get("args") or {})
            if parse_answer(context.activity, question) is not None:
                return None
        if not (understood_now(context, text).is_concern or told_at_length(text)):
            return None
        log.info("description fed", extra={"event": "consult_fed", "question": name or case.get("asked")})
        add_description(case, await describe(text, self.services.scrub))
        case.pop("asked", None)
        case["paused"] = False
        return await self._restart(inner_dc, case)

    @staticmethod
    def _is_dismissal(text: str) -> bool:
        key = normalize(text)
        return any(key in {normalize(word) for word in text_for(lang)["acute.words.dismiss"].split("|")}
                   for lang in ("sv", "en"))

    async def _dismiss(self, inner_dc: DialogContext, case: dict[str, Any]) -> DialogTurnResult:
        """"Nej, ingen akut fara": the alarm is called off and the consultation goes on where it was."""
        log.info("acute dismissed", extra={"event": "acute_dismissed"})
        lang = await self.lang(inner_dc.context)
        await inner_dc.context.send_activity(say(lang, "acute.dismissed"))
        # The staff member has just answered the danger question: no acute danger.
        case.update(danger="no", dismissed=True, paused=False)
        case.pop("asked", None)
        if case.get("note_id"):
            outcome = without_alarm(case.get("assessment") or {"outcome": "consult"})["outcome"]
            await self._save_note(case, self._note(case, lang, acute=False, outcome=outcome))
        return await self._restart(inner_dc, case)

    async def on_menu_choice(self, inner_dc: DialogContext, choice: str) -> DialogTurnResult:
        """A false alarm called off with a tap, a handoff with what is known; anything else leaves."""
        case = self._steps(inner_dc)
        if choice == DISMISS_CHOICE and case is not None:
            return await self._dismiss(inner_dc, case)
        if choice == "handoff" and case is not None:
            return await self._hand_off(inner_dc, case)
        return await super().on_menu_choice(inner_dc, choice)

    async def on_human(self, inner_dc: DialogContext) -> DialogTurnResult:
        """"Prata med en människa" mid-consultation: a handoff with what is known, and back here if it cannot be."""
        case = self._steps(inner_dc)
        if case is None:
            return await super().on_human(inner_dc)
        return await self._hand_off(inner_dc, case)

    async def _hand_off(self, inner_dc: DialogContext, case: dict[str, Any]) -> DialogTurnResult:
        """Start the hosted handoff; the question being asked is asked again if the handoff cannot happen."""
        case.pop("asked", None)
        case.update(handoff_pending=True, paused=False)
        return await self._restart(inner_dc, case)

    async def on_given_back(self, inner_dc: DialogContext, beginning: bool) -> DialogTurnResult:
        """The handoff request was withdrawn: the consultation goes on where it was, in the same turn."""
        case = self._steps(inner_dc)
        if case is None or not case.get("handed_off"):
            return await super().on_given_back(inner_dc, beginning)
        log.info("consultation resumed", extra={"event": "consult_resumed", "how": "handoff_withdrawn"})
        case.pop("handed_off")
        case.pop("asked", None)
        case["paused"] = False
        await inner_dc.context.send_activity(say(await self.lang(inner_dc.context), "help.back"))
        return await self._restart(inner_dc, case)

    async def on_stale_click(self, inner_dc: DialogContext, value: dict[str, Any]) -> DialogTurnResult | None:
        """A click on an older card: a handoff still acts; anything else says so and asks again."""
        case = self._steps(inner_dc)
        if case is None:
            return None
        if value.get("action") == "final" and value.get("choice") == "handoff":
            return await self.on_menu_choice(inner_dc, "handoff")
        lang = await self.lang(inner_dc.context)
        if case.get("asked") == "paused":
            case["paused"] = False
            await inner_dc.context.send_activity(say(lang, "help.back"))
        else:
            await inner_dc.context.send_activity(say(lang, "stale.click"))
        case.pop("asked", None)
        return await self._restart(inner_dc, case)

    async def cancel_text(self, inner_dc: DialogContext) -> str:
        """Honest about what stays: the anonymised note once one was kept, otherwise nothing."""
        case = self._steps(inner_dc) or {}
        return "cancel.note_kept" if case.get("note_id") else "cancel.done"

    async def handoff_context(self, inner_dc: DialogContext) -> dict[str, Any]:
        """The district and anything already said (scrubbed), for a handoff asked for mid-consultation."""
        case = self._steps(inner_dc) or {}
        if not case.get("place"):
            return {}
        lang = await self.lang(inner_dc.context)
        note = case.get("note") or self._note(case, lang, acute=False, outcome="consult")
        return {"note": note, "note_id": case.get("note_id"), "route": case.get("route"), "place": case["place"]}
