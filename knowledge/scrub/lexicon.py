"""What the scrubber knows of words: the shipped name lists, Swedish and English dictionaries, word frequencies."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import simplemma
import wordfreq

from knowledge.packaged import packaged_yaml

# Words that are never names, whatever comes before them.
STOPWORDS = frozenset(
    {"det", "inte", "så", "något", "nog", "ju", "väl", "också", "som", "att", "i", "på", "och", "hon", "han",
     "hen", "de", "dem", "den", "the", "it", "not", "and", "is", "was", "har", "hade", "är", "var", "kom", "sa",
     "säger", "sade", "en", "ett", "till", "från", "med", "om", "av", "för", "efter", "innan", "när", "då", "där",
     "här", "men", "eller", "utan", "bara", "nu", "sedan", "igen", "alltid", "aldrig", "ofta", "jag", "vi", "du",
     "ni", "sin", "sitt", "sina", "hans", "hennes", "deras", "min", "mitt", "mina", "vår", "er", "a", "an", "he",
     "she", "they", "we", "you", "my", "his", "her", "their", "our", "to", "from", "with", "of", "for", "on",
     "in", "at", "by", "has", "had", "have", "said", "says", "came", "went", "very", "just", "also", "now", "then",
     "ingen", "inget", "inga", "alla", "allt", "någon", "några", "vad", "vem", "vilken", "hur", "varför", "kan",
     "ska", "skulle", "vill", "ville", "måste", "får", "fick", "blir", "blev", "går", "gick", "ser", "såg",
     "verkar", "verkade", "brukar", "själv", "själva", "mycket", "lite", "jätte", "väldigt", "typ", "ok", "okej"}
)
VOWELS = frozenset("aeiouyåäöéü")


def has_vowel(word: str) -> bool:
    """Whether *word* holds a vowel, also one with a diacritic ("Trần", "Hùng", "Văn")."""
    return any(char in VOWELS or unicodedata.normalize("NFD", char)[:1] in _BASE_VOWELS for char in word)


_BASE_VOWELS = frozenset("aeiouy")
# Endings of the names of places and institutions; people's names do not end like this.
_INSTITUTIONS = ("sjukhuset", "sjukhus", "skolan", "skola", "huset", "centrum", "centret", "kyrkan", "badet",
                 "biblioteket", "gården", "parken", "torget", "stationen", "vårdcentral", "vårdcentralen",
                 "mottagningen", "kliniken", "stan", "staden", "köping", "hamn", "moskén", "förening", "föreningen")
# Endings of Swedish derived words that names do not have ("rådgivning", "trygghet", "vänskap").
_DERIVATIONS = ("ning", "ningen", "ningar", "het", "heten", "skap", "skapet", "lig", "liga", "ligt", "isk", "iska",
                "iskt", "ande", "andet", "ende", "endet", "else", "elsen", "tion", "tionen", "itet", "iteten")
ABBREVIATIONS = frozenset(
    {"pnr", "tfn", "tel", "mob", "nr", "adr", "personnr", "mobilnr", "telnr", "postnr", "mobnr", "tfnr",
     "mejl", "mail", "email", "epost", "sms", "ssn", "lgh",
     "mkt", "pga", "ngn", "ngt", "ngra", "ang", "resp", "dvs", "osv", "etc", "obs", "fsk", "avd", "mvh", "btw",
     "asap", "tex", "bla", "iaf", "iom", "mha", "ffa", "sen", "idag", "igår", "imorgon", "imorse", "ikväll",
     "iallafall", "pappaledig", "mammaledig", "samordningsnr", "samnr", "regnr", "regnummer", "reg", "uppg", "fam",
     "dnr", "diarienr", "ärendenr", "dossiernr", "lma", "uma", "födelsenr", "kontonr",
     "journalnr", "målnr", "knr", "fdat", "fdatum", "insta", "snap", "fb", "ig", "tiktok"}
)
# Lower-case words that no dictionary knows are names when they are rarer than this in Swedish and English.
_UNKNOWN_ZIPF_SV = 3.5
_UNKNOWN_ZIPF_EN = 3.0


@dataclass(frozen=True, slots=True)
class _Names:
    """The name lists from `data/names.yaml`, lower-cased."""

    names: frozenset[str]
    ambiguous: frozenset[str]
    keep: frozenset[str]
    keep_unless_named: frozenset[str]


# Endings of ordinary compounds that names do not have ("femårsgruppen", "youtubekanal", "instagramkontot").
_ORDINARY_TAILS = ("gruppen", "gruppens", "grupp", "grupper", "grupperna", "kanal", "kanalen", "kanaler", "konto",
                   "kontot", "konton", "uppgången", "uppgång", "ingången", "utgången", "numret", "nummer",
                   "remiss", "remissen", "remisser", "remisserna")


@cache
def _institution_phrases() -> tuple[str, ...]:
    """The names of public institutions in `data/names.yaml`, longest first."""
    raw = packaged_yaml("data/names.yaml")
    return tuple(sorted({str(phrase) for phrase in raw.get("institutions") or ()}, key=len, reverse=True))


@cache
def institution_openers() -> frozenset[str]:
    """The first words of the institutions' names, lower-cased (as the name scan splits words)."""
    return frozenset(re.split(r"[^\w:]+", phrase.lower(), maxsplit=1)[0].split(":")[0] for phrase in
                     _institution_phrases())


