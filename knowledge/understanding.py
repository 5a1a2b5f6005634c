"""Understanding a staff member's own words: what the free text already tells, before anything is asked.

CONTRACT (shared by knowledge/ and dialogs/; change both together):
- `understand(text)` runs on the raw, unmasked, untruncated text, in memory only; nothing here logs or stores it.
- Every field is a stable code or a plain value, never a piece of the text.
- `None` means "the text does not say"; the dialog then asks, and only then.
- The engine is knowledge/reading/ (concepts, clauses, negation, time, agents) over knowledge/language.py
  (lemmas, compounds, spelling tolerance); `assess` in knowledge/assessment.py reads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.age import age_band
from knowledge.assessment import Category
from knowledge.language import warm_up
from knowledge.reading import SIGNAL_CODES, read

__all__ = ["SIGNAL_CODES", "Understanding", "understand", "warm_up"]
# Concepts that on their own make a text a description of a worry about a child.
CONCERN_CONCEPTS = frozenset({"worry", "injury", "fear", "hit", "violence", "intox", "intox_smell", "substance",
                              "hunger", "hygiene", "clothing", "illness", "no_care", "not_collected", "alone",
                              "emotional", "emotional_abuse", "parent_mh", "sexual_abuse", "genital_pain",
                              "sexual_behaviour", "honour", "control", "fgm", "dv", "support", "strangle", "retract",
                              "tired"})


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a free text tells about a concern, as codes; None where the text is silent."""

    is_concern: bool  # the text describes a worry about a child (not a greeting, a menu word or a bare question)
    categories: tuple[Category, ...] = ()
    signals: tuple[str, ...] = ()  # subset of SIGNAL_CODES, in that order
    duration: str | None = None  # "today" | "weeks" | "months" | "unknown" | None
    child_told: bool | None = None
    safe_today: bool | None = None  # False: danger now or afraid to go home; True: text says safe; None: silent
    acute_code: str | None = None  # knowledge.acute.ACUTE_CODES
    language: str = "sv"  # "sv" | "en" (the language the text is mostly written in)
    staff_suspected: bool = False  # a colleague or substitute is suspected (added with the engine; own path)
    age_band: str | None = None  # knowledge.age.AGE_BANDS: the child's age as the text gives it ("4 år", "treåring")
    extra: dict[str, Any] = field(default_factory=dict)  # engine detail for bench/debug, never text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict for dialog state (codes only)."""
        return {
            "is_concern": self.is_concern,
            "categories": [str(category) for category in self.categories],
            "signals": list(self.signals),
            "duration": self.duration,
            "child_told": self.child_told,
            "safe_today": self.safe_today,
            "acute_code": self.acute_code,
            "language": self.language,
            "staff_suspected": self.staff_suspected,
            "age_band": self.age_band,
        }


def understand(text: str) -> Understanding:
    """What *text* tells about a concern (raw text, in memory)."""
    reading = read(text)
    specific = reading.acute or reading.categories - {"family_support"} or reading.staff_suspected
    described = specific or (reading.concepts & CONCERN_CONCEPTS and not (
        reading.question and reading.concepts & CONCERN_CONCEPTS <= {"worry", "support"}))
    acute_code = reading.acute[0] if reading.acute else None
    return Understanding(
        is_concern=bool(described),
        categories=tuple(category for category in Category if category in reading.categories),
        signals=tuple(code for code in SIGNAL_CODES if code in reading.signals),
        duration=reading.duration,
        child_told=reading.child_told,
        safe_today=False if acute_code else (True if reading.safe_said else None),
        acute_code=acute_code,
        language=reading.language,
        staff_suspected=reading.staff_suspected,
        age_band=age_band(text),
        extra={"staff_suspected": reading.staff_suspected, "report": reading.report,
               "acute_codes": list(reading.acute)},
    )
