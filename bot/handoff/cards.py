"""Adaptive Cards (1.5) of the handoff: the offer socionoms see, the note, the outcome and rating cards.

The offer card is content-free by design: district, time, concern categories and urgency — never the
staff member's words. The note (already scrubbed) goes to the claimer only. Each card is its plain JSON
content; the Teams edge wraps it as an attachment when it sends it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from bot.handoff.ports import Card
from dialogs import cardkit
from dialogs.cardkit import facts as _facts
from dialogs.cardkit import para as _para
from dialogs.cardkit import plain as _plain
from dialogs.cardkit import submit as _submit
from dialogs.cardkit import title as _title
from dialogs.text import reason_text, say, text_for
from routing.route import UnitRoute

CLAIM = "handoff.claim"
WITHDRAW = "handoff.withdraw"
END = "handoff.end"
OUTCOME = "handoff.outcome"
RATE = "handoff.rate"
FOCUS = "handoff.focus"
ACTIONS = frozenset({CLAIM, WITHDRAW, END, OUTCOME, RATE, FOCUS})
OUTCOMES = ("report", "early_support", "observe", "no_action")
RATINGS = (1, 2, 3, 4, 5)


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, *, fallback: str = "") -> Card:
    """The card's content, from the dialogs' card kit (one place for version, schema and empty-text rules)."""
    return cardkit.card_content(body, actions, fallback=fallback)


def category_names(lang: str, categories: Sequence[str]) -> str:
    """The concern categories in words."""
    text = text_for(lang)
    return ", ".join(text.get(f"category.{code}", code) for code in categories)


# What the offer card shows, each field by name.
def offer_card(lang: str, *, handoff_id: str, district: str, requested_at: datetime,  # noqa: PLR0913
               categories: Sequence[str], urgency: str, waited_minutes: int | None = None,
               status: str | None = None, requested_text: str | None = None,
               waited_for_opening: bool = False) -> Card:
    """The card socionoms get: no words from the staff member; *status* replaces the button once decided.

    *requested_text* says when the staff member asked ("söndag 29/11 kl. 20:15"); *waited_for_opening* adds
    that the request came outside office hours and waited for the unit to open.
    """
    text = text_for(lang)
    facts = [(text["relay.offer.district"], district),
             (text["relay.offer.time"], requested_text or requested_at.strftime("%Y-%m-%d %H:%M")),
             (text["relay.offer.categories"], category_names(lang, categories)),
             (text["relay.offer.urgency"], text.get(f"relay.urgency.{urgency}", urgency))]
    body = [_title(text["relay.offer.title"]), _facts(facts)]
    if waited_for_opening and status is None:
        body.append(_para(say(lang, "relay.offer.after_hours", when=requested_text or ""), color="Attention"))
    if waited_minutes and status is None:
        body.append(_para(say(lang, "relay.offer.backup", minutes=waited_minutes), color="Attention"))
    if status is not None:
        body.append(_para(status, weight="Bolder"))
        return _card(body, fallback=f"{text['relay.offer.title']}: {status}")
    body.append(_para(text["relay.offer.privacy"], isSubtle=True, size="Small"))
    actions = [_submit(text["relay.claim"], {"action": CLAIM, "handoff_id": handoff_id}, style="positive")]
    return _card(body, actions, fallback=text["relay.offer.title"])


def choose_handoff_card(lang: str, message: str, options: Sequence[tuple[str, str]], carried: str) -> Card:
    """For a socionom in several conversations: which one the message *carried* (already scrubbed) goes to."""
    actions = [_submit(label, {"action": FOCUS, "handoff_id": handoff_id, "text": carried})
               for handoff_id, label in options]
    return _card([_para(message)], actions, fallback=message)


def _day(value: object) -> str:
    """The note's day (YYYY-MM-DD), never a time of day; "" when it is not a day."""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return ""


def signal_names(lang: str, signals: Sequence[str]) -> str:
    """What Samråd understood from the staff member's words (signal codes), in words."""
    text = text_for(lang)
    return ", ".join(text.get(f"understood.signal.{code}", code) for code in signals)


