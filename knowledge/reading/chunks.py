"""A long message read piece by piece: the danger buried among ordinary news must not be lost.

A long message ("Hej! Vi har haft planeringsdag ... Sen en sak: ... Och så undrar kocken ...") carries words that
disarm or block a rule anywhere in the text: a game, a story, a fever, the writer who says she is a substitute. The
rules read a sentence with its neighbours, but some look at the whole text. When a message of several sentences
yields no acute situation, each run of three sentences is read again on its own; an acute situation found in one of
them stands (the news and the words just beside it are read together, so a retraction or a story told right beside
it still disarms it). A sentence that frames the whole message ("ingen akut fråga", "not urgent") goes with every
piece.

The work is bounded whatever the message: past `MAX_PARTS` sentences (a real message of 4,000 characters holds
about 40; a crafted one of "hej." holds 800), runs of neighbouring sentences are read as one part, so a message is
read at most about 2 × `MAX_PARTS` times in pieces of at most three parts, and a piece read once is not read again.
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
# At most this many parts are read in pieces (see the module's docstring).
MAX_PARTS = 40


def sentences(text: str) -> list[str]:
    """The non-empty sentences of *text*."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def parts_of(text: str) -> list[str]:
    """The sentences of *text*, or, past `MAX_PARTS` of them, at most `MAX_PARTS` runs of neighbouring sentences."""
    parts = sentences(text)
    if len(parts) <= MAX_PARTS:
        return parts
    size = -(-len(parts) // MAX_PARTS)  # ceiling: every sentence in one run
    return [". ".join(parts[start:start + size]) for start in range(0, len(parts), size)]


def acute_in_pieces(text: str, acute_of: Callable[[str], list[str]], frames: Callable[[str], bool],
                    news: Callable[[str], bool] = lambda part: True) -> list[str]:
    """The acute codes *acute_of* finds in any run of `PIECE` parts of a long *text*, in order, no repeats; the
    parts *frames* marks go with every piece, and only runs holding a part *news* marks are read (a run of greetings
    and ordinary news cannot hold a danger on its own)."""
    parts = parts_of(text)
    if len(parts) < LONG_SENTENCES:
        return []
    framing = [index for index, part in enumerate(parts) if frames(part)]
    telling = [news(part) for part in parts]
    codes: list[str] = []
    read: set[str] = set()
    for start in range(len(parts) - PIECE + 1):
        if not any(telling[start:start + PIECE]):
            continue
        piece = ". ".join(parts[index] for index in sorted(set(range(start, start + PIECE)) | set(framing))) + "."
        if piece in read:  # a message that repeats itself is read once per distinct piece
            continue
        read.add(piece)
        for code in acute_of(piece):
            if code not in codes:
                codes.append(code)
    return codes
