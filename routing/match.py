"""Find a preschool (or a district) from what staff type: names as people say them, areas, streets, old names.

How a query is read: its words (folded, ASCII spellings such as "aa" for å folded too, "förskolan", chain and
filler words dropped) are explained, for each candidate preschool, by the preschool's name words (exactly,
with a typo, by sound, joined or split as compounds, or as a fragment), its street and house number, its area
(stadsdel) and its district (old names included). A candidate's score rewards explaining every typed word
(`query_cov`) and covering the name's own words (`name_cov`); a single answer is *confident* only when it
scores high, is not a fragment and clearly beats every other candidate, by more when that one is in another
district.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from routing.model import Directory, District, Preschool, street_of
from routing.normalize import CHAIN_WORDS, ascii_spelling, chains, fold, normalize, stem, words

# A typed word counts as evidence for an indexed word at this fuzz.ratio or above.
TOKEN_CUTOFF = 75.0
# A typed word (or two joined) names an area, a district or a street at this fuzz.ratio or above.
PLACE_CUTOFF = 88.0
STREET_CUTOFF = 86.0
# Place words shorter than this are only taken when typed exactly.
MIN_FUZZY_PLACE = 5
# A preschool is a candidate ("did you mean") when it scores at least this (0–100).
MATCH_CUTOFF = 65.0
# A single answer is confident from this score on ...
CONFIDENT_SCORE = 85.0
# ... when it beats every other candidate by this many points ...
CONFIDENT_MARGIN = 10.0
# ... and by this many when the runner-up is in another district (a wrong district is the costly mistake).
CROSS_DISTRICT_MARGIN = 14.0
# Candidates within this many points of the best one are "about equal": the user has to choose.
AMBIGUITY_MARGIN = 5.0
# A district name typed on its own must be at least this close to count.
DISTRICT_CUTOFF = 85.0
# Only this many preschools with the most evidence are scored in full (keeps p99 under 1 ms).
MAX_RESCORED = 40
# Typed words shorter than this are only used when they appear exactly (house numbers, "ek").
MIN_FUZZY_TOKEN = 3
# How many near words one typed word may bring in (typos; sound-alikes come on top).
WORDS_PER_TOKEN = 8
# Two typed words joined count as one compound word ("mumin stugan") from this similarity (0–1) on.
PAIR_CUTOFF = 0.9
# A typed fragment ("troll") may stand for at most this many indexed words that start with it.
PREFIX_WORDS = 40
# A fragment must be at least this long to count.
MIN_PREFIX = 3
# A word in more preschools than this is common: it adds evidence only when no rarer word matched.
COMMON_WORD = 150
# An area with at most this many preschools brings them all in when the query names only the area.
AREA_CANDIDATES = 120
# How much a typed word weighs in `query_cov`: its length, a house number this much.
NUMBER_WEIGHT = 6.0
# Weights of the two halves of a name score.
QUERY_WEIGHT, NAME_WEIGHT = 0.55, 0.45
# A candidate met only through its place: street (or a qualifier such as "Ripsavägen 33") / area / district.
# A name said outright beats the same words found only in an address ("Tornbacken" vs "Tornbacken 11a").
STREET_ONLY, AREA_ONLY, DISTRICT_ONLY = 0.95, 0.8, 0.6
# A word that names an area and (as an old name) a district explains a preschool in that district a little
# less than one in that very area ("Trollskogen Husby": Husby the area, not all of Järva).
DISTRICT_FOR_AREA = 0.8
# A street typed without its type ("Ripsa" for Ripsavägen) is weaker evidence than the whole street name.
STREET_BASE = 0.85
# Same district: a smaller lead is enough, the route is the same either way.
SAME_DISTRICT_MARGIN = 3.0
# A name word covered less than this by a fragment makes the match a fragment (never confident).
FRAGMENT_COVERAGE = 0.85
# Words that describe the kind of preschool; in a name they are optional ("Montessoriförskola").
DESCRIPTOR_WORDS = frozenset({"montessori", "waldorf", "international", "internationella", "finsk", "sprak",
                              "musik", "special"})
_DESCRIPTOR_PREFIXES = ("montessori", "waldorf")
# A typed word this close to a chain word is that chain word misspelt ("Pyslingen", "Föräldrakooperativit").
CHAIN_TYPO_CUTOFF = 85.0
MIN_CHAIN_TYPO = 7
_CHAIN_KEYS = [word for word in CHAIN_WORDS if len(word) >= MIN_CHAIN_TYPO]
# A typed chain word ("Pysslingen") weighs this much: it tells same-name preschools apart when the name has
# it, and costs little when the name has not.
CHAIN_WEIGHT = 5.0
# How staff name areas that the data spells differently (the data's areas are keys of the index).
AREA_SYNONYMS = {"vasastan": "Vasastaden", "gardet": "Ladugårdsgärdet", "hammarbysjostad": "Södra Hammarbyhamnen",
                 "sjostaden": "Södra Hammarbyhamnen", "soder": "Södermalm", "city": "Norrmalm",
                 "essingen": "Stora Essingen", "djurgardsstaden": "Norra Djurgården"}
# Street types, typed in full, short or definite: all end up as one key ending ("Ripsavägen" = "ripsa|vag").
_STREET_ENDINGS = (("vagen", "vag"), ("vag", "vag"), ("gatan", "gata"), ("gata", "gata"), ("granden", "grand"),
                   ("grand", "grand"), ("backen", "backe"), ("backe", "backe"), ("allen", "alle"), ("alle", "alle"),
                   ("torget", "torg"), ("torg", "torg"), ("stigen", "stig"), ("stig", "stig"),
                   ("slingan", "slinga"), ("slinga", "slinga"), ("stråket", "strak"), ("straket", "strak"),
                   ("platsen", "plats"), ("plan", "plan"), ("ringen", "ring"), ("gangen", "gang"),
                   ("branten", "brant"), ("vagen", "vag"))
_NUMBER = re.compile(r"\d+")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")
# The longest run of typed words tried as one place or compound.
MAX_SPAN = 3
# House-number ranges longer than this are not expanded ("12-14" is; "2-200" is a typo).
MAX_RANGE = 20
# Long messages: only the first this many words are read (a preschool name is short).
MAX_WORDS = 10


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


def _key(parts: Iterable[str]) -> str:
    """One matching key for words typed apart or together ("regn bågen" = "regnbågen" → "regnbag")."""
    return stem("".join(parts))


def _street_key(parts: Iterable[str]) -> str:
    """A street's key: words joined, the street type ending made uniform ("Ripsavägen" → "ripsavag")."""
    return _street_ending("".join(parts))