@cache
def institutions() -> re.Pattern[str]:
    """The names of public institutions in `data/names.yaml` ("Astrid Lindgrens barnsjukhus"), as one pattern."""
    phrases = _institution_phrases()
    if not phrases:
        return re.compile(r"(?!)")
    body = "|".join(r"\s{1,2}".join(re.escape(part) for part in phrase.split()) for phrase in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def is_swedish_word(lower: str) -> bool:
    """Whether Swedish knows *lower* (lower case) as a word."""
    return _is_word(lower)


@cache
def _names() -> _Names:
    """The name lists shipped with the package, loaded once."""
    raw = packaged_yaml("data/names.yaml")

    def lower(key: str) -> frozenset[str]:
        return frozenset(str(name).lower() for name in raw.get(key) or ())

    keep = lower("keep")
    keep_unless_named = (lower("keep_unless_named") | _people_words()) - keep
    ambiguous = lower("ambiguous") - keep - keep_unless_named
    return _Names(
        names=(lower("first_names") | lower("surnames")) - ambiguous - keep - keep_unless_named,
        ambiguous=ambiguous,
        keep=keep,
        keep_unless_named=keep_unless_named,
    )


@cache
def listed_places() -> frozenset[str]:
    """Names of the lists that are also kept places or months ("Lund", "Juni"): a surname after a first name."""
    raw = packaged_yaml("data/names.yaml")
    listed = {str(name).lower() for key in ("first_names", "surnames", "ambiguous") for name in raw.get(key) or ()}
    return frozenset(listed & _names().keep_unless_named) - _people_words()


def _people_words() -> frozenset[str]:
    """The understanding lexicon's words for people (parents, relatives, staff, other adults) in every language it
    knows ("hooyo", "stepdad", "morbror"): words that say who, which the note needs and which are no names."""
    raw = packaged_yaml("data/concepts.yaml")
    concepts = raw.get("concepts") or {}
    words = set()
    for concept in ("parent", "relative", "staff", "adult"):
        for written in concepts.get(concept) or ():
            term = str(written).lstrip("=").rstrip("*").lower()
            if term.isalpha():
                words.add(term)
    return frozenset(words)


def warm_up() -> None:
    """Load the name lists and the Swedish and English dictionaries now, not in the first user's turn."""
    _names()
    for lang in ("sv", "en"):
        _known("barn", lang)
        zipf("barn", lang)


@cache
def _dictionary(lang: str) -> Callable[[str], str | None]:
    """A lookup from a word to its lemma in simplemma's dictionary for *lang* (None: unknown word)."""
    try:
        # The raw dictionary answers in well under a microsecond; `simplemma.is_known` validates its
        # arguments on every call and takes some 30 µs, which adds up over every word of every message.
        from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

        return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang).get
    except (ImportError, AttributeError):  # another simplemma layout: the public (slower) functions
        return lambda word: str(simplemma.lemmatize(word, lang)) if simplemma.is_known(word, lang) else None


def _known(word: str, lang: str) -> str | None:
    """The lemma of lower-case *word* in *lang* (capitalised for a proper noun), or None when unknown."""
    lookup = _dictionary(lang)
    lemma = lookup(word)
    if lemma is None:
        lemma = lookup(word.capitalize())  # proper nouns are stored capitalised ("Sigge")
    return lemma


def _is_word(word: str) -> bool:
    """Whether Swedish knows *word* (lower case) at all."""
    return _known(word, "sv") is not None


