"""Find a preschool (or a district) from what a user typed, tolerating typos and Swedish spelling habits."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from routing.model import Directory, District, Preschool
from routing.normalize import normalize, tokens

# A typed word counts as evidence for an indexed word at this fuzz.ratio or above.
TOKEN_CUTOFF = 75.0
# A preschool is a candidate when its best key scores at least this (fuzz.WRatio on normalised keys).
MATCH_CUTOFF = 72.0
# Candidates within this many points of the best one are "about equal": the user has to choose.
AMBIGUITY_MARGIN = 4.0
# A district name typed on its own must be at least this close to count.
DISTRICT_CUTOFF = 85.0
# Only this many preschools with the most word evidence are scored in full (keeps p99 under 1 ms).
MAX_RESCORED = 40
# Typed words shorter than this are only used when they appear exactly (house numbers, "ek").
MIN_FUZZY_TOKEN = 3
# How many near words one typed word may bring in.
WORDS_PER_TOKEN = 8
# A word in more preschools than this is common: it adds evidence only when no rarer word matched.
COMMON_WORD = 150
# Neighbouring typed words are also tried joined when one of them is at most this long ("regn bågen").
SPLIT_WORD = 4


@dataclass(frozen=True)
class Candidate:
    """A preschool that may be the one meant, with its score (0–100)."""

    preschool: Preschool
    score: float


@dataclass(frozen=True)
class MatchResult:
    """Candidates best first; `ambiguous` when several are about equal; `district` when one is known."""

    candidates: list[Candidate]
    ambiguous: bool
    district: District | None

    @property
    def best(self) -> Preschool | None:
        """The single preschool meant, or None when there is none or the user must choose."""
        return self.candidates[0].preschool if self.candidates and not self.ambiguous else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe form (ids, names, scores)."""
        return {
            "candidates": [{"id": c.preschool.id, "name": c.preschool.name, "address": c.preschool.address,
                            "district_id": c.preschool.district_id, "skolverket_id": c.preschool.skolverket_id,
                            "score": round(c.score, 1)} for c in self.candidates],
            "ambiguous": self.ambiguous,
            "district": None if self.district is None else {"id": self.district.id, "name": self.district.name},
        }


