"""PII scrubbing: mask personnummer, phone numbers, e-mail, addresses, postcodes and names before anything is kept.

The text is normalised first (Unicode NFKC, zero-width and other format characters dropped, dash variants
and odd spaces unified) so that look-alike characters cannot hide a number; every mask found in the
normalised text is mapped back onto the original through an offset map, and everything else of the original
is returned as written. Every pattern runs in linear time: only bounded repetition where a match could
restart, look-behinds that keep a match from starting inside a run it already rejected, and token scans
instead of regular expressions where a pattern would need nested repetition (street addresses, names).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import simplemma
import wordfreq
import yaml

from knowledge.text import fold

MASKS = {
    "personnummer": "[personnummer]",
    "phone": "[telefon]",
    "email": "[e-post]",
    "address": "[adress]",
    "postcode": "[postnummer]",
    "name": "[namn]",
    "preschool": "[förskola]",
    "group": "[avdelning]",
    "birthdate": "[födelsedatum]",
    "age": "[ålder]",
}
KINDS = frozenset(MASKS)
# The kinds in the order they are named to the user ("Jag tog bort namn, personnummer och …").
KIND_ORDER = ("personnummer", "phone", "email", "address", "postcode", "name", "birthdate", "age", "preschool",
              "group")


@dataclass(frozen=True, slots=True)
class Scrubbed:
    """Scrubbed text and the kinds of personal data that were masked in it."""

    text: str
    kinds: frozenset[str]


# ---------------------------------------------------------------------------------------------------------
# Normalisation with an offset map back to the original text

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_UNIFY = str.maketrans({**dict.fromkeys(_DASHES, "-"), "\u2018": "'", "\u2019": "'", "\u02bc": "'"})
# Characters that are not plain ASCII or common Latin letters: only these need the slow per-character path.
_ODD = re.compile(r"[^\t\n\r\x20-\x7eåäöÅÄÖéÉüÜ]")
# Written into the working text over what is already masked: no pattern matches it, and it is no word.
_BLANK = "\x00"


@dataclass(frozen=True, slots=True)
class _Normalised:
    """The normalised text and, per character, the span of the original it came from (None: identical)."""

    text: str
    starts: list[int] | None
    ends: list[int] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised characters [start, end) came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _normalise(text: str) -> _Normalised:
    """NFKC per character cluster, format characters dropped, dashes, quotes and spaces unified."""
    if not _ODD.search(text):
        return _Normalised(text, None, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    length = len(text)
    for match in _ODD.finditer(text):
        index = match.start()
        if index < position:
            continue  # already taken as part of the previous cluster
        if index > position:
            out.append(text[position:index])
            starts.extend(range(position, index))
            ends.extend(range(position + 1, index + 1))
        cluster_start = index
        if unicodedata.combining(text[index]) and out and starts and starts[-1] == index - 1:
            # A combining mark after a plain letter ("a" + ring above): normalise them together.
            cluster_start = index - 1
            last = out[-1]
            out[-1] = last[:-1]
            starts.pop()
            ends.pop()
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        cluster = text[cluster_start:end]
        if unicodedata.category(cluster[0]) in ("Cf", "Cc") and cluster[0] not in "\t\n\r":
            normalised = ""  # zero-width spaces, joiners, soft hyphens, direction marks, NUL and other controls
        else:
            normalised = unicodedata.normalize("NFKC", cluster).translate(_UNIFY)
            normalised = "".join(" " if char.isspace() and char != "\n" else char for char in normalised)
        out.append(normalised)
        starts.extend([cluster_start] * len(normalised))
        ends.extend([end] * len(normalised))
        position = end
    if position < length:
        out.append(text[position:])
        starts.extend(range(position, length))
        ends.extend(range(position + 1, length + 1))
    return _Normalised("".join(out), starts, ends)


# ---------------------------------------------------------------------------------------------------------
# Numbers: e-mail, personnummer, phone numbers, postcodes, flats

_AT = r"(?:\s?@\s?|\s?[(\[{<]\s?(?:at|snabel-?a)\s?[)\]}>]\s?)"
_DOT = r"(?:\.|\s?[(\[{<]\s?(?:dot|punkt)\s?[)\]}>]\s?)"
# The look-behind keeps a match from starting inside a run of address characters, and every repetition is
# bounded, so a long run without "@" costs a constant per start.
# Written out or spaced: "anna at example dot se", "anna @ gmail . com", "anna(at)skolan punkt se".
_EMAIL_SPOKEN = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}(?:{_AT}|\s(?:at|snabel-?a)\s)[\w-]{{1,63}}"
    rf"(?:(?:{_DOT}|\s\.\s?|\s?\.\s|\s(?:dot|punkt)\s)[\w-]{{1,63}}){{0,3}}"
    r"(?:\s?\.\s?|\s(?:dot|punkt)\s|\s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s?)"
    r"(?-i:se|com|nu|org|net|eu|fi|no|dk|de|info|io|uk|edu|gov)(?!\w)",  # a domain is written in lower case
    re.IGNORECASE,
)
_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}", re.IGNORECASE)

# Six or eight digits (also split "20-02-29"), then four: also near-misses with a wrong checksum, since a
# typo is still identifying. Separators: -, +, _, ., space, " - " (en-dash is unified to "-" first).
_PERSONNUMMER = re.compile(
    r"(?<![\w+])(?P<date>(?:(?:19|20)[-. ]?)?\d{2}(?:[-. ]?\d{2}){2})(?P<sep>\s?[-+_./:]\s?|\s)?"
    r"(?P<last>\d{4}|\d{2} \d{2})"
    r"(?!\w)(?![-.,]\d)"
)
_PNR_CUE = re.compile(r"(?:pnr|personnr|personnumm?er|personnumret|samordningsnummer|ssn|född)"
                      r"(?:\s{1,2}(?:är|var|is))?\W{0,4}$",
                      re.IGNORECASE)
_DIGITS_BEFORE = re.compile(r"(?<![\w+])\d{1,4}[-. ]?$")
_DIGITS_AFTER = re.compile(r"[-. ]?\d{1,4}(?!\w)")
_TIME_RANGE = re.compile(r"[0-2]?\d[.:][0-5]\d\s?-\s?[0-2]?\d[.:][0-5]\d")  # "08.30-16.30" is no phone
_D = r"[\dOo]"  # "O" typed for "0"
_PSEP = r"(?:\s?[-./]\s?|\s)"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # +46 / 0046, optionally "(0)" or a stray 0 before the area code
    rf"(?:\+\s?|[0Oo]{{2}}\s?)46\s?(?:\(\s?[0Oo]\s?\)\s?)?(?:-\s?)?(?:[0Oo]\s?)?[1-9](?:{_PSEP}?{_D}){{5,9}}"
    # 46 without the plus, before a mobile number: 46701234567, 46 70-123 45 67
    rf"|46\s?(?:-\s?)?7{_D}(?:{_PSEP}?{_D}){{7}}"
    # other countries
    rf"|(?:\+\s?|[0Oo]{{2}}\s?)[1-9]\d{{0,2}}(?:{_PSEP}?{_D}){{6,11}}"
    # (070) 123 45 67, (08) 123 456
    rf"|\(\s?[0Oo][1-9]{_D}{{0,2}}\s?\)\s?(?:-\s?)?{_D}(?:{_PSEP}?{_D}){{4,7}}"
    # 070-123 45 67, 08-12 34 56, O7O 123 45 67
    rf"|[0Oo]{_PSEP}?[1-9](?:{_PSEP}?{_D}){{6,9}}"
    r")(?!\w)"
)
_FLAT = re.compile(
    r"(?<![\w\x00])(?:lgh|lägenhet|lägenhetsnummer|lägh|lghnr)\.?\s{0,3}(?:nr\.?\s{0,3})?\d{3,4}(?!\w)",
    re.IGNORECASE,
)
_POSTCODE_SPACED = re.compile(r"(?<![\w\-.:/])(?:SE?-\s?)?[1-9]\d{2} \d{2}(?![\w\-.:/]|\s\d)")
_POSTCODE_PLAIN = re.compile(
    r"(?<![\w\-.:/])(?P<code>(?:SE?-\s?)?[1-9]\d{4})(?![\w\-.:/])(?P<city>\s{1,3}[A-ZÅÄÖ][a-zåäö]{1,40})?"
)
_POSTCODE_CUE = re.compile(r"(?:postnummer|postnr\.?|\x00),?\s{0,3}$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------------
# Street addresses, by a scan over word tokens

# Street words written as one compound: "Sibeliusgången", "Rinkebysvängen" (lower-case "storgatan 12" too).
_STREET_STRONG = (
    "gatan", "gata", "vägen", "gränd", "gränden", "gången", "svängen", "backen", "stigen", "torget", "allén",
    "allen", "slingan", "kroken", "vändan", "stråket", "kajen", "stranden", "promenaden", "terrassen",
    "gårdsvägen", "vägens",
)
# Endings that are also ordinary words ("flygplan", "arbetsplatsen"): a street only when capitalised.
_STREET_WEAK = (
    "väg", "plan", "planen", "torg", "backe", "stig", "plats", "platsen", "park", "parken", "strand", "kaj",
    "gång", "led", "leden", "bro", "bron", "ring", "ringen", "höjden", "allé", "alle", "stråk", "svängen",
)
# Street words written apart after a name: "Tensta allé 5", "Sergels torg 1", "Gustav III:s väg 36".
_STREET_WORDS = frozenset(
    {"väg", "vägen", "gata", "gatan", "allé", "alle", "allén", "torg", "torget", "gränd", "gränden", "plan",
     "backe", "backen", "stig", "stigen", "plats", "platsen", "park", "strand", "kaj", "kajen", "gång",
     "gången", "led", "bro", "ring", "terrass", "promenad", "stråket", "slinga", "slingan", "hage", "väg."}
)
# Words that open a street name of their own: "Sankt Eriksgatan", "Norra Stationsgatan", "Drottning Kristinas väg".
_STREET_PREFIXES = frozenset(
    {"sankt", "s:t", "st", "gamla", "norra", "södra", "östra", "västra", "lilla", "stora", "nya", "drottning",
     "kung", "kungs", "prins", "prinsessan", "fru", "lill", "övre", "nedre", "bortre", "inre", "yttre"}
)
# Abbreviated streets: "Storg. 12B", "Sveav. 44", "Margretelundsv 73".
_STREET_ABBREVIATED = ("g", "v", "gt", "vg", "gat", "väg", "gr")
_ADDRESS_CUES = frozenset({"bor", "bodde", "boende", "flyttat", "flyttade", "flyttar", "adress", "adressen",
                           "adressen:", "lives", "lived", "moved", "address"})
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?::[^\W\d_]{1,2})?")
_ADDRESS_TAIL = re.compile(
    r"\.?\s{1,3}(?:nr\.?\s?)?\d{1,4}(?:\s?-\s?\d{1,4})?(?:\s?[A-H]|[a-h])?(?![^\W_])"
    r"(?:\s?,?\s?(?:\d{1,2}\s?(?:tr|trappor|trappa|vån|våningen)|(?:tr|vån|våning)\.?\s?\d{1,2}|n\.?b"
    r"|(?:lgh|lägenhet|lägh|lägenhetsnummer)\.?\s?(?:nr\.?\s?)?\d{3,4})(?![^\W_]))*",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"[IVX]{1,5}(?::s)?")


def _is_street_word(word: str, lower: str) -> bool:
    """Whether one token names a street by itself: a compound ending in a street word."""
    # One C-level check first: almost no word ends like a street.
    if lower.endswith(_STREET_STRONG) and any(
            lower.endswith(suffix) and len(lower) > len(suffix) + 1 for suffix in _STREET_STRONG):
        return True
    if word[:1].isupper() and lower.endswith(_STREET_WEAK):
        return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in _STREET_WEAK)
    return False


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses: a street word (with what opens its name) and the number after it."""
    tokens = list(_WORD_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    taken = -1
    for index, token in enumerate(tokens):
        if token.start() < taken:
            continue
        word = token.group()
        lower = word.lower()
        start_index = index
        abbreviated = False
        if _is_street_word(word, lower):
            pass
        elif lower in _STREET_WORDS and index > 0 and _joined(text, tokens[index - 1], token):
            previous = tokens[index - 1].group()
            if previous.lower() in _STOPWORDS or previous.lower() in _STREET_WORDS:
                continue
            # "Tensta allé 5", "Gustav III:s väg"; in lower case ("tensta allé 5") only with a number after.
            if not (previous[:1].isupper() or _ROMAN.fullmatch(previous)) and not _ADDRESS_TAIL.match(
                    text, token.end()):
                continue
            start_index = index - 1
        elif (len(lower) >= 3 and lower.endswith(_STREET_ABBREVIATED) and not lower.endswith("dag")
              and text.startswith(".", token.end())) or (
                word[:1].isupper() and len(lower) >= 5 and lower.endswith(("sv", "gsv"))):
            abbreviated = True
        else:
            continue
        tail = _ADDRESS_TAIL.match(text, token.end())
        if tail is None:
            if abbreviated or not _after_address_cue(tokens, start_index):
                continue
            end = token.end()
        else:
            end = tail.end()
        # Extend back over words that open the name ("Sankt", "Drottning Kristinas", "Gustav III:s").
        for _ in range(3):
            if start_index == 0 or not _joined(text, tokens[start_index - 1], tokens[start_index]):
                break
            previous = tokens[start_index - 1].group()
            if previous.lower() in _STREET_PREFIXES or _ROMAN.fullmatch(previous) or (
                    previous[:1].isupper() and text[tokens[start_index - 1].end()] == "-"):
                start_index -= 1
            elif tokens[start_index].group()[:1] == "I" and _ROMAN.fullmatch(tokens[start_index].group()):
                start_index -= 1  # "Gustav III:s väg": the name before the numeral
            else:
                break
        spans.append((tokens[start_index].start(), end))
        taken = end
    return spans


def _joined(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Whether two tokens are neighbours separated by one space or a hyphen."""
    gap = text[first.end() : second.start()]
    return gap in (" ", "-", ". ")


def _after_address_cue(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether "bor", "adress" or "flyttade" comes within three words before token *index*."""
    return any(token.group().lower() in _ADDRESS_CUES for token in tokens[max(0, index - 3) : index])


# ---------------------------------------------------------------------------------------------------------
# Names: the shipped lists, then evidence (what the word is in Swedish and English, capitals, cues, neighbours)

_TOKEN = re.compile(
    r"(?<![\w\[\-’'\x00])(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)(?P<possessive>:s)?(?![\w\]])"
)
# A strong cue makes the next word a name even when it is also an ordinary word ("hon heter Sten").
_STRONG_CUES = frozenset({"heter", "hette", "kallas", "kallad", "kallade", "kallades", "named", "called", "heta"})
# After "namn är" / "name is" as well.
_STRONG_PAIRS = frozenset({("namn", "är"), ("namnet", "är"), ("name", "is"), ("name's", "is")})
# A weak cue makes the next word a name when it is capitalised or no ordinary word ("pappa Björn", "pappa ahmed").
_WEAK_CUES = frozenset(
    {"barnet", "pojken", "flickan", "killen", "tjejen", "dottern", "sonen", "bror", "brorsan", "brodern", "systern",
     "syster", "lillebror", "storebror", "lillasyster", "storasyster", "mamma", "pappa", "mamman", "pappan",
     "styvpappa", "bonuspappa", "bonusmamma", "styvmamma", "morbror", "farbror", "moster", "faster", "mormor",
     "farmor", "morfar", "farfar", "kompisen", "kompis", "kusin", "kusinen", "vännen", "vän", "vårdnadshavaren",
     "bebisen", "babyn", "eleven", "hos", "herr", "fru", "boy", "girl", "mum", "mom", "dad", "mother", "father",
     "brother", "sister", "son", "daughter", "friend", "cousin", "mr", "mrs", "ms", "uncle", "aunt", "morbrodern",
     "pappans", "mammans", "dotter", "kompisar", "syskon", "syskonet", "tvillingen", "tvillingarna", "gäller",
     "angående", "beträffande", "regarding"}
)
# Words that are never names, whatever comes before them.
_STOPWORDS = frozenset(
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
# Finite verbs after which a sentence-opening listed name that is also a word is the subject ("Saga har ...").
_SUBJECT_VERBS = frozenset(
    {"har", "hade", "är", "var", "kom", "kommer", "gick", "går", "blev", "blir", "ska", "skulle", "kan", "kunde",
     "vill", "ville", "verkar", "verkade", "brukar", "brukade", "får", "fick", "måste", "fyller", "fyllde", "bor",
     "has", "had", "is", "was", "came", "went", "lives", "seems"}
)
_COPULAS = frozenset({"är", "var", "blir", "blev", "is", "was"})
# Verbs that want a person as subject: enough to make a month or a place a name ("Juni berättade att ...").
_PERSON_VERBS = frozenset(
    {"sa", "sade", "säger", "berättade", "berättar", "grät", "gråter", "skrek", "skriker", "slog", "slår", "bet",
     "biter", "sparkade", "sparkar", "kissade", "kissar", "bajsade", "ritade", "ritar", "lekte", "leker", "sov",
     "sover", "åt", "äter", "pratade", "pratar", "frågade", "frågar", "visade", "visar", "ramlade", "ramlar",
     "somnade", "vaknade", "hämtades", "lämnades", "hämtas", "lämnas", "luktade", "luktar", "said", "says", "told",
     "tells", "cried", "cries", "hit", "hits", "drew", "ate", "slept"}
)
# Joining words: a word next to a name across one of these is weighed as a name too ("zelda och liam").
# Initials written for a name: "A.K.", "E. S.", "M.A.H." (not "t.ex.", "bl.a.", which are lower case).
_INITIALS = re.compile(r"(?<![\w.])(?!O\.\s?K\.|P\.\s?S\.)[A-ZÅÄÖ]\.\s?[A-ZÅÄÖ]\.(?:\s?[A-ZÅÄÖ]\.)?(?![\w])")
_CONJUNCTIONS = frozenset({"och", "eller", "and", "or", "&", "samt", "plus", "med"})
_SENTENCE_END = frozenset(".!?:;\n•-–*>\"'(")
_VOWELS = frozenset("aeiouyåäöéü")
# Endings of the names of places and institutions; people's names do not end like this.
_INSTITUTIONS = ("sjukhuset", "sjukhus", "skolan", "skola", "huset", "centrum", "centret", "kyrkan", "badet",
                 "biblioteket", "gården", "parken", "torget", "stationen", "vårdcentral", "vårdcentralen",
                 "mottagningen", "kliniken", "stan", "staden", "köping", "hamn", "moskén", "förening", "föreningen")
# Endings of Swedish derived words that names do not have ("rådgivning", "trygghet", "vänskap").
_DERIVATIONS = ("ning", "ningen", "ningar", "het", "heten", "skap", "skapet", "lig", "liga", "ligt", "isk", "iska",
                "iskt", "ande", "andet", "ende", "endet", "else", "elsen", "tion", "tionen", "itet", "iteten")
_ABBREVIATIONS = frozenset(
    {"pnr", "tfn", "tel", "mob", "nr", "adr", "personnr", "mobilnr", "telnr", "postnr", "mobnr", "tfnr",
     "mejl", "mail", "email", "epost", "sms", "ssn", "lgh",
     "mkt", "pga", "ngn", "ngt", "ngra", "ang", "resp", "dvs", "osv", "etc", "obs", "fsk", "avd", "mvh", "btw",
     "asap", "tex", "bla", "iaf", "iom", "mha", "ffa", "sen", "idag", "igår", "imorgon", "imorse", "ikväll",
     "iallafall", "pappaledig", "mammaledig"}
)
# A capitalised ordinary word in the middle of a sentence is still a name when it is this rare in Swedish
# (Zipf scale: 3 = once per million words). Tuned on bench/masking.py's corpus.
_RARE_ZIPF = 3.0
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


@cache
def _names() -> _Names:
    """The name lists shipped with the package, loaded once."""
    raw = yaml.safe_load(resources.files("knowledge").joinpath("data/names.yaml").read_text("utf-8"))

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


def _people_words() -> frozenset[str]:
    """The understanding lexicon's words for people (parents, relatives, staff, other adults) in every language it
    knows ("hooyo", "stepdad", "morbror"): words that say who, which the note needs and which are no names."""
    raw = yaml.safe_load(resources.files("knowledge").joinpath("data/concepts.yaml").read_text("utf-8"))
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
        _zipf("barn", lang)


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
    if _derived(lower) or _folded_known(lower) or _compound_known(lower) or _zipf(lower, "sv") >= 4.5:
        return "common"
    return "unknown"


def _frequent_word(word: str) -> bool:
    """Whether Swedish knows *word* and uses it often enough to be no stray dictionary entry."""
    return len(word) >= 3 and _is_word(word) and _zipf(word, "sv") >= 2.0


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
        if any(_is_word(candidate) and (len(candidate) >= 4 or _zipf(candidate, "sv") >= 3.0)
               for candidate in heads if len(candidate) >= 3):
            return True
    return False


@lru_cache(maxsize=200_000)
def _zipf(lower: str, lang: str) -> float:
    """How common *lower* is in *lang* on the Zipf scale (0: unseen)."""
    return float(wordfreq.zipf_frequency(lower, lang))


@lru_cache(maxsize=200_000)
def _kind_of(lower: str) -> str:
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
        parts = [_kind_of(part) for part in lower.split("-") if part]
        if "name" in parts:
            return "name"
        if parts and all(part in ("common", "keep", "soft") for part in parts):
            return "common"
        return "unknown" if "unknown" in parts else (parts[-1] if parts else "common")
    if "'" in lower or "’" in lower:  # "Zelda's", "I'm", "don't": the word before the apostrophe decides
        return _kind_of(re.split(r"['’]", lower, maxsplit=1)[0])
    if lower.endswith(_INSTITUTIONS) and len(lower) > 8:
        return "soft"  # "Södersjukhuset", "Husbyskolan", "Kulturhuset": places, not people
    return _lexical(lower)


def _lowercase_name(lower: str) -> bool:
    """Whether a lower-case word no dictionary knows looks like a name rather than a typo or an abbreviation."""
    return (
        len(lower) >= 3
        and lower not in _ABBREVIATIONS
        and any(char in _VOWELS for char in lower)
        and _zipf(lower, "sv") < _UNKNOWN_ZIPF_SV
        and _zipf(lower, "en") < _UNKNOWN_ZIPF_EN
    )


@dataclass(slots=True)
class _Word:
    """One word token of the text being scrubbed."""

    start: int
    end: int
    word: str
    lower: str
    kind: str
    capital: bool
    sentence_start: bool


def _words(text: str) -> list[_Word]:
    """The word tokens of *text*, each with its kind and whether it opens a sentence."""
    words = []
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        lower = word.lower()
        if "'" in lower or "’" in lower:  # "I'm", "Zelda's": the part before the apostrophe is the word
            lower = re.split(r"['’]", lower, maxsplit=1)[0]
        words.append(_Word(match.start(), match.end(), word, lower, _kind_of(lower), word[0].isupper(),
                           _sentence_start(text, match.start())))
    return words


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names: the lists, cues, capitals, what the dictionaries know, and neighbours of names."""
    words = _words(text)
    masked = [False] * len(words)
    for index, word in enumerate(words):
        before = words[index - 1].lower if index > 0 and _adjacent(text, words[index - 1], word) else ""
        before2 = words[index - 2].lower if index > 1 and before else ""
        after = words[index + 1].lower if index + 1 < len(words) and _adjacent(text, word, words[index + 1]) else ""
        after2 = words[index + 2].lower if after and index + 2 < len(words) else ""
        masked[index] = _is_name(word, before, before2) or _subject_name(word, after, after2)
    # A capitalised word straight after or before a name is part of it ("Anna Svensson", "Sigge Lindqvist"),
    # and a word joined to a name by "och", "eller" or a comma is weighed as one ("zelda och liam").
    for index in range(len(words) - 1):
        first, second = words[index], words[index + 1]
        if masked[index] and not masked[index + 1]:
            masked[index + 1] = _neighbour_of_name(text, first, second)
        elif masked[index + 1] and not masked[index]:
            masked[index] = _neighbour_of_name(text, second, first, before=True)
    for index in range(len(words) - 2, -1, -1):
        if masked[index + 1] and not masked[index]:
            masked[index] = _neighbour_of_name(text, words[index + 1], words[index], before=True)
    # A surname's initial after a first name ("Lina Y", "Melvin S."): both are the name.
    for index in range(len(words) - 1):
        first, initial = words[index], words[index + 1]
        if (len(initial.word) == 1 and initial.word.isupper() and initial.word not in "IÅÖ"
                and text[first.end : initial.start] == " " and first.capital and len(first.word) > 1
                and first.kind in ("name", "ambiguous", "proper", "unknown")):
            masked[index] = masked[index + 1] = True
    return [(word.start, word.end) for word, is_name in zip(words, masked, strict=True) if is_name]


def _adjacent(text: str, first: _Word, second: _Word) -> bool:
    """Whether only spaces (or a colon) stand between two words."""
    gap = text[first.end : second.start]
    return len(gap) <= 3 and gap.strip(" :") == ""


def _possessive_kind(word: _Word) -> str | None:
    """The kind of the word without a genitive -s ("Zeldas", "Kalles"), or None when that cannot be one."""
    lower = word.lower
    if word.kind == "common" and _zipf(lower, "sv") >= 2.5 and not (
            word.capital and _kind_of(lower[:-1]) == "name"):
        return None  # a word in its own right ("minnas", "hans"), unless capitalised on a name ("Kalles")
    if len(lower) > 3 and lower.endswith("s") and lower.isalpha():
        base = _kind_of(lower[:-1])
        if base == "name" or (base in ("unknown", "proper", "ambiguous") and _zipf(lower, "sv") < 3.0):
            return base
    return None


def _is_name(word: _Word, before: str, before2: str) -> bool:
    """Whether one word is a name, from the lists, the cue before it and what kind of word it is."""
    kind, lower = word.kind, word.lower
    if kind == "keep" or (lower in _STOPWORDS and not (kind == "ambiguous" and word.capital)):
        return False
    if before in _STRONG_CUES or (before2, before) in _STRONG_PAIRS:
        return True
    weak = before in _WEAK_CUES
    acronym = len(word.word) > 1 and word.word.isupper()
    if kind == "soft" or (acronym and kind != "name"):
        return kind == "soft" and weak and word.capital  # "flickan Maj", not "pappa kom i maj"
    possessive = _possessive_kind(word)
    if kind == "name" or possessive == "name":
        return True
    middle = word.capital and not word.sentence_start
    if kind == "ambiguous" or possessive == "ambiguous":
        return word.capital and (middle or weak)
    if weak:
        return word.capital or kind in ("unknown", "proper")
    if kind == "proper":
        return word.capital or (_zipf(lower, "sv") < 4.5 and _zipf(lower, "en") < 4.0)
    if kind == "unknown":
        # A capitalised word no dictionary knows is a name, unless it has no vowel ("Pnr", "Tfn").
        return (word.capital and any(char in _VOWELS for char in lower)) or _lowercase_name(lower)
    if possessive in ("proper", "unknown") and word.capital:
        return True
    # An ordinary word capitalised in the middle of a sentence is a name when the word itself is rare.
    return middle and max(_zipf(lower, "sv"), _zipf(lower, "en")) < _RARE_ZIPF


def _subject_name(word: _Word, after: str, after2: str) -> bool:
    """Whether a capitalised word opening a sentence is a name by the verb after it ("Saga har blåmärken").

    An ordinary noun seldom opens a Swedish sentence bare, without article, right before a finite verb, so a
    listed name that is also a word is a name there; a month or a place only before a verb that wants a person
    ("Juni berättade", but "Juni var varm").
    """
    if not (word.capital and word.sentence_start and after):
        return False
    if after in _COPULAS and after2 in ("en", "ett", "a", "an"):
        return False  # "Björn är ett djur": a definition, not a person
    if word.kind == "ambiguous":
        return after in _SUBJECT_VERBS or after in _PERSON_VERBS
    if word.kind == "soft":
        return after in _PERSON_VERBS
    return False


def _neighbour_of_name(text: str, name: _Word, other: _Word, *, before: bool = False) -> bool:
    """Whether *other*, next to the masked *name*, belongs to it (surname, first name, or listed with it)."""
    if other.kind in ("keep", "soft") or other.lower in _STOPWORDS or other.lower in _ABBREVIATIONS:
        return False
    first, second = (other, name) if before else (name, other)
    gap = text[first.end : second.start]
    if gap == " ":
        # "Anna Svensson", "Anna Lindkvist": a capitalised word next to a name is part of it, unless it is
        # a common word ("Zelda Kom" is rare; "Sara Socionom" is a role).
        return other.capital and (other.kind != "common" or _zipf(other.lower, "sv") < 3.0)
    if other.kind == "common":
        return False
    # "Zelda och Liam", "zelda, liam": a word listed with a name that no dictionary knows as a word.
    joined = gap.strip(" ,").lower()
    if (joined in _CONJUNCTIONS or (joined == "" and "," in gap)) and len(gap) <= 7:
        return other.kind in ("unknown", "proper", "name") or (other.kind == "ambiguous" and other.capital)
    return False


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at *start* opens a sentence, where a capital letter says nothing about names."""
    index = start - 1
    while index >= 0 and text[index].isspace():  # only the gap before this word: linear over all words
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


# ---------------------------------------------------------------------------------------------------------
# Quasi-identifiers: birth dates, exact ages in months, group (avdelning) names, preschool names

_MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|"
          r"mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec|january|february|march|may|june|july|august|october)")
_DATE = (
    rf"(?:\d{{1,2}}(?::e|:a|st|nd|rd|th|e|a)?\.?\s{{0,2}}{_MONTH}\.?(?:,?\s{{0,2}}(?:19|20)?\d{{2}}(?!\d))?"
    rf"|{_MONTH}\s{{0,2}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{0,2}}(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|\d{1,2}\s?[-./]\s?\d{1,2}(?:\s?[-./ ]\s?(?:19|20)?\d{2}(?!\d))?"
    rf"|{_MONTH}\s{{0,2}}(?:19|20)\d{{2}})"
)
_BIRTH = re.compile(
    r"(?<!\w)(?:född|födde|föddes|födda|fött|f\.|födelsedag|födelsedagen|födelsedatum|fdd|born|birthday|"
    r"date of birth|dob|d\.o\.b\.)\s{0,3}(?:(?:den|on|i|in|the|:)\s{0,2})?"
    rf"(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# A birthday named by the day the child turns a year older: "fyller 4 den 12 mars", "födelsedagen är 3 juni".
_BIRTHDAY = re.compile(
    r"(?<!\w)(?:fyller|fyllde|fyllt|födelsedag(?:en)?\s{1,2}(?:är|var)|birthday\s{1,2}is|turns)"
    r"\s{1,3}(?:(?:\d{1,2}|år)\s{1,2}(?:år\s{1,2})?)?(?:(?:den|på|on|the)\s{1,2})?"
    rf"(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# "12/3-20", "3/11-2019": day/month-year is how Swedes write a birth date in short.
_SHORT_BIRTH = re.compile(r"(?<![\w/.-])\d{1,2}/\d{1,2}\s?-\s?(?:19|20)?\d{2}(?![\w/.-])")
_AGE_MONTHS = re.compile(
    r"(?<![\w,.])(?:\d{1,2}\s?(?:år|års|years?)\s{1,2}(?:och\s{1,2}|and\s{1,2})?)?\d{1,2}(?:[,.]5)?"
    r"(?P<adjective>\s?-\s?|\s)?(?P<unit>månaders|månader|månad|mån|mnd|months|month|mos|mo)"
    r"(?P<old>\s{1,2}(?:gammal|gamla|gml|old))?(?!\w)",
    re.IGNORECASE,
)
# A number of months after these words is how long something has gone on, not how old the child is.
_DURATION_BEFORE = frozenset({"i", "sedan", "för", "under", "senaste", "sista", "inom", "efter", "varje", "per",
                              "på", "om", "in", "for", "since", "within", "after", "every", "last", "past", "över",
                              "nästan", "ca", "cirka", "drygt", "typ"})
_AGE_BEFORE = frozenset({"är", "var", "blir", "blev", "fyller", "fyllde", "ålder", "åldern", "age", "aged", "is",
                         "was", "turned", "turns", "bebis", "bebisen", "barnet", "pojken", "flickan", "(", ","})
_GROUP_WORDS = frozenset({"avdelning", "avdelningen", "avd", "gruppen", "basgruppen", "basgrupp", "grupp",
                          "hemvist", "hemvisten", "department", "group"})
_GROUP_DEFINITE = frozenset({"avdelningen", "gruppen", "basgruppen", "hemvisten"})
_GROUP_STOP = _STOPWORDS | frozenset({"där", "här", "idag", "också", "fick", "hela", "varje", "vilken",
                                      "som", "heter", "kallas", "nr", "nummer"})
# Words of preschool names that say nothing about which preschool it is.
_PLACE_GENERIC = frozenset(
    {"förskolan", "förskola", "förskolor", "förskolorna", "montessoriförskola", "montessoriförskolan",
     "waldorfförskola", "waldorfförskolan", "föräldrakooperativ", "föräldrakooperativet", "föräldrakooperativa",
     "i", "ur", "och", "skur", "ab", "för", "the", "enskilda", "skola", "skolan", "språkförskola", "av", "på",
     "internationella", "engelska", "svenska", "montessori", "waldorf", "ekonomisk", "förening", "stiftelsen",
     "förskoleenhet", "förskoleenheten", "fsk", "den", "det", "de", "en", "ett", "stora", "lilla", "nya", "gamla",
     "norra", "södra", "östra", "västra", "pysslingen", "vittra", "norlandia", "inspira", "kunskapsförskolan",
     "academedia", "barnomsorg", "dagis", "daghem", "familjedaghem", "pedagogisk", "omsorg"}
)
_PLACE_CUES = frozenset({"förskolan", "förskola", "fsk", "förskolor", "preschool"})


def _birthdate_spans(text: str) -> list[tuple[int, int]]:
    """Birth dates after "född", "födelsedatum", "born" …, and short dates like "12/3-20"."""
    spans = [match.span("date") for pattern in (_BIRTH, _BIRTHDAY) for match in pattern.finditer(text)]
    return spans + _matches(_SHORT_BIRTH, text)


def _age_spans(text: str) -> list[tuple[int, int]]:
    """Exact ages in months ("22 månader gammal", "är 1 år och 10 mån"), not durations ("i 3 månader")."""
    spans = []
    for match in _AGE_MONTHS.finditer(text):
        before = _last_word(text, match.start())
        after = text[match.end() : match.end() + 12].lower().lstrip()
        if before in _DURATION_BEFORE or after.startswith(("sedan", "tillbaka", "ago", "framåt")):
            continue
        age_like = (
            match.group("old") is not None
            or match.group("unit").lower() == "månaders"
            or (match.group("adjective") or "").strip() == "-"
            or before in _AGE_BEFORE
            or " och " in match.group().lower()
            or " and " in match.group().lower()
        )
        if age_like:
            spans.append(match.span())
    return spans


def _last_word(text: str, position: int) -> str:
    """The word (or one of "(" and ",") straight before *position*, lower-cased."""
    index = position - 1
    while index >= 0 and text[index] == " ":
        index -= 1
    if index >= 0 and text[index] in "(,":
        return text[index]
    end = index + 1
    while index >= 0 and (text[index].isalpha()):
        index -= 1
        if end - index > 30:
            break
    return text[index + 1 : end].lower()


def _group_spans(text: str) -> list[tuple[int, int]]:
    """Group names: the word after "avdelning(en)", "avd." or "gruppen", and "Solrosens avdelning"."""
    tokens = list(re.finditer(r"[^\W_]+", text))
    spans = []
    for index, token in enumerate(tokens):
        lower = token.group().lower()
        if lower not in _GROUP_WORDS:
            continue
        # "Solrosens avdelning", "Solrosen-avdelningen"
        if index > 0:
            previous = tokens[index - 1]
            gap = text[previous.end() : token.start()]
            if gap in (" ", "-") and previous.group()[:1].isupper() and previous.group().lower() not in _GROUP_STOP \
                    and _kind_of(previous.group().lower()) not in ("keep", "soft") \
                    and (gap == "-" or previous.group().endswith("s")):
                spans.append(previous.span())
        position = index + 1
        # "avdelningen som heter Solrosen", "avd: Humlan"
        while position < len(tokens) and tokens[position].group().lower() in ("som", "heter", "kallas", "nr"):
            position += 1
        if position >= len(tokens):
            continue
        following = tokens[position]
        gap = text[token.end() : following.start()]
        if len(gap) > 4 or gap.strip(" .:\"'") != "":
            continue
        word = following.group()
        if word.lower() in _GROUP_STOP:
            continue
        definite = lower in _GROUP_DEFINITE and position == index + 1
        kind = _kind_of(word.lower()) if word.isalpha() else "number"
        # After "avdelning" (indefinite) a name follows; after "avdelningen" mostly a verb, unless capitalised.
        # A lower-case ordinary word is a group name only in the definite form groups have ("solrosen").
        named = word[:1].isupper() or kind in ("unknown", "proper", "name", "number")
        if not named and (definite or not word.lower().endswith(("en", "an", "et", "na"))):
            continue
        end = following.end()
        if position + 1 < len(tokens) and text[end : tokens[position + 1].start()] == " " \
                and tokens[position + 1].group()[:1].isupper() and word[:1].isupper():
            end = tokens[position + 1].end()  # "Blå Grodan"
        spans.append((following.start(), end))
    return spans


@dataclass(frozen=True, slots=True)
class _PlaceIndex:
    """Distinctive words of preschool names, indexed by their first word (folded, lower-case)."""

    sequences: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, names: Iterable[str]) -> _PlaceIndex:
        """Index the distinctive part of every name ("Förskolan Blå Grodan" -> "blå grodan")."""
        found: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            words = [fold(token) for token in re.findall(r"[^\W\d_]+", name)
                     if token.lower() not in _PLACE_GENERIC and not _is_street_word(token, token.lower())]
            if not words or all(len(word) < 3 for word in words):
                continue
            if (len(words) == 1 and _kind_of(words[0]) in ("keep", "soft")) or words[0] in _STOPWORDS:
                continue  # a preschool named after its district: the district may stay
            found.setdefault(words[0], set()).add(tuple(words))
        return cls({first: tuple(sorted(sequences, key=len, reverse=True)) for first, sequences in found.items()})

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of preschool names in *text* that say which preschool it is."""
        if not self.sequences:
            return []
        tokens = list(_WORD_TOKEN.finditer(text))
        folded = [fold(token.group()) for token in tokens]
        spans = []
        index = 0
        while index < len(tokens):
            matched = self._match_at(text, tokens, folded, index)
            if matched is None:
                index += 1
                continue
            spans.append((tokens[index].start(), tokens[matched - 1].end()))
            index = matched
        return spans

    def _match_at(self, text: str, tokens: list[re.Match[str]], folded: list[str], index: int) -> int | None:
        """The index after a preschool name starting at token *index* that should be masked, or None."""
        first = folded[index]
        candidates = self.sequences.get(first)
        possessive = False
        if candidates is None and first.endswith("s") and tokens[index].group()[:1].isupper():
            candidates, possessive = self.sequences.get(first[:-1]), True  # "Sagobergets"
        if not candidates:
            return None
        for sequence in candidates:
            end = index + len(sequence)
            if end > len(tokens):
                continue
            if any(folded[index + offset] != word for offset, word in enumerate(sequence) if offset or not possessive):
                continue
            if any(text[tokens[position - 1].end() : tokens[position].start()] not in (" ", "-")
                   for position in range(index + 1, end)):
                continue
            if self._identifying(text, tokens, folded, index, sequence):
                return end
        return None

    @staticmethod
    def _identifying(text: str, tokens: list[re.Match[str]], folded: list[str], index: int,
                     sequence: tuple[str, ...]) -> bool:
        """Whether the words at *index* name the preschool here, not just an ordinary word ("färjan")."""
        cue_before = index > 0 and folded[index - 1] in {fold(cue) for cue in _PLACE_CUES}
        cue_after = index + len(sequence) < len(tokens) and folded[index + len(sequence)].startswith("forskol")
        if cue_before or cue_after or len(sequence) > 1:
            return True
        word = tokens[index].group()
        lower = word.lower()
        if fold(lower) != sequence[0] and lower.endswith("s"):
            lower = lower[:-1]  # "Sagobergets"
        kind = _kind_of(lower)
        if kind not in ("common", "keep", "soft", "ambiguous"):
            return True  # not an ordinary word in any case
        # An ordinary word that is rare ("Sagoberget", "kastanjelunden") names the preschool in any case; a
        # frequent one ("färjan") only when capitalised in the middle of a sentence.
        if _zipf(lower, "sv") < 2.5:
            return True
        return word[:1].isupper() and not _sentence_start(text, tokens[index].start())


# ---------------------------------------------------------------------------------------------------------
# The scrubber

Span = tuple[int, int, str]


class _Work:
    """The normalised text being scrubbed, with what is already masked blanked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []

    def mask(self, found: Iterable[tuple[int, int]], kind: str) -> None:
        """Record *found* spans as *kind* and blank them so later passes cannot see them."""
        new = sorted((start, end) for start, end in found if end > start)
        if not new:
            return
        pieces: list[str] = []
        position = 0
        for found_start, end in new:
            start = max(found_start, position)  # overlapping with the previous span of this pass
            if start >= end:
                continue
            pieces += [self.text[position:start], _BLANK * (end - start)]
            position = end
            self.spans.append((start, end, kind))
        pieces.append(self.text[position:])
        self.text = "".join(pieces)


class Scrubber:
    """Masks personal data in free text; built once per set of preschool names (a token index, not regexes).

    `scrub` below is the shared default instance, which knows no preschool names.
    """

    def __init__(self, places: Iterable[str] = ()) -> None:
        self._places = _PlaceIndex.build(places)

    def scrub(self, text: str) -> Scrubbed:
        """Mask personal data in *text* and report which kinds were masked."""
        normalised = _normalise(text)
        work = _Work(normalised.text)
        work.mask(_matches(_EMAIL, work.text), "email")
        work.mask(_matches(_EMAIL_SPOKEN, work.text), "email")
        work.mask(_personnummer_spans(work.text), "personnummer")
        work.mask(_phone_spans(work.text), "phone")
        work.mask(_address_spans(work.text), "address")
        work.mask(_matches(_FLAT, work.text), "address")
        work.mask(_matches(_POSTCODE_SPACED, work.text), "postcode")
        work.mask(_plain_postcode_spans(work.text), "postcode")
        work.mask(_birthdate_spans(work.text), "birthdate")
        work.mask(_age_spans(work.text), "age")
        work.mask(self._places.spans(work.text), "preschool")
        work.mask(_group_spans(work.text), "group")
        work.mask(_matches(_INITIALS, work.text), "name")
        work.mask(_name_spans(work.text), "name")
        return _rebuild(text, normalised, work.spans)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of every match of *pattern*."""
    return [match.span() for match in pattern.finditer(text)]


def _personnummer_spans(text: str) -> list[tuple[int, int]]:
    """Personnummer and samordningsnummer; a plain 07x... that is no valid number is left for the phone pass."""
    spans = []
    for match in _PERSONNUMMER.finditer(text):
        value = match.group(0)
        if " " in match.group("last") and " " in match.group("date") and not _PNR_CUE.search(
                text, max(0, match.start() - 24), match.start()):
            continue  # "10 12 14 16 18": a list of numbers, not "19 03 12 2388", "190312 23 88" or "pnr 19 20 ..."
        if (value.isdigit() and len(value) == 10 and value.startswith("0") and value[1] != "0"
                and not is_valid_personnummer(value)):
            continue  # "0701234567": a phone number, masked by the phone pass ("00..." is none: kept here)
        start = match.start()
        # Digits straight before belong to the same number ("12-20-02-29-7717"): never leave them behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        spans.append((start, match.end()))
    return spans


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers with at least seven real digits (so that words with "O" in them are never taken)."""
    spans = []
    for match in _PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group()) < 7 or _TIME_RANGE.fullmatch(match.group()):
            continue
        start, end = match.span()
        # Digit groups straight before or after belong to the same number: never leave a part behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        if (after := _DIGITS_AFTER.match(text, end)) is not None:
            end = after.end()
        spans.append((start, end))
    return spans


def _plain_postcode_spans(text: str) -> list[tuple[int, int]]:
    """Five digits that stand like a postcode: before a place name or after an address or "postnummer"."""
    spans = []
    for match in _POSTCODE_PLAIN.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if match.group("city") or _POSTCODE_CUE.search(before):
            spans.append(match.span("code"))
    return spans


def _rebuild(original: str, normalised: _Normalised, spans: list[Span]) -> Scrubbed:
    """The original text with every span (of the normalised text) replaced by its mask."""
    mapped = sorted((*normalised.original_span(start, end), kind) for start, end, kind in spans)
    pieces: list[str] = []
    kinds: set[str] = set()
    position = 0
    for start, end, kind in mapped:
        if start < position:
            continue  # a second span inside one already masked (both came from one cluster)
        pieces += [original[position:start].replace("\x00", ""), MASKS[kind]]
        kinds.add(kind)
        position = end
    # NUL bytes are dropped everywhere: PostgreSQL cannot store them and they carry nothing.
    pieces.append(original[position:].replace("\x00", ""))
    return Scrubbed("".join(pieces), frozenset(kinds))


_DEFAULT = Scrubber()


def scrub(text: str) -> Scrubbed:
    """Mask personal data in *text* (no preschool names: see `Scrubber`) and report which kinds were masked."""
    return _DEFAULT.scrub(text)


def is_valid_personnummer(value: str) -> bool:
    """Whether *value* is a personnummer or samordningsnummer with a real date and a correct Luhn checksum."""
    digits = "".join(char for char in value if char.isdigit())
    if len(digits) == 12:
        digits = digits[2:]
    if len(digits) != 10:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if day > 60:
        day -= 60  # samordningsnummer
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    return _luhn(digits)


def _luhn(digits: str) -> bool:
    """The Luhn checksum over ten digits, as used by Skatteverket."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


