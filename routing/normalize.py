"""Swedish normalisation for matching: case, å/ä/ö folding, noise words, possessives, punctuation."""

from __future__ import annotations

import re
import unicodedata

# Words that say "preschool" and nothing about which one.
NOISE_WORDS = frozenset({"forskolan", "forskola", "forskolor", "fsk", "forsk", "foerskolan", "forskoln"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Definite ending (-en) is dropped from longer words so "Solrosen", "Solrosens" and "solros" meet.
_DEFINITE_MIN_LENGTH = 6


def fold(text: str) -> str:
    """Lower-case *text* and strip diacritics (å → a, ä → a, ö → o, é → e)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(token: str) -> str:
    if len(token) >= _DEFINITE_MIN_LENGTH and token.endswith("en") and not token[-3].isdigit():
        return token[:-2]
    return token


def tokens(text: str) -> list[str]:
    """Normalised tokens of *text*: folded, punctuation removed, noise words and possessive -s dropped."""
    raw = [t for t in _NON_WORD.split(fold(text)) if t]
    kept: list[str] = []
    for position, token in enumerate(raw):
        if token in NOISE_WORDS:
            continue
        following = raw[position + 1] if position + 1 < len(raw) else ""
        # "Solrosens förskola", "Villekullas fsk": the possessive -s belongs to the noise word after it.
        if following in NOISE_WORDS and len(token) > 3 and token.endswith("s"):
            token = token[:-1]
        kept.append(_stem(token))
    return kept


def normalize(text: str) -> str:
    """*text* as one matching key, e.g. "Solrosens förskola" → "solros"."""
    return " ".join(tokens(text))