class PreschoolIndex:
    """Precomputed normalised keys, word postings and district names for one `Directory` snapshot."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.preschools = [p for p in directory.preschools if p.active]
        self.keys: list[list[str]] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.postings: dict[str, set[int]] = defaultdict(set)
        for position, preschool in enumerate(self.preschools):
            names = [normalize(text) for text in (preschool.name, *preschool.aliases)]
            address = normalize(preschool.address)
            keys = [k for k in dict.fromkeys([*names, address, *(f"{n} {address}" for n in names)]) if k]
            self.keys.append(keys)
            for key in keys:
                self.exact[key].append(position)
                for token in key.split():
                    self.postings[token].add(position)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for token in self.postings:
            self._by_length[len(token)].append(token)
        self._windows: dict[int, list[str]] = {}
        self.districts: dict[str, District] = {}
        for district in directory.districts:
            if district.active:
                for text in (district.id, district.name, *district.aliases):
                    if normalize(text):
                        self.districts[normalize(text)] = district
        self._district_keys = list(self.districts)

    def __len__(self) -> int:
        return len(self.preschools)

    def _window(self, length: int) -> list[str]:
        """Indexed words whose length could reach TOKEN_CUTOFF against a word of *length*."""
        if length not in self._windows:
            spread = max(2, length // 4)
            self._windows[length] = [t for n in range(length - spread, length + spread + 1)
                                     for t in self._by_length.get(n, ())]
        return self._windows[length]

    def near_words(self, token: str) -> list[tuple[str, float]]:
        """Indexed words close to *token*, with their fuzz.ratio; a word found as typed is used alone."""
        if token in self.postings:
            # A correctly typed word needs no neighbours; the full rescoring still tolerates typos elsewhere.
            return [(token, 100.0)]
        found: list[tuple[str, float]] = []
        if len(token) >= MIN_FUZZY_TOKEN:
            hits = process.extract(token, self._window(len(token)), scorer=fuzz.ratio, processor=None,
                                   score_cutoff=TOKEN_CUTOFF, limit=WORDS_PER_TOKEN)
            found.extend((word, score) for word, score, _ in hits if word != token)
        return found

    def find_district(self, words: list[str]) -> tuple[District | None, list[str]]:
        """A district named inside *words* (longest run first) and the words left without it."""
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                district = self.districts.get(" ".join(words[start:start + size]))
                if district is not None:
                    return district, words[:start] + words[start + size:]
        return None, words

    def search(self, words: list[str], district: District | None = None) -> list[Candidate]:
        """Candidates for normalised *words*, best first, optionally only within *district*."""
        if not words:
            return []
        query = " ".join(words)
        evidence: dict[int, float] = defaultdict(float)
        for position in self.exact.get(query, ()):
            evidence[position] += 1000.0
        probes = list(words)
        # "regn bagen" typed apart still finds "regnbag": try neighbouring short words joined.
        probes.extend(a + b for a, b in itertools.pairwise(words) if min(len(a), len(b)) <= SPLIT_WORD)
        near = [(word, score) for probe in probes for word, score in self.near_words(probe)]
        rare = [(word, score) for word, score in near if len(self.postings[word]) <= COMMON_WORD]
        # Words shared by very many preschools ("gatan", house numbers) only count when nothing rarer matched.
        for word, score in rare or near:
            for position in self.postings[word]:
                evidence[position] += score
        if district is not None:
            evidence = {p: e for p, e in evidence.items() if self.preschools[p].district_id == district.id}
        best = sorted(evidence, key=lambda p: -evidence[p])[:MAX_RESCORED]
        scored: list[Candidate] = []
        for position in best:
            hit = process.extractOne(query, self.keys[position], scorer=fuzz.WRatio, processor=None,
                                     score_cutoff=MATCH_CUTOFF)
            if hit is not None:
                scored.append(Candidate(self.preschools[position], float(hit[1])))
        scored.sort(key=lambda c: (-c.score, c.preschool.name, c.preschool.id))
        return scored


def _is_ambiguous(candidates: list[Candidate]) -> bool:
    return len(candidates) > 1 and candidates[1].score >= candidates[0].score - AMBIGUITY_MARGIN


def match_preschool(query: str, index: PreschoolIndex, limit: int = 5) -> MatchResult:
    """Best candidates for *query*, best first; several close ones mean the user must choose.

    A district named in the query ("Regnbågen Farsta", "Solrosen i Rinkeby") narrows the search to it.
    """
    words = tokens(query)
    district, rest = index.find_district(words)
    candidates: list[Candidate] = []
    if district is not None and rest:
        rest = [w for w in rest if w not in {"i", "pa"}] or rest
        candidates = index.search(rest, district)
    if not candidates:
        candidates = index.search(words)
    ambiguous = _is_ambiguous(candidates)
    if district is None and candidates:
        top = [c for c in candidates if c.score >= candidates[0].score - AMBIGUITY_MARGIN]
        district_ids = {c.preschool.district_id for c in top}
        if len(district_ids) == 1:
            district = index.directory.district(district_ids.pop())
    return MatchResult(candidates[:limit], ambiguous, district)


def match_district(query: str, directory: Directory) -> District | None:
    """The district *query* names, old names and aliases included ("Rinkeby" → Järva), or None."""
    index = directory.index
    key = normalize(query)
    if not key:
        return None
    if key in index.districts:
        return index.districts[key]
    hit = process.extractOne(key, index._district_keys, scorer=fuzz.WRatio, processor=None,
                             score_cutoff=DISTRICT_CUTOFF)
    return index.districts[hit[0]] if hit is not None else None