@functools.lru_cache(maxsize=4096)
def _street_ending(joined: str) -> str:
    for ending, uniform in _STREET_ENDINGS:
        if joined.endswith(ending) and len(joined) > len(ending) + 2:
            return joined[: -len(ending)] + uniform
    return stem(joined)


def _street_base(key: str) -> str:
    """A street key without its type ("ripsavag" → "ripsa"), for "den på Ripsa"; "" when nothing is left."""
    for _, uniform in _STREET_ENDINGS:
        if key.endswith(uniform) and len(key) - len(uniform) >= 4:
            return key[: -len(uniform)]
    return ""


def _place_words(text: str) -> list[str]:
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


@dataclass(frozen=True)
class _Name:
    """One way a preschool is named: words that must be said, words that may be, and joined pairs."""

    primary: tuple[str, ...]
    optional: tuple[str, ...]
    pairs: tuple[tuple[str, int, int], ...]  # (joined key, primary index, primary index)
    is_street: bool = False  # the name is only a street and number: met as a street, not as a name


@dataclass
class _Entry:
    """What the index knows about one preschool."""

    preschool: Preschool
    names: list[_Name]
    street: str
    street_base: str
    numbers: frozenset[str]
    area: str
    district_id: str | None
    name_numbers: frozenset[str] = field(default_factory=frozenset)
    chains: frozenset[str] = field(default_factory=frozenset)
    area_size: int = 0


def _numbers(address: str) -> frozenset[str]:
    """House numbers in an address, ranges expanded ("12-14" → 12, 13, 14)."""
    found = set(_NUMBER.findall(address))
    for low, high in _RANGE.findall(address):
        if 0 < int(high) - int(low) <= MAX_RANGE:
            found.update(str(n) for n in range(int(low), int(high) + 1))
    return frozenset(str(int(n)) for n in found)


