"""HandoffDialog: where (if not known), may the socionom see your name, then the handoff engine takes over."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog, passed_on, then
from dialogs.cards import contacts_card
from dialogs.place import PlaceDialog
from dialogs.ports import DialogServices
from dialogs.prompt import ASK, ask
from dialogs.route_lookup import decide
from dialogs.route_view import can_hand_off, route_district_name, stored_route
from dialogs.text import say
from routing.route import RouteDecision

log = logging.getLogger(__name__)


class HandoffDialog(InterruptibleDialog):
    """Offers a socionom now; options may carry {"note", "note_id", "route", "place"} from a consultation."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(HandoffDialog.__name__, services)
        self.add_dialog(PlaceDialog(services))
        self.add_dialog(WaterfallDialog("handoff", [self._ask_preschool, self._ask_share_name,
                                                    self._request_handoff]))
        self.initial_dialog_id = "handoff"

    async def _ask_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        options = dict(step.options or {})
        step.values.update({k: options.get(k) for k in ("note", "note_id", "route", "place")})
        if step.values["route"] or step.values["place"]:
            return await step.next(step.values["place"])
        return await step.begin_dialog(PlaceDialog.__name__)

    async def _ask_share_name(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (result := passed_on(step.result)) is not None:
            return await step.end_dialog(result)
        values = step.values
        values["place"] = values["place"] or step.result
        route = await self._route(values)
        if not can_hand_off(route):
            lang = await self.lang(step.context)
            log.info("handoff unavailable", extra={"event": "handoff_unavailable"})
            await step.context.send_activity(
                say(lang, "handoff.unavailable", district=route_district_name(route) or ""))
            card = contacts_card(lang, route, eservice_url=self.services.eservice_url)
            await step.context.send_activity(MessageFactory.attachment(card))
            return await step.end_dialog(then("end", place=values["place"]))
        return await step.begin_dialog(ASK, ask("share_name"))

    async def _request_handoff(self, step: WaterfallStepContext) -> DialogTurnResult:
        values = step.values
        lang = await self.lang(step.context)
        note: dict[str, Any] = dict(values.get("note") or self._blank_note(values, lang))
        note["handoff_requested"] = True
        # The language the staff member uses now (perhaps switched since the note was saved): the engine keeps it
        # on the handoff, and every message on their side of it follows.
        note["lang"] = lang
        if not note.get("district_id") and values.get("place"):
            note["district_id"] = values["place"].get("district_id")
        if not values.get("note_id"):
            values["note_id"] = await self.services.recorder.record(dict(note))
        note["id"] = values["note_id"]
        share_name = step.result["choice"] == "yes"
        log.info("handoff requested", extra={"event": "handoff_requested", "share_name": share_name})
        await self.services.handoff.request(step.context, note, await self._route(values), share_name=share_name)
        # The place goes back to a consultation that hosts this handoff, so it is not asked again.
        return await step.end_dialog(then("end", place=values["place"]))

    async def _route(self, values: dict[str, Any]) -> RouteDecision:
        """The route the consultation passed on (state keeps its plain form), else the place's route now, kept."""
        route = stored_route(values.get("route"))
        if route is None:
            note = values.get("note") or {}
            route = await decide(self.services, values.get("place"), outcome=note.get("outcome"))
            values["route"] = route.to_dict()
        return route

    def _blank_note(self, values: dict[str, Any], lang: str) -> dict[str, Any]:
        place = values.get("place") or {}
        return {"day": self.services.clock().date().isoformat(), "district_id": place.get("district_id"),
                "age_band": None, "categories": [], "summary": None, "duration": None, "acute": False,
                "outcome": "consult", "handoff_requested": True, "lang": lang}
