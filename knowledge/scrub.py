"""PII scrubbing: mask personnummer, phone numbers, e-mail, addresses, postcodes and names before anything is kept."""

from __future__ import annotations

import re
from collections.abc import Callable
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


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Six or eight digits, then four: also near-misses with a wrong checksum, since a typo is still identifying.
_PERSONNUMMER = re.compile(r"(?<![\w+-])(?:(?P<long>\d{8})[-+]?|(?P<short>\d{6})[-+ ]?)(?P<last>\d{4})(?![\w-])")
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)46[\s-]?(?:\(0\)[\s-]?)?|0)[1-9](?:[\s-]?\d){6,8}(?![\w-])")
_STREET = (
    "gatan|gata|vägen|väg|gränd|gränden|torget|torg|backen|backe|stigen|stig|allén|allé|platsen|slingan|"
    "kajen|stranden|strand|stråket|promenaden|liden|vägen"
)
# Street names may start with a word of their own ("Sankt Eriksgatan", "Norra Stationsgatan") and may be
# written in capitals ("STORGATAN 12"): both are matched, case-insensitively.
_STREET_PREFIX = r"(?:(?:sankt|s:t|gamla|norra|södra|östra|västra|lilla|stora|nya|drottning|kung)\s+)?"
_ADDRESS = re.compile(
    rf"(?<![\w\[]){_STREET_PREFIX}[A-Za-zÅÄÖåäöÉé][\wåäöÅÄÖéÉ-]+?(?:{_STREET})\s+\d{{1,4}}"
    r"(?:\s?[A-H](?![\wåäöÅÄÖ])|[a-h](?![\wåäöÅÄÖ]))?"
    r"(?:\s*,?\s*(?:lgh|lägenhet|lägh)\.?\s*(?:nr\.?\s*)?\d{3,4})?",
    re.IGNORECASE,
)
_FLAT = re.compile(r"(?<![\w\[])(?:lgh|lägenhet|lägenhetsnummer)\.?\s*(?:nr\.?\s*)?\d{3,4}(?!\w)", re.IGNORECASE)
_POSTCODE_SPACED = re.compile(r"(?<![\w\-.:/])[1-9]\d{2} \d{2}(?![\w\-.:/]|\s\d)")
_POSTCODE_PLAIN = re.compile(r"(?<![\w\-.:/])(?P<code>[1-9]\d{4})(?![\w\-.:/])(?P<city>\s+[A-ZÅÄÖ][a-zåäö]+)?")
_POSTCODE_CUE = re.compile(r"(?:postnummer|postnr\.?|\[adress\],?)\s*$", re.IGNORECASE)

_TOKEN = re.compile(r"(?<![\w\[\-’'])(?P<word>[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*)(?P<possessive>:s)?(?![\w\]])")
# A name cue makes the next word a name even when it is also an ordinary word ("hon heter Sten").
_STRONG_CUE = re.compile(
    r"(?<!\w)(?:heter|hette|kallas|kallad|kallades|namnet|namn är|name is|named)\s+", re.IGNORECASE
)
# Weak cues only point at a capitalised word ("pappa Ali", not "pappa kom").
_WEAK_CUE = re.compile(
    r"(?<!\w)(?:barnet|pojken|flickan|killen|tjejen|dottern|sonen|bror|brorsan|systern|syster|lillebror|storebror|"
    r"lillasyster|storasyster|mamma|pappa|mamman|pappan|styvpappa|bonuspappa|bonusmamma|styvmamma|morbror|"
    r"farbror|moster|faster|mormor|farmor|morfar|farfar|kompisen|vårdnadshavaren|the boy|the girl|mum|mom|dad|"
    r"mother|father|brother|sister|son|daughter|called)\s+",
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


def scrub(text: str) -> Scrubbed:
    """Mask personal data in *text* and report which kinds were masked."""
    kinds: set[str] = set()

    def masker(kind: str) -> Callable[[re.Match[str]], str]:
        def mask(_: re.Match[str]) -> str:
            kinds.add(kind)
            return MASKS[kind]

        return mask

    def personnummer(match: re.Match[str]) -> str:
        digits = match.group("long") or match.group("short")
        plain = match.group(0).isdigit()
        if plain and match.group("short") and digits.startswith("0") and not is_valid_personnummer(match.group(0)):
            return match.group(0)  # 07x... without a separator is a mobile number; the phone pass masks it.
        kinds.add("personnummer")
        return MASKS["personnummer"]

    text = _EMAIL.sub(masker("email"), text)
    text = _PERSONNUMMER.sub(personnummer, text)
    text = _PHONE.sub(masker("phone"), text)
    text = _ADDRESS.sub(masker("address"), text)
    text = _FLAT.sub(masker("address"), text)
    text = _POSTCODE_SPACED.sub(masker("postcode"), text)
    text = _POSTCODE_PLAIN.sub(lambda match: _plain_postcode(match, kinds), text)
    text = _scrub_names(text, kinds)
    return Scrubbed(text, frozenset(kinds))


def _plain_postcode(match: re.Match[str], kinds: set[str]) -> str:
    """Mask five digits that stand like a postcode: before a place name or after an address or "postnummer"."""
    before = match.string[max(0, match.start() - 20) : match.start()]
    if match.group("city") or _POSTCODE_CUE.search(before):
        kinds.add("postcode")
        return MASKS["postcode"] + (match.group("city") or "")
    return match.group(0)


def _scrub_names(text: str, kinds: set[str]) -> str:
    """Mask names from the shipped lists, any word a name cue points at, and the rest of a full name."""
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
    pieces: list[str] = []
    position = 0
    for match, is_name in zip(tokens, masked, strict=True):
        if is_name:
            pieces += [text[position : match.start()], MASKS["name"]]
            position = match.end()
            kinds.add("name")
    pieces.append(text[position:])
    return "".join(pieces)


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
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


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
