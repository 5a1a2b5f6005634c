"""PlaceDialog: which preschool (or just which district) — ends with {"preschool_id", "district_id"}."""

from __future__ import annotations

import logging

from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.routes import MAX_CANDIDATES, district_name, districts
from dialogs.text import say

log = logging.getLogger(__name__)


class PlaceDialog(InterruptibleDialog):
    """Finds the preschool through RoutingService.match; asks the district when it is ambiguous or unknown."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(PlaceDialog.__name__, services)
        self.add_dialog(WaterfallDialog("place", [self._ask_preschool, self._match_preschool,
                                                  self._check_preschool, self._use_district]))
        self.initial_dialog_id = "place"

    async def _ask_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await step.begin_dialog(ASK, ask("place"))

    async def _match_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        answer = step.result
        if answer.get("choice") == "district":
            return await self._ask_district(step, "place.district_ask")
        match = await self.services.routing.match(answer["text"])
        best = match.best
        if best is not None and best.district_id is not None:
            log.info("preschool matched", extra={"event": "place", "how": "preschool"})
            return await self._found(step, best.id, best.district_id)
        if match.ambiguous and match.candidates:
            names = {d["id"]: d["name"] for d in await districts(self.services)}
            candidates = [{"id": c.preschool.id, "name": c.preschool.name, "street": c.preschool.address,
                           "district": names.get(c.preschool.district_id or "", "")}
                          for c in match.candidates[:MAX_CANDIDATES]]
            step.values["asked"] = "preschool"
            log.info("preschool ambiguous", extra={"event": "place", "how": "ambiguous",
                                                   "count": len(candidates)})
            return await step.begin_dialog(ASK, ask("preschool", candidates=candidates))
        if match.district is not None:
            return await self._found(step, best.id if best else None, match.district.id)
        return await self._ask_district(step, "place.unknown")

    async def _check_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.values.get("asked") != "preschool":
            return await step.next(step.result)
        choice = step.result["choice"]
        if choice == "none":
            return await self._ask_district(step, "place.district_ask")
        directory = await self.services.routing.directory()
        preschool = directory.preschool(choice)
        if preschool is None or preschool.district_id is None:
            return await self._ask_district(step, "place.district_ask", preschool_id=choice)
        return await self._found(step, preschool.id, preschool.district_id)

    async def _use_district(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self._found(step, step.values.get("preschool_id"), step.result["choice"])

    async def _ask_district(self, step: WaterfallStepContext, lead: str, *, preschool_id: str | None = None
                            ) -> DialogTurnResult:
        step.values["asked"] = "district"
        step.values["preschool_id"] = preschool_id
        return await step.begin_dialog(ASK, ask("district", districts=await districts(self.services), lead=lead))

    async def _found(self, step: WaterfallStepContext, preschool_id: str | None, district_id: str
                     ) -> DialogTurnResult:
        name = await district_name(self.services, district_id)
        await step.context.send_activity(say(await self.lang(step.context), "place.found", district=name or ""))
        return await step.end_dialog({"preschool_id": preschool_id, "district_id": district_id})
