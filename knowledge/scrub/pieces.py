"""Phone numbers told in pieces: the opening four digits and the rest apart ("0709, sen 12 34 56"), and a number
read out in words after its cue without the leading zero ("numret: sjuttiotre, fyra fem sex, …").

Bounded: one scan per pattern; the words after a cue are walked once, at most a few tokens.
"""

from __future__ import annotations

import re

from knowledge.scrub.identifier import _NUMBER_GAPS, _NUMBER_TOKEN, _counting, _spoken_digits

# "0736, sen 55 12 09", "0701 och sen 234 567": a mobile's prefix, then its six digits after a word or a comma.
_SPLIT_MOBILE = re.compile(
    r"(?<![\d\w+\-–\x00])07\d{2}\s{0,2}(?:[,;:]?\s{0,2}(?:och\s{1,2})?(?:sen|sedan|därefter|then)\s{1,2}|[,;]\s{0,2})"
    r"(?:\d{2}[ -]?\d{2}[ -]?\d{2}|\d{3}[ -]?\d{3}|\d{3}[ -]?\d{2}[ -]?\d{2})(?![\d\w])",
    re.IGNORECASE,
)
# A cue for a number read out: "numret:", "hennes nummer är", "mobil", "ring".
_CUE = re.compile(r"(?<!\w)(?:nummer|numret|numren|mobil|mobilen|telefon|telefonnummer|tel|tfn|ring|number)"
                  r"(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=]?\s{0,2}", re.IGNORECASE)

_CUE_HINTS = ("numm", "numr", "mobil", "telefon", "tel", "tfn", "ring", "number")


def phone_piece_spans(text: str) -> list[tuple[int, int]]:
    """A mobile split in two by a word or a comma, and a number in words after a phone cue."""
    spans = [match.span() for match in _SPLIT_MOBILE.finditer(text)] if "07" in text else []
    lowered = text.lower()
    if not any(hint in lowered for hint in _CUE_HINTS):
        return spans
    for cue in _CUE.finditer(text):
        span = _words_after(text, cue.end())
        if span is not None:
            spans.append(span)
    return spans


def _words_after(text: str, start: int) -> tuple[int, int] | None:
    """The run of number words or digit groups at *start* when it counts seven digits or more (in words)."""
    count, words, end, previous_end = 0, [], start, -1
    for token in _NUMBER_TOKEN.finditer(text, start, min(len(text), start + 160)):
        if previous_end >= 0 and text[previous_end : token.start()] not in _NUMBER_GAPS:
            break
        if previous_end < 0 and token.start() != start:
            return None
        digits = _spoken_digits(token.group())
        if digits == 0:
            break
        count += digits
        words.append(token.group().lower())
        end = previous_end = token.end()
    if count >= 7 and any(char.isalpha() for char in "".join(words)) and not _counting(words):
        return start, end
    return None
