"""The acute card's district picker: a click shows that district's numbers at once, wherever the dialogs are."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from botbuilder.core import MessageFactory, TurnContext, UserState

from dialogs.acute_card import ACUTE_DISTRICT
from dialogs.cards import acute_card
from dialogs.language import language_of
from routing.errors import RoutingError
from routing.service import RoutingService

log = logging.getLogger(__name__)


class AcuteDistrictPicker:
    """Takes `{"action": "acute_district"}` submits: with a district, its acute card; without, the picker.

    Runs before the dialogs and leaves their state alone, so a consultation interrupted by the acute card is still
    where it was.
    """

    def __init__(self, routing: RoutingService, clock: Callable[[], datetime], user_state: UserState, *,
                 eservice_url: str) -> None:
        self._routing = routing
        self._eservice_url = eservice_url
        self._clock = clock
        self._user_state = user_state

    async def intercept(self, turn_context: TurnContext) -> bool:
        """Answer a district picked on the acute card; anything else is not ours."""
        value = turn_context.activity.value
        if not isinstance(value, dict) or value.get("action") != ACUTE_DISTRICT:
            return False
        lang = await language_of(turn_context, self._user_state)
        district_id = value.get("district")
        route = None
        if isinstance(district_id, str) and district_id:
            try:
                route = await self._routing.decide(district_id=district_id, outcome="acute", at=self._clock())
            except RoutingError:  # a district removed since the card was sent: offer the current list
                log.info("acute district unknown", extra={"event": "acute_district_unknown"})
        if route is None:
            route = await self._routing.decide(outcome="acute", at=self._clock())
        log.info("acute district", extra={"event": "acute_district", "known": route.district is not None})
        districts = [{"id": d.id, "name": d.name} for d in (await self._routing.directory()).districts if d.active]
        card = acute_card(lang, route, districts, eservice_url=self._eservice_url)
        await turn_context.send_activity(MessageFactory.attachment(card))
        return True
