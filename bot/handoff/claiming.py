"""Taking a request: only someone it was offered to may claim it, exactly one claim wins, then the relay opens."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from bot.handoff import cards, plan, wording
from bot.handoff.messages import ACCEPTED, card_message, handoff_status
from bot.handoff.model import ACTIVE, CLAIMABLE, CLAIMED, OUTBOX_LEASE_SECONDS, Handoff, Outgoing, TargetKind
from bot.handoff.outbox import OutboxSender
from bot.handoff.parties import is_staff, lang_of
from bot.handoff.ports import ReferenceBook, Turn
from bot.handoff.store import HandoffStore
from dialogs.cardkit import plain
from dialogs.text import say, text_for

log = logging.getLogger(__name__)

# Timer actions (handoff.next_action) of a claim.
ACTIVATE = "activate"  # a claim's notifications are out: the relay is active (recovers a claim whose process died)
IDLE = "idle"  # nobody wrote in the relay for `relay_idle_minutes`: close it


class Claiming:
    """Lets a socionom who received the offer take the request; tells both sides; makes the relay active."""

    def __init__(self, *, store: HandoffStore, references: ReferenceBook, outbox: OutboxSender,
                 idle_timeout: Callable[[], timedelta], fault: Callable[[str], None]) -> None:
        self._store = store
        self._references = references
        self._outbox = outbox
        self._idle_timeout = idle_timeout
        self._fault = fault

    async def _refusal(self, turn: Turn, handoff: Handoff, claimer_ids: set[str]) -> str | None:
        """None when the clicker received the offer (personally or in the channel it was posted to), else why not."""
        if is_staff(turn, handoff) or (handoff.staff_id is not None and handoff.staff_id in claimer_ids):
            return "relay.claim_refused_own"
        targets = {(TargetKind.USER.value, user_id) for user_id in claimer_ids}
        if turn.channel_id:
            targets.add((TargetKind.CHANNEL.value, turn.channel_id))
        if await self._store.offered_to(handoff.id, targets):
            return None
        return "relay.claim_refused"

    async def claim(self, turn: Turn, handoff: Handoff) -> None:
        """Take *handoff* for the socionom who clicked, if it is still to be taken and was offered to them."""
        lang = lang_of(turn)
        sender = turn.sender
        claimer_id = sender.key if sender else None
        if sender is None or not claimer_id:
            return
        refusal = await self._refusal(turn, handoff, sender.ids)
        if refusal is not None:
            log.info("claim refused", extra={"event": "handoff_claim_refused", "handoff_id": handoff.id})
            await self._store.record(handoff.id, "claim_refused", "socionom", refusal.rsplit("_", 1)[-1])
            await turn.reply(say(lang_of(turn, handoff), refusal))
            return
        name = sender.name or text_for(lang)["relay.default_role"]
        role = plan.role_of(handoff.route, claimer_id) or text_for(lang)["relay.default_role"]
        personal = await self._references.find(TargetKind.USER.value, claimer_id)
        claimer_reference = dict(personal) if personal is not None else turn.reference()
        claimer_conversation_id = (claimer_reference.get("conversation") or {}).get("id") if personal is not None \
            else turn.conversation_id
        district = wording.district(handoff.route, lang)
        staff_lang = handoff.lang
        to_claimer = [card_message(cards.note_card(lang, handoff.note or {}, district)),
                      card_message(cards.end_card(lang, say(
                          lang, "relay.claimed_you", who=plain(wording.staff_label(handoff, lang))), handoff.id))]
        to_staff = [card_message(cards.end_card(staff_lang, say(
            staff_lang, "relay.claimed_staff", name=plain(name), role=plain(role)), handoff.id)),
            handoff_status(handoff.staff_reference, ACCEPTED, None)]
        owner = uuid.uuid4().hex
        now = self._store.now()
        won = await self._store.transition(
            handoff.id, CLAIMABLE, CLAIMED, actor="socionom", update_cards=True, owner=owner,
            outbox=[Outgoing("claim:claimer", reference=claimer_reference, payload=to_claimer),
                    Outgoing("claim:staff", reference=handoff.staff_reference, payload=to_staff)],
            # The claim's own timer: should this process die before the relay is active, any other finishes it.
            next_action=ACTIVATE, next_action_at=now, lease_owner=owner,
            lease_until=now + timedelta(seconds=OUTBOX_LEASE_SECONDS),
            claimed_by=claimer_id, claimer_name=name, claimer_role=role, claimer_lang=lang,
            claimer_conversation_id=claimer_conversation_id, claimer_reference=claimer_reference)
        if not won:
            current = await self._store.get(handoff.id)
            if current is not None and current.claimed_by:
                await turn.reply(say(lang, "relay.already_taken", name=plain(current.claimer_name or "")))
            else:
                await turn.reply(say(lang, "relay.gone"))
            await self._store.record(handoff.id, "claim_lost", "socionom")
            return
        self._fault("claim.committed")
        log.info("handoff claimed", extra={"event": "handoff_claimed", "handoff_id": handoff.id})
        # A new conversation: the socionom must say which one a typed message is for again.
        await self._store.clear_focus(claimer_id)
        await self._outbox.deliver(owner, turn=turn)
        await self.activate(handoff.id, owner)

    async def activate(self, handoff_id: str, owner: str) -> None:
        """Send whatever the claim queued and is still unsent, then mark the relay active with its idle timer."""
        await self._outbox.sweep(owner, handoff_id=handoff_id)
        now = self._store.now()
        await self._store.transition(handoff_id, (CLAIMED,), ACTIVE, actor="system", next_action=IDLE,
                                     next_action_at=now + self._idle_timeout(), lease_owner=None, lease_until=None)
