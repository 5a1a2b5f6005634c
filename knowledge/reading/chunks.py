"""A long message read piece by piece: the danger buried among ordinary news must not be lost.

A long message ("Hej! Vi har haft planeringsdag ... Sen en sak: ... Och så undrar kocken ...") carries words that
disarm or block a rule anywhere in the text: a game, a story, a fever, the writer who says she is a substitute. The
rules read a sentence with its neighbours, but some look at the whole text. When a message of several sentences
yields no acute situation, each run of three sentences is read again on its own; an acute situation found in one of
them stands (the news and the words just beside it are read together, so a retraction or a story told right beside
it still disarms it). A sentence that frames the whole message ("ingen akut fråga", "not urgent") goes with every
piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Where a sentence ends: as knowledge/reading/words.py ends one (., !, ?, ; and line breaks).
_SENTENCE_END = re.compile(r"[.!?;\n]+")
# A message of at least this many sentences is long enough to bury news.
LONG_SENTENCES = 4
# How many sentences one piece holds: the news and one sentence either side.
PIECE = 3


def sentences(text: str) -> list[str]:
    """The non-empty sentences of *text*."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def acute_in_pieces(text: str, acute_of: Callable[[str], list[str]], frames: Callable[[str], bool]) -> list[str]:
    """The acute codes *acute_of* finds in any run of `PIECE` sentences of a long *text*, in order, no repeats; the
    sentences *frames* marks go with every piece."""
    parts = sentences(text)
    if len(parts) < LONG_SENTENCES:
        return []
    framing = [index for index, part in enumerate(parts) if frames(part)]
    codes: list[str] = []
    for start in range(len(parts) - PIECE + 1):
        piece = sorted(set(range(start, start + PIECE)) | set(framing))
        for code in acute_of(". ".join(parts[index] for index in piece) + "."):
            if code not in codes:
                codes.append(code)
    return codes
