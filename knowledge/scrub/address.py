"""Street addresses, found by a scan over word tokens (a regular expression would need nested repetition)."""

from __future__ import annotations

import re

from knowledge.scrub.lexicon import STOPWORDS

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
_PASSAGES = ("uppgången", "ingången", "utgången", "nedgången", "övergången", "uppgång", "ingång")
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
WORD_TOKEN = re.compile(r"[^\W\d_]+(?::[^\W\d_]{1,2})?")
_ADDRESS_TAIL = re.compile(
    r"\.?\s{1,3}(?:nr\.?\s?)?\d{1,4}(?:\s?-\s?\d{1,4})?(?:\s?[A-H]|[a-h])?(?![^\W_])"
    r"(?:\s?,?\s?(?:\d{1,2}\s?(?:tr|trappor|trappa|vån|våningen)|(?:tr|vån|våning)\.?\s?\d{1,2}|n\.?b"
    r"|(?:lgh|lägenhet|lägh|lägenhetsnummer)\.?\s?(?:nr\.?\s?)?\d{3,4})(?![^\W_]))*",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"[IVX]{1,5}(?::s)?")


def is_street_word(word: str, lower: str) -> bool:
    """Whether one token names a street by itself: a compound ending in a street word."""
    if lower.endswith(_PASSAGES):
        return False  # "trappuppgången", "ingången": part of a building
    # One C-level check first: almost no word ends like a street.
    if lower.endswith(_STREET_STRONG) and any(
            lower.endswith(suffix) and len(lower) > len(suffix) + 1 for suffix in _STREET_STRONG):
        return True
    if word[:1].isupper() and lower.endswith(_STREET_WEAK):
        return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in _STREET_WEAK)
    return False


def address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses: a street word (with what opens its name) and the number after it."""
    tokens = list(WORD_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    taken = -1
    for index, token in enumerate(tokens):
        if token.start() < taken:
            continue
        word = token.group()
        lower = word.lower()
        start_index = index
        abbreviated = False
        if is_street_word(word, lower):
            pass
        elif lower in _STREET_WORDS and index > 0 and _joined(text, tokens[index - 1], token):
            previous = tokens[index - 1].group()
            if previous.lower() in STOPWORDS or previous.lower() in _STREET_WORDS:
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
    # A mask of an earlier scrub ("[adress]") is no cue: scrubbing scrubbed text must change nothing.
    return any(token.group().lower() in _ADDRESS_CUES
               and not (token.start() > 0 and token.string[token.start() - 1] == "[")
               for token in tokens[max(0, index - 3) : index])
