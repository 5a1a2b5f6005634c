"""PlaceDialog: which preschool (or just which district) — ends with {"preschool_id", "district_id"}.

It routes only on a confident match. A weak match is confirmed in one tap ("Menar du Förskolan Måsen i
Hägersten-Älvsjö?"); "nej" brings the other candidates or the district question. Several about equal are
listed district and street first, and typing the area or street narrows them.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.route_lookup import MAX_CANDIDATES, district_name, districts
from dialogs.text import say
from routing.match import MatchResult

log = logging.getLogger(__name__)
LOOP = "place"
# How many narrowing rounds a user may type before the district question is asked instead.
MAX_NARROWING = 3


class PlaceDialog(InterruptibleDialog):
    """Finds the preschool through RoutingService.match; confirms weak matches; asks the district otherwise."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(PlaceDialog.__name__, services)
        self.add_dialog(WaterfallDialog(LOOP, [self._ask, self._answer]))
        self.initial_dialog_id = LOOP

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        # Each question is one round of this loop: the state of the round comes in the options.
        pending = dict((step.options or {}).get("pending") or {})
        if not pending:
            step.values["asked"] = "place"
            return await step.begin_dialog(ASK, ask("place"))
        step.values.update(pending["state"])
        return await step.begin_dialog(ASK, ask(pending["question"], **pending["args"]))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        asked, answer = step.values.get("asked"), dict(step.result or {})
        choice = answer.get("choice")
        if asked == "district" and isinstance(choice, str):
            return await self._found(step, step.values.get("preschool_id"), choice)
        if asked == "confirm":
            return await self._confirmed(step, choice == "yes")
        if asked == "preschool":
            if choice == "none":
                return await self._ask_district(step, "place.district_ask")
            if choice is not None:
                return await self._chosen(step, choice)
            rounds = int(step.values.get("rounds", 0)) + 1
            if rounds > MAX_NARROWING:
                return await self._ask_district(step, "place.district_ask")
            # Typed text narrows the same search: "Regnbågen" + "Tallkrogen".
            log.info("preschool narrowed", extra={"event": "place", "how": "narrow", "round": rounds})
            return await self._resolve(step, f"{step.values.get('query', '')} {answer.get('text', '')}", rounds)
        if choice == "district":
            return await self._ask_district(step, "place.district_ask")
        return await self._resolve(step, answer.get("text", ""), 0)

    async def _resolve(self, step: WaterfallStepContext, text: str, rounds: int) -> DialogTurnResult:
        match = await self.services.routing.match(text)
        best = match.best
        if best is not None:
            log.info("preschool matched", extra={"event": "place", "how": "preschool"})
            if best.district_id is None:
                return await self._ask_district(step, "place.district_ask", preschool_id=best.id)
            return await self._found(step, best.id, best.district_id)
        if not match.candidates:
            if match.district is not None:
                log.info("district named", extra={"event": "place", "how": "district"})
                return await self._found(step, None, match.district.id)
            log.info("preschool unknown", extra={"event": "place", "how": "unknown"})
            return await self._ask_district(step, "place.unknown")
        candidates = await self._candidates(match)
        if match.ambiguous:
            log.info("preschool ambiguous", extra={"event": "place", "how": "ambiguous", "count": len(candidates)})
            return await self._again(step, "preschool", {"candidates": candidates},
                                     {"asked": "preschool", "query": text, "rounds": rounds,
                                      "candidates": candidates})
        # A weak single match: never routed on, confirmed in one tap.
        log.info("preschool suggested", extra={"event": "place", "how": "suggest"})
        suggestion, others = candidates[0], candidates[1:]
        return await self._again(step, "confirm", {"candidate": suggestion},
                                 {"asked": "confirm", "query": text, "rounds": rounds, "candidate": suggestion,
                                  "candidates": others})

    async def _confirmed(self, step: WaterfallStepContext, yes: bool) -> DialogTurnResult:
        candidate = step.values.get("candidate") or {}
        if yes:
            log.info("suggestion confirmed", extra={"event": "place", "how": "confirmed"})
            return await self._chosen(step, candidate.get("id", ""))
        log.info("suggestion rejected", extra={"event": "place", "how": "rejected"})
        others = list(step.values.get("candidates") or [])
        if others:
            return await self._again(step, "preschool", {"candidates": others},
                                     {"asked": "preschool", "query": step.values.get("query", ""),
                                      "rounds": step.values.get("rounds", 0), "candidates": others})
        return await self._ask_district(step, "place.district_ask")

    async def _chosen(self, step: WaterfallStepContext, preschool_id: str) -> DialogTurnResult:
        directory = await self.services.routing.directory()
        preschool = directory.preschool(preschool_id)
        if preschool is None or preschool.district_id is None:
            return await self._ask_district(step, "place.district_ask", preschool_id=preschool_id or None)
        return await self._found(step, preschool.id, preschool.district_id)

    async def _candidates(self, match: MatchResult) -> list[dict[str, Any]]:
        """Candidates as plain dicts for the cards: id, name, street, area, district name."""
        names = {d["id"]: d["name"] for d in await districts(self.services)}
        return [{"id": c.preschool.id, "name": c.preschool.name, "street": c.preschool.street,
                 "area": c.preschool.area, "district": names.get(c.preschool.district_id or "", "")}
                for c in match.candidates[:MAX_CANDIDATES]]

    async def _again(self, step: WaterfallStepContext, question: str, args: dict[str, Any],
                     state: dict[str, Any]) -> DialogTurnResult:
        return await step.replace_dialog(LOOP, {"pending": {"question": question, "args": args, "state": state}})

    async def _ask_district(self, step: WaterfallStepContext, lead: str, *, preschool_id: str | None = None
                            ) -> DialogTurnResult:
        args = {"districts": await districts(self.services), "lead": lead}
        return await self._again(step, "district", args, {"asked": "district", "preschool_id": preschool_id})

    async def _found(self, step: WaterfallStepContext, preschool_id: str | None, district_id: str
                     ) -> DialogTurnResult:
        name = await district_name(self.services, district_id)
        await step.context.send_activity(say(await self.lang(step.context), "place.found", district=name or ""))
        return await step.end_dialog({"preschool_id": preschool_id, "district_id": district_id})
