"""Find a preschool (or a district) from what staff type: names as people say them, areas, streets, old names.

How a query is read: its words (folded, ASCII spellings such as "aa" for å folded too, "förskolan", chain and
filler words dropped) are explained, for each candidate preschool, by the preschool's name words (exactly,
with a typo, by sound, joined or split as compounds, or as a fragment), its street and house number, its area
(stadsdel) and its district (old names included). A candidate's score rewards explaining every typed word
(`query_cov`) and covering the name's own words (`name_cov`); a single answer is *confident* only when it
scores high, is not a fragment and clearly beats every other candidate, by more when that one is in another
district.

The parts: `match_index` (the directory indexed once), `match_query` (a query read once), `match_score` (which
preschools to score and how), `normalize` (folding, stems and the keys of names, streets and sounds); this
module turns the scores into a `MatchResult`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from routing.match_index import PreschoolIndex
from routing.match_query import Query, read_query
from routing.match_score import score_entry, shortlist
from routing.model import Directory, District, Preschool
from routing.normalize import normalize

# A preschool is a candidate ("did you mean") when it scores at least this (0–100).
MATCH_CUTOFF = 65.0
# A single answer is confident from this score on ...
CONFIDENT_SCORE = 85.0
# ... when it beats the runner-up by this many points when that is in another district (a wrong district is the
# costly mistake), by SAME_DISTRICT_MARGIN (below) when it is in the same one.
CROSS_DISTRICT_MARGIN = 14.0
# Candidates within this many points of the best one are "about equal": the user has to choose.
AMBIGUITY_MARGIN = 5.0
# A district name typed on its own must be at least this close to count.
DISTRICT_CUTOFF = 85.0
# Same district: a smaller lead is enough, the route is the same either way.
SAME_DISTRICT_MARGIN = 3.0


@dataclass(frozen=True)
class Candidate:
    """A preschool that may be the one meant, with its score (0–100)."""

    preschool: Preschool
    score: float
    fragment: bool = False


@dataclass(frozen=True)
class MatchResult:
    """Candidates best first; `ambiguous` when several are about equal; `district` when one is known.

    `confident` is True only for a single answer that clearly beats every other candidate: the one a caller
    may route on without asking. Not confident and not ambiguous with candidates means "did you mean …?".
    """

    candidates: list[Candidate]
    ambiguous: bool
    district: District | None
    confident: bool = False

    @property
    def best(self) -> Preschool | None:
        """The single preschool meant, or None when there is none, the user must choose or confirm it."""
        return self.candidates[0].preschool if self.candidates and self.confident else None

    @property
    def suggestion(self) -> Preschool | None:
        """The one preschool to ask "did you mean …?" about: a top candidate that is neither sure nor tied."""
        if self.candidates and not self.confident and not self.ambiguous:
            return self.candidates[0].preschool
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe form (ids, names, places, scores)."""
        return {
            "candidates": [{"id": c.preschool.id, "name": c.preschool.name, "address": c.preschool.address,
                            "street": c.preschool.street, "area": c.preschool.area,
                            "district_id": c.preschool.district_id, "skolverket_id": c.preschool.skolverket_id,
                            "score": round(c.score, 1)} for c in self.candidates],
            "ambiguous": self.ambiguous,
            "confident": self.confident,
            "district": None if self.district is None else {"id": self.district.id, "name": self.district.name},
        }


def _named_district(read: Query, index: PreschoolIndex) -> District | None:
    """The district the query names outright (longest exact run), or None."""
    if not read.exact_districts:
        return None
    return index.directory.district(max(read.exact_districts)[1])


def _only_district(read: Query) -> bool:
    """True when every typed word is part of a district's name (old names included)."""
    covered = [False] * len(read.words)
    for start, end, _, _ in read.districts:
        covered[start:end] = [True] * (end - start)
    return bool(covered) and all(covered)


def _only_shared_area(read: Query, index: PreschoolIndex) -> bool:
    """True when every typed word is part of an area's name and that area has several preschools."""
    covered = [False] * len(read.words)
    shared = False
    for start, end, area, score in read.areas:
        if score == 1.0:
            covered[start:end] = [True] * (end - start)
            shared = shared or len(index.area_postings.get(area, ())) > 1
    return shared and all(covered) and not read.chains


def match_preschool(query: str, index: PreschoolIndex, limit: int = 5) -> MatchResult:
    """Best candidates for *query*, best first: confident, ambiguous (choose), a suggestion, or nothing.

    A district, an old district name, an area or a street in the query narrows the candidates to those that
    fit ("Regnbågen Farsta", "Ekgården Sätra", "Skogsbacken Ripsavägen"); a query that is only a district
    name gives no candidates and that district.
    """
    read = read_query(query, index)
    if not read.words:
        return MatchResult([], False, None)
    named = _named_district(read, index)
    if _only_district(read):
        district = named or index.directory.district(read.districts[0][2])
        return MatchResult([], False, district)
    scored: list[Candidate] = []
    for position in shortlist(read, index):
        score, fragment = score_entry(index.entries[position], read)
        if score >= MATCH_CUTOFF:
            scored.append(Candidate(index.preschools[position], score, fragment))
    scored.sort(key=lambda c: (-c.score, c.preschool.name, c.preschool.id))
    area_query = _only_shared_area(read, index)
    confident = _is_confident(scored) and not area_query
    # A query naming only an area with several preschools: any of them may be meant, so the user chooses.
    ambiguous = not confident and (_is_ambiguous(scored) or (area_query and len(scored) > 1))
    district = named
    if district is None and scored and (confident or ambiguous):
        top = [c for c in scored if c.score >= scored[0].score - AMBIGUITY_MARGIN]
        district_ids = {c.preschool.district_id for c in top}
        if len(district_ids) == 1 and None not in district_ids:
            district = index.directory.district(district_ids.pop())
    return MatchResult(scored[:limit], ambiguous, district, confident)


def _is_confident(candidates: list[Candidate]) -> bool:
    if not candidates or candidates[0].score < CONFIDENT_SCORE or candidates[0].fragment:
        return False
    top = candidates[0]
    for other in candidates[1:]:
        margin = SAME_DISTRICT_MARGIN if other.preschool.district_id == top.preschool.district_id else \
            CROSS_DISTRICT_MARGIN
        if other.score > top.score - margin:
            return False
    return True


def _is_ambiguous(candidates: list[Candidate]) -> bool:
    return len(candidates) > 1 and candidates[1].score >= candidates[0].score - AMBIGUITY_MARGIN


def match_district(query: str, directory: Directory) -> District | None:
    """The district *query* names, old names and aliases included ("Rinkeby" → Järva), or None."""
    index = directory.index
    key = normalize(query)
    if not key:
        return None
    if key in index.districts:
        return index.districts[key]
    hit = process.extractOne(key, index.district_name_keys, scorer=fuzz.WRatio, processor=None,
                             score_cutoff=DISTRICT_CUTOFF)
    return index.districts[hit[0]] if hit is not None else None
