"""Reports of care left undone at home (DOMAIN.md §4 neglect and parent-related signs), told in everyday words: a
health problem that shows and lasts with care refused ("öronen rinner sen en månad, de har inte tid att gå till
vårdcentralen"), clothes wrong for the cold all season, a parent's drinking in the child's words with the child
fending alone, a powder or pills among the child's things, a parent taking pills to cope "ibland för många". Each is
a report; a single day, a cold or weather alone stays as it was (called from `read`, never when acute)."""

from __future__ import annotations

from knowledge.reading.explained import HARM
from knowledge.reading.subjects import _subject_kind
from knowledge.reading.text import Reading, _Text
from knowledge.reading.vocabulary import ADULTS

# Signs that make neglect more than a small thing, whatever the child's mood.
_NEGLECT_SERIOUS = ("no_care", "hunger", "unfed", "dry", "alone", "home_alone", "lasting_sign", "unmet_needs",
                    "weather", "cold_sign", "care_refused", "intox", "injury", "fear")
# How long: a month, weeks, a season.
_LASTING = ("months", "weeks", "whole_period", "pattern")


def _untreated(text: _Text) -> bool:
    """Whether a health problem that shows has lasted and the carer will not take the child to care."""
    refused = text.has("care_refused") or any(hit.concept == "care_refused" for hit in text.negated)
    lasting = text.has(*_LASTING) or any(token.surface in {"månad", "månader", "veckor", "month", "weeks"}
                                         for token in text.tokens)
    return text.has("lasting_sign") and (refused or lasting)


def _cold_all_season(text: _Text) -> bool:
    """Whether a child comes in clothes wrong for the cold for a whole season or every day."""
    thin = text.of("clothing", "thin_clothes")
    return any(text.in_sentence(hit.sentence, "weather", "cold_sign") for hit in thin) and text.has(
        "whole_period", "pattern", "weeks", "months")


def _drinking_alone(text: _Text) -> bool:
    """Whether a child tells of a parent's drinking and sleeping or fending alone, more than once."""
    return text.has("drinking_told") and text.has("asleep", "fends_alone", "out_cold", "lying_floor") and text.has(
        "pattern", "whole_period", "weeks", "months")


def _drugs_in_reach(text: _Text) -> bool:
    """Whether a powder or pills were found among the child's things."""
    return any(text.in_sentence(hit.sentence, "child_things") and not text.in_sentence(hit.sentence, "fiction")
               for hit in text.of("substance"))


def _pills_to_cope(text: _Text) -> bool:
    """Whether a parent takes pills to cope, too many at times or with a collapse told."""
    return (text.has("pills_to_cope") or (text.has("pills") and text.has("too_many"))) and text.has(
        "pattern", "asleep", "out_cold", "collapse", "unresponsive")


def _drawn_from_home(text: _Text) -> bool:
    """Whether a child's drawing or game with a weapon, a blow or a crying parent is said to show home when a parent
    is angry ("stor man med kniv och mamma gråter ... detta är hemma när pappa arg"): violence the child saw."""
    violent = any(token.concepts & {"weapon", "hit", "kill"} for token in text.tokens)
    angry = any(token.surface in {"arg", "arga", "angry", "mad"} for token in text.tokens)
    return text.has("drawing") and text.has("real_at_home") and violent and (angry or text.has("distress"))


def _add_home_care(text: _Text, reading: Reading) -> None:
    """Mark the reports of this module (never when acute)."""
    if reading.acute:
        return
    _add_explained_away(text, reading)
    if _untreated(text) or _cold_all_season(text):
        reading.categories.add("neglect")
        reading.reasons.add("persistent_concern")
        reading.report = True
    if _drinking_alone(text) or _drugs_in_reach(text) or _pills_to_cope(text):
        reading.categories.add("parent")
        reading.reasons.add("intoxicated_with_child")
        reading.report = True


def _adults_sport_mark(text: _Text) -> bool:
    """Whether every mark told is an adult's, from a sport beside it ("mamman kom med blåmärke, hon har börjat med
    rugby"), with no blow told."""
    marks = text.of("injury", "burn")
    return bool(marks) and text.has("sport") and not text.has(*HARM) and all(
        _subject_kind(text, hit.start) in ADULTS for hit in marks)


def _small_and_well(text: _Text) -> bool:
    """Whether neglect is read only from small signs (a cold, dirty clothes, forgotten mittens) in a child said to be
    well or a concern staff doubt: a consultation, not a report."""
    return text.has("well_kept") and not text.has(*_NEGLECT_SERIOUS)


def _add_explained_away(text: _Text, reading: Reading) -> None:
    """Take back a physical sign that is an adult's sport mark, and a report of neglect from small signs only."""
    if reading.acute:
        return
    if reading.categories and reading.categories <= {"physical", "domestic_violence"} and _adults_sport_mark(text):
        reading.categories.clear()  # "pappan hade ett blåmärke från fotbollen": nobody hurt him, nobody saw violence
        reading.report = False
        reading.reasons.discard("witnessed_violence")
        reading.signals.discard("witnessed_violence")
    if reading.report and reading.categories == {"neglect"} and _small_and_well(text):
        reading.report = False
        reading.reasons.discard("persistent_concern")
    if _drawn_from_home(text):
        reading.categories.add("domestic_violence")
        reading.signals.add("witnessed_violence")
        reading.reasons.add("witnessed_violence")
        reading.report = True