def _name(text: str, street: str) -> _Name:
    """The words of one name: the part before a comma must be said, the rest, numbers and descriptors may be."""
    head, _, tail = text.partition(",")
    head_words = words(head)
    primary: list[str] = []
    optional: list[str] = [stem(w) for w in words(tail)]
    for word in head_words:
        key = stem(word)
        if word.isdigit() or word in DESCRIPTOR_WORDS or word.startswith(_DESCRIPTOR_PREFIXES) or (
                street and _street_key([word]) == street):
            optional.append(key)
        else:
            primary.append(key)
    is_street = False
    if not primary:
        # A name that is only a street and number ("Förskolan Ankarstocksvägen 12-14"): the street is the name.
        primary = [w for w in optional if not w.isdigit()]
        optional = [w for w in optional if w.isdigit()]
        # Met as a street when it has a house number; "Förskolan Skördevägen" is still a name.
        is_street = bool(street) and any(w.isdigit() for w in optional)
    pairs = tuple((_key([primary[i], primary[i + 1]]), i, i + 1) for i in range(len(primary) - 1))
    return _Name(tuple(primary), tuple(dict.fromkeys(optional)), pairs, is_street)


class PreschoolIndex:
    """Precomputed name words, streets, areas, districts and their postings for one `Directory` snapshot."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.preschools = [p for p in directory.preschools if p.active]
        self.entries: list[_Entry] = []
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.street_postings: dict[str, set[int]] = defaultdict(set)
        self.area_postings: dict[str, set[int]] = defaultdict(set)
        self.area_names: dict[str, str] = {}
        self.number_postings: dict[str, set[int]] = defaultdict(set)
        for position, preschool in enumerate(self.preschools):
            street = _street_key(_place_words(street_of(preschool.address)))
            names = [_name(text, street) for text in (preschool.name, *preschool.aliases) if text.strip()]
            area = _key(_place_words(preschool.area))
            entry = _Entry(preschool, names, street, _street_base(street), _numbers(preschool.address), area,
                           preschool.district_id,
                           frozenset(w for n in names for w in n.optional if w.isdigit()),
                           frozenset().union(*(chains(t) for t in (preschool.name, *preschool.aliases))))
            self.entries.append(entry)
            for name in names:
                for word in (*name.primary, *name.optional, *(pair for pair, _, _ in name.pairs)):
                    if not word.isdigit():
                        self.postings[word].add(position)
            for number in entry.name_numbers:
                self.number_postings[number].add(position)
            if street:
                self.street_postings[street].add(position)
                if entry.street_base:
                    self.street_postings[entry.street_base].add(position)
            if area:
                self.area_postings[area].add(position)
                self.area_names.setdefault(area, preschool.area)
        for entry in self.entries:
            entry.area_size = len(self.area_postings.get(entry.area, ()))
        self.area_synonyms = {typed: _key(_place_words(name)) for typed, name in AREA_SYNONYMS.items()
                              if _key(_place_words(name)) in self.area_postings}
        self._vocabulary = sorted(self.postings)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._sounds: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            self._by_length[len(word)].append(word)
            self._sounds[sound(word)].append(word)
        self._windows: dict[tuple[int, int], list[str]] = {}
        longest = max(self._by_length, default=0)
        for length in range(1, longest + 2):
            # Built now, not on the first query of each length (that one would pay for it).
            self._window(length, max(2, length // 4))
            self._window(length, 1)
        self._full_streets = {e.street for e in self.entries if e.street}
        self._streets_by_length: dict[int, list[str]] = defaultdict(list)
        for street in self._full_streets:
            # Only whole street names are matched with typos; a bare base ("Ripsa") must be typed as is.
            self._streets_by_length[len(street)].append(street)
        self._area_keys = list(self.area_postings)
        self._street_windows: dict[int, list[str]] = {}
        for length in range(1, max(self._streets_by_length, default=0) + 2):
            self.street_of("x" * length)  # builds the street window for each length once, now
        self.districts: dict[str, District] = {}
        self.district_keys: dict[str, District] = {}
        for district in directory.districts:
            if district.active:
                for text in (district.id, district.name, *district.aliases):
                    if normalize(text):
                        self.districts[normalize(text)] = district
                    self.district_keys[_key(_place_words(text))] = district
        self._district_keys = list(self.districts)
        self._district_place_keys = list(self.district_keys)

    def __len__(self) -> int:
        return len(self.preschools)

    # -- words

    def _window(self, length: int, spread: int) -> list[str]:
        """Indexed words within *spread* letters of *length* (built once per pair, then reused)."""
        found = self._windows.get((length, spread))
        if found is None:
            found = [t for n in range(length - spread, length + spread + 1) for t in self._by_length.get(n, ())]
            self._windows[(length, spread)] = found
        return found

    def near_words(self, probe: str, *, narrow: bool = False) -> tuple[dict[str, float], dict[str, float]]:
        """Indexed words close to *probe* (similarity 0–1) and words it begins (coverage 0–1).

        *narrow* looks for typos only among words of about the same length (joined words, second readings).
        """
        alike = {word: 0.95 for word in self._sounds.get(sound(probe), ()) if word != probe}
        if probe in self.postings:
            # A correctly typed word needs no typo neighbours, only its sound-alikes ("Kosmos", "Cosmos").
            return {probe: 1.0, **alike}, {}
        near: dict[str, float] = {}
        if len(probe) >= MIN_FUZZY_TOKEN:
            spread = 1 if narrow else max(2, len(probe) // 4)
            for word, score, _ in process.extract(probe, self._window(len(probe), spread), scorer=fuzz.ratio,
                                                  processor=None, score_cutoff=TOKEN_CUTOFF,
                                                  limit=WORDS_PER_TOKEN):
                near[word] = score / 100.0
            for word in self._sounds.get(sound(probe), ()):
                # Same sound, other spelling ("sjöstjärnan"/"schöstjernan"): nearly as good as exact.
                near[word] = max(near.get(word, 0.0), 0.95)
        prefix: dict[str, float] = {}
        if len(probe) >= MIN_PREFIX:
            start = bisect.bisect_left(self._vocabulary, probe)
            for word in self._vocabulary[start:start + PREFIX_WORDS]:
                if not word.startswith(probe):
                    break
                prefix[word] = len(probe) / len(word)
        return near, prefix

    # -- places

    def _fuzzy_place(self, key: str, keys: list[str], cutoff: float) -> tuple[str, float] | None:
        if len(key) < MIN_FUZZY_PLACE:
            return None
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
        return (hit[0], hit[1] / 100.0) if hit is not None else None

    def district_of(self, key: str, *, fuzzy: bool = True) -> tuple[District, float] | None:
        """The district a typed key names (old names and aliases too), exactly or (with *fuzzy*) nearly."""
        if key in self.district_keys:
            return self.district_keys[key], 1.0
        if not fuzzy:
            return None
        hit = self._fuzzy_place(key, self._district_place_keys, PLACE_CUTOFF)
        return (self.district_keys[hit[0]], hit[1]) if hit else None

    def area_of(self, key: str, *, fuzzy: bool = True) -> tuple[str, float] | None:
        """The area key a typed key names, exactly or (with *fuzzy*) nearly."""
        if key in self.area_postings:
            return key, 1.0
        if key in self.area_synonyms:
            return self.area_synonyms[key], 1.0
        return self._fuzzy_place(key, self._area_keys, PLACE_CUTOFF) if fuzzy else None

    def street_of(self, key: str, *, fuzzy: bool = True) -> tuple[str, float] | None:
        """The street key a typed key names, exactly or (with *fuzzy*) nearly."""
        if key in self.street_postings:
            return key, 1.0 if key in self._full_streets else STREET_BASE
        if len(key) < MIN_FUZZY_PLACE or not fuzzy:
            return None
        keys = self._street_windows.get(len(key))
        if keys is None:
            spread = max(2, len(key) // 5)
            keys = [s for n in range(len(key) - spread, len(key) + spread + 1)
                    for s in self._streets_by_length.get(n, ())]
            self._street_windows[len(key)] = keys
        return self._fuzzy_place(key, keys, STREET_CUTOFF)

    def find_district(self, typed: list[str]) -> tuple[District | None, list[str]]:
        """A district named inside normalised *typed* words (longest run first) and the words left without it."""
        for size in (3, 2, 1):
            for start in range(len(typed) - size + 1):
                district = self.districts.get(" ".join(typed[start:start + size]))
                if district is not None:
                    return district, typed[:start] + typed[start + size:]
        return None, typed


@dataclass
class _Query:
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


def _read(query: str, index: PreschoolIndex) -> _Query:
    typed_chains = set(chains(query))
    typed: list[str] = []
    for word in words(query)[:MAX_WORDS]:
        chain = None if word in index.postings else _chain_typo(word)
        if chain is not None:
            typed_chains.add(chain)
        else:
            typed.append(word)
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
            key = _key(part)
            is_place = key in index.district_keys or key in index.area_postings or \
                _street_key(part) in index._full_streets
            if end - start <= 2 and is_place:
                # "Östermalm", "Brunskogsbacken" name a place: a name word only where a name has it as typed,
                # never a typo of another name word ("Norrmalm", "Skogsbacken").
                if key in index.postings:
                    probes.append((start, end, {key: 1.0}, {}))
            elif end - start <= 2:
                near, prefix = index.near_words(key, narrow=end - start == 2)
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
                if end - start == 2:
                    # Two typed words joined are a compound only when they spell it (nearly) right.
                    near = {w: s for w, s in near.items() if s >= PAIR_CUTOFF}
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
            street = index.street_of(_street_key(part), fuzzy=not three)
            if street is not None:
                streets.append((start, end, street[0], street[1]))
    for start in range(len(typed) - MAX_SPAN):
        # Four-word streets ("Greve Von Essens Väg") are taken only as typed.
        part = typed[start:start + MAX_SPAN + 1]
        if not any(w.isdigit() for w in part) and _street_key(part) in index._full_streets:
            streets.append((start, start + MAX_SPAN + 1, _street_key(part), 1.0))
    return _Query(typed, weights, probes, districts, areas, streets, frozenset(typed_chains), exact_districts)


def _candidates(read: _Query, index: PreschoolIndex) -> list[int]:
    """Positions worth scoring in full: most name and street evidence first, then the named area's."""
    evidence: dict[int, float] = defaultdict(float)
    for start, end, near, prefix in read.probes:
        length = sum(read.weights[start:end])
        hits = [(w, s) for w, s in near.items()] + [(w, 0.5 * c) for w, c in prefix.items()]
        rare = [(w, s) for w, s in hits if len(index.postings[w]) <= COMMON_WORD]
        # Words shared by very many preschools only count when nothing rarer matched.
        for word, score in rare or hits:
            for position in index.postings[word]:
                evidence[position] += score * length
    for start, end, street, score in read.streets:
        for position in index.street_postings[street]:
            evidence[position] += score * sum(read.weights[start:end])
    for word in read.words:
        # A name with a number ("Förskolan 74:An") is found by its number.
        for position in index.number_postings.get(word, ()):
            evidence[position] += NUMBER_WEIGHT
    best = sorted(evidence, key=lambda p: -evidence[p])[:MAX_RESCORED]
    if len(best) < MAX_RESCORED:
        chosen = set(best)
        for _, _, area, _ in read.areas:
            members = index.area_postings.get(area, set())
            if len(members) <= AREA_CANDIDATES:
                best.extend(sorted(members - chosen)[:MAX_RESCORED - len(best)])
                chosen.update(members)
    return best


