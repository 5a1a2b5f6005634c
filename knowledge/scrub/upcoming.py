"""Birthdays still to come: the day a child turns a year older, told near the birthday rather than after "född"
("fyller 5 på lördag", "på tisdag (den 9:e) har hon 3-årsdag", "2 maj fyller han 4").

With the day the message was written (which the record keeps) and the age, such a day is the birth date. Every
pattern here is bounded: a cue is found by one scan, and each cue looks at a bounded window around it.
"""

from __future__ import annotations

import re

from knowledge.scrub.identifier import MONTH, ORDINAL_WORD

_NUMBER_WORD = r"(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|one|two|three|four|five|six|seven)"
# What says a birthday: "fyller 5", "fyller hon fyra", "fyllde 3", "4-årsdag", "födelsedag", "turns 5".
_CUE = re.compile(
    rf"(?<!\w)(?:(?:fyller|fyllde|turns|turned)(?:\s{{1,2}}(?:hon|han|hen|she|he))?\s{{1,2}}(?:\d{{1,2}}|{_NUMBER_WORD}|år)"
    rf"(?:\s{{1,2}}år)?|(?:\d{{1,2}}|{_NUMBER_WORD})?-?årsdag(?:en)?|födelsedag(?:en)?|birthday)(?!\w)",
    re.IGNORECASE,
)
# A day of the month near the cue: "14 december", "den 8:e", "1/12", "den fjärde".
_DAY = re.compile(
    rf"(?<![\w/.:-])(?:(?:\d{{1,2}}(?::e|:a)?|{ORDINAL_WORD})\s{{0,2}}{MONTH}\.?(?!\w)"
    rf"|den\s{{1,2}}\d{{1,2}}(?::e|:a)?(?:\s{{0,2}}{MONTH}\.?)?(?![\w/])"
    r"|the\s{1,2}\d{1,2}(?:st|nd|rd|th)(?!\w)"
    r"|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|[-.]\d))",
    re.IGNORECASE,
)
# A day named by the calendar of this week, straight after "fyller 5": "på lördag", "imorgon", "nästa tisdag".
_WEEKDAY = r"(?:mån|tis|ons|tors|fre|lör|sön)dag"
_SOON = re.compile(
    rf"\s{{1,2}}(?:nu\s{{1,2}})?(?:(?:på|nästa|i|this|on|next)\s{{1,2}}(?:{_WEEKDAY}|monday|tuesday|wednesday|"
    rf"thursday|friday|saturday|sunday|morgon|övermorgon|dag)|imorgon|idag|iövermorgon|tomorrow|today)(?!\w)",
    re.IGNORECASE,
)
_WINDOW = 40
_SENTENCE = re.compile(r"[.!?\n]")


def upcoming_birthday_spans(text: str) -> list[tuple[int, int]]:
    """The day of a birthday told near it: a date in the same sentence within a few words of the cue, and a
    day of this week straight after "fyller 5"."""
    lowered = text.lower()
    if "fyll" not in lowered and "dag" not in lowered and "turn" not in lowered and "birthday" not in lowered:
        return []
    spans: list[tuple[int, int]] = []
    for cue in _CUE.finditer(text):
        start, end = _sentence_window(text, cue.start(), cue.end())
        spans += [match.span() for match in _DAY.finditer(text, start, end)]
        soon = _SOON.match(text, cue.end())
        if soon is not None and cue.group().lower().startswith(("fyller", "turns")):
            spans.append((soon.start() + len(soon.group()) - len(soon.group().lstrip()), soon.end()))
    return spans


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """At most _WINDOW characters either side of a cue, not beyond the sentence it stands in."""
    left = max(0, start - _WINDOW)
    before = [match.end() for match in _SENTENCE.finditer(text, left, start)]
    if before:
        left = before[-1]
    right = min(len(text), end + _WINDOW)
    after = _SENTENCE.search(text, end, right)
    return left, after.start() if after is not None else right
