"""What the handoff says, in the staff member's or the socionom's language: texts, labels and the offer card."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.handoff import cards, plan
from bot.handoff.messages import card_message, text_message
from bot.handoff.model import WITHDRAWN, Handoff
from bot.handoff.ports import Card, Message
from dialogs.cardkit import plain
from dialogs.text import say, text_for, when_text
from routing.route import RouteDecision

# An offer sent this long after the request says that the request waited for the unit to open.
LATE_OFFER = timedelta(minutes=15)


def words(lang: str, key: str) -> set[str]:
    """The typed commands of *key* (e.g. "avsluta"), in *lang* and in both languages."""
    return {w.strip().lower() for w in text_for(lang)[key].split("|")} | {
        w.strip().lower() for other in ("sv", "en") for w in text_for(other)[key].split("|")}


def command(text: str | None) -> str:
    """*text* as a command: lower case, single spaces, no closing full stop or exclamation mark."""
    return " ".join((text or "").strip().lower().rstrip(".!").split())


def lang_of_locale(locale: str | None) -> str:
    """English for en-* locales, Swedish for everything else."""
    return "en" if (locale or "").lower().startswith("en") else "sv"


def district(route: RouteDecision, lang: str) -> str:
    """The district's name as shown in a message or card (made inert for Markdown: the tables are data)."""
    return plain(plan.district_name(route) or text_for(lang)["relay.unknown_district"])


def staff_label(handoff: Handoff, lang: str) -> str:
    """The staff member's name when they shared it, else "a member of staff in <district>"."""
    if handoff.share_name and handoff.staff_name:
        return handoff.staff_name
    return say(lang, "relay.staff_anonymous", district=district(handoff.route, lang))


def handoff_label(handoff: Handoff, lang: str, zone: ZoneInfo) -> str:
    """How a socionom tells their conversations apart: who, district, when asked."""
    return say(lang, "relay.focus.option", who=staff_label(handoff, lang),
               when=when_text(lang, handoff.requested_at, zone))


def idle_text(lang: str, idle: timedelta) -> str:
    """How long a relay may stay silent, in minutes or hours."""
    minutes = int(idle.total_seconds() // 60)
    if minutes % 60 or minutes < 60:
        return say(lang, "relay.duration.minutes", n=minutes)
    return say(lang, "relay.duration.hour") if minutes == 60 else say(lang, "relay.duration.hours", n=minutes // 60)


def closed_text(lang: str, district_name: str, opens: datetime | None, zone: ZoneInfo) -> str:
    """The unit is closed: when it opens, or that its hours are unknown."""
    if opens is None:
        return say(lang, "relay.closed_hours_unknown", district=district_name)
    return say(lang, "relay.closed_hours", district=district_name, opens=when_text(lang, opens, zone))


def acute_advice(lang: str, route: RouteDecision) -> str:
    """112 and socialjouren (with its number when the route has one)."""
    phone = plan.socialjour_phone(route)
    return say(lang, "relay.acute_advice", phone=f" ({phone})" if phone else "")


def request_messages(lang: str, handoff_id: str, district_name: str, *, route: RouteDecision,
                     availability: plan.Availability, waits: bool, zone: ZoneInfo) -> list[Message]:
    """What the staff member is told when the request is taken: acute advice first when the unit is closed."""
    messages: list[Message] = []
    if availability.open_now:
        messages.append(text_message(say(lang, "relay.sent", district=district_name)))
    else:
        # Outside office hours the first thing said is what to do if it cannot wait.
        messages.append(text_message(acute_advice(lang, route)))
        if waits:
            opens = when_text(lang, availability.next_opening, zone) if availability.next_opening else ""
            messages.append(text_message(say(lang, "relay.after_hours", district=district_name, opens=opens)))
        elif availability.on_call:
            messages.append(text_message(say(lang, "relay.sent_on_call", district=district_name) + " "
                                         + closed_text(lang, district_name, availability.next_opening, zone)))
        else:
            messages.append(text_message(say(lang, "relay.closed_hours_unknown", district=district_name)))
    messages.append(card_message(cards.withdraw_card(lang, say(lang, "relay.privacy"), handoff_id)))
    return messages


def waiting_text(handoff: Handoff, opens: datetime | None, zone: ZoneInfo) -> str:
    """"Still waiting", with the opening time when the request waits for the unit to open (*opens*)."""
    if opens is not None:
        return say(handoff.lang, "relay.waiting_for_opening", district=district(handoff.route, handoff.lang),
                   opens=when_text(handoff.lang, opens, zone))
    return say(handoff.lang, "relay.waiting")


def end_texts(handoff: Handoff, by: str, socionom_lang: str, idle: timedelta) -> tuple[str, str]:
    """What the staff member and the socionom are told when the relay closes (*by* staff, socionom or idle)."""
    if by == "idle":
        return (say(handoff.lang, "relay.idle_closed_staff", duration=idle_text(handoff.lang, idle)),
                say(socionom_lang, "relay.idle_closed_socionom", duration=idle_text(socionom_lang, idle)))
    if by == "staff":
        return say(handoff.lang, "relay.ended_staff"), say(socionom_lang, "relay.ended_by_staff")
    return say(handoff.lang, "relay.ended_by_socionom", name=plain(handoff.claimer_name or "")), ""


def offer_card(handoff: Handoff, lang: str, now: datetime, zone: ZoneInfo, *, stage: int = 0,
               status: str | None = None) -> Card:
    """The offer card of *stage* as drawn at *now* (how long it waited; with *status* once it is decided)."""
    waited = int((now - handoff.requested_at).total_seconds() // 60) if stage else None
    waited_for_opening = stage == 0 and now - handoff.requested_at >= LATE_OFFER
    return cards.offer_card(lang, handoff_id=handoff.id, district=district(handoff.route, lang),
                            requested_at=handoff.requested_at.astimezone(zone),
                            requested_text=when_text(lang, handoff.requested_at, zone),
                            categories=handoff.categories, urgency=handoff.urgency,
                            waited_minutes=waited, waited_for_opening=waited_for_opening, status=status)


def status_text(handoff: Handoff, lang: str) -> str:
    """The decided offer card's status line: taken by whom, withdrawn, or expired."""
    if handoff.claimer_name:
        return say(lang, "relay.taken", name=plain(handoff.claimer_name))
    if handoff.state == WITHDRAWN:
        return text_for(lang)["relay.card_withdrawn"]
    return text_for(lang)["relay.card_expired"]
