"""PII scrubbing: mask personnummer, phone numbers, e-mail, addresses, postcodes and names before anything is kept.

The text is normalised first (Unicode NFKC, zero-width and other format characters dropped, dash variants
and odd spaces unified) so that look-alike characters cannot hide a number; every mask found in the
normalised text is mapped back onto the original through an offset map, and everything else of the original
is returned as written. Every pattern runs in linear time: only bounded repetition where a match could
restart, look-behinds that keep a match from starting inside a run it already rejected, and token scans
instead of regular expressions where a pattern would need nested repetition (street addresses, names).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MASKS = {
    "personnummer": "[personnummer]",
    "phone": "[telefon]",
    "email": "[e-post]",
    "address": "[adress]",
    "postcode": "[postnummer]",
    "name": "[namn]",
}
KINDS = frozenset(MASKS)


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
_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}", re.IGNORECASE)

# Six or eight digits (also split "20-02-29"), then four: also near-misses with a wrong checksum, since a
# typo is still identifying. Separators: -, +, _, ., space, " - " (en-dash is unified to "-" first).
_PERSONNUMMER = re.compile(
    r"(?<![\w+])(?P<date>(?:(?:19|20)[-. ]?)?\d{2}(?:[-. ]?\d{2}){2})(?P<sep>\s?[-+_.]\s?|\s)?(?P<last>\d{4})"
    r"(?!\w)(?![-.,]\d)"
)
_DIGITS_BEFORE = re.compile(r"(?<![\w+])\d{1,4}[-. ]?$")
_DIGITS_AFTER = re.compile(r"[-. ]?\d{1,4}(?!\w)")
_TIME_RANGE = re.compile(r"[0-2]?\d[.:][0-5]\d\s?-\s?[0-2]?\d[.:][0-5]\d")  # "08.30-16.30" is no phone
_D = r"[\dOo]"  # "O" typed for "0"
_PSEP = r"(?:\s?[-./]\s?|\s)"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # +46 / 0046, optionally "(0)" or a stray 0 before the area code
    rf"(?:\+\s?|[0Oo]{{2}}\s?)46\s?(?:\(\s?[0Oo]\s?\)\s?)?(?:-\s?)?(?:[0Oo]\s?)?[1-9](?:{_PSEP}?{_D}){{5,9}}"
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
    capital = word[:1].isupper()
    for suffix in _STREET_STRONG:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            return True
    if capital:
        for suffix in _STREET_WEAK:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                return True
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
            if not (previous[:1].isupper() or _ROMAN.fullmatch(previous)):
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
# Names

_TOKEN = re.compile(
    r"(?<![\w\[\-’'\x00])(?P<word>[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*)(?P<possessive>:s)?(?![\w\]])"
)
# A name cue makes the next word a name even when it is also an ordinary word ("hon heter Sten").
_STRONG_CUE = re.compile(
    r"(?<!\w)(?:heter|hette|kallas|kallad|kallades|namnet|namn är|name is|named)\s{1,3}", re.IGNORECASE
)
# Weak cues only point at a capitalised word ("pappa Ali", not "pappa kom").
_WEAK_CUE = re.compile(
    r"(?<!\w)(?:barnet|pojken|flickan|killen|tjejen|dottern|sonen|bror|brorsan|systern|syster|lillebror|storebror|"
    r"lillasyster|storasyster|mamma|pappa|mamman|pappan|styvpappa|bonuspappa|bonusmamma|styvmamma|morbror|"
    r"farbror|moster|faster|mormor|farmor|morfar|farfar|kompisen|vårdnadshavaren|the boy|the girl|mum|mom|dad|"
    r"mother|father|brother|sister|son|daughter|called)\s{1,3}",
    re.IGNORECASE,
)
_CUE_STOPWORDS = frozenset(
    {"det", "inte", "så", "något", "nog", "ju", "väl", "också", "som", "att", "i", "på", "och", "hon", "han",
     "hen", "de", "the", "it", "not", "and", "is", "was", "har", "hade", "är", "var", "kom", "sa", "säger"}
)
_SENTENCE_END = frozenset(".!?:;\n•-–*>\"'(")


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

    ambiguous = lower("ambiguous")
    keep = lower("keep")
    return _Names(
        names=(lower("first_names") | lower("surnames")) - ambiguous - keep,
        ambiguous=ambiguous - keep,
        keep=keep,
        keep_unless_named=lower("keep_unless_named") - keep,
    )


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names from the shipped lists, any word a name cue points at, and the rest of a full name."""
    lists = _names()
    strong = {match.end() for match in _STRONG_CUE.finditer(text)}
    weak = {match.end() for match in _WEAK_CUE.finditer(text)}
    tokens = list(_TOKEN.finditer(text))
    masked = [False] * len(tokens)
    for index, match in enumerate(tokens):
        chained = index > 0 and masked[index - 1] and tokens[index - 1].end() == match.start() - 1
        masked[index] = _is_name(match, lists, strong, weak, chained=chained)
    # "Lisa Andersson": a capitalised word straight before a masked name is part of the same name.
    for index in range(len(tokens) - 2, -1, -1):
        match, following = tokens[index], tokens[index + 1]
        if not masked[index] and masked[index + 1] and match.end() == following.start() - 1:
            masked[index] = text[match.end()] == " " and _may_be_name(match, lists)
    return [(match.start(), match.end()) for match, is_name in zip(tokens, masked, strict=True) if is_name]


