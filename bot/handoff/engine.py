"""The handoff engine: asks socionoms, lets one claim, relays scrubbed messages, closes with an outcome.

Everything that must survive a restart lives in the database (`HandoffStore`); this object holds no
conversation state of its own, so any app process or worker can carry on any handoff.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity, Attachment, ConversationReference

from bot.handoff import cards, interop, plan
from bot.handoff.store import (
    ACTIVE,
    CLAIMED,
    CLOSED,
    ESCALATED,
    EXPIRED,
    OFFERED,
    REQUESTED,
    TALKING,
    WAITING,
    WITHDRAWN,
    Handoff,
    HandoffStore,
    PurgeResult,
)
from dialogs.text import say, text_for, when_text
from knowledge.acute import is_acute
from knowledge.scrub import scrub

log = logging.getLogger(__name__)

ESCALATE = "escalate"
CLAIMABLE = WAITING  # a fast click may arrive before the request is marked offered
NOTE_FIELDS = ("day", "district_id", "age_band", "categories", "duration", "acute", "outcome", "summary", "lang")
SUMMARY_MAX = 1000


def _words(lang: str, key: str) -> set[str]:
    return {w.strip().lower() for w in text_for(lang)[key].split("|")} | {
        w.strip().lower() for other in ("sv", "en") for w in text_for(other)[key].split("|")}


def _command(text: str | None) -> str:
    return " ".join((text or "").strip().lower().rstrip(".!").split())


class HandoffEngine:
    """Implements the dialogs' HandoffPort (`request`) and the handler's TurnInterceptor (`intercept`)."""

    def __init__(self, *, settings: Any, store: HandoffStore, adapter: Any, references: Any, records: Any,
                 routing: Any, clock: Callable[[], datetime], storage: Any = None) -> None:
        self._settings = settings
        self._storage = storage  # SqlStorage: abandoned conversation state is purged with the transcripts
        self.store = store
        self._adapter = adapter
        self._references = references
        self._records = records
        self._routing = routing
        self._clock = clock
        self._zone = ZoneInfo(getattr(settings, "timezone", "Europe/Stockholm"))

    @property
    def claim_timeout(self) -> timedelta:
        """How long a stage waits for someone to take the request."""
        return timedelta(minutes=self._settings.claim_timeout_minutes)

    # --- HandoffPort --------------------------------------------------------------------------------

    async def request(self, context: TurnContext, note: dict[str, Any], route: dict[str, Any], *,
                      share_name: bool) -> None:
        """Start a handoff: store it, tell the staff member, send content-free cards to the first socionoms."""
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
            # Scrubbed again: whatever the caller forgot, nothing identifying is stored or shown.
            clean_note["summary"] = scrub(str(clean_note["summary"])[:SUMMARY_MAX]).text
        consultation_id = note.get("id") or note.get("note_id")
        await self.store.create({
            "lang": lang,
            "district_id": plan.district_id(route) or note.get("district_id"),
            "unit_id": next(iter(plan.unit_ids(route)), None),
            "consultation_id": consultation_id,
            "categories": categories,
            "urgency": self._urgency(note, route),
            "route": route,
            "note": clean_note,
            "share_name": share_name,
            "staff_id": (sender.aad_object_id or sender.id) if sender else None,
            "staff_name": sender.name if share_name and sender else None,
            "staff_conversation_id": activity.conversation.id,
            "staff_reference": TurnContext.get_conversation_reference(activity).serialize(),
        }, handoff_id=handoff_id)
        log.info("handoff requested", extra={"event": "handoff_requested", "handoff_id": handoff_id})
        if consultation_id:
            await self._records.mark_handoff(consultation_id)
        await self._emit(context, interop.handoff_initiation(context, {
            "handoff_id": handoff_id, "skill": "socionom", "district_id": plan.district_id(route),
            "categories": categories, "urgency": self._urgency(note, route)}))
        handoff = await self.store.get(handoff_id)
        assert handoff is not None
        availability = await self._availability(handoff)
        sent = await self._offer(handoff, plan.FIRST, availability)
        district = self._district(handoff)
        messages = []
        if sent:
            messages.append(say(lang, "relay.sent_on_call" if (not availability.open_now and availability.on_call)
                                else "relay.sent", district=district))
        if not availability.open_now:
            messages.append(self._closed_text(lang, district, availability.next_opening))
            messages.append(self._acute_advice(lang, handoff.route))
        for text in messages:
            await context.send_activity(text)
        if sent:
            start = self.store.now()
            if not availability.open_now and not availability.on_call and availability.next_opening:
                start = max(start, availability.next_opening)
            moved = await self.store.transition(handoff_id, (REQUESTED,), OFFERED, actor="system",
                                                detail=f"stage0:{len(sent)}", next_action=ESCALATE,
                                                next_action_at=start + self.claim_timeout)
            if moved:
                await context.send_activity(MessageFactory.attachment(cards.withdraw_card(
                    lang, say(lang, "relay.privacy"), handoff_id)))
            return
        # Nobody reachable at the first stage: escalate right away (the timer path, run inline).
        await self.store.update(handoff_id, next_action=ESCALATE, next_action_at=self.store.now())
        await self._escalate(handoff_id)

    # --- TurnInterceptor ----------------------------------------------------------------------------

    async def intercept(self, turn_context: TurnContext) -> bool:
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
        if socionom_side is not None:
            await self._on_socionom_message(turn_context, socionom_side)
            return True
        return False

    async def _on_action(self, turn_context: TurnContext, action: str, handoff_id: str,
                         value: Mapping[str, Any]) -> None:
        handoff = await self.store.get(handoff_id)
        lang = self._lang_of(turn_context)
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
        else:
            await turn_context.send_activity(say(lang, "relay.gone"))

    def _is_staff(self, turn_context: TurnContext, handoff: Handoff) -> bool:
        conversation = turn_context.activity.conversation
        return conversation is not None and conversation.id == handoff.staff_conversation_id

    def _is_claimer(self, turn_context: TurnContext, handoff: Handoff) -> bool:
        sender = turn_context.activity.from_property
        return sender is not None and handoff.claimed_by is not None and \
            handoff.claimed_by in (sender.aad_object_id, sender.id)

    @staticmethod
    def _lang_of(turn_context: TurnContext) -> str:
        return "en" if (turn_context.activity.locale or "").startswith("en") else "sv"

    # --- staff side ---------------------------------------------------------------------------------

    async def _on_staff_message(self, turn_context: TurnContext, handoff: Handoff) -> None:
        text = turn_context.activity.text or ""
        lang = handoff.lang
        acute = is_acute(text) if text else None
        if acute is not None:
            # Acute danger is answered first, whatever state the handoff is in.
            from dialogs.cards import acute_card

            await turn_context.send_activity(MessageFactory.attachment(acute_card(lang, handoff.route)))
            await self.store.record(handoff.id, "acute", "staff", acute.code)
        command = _command(text)
        if handoff.state in WAITING:
            if command in _words(lang, "relay.words.withdraw"):
                await self._withdraw(turn_context, handoff)
            elif acute is None:
                await turn_context.send_activity(MessageFactory.attachment(cards.withdraw_card(
                    lang, say(lang, "relay.waiting"), handoff.id)))
            return
        if command in _words(lang, "relay.words.end"):
            await self._end(turn_context, handoff, by="staff")
            return
        if not text.strip():
            return
        scrubbed = scrub(text)
        await self.store.add_message(handoff.id, "staff", scrubbed.text, scrubbed.kinds)
        socionom_lang = "sv"
        lines = [say(socionom_lang, "relay.from", who=self._staff_label(handoff, socionom_lang),
                     text=scrubbed.text)]
        if acute is not None:
            lines.append(say(socionom_lang, "relay.acute_flag"))
        await self._send(handoff.claimer_reference, [MessageFactory.text(line) for line in lines],
                         turn_context=turn_context)
        if scrubbed.kinds:
            await turn_context.send_activity(say(lang, "relay.masked"))

    async def _withdraw(self, turn_context: TurnContext, handoff: Handoff) -> None:
        if not await self.store.transition(handoff.id, WAITING, WITHDRAWN, actor="staff", next_action=None,
                                           next_action_at=None):
            await turn_context.send_activity(say(handoff.lang, "relay.gone"))
            return
        log.info("handoff withdrawn", extra={"event": "handoff_withdrawn", "handoff_id": handoff.id})
        await turn_context.send_activity(say(handoff.lang, "relay.withdrawn"))
        await self._emit(turn_context, interop.handoff_status(turn_context.activity.conversation, interop.FAILED,
                                                              "withdrawn"))
        await self._update_cards(handoff, text_for("sv")["relay.card_withdrawn"], turn_context=turn_context)

    # --- socionom side ------------------------------------------------------------------------------

    async def _claim(self, turn_context: TurnContext, handoff: Handoff) -> None:
        activity = turn_context.activity
        lang = self._lang_of(turn_context)
        sender = activity.from_property
        claimer_id = (sender.aad_object_id or sender.id) if sender else None
        if not claimer_id:
            return
        name = (sender.name if sender else None) or text_for(lang)["relay.default_role"]
        role = plan.role_of(handoff.route, claimer_id) or text_for(lang)["relay.default_role"]
        personal = await self._references.find(plan.USER, claimer_id)
        reference = personal or TurnContext.get_conversation_reference(activity)
        won = await self.store.transition(
            handoff.id, CLAIMABLE, CLAIMED, actor="socionom", next_action=None, next_action_at=None,
            claimed_by=claimer_id, claimer_name=name, claimer_role=role,
            claimer_conversation_id=reference.conversation.id, claimer_reference=reference.serialize())
        if not won:
            current = await self.store.get(handoff.id)
            if current is not None and current.claimed_by:
                await turn_context.send_activity(say(lang, "relay.already_taken", name=current.claimer_name))
            else:
                await turn_context.send_activity(say(lang, "relay.gone"))
            await self.store.record(handoff.id, "claim_lost", "socionom")
            return
        log.info("handoff claimed", extra={"event": "handoff_claimed", "handoff_id": handoff.id})
        handoff = await self.store.get(handoff.id)
        assert handoff is not None
        district = self._district(handoff)
        await self._update_cards(handoff, say("sv", "relay.taken", name=name), turn_context=turn_context)
        intro = [MessageFactory.attachment(cards.note_card(lang, handoff.note or {}, district)),
                 MessageFactory.attachment(cards.end_card(lang, say(
                     lang, "relay.claimed_you", who=self._staff_label(handoff, lang)), handoff.id))]
        await self._send(handoff.claimer_reference, intro, turn_context=turn_context)
        staff_lang = handoff.lang
        await self._send(handoff.staff_reference, [
            MessageFactory.attachment(cards.end_card(staff_lang, say(staff_lang, "relay.claimed_staff", name=name,
                                                                     role=role), handoff.id)),
            MessageFactory.text(say(staff_lang, "relay.privacy")),
            interop.handoff_status(self._conversation(handoff.staff_reference), interop.ACCEPTED, None),
        ], turn_context=turn_context)
        await self.store.transition(handoff.id, (CLAIMED,), ACTIVE, actor="system")

    async def _on_socionom_message(self, turn_context: TurnContext, handoff: Handoff) -> None:
        text = turn_context.activity.text or ""
        if _command(text) in _words("sv", "relay.words.end"):
            await self._end(turn_context, handoff, by="socionom")
            return
        if not text.strip():
            return
        scrubbed = scrub(text)
        await self.store.add_message(handoff.id, "socionom", scrubbed.text, scrubbed.kinds)
        who = f"{handoff.claimer_name} ({handoff.claimer_role})"
        await self._send(handoff.staff_reference, [MessageFactory.text(say(handoff.lang, "relay.from", who=who,
                                                                           text=scrubbed.text))],
                         turn_context=turn_context)
        if scrubbed.kinds:
            await turn_context.send_activity(say("sv", "relay.masked"))

    async def _end(self, turn_context: TurnContext, handoff: Handoff, *, by: str) -> None:
        if not await self.store.transition(handoff.id, TALKING, CLOSED, actor=by, closed_by=by):
            await turn_context.send_activity(say(self._lang_of(turn_context), "relay.gone"))
            return
        log.info("handoff closed", extra={"event": "handoff_closed", "handoff_id": handoff.id, "closed_by": by})
        staff_text = "relay.ended_staff" if by == "staff" else "relay.ended_by_socionom"
        socionom_text = "relay.ended_by_staff" if by == "staff" else "relay.outcome.ask"
        await self._send(handoff.staff_reference, [
            MessageFactory.text(say(handoff.lang, staff_text, name=handoff.claimer_name or "")),
            interop.handoff_status(self._conversation(handoff.staff_reference), interop.COMPLETED, by),
        ], turn_context=turn_context)
        await self._send(handoff.claimer_reference, [MessageFactory.attachment(cards.outcome_choice_card(
            "sv", text_for("sv")[socionom_text] if by == "staff" else "", handoff.id))], turn_context=turn_context)

    async def _set_outcome(self, turn_context: TurnContext, handoff: Handoff, outcome: str) -> None:
        if outcome not in cards.OUTCOMES or not await self.store.update(handoff.id, states=(CLOSED,),
                                                                        where_null="outcome", outcome=outcome):
            await turn_context.send_activity(say("sv", "relay.gone"))
            return
        await self.store.record(handoff.id, "outcome", "socionom", outcome)
        route = handoff.route
        await self._send(handoff.staff_reference, [MessageFactory.attachment(cards.result_card(
            handoff.lang, handoff_id=handoff.id, outcome=outcome, district=self._district(handoff),
            eservice_url=self._settings.eservice_url, intake=plan.intake_units(route),
            early_support=plan.early_support_units(route)))], turn_context=turn_context)
        await turn_context.send_activity(say("sv", "relay.outcome.saved"))

    async def _rate(self, turn_context: TurnContext, handoff: Handoff, rating: Any) -> None:
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

    # --- timers -------------------------------------------------------------------------------------

    async def run_due(self, owner: str | None = None, *, lease_seconds: float = 120.0) -> int:
        """Run every due timer this process can lease; returns how many actions it performed."""
        owner = owner or uuid.uuid4().hex
        done = 0
        for handoff_id in await self.store.due():
            action = await self.store.lease(handoff_id, owner, lease_seconds)
            if action is None:
                continue  # another process holds it
            try:
                if action == ESCALATE:
                    await self._escalate(handoff_id)
                    done += 1
                else:
                    await self.store.update(handoff_id, next_action=None, next_action_at=None)
            except Exception as error:  # one failing handoff must not stop the others; retried after the lease
                log.error("handoff timer failed", extra={"event": "handoff_timer_failed", "handoff_id": handoff_id,
                                                         "error_type": type(error).__name__})
            finally:
                await self.store.release(handoff_id, owner)
        return done

    async def _escalate(self, handoff_id: str) -> None:
        handoff = await self.store.get(handoff_id)
        if handoff is None or handoff.state not in WAITING:
            await self.store.update(handoff_id, next_action=None, next_action_at=None)
            return
        availability = await self._availability(handoff)
        stage = handoff.stage
        for next_stage in range(stage + 1, plan.LAST_STAGE + 1):
            found = await self._new_recipients(handoff, next_stage, availability)
            if not found:
                continue
            moved = await self.store.transition(handoff_id, WAITING, ESCALATED, actor="timer", at_stage=stage,
                                                detail=f"stage{next_stage}", stage=next_stage,
                                                next_action=ESCALATE,
                                                next_action_at=self.store.now() + self.claim_timeout)
            if not moved:
                return
            handoff = await self.store.get(handoff_id)
            assert handoff is not None
            sent = await self._offer(handoff, next_stage, availability, recipients=found)
            key = "relay.escalated_channel" if next_stage == plan.CHANNELS else "relay.escalated_backup"
            await self._send(handoff.staff_reference, [MessageFactory.text(say(
                handoff.lang, key, district=self._district(handoff)))])
            await self.store.record(handoff_id, "told_staff", "timer", f"escalated:stage{next_stage}:{len(sent)}")
            return
        if not await self.store.transition(handoff_id, WAITING, EXPIRED, actor="timer", at_stage=stage,
                                           next_action=None, next_action_at=None):
            return
        log.info("handoff expired", extra={"event": "handoff_expired", "handoff_id": handoff_id})
        phone = next((u.get("phone") for u in plan.intake_units(handoff.route) if u.get("phone")), None)
        await self._send(handoff.staff_reference, [
            MessageFactory.text(say(handoff.lang, "relay.expired", district=self._district(handoff),
                                    phone=f": {phone}" if phone else "")),
            MessageFactory.text(self._acute_advice(handoff.lang, handoff.route)),
            interop.handoff_status(self._conversation(handoff.staff_reference), interop.FAILED, "expired"),
        ])
        await self.store.record(handoff_id, "told_staff", "timer", "expired")
        await self._update_cards(handoff, text_for("sv")["relay.card_expired"])

    # --- retention ----------------------------------------------------------------------------------

    async def purge(self) -> PurgeResult:
        """Delete transcripts and blank notes older than the retention period; counts stay."""
        days = self._settings.retention_days
        result = await self.store.purge(self.store.now() - timedelta(days=days))
        notes = await self._records.purge(days) if self._records is not None else 0
        conversations = (await self._storage.purge_conversations(self.store.now() - timedelta(days=days))
                         if self._storage is not None else 0)
        log.info("handoff purge", extra={"event": "handoff_purged", "messages": result.messages,
                                         "handoffs": result.handoffs, "notes": notes, "count": conversations})
        return PurgeResult(messages=result.messages, handoffs=result.handoffs, notes=notes,
                           conversations=conversations)

    # --- helpers ------------------------------------------------------------------------------------

    async def _new_recipients(self, handoff: Handoff, stage: int,
                              availability: plan.Availability) -> list[plan.Recipient]:
        already = await self.store.notified_targets(handoff.id)
        found = []
        for recipient in plan.recipients(handoff.route, stage, availability):
            if (recipient.kind, recipient.target_id) in already:
                continue
            if await self._references.find(recipient.kind, recipient.target_id) is None:
                continue  # never installed the app / the bot is not in that team: cannot be reached
            found.append(recipient)
        return found

    async def _offer(self, handoff: Handoff, stage: int, availability: plan.Availability, *,
                     recipients: Sequence[plan.Recipient] | None = None) -> list[plan.Recipient]:
        """Send the offer card to the stage's recipients; returns those reached."""
        if recipients is None:
            recipients = await self._new_recipients(handoff, stage, availability)
        waited = int((self.store.now() - handoff.requested_at).total_seconds() // 60) if stage else None
        reached: list[plan.Recipient] = []
        for recipient in recipients:
            reference = await self._references.find(recipient.kind, recipient.target_id)
            if reference is None:
                continue
            card = self._offer_card(handoff, waited_minutes=waited)
            try:
                ids = await self._send(reference.serialize(), [MessageFactory.attachment(card)])
            except Exception as error:  # an unreachable recipient must not stop the others
                log.warning("offer not delivered", extra={"event": "handoff_offer_failed", "handoff_id": handoff.id,
                                                          "target_kind": recipient.kind,
                                                          "error_type": type(error).__name__})
                continue
            await self.store.add_notice(handoff.id, kind=recipient.kind, target_id=recipient.target_id, stage=stage,
                                        conversation_id=reference.conversation.id,
                                        activity_id=ids[0] if ids else None, lang="sv")
            reached.append(recipient)
        if reached:
            current = await self.store.get(handoff.id)
            if current is not None and current.state not in WAITING:
                # Claimed or withdrawn while these cards were on their way: bring them up to date too.
                await self._update_cards(current, self._status_text(current))
        return reached

    def _offer_card(self, handoff: Handoff, *, waited_minutes: int | None = None,
                    status: str | None = None) -> Attachment:
        return cards.offer_card("sv", handoff_id=handoff.id, district=self._district(handoff, "sv"),
                                requested_at=handoff.requested_at.astimezone(self._zone),
                                categories=handoff.categories, urgency=handoff.urgency,
                                waited_minutes=waited_minutes, status=status)

    @staticmethod
    def _status_text(handoff: Handoff) -> str:
        if handoff.claimer_name:
            return say("sv", "relay.taken", name=handoff.claimer_name)
        if handoff.state == WITHDRAWN:
            return text_for("sv")["relay.card_withdrawn"]
        return text_for("sv")["relay.card_expired"]

    async def _update_cards(self, handoff: Handoff, status: str, *, turn_context: TurnContext | None = None) -> None:
        """Replace every offer card sent about *handoff* with one showing *status* (no button)."""
        for notice in await self.store.notices(handoff.id):
            if not notice.activity_id:
                continue
            update = MessageFactory.attachment(self._offer_card(handoff, status=status))
            update.id = notice.activity_id
            try:
                current = turn_context.activity.conversation.id if turn_context is not None else None
                if turn_context is not None and current == notice.conversation_id:
                    await turn_context.update_activity(update)
                else:
                    reference = await self._references.find(notice.kind, notice.target_id)
                    if reference is None:
                        continue

                    async def replace(context: TurnContext, update: Activity = update) -> None:
                        await context.update_activity(update)

                    await self._adapter.continue_conversation(reference, replace, self._settings.app_id)
                await self.store.notice_updated(notice.id)
            except Exception as error:  # a card we cannot update must not block the handoff
                log.warning("card not updated", extra={"event": "handoff_card_update_failed",
                                                       "handoff_id": handoff.id, "error_type": type(error).__name__})

    async def _send(self, reference: Mapping[str, Any] | None, activities: Sequence[Activity], *,
                    turn_context: TurnContext | None = None) -> list[str | None]:
        """Send *activities* to the conversation of *reference* (in this turn if it is that conversation)."""
        if reference is None:
            return []
        ref = ConversationReference().deserialize(dict(reference))
        ids: list[str | None] = []

        async def deliver(context: TurnContext) -> None:
            for activity in activities:
                if activity.type == "event":
                    await self._emit(context, activity)
                    ids.append(None)
                    continue
                response = await context.send_activity(activity)
                ids.append(response.id if response is not None else None)

        if turn_context is not None and turn_context.activity.conversation is not None and \
                turn_context.activity.conversation.id == ref.conversation.id:
            await deliver(turn_context)
        else:
            await self._adapter.continue_conversation(ref, deliver, self._settings.app_id)
        return ids

    @staticmethod
    async def _emit(context: TurnContext, event: Activity) -> None:
        """Send a handoff event activity; channels that refuse events must not break the handoff."""
        try:
            await context.send_activity(event)
        except Exception as error:  # best effort: interop events are informational
            log.info("handoff event not delivered", extra={"event": "handoff_event_failed",
                                                           "error_type": type(error).__name__})

    @staticmethod
    def _conversation(reference: Mapping[str, Any] | None) -> Any:
        return ConversationReference().deserialize(dict(reference)).conversation if reference else None

    async def _availability(self, handoff: Handoff) -> plan.Availability:
        """Open now / next opening / on call now, from a fresh Directory when routing can give one."""
        now = self.store.now()
        route = handoff.route
        units = plan.unit_ids(route)
        directory = None
        try:
            directory = await self._routing.directory()
        except Exception as error:  # routing unavailable: fall back to the decision stored with the request
            log.warning("routing directory unavailable", extra={"event": "handoff_directory_unavailable",
                                                                "error_type": type(error).__name__})
        if directory is not None and units:
            open_now = any(directory.is_open(unit_id, now) for unit_id in units)
            openings = [t for u in units if (t := directory.next_opening(u, now)) is not None]
            on_call = []
            for shift in directory.on_call_at(now, units):
                contact = directory.contact(shift.contact_id)
                if contact is not None and contact.active:
                    on_call.append({"name": contact.name, "role": contact.role,
                                    "teams_user_id": contact.teams_user_id, "priority": contact.priority})
            return plan.Availability(open_now, None if open_now else min(openings, default=None), tuple(on_call))
        after = route.get("after_hours") or {}
        next_opening = after.get("next_opening")
        on_call = tuple(c for c in plan.people(route)
                        if any(r.get("code") == "on_call" for r in c.get("reasons") or []))
        return plan.Availability(bool(after.get("open_now", True)),
                                 datetime.fromisoformat(next_opening) if next_opening else None, on_call)

    @staticmethod
    def _urgency(note: Mapping[str, Any], route: Mapping[str, Any]) -> str:
        if note.get("acute") or note.get("outcome") == "acute" or route.get("outcome") == "acute":
            return "acute"
        if note.get("outcome") == "report" or route.get("outcome") == "report":
            return "high"
        return "normal"

    def _district(self, handoff: Handoff, lang: str | None = None) -> str:
        return plan.district_name(handoff.route) or text_for(lang or handoff.lang)["relay.unknown_district"]

    def _staff_label(self, handoff: Handoff, lang: str) -> str:
        if handoff.share_name and handoff.staff_name:
            return handoff.staff_name
        return say(lang, "relay.staff_anonymous", district=self._district(handoff, lang))

    def _closed_text(self, lang: str, district: str, opens: datetime | None) -> str:
        if opens is None:
            return say(lang, "relay.closed_hours_unknown", district=district)
        return say(lang, "relay.closed_hours", district=district, opens=when_text(lang, opens, self._zone))

    @staticmethod
    def _acute_advice(lang: str, route: Mapping[str, Any]) -> str:
        phone = plan.socialjour_phone(route)
        return say(lang, "relay.acute_advice", phone=f" ({phone})" if phone else "")
