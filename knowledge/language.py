"""Swedish as it is written: words to concepts through lemmas, compounds and tolerated misspellings.

The concept lexicon (`data/concepts.yaml`) is compiled once. A word is looked up by its folded surface form
and its lemma (simplemma, Swedish); an unknown long word is split into a known modifier and a known head
(pappavåldet = pappa + våldet); an unknown word that no Swedish or English word list knows is compared with
the lexicon's words and their inflections (rapidfuzz Levenshtein), so "knivv" reads as "kniv" while a real
word such as "hosta" is never "corrected" into "hota".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import simplemma
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from knowledge.packaged import packaged_yaml
from knowledge.text import fold

# A word at least this common (Zipf scale) in Swedish or English is a real word and never corrected.
REAL_WORD_ZIPF_SV = 1.8
REAL_WORD_ZIPF_EN = 2.5
# Shortest word that may be corrected, and the edit distance allowed for short and long words.
MIN_FUZZY_LENGTH = 4
LONG_WORD = 7
SHORT_DISTANCE = 1
LONG_DISTANCE = 2
# A word the lists know but rarely (below this Zipf) is still a misspelling when a lexicon word one edit away is
# clearly more common ("vikare" for "vikarie", "snipa" for "snippa": web text is full of common misspellings).
RARE_WORD_ZIPF = 2.5
MISSPELLING_MARGIN = 0.8
# A two-edit correction needs a long target too ("slafsar" is no form of "slå").
LONG_TARGET = 6
# A word this much more frequent (Zipf) in English than in Swedish is read as English.
ENGLISH_MARGIN = 1.0
# Compounds: shortest head and modifier, and how common a modifier that is not in the lexicon must be.
MIN_COMPOUND = 7
MIN_PART = 3
MODIFIER_ZIPF = 2.5
# A word this common is read as itself, never split: "tillbaka" is not "till" + "baka".
WHOLE_WORD_ZIPF = 3.0
# A compound with one of these in front is a toy or a game, whatever its head: plastkniv, vattenpistol, träsvärd.
TOY_MODIFIERS = frozenset({"plast", "leksak", "leksaks", "trä", "papp", "vatten", "lek", "låtsas", "skum", "gummi",
                           "smör", "barn", "frukt"})
# Only concepts whose words are worth a spelling correction take part in it.
FUZZY_CONCEPTS = frozenset({
    "parent", "staff", "hit", "violence", "injury", "burn", "strangle", "kill", "weapon", "threat",
    "intox", "sexual_abuse", "genital", "sexual_behaviour", "fgm", "honour", "hunger", "hygiene", "told", "fear",
    "illness", "neck", "touch",
})
# Swedish endings tried on a lexicon word to list its inflections for spelling correction; a form counts only
# when the lemmatiser maps it back to the word.
_ENDINGS = ("r", "ar", "er", "t", "de", "te", "it", "ade", "at", "en", "et", "n", "na", "arna", "erna", "or", "orna",
            "s", "a", "e", "ad", "ande", "tt", "dde")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
_TERM_SPLIT = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a phrase: any of `words` (as written and folded), or a word starting with a prefix."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    gap_before: bool

    def accepts(self, forms: frozenset[str]) -> bool:
        """Whether a token with these folded forms fills this position."""
        if forms & self.words:
            return True
        return any(form.startswith(prefix) for form in forms for prefix in self.prefixes)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word term of one concept; `negation` when it contains a negation word that it consumes."""

    concept: str
    elements: tuple[Element, ...]
    negation: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Single words (exact forms and base forms), prefixes and phrases, each naming its concepts."""

    exact: dict[str, frozenset[str]]
    base: dict[str, frozenset[str]]
    prefixes: dict[str, frozenset[str]]
    phrases: tuple[Phrase, ...]
    phrase_starts: dict[str, tuple[Phrase, ...]]
    prefix_phrases: tuple[Phrase, ...]
    fuzzy_forms: tuple[str, ...]
    fuzzy_concepts: dict[str, frozenset[str]]
    fuzzy_base: dict[str, str]


@dataclass(frozen=True, slots=True)
class Word:
    """What one written word is: its forms (as typed, lemma, spelling correction) and the concepts it names."""

    forms: frozenset[str]
    concepts: frozenset[str]


NEGATIONS = frozenset({"inte", "ej", "icke", "inga", "ingen", "inget", "ingenting", "aldrig", "utan", "int",
                       "not", "no", "never", "without", "none", "nothing", "nobody", "isn't", "isnt", "doesn't",
                       "doesnt", "don't", "dont", "didn't", "didnt", "hasn't", "hasnt", "haven't", "havent",
                       "wasn't", "wasnt", "aren't", "arent", "can't", "cant", "cannot", "won't", "wont", "wouldn't",
                       "nej"})


def lemma(word: str) -> str:
    """The Swedish lemma of a lower-case *word* (the word itself when unknown)."""
    return simplemma.lemmatize(word, lang="sv")


def keys(word: str) -> set[str]:
    """The lexicon keys of a lexicon *word*: as written and folded, so "blamarken" finds "blåmärken".

    Words are looked up as typed, so "säga" never meets "saga" (fairy tale) through folding; only a word typed
    without å/ä/ö meets the folded keys.
    """
    return {word, fold(word)}


def _add(index: dict[str, set[str]], word: str, concept: str) -> None:
    for key in keys(word):
        index.setdefault(key, set()).add(concept)


def _element(word: str, gap_before: bool) -> Element:
    """One position of a phrase; a Swedish verb or noun also accepts its other inflections through its lemma
    ("håller|höll fast" reads "hålla fast", "skäller på" reads "skällde på"), unless written =exact."""
    words: set[str] = set()
    prefixes: list[str] = []
    for written in word.split("|"):
        exact = written.startswith("=")
        alternative = written.lstrip("=")
        if alternative.endswith("*"):
            prefixes.extend(keys(alternative[:-1]))
        elif alternative:
            words.update(keys(alternative))
            if not exact and len(alternative) >= MIN_PART and not _is_english(alternative):
                words.update(keys(lemma(alternative)))
    return Element(frozenset(words), tuple(prefixes), gap_before)


def _is_english(word: str) -> bool:
    """Whether *word* is clearly more English than Swedish (the Swedish lemmatiser then guesses wildly)."""
    return zipf_frequency(word, "en") - zipf_frequency(word, "sv") > ENGLISH_MARGIN


def _phrase(concept: str, term: str) -> Phrase:
    elements, gap = [], False
    for word in _TERM_SPLIT.split(term.strip()):
        if word == "...":
            gap = True
            continue
        elements.append(_element(word, gap))
        gap = False
    negation = any(element.words & NEGATIONS for element in elements)
    return Phrase(concept, tuple(elements), negation)


def _inflections(word: str) -> set[str]:
    """Forms of a Swedish lexicon *word* that the lemmatiser maps back to it."""
    forms = {word}
    stems = {word, word[:-1]} if word[-1:] in "ae" else {word}
    for stem in stems:
        for ending in _ENDINGS:
            candidate = stem + ending
            if lemma(candidate) == word:
                forms.add(candidate)
    return forms


@cache
def lexicon() -> Lexicon:
    """The concept lexicon shipped with the package, compiled once."""
    raw: dict[str, Any] = packaged_yaml("data/concepts.yaml")
    exact: dict[str, set[str]] = {}
    base: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    phrases: list[Phrase] = []
    fuzzy: dict[str, set[str]] = {}
    fuzzy_base: dict[str, str] = {}
    for concept, terms in raw["concepts"].items():
        for written in terms:
            term = str(written).strip().lower()
            if " " in term or "|" in term:
                phrase = _phrase(concept, term)
                phrases.append(phrase)
                words = {word for element in phrase.elements for word in element.words}
            elif term.startswith("="):
                _add(exact, term[1:], concept)
                words = {fold(term[1:])}
            elif term.endswith("*"):
                _add(prefixes, term[:-1], concept)
                words = {fold(term[:-1])}
            else:
                _add(base, term, concept)
                words = {fold(form) for form in _inflections(term)}
            # Words of any term are spelling targets, so a misspelt word inside a phrase is still read.
            for word in words:
                if len(word) >= MIN_FUZZY_LENGTH and word not in NEGATIONS:
                    fuzzy.setdefault(word, set())
                    fuzzy_base.setdefault(word, word)
                    if concept in FUZZY_CONCEPTS and " " not in term and "|" not in term:
                        fuzzy[word].add(concept)
    starts: dict[str, list[Phrase]] = {}
    prefix_phrases = []
    for phrase in phrases:
        first = phrase.elements[0]
        for word in first.words:
            starts.setdefault(word, []).append(phrase)
        if first.prefixes:
            prefix_phrases.append(phrase)
    return Lexicon(
        exact={key: frozenset(value) for key, value in exact.items()},
        base={key: frozenset(value) for key, value in base.items()},
        prefixes={key: frozenset(value) for key, value in prefixes.items()},
        phrases=tuple(phrases),
        phrase_starts={key: tuple(value) for key, value in starts.items()},
        prefix_phrases=tuple(prefix_phrases),
        fuzzy_forms=tuple(sorted(fuzzy)),
        fuzzy_concepts={key: frozenset(value) for key, value in fuzzy.items()},
        fuzzy_base=fuzzy_base,
    )


def is_real_word(word: str) -> bool:
    """Whether *word* is common enough in Swedish or English to be taken as written."""
    return zipf_frequency(word, "sv") >= REAL_WORD_ZIPF_SV or zipf_frequency(word, "en") >= REAL_WORD_ZIPF_EN


def _direct(word: str, word_lemma: str, lex: Lexicon) -> set[str]:
    """Concepts named by the word's exact form, base form or a prefix term."""
    concepts = set(lex.exact.get(word, ()))
    concepts.update(lex.base.get(word, ()))
    concepts.update(lex.base.get(word_lemma, ()))
    for end in range(MIN_PART, len(word) + 1):
        concepts.update(lex.prefixes.get(word[:end], ()))
    return concepts


