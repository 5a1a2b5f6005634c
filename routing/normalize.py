"""Swedish normalisation for matching: case, å/ä/ö folding, noise words, possessives, punctuation; the keys
that names, streets and places are compared by, and a rough sound key for spellings that sound alike."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# Words that say "preschool" and nothing about which one.
NOISE_WORDS = frozenset({"forskolan", "forskola", "forskolor", "fsk", "forsk", "foerskolan", "forskoln",
                         "forskolorna", "preschool"})
# Chain and organiser words: staff leave them out or add them, so they never make a name different.
# Each maps to one key, so "Föräldrakoop" and "Föräldrakooperativet" are the same chain word.
CHAIN_WORDS = {"pysslingen": "pysslingen", "pysslingens": "pysslingen", "academica": "academica",
               "tellusbarn": "tellusbarn", "ur": "urochskur", "skur": "urochskur",
               "foraldrakooperativet": "foraldrakoop", "foraldrakooperativ": "foraldrakoop",
               "foraldrakoop": "foraldrakoop", "kooperativ": "foraldrakoop", "kooperativet": "foraldrakoop"}
# Organisational words with nothing to say about which preschool ("Ek. För.", "AB").
_ORGANISATION_WORDS = frozenset({"forening", "foreningen", "ekonomisk", "for", "ab", "kommunal", "kommunala"})
# Words of a sentence around the name ("den på", "jag jobbar på", "avd") that never name a preschool.
FILLER_WORDS = frozenset({"i", "pa", "vid", "den", "det", "som", "och", "hos", "nara", "ligger", "avd",
                          "avdelning", "avdelningen", "jag", "vi", "jobbar", "arbetar", "heter", "min",
                          "ar", "fran", "mot", "the", "of", "in", "at", "eller", "typ", "stadsdel",
                          "stadsdelen", "omradet", "till", "nagon", "en", "ett"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Definite ending (-en) is dropped from longer words so "Solrosen", "Solrosens" and "solros" meet.
_DEFINITE_MIN_LENGTH = 6
# Keyboards without å/ä/ö: "aa" for å, "ae" for ä, "oe" for ö (applied to names and queries alike).
_ASCII_SPELLINGS = (("aa", "a"), ("ae", "a"), ("oe", "o"))
_PRESCHOOL_SUFFIXES = ("forskolorna", "forskolan", "forskolor", "forskola")
# Street types, typed in full, short or definite: all end up as one key ending ("Ripsavägen" = "ripsa|vag").
_STREET_ENDINGS = (("vagen", "vag"), ("vag", "vag"), ("gatan", "gata"), ("gata", "gata"), ("granden", "grand"),
                   ("grand", "grand"), ("backen", "backe"), ("backe", "backe"), ("allen", "alle"), ("alle", "alle"),
                   ("torget", "torg"), ("torg", "torg"), ("stigen", "stig"), ("stig", "stig"),
                   ("slingan", "slinga"), ("slinga", "slinga"), ("stråket", "strak"), ("straket", "strak"),
                   ("platsen", "plats"), ("plan", "plan"), ("ringen", "ring"), ("gangen", "gang"),
                   ("branten", "brant"), ("vagen", "vag"))


def fold(text: str) -> str:
    """Lower-case *text* and strip diacritics (å → a, ä → a, ö → o, é → e)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(token: str) -> str:
    if len(token) >= _DEFINITE_MIN_LENGTH and token.endswith("en") and not token[-3].isdigit():
        return token[:-2]
    return token


def stem(token: str) -> str:
    """The definite ending -en dropped from a longer word ("solrosen" → "solros")."""
    return _stem(token)


def tokens(text: str) -> list[str]:
    """Normalised tokens of *text*: folded, punctuation removed, noise words and possessive -s dropped."""
    raw = [t for t in _NON_WORD.split(fold(text)) if t]
    kept: list[str] = []
    for position, word in enumerate(raw):
        if word in NOISE_WORDS:
            continue
        following = raw[position + 1] if position + 1 < len(raw) else ""
        # "Solrosens förskola", "Villekullas fsk": the possessive -s belongs to the noise word after it.
        token = word[:-1] if following in NOISE_WORDS and len(word) > 3 and word.endswith("s") else word
        kept.append(_stem(token))
    return kept


def normalize(text: str) -> str:
    """*text* as one matching key, e.g. "Solrosens förskola" → "solros"."""
    return " ".join(tokens(text))


