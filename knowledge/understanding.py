"""Understanding a staff member's own words: what the free text already tells, before anything is asked.

CONTRACT (shared by knowledge/ and dialogs/; change both together):
- `understand(text)` runs on the raw, unmasked, untruncated text, in memory only; nothing here logs or stores it.
- Every field is a stable code or a plain value, never a piece of the text.
- `None` means "the text does not say"; the dialog then asks, and only then.
- This first version is a thin layer over the existing lexicon; the Swedish-as-written engine replaces the
  body of `understand` without changing the shape of `Understanding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.acute import is_acute
from knowledge.assessment import Category, find_categories

# Signal codes the dialog may show back ("Jag uppfattade: ...") and the note may keep.
SIGNAL_CODES = (
    "injury",  # marks, bruises, burns, fractures seen
    "child_told",  # the child has said something
    "retracted",  # the child told and then took it back (still reportable)
    "ongoing_now",  # happening now / today
    "afraid_to_go_home",
    "intoxicated_now",  # a guardian intoxicated now, about to take the child
    "staff_suspected",  # a colleague or substitute is suspected
    "witnessed_violence",  # the child witnesses violence at home
    "repeated",  # a pattern: often, again, several times
)


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
        }


def understand(text: str) -> Understanding:
    """What *text* tells about a concern (raw text, in memory)."""
    signal = is_acute(text)
    categories = find_categories(text)
    return Understanding(
        is_concern=bool(signal or categories),
        categories=tuple(category for category in Category if category in categories),
        safe_today=False if signal else None,
        acute_code=signal.code if signal else None,
    )