def _compound(word: str, lex: Lexicon) -> tuple[set[str], set[str]]:
    """Concepts and head forms of an unknown compound: a known head after a known modifier."""
    for split in range(MIN_PART, len(word) - MIN_PART + 1):
        modifier, head = word[:split], word[split:]
        if modifier in TOY_MODIFIERS and is_real_word(head):
            return {"toy"}, {head}
        head_lemma = lemma(head)
        head_concepts = _direct(head, head_lemma, lex)
        modifier_concepts = _direct(modifier, lemma(modifier), lex)
        if not modifier_concepts and modifier.endswith("s"):
            modifier_concepts = _direct(modifier[:-1], lemma(modifier[:-1]), lex)
        known_modifier = bool(modifier_concepts) or zipf_frequency(modifier, "sv") >= MODIFIER_ZIPF or (
            modifier.endswith("s") and zipf_frequency(modifier[:-1], "sv") >= MODIFIER_ZIPF)
        if (head_concepts or modifier_concepts) and known_modifier and is_real_word(head):
            return head_concepts | modifier_concepts, {head, head_lemma}
    return set(), set()


def _correction(folded: str, lex: Lexicon, *, rare_real: float | None = None) -> str | None:
    """The lexicon word *folded* is most likely a misspelling of, if any is close enough.

    Distances count a swap of two neighbouring letters as one edit ("kinv" is one edit from "kniv"). For a word
    the word lists know (*rare_real* is its Zipf frequency) only a much more common word one edit away counts.
    """
    limit = LONG_DISTANCE if len(folded) >= LONG_WORD and rare_real is None else SHORT_DISTANCE
    found = process.extract(folded, lex.fuzzy_forms, scorer=OSA.distance, processor=None,
                            score_cutoff=limit, limit=8)
    # The first letter is rarely wrong; requiring it keeps corrections from jumping between unrelated words.
    # Among equally close words, a swap of letters (same letters, other order) is the likeliest typo, then the
    # one sharing the longest beginning ("slåt" is "slått", not "slakt").
    # A word that names a concept wins over a closer word that only occurs inside phrases ("slåg" is "slog").
    candidates = [(not lex.fuzzy_concepts.get(str(word)), distance, sorted(str(word)) != sorted(folded),
                   -_common_prefix(folded, str(word)), str(word))
                  for word, distance, _ in found
                  if str(word)[0] == folded[0] and (distance <= SHORT_DISTANCE or len(str(word)) >= LONG_TARGET)
                  and (rare_real is None or _zipf(str(word)) >= rare_real + MISSPELLING_MARGIN)]
    return min(candidates)[4] if candidates else None


