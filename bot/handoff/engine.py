"""The handoff engine: asks socionoms, lets one claim, relays scrubbed messages, closes with an outcome.

Everything that must survive a restart lives in the database (`HandoffStore`); this object holds no
conversation state of its own, so any app process or worker can carry on any handoff. Every state change
queues its notifications in the same transaction (the outbox); they are sent after the commit by the process
that made the change and, should it die, by any process's timer loop once the lease has run out.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.handoff import cards, interop, plan, wording
from bot.handoff.availability import availability_of
from bot.handoff.offering import ESCALATE, OFFER_FIRST, Offering
from bot.handoff.outbox import OutboxSender
from bot.handoff.ports import (
    DirectorySource,
    HandoffSettings,
    Messenger,
    NoteRecords,
    ReferenceBook,
    Turn,
)
from bot.handoff.relay import Relay
from bot.handoff.retention import Retention
from bot.handoff.store import (
    ACTIVE,
    CLAIMABLE,
    CLAIMED,
    CLOSED,
    OUTBOX_LEASE_SECONDS,
    REQUESTED,
    TALKING,
    WAITING,
    WITHDRAWN,
    Handoff,
    HandoffStore,
    Outgoing,
    PurgeResult,
)
from bot.handoff.teams_messenger import card_message, conversation_of, reference_of, serialize, text_message
from bot.references import targets_of
from dialogs.cardkit import plain
from dialogs.ports import RESUME_DIALOGS, Scrub
from dialogs.text import say, text_for
from knowledge.acute import is_acute
from routing.route import RouteDecision

if TYPE_CHECKING:
    from bot.handoff.retention import ConversationPurge

log = logging.getLogger(__name__)

# Timer actions (handoff.next_action), besides the offering's OFFER_FIRST and ESCALATE.
ACTIVATE = "activate"  # a claim's notifications are out: the relay is active (recovers a claim whose process died)
IDLE = "idle"  # nobody wrote in the relay for `relay_idle_minutes`: close it
NOTE_FIELDS = ("day", "district_id", "age_band", "categories", "signals", "reasons", "duration", "acute", "outcome",
               "summary", "lang")

Fault = Callable[[str], None]


def _no_fault(_point: str) -> None:
    """Production: no fault injection."""


class HandoffEngine:
    """Implements the dialogs' HandoffPort (`request`) and the handler's TurnInterceptor (`intercept`)."""

    def __init__(self, *, settings: HandoffSettings, store: HandoffStore, messenger: Messenger,
                 references: ReferenceBook, records: NoteRecords, routing: DirectorySource,
                 clock: Callable[[], datetime], scrub: Scrub, storage: ConversationPurge | None = None,
                 fault: Fault | None = None) -> None:
        self._settings = settings
        self._scrub = scrub  # the dialogs' scrubber: it also masks the preschool names of the routing tables
        self.store = store
        self._messenger = messenger
        self._references = references
        self._records = records
        self._routing = routing
        self._clock = clock
        self._zone = ZoneInfo(getattr(settings, "timezone", "Europe/Stockholm"))
        # Tests inject a fault here to kill the process between two steps; production never does.
        self._fault = fault or _no_fault
        # The fault is looked up at each call (hence the lambdas): a test arms it after construction.
        self._outbox = OutboxSender(store=store, messenger=messenger, zone=self._zone,
                                    fault=lambda point: self._fault(point))  # noqa: PLW0108
        self._offering = Offering(settings=settings, store=store, references=references, routing=routing,
                                  outbox=self._outbox, zone=self._zone, fault=lambda point: self._fault(point))  # noqa: PLW0108
        self._relay = Relay(store=store, scrub=scrub, outbox=self._outbox, zone=self._zone,
                            idle_timeout=lambda: self.idle_timeout)
        # SqlStorage: abandoned conversation state is purged with the transcripts.
        self.retention = Retention(settings=settings, store=store, records=records, storage=storage)

    @property
    def claim_timeout(self) -> timedelta:
        """How long a stage waits for someone to take the request."""
        return self._offering.claim_timeout

    @property
    def idle_timeout(self) -> timedelta:
        """How long a relay may stay silent before it closes itself."""
        return timedelta(minutes=getattr(self._settings, "relay_idle_minutes", 240))

    # --- HandoffPort --------------------------------------------------------------------------------

    async def request(self, context: Turn, note: dict[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        """Start a handoff: store it with its first timer and the staff member's answer, then offer it.

        In office hours (or when someone is on call) the first offers go out at once; otherwise the request
        waits for the unit's next opening, and the staff member is told so — 112 and socialjouren first.
        """
        activity = context.activity
        lang = "en" if (note.get("lang") == "en" or (not note.get("lang") and
                                                      (activity.locale or "").startswith("en"))) else "sv"
        existing = await self.store.open_for_staff(activity.conversation.id)
        if existing is not None:
            await context.send_activity(say(lang, "relay.already_waiting"))
            return
        handoff_id = uuid.uuid4().hex
        sender = activity.from_property
        categories = [c for c in note.get("categories") or [] if isinstance(c, str)]
        clean_note = {key: note.get(key) for key in NOTE_FIELDS if note.get(key) is not None}
        if clean_note.get("summary"):
            # Scrubbed again: whatever the caller forgot, nothing identifying is stored or shown. Never cut: a late
            # disclosure counts.
            clean_note["summary"] = (await self._scrub(str(clean_note["summary"]))).text
        consultation_id = note.get("id") or note.get("note_id")
        now = self.store.now()
        availability = await availability_of(self._routing, route, now)
        # Closed and nobody on call: the first offers go out when the unit opens (the claim timeout counts
        # from then); an unknown opening time means asking at once and letting the cards wait.
        waits = not availability.open_now and not availability.on_call and availability.next_opening is not None
        first_at = max(now, availability.next_opening) if waits and availability.next_opening else now
        staff_reference = reference_of(context)
        district = wording.district(route, lang)
        owner = uuid.uuid4().hex
        told = wording.request_messages(lang, handoff_id, district, route, availability, waits, self._zone)
        await self.store.create({
            "lang": lang,
            "district_id": plan.district_id(route) or note.get("district_id"),
            "unit_id": next(iter(plan.unit_ids(route)), None),
            "consultation_id": consultation_id,
            "categories": categories,
            "urgency": plan.urgency(note, route),
            "route": route.to_dict(),
            "note": clean_note,
            "share_name": share_name,
            "staff_id": (sender.aad_object_id or sender.id) if sender else None,
            "staff_name": sender.name if share_name and sender else None,
            "staff_conversation_id": activity.conversation.id,
            "staff_reference": staff_reference,
            "next_action": OFFER_FIRST,
            "next_action_at": first_at,
        }, handoff_id=handoff_id, owner=owner,
            outbox=[Outgoing("staff:requested", reference=staff_reference, payload=serialize(told))],
            before_commit=lambda: self._fault("request.before_commit"))
        self._fault("request.committed")
        log.info("handoff requested", extra={"event": "handoff_requested", "handoff_id": handoff_id})
        if consultation_id:
            await self._records.mark_handoff(consultation_id)
        await self._messenger.emit(context, interop.handoff_initiation(context, {
            "handoff_id": handoff_id, "skill": "socionom", "district_id": plan.district_id(route),
            "categories": categories, "urgency": plan.urgency(note, route)}))
        await self._outbox.deliver(owner, turn_context=context)
        self._fault("request.staff_told")
        if waits:
            await self.store.record(handoff_id, "waits_for_opening", "system")
            return
        try:
            await self._offering.offer_first(handoff_id, owner)
        finally:
            await self.store.release(handoff_id, owner)

    # --- TurnInterceptor ----------------------------------------------------------------------------

    async def intercept(self, turn_context: Turn) -> bool:
        """Take card submits of the handoff and every message of a staff member or socionom in a handoff."""
        activity = turn_context.activity
        value = activity.value if isinstance(activity.value, dict) else None
        if value and value.get("action") in cards.ACTIONS and value.get("handoff_id"):
            await self._on_action(turn_context, str(value["action"]), str(value["handoff_id"]), value)
            return True
        conversation_id = activity.conversation.id if activity.conversation else None
        if not conversation_id:
            return False
        sender = activity.from_property
        sender_id = (sender.aad_object_id or sender.id) if sender else None
        staff_side, socionom_side = await self.store.relayed_message(conversation_id, sender_id)
        if staff_side is not None:
            await self._on_staff_message(turn_context, staff_side)
            return True
        if socionom_side:
            await self._on_socionom_message(turn_context, socionom_side)
            return True
        return False

    async def _on_action(self, turn_context: Turn, action: str, handoff_id: str,
                         value: Mapping[str, Any]) -> None:
        handoff = await self.store.get(handoff_id)
        lang = self._lang_of(turn_context, handoff)
        if handoff is None:
            await turn_context.send_activity(say(lang, "relay.gone"))
            return
        if action == cards.CLAIM:
            await self._claim(turn_context, handoff)
        elif action == cards.WITHDRAW and self._is_staff(turn_context, handoff):
            await self._withdraw(turn_context, handoff)
        elif action == cards.END and (self._is_staff(turn_context, handoff) or self._is_claimer(turn_context,
                                                                                                 handoff)):
            await self._end(turn_context, handoff, by="staff" if self._is_staff(turn_context, handoff)
                            else "socionom")
        elif action == cards.OUTCOME and self._is_claimer(turn_context, handoff):
            await self._set_outcome(turn_context, handoff, str(value.get("outcome")))
        elif action == cards.RATE and self._is_staff(turn_context, handoff):
            await self._rate(turn_context, handoff, value.get("rating"))
        elif action == cards.FOCUS and self._is_claimer(turn_context, handoff) and handoff.state in TALKING:
            await self.store.update(handoff.id, states=TALKING, focus_at=self.store.now())
            text = value.get("text")
            chosen = await self.store.get(handoff.id)
            assert chosen is not None
            if isinstance(text, str) and text.strip():
                await self._relay_from_socionom(turn_context, chosen, text)
            else:
                chosen_lang = self._claimer_lang(chosen)
                await turn_context.send_activity(say(chosen_lang, "relay.focus.set",
                                                     label=wording.handoff_label(chosen, chosen_lang, self._zone)))
        else:
            await turn_context.send_activity(say(lang, "relay.gone"))

    def _is_staff(self, turn_context: Turn, handoff: Handoff) -> bool:
        conversation = turn_context.activity.conversation
        return conversation is not None and conversation.id == handoff.staff_conversation_id

    def _is_claimer(self, turn_context: Turn, handoff: Handoff) -> bool:
        sender = turn_context.activity.from_property
        return sender is not None and handoff.claimed_by is not None and \
            handoff.claimed_by in (sender.aad_object_id, sender.id)

    def _lang_of(self, turn_context: Turn, handoff: Handoff | None = None) -> str:
        """The language of whoever wrote: the staff member's choice kept on the handoff, the claimer's, else the
        Teams locale (a socionom who has not taken the request)."""
        if handoff is not None and self._is_staff(turn_context, handoff):
            return handoff.lang
        if handoff is not None and self._is_claimer(turn_context, handoff):
            return self._claimer_lang(handoff)
        return wording.lang_of_locale(turn_context.activity.locale)

    @staticmethod
    def _claimer_lang(handoff: Handoff) -> str:
        return handoff.claimer_lang or "sv"

    # --- staff side ---------------------------------------------------------------------------------

    async def _on_staff_message(self, turn_context: Turn, handoff: Handoff) -> None:
        text = turn_context.activity.text or ""
        lang = handoff.lang
        acute = is_acute(text) if text else None
        if acute is not None:
            # Acute danger is answered first, whatever state the handoff is in.
            from dialogs.cards import acute_card

            card = acute_card(lang, handoff.route.to_dict(), eservice_url=self._settings.eservice_url)
            await turn_context.send_activity(card_message(card))
            await self.store.record(handoff.id, "acute", "staff", acute.code)
        command = wording.command(text)
        if handoff.state in WAITING:
            if command in wording.words(lang, "relay.words.withdraw"):
                await self._withdraw(turn_context, handoff)
            elif acute is None:
                await turn_context.send_activity(card_message(cards.withdraw_card(
                    lang, wording.waiting_text(handoff, self._opening_waited_for(handoff), self._zone), handoff.id)))
            return
        if command in wording.words(lang, "relay.words.end"):
            await self._end(turn_context, handoff, by="staff")
            return
        if not text.strip():
            return
        await self._relay.from_staff(turn_context, handoff, text, acute=acute is not None)

    def _opening_waited_for(self, handoff: Handoff) -> datetime | None:
        """When the unit opens, if the request is still waiting for that to send its first offers."""
        if handoff.state == REQUESTED and handoff.next_action == OFFER_FIRST and handoff.next_action_at and \
                handoff.next_action_at > self.store.now():
            return handoff.next_action_at
        return None

    async def _withdraw(self, turn_context: Turn, handoff: Handoff) -> None:
        owner = uuid.uuid4().hex
        if not await self.store.transition(handoff.id, WAITING, WITHDRAWN, actor="staff", next_action=None,
                                           next_action_at=None, update_cards=True, owner=owner):
            await turn_context.send_activity(say(handoff.lang, "relay.gone"))
            return
        log.info("handoff withdrawn", extra={"event": "handoff_withdrawn", "handoff_id": handoff.id})
        await turn_context.send_activity(say(handoff.lang, "relay.withdrawn"))
        # The consultation that asked for the socionom carries on in this turn, where it was.
        turn_context.turn_state[RESUME_DIALOGS] = True
        await self._messenger.emit(turn_context, interop.handoff_status(turn_context.activity.conversation,
                                                                        interop.FAILED, "withdrawn"))
        await self._outbox.deliver(owner, turn_context=turn_context)

    # --- socionom side ------------------------------------------------------------------------------

    async def _may_claim(self, turn_context: Turn, handoff: Handoff, claimer_ids: set[str]) -> str | None:
        """None when the clicker received the offer (personally or in the channel it was posted to), else why not."""
        if self._is_staff(turn_context, handoff) or (handoff.staff_id is not None and handoff.staff_id in claimer_ids):
            return "relay.claim_refused_own"
        targets = {(plan.USER, user_id) for user_id in claimer_ids}
        conversation = turn_context.activity.conversation
        if conversation is not None and (conversation.conversation_type or "").lower() == "channel":
            targets |= {(t.kind, t.target_id) for t in targets_of(turn_context.activity) if t.kind == plan.CHANNEL}
        if await self.store.offered_to(handoff.id, targets):
            return None
        return "relay.claim_refused"

    async def _claim(self, turn_context: Turn, handoff: Handoff) -> None:
        activity = turn_context.activity
        lang = self._lang_of(turn_context)
        sender = activity.from_property
        claimer_id = (sender.aad_object_id or sender.id) if sender else None
        if not claimer_id:
            return
        refusal = await self._may_claim(turn_context, handoff, {i for i in (sender.aad_object_id, sender.id) if i})
        if refusal is not None:
            log.info("claim refused", extra={"event": "handoff_claim_refused", "handoff_id": handoff.id})
            await self.store.record(handoff.id, "claim_refused", "socionom", refusal.rsplit("_", 1)[-1])
            await turn_context.send_activity(say(self._lang_of(turn_context, handoff), refusal))
            return
        name = (sender.name if sender else None) or text_for(lang)["relay.default_role"]
        role = plan.role_of(handoff.route, claimer_id) or text_for(lang)["relay.default_role"]
        personal = await self._references.find(plan.USER, claimer_id)
        claimer_reference = personal.serialize() if personal is not None else reference_of(turn_context)
        claimer_conversation = (personal or activity).conversation
        district = wording.district(handoff.route, lang)
        staff_lang = handoff.lang
        to_claimer = [card_message(cards.note_card(lang, handoff.note or {}, district)),
                      card_message(cards.end_card(lang, say(
                          lang, "relay.claimed_you", who=plain(wording.staff_label(handoff, lang))), handoff.id))]
        to_staff = [card_message(cards.end_card(staff_lang, say(
            staff_lang, "relay.claimed_staff", name=plain(name), role=plain(role)), handoff.id)),
            interop.handoff_status(conversation_of(handoff.staff_reference), interop.ACCEPTED, None)]
        owner = uuid.uuid4().hex
        now = self.store.now()
        won = await self.store.transition(
            handoff.id, CLAIMABLE, CLAIMED, actor="socionom", update_cards=True, owner=owner,
            outbox=[Outgoing("claim:claimer", reference=claimer_reference, payload=serialize(to_claimer)),
                    Outgoing("claim:staff", reference=handoff.staff_reference, payload=serialize(to_staff))],
            # The claim's own timer: should this process die before the relay is active, any other finishes it.
            next_action=ACTIVATE, next_action_at=now, lease_owner=owner,
            lease_until=now + timedelta(seconds=OUTBOX_LEASE_SECONDS),
            claimed_by=claimer_id, claimer_name=name, claimer_role=role, claimer_lang=lang,
            claimer_conversation_id=claimer_conversation.id, claimer_reference=claimer_reference)
        if not won:
            current = await self.store.get(handoff.id)
            if current is not None and current.claimed_by:
                await turn_context.send_activity(say(lang, "relay.already_taken",
                                                     name=plain(current.claimer_name or "")))
            else:
                await turn_context.send_activity(say(lang, "relay.gone"))
            await self.store.record(handoff.id, "claim_lost", "socionom")
            return
        self._fault("claim.committed")
        log.info("handoff claimed", extra={"event": "handoff_claimed", "handoff_id": handoff.id})
        # A new conversation: the socionom must say which one a typed message is for again.
        await self.store.clear_focus(claimer_id)
        await self._outbox.deliver(owner, turn_context=turn_context)
        await self._activate(handoff.id, owner)

    async def _activate(self, handoff_id: str, owner: str) -> None:
        """Send whatever the claim queued and is still unsent, then mark the relay active with its idle timer."""
        for row in await self.store.lease_outbox(owner, handoff_id=handoff_id):
            await self._outbox.deliver_row(row, owner)
        now = self.store.now()
        await self.store.transition(handoff_id, (CLAIMED,), ACTIVE, actor="system", next_action=IDLE,
                                    next_action_at=now + self.idle_timeout, lease_owner=None, lease_until=None)

    async def _on_socionom_message(self, turn_context: Turn, handoffs: Sequence[Handoff]) -> None:
        text = turn_context.activity.text or ""
        if not text.strip():
            return
        handoff = self._relay.current(handoffs)
        if handoff is None:
            await self._relay.ask_which(turn_context, handoffs, text)
            return
        await self._relay_from_socionom(turn_context, handoff, text)

    async def _relay_from_socionom(self, turn_context: Turn, handoff: Handoff, text: str) -> None:
        lang = self._claimer_lang(handoff)
        if wording.command(text) in wording.words(lang, "relay.words.end"):
            await self._end(turn_context, handoff, by="socionom")
            return
        await self._relay.from_socionom(turn_context, handoff, text)

    async def _end(self, turn_context: Turn | None, handoff: Handoff, *, by: str) -> None:
        owner = uuid.uuid4().hex
        socionom_lang = self._claimer_lang(handoff)
        staff_text, socionom_text = wording.end_texts(handoff, by, socionom_lang, self.idle_timeout)
        moved = await self.store.transition(
            handoff.id, TALKING, CLOSED, actor="timer" if by == "idle" else by, closed_by=by, owner=owner,
            next_action=None, next_action_at=None, outbox=[
                Outgoing("end:staff", reference=handoff.staff_reference, payload=serialize([
                    text_message(staff_text),
                    interop.handoff_status(conversation_of(handoff.staff_reference), interop.COMPLETED, by)])),
                Outgoing("end:claimer", reference=handoff.claimer_reference, payload=serialize([
                    card_message(cards.outcome_choice_card(socionom_lang, socionom_text, handoff.id))])),
            ])
        if not moved:
            if turn_context is not None:
                await turn_context.send_activity(say(self._lang_of(turn_context, handoff), "relay.gone"))
            return
        log.info("handoff closed", extra={"event": "handoff_closed", "handoff_id": handoff.id, "closed_by": by})
        await self._outbox.deliver(owner, turn_context=turn_context)

    async def _set_outcome(self, turn_context: Turn, handoff: Handoff, outcome: str) -> None:
        lang = self._claimer_lang(handoff)
        owner = uuid.uuid4().hex
        route = handoff.route
        result = card_message(cards.result_card(
            handoff.lang, handoff_id=handoff.id, outcome=outcome if outcome in cards.OUTCOMES else "observe",
            district=wording.district(handoff.route, handoff.lang), eservice_url=self._settings.eservice_url,
            intake=[u.to_dict() for u in plan.intake_units(route)],
            early_support=[u.to_dict() for u in plan.early_support_units(route)]))
        if outcome not in cards.OUTCOMES or not await self.store.update(
                handoff.id, states=(CLOSED,), where_null="outcome", outcome=outcome, owner=owner,
                outbox=[Outgoing("result:staff", reference=handoff.staff_reference, payload=serialize([result]))]):
            await turn_context.send_activity(say(lang, "relay.gone"))
            return
        await self.store.record(handoff.id, "outcome", "socionom", outcome)
        await self._outbox.deliver(owner, turn_context=turn_context)
        await turn_context.send_activity(say(lang, "relay.outcome.saved"))

    async def _rate(self, turn_context: Turn, handoff: Handoff, rating: Any) -> None:
        try:
            value = int(rating)
        except (TypeError, ValueError):
            value = 0
        if value not in cards.RATINGS or not await self.store.update(handoff.id, states=(CLOSED,),
                                                                     where_null="rating", rating=value):
            await turn_context.send_activity(say(handoff.lang, "relay.gone"))
            return
        await self.store.record(handoff.id, "rated", "staff", str(value))
        await turn_context.send_activity(say(handoff.lang, "relay.rate.thanks"))

    # --- timers and the outbox sweeper --------------------------------------------------------------

    async def run_due(self, owner: str | None = None, *, lease_seconds: float = OUTBOX_LEASE_SECONDS) -> int:
        """Run every due timer this process can lease, then send what dead processes left unsent.

        Returns how many timer actions it performed.
        """
        owner = owner or uuid.uuid4().hex
        done = 0
        for handoff_id in await self.store.due():
            action = await self.store.lease(handoff_id, owner, lease_seconds)
            if action is None:
                continue  # another process holds it
            try:
                if action == OFFER_FIRST:
                    await self._offering.offer_first(handoff_id, owner)
                elif action == ESCALATE:
                    await self._offering.escalate(handoff_id, owner)
                elif action == ACTIVATE:
                    await self._activate(handoff_id, owner)
                elif action == IDLE:
                    await self._close_idle(handoff_id)
                else:
                    await self.store.update(handoff_id, next_action=None, next_action_at=None)
                done += 1
            except Exception as error:  # one failing handoff must not stop the others; retried after the lease
                log.error("handoff timer failed", extra={"event": "handoff_timer_failed", "handoff_id": handoff_id,
                                                         "error_type": type(error).__name__})
            finally:
                await self.store.release(handoff_id, owner)
        await self.sweep(owner)
        return done

    async def sweep(self, owner: str | None = None) -> int:
        """Send every due outbox row nobody holds (queued by a process that died, or to retry); returns how many."""
        return await self._outbox.sweep(owner)

    async def _close_idle(self, handoff_id: str) -> None:
        handoff = await self.store.get(handoff_id)
        if handoff is None or handoff.state not in TALKING:
            await self.store.update(handoff_id, next_action=None, next_action_at=None)
            return
        await self._end(None, handoff, by="idle")

    # --- retention ----------------------------------------------------------------------------------

    async def purge(self) -> PurgeResult:
        """Blank every handoff older than the retention period, whatever its state; delete transcripts; counts stay."""
        return await self.retention.purge()
