"""Names their companions give away: the words of a message are weighed together here — a name before an age, the
parts of a three-part or double name, a surname after a cued first name, the same name said again."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.scrub.cues import KIN, NAMELIKE, STRONG_CUES, WEAK_CUES
from knowledge.scrub.lexicon import ABBREVIATIONS, STOPWORDS, kind_of, zipf


@dataclass(slots=True)
class Word:
    """One word token of the text being scrubbed."""

    start: int
    end: int
    word: str
    lower: str
    kind: str
    capital: bool
    sentence_start: bool


# An age straight after a word: "Fia 1 år 4 mån", "Noah, 4 år".
_AGE_AFTER = re.compile(r",?\s{1,2}\(?\d{1,2}(?:[,.]5)?\s?(?:år|åring|mån|månader|years?|yrs|y/o)(?!\w)")


def before_age(text: str, words: list[Word]) -> list[bool]:
    """Per word, whether it is a capitalised word no dictionary calls ordinary, right before an age; a word kept
    unless named ("Sol", "Juni") only before an age in brackets ("Sol (3 år)")."""
    if "år" not in text and "mån" not in text and "y" not in text:
        return [False] * len(words)
    return [word.capital and (word.kind != "soft" or text.startswith(" (", word.end)) and word.kind != "keep"
            and word.lower not in STOPWORDS
            and word.lower not in ABBREVIATIONS and word.lower not in WEAK_CUES
            and (word.kind != "common" or zipf(word.lower, "sv") < 4.0)
            and _AGE_AFTER.match(text, word.end, word.end + 16) is not None for word in words]


# Staff and professionals named with their role: "rektor Eva Lund", "socionom Per Holm" (the surname goes too).
ROLES = frozenset({"rektor", "rektorn", "socionom", "socionomen", "pedagog", "pedagogen", "förskollärare",
                    "förskolläraren", "barnskötare", "barnskötaren", "specialpedagog", "specialpedagogen", "kurator",
                    "kuratorn", "psykolog", "psykologen", "läkare", "läkaren", "doktor", "sköterska", "sköterskan",
                    "sjuksköterska", "sjuksköterskan", "handläggare", "handläggaren", "socialsekreterare",
                    "socialsekreteraren", "logoped", "logopeden", "tolk", "tolken", "chef", "chefen", "mentor"})
_CUES = WEAK_CUES | STRONG_CUES | ROLES


def whole_names(text: str, words: list[Word], masked: list[bool]) -> None:
    """Parts of a name only the rest of it gives away: the third part of a three-part name ("Nguyễn Thị Lan",
    "Ruth Kidane Woldu", "Liv Stål Ekberg"), a surname after a first name a cue named ("mentorn Johan Rask",
    "mormor Gun-Britt Lund"), and the same name again in the message once it was masked ("schäfer Rex … från Rex")."""
    def spaced(first: int, second: int) -> bool:
        return text[words[first].end : words[second].start] == " "

    def part(index: int) -> bool:
        word = words[index]
        return (word.capital and not masked[index] and word.kind != "keep" and word.lower not in STOPWORDS
                and word.lower not in ABBREVIATIONS and word.lower not in WEAK_CUES
                and not (len(word.word) <= 3 and word.word.isupper())  # "4:55 PM Jonas Berg": no acronym
                and word.lower.rsplit("-", 1)[-1] not in ROLES)  # "LSS-handläggaren Eva Holm": a role

    for index in range(len(words) - 2):
        if masked[index + 1] and masked[index + 2] and spaced(index, index + 1) and spaced(index + 1, index + 2) \
                and part(index):
            masked[index] = True
        if masked[index] and masked[index + 1] and spaced(index, index + 1) and spaced(index + 1, index + 2) \
                and part(index + 2) and not words[index + 2].sentence_start:
            masked[index + 2] = True
        # "Liv Stål Ekberg": two capitalised words opening a sentence before a surname are the name's first parts
        if words[index].sentence_start and part(index) and part(index + 1) and masked[index + 2] \
                and words[index].kind in NAMELIKE and words[index + 1].kind != "soft" \
                and spaced(index, index + 1) and spaced(index + 1, index + 2):
            masked[index] = masked[index + 1] = True
        if words[index].lower in _CUES and spaced(index, index + 1) and masked[index + 1] \
                and spaced(index + 1, index + 2) and part(index + 2):
            masked[index + 2] = True
    seen = {word.word for word, is_name in zip(words, masked, strict=True)
            if is_name and word.capital and len(word.word) > 1 and word.kind != "keep"}
    for index, word in enumerate(words):
        if not masked[index] and word.word in seen:
            masked[index] = True


def name_head(word: Word) -> int:
    """The length of a listed name opening a compound with a hyphen before a word for a person or thing
    ("Noahs-mamma", "Idas-syster", "Sofia-grejen"): only that part is the name. 0 when there is none."""
    if "-" not in word.word:
        return 0
    head, tail = word.word.split("-", 1)
    lower, rest = head.lower(), tail.lower()
    base = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower
    if "name" not in (kind_of(lower), kind_of(base)) or "-" in rest:
        return 0
    return len(head) if rest in KIN or kind_of(rest) in ("keep", "soft", "common") else 0
