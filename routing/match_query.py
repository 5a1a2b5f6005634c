"""A query read once: its words and their weights, the name words each may stand for and the places it names."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from routing.match_index import PreschoolIndex
from routing.normalize import CHAIN_WORDS, chains, joined_key, stem, street_key, words

# Two typed words joined count as one compound word ("mumin stugan") from this similarity (0–1) on.
PAIR_CUTOFF = 0.9
# How much a typed word weighs in `query_cov`: its length, a house number this much.
NUMBER_WEIGHT = 6.0
# A word that names an area and (as an old name) a district explains a preschool in that district a little
# less than one in that very area ("Trollskogen Husby": Husby the area, not all of Järva).
DISTRICT_FOR_AREA = 0.8
# A typed word this close to a chain word is that chain word misspelt ("Pyslingen", "Föräldrakooperativit").
CHAIN_TYPO_CUTOFF = 85.0
MIN_CHAIN_TYPO = 7
_CHAIN_KEYS = [word for word in CHAIN_WORDS if len(word) >= MIN_CHAIN_TYPO]
# The longest run of typed words tried as one place or compound.
MAX_SPAN = 3
# Long messages: only the first this many words are read (a preschool name is short).
MAX_WORDS = 10


@dataclass
class Query:
    """A query read once: its words, weights, name probes and the places it names."""

    words: list[str]
    weights: list[float]
    probes: list[tuple[int, int, dict[str, float], dict[str, float]]]
    districts: list[tuple[int, int, str, float]]
    areas: list[tuple[int, int, str, float]]
    streets: list[tuple[int, int, str, float]]
    chains: frozenset[str]
    exact_districts: list[tuple[int, str]]


def _chain_typo(word: str) -> str | None:
    """The chain a misspelt chain word stands for ("pyslingen" → "pysslingen"), or None."""
    if len(word) < MIN_CHAIN_TYPO or word.isdigit():
        return None
    hit = process.extractOne(word, _CHAIN_KEYS, scorer=fuzz.ratio, processor=None, score_cutoff=CHAIN_TYPO_CUTOFF)
    return CHAIN_WORDS[hit[0]] if hit is not None else None


def _typed_words(query: str, index: PreschoolIndex) -> tuple[list[str], frozenset[str]]:
    """The words of *query* that may name the preschool, and the chains it names (misspelt chain words too)."""
    typed_chains = set(chains(query))
    typed: list[str] = []
    for word in words(query)[:MAX_WORDS]:
        chain = None if word in index.postings else _chain_typo(word)
        if chain is not None:
            typed_chains.add(chain)
        else:
            typed.append(word)
    return typed, frozenset(typed_chains)


def _near(part: list[str], key: str, index: PreschoolIndex) -> tuple[dict[str, float], dict[str, float]]:
    """The name words one or two typed words (*part*, read as *key*) may stand for, and the ones they begin."""
    near, prefix = index.near_words(key, narrow=len(part) == 2)
    joined = "".join(part)
    # "hhaven" stems to "hhav" but is a typo of "haven": try the word as typed too; and a
    # possessive -s ("Trollängens", "Björnens") without its "förskola" after it.
    others = [w for w in (joined, stem(joined[:-1]) if joined.endswith("s") and len(joined) > 4 else "")
              if w and w != key]
    for other_key in others if key not in index.postings else ():
        other, other_prefix = index.near_words(other_key, narrow=True)
        near = {w: max(near.get(w, 0.0), other.get(w, 0.0)) for w in {*near, *other}}
        prefix = {w: max(prefix.get(w, 0.0), other_prefix.get(w, 0.0))
                  for w in {*prefix, *other_prefix}}
    if len(part) == 2:
        # Two typed words joined are a compound only when they spell it (nearly) right.
        near = {w: s for w, s in near.items() if s >= PAIR_CUTOFF}
    return near, prefix


def read_query(query: str, index: PreschoolIndex) -> Query:
    """*query* read against *index*: its words, what each run of them may name (name words, areas, districts,
    streets) and the chains it names."""
    typed, typed_chains = _typed_words(query, index)
    weights = [NUMBER_WEIGHT if w.isdigit() else float(len(w)) for w in typed]
    probes: list[tuple[int, int, dict[str, float], dict[str, float]]] = []
    districts: list[tuple[int, int, str, float]] = []
    areas: list[tuple[int, int, str, float]] = []
    streets: list[tuple[int, int, str, float]] = []
    exact_districts: list[tuple[int, str]] = []
    for start in range(len(typed)):
        for end in range(start + 1, min(len(typed), start + MAX_SPAN) + 1):
            part = typed[start:end]
            if any(w.isdigit() for w in part):
                break
            key = joined_key(part)
            is_place = key in index.district_keys or key in index.area_postings or \
                street_key(part) in index.full_streets
            if end - start <= 2 and is_place:
                # "Östermalm", "Brunskogsbacken" name a place: a name word only where a name has it as typed,
                # never a typo of another name word ("Norrmalm", "Skogsbacken").
                if key in index.postings:
                    probes.append((start, end, {key: 1.0}, {}))
            elif end - start <= 2:
                near, prefix = _near(part, key, index)
                if near or prefix:
                    probes.append((start, end, near, prefix))
            # A district's own name is an area only where the data has an area so called (no near misses);
            # three words together are taken only as typed ("Södra Hammarbyhamnen", "Bengt Bagares Gränd").
            # A word typed exactly as a preschool's name word is not a near miss of a place ("Karlavagnen" is
            # a name, not a typo of Karlavägen).
            three = end - start == MAX_SPAN or key in index.postings
            area = index.area_of(key, fuzzy=key not in index.district_keys and not three)
            if area is not None:
                areas.append((start, end, area[0], area[1]))
            district = index.district_of(key, fuzzy=not three)
            if district is not None:
                exact = district[1] == 1.0
                score = district[1] * (DISTRICT_FOR_AREA if area is not None and area[1] == 1.0 else 1.0)
                districts.append((start, end, district[0].id, score))
                if exact:
                    exact_districts.append((end - start, district[0].id))
            street = index.street_of(street_key(part), fuzzy=not three)
            if street is not None:
                streets.append((start, end, street[0], street[1]))
    for start in range(len(typed) - MAX_SPAN):
        # Four-word streets ("Greve Von Essens Väg") are taken only as typed.
        part = typed[start:start + MAX_SPAN + 1]
        if not any(w.isdigit() for w in part) and street_key(part) in index.full_streets:
            streets.append((start, start + MAX_SPAN + 1, street_key(part), 1.0))
    return Query(typed, weights, probes, districts, areas, streets, typed_chains, exact_districts)
