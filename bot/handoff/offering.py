"""Offering a request stage by stage: the first offers, escalation, waiting for the unit to open, and expiry."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.handoff import plan, wording
from bot.handoff.availability import availability_of
from bot.handoff.messages import FAILED, handoff_status, text_message
from bot.handoff.model import (
    ESCALATED,
    EXPIRED,
    OFFER,
    OFFERED,
    REQUESTED,
    WAITING,
    Handoff,
    Outgoing,
)
from bot.handoff.outbox import OutboxSender
from bot.handoff.ports import DirectorySource, HandoffSettings, Reference, ReferenceBook
from bot.handoff.store import HandoffStore
from dialogs.text import say, when_text

log = logging.getLogger(__name__)

# Timer actions (handoff.next_action) of the offering; the engine adds its own.
OFFER_FIRST = "offer"  # send the first offers (at once, or when the unit opens)
ESCALATE = "escalate"  # nobody took it in time: ask the next stage, or expire


class Offering:
    """Sends a request's offers stage by stage until someone takes it, it waits for the opening, or it expires."""

    def __init__(self, *, settings: HandoffSettings, store: HandoffStore, references: ReferenceBook,
                 routing: DirectorySource, outbox: OutboxSender, zone: ZoneInfo,
                 fault: Callable[[str], None]) -> None:
        self._settings = settings
        self._store = store
        self._references = references
        self._routing = routing
        self._outbox = outbox
        self._zone = zone
        self._fault = fault

    @property
    def claim_timeout(self) -> timedelta:
        """How long a stage waits for someone to take the request."""
        return timedelta(minutes=self._settings.claim_timeout_minutes)

    async def offer_first(self, handoff_id: str, owner: str) -> None:
        """The first timer: offer the request to the first stage (or escalate at once when nobody is reachable)."""
        handoff = await self._store.get(handoff_id)
        if handoff is None or handoff.state != REQUESTED:
            await self._store.update(handoff_id, states=(REQUESTED,), next_action=None, next_action_at=None)
            return
        availability = await availability_of(self._routing, handoff.route, self._store.now())
        recipients = await self._new_recipients(handoff, plan.FIRST, availability)
        if recipients:
            outbox = self._offers(plan.FIRST, recipients)
            moved = await self._store.transition(handoff_id, (REQUESTED,), OFFERED, actor="system", owner=owner,
                                                 detail=f"stage0:{len(recipients)}", outbox=outbox,
                                                 next_action=ESCALATE,
                                                 next_action_at=self._deadline(availability))
            self._fault("request.offers_queued")
            if moved:
                await self._outbox.deliver(owner)
            return
        await self.escalate(handoff_id, owner)

    def _deadline(self, availability: plan.Availability) -> datetime:
        """When the current stage has waited long enough: the timeout, counted from the opening when closed."""
        start = self._store.now()
        if not availability.open_now and not availability.on_call and availability.next_opening is not None:
            start = max(start, availability.next_opening)
        return start + self.claim_timeout

    async def escalate(self, handoff_id: str, owner: str) -> None:
        """Nobody took it in time: ask the next stage that reaches someone, wait for the opening, or expire."""
        handoff = await self._store.get(handoff_id)
        if handoff is None or handoff.state not in WAITING:
            await self._store.update(handoff_id, next_action=None, next_action_at=None)
            return
        availability = await availability_of(self._routing, handoff.route, self._store.now())
        stage = handoff.stage
        district = wording.district(handoff.route, handoff.lang)
        for next_stage in range(stage + 1, plan.LAST_STAGE + 1):
            found = await self._new_recipients(handoff, next_stage, availability)
            if not found:
                continue
            key = "relay.escalated_channel" if next_stage == plan.CHANNELS else "relay.escalated_backup"
            escalated = text_message(say(handoff.lang, key, district=district))
            outbox = [*self._offers(next_stage, found),
                      Outgoing(f"staff:stage{next_stage}", reference=handoff.staff_reference,
                               payload=[escalated])]
            moved = await self._store.transition(handoff_id, WAITING, ESCALATED, actor="timer", at_stage=stage,
                                                 detail=f"stage{next_stage}", stage=next_stage, owner=owner,
                                                 outbox=outbox, next_action=ESCALATE,
                                                 next_action_at=self._deadline(availability))
            if moved:
                await self._store.record(handoff_id, "told_staff", "timer",
                                         f"escalated:stage{next_stage}:{len(found)}")
                await self._outbox.deliver(owner)
            return
        if plan.waits_for_opening(availability) and availability.next_opening is not None:
            await self._wait_for_opening(handoff, availability.next_opening, owner)
            return
        phone = next((u.unit.phone for u in plan.intake_units(handoff.route) if u.unit.phone), None)
        expired = say(handoff.lang, "relay.expired", district=district, phone=f": {phone}" if phone else "")
        told = [text_message(expired),
                text_message(wording.acute_advice(handoff.lang, handoff.route)),
                handoff_status(handoff.staff_reference, FAILED, "expired")]
        if not await self._store.transition(handoff_id, WAITING, EXPIRED, actor="timer", at_stage=stage,
                                            next_action=None, next_action_at=None, update_cards=True, owner=owner,
                                            outbox=[Outgoing("staff:expired", reference=handoff.staff_reference,
                                                             payload=told)]):
            return
        log.info("handoff expired", extra={"event": "handoff_expired", "handoff_id": handoff_id})
        await self._store.record(handoff_id, "told_staff", "timer", "expired")
        await self._outbox.deliver(owner)

    async def _wait_for_opening(self, handoff: Handoff, opens: datetime, owner: str) -> None:
        """After hours with nobody on call left to ask: keep the request for the unit's opening, and say so once.

        A request nobody was offered yet gets its first offers then; one with stages left asks the next stage then;
        one already offered to everyone gives them the claim timeout from the opening before it expires.
        """
        if handoff.state == REQUESTED:
            action, at = OFFER_FIRST, opens
        else:
            action, at = ESCALATE, opens if handoff.stage < plan.LAST_STAGE else opens + self.claim_timeout
        told = [text_message(wording.acute_advice(handoff.lang, handoff.route)),
                text_message(say(handoff.lang, "relay.waits_overnight",
                                 district=wording.district(handoff.route, handoff.lang),
                                 opens=when_text(handoff.lang, opens, self._zone)))]
        if await self._store.update(handoff.id, states=WAITING, next_action=action, next_action_at=at, owner=owner,
                                    outbox=[Outgoing(f"staff:waits:{opens.isoformat()}",
                                                     reference=handoff.staff_reference, payload=told)]):
            log.info("handoff waits for opening", extra={"event": "handoff_waits", "handoff_id": handoff.id})
            await self._store.record(handoff.id, "waits_for_opening", "timer", f"stage{handoff.stage}")
            await self._outbox.deliver(owner)

    async def _new_recipients(self, handoff: Handoff, stage: int,
                              availability: plan.Availability) -> list[tuple[plan.Recipient, Reference]]:
        already = await self._store.notified_targets(handoff.id)
        found = []
        for recipient in plan.on_duty(plan.recipients(handoff.route, stage, availability), availability):
            if (recipient.kind, recipient.target_id) in already:
                continue
            reference = await self._references.find(recipient.kind, recipient.target_id)
            if reference is None:
                continue  # never installed the app / the bot is not in that team: cannot be reached
            found.append((recipient, reference))
        return found

    @staticmethod
    def _offers(stage: int, recipients: Sequence[tuple[plan.Recipient, Reference]]) -> list[Outgoing]:
        """Outbox rows for the offer cards of *stage* (the card itself is drawn when it is sent)."""
        return [Outgoing(f"offer:{stage}:{recipient.kind}:{recipient.target_id}", kind=OFFER,
                         reference=reference, recipient=(recipient.kind, recipient.target_id, stage),
                         lang=wording.lang_of_locale(reference.get("locale"))) for recipient, reference in recipients]