def _may_be_name(match: re.Match[str], lists: _Names) -> bool:
    """Whether a capitalised word next to a name can itself be part of that name."""
    lower = match.group("word").lower()
    return (
        match.group("word")[0].isupper()
        and lower not in lists.keep
        and lower not in lists.keep_unless_named
        and lower not in _CUE_STOPWORDS
    )


def _is_name(
    match: re.Match[str],
    lists: _Names,
    strong: set[int],
    weak: set[int],
    *,
    chained: bool,
) -> bool:
    """Whether one word token is a name, from the lists, the cues before it and its place in the sentence."""
    lower = match.group("word").lower()
    capital = match.group("word")[0].isupper()
    if lower in lists.keep or (lower in _CUE_STOPWORDS and not capital):
        return False
    start = match.start()
    if start in strong and lower not in _CUE_STOPWORDS:
        return True
    if capital and (start in weak or match.group("possessive")) and lower not in _CUE_STOPWORDS:
        return True
    if lower in lists.keep_unless_named:
        return False
    candidates = [lower, *lower.split("-")]
    if lower.endswith("s"):
        candidates.append(lower[:-1])  # "Alvas mamma"
    if any(candidate in lists.names for candidate in candidates):
        return True
    mid_sentence = capital and not _sentence_start(match.string, start)
    if mid_sentence and any(candidate in lists.ambiguous for candidate in candidates):
        return True
    # "Anna Svensson", "Fatima Abdirahman": a capitalised word straight after a name is its surname.
    return chained and match.string[start - 1] == " " and _may_be_name(match, lists)


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at *start* opens a sentence, where a capital letter says nothing about names."""
    index = start - 1
    while index >= 0 and text[index].isspace():  # only the gap before this word: linear over all words
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


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
        for start, end in new:
            if start < position:
                start = position  # overlapping with the previous span of this pass
                if start >= end:
                    continue
            pieces += [self.text[position:start], _BLANK * (end - start)]
            position = end
            self.spans.append((start, end, kind))
        pieces.append(self.text[position:])
        self.text = "".join(pieces)


class Scrubber:
    """Masks personal data in free text; `scrub` below is the shared default instance."""

    def scrub(self, text: str) -> Scrubbed:
        """Mask personal data in *text* and report which kinds were masked."""
        normalised = _normalise(text)
        work = _Work(normalised.text)
        work.mask(_matches(_EMAIL, work.text), "email")
        work.mask(_personnummer_spans(work.text), "personnummer")
        work.mask(_phone_spans(work.text), "phone")
        work.mask(_address_spans(work.text), "address")
        work.mask(_matches(_FLAT, work.text), "address")
        work.mask(_matches(_POSTCODE_SPACED, work.text), "postcode")
        work.mask(_plain_postcode_spans(work.text), "postcode")
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
        if value.isdigit() and len(value) == 10 and value.startswith("0") and not is_valid_personnummer(value):
            continue
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