def _score(entry: _Entry, read: _Query) -> tuple[float, bool]:
    """The candidate's score (0–100) and whether its name was met only as a fragment."""
    count = len(read.words)
    place = [0.0] * count
    met_street = met_area = met_district = False
    for start, end, district_id, score in read.districts:
        if district_id == entry.district_id:
            met_district = True
            place[start:end] = [max(score, v) for v in place[start:end]]
    area_factor = AREA_ONLY
    for start, end, area, score in read.areas:
        if area == entry.area:
            met_area = True
            # The only preschool in the area named: the area tells which one as well as a street would.
            area_factor = STREET_ONLY if entry.area_size == 1 else AREA_ONLY
            place[start:end] = [max(score, v) for v in place[start:end]]
    for start, end, street, score in read.streets:
        if street in (entry.street, entry.street_base):
            met_street = True
            place[start:end] = [max(score, v) for v in place[start:end]]
    for position, word in enumerate(read.words):
        if word.isdigit() and (word in entry.numbers or word in entry.name_numbers):
            place[position] = 1.0
            met_street = met_street or word in entry.name_numbers
    chain_met = CHAIN_WEIGHT * len(read.chains & entry.chains)
    total = (sum(read.weights) + CHAIN_WEIGHT * len(read.chains)) or 1.0
    best_score, best_fragment = 0.0, False
    for name in entry.names:
        explained = list(place)
        cover = [0.0] * len(name.primary)
        prefix_cover = [0.0] * len(name.primary)
        met_optional = False
        for start, end, near, prefix in () if name.is_street else read.probes:
            for i, word in enumerate(name.primary):
                similar = near.get(word, 0.0)
                fragment = prefix.get(word, 0.0)
                if fragment and similar < 1.0:
                    # A typed beginning ("metapont") is a fragment even if it also reads as a typo.
                    prefix_cover[i] = max(prefix_cover[i], fragment)
                if similar:
                    cover[i] = max(cover[i], similar)
                    explained[start:end] = [max(similar, v) for v in explained[start:end]]
                elif fragment:
                    prefix_cover[i] = max(prefix_cover[i], fragment)
                    explained[start:end] = [max(1.0, v) for v in explained[start:end]]
            for pair, first, second in name.pairs:
                similar = near.get(pair, 0.0)
                if similar:
                    cover[first] = max(cover[first], similar)
                    cover[second] = max(cover[second], similar)
                    explained[start:end] = [max(similar, v) for v in explained[start:end]]
            for word in name.optional:
                similar = near.get(word, 0.0) or 0.9 * prefix.get(word, 0.0)
                if similar:
                    met_optional = True
                    explained[start:end] = [max(similar, v) for v in explained[start:end]]
        query_cov = (sum(w * e for w, e in zip(read.weights, explained, strict=True)) + chain_met) / total
        lengths = [len(w) for w in name.primary]
        coverage = [max(c, p) for c, p in zip(cover, prefix_cover, strict=True)]
        factor = (STREET_ONLY if met_street or met_optional else area_factor if met_area
                  else DISTRICT_ONLY if met_district else 0.0)
        score, fragment = 100.0 * query_cov * factor, False
        if any(coverage) and not name.is_street:
            name_cov = sum(n * c for n, c in zip(lengths, coverage, strict=True)) / (sum(lengths) or 1)
            by_name = 100.0 * (QUERY_WEIGHT * query_cov + NAME_WEIGHT * name_cov)
            if by_name > score:
                score = by_name
                fragment = any(0 < p < FRAGMENT_COVERAGE and c < 1.0 for c, p in zip(cover, prefix_cover, strict=True))
        if score > best_score:
            best_score, best_fragment = score, fragment
    return best_score, best_fragment


def _named_district(read: _Query, index: PreschoolIndex) -> District | None:
    """The district the query names outright (longest exact run), or None."""
    if not read.exact_districts:
        return None
    return index.directory.district(max(read.exact_districts)[1])


def _only_district(read: _Query) -> bool:
    """True when every typed word is part of a district's name (old names included)."""
    covered = [False] * len(read.words)
    for start, end, _, _ in read.districts:
        covered[start:end] = [True] * (end - start)
    return bool(covered) and all(covered)


def _only_shared_area(read: _Query, index: PreschoolIndex) -> bool:
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
    read = _read(query, index)
    if not read.words:
        return MatchResult([], False, None)
    named = _named_district(read, index)
    if _only_district(read):
        district = named or index.directory.district(read.districts[0][2])
        return MatchResult([], False, district)
    scored: list[Candidate] = []
    for position in _candidates(read, index):
        score, fragment = _score(index.entries[position], read)
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
    hit = process.extractOne(key, index._district_keys, scorer=fuzz.WRatio, processor=None,
                             score_cutoff=DISTRICT_CUTOFF)
    return index.districts[hit[0]] if hit is not None else None
