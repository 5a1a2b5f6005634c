"""Ending a relay — by the staff member, the socionom or silence — and what follows: the socionom's outcome, the
next step shown to the staff member, and their rating."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from bot.handoff import cards, plan, wording
from bot.handoff.messages import COMPLETED, card_message, handoff_status, text_message
from bot.handoff.model import CLOSED, TALKING, Handoff, Outgoing
from bot.handoff.outbox import OutboxSender
from bot.handoff.parties import claimer_lang, lang_of
from bot.handoff.ports import HandoffSettings, Turn
from bot.handoff.store import HandoffStore
from dialogs.text import say

log = logging.getLogger(__name__)


class Closing:
    """Closes a relay and records how it ended: the outcome the socionom chose and the staff member's rating."""

    def __init__(self, *, settings: HandoffSettings, store: HandoffStore, outbox: OutboxSender,
                 idle_timeout: Callable[[], timedelta]) -> None:
        self._settings = settings
        self._store = store
        self._outbox = outbox
        self._idle_timeout = idle_timeout

    async def end(self, turn: Turn | None, handoff: Handoff, *, by: str) -> None:
        """Close the relay (*by* staff, socionom or idle); the socionom is asked for the outcome."""
        owner = uuid.uuid4().hex
        socionom_lang = claimer_lang(handoff)
        staff_text, socionom_text = wording.end_texts(handoff, by, socionom_lang, self._idle_timeout())
        moved = await self._store.transition(
            handoff.id, TALKING, CLOSED, actor="timer" if by == "idle" else by, closed_by=by, owner=owner,
            next_action=None, next_action_at=None, outbox=[
                Outgoing("end:staff", reference=handoff.staff_reference, payload=[
                    text_message(staff_text), handoff_status(handoff.staff_reference, COMPLETED, by)]),
                Outgoing("end:claimer", reference=handoff.claimer_reference, payload=[
                    card_message(cards.outcome_choice_card(socionom_lang, socionom_text, handoff.id))]),
            ])
        if not moved:
            if turn is not None:
                await turn.reply(say(lang_of(turn, handoff), "relay.gone"))
            return
        log.info("handoff closed", extra={"event": "handoff_closed", "handoff_id": handoff.id, "closed_by": by})
        await self._outbox.deliver(owner, turn=turn)

    async def close_idle(self, handoff_id: str) -> None:
        """The idle timer: close a relay nobody wrote in for a while (or just clear the timer of an ended one)."""
        handoff = await self._store.get(handoff_id)
        if handoff is None or handoff.state not in TALKING:
            await self._store.update(handoff_id, next_action=None, next_action_at=None)
            return
        await self.end(None, handoff, by="idle")

    async def set_outcome(self, turn: Turn, handoff: Handoff, outcome: str) -> None:
        """The socionom's outcome, once: the staff member gets the next step and a rating card."""
        lang = claimer_lang(handoff)
        owner = uuid.uuid4().hex
        route = handoff.route
        result = card_message(cards.result_card(
            handoff.lang, handoff_id=handoff.id, outcome=outcome if outcome in cards.OUTCOMES else "observe",
            district=wording.district(handoff.route, handoff.lang), eservice_url=self._settings.eservice_url,
            intake=plan.intake_units(route), early_support=plan.early_support_units(route)))
        if outcome not in cards.OUTCOMES or not await self._store.update(
                handoff.id, states=(CLOSED,), where_null="outcome", outcome=outcome, owner=owner,
                outbox=[Outgoing("result:staff", reference=handoff.staff_reference, payload=[result])]):
            await turn.reply(say(lang, "relay.gone"))
            return
        await self._store.record(handoff.id, "outcome", "socionom", outcome)
        await self._outbox.deliver(owner, turn=turn)
        await turn.reply(say(lang, "relay.outcome.saved"))

    async def rate(self, turn: Turn, handoff: Handoff, rating: object) -> None:
        """The staff member's rating of the consultation (1–5), once."""
        try:
            value = int(rating) if isinstance(rating, str | int | float) else 0  # a card's JSON value: anything
        except ValueError:
            value = 0
        if value not in cards.RATINGS or not await self._store.update(handoff.id, states=(CLOSED,),
                                                                      where_null="rating", rating=value):
            await turn.reply(say(handoff.lang, "relay.gone"))
            return
        await self._store.record(handoff.id, "rated", "staff", str(value))
        await turn.reply(say(handoff.lang, "relay.rate.thanks"))
