"""The handoff engine: asks socionoms, lets one claim, relays scrubbed messages, closes with an outcome.

Everything that must survive a restart lives in the database (`HandoffStore`); this object holds no
conversation state of its own, so any app process or worker can carry on any handoff. Every state change
queues its notifications in the same transaction (the outbox); they are sent after the commit by the process
that made the change and, should it die, by any process's timer loop once the lease has run out.

The lifecycle speaks no Bot Framework SDK: a turn is a `Turn`, messages are activity JSON, cards are their content;
the Teams edge (bot/teams/) translates.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.handoff import cards, plan, wording
from bot.handoff.availability import availability_of
from bot.handoff.claiming import ACTIVATE, IDLE, Claiming
from bot.handoff.closing import Closing
from bot.handoff.messages import FAILED, handoff_initiation, handoff_status
from bot.handoff.model import (
    OUTBOX_LEASE_SECONDS,
    REQUESTED,
    TALKING,
    WAITING,
    WITHDRAWN,
    Handoff,
    Outgoing,
    PurgeResult,
)
from bot.handoff.offering import ESCALATE, OFFER_FIRST, Offering
from bot.handoff.outbox import OutboxSender
from bot.handoff.outbox_store import OutboxStore
from bot.handoff.parties import claimer_lang, is_claimer, is_staff, lang_of
from bot.handoff.ports import (
    DirectorySource,
    HandoffSettings,
    Messenger,
    NoteRecords,
    ReferenceBook,
    Scrub,
    Turn,
)
from bot.handoff.relay import Relay
from bot.handoff.retention import ConversationPurge, Retention
from bot.handoff.store import HandoffStore
from dialogs.acute_card import acute_content
from dialogs.text import say
from knowledge.acute import is_acute
from routing.route import RouteDecision

log = logging.getLogger(__name__)

NOTE_FIELDS = ("day", "district_id", "age_band", "categories", "signals", "reasons", "duration", "acute", "outcome",
               "summary", "lang")

Fault = Callable[[str], None]


def _no_fault(_point: str) -> None:
    """Production: no fault injection."""


class HandoffEngine:
    """The lifecycle: `request` (the dialogs' HandoffPort), `intercept` (every message and card action of a handoff),
    `run_due` (its timers) and `purge` (retention)."""

    # The lifecycle's collaborators, each a Protocol, are passed explicitly and by name (svcs-style).
    def __init__(self, *, settings: HandoffSettings, store: HandoffStore, queue: OutboxStore,  # noqa: PLR0913
                 messenger: Messenger, references: ReferenceBook, records: NoteRecords, routing: DirectorySource,
                 scrub: Scrub, storage: ConversationPurge | None = None, fault: Fault | None = None) -> None:
        self._settings = settings
        self._scrub = scrub  # the dialogs' scrubber: it also masks the preschool names of the routing tables
        self.store = store
        self._messenger = messenger
        self._records = records
        self._routing = routing
        self._zone = ZoneInfo(settings.timezone)
        # Tests inject a fault here to kill the process between two steps; production never does.
        self._fault = fault or _no_fault
        self._outbox = OutboxSender(store=store, queue=queue, messenger=messenger, zone=self._zone,
                                    fault=self._fault_at)
        self._offering = Offering(settings=settings, store=store, references=references, routing=routing,
                                  outbox=self._outbox, zone=self._zone, fault=self._fault_at)
        self._claiming = Claiming(store=store, references=references, outbox=self._outbox,
                                  idle_timeout=lambda: self.idle_timeout, fault=self._fault_at)
        self._relay = Relay(store=store, scrub=scrub, outbox=self._outbox, zone=self._zone,
                            idle_timeout=lambda: self.idle_timeout)
        self._closing = Closing(settings=settings, store=store, outbox=self._outbox,
                                idle_timeout=lambda: self.idle_timeout)
        # The dialogs' storage: abandoned conversation state is purged with the transcripts.
        self.retention = Retention(settings=settings, store=store, records=records, storage=storage)

    def _fault_at(self, point: str) -> None:
        """The fault hook, looked up at each call: a test arms it after construction."""
        self._fault(point)

    @property
    def claim_timeout(self) -> timedelta:
        """How long a stage waits for someone to take the request."""
        return self._offering.claim_timeout

    @property
    def idle_timeout(self) -> timedelta:
        """How long a relay may stay silent before it closes itself."""
        return timedelta(minutes=self._settings.relay_idle_minutes)

    # --- HandoffPort --------------------------------------------------------------------------------

    async def request(self, turn: Turn, note: Mapping[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        """Start a handoff: store it with its first timer and the staff member's answer, then offer it.

        In office hours (or when someone is on call) the first offers go out at once; otherwise the request
        waits for the unit's next opening, and the staff member is told so — 112 and socialjouren first.
        """
        conversation_id = turn.conversation_id
        if not conversation_id:
            raise ValueError("a handoff is requested from a conversation")
        lang = "en" if (note.get("lang") == "en" or (not note.get("lang") and
                                                      (turn.locale or "").startswith("en"))) else "sv"
        existing = await self.store.open_for_staff(conversation_id)
        if existing is not None:
            await turn.reply(say(lang, "relay.already_waiting"))
            return
        handoff_id = uuid.uuid4().hex
        sender = turn.sender
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
        staff_reference = turn.reference()
        district = wording.district(route, lang)
        owner = uuid.uuid4().hex
        told = wording.request_messages(lang, handoff_id, district, route=route, availability=availability,
                                        waits=waits, zone=self._zone)
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
            "staff_id": sender.key if sender else None,
            "staff_name": sender.name if share_name and sender else None,
            "staff_conversation_id": conversation_id,
            "staff_reference": staff_reference,
            "next_action": OFFER_FIRST,
            "next_action_at": first_at,
        }, handoff_id=handoff_id, owner=owner,
            outbox=[Outgoing("staff:requested", reference=staff_reference, payload=told)],
            before_commit=lambda: self._fault("request.before_commit"))
        self._fault("request.committed")
        log.info("handoff requested", extra={"event": "handoff_requested", "handoff_id": handoff_id})
        if consultation_id:
            await self._records.mark_handoff(str(consultation_id))
        await self._messenger.emit(turn, handoff_initiation(staff_reference, {
            "handoff_id": handoff_id, "skill": "socionom", "district_id": plan.district_id(route),
            "categories": categories, "urgency": plan.urgency(note, route)}))
        await self._outbox.deliver(owner, turn=turn)
        self._fault("request.staff_told")
        if waits:
            await self.store.record(handoff_id, "waits_for_opening", "system")
            return
        try:
            await self._offering.offer_first(handoff_id, owner)
        finally:
            await self.store.release(handoff_id, owner)

    # --- TurnInterceptor ----------------------------------------------------------------------------

    async def intercept(self, turn: Turn) -> bool:
        """Take card submits of the handoff and every message of a staff member or socionom in a handoff."""
        value = turn.value if isinstance(turn.value, dict) else None
        if value and value.get("action") in cards.ACTIONS and value.get("handoff_id"):
            await self._on_action(turn, str(value["action"]), str(value["handoff_id"]), value)
            return True
        conversation_id = turn.conversation_id
        if not conversation_id:
            return False
        sender_id = turn.sender.key if turn.sender else None
        staff_side, socionom_side = await self.store.relayed_message(conversation_id, sender_id)
        if staff_side is not None:
            await self._on_staff_message(turn, staff_side)
            return True
        if socionom_side:
            await self._on_socionom_message(turn, socionom_side)
            return True
        return False

    async def _on_action(self, turn: Turn, action: str, handoff_id: str, value: Mapping[str, Any]) -> None:
        handoff = await self.store.get(handoff_id)
        lang = lang_of(turn, handoff)
        if handoff is None:
            await turn.reply(say(lang, "relay.gone"))
            return
        if action == cards.CLAIM:
            await self._claiming.claim(turn, handoff)
        elif action == cards.WITHDRAW and is_staff(turn, handoff):
            await self._withdraw(turn, handoff)
        elif action == cards.END and (is_staff(turn, handoff) or is_claimer(turn, handoff)):
            await self._closing.end(turn, handoff, by="staff" if is_staff(turn, handoff) else "socionom")
        elif action == cards.OUTCOME and is_claimer(turn, handoff):
            await self._closing.set_outcome(turn, handoff, str(value.get("outcome")))
        elif action == cards.RATE and is_staff(turn, handoff):
            await self._closing.rate(turn, handoff, value.get("rating"))
        elif action == cards.FOCUS and is_claimer(turn, handoff) and handoff.state in TALKING:
            await self._focus(turn, handoff, value.get("text"))
        else:
            await turn.reply(say(lang, "relay.gone"))

    async def _focus(self, turn: Turn, handoff: Handoff, carried: object) -> None:
        """The socionom chose the conversation their typed messages go to (and the message they had typed)."""
        await self.store.update(handoff.id, states=TALKING, focus_at=self.store.now())
        chosen = await self.store.get(handoff.id)
        if chosen is None:  # purged between the two reads
            await turn.reply(say(lang_of(turn), "relay.gone"))
            return
        if isinstance(carried, str) and carried.strip():
            await self._relay_from_socionom(turn, chosen, carried)
        else:
            chosen_lang = claimer_lang(chosen)
            await turn.reply(say(chosen_lang, "relay.focus.set",
                                 label=wording.handoff_label(chosen, chosen_lang, self._zone)))

    # --- staff side ---------------------------------------------------------------------------------

    async def _on_staff_message(self, turn: Turn, handoff: Handoff) -> None:
        text = turn.text or ""
        lang = handoff.lang
        acute = is_acute(text) if text else None
        if acute is not None:
            # Acute danger is answered first, whatever state the handoff is in.
            await turn.reply_card(acute_content(lang, handoff.route, eservice_url=self._settings.eservice_url))
            await self.store.record(handoff.id, "acute", "staff", acute.code)
        command = wording.command(text)
        if handoff.state in WAITING:
            if command in wording.words(lang, "relay.words.withdraw"):
                await self._withdraw(turn, handoff)
            elif acute is None:
                await turn.reply_card(cards.withdraw_card(
                    lang, wording.waiting_text(handoff, self._opening_waited_for(handoff), self._zone), handoff.id))
            return
        if command in wording.words(lang, "relay.words.end"):
            await self._closing.end(turn, handoff, by="staff")
            return
        if not text.strip():
            return
        await self._relay.from_staff(turn, handoff, text, acute=acute is not None)

    def _opening_waited_for(self, handoff: Handoff) -> datetime | None:
        """When the unit opens, if the request is still waiting for that to send its first offers."""
        if handoff.state == REQUESTED and handoff.next_action == OFFER_FIRST and handoff.next_action_at and \
                handoff.next_action_at > self.store.now():
            return handoff.next_action_at
        return None

    async def _withdraw(self, turn: Turn, handoff: Handoff) -> None:
        owner = uuid.uuid4().hex
        if not await self.store.transition(handoff.id, WAITING, WITHDRAWN, actor="staff", next_action=None,
                                           next_action_at=None, update_cards=True, owner=owner):
            await turn.reply(say(handoff.lang, "relay.gone"))
            return
        log.info("handoff withdrawn", extra={"event": "handoff_withdrawn", "handoff_id": handoff.id})
        await turn.reply(say(handoff.lang, "relay.withdrawn"))
        # The consultation that asked for the socionom carries on in this turn, where it was.
        turn.resume_dialogs()
        await self._messenger.emit(turn, handoff_status(turn.reference(), FAILED, "withdrawn"))
        await self._outbox.deliver(owner, turn=turn)

    # --- socionom side ------------------------------------------------------------------------------

    async def _on_socionom_message(self, turn: Turn, handoffs: Sequence[Handoff]) -> None:
        text = turn.text or ""
        if not text.strip():
            return
        handoff = self._relay.current(handoffs)
        if handoff is None:
            await self._relay.ask_which(turn, handoffs, text)
            return
        await self._relay_from_socionom(turn, handoff, text)

    async def _relay_from_socionom(self, turn: Turn, handoff: Handoff, text: str) -> None:
        if wording.command(text) in wording.words(claimer_lang(handoff), "relay.words.end"):
            await self._closing.end(turn, handoff, by="socionom")
            return
        await self._relay.from_socionom(turn, handoff, text)

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
                    await self._claiming.activate(handoff_id, owner)
                elif action == IDLE:
                    await self._closing.close_idle(handoff_id)
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

    # --- retention ----------------------------------------------------------------------------------

    async def purge(self) -> PurgeResult:
        """Blank every handoff older than the retention period, whatever its state; delete transcripts; counts stay."""
        return await self.retention.purge()