@lru_cache(maxsize=200_000)
def _lexical(lower: str) -> str:
    """What the dictionaries make of a lower-case word: "proper" (a name or place), "common" or "unknown"."""
    lemmas = [lemma for lang in ("sv", "en") if (lemma := _known(lower, lang)) is not None]
    if any(not lemma[:1].isupper() for lemma in lemmas):
        return "common"  # an ordinary word in either language ("tell" is no name because of Wilhelm Tell)
    if lemmas:
        return "proper"
    if _derived(lower) or _folded_known(lower) or _compound_known(lower) or zipf(lower, "sv") >= 4.5:
        return "common"
    return "unknown"


def _frequent_word(word: str) -> bool:
    """Whether Swedish knows *word* and uses it often enough to be no stray dictionary entry."""
    return len(word) >= 3 and _is_word(word) and zipf(word, "sv") >= 2.0


def _derived(lower: str) -> bool:
    """Whether *lower* is a known word with a derivational ending ("rådgivning", "tryggheten")."""
    for suffix in _DERIVATIONS:
        if lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            if _frequent_word(stem) or _frequent_word(stem + "a") or _compound_known(stem + "a"):
                return True
    return False


def _folded_known(lower: str) -> bool:
    """Whether *lower*, typed without å/ä/ö ("forskolan", "hamtade"), is a Swedish word."""
    if any(char in "åäö" for char in lower):
        return False
    positions = [index for index, char in enumerate(lower) if char in "ao"]
    if not positions or len(positions) > 4:
        return False
    options = [("a", "å", "ä") if lower[index] == "a" else ("o", "ö") for index in positions]
    for choice in itertools.product(*options):
        letters = list(lower)
        for index, char in zip(positions, choice, strict=True):
            letters[index] = char
        candidate = "".join(letters)
        if candidate != lower and _is_word(candidate):
            return True
    return False


def _compound_known(lower: str) -> bool:
    """Whether *lower* is a Swedish compound of known words ("förskolegården", "vilostunden")."""
    if len(lower) < 7 or len(lower) > 40:
        return False
    for split in range(3, len(lower) - 2):
        head, tail = lower[:split], lower[split:]
        if not _frequent_word(tail):
            continue
        # The first part may carry a joining letter or a changed ending: "föräldra-", "förskole-", "barns-".
        heads = (head, head[:-1], head[:-1] + "a", head[:-1] + "ar", head + "r", head[:-1] + "er")
        if any(_is_word(candidate) and (len(candidate) >= 4 or zipf(candidate, "sv") >= 3.0)
               for candidate in heads if len(candidate) >= 3):
            return True
    return False


@lru_cache(maxsize=200_000)
def zipf(lower: str, lang: str) -> float:
    """How common *lower* is in *lang* on the Zipf scale (0: unseen)."""
    return float(wordfreq.zipf_frequency(lower, lang))


@lru_cache(maxsize=200_000)
def kind_of(lower: str) -> str:
    """keep, soft (kept unless named), ambiguous, name, proper, common or unknown."""
    lists = _names()
    if lower in lists.keep:
        return "keep"
    if lower in lists.keep_unless_named:
        return "soft"
    if lower in lists.ambiguous:
        return "ambiguous"
    if lower in lists.names:
        return "name"
    if "-" in lower:  # "Lisa-Marie", "Al-Hassan", "Hässelby-Vällingby", "BVC-sköterskan"
        parts = [kind_of(part) for part in lower.split("-") if part]
        if "name" in parts:
            return "name"
        if parts and all(part in ("common", "keep", "soft") for part in parts):
            return "common"
        return "unknown" if "unknown" in parts else (parts[-1] if parts else "common")
    if "'" in lower or "’" in lower:  # "Zelda's", "I'm", "don't": the word before the apostrophe decides
        return kind_of(re.split(r"['’]", lower, maxsplit=1)[0])
    if lower.endswith(_ORDINARY_TAILS) and any(
            lower.endswith(tail) and len(lower) > len(tail) + 2 for tail in _ORDINARY_TAILS):
        return "common"
    if lower.endswith(_INSTITUTIONS) and len(lower) > 8:
        return "soft"  # "Södersjukhuset", "Husbyskolan", "Kulturhuset": places, not people
    return _lexical(lower)


def lowercase_name(lower: str) -> bool:
    """Whether a lower-case word no dictionary knows looks like a name rather than a typo or an abbreviation."""
    return (
        len(lower) >= 3
        and lower not in ABBREVIATIONS
        and has_vowel(lower)
        and zipf(lower, "sv") < _UNKNOWN_ZIPF_SV
        and zipf(lower, "en") < _UNKNOWN_ZIPF_EN
    )