def _zipf(word: str) -> float:
    """How common *word* is in Swedish or English, whichever is higher."""
    return max(zipf_frequency(word, "sv"), zipf_frequency(word, "en"))


def _common_prefix(one: str, other: str) -> int:
    """How many leading letters two words share (typos are more often late in a word than early)."""
    count = 0
    for left, right in zip(one, other, strict=False):
        if left != right:
            break
        count += 1
    return count


@lru_cache(maxsize=65536)
def read_word(word: str) -> Word:
    """What the lower-case *word* is, as folded forms and concepts (cached: words repeat across messages)."""
    lex = lexicon()
    folded = fold(word)
    # The Swedish lemmatiser guesses wildly on English words ("small" is no form of "smälla"): lemmatise only
    # words that are not clearly more English than Swedish.
    # Clearly English words get the English lemma ("chokes" is "choke"), the others the Swedish one.
    word_lemma = simplemma.lemmatize(word, lang="en") if _is_english(word) else lemma(word)
    forms = {word, word_lemma}
    concepts = _direct(word, word_lemma, lex)
    if "-" in word and not concepts:
        for part in word.split("-"):
            if part:
                part_word = read_word(part)
                forms |= part_word.forms
                concepts |= part_word.concepts
    elif (not concepts and len(word) >= MIN_COMPOUND and word.isalpha()
          and zipf_frequency(word, "sv") < WHOLE_WORD_ZIPF):
        compound_concepts, head_forms = _compound(word, lex)
        concepts |= compound_concepts
        forms |= head_forms
    if (not concepts and len(folded) >= MIN_FUZZY_LENGTH and word.isalpha() and folded not in NEGATIONS
            and not lex.fuzzy_concepts.get(fold(word_lemma))):
        frequency = _zipf(word)
        real = is_real_word(word)
        corrected = (_correction(folded, lex) if not real else
                     _correction(folded, lex, rare_real=frequency) if frequency < RARE_WORD_ZIPF else None)
        if corrected is not None:
            forms.add(corrected)
            concepts |= lex.fuzzy_concepts.get(corrected, frozenset())
            concepts |= _direct(corrected, lemma(corrected), lex)
    return Word(frozenset(forms), frozenset(concepts))


def words_of(text: str) -> Iterable[re.Match[str]]:
    """The word and number matches of lower-case *text*."""
    return _WORD.finditer(text)


@cache
def warm_up() -> None:
    """Load the lemmatiser's dictionary, the word lists and the lexicon now rather than on the first message."""
    lexicon()
    for word in ("slog", "pappavåldet", "knivv", "hej", "the"):
        read_word(word)
