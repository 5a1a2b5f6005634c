"""Triage: one assessment of a free text and the card's answers; errs toward escalation, never says "do not report"."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from knowledge.acute import ACUTE_CATEGORIES
from knowledge.reading import SIGNAL_CODES, read


class Outcome(StrEnum):
    """Where the guidance leads (DOMAIN.md §5), from the most to the least urgent."""

    ACUTE = "acute"
    REPORT = "report"
    CONSULT = "consult"
    SUPPORT = "support"


class Category(StrEnum):
    """Kinds of concern (DOMAIN.md §4), plus family-support needs that are not harm."""

    PHYSICAL = "physical"
    NEGLECT = "neglect"
    EMOTIONAL = "emotional"
    SEXUAL = "sexual"
    PARENT = "parent"
    DOMESTIC_VIOLENCE = "domestic_violence"
    HONOUR = "honour"
    FAMILY_SUPPORT = "family_support"


# Highest first, so "at least X" is a comparison of ranks.
OUTCOME_ORDER = (Outcome.ACUTE, Outcome.REPORT, Outcome.CONSULT, Outcome.SUPPORT)
HARM_CATEGORIES = frozenset(Category) - {Category.FAMILY_SUPPORT}
# An account of these is itself a ground to report, whatever else is known.
REPORT_CATEGORIES = frozenset({Category.SEXUAL, Category.DOMESTIC_VIOLENCE, Category.HONOUR})
# DOMAIN.md §2: consult social services, not the guardians, first.
DO_NOT_TELL_FIRST = frozenset({Category.PHYSICAL, Category.SEXUAL, Category.DOMESTIC_VIOLENCE, Category.HONOUR})


class Duration(StrEnum):
    """How long the concern has gone on, as the staff member tells it."""

    TODAY = "today"
    WEEKS = "weeks"
    MONTHS = "months"
    UNKNOWN = "unknown"


DURATIONS = tuple(Duration)
PERSISTENT_DURATIONS = frozenset({Duration.WEEKS, Duration.MONTHS})

REASON_CODES = (
    "acute_signal",
    "unsafe_today",
    "category_found",
    "serious_category",
    "violence_account",
    "witnessed_violence",
    "child_told",
    "retracted_still_reportable",
    "persistent_concern",
    "injury_of_concern",
    "intoxicated_with_child",
    "honour_or_fgm",
    "staff_suspected",
    "only_support_needs",
    "unsure_recommend_consult",
    "no_harm_found_recommend_consult",
)

# Reasons that on their own ground a report (the rules of `assess` below): a report stays a report when the staff
# member says there is no acute danger.
REPORT_REASONS = frozenset({
    "serious_category", "violence_account", "witnessed_violence", "child_told", "retracted_still_reportable",
    "persistent_concern", "injury_of_concern", "intoxicated_with_child", "honour_or_fgm", "staff_suspected",
})
# The guidance article of the staff-suspected path (knowledge/content/{sv,en}/personal-misstanks.md).
STAFF_ARTICLE = "personal-misstanks"


@dataclass(frozen=True, slots=True)
class Answers:
    """What the staff member answered on the card; None means not answered."""

    duration: str | None = None
    child_told: bool | None = None
    safe_today: bool | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """The outcome with its categories, the stable reason codes behind it, and whether to tell guardians first."""

    acute: bool
    outcome: Outcome
    categories: tuple[Category, ...]
    reasons: tuple[str, ...]
    tell_guardians_first: bool
    acute_code: str | None = field(default=None)
    staff_suspected: bool = False  # a colleague or substitute is suspected: rektor/huvudman, police, social services
    signals: tuple[str, ...] = ()  # knowledge.understanding.SIGNAL_CODES found in the text


    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict for dialog state and the CLI."""
        return {
            "acute": self.acute,
            "outcome": str(self.outcome),
            "categories": [str(category) for category in self.categories],
            "reasons": list(self.reasons),
            "tell_guardians_first": self.tell_guardians_first,
            "staff_suspected": self.staff_suspected,
            "signals": list(self.signals),
        }


def at_least(outcome: Outcome, floor: Outcome) -> Outcome:
    """The more urgent of *outcome* and *floor*."""
    return min(outcome, floor, key=OUTCOME_ORDER.index)


def find_categories(text: str) -> frozenset[Category]:
    """The concern categories recognised, not negated, in *text*."""
    return frozenset(Category(name) for name in read(text).categories)


def assess(text: str, answers: Answers | None = None) -> Assessment:
    """Assess a description of a concern on the raw text, merged with the card's *answers*; the more urgent wins.

    The one assessment for the dialog, the note and `samrad triage`: it runs in memory on the unmasked,
    untruncated text, never logs it, and errs toward escalation; it never advises against reporting.
    """
    answers = answers or Answers()
    reading = read(text)
    reasons = set(reading.reasons)
    categories = {Category(name) for name in reading.categories}
    categories.update(Category(name) for name in answers.categories if name in Category.__members__.values())
    acute_code = reading.acute[0] if reading.acute else None
    if acute_code is not None:
        categories.update(Category(name) for name in ACUTE_CATEGORIES.get(acute_code, ()))
    harm = categories & HARM_CATEGORIES

    outcome = Outcome.SUPPORT
    if acute_code is not None:
        outcome = Outcome.ACUTE
        reasons.add("acute_signal")
    if answers.safe_today is False:
        outcome = Outcome.ACUTE
        reasons.add("unsafe_today")
    if harm:
        outcome = at_least(outcome, Outcome.CONSULT)
        reasons.add("category_found")
    if harm & REPORT_CATEGORIES:
        outcome = at_least(outcome, Outcome.REPORT)
        reasons.add("serious_category")
    if reading.report:
        outcome = at_least(outcome, Outcome.REPORT)
    if answers.child_told or (harm and reading.child_told):
        outcome = at_least(outcome, Outcome.REPORT)
        reasons.add("child_told")
    if harm and answers.duration in PERSISTENT_DURATIONS:
        outcome = at_least(outcome, Outcome.REPORT)
        reasons.add("persistent_concern")
    if outcome is Outcome.SUPPORT:
        if Category.FAMILY_SUPPORT in categories:
            reasons.add("only_support_needs")
        else:
            # Nothing recognised is not a reason to stand down: recommend consultation.
            outcome = Outcome.CONSULT
            reasons.add("no_harm_found_recommend_consult")
    elif outcome is Outcome.CONSULT:
        reasons.add("unsure_recommend_consult")
    if outcome is not Outcome.REPORT and outcome is not Outcome.ACUTE:
        reasons -= {"violence_account", "witnessed_violence", "persistent_concern", "injury_of_concern",
                    "intoxicated_with_child", "honour_or_fgm", "retracted_still_reportable"}

    unsafe = outcome is Outcome.ACUTE or answers.safe_today is False
    return Assessment(
        acute=outcome is Outcome.ACUTE,
        outcome=outcome,
        categories=tuple(category for category in Category if category in categories),
        reasons=tuple(code for code in REASON_CODES if code in reasons),
        tell_guardians_first=not (unsafe or reading.staff_suspected or categories & DO_NOT_TELL_FIRST),
        acute_code=acute_code,
        staff_suspected=reading.staff_suspected,
        signals=tuple(code for code in SIGNAL_CODES if code in reading.signals),
    )
