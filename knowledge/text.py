"""Text normalisation and the small term language used by the lexicon files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Folding å/ä/ö keeps matching robust when staff type on keyboards or phones without Swedish letters.
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o", "’": "'"})
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s']+")

NEGATION_CUES = frozenset(
    {"inte", "ej", "icke", "inga", "ingen", "inget", "aldrig", "utan", "not", "no", "never", "without",
     "none", "nothing", "nobody", "isnt", "doesnt", "dont", "didnt", "hasnt", "havent", "wasnt", "arent",
     "cant", "cannot", "wont"}
)
# "vet inte om", "not only": the cue opens a doubt or an addition rather than denying what follows.
_NEGATION_RELEASES = frozenset({"om", "huruvida", "bara", "endast", "enbart", "sakert", "if", "whether",
                                "only", "just", "sure", "certain"})
NEGATION_WINDOW = 4
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n]|\b(?:men|but|fast|although|though)\b")
# A gap never swallows a negation: "pappa har inte slagit" must not read as "pappa ... slagit".
_GAP = r"\s+(?:(?!(?:" + "|".join(sorted(NEGATION_CUES)) + r")(?![\w']))[\w']+\s+){0,3}?"
_WORD = re.compile(r"[\w']+")
_SENTENCE = re.compile(r"[^.!?;\n]+")


def fold(text: str) -> str:
    """Lower-case *text* and fold Swedish and other diacritics, keeping every position in place."""
    return text.lower().translate(_FOLD)


def normalize(text: str) -> str:
    """Fold *text*, drop punctuation and collapse whitespace; for fuzzy matching, not for lexicon spans."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", fold(text).replace("'", ""))).strip()


def compile_terms(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of *terms* in folded text.

    A term is words separated by spaces; `a|b` offers alternatives for one word, `*` ends a stem and
    `...` allows up to three words in between.
    """
    parts = [_term_regex(term) for term in terms if term.strip()]
    if not parts:
        return None
    # The word-start check is factored out so most positions fail before any alternative is tried.
    alternatives = "|".join(sorted(set(parts), key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?=\w)(?:{alternatives})")


def _term_regex(term: str) -> str:
    """The regex for one lexicon term."""
    regex = ""
    separator = ""
    for word in fold(term).split():
        if word == "...":
            separator = _GAP
            continue
        alternatives = "|".join(_word_regex(alternative) for alternative in word.split("|") if alternative)
        regex += separator + f"(?:{alternatives})" + r"(?![\w'])"
        separator = r"\s+"
    return regex


def _word_regex(word: str) -> str:
    """The regex for one word of a term, a stem when it ends with `*`."""
    return re.escape(word.rstrip("*")) + (r"[\w']*" if word.endswith("*") else "")


@dataclass(frozen=True, slots=True)
class Hit:
    """A span of folded text matched by a lexicon pattern."""

    start: int
    end: int


def find_hits(pattern: re.Pattern[str] | None, folded: str, *, negatable: bool = True) -> Iterator[Hit]:
    """Matches of *pattern* in *folded* text, skipping those denied by a negation in the same clause."""
    if pattern is None:
        return
    for match in pattern.finditer(folded):
        if negatable and is_negated(folded, match.start()):
            continue
        yield Hit(match.start(), match.end())


def matches(pattern: re.Pattern[str] | None, folded: str, *, negatable: bool = True) -> bool:
    """Whether *pattern* has at least one non-negated match in *folded* text."""
    return next(find_hits(pattern, folded, negatable=negatable), None) is not None


def is_negated(folded: str, start: int) -> bool:
    """Whether a negation cue shortly before *start*, in the same clause, denies what follows."""
    window_start = max(0, start - 60)
    prefix = folded[window_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end():]
    words = [w.replace("'", "") for w in _WORD.findall(prefix)][-NEGATION_WINDOW:]
    for index, word in enumerate(words):
        if word in NEGATION_CUES:
            following = words[index + 1] if index + 1 < len(words) else ""
            if following not in _NEGATION_RELEASES:
                return True
    return False


def sentences(folded: str) -> Iterator[str]:
    """The sentences of *folded* text, split at full stops, question marks and line breaks."""
    for match in _SENTENCE.finditer(folded):
        if match.group().strip():
            yield match.group()
