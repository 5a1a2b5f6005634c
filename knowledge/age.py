"""The child's age band from the staff member's own words ("en pojke, 4 år", "vår treåring", "18 månader").

Runs on the raw text in memory, like `understand`; returns only a band code, never the age itself. A number of
years or months counts as the child's age only where Swedish (or English) says it is one: "är 4 år",
"(4 år)", "4 år gammal", "en flicka på 3 år", "4-åring", "18 månader gammal", "a 3 year old". Durations
("i 2 år", "sedan 3 månader", "har jobbat 10 år") and ages above preschool age (a sibling of 8) say nothing.
When the text gives ages in different bands, it is unclear whom they belong to: None, and the dialog asks.
"""

from __future__ import annotations

import re
from enum import StrEnum


class AgeBand(StrEnum):
    """The bands the consultation note keeps (DOMAIN.md §7: an age band, never an exact age)."""

    UNDER_ONE = "0-1"
    ONE_TO_THREE = "1-3"
    THREE_TO_SIX = "3-6"


AGE_BANDS = tuple(AgeBand)

_NUMBER_WORDS = {"ett": 1, "en": 1, "one": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
                 "fem": 5, "five": 5, "sex": 6, "six": 6, "halvt": 0.5}
_NUMBER = r"(?P<n>\d{1,2}(?:[,.]5)?|ett|en|två|tre|fyra|fem|sex|one|two|three|four|five|six)"
_HALF = r"(?P<half>\s(?:och\s)?ett\shalvt|\sand\sa\shalf|½)?"
# "4-åring", "fyraåringen", "1,5-åring", "treåriga"
_ARING = re.compile(rf"(?<![\w,.]){_NUMBER}[-\s]?åri(?:ng|ngen|ngar|ngarna|g|ga)(?!\w)", re.IGNORECASE)
# "4 år", "3 och ett halvt år", "18 månader", "4 years", "18 months"
_AMOUNT = re.compile(
    rf"(?<![\w,.]){_NUMBER}{_HALF}[-\s]{{1,2}}(?P<unit>år|års|månader|månaders|mån|mnd|years?|months?|yrs?|mo)"
    r"(?P<old>[-\s]{1,2}(?:gammal|gamla|gml|gammalt|old))?(?!\w)",
    re.IGNORECASE,
)
# Words straight before an amount that make it an age ("är 4 år", "en pojke på 3 år", "fyller 5").
_AGE_BEFORE = frozenset({"är", "var", "blir", "blev", "fyller", "fyllde", "nyss", "knappt", "drygt", "bara", "ca",
                         "cirka", "ungefär", "typ", "nästan", "på", "is", "was", "turns", "turned", "aged", "age",
                         "ålder", "åldern", "(", ","})
# Words straight before an amount that make it a duration ("i 2 år", "sedan 3 månader").
_DURATION_BEFORE = frozenset({"i", "sedan", "för", "under", "efter", "inom", "senaste", "sista", "varje", "per",
                              "om", "in", "for", "since", "within", "after", "every", "last", "past", "jobbat",
                              "arbetat", "bott", "varit", "worked", "lived"})
_BABY = re.compile(r"(?<!\w)(?:bebis(?:en|ar|arna)?|spädbarn(?:et)?|nyfödd(?:a)?|baby|babyn|infant)(?!\w)",
                   re.IGNORECASE)


def age_band(text: str) -> str | None:
    """The band ("0-1", "1-3", "3-6") the text gives for the child's age, or None when it does not say."""
    bands: set[str] = set()
    for match in _ARING.finditer(text):
        bands.add(_band(_years(match.group("n")), months=False) or "")
    for match in _AMOUNT.finditer(text):
        if not _is_age(text, match):
            continue
        months = match.group("unit").lower().startswith(("mån", "mnd", "month", "mo"))
        value = _years(match.group("n")) + (0.5 if match.group("half") else 0)
        bands.add(_band(value, months=months) or "")
    if _BABY.search(text):
        bands.add("0-1")
    bands.discard("")
    return bands.pop() if len(bands) == 1 else None


def _is_age(text: str, match: re.Match[str]) -> bool:
    """Whether an amount of years or months is how old someone is, not how long something went on."""
    after = text[match.end() : match.end() + 10].lower()
    if after.lstrip().startswith(("sedan", "tillbaka", "ago", "framåt")):
        return False
    if match.group("old"):
        return True
    before = _word_before(text, match.start())
    if before in _DURATION_BEFORE:
        return False
    if before in _AGE_BEFORE:
        return True
    return after.startswith(")")  # "(pojke 4 år)"


def _word_before(text: str, position: int) -> str:
    """The word (or "(" or ",") straight before *position*, lower-cased; at most 20 characters are looked at."""
    window = text[max(0, position - 20) : position].rstrip()
    if window.endswith(("(", ",")):
        return window[-1]
    words = re.findall(r"\w+", window)
    return words[-1].lower() if words else ""


def _years(raw: str) -> float:
    """A number written in digits or as a word."""
    lower = raw.lower().replace(",", ".")
    return float(_NUMBER_WORDS[lower]) if lower in _NUMBER_WORDS else float(lower)


def _band(value: float, *, months: bool) -> str | None:
    """The band of an age (in years, or months); None above preschool age."""
    years = value / 12 if months else value
    if years < 1:
        return "0-1"
    if years < 3:
        return "1-3"
    if years <= 6:
        return "3-6"
    return None