def note_card(lang: str, note: Mapping[str, Any], district: str) -> Card:
    """The scrubbed konsultationsanteckning, for the claimer only: the day (no time), district, age band, the
    understanding in words (categories, signals, the reasons Samråd gave the staff member), then the description."""
    text = text_for(lang)
    facts = [(text["relay.note.day"], _day(note.get("day"))),
             (text["relay.offer.district"], district),
             (text["relay.note.age"], text.get(f"q.age.{note.get('age_band')}", "")),
             (text["relay.offer.categories"], category_names(lang, note.get("categories") or [])),
             (text["relay.note.signals"], signal_names(lang, note.get("signals") or [])),
             (text["relay.note.duration"], text.get(f"q.duration.{note.get('duration')}", "")),
             (text["relay.note.guidance"], text.get(f"outcome.{note.get('outcome')}", "") or "")]
    body = [_title(text["relay.note.title"]), _facts(facts)]
    reasons = [found for code in note.get("reasons") or [] if (found := reason_text(lang, str(code)))]
    if reasons:
        body.append(_para(text["relay.note.reasons"], weight="Bolder"))
        body += [_para(f"- {reason}", spacing="None") for reason in reasons]
    if note.get("summary"):
        body += [_para(text["relay.note.summary"], weight="Bolder"), _para(_plain(str(note["summary"])))]
    return _card(body, fallback=text["relay.note.title"])


def end_card(lang: str, message: str, handoff_id: str) -> Card:
    """*message* with a button that ends the conversation."""
    return _card([_para(message)], [_submit(text_for(lang)["relay.end_button"],
                                            {"action": END, "handoff_id": handoff_id})], fallback=message)


def withdraw_card(lang: str, message: str, handoff_id: str) -> Card:
    """*message* with a button that withdraws the waiting request."""
    return _card([_para(message)], [_submit(text_for(lang)["relay.withdraw_button"],
                                            {"action": WITHDRAW, "handoff_id": handoff_id})], fallback=message)


def outcome_choice_card(lang: str, message: str, handoff_id: str) -> Card:
    """For the socionom: the four outcomes."""
    text = text_for(lang)
    # No empty text block when there is nothing to say before the question.
    body = [*([_para(message)] if message else []), _para(text["relay.outcome.ask"], weight="Bolder")]
    actions = [_submit(text[f"relay.outcome.{code}"], {"action": OUTCOME, "handoff_id": handoff_id,
                                                       "outcome": code}) for code in OUTCOMES]
    return _card(body, actions, fallback=text["relay.outcome.ask"])


def result_card(lang: str, *, handoff_id: str, outcome: str, district: str, eservice_url: str,
                intake: Sequence[UnitRoute], early_support: Sequence[UnitRoute]) -> Card:
    """For the staff member: the outcome, the concrete next step and a one-click rating."""
    text = text_for(lang)
    body: list[dict[str, Any]] = [
        _title(text["relay.result.title"]),
        _para(say(lang, "relay.result.outcome", outcome=text[f"relay.outcome.{outcome}"]), weight="Bolder"),
    ]
    actions: list[dict[str, Any]] = []
    if outcome == "report":
        body.append(_para(text["relay.next.report"]))
        body.append(_para(f"[{text['relay.next.report_link']}]({eservice_url})"))
        for found in intake:
            if found.unit.phone:
                body.append(_para(say(lang, "relay.next.intake", district=_plain(found.unit.name or district),
                                      phone=_plain(found.unit.phone))))
        actions.append({"type": "Action.OpenUrl", "title": text["relay.next.report_link"], "url": eservice_url})
    elif outcome == "early_support":
        body.append(_para(text["relay.next.early_support"]))
        body.append(_facts([(_plain(found.unit.name), " · ".join(
            _plain(value) for value in (found.unit.phone, found.unit.url, found.unit.email) if value))
            for found in early_support]))
    else:
        body.append(_para(text[f"relay.next.{outcome}"]))
    body.append(_para(text["relay.rate.ask"], weight="Bolder", spacing="Large"))
    body.append({"type": "ActionSet", "actions": [
        _submit(str(n), {"action": RATE, "handoff_id": handoff_id, "rating": n}) for n in RATINGS]})
    return _card(body, actions, fallback=text["relay.result.title"])