def ascii_spelling(token: str) -> str:
    """*token* with the ASCII stand-ins typed for å/ä/ö ("aa", "ae", "oe") as one letter ("maasen" → "masen").

    Applied before diacritics are folded, so a real "öe" ("Flöet") is not taken for an ASCII "oe".
    """
    for typed, letter in _ASCII_SPELLINGS:
        if typed in token:
            token = token.replace(typed, letter)
    return token


def words(text: str) -> list[str]:
    """Folded words of *text* for matching, unstemmed: ASCII spellings folded, "-förskola" suffixes cut.

    Noise, chain and filler words are dropped, and so are single letters ("89 A"). A possessive -s before a
    noise word is dropped ("Solrosens förskola" → "solrosen").
    """
    raw = [t for t in _NON_WORD.split(fold(ascii_spelling(text.casefold()))) if t]
    kept: list[str] = []
    for position, word in enumerate(raw):
        following = raw[position + 1] if position + 1 < len(raw) else ""
        if word in NOISE_WORDS or word in CHAIN_WORDS or word in FILLER_WORDS or word in _ORGANISATION_WORDS:
            continue
        if len(word) == 1 and not word.isdigit():
            continue
        if word == "ek" and following == "for":
            continue  # "Ek. För." (ekonomisk förening), not the oak of "Ek backen"
        token = word
        for suffix in _PRESCHOOL_SUFFIXES:
            # "Montessoriförskolan", "Waldorfförskola": the part before says what kind, the suffix nothing.
            if token.endswith(suffix) and len(token) > len(suffix) + 2:
                token = token[:-len(suffix)]
                break
        if following in NOISE_WORDS and len(token) > 3 and token.endswith("s"):
            token = token[:-1]
        kept.append(token)
    return kept


def chains(text: str) -> frozenset[str]:
    """The chain and organiser words in *text*, one key per chain ("Föräldrakoop" → "foraldrakoop")."""
    return frozenset(CHAIN_WORDS[t] for t in _NON_WORD.split(fold(ascii_spelling(text.casefold())))
                     if t in CHAIN_WORDS)


def joined_key(parts: Iterable[str]) -> str:
    """One matching key for words typed apart or together ("regn bågen" = "regnbågen" → "regnbag")."""
    return stem("".join(parts))


def street_key(parts: Iterable[str]) -> str:
    """A street's key: words joined, the street type ending made uniform ("Ripsavägen" → "ripsavag")."""
    return _street_ending("".join(parts))


@functools.lru_cache(maxsize=4096)
def _street_ending(joined: str) -> str:
    for ending, uniform in _STREET_ENDINGS:
        if joined.endswith(ending) and len(joined) > len(ending) + 2:
            return joined[: -len(ending)] + uniform
    return stem(joined)


def street_base(key: str) -> str:
    """A street key without its type ("ripsavag" → "ripsa"), for "den på Ripsa"; "" when nothing is left."""
    for _, uniform in _STREET_ENDINGS:
        if key.endswith(uniform) and len(key) - len(uniform) >= 4:
            return key[: -len(uniform)]
    return ""


def place_words(text: str) -> list[str]:
    """Folded words of a place name (area, street, district), nothing dropped but punctuation."""
    return [ascii_spelling(t) for t in re.split(r"[^0-9a-z]+", fold(text)) if t and not t.isdigit()]


_SOUNDS = (("sch", "#"), ("skj", "#"), ("stj", "#"), ("sj", "#"), ("ch", "#"), ("tj", "%"), ("kj", "%"),
           ("dj", "j"), ("gj", "j"), ("hj", "j"), ("lj", "j"), ("ck", "k"), ("ph", "f"), ("th", "t"),
           ("dt", "t"), ("qu", "kv"), ("q", "k"), ("w", "v"), ("z", "s"), ("x", "ks"), ("c", "k"))
_SOFT = re.compile(r"(sk|k|g)(?=[eiy])")


@functools.lru_cache(maxsize=8192)
def sound(word: str) -> str:
    """A rough Swedish sound key: "sj"/"stj"/"sk(e)" alike, "ck" = "k", "w" = "v", doubled letters single."""
    word = _SOFT.sub(lambda m: {"sk": "#", "k": "%", "g": "j"}[m.group(1)], word)
    for written, spoken in _SOUNDS:
        if written in word:
            word = word.replace(written, spoken)
    return re.sub(r"(.)\1+", r"\1", word)
