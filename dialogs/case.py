"""The consultation's case: the plain dict dialog state keeps — what is known so far, the next thing to ask, the
answers the assessment reads, and the note it makes. Pure functions; the dialog (`dialogs.consultation`) owns the
turns."""

from __future__ import annotations

import logging
from typing import Any

from dialogs.description import merge_understood, more_urgent, ordered, understood_items, without_alarm
from dialogs.text import text_for
from knowledge.assessment import Answers, Category
from knowledge.scrub import KIND_ORDER

log = logging.getLogger(__name__)
DANGER_NOW = "immediate_danger"  # the acute code when the staff member answers "Ja" to the danger question
PII_KINDS = KIND_ORDER
_ANSWER_BOOL = {"yes": True, "no": False, "unsure": None}
CATEGORY_ORDER = [c.value for c in Category]

Case = dict[str, Any]


def masked_kinds(lang: str, kinds: frozenset[str] | set[str] | list[str]) -> str:
    """The masked kinds in words: "personnummer och telefonnummer"."""
    text = text_for(lang)
    words = [text[f"pii.{kind}"] for kind in PII_KINDS if kind in kinds]
    if len(words) > 1:
        return f"{', '.join(words[:-1])} {text['list.and']} {words[-1]}"
    return words[0] if words else ""


def next_question(case: Case) -> str:
    """The next unknown thing to ask: danger first, then what was understood, the place, and the rest."""
    if case.get("guided"):
        return "final"  # guidance once; coming back after a handoff, the choice is offered again
    understood = case.get("understood") or {}
    if case.get("danger") is None and understood.get("safe_today") is None and not case.get("acute_shown"):
        return "danger"  # danger never waits on anything else
    if case.get("summary") and set(understood_items(understood)) - set(case.get("confirmed") or ()):
        return "understood"
    if not case.get("place"):
        return "place"
    if not case.get("summary") and not case.get("words_done"):
        return "words"
    corrected = case.get("correcting")
    if not case.get("categories") and (corrected or not understood.get("categories")):
        return "concern"
    if case.get("duration") is None and (corrected or understood.get("duration") is None):
        return "duration"
    if case.get("child_told") is None and understood.get("child_told") is None:
        return "child_told"
    if case.get("age") is None and (corrected or understood.get("age_band") is None) and not is_unsafe(case):
        return "age"
    return "final"


def is_unsafe(case: Case) -> bool:
    """Whether the staff member or the text said the child is not safe (and it was not a false alarm)."""
    if case.get("danger") == "yes":
        return True
    return (case.get("understood") or {}).get("safe_today") is False and not case.get("dismissed")


def add_description(case: Case, described: dict[str, Any]) -> None:
    """Add a description (codes and scrubbed text) to the case; an unsafe reading raises the alarm."""
    if described.get("masked"):
        log.info("masked", extra={"event": "scrubbed", "kinds": described["masked"]})
        case["masked"] = sorted({*case.get("masked", ()), *described["masked"]})
    summary = described.get("summary") or ""
    case["summary"] = f"{case['summary']}\n{summary}" if case.get("summary") and summary else (
        case.get("summary") or summary or None)
    case["understood"] = merge_understood(case.get("understood"), described["understood"])
    case["assessment"] = more_urgent(described["assessment"], case.get("assessment"))
    new = described["understood"]
    unsafe = new.get("safe_today") is False or new.get("acute_code") or described["assessment"].get("acute")
    if unsafe and not case.get("acute_pending"):
        case["acute_pending"] = new.get("acute_code") or described["assessment"].get("acute_code") or DANGER_NOW


def answers_of(case: Case) -> Answers:
    """The card answers and what the text said, combined so that the more worrying one counts."""
    understood = case.get("understood") or {}
    text_safe = understood.get("safe_today")
    if case.get("dismissed") and text_safe is False:
        text_safe = None
    card_safe = {"yes": False, "no": True}.get(case.get("danger") or "")
    safe = [value for value in (card_safe, text_safe) if value is not None]
    told = [value for value in (_ANSWER_BOOL.get(case.get("child_told") or ""), understood.get("child_told"))
            if value is not None]
    text_categories = [] if case.get("correcting") else list(understood.get("categories") or ())
    categories = ordered({*(case.get("categories") or ()), *text_categories,
                          *((case.get("assessment") or {}).get("categories") or ())}, CATEGORY_ORDER)
    duration = case.get("duration") or understood.get("duration")
    return Answers(duration=duration, child_told=(True in told) if told else None,
                   safe_today=(False not in safe) if safe else None, categories=tuple(categories))


def note_of(case: Case, lang: str, *, day: str, acute: bool, outcome: str) -> dict[str, Any]:
    """The konsultationsanteckning (avidentifierad): codes, the day, the district, the scrubbed description."""
    place = case.get("place") or {}
    assessment = case.get("final") or case.get("assessment") or {}
    if case.get("dismissed") and assessment:
        assessment = without_alarm(assessment)
    understood = case.get("understood") or {}
    categories = ordered({*(case.get("categories") or ()), *(assessment.get("categories") or ()),
                          *(understood.get("categories") or ())}, CATEGORY_ORDER)
    return {
        "day": day,
        "district_id": place.get("district_id"),
        "age_band": case.get("age") or understood.get("age_band"),
        "categories": categories,
        "signals": list(understood.get("signals") or ()),
        "reasons": list(assessment.get("reasons") or ()),
        "summary": case.get("summary"),
        "duration": case.get("duration") or understood.get("duration"),
        "acute": acute,
        "outcome": outcome,
        "handoff_requested": bool(case.get("handoff_requested")),
        "lang": lang,
    }


def handoff_options(case: Case) -> dict[str, Any]:
    """What the hosted handoff is begun with: the note, its id, the route and the place."""
    return {"note": case.get("note"), "note_id": case.get("note_id"), "route": case.get("route"),
            "place": case.get("place")}
