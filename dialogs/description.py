"""A staff member's description, read once in the turn it arrives: understood and assessed whole and unmasked,
and kept only as codes and scrubbed text. Pure functions over the plain dicts dialog state holds."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from knowledge.assessment import OUTCOME_ORDER, REASON_CODES, REPORT_REASONS, Category, assess
from knowledge.scrub import Scrubbed
from knowledge.understanding import SIGNAL_CODES, understand

log = logging.getLogger(__name__)
# How long a concern has lasted, least to most persistent: a later, longer account wins.
DURATION_RANK = ("unknown", "today", "weeks", "months")
# When reading fails, the dialog asks everything and recommends at least a consultation.
UNREAD: dict[str, Any] = {"is_concern": True, "categories": [], "signals": [], "duration": None, "child_told": None,
                          "safe_today": None, "acute_code": None, "language": "sv", "age_band": None}
UNASSESSED: dict[str, Any] = {"acute": False, "outcome": "consult", "categories": [],
                              "reasons": ["unsure_recommend_consult"], "tell_guardians_first": False,
                              "acute_code": None}


async def describe(raw: str, scrub: Callable[[str], Awaitable[Scrubbed]]) -> dict[str, Any]:
    """Understand and assess *raw* whole and unmasked; return only codes and the *scrub*-bed text (for state)."""
    scrubbed = await scrub(raw)
    return {
        "summary": scrubbed.text,
        "masked": sorted(scrubbed.kinds),
        "understood": understand_text(raw),
        "assessment": assess_text(raw),
    }


def understand_text(raw: str) -> dict[str, Any]:
    """The understanding of *raw* as the plain dict dialog state keeps (codes only)."""
    try:
        return understand(raw).to_dict()
    except Exception as error:  # a reading error must never stop the consultation: it asks instead
        log.error("understanding failed", extra={"event": "understanding_failed", "error_type": type(error).__name__})
        return dict(UNREAD)


def assess_text(raw: str) -> dict[str, Any]:
    """The assessment of *raw* alone, as a plain dict with its acute code."""
    try:
        assessment = assess(raw)
    except Exception as error:  # never silent and never lower than a consultation
        log.error("assessment failed", extra={"event": "assessment_failed", "error_type": type(error).__name__})
        return dict(UNASSESSED)
    return {**assessment.to_dict(), "acute_code": assessment.acute_code}


def ordered(values: set[str], order: tuple[str, ...] | list[str]) -> list[str]:
    """*values* in the order of *order* (codes keep one canonical order everywhere)."""
    return [value for value in order if value in values]


def merge_understood(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Two understandings as one: everything said counts, and the more worrying reading wins."""
    if not old:
        return dict(new)
    told = [value for value in (old.get("child_told"), new.get("child_told")) if value is not None]
    safe = [value for value in (old.get("safe_today"), new.get("safe_today")) if value is not None]
    durations = [d for d in (old.get("duration"), new.get("duration")) if d in DURATION_RANK]
    return {
        "is_concern": bool(old.get("is_concern") or new.get("is_concern")),
        "categories": ordered({*old.get("categories", ()), *new.get("categories", ())}, [c.value for c in Category]),
        "signals": ordered({*old.get("signals", ()), *new.get("signals", ())}, SIGNAL_CODES),
        "duration": max(durations, key=DURATION_RANK.index) if durations else None,
        "child_told": (True in told) if told else None,
        "safe_today": (False not in safe) if safe else None,
        "acute_code": old.get("acute_code") or new.get("acute_code"),
        "language": old.get("language") or new.get("language") or "sv",
        "age_band": old.get("age_band") or new.get("age_band"),
        "staff_suspected": bool(old.get("staff_suspected") or new.get("staff_suspected")),
    }


def more_urgent(first: dict[str, Any], second: dict[str, Any] | None) -> dict[str, Any]:
    """Two assessments (plain dicts) as one: the more urgent outcome, every category and reason."""
    if not first or not second:
        return dict(first or second or {})
    order = [str(outcome) for outcome in OUTCOME_ORDER]
    outcome = min(first["outcome"], second["outcome"], key=order.index)
    reasons = {*first.get("reasons", ()), *second.get("reasons", ())}
    return {
        "acute": outcome == "acute",
        "outcome": outcome,
        "categories": ordered({*first.get("categories", ()), *second.get("categories", ())},
                               [c.value for c in Category]),
        "reasons": _fitting_reasons(reasons, outcome),
        "tell_guardians_first": bool(first.get("tell_guardians_first") and second.get("tell_guardians_first")),
        "acute_code": first.get("acute_code") or second.get("acute_code"),
        "staff_suspected": bool(first.get("staff_suspected") or second.get("staff_suspected")),
    }


def _fitting_reasons(reasons: set[str], outcome: str) -> list[str]:
    """The reasons that still explain *outcome* once two assessments are merged."""
    if outcome != "consult":
        reasons -= {"unsure_recommend_consult", "no_harm_found_recommend_consult"}
    elif "category_found" in reasons:
        reasons -= {"no_harm_found_recommend_consult"}
    if outcome != "support":
        reasons -= {"only_support_needs"}
    return ordered(reasons, REASON_CODES)


def without_alarm(assessment: dict[str, Any]) -> dict[str, Any]:
    """*assessment* once the staff member said there is no acute danger: what the text shows stays, the alarm goes."""
    if "acute_signal" not in assessment.get("reasons", ()):
        return assessment
    reasons = set(assessment["reasons"]) - {"acute_signal"}
    outcome = assessment["outcome"]
    if outcome == "acute" and "unsafe_today" not in reasons:
        # Never lower than a consultation: when unsure, the bot recommends one.
        outcome = "report" if reasons & REPORT_REASONS else "consult"
        if outcome == "consult":
            found = "category_found" in reasons
            reasons.add("unsure_recommend_consult" if found else "no_harm_found_recommend_consult")
    return {**assessment, "acute": outcome == "acute", "outcome": outcome,
            "reasons": _fitting_reasons(reasons, outcome), "acute_code": None}


def understood_items(understood: dict[str, Any] | None) -> list[str]:
    """What to say back ("Jag uppfattade: ..."), as keys under "understood." in dialogs/text."""
    if not understood:
        return []
    items = [f"category.{category}" for category in understood.get("categories") or ()]
    for signal in understood.get("signals") or ():
        if signal == "injury" and "physical" in (understood.get("categories") or ()):
            continue  # "blåmärken eller skador" already says it
        items.append(f"signal.{signal}")
    if understood.get("child_told") and "signal.child_told" not in items:
        items.append("signal.child_told")
    duration = understood.get("duration")
    if duration in ("today", "weeks", "months") and not (duration == "today" and "signal.ongoing_now" in items):
        items.append(f"duration.{duration}")
    if understood.get("age_band"):
        items.append(f"age.{understood['age_band']}")
    if understood.get("safe_today") is True:
        items.append("safe")
    return items
