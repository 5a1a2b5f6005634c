"""Normalisation with an offset map back to the original text: look-alike characters cannot hide a number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_UNIFY = str.maketrans({**dict.fromkeys(_DASHES, "-"), "\u2018": "'", "\u2019": "'", "\u02bc": "'"})
# Characters that are not plain ASCII or common Latin letters: only these need the slow per-character path.
_ODD = re.compile(r"[^\t\n\r\x20-\x7eåäöÅÄÖéÉüÜ]")
# Written into the working text over what is already masked: no pattern matches it, and it is no word.
BLANK = "\x00"


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and, per character, the span of the original it came from (None: identical)."""

    text: str
    starts: list[int] | None
    ends: list[int] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised characters [start, end) came from."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    """NFKC per character cluster, format characters dropped, dashes, quotes and spaces unified."""
    if not _ODD.search(text):
        return Normalised(text, None, None)
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
    return Normalised("".join(out), starts, ends)
