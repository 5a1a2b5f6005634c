"""Text normalisation shared by the knowledge package and the dialogs."""

from __future__ import annotations

import re

# Folding å/ä/ö keeps matching robust when staff type on keyboards or phones without Swedish letters.
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o", "’": "'"})
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s']+")


def fold(text: str) -> str:
    """Lower-case *text* and fold Swedish and other diacritics, keeping every position in place."""
    return text.lower().translate(_FOLD)


def normalize(text: str) -> str:
    """Fold *text*, drop punctuation and collapse whitespace; for fuzzy matching, not for lexicon spans."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", fold(text).replace("'", ""))).strip()
