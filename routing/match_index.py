"""`PreschoolIndex`: the name words, streets, house numbers, areas and districts of one `Directory`, indexed once.

Each preschool is indexed by its names (the words that must be said, those that may be, joined pairs), its
street and house numbers, its area and its district; `near_words` and the place lookups find what a typed word
may stand for (a typo, a sound-alike, a fragment, a place).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from routing.model import District, Preschool, street_of
from routing.normalize import (
    chains,
    joined_key,
    normalize,
    place_words,
    sound,
    stem,
    street_base,
    street_key,
    words,
)

if TYPE_CHECKING:
    from routing.model import Directory

# A typed word counts as evidence for an indexed word at this fuzz.ratio or above.
TOKEN_CUTOFF = 75.0
# A typed word (or two joined) names an area, a district or a street at this fuzz.ratio or above.
PLACE_CUTOFF = 88.0
STREET_CUTOFF = 86.0
# Place words shorter than this are only taken when typed exactly.
MIN_FUZZY_PLACE = 5
# Typed words shorter than this are only used when they appear exactly (house numbers, "ek").
MIN_FUZZY_TOKEN = 3
# How many near words one typed word may bring in (typos; sound-alikes come on top).
WORDS_PER_TOKEN = 8
# A typed fragment ("troll") may stand for at most this many indexed words that start with it.
PREFIX_WORDS = 40
# A fragment must be at least this long to count.
MIN_PREFIX = 3
# A street typed without its type ("Ripsa" for Ripsavägen) is weaker evidence than the whole street name.
STREET_BASE = 0.85
# Words that describe the kind of preschool; in a name they are optional ("Montessoriförskola").
DESCRIPTOR_WORDS = frozenset({"montessori", "waldorf", "international", "internationella", "finsk", "sprak",
                              "musik", "special"})
_DESCRIPTOR_PREFIXES = ("montessori", "waldorf")
# How staff name areas that the data spells differently (the data's areas are keys of the index).
AREA_SYNONYMS = {"vasastan": "Vasastaden", "gardet": "Ladugårdsgärdet", "hammarbysjostad": "Södra Hammarbyhamnen",
                 "sjostaden": "Södra Hammarbyhamnen", "soder": "Södermalm", "city": "Norrmalm",
                 "essingen": "Stora Essingen", "djurgardsstaden": "Norra Djurgården"}
_NUMBER = re.compile(r"\d+")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")
# House-number ranges longer than this are not expanded ("12-14" is; "2-200" is a typo).
MAX_RANGE = 20


@dataclass(frozen=True)
class Name:
    """One way a preschool is named: words that must be said, words that may be, and joined pairs."""

    primary: tuple[str, ...]
    optional: tuple[str, ...]
    pairs: tuple[tuple[str, int, int], ...]  # (joined key, primary index, primary index)
    is_street: bool = False  # the name is only a street and number: met as a street, not as a name


@dataclass
class Entry:
    """What the index knows about one preschool."""

    preschool: Preschool
    names: list[Name]
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


def _name(text: str, street: str) -> Name:
    """The words of one name: the part before a comma must be said, the rest, numbers and descriptors may be."""
    head, _, tail = text.partition(",")
    head_words = words(head)
    primary: list[str] = []
    optional: list[str] = [stem(w) for w in words(tail)]
    for word in head_words:
        key = stem(word)
        if word.isdigit() or word in DESCRIPTOR_WORDS or word.startswith(_DESCRIPTOR_PREFIXES) or (
                street and street_key([word]) == street):
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
    pairs = tuple((joined_key([primary[i], primary[i + 1]]), i, i + 1) for i in range(len(primary) - 1))
    return Name(tuple(primary), tuple(dict.fromkeys(optional)), pairs, is_street)


class PreschoolIndex:
    """Precomputed name words, streets, areas, districts and their postings for one `Directory` snapshot."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.preschools = [p for p in directory.preschools if p.active]
        self.entries: list[Entry] = []
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.street_postings: dict[str, set[int]] = defaultdict(set)
        self.area_postings: dict[str, set[int]] = defaultdict(set)
        self.area_names: dict[str, str] = {}
        self.number_postings: dict[str, set[int]] = defaultdict(set)
        for position, preschool in enumerate(self.preschools):
            self._add(position, preschool)
        for entry in self.entries:
            entry.area_size = len(self.area_postings.get(entry.area, ()))
        self.area_synonyms = {typed: joined_key(place_words(name)) for typed, name in AREA_SYNONYMS.items()
                              if joined_key(place_words(name)) in self.area_postings}
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
        self.full_streets = {e.street for e in self.entries if e.street}
        self._streets_by_length: dict[int, list[str]] = defaultdict(list)
        for street in self.full_streets:
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
                    self.district_keys[joined_key(place_words(text))] = district
        self.district_name_keys = list(self.districts)
        self._district_place_keys = list(self.district_keys)

    def _add(self, position: int, preschool: Preschool) -> None:
        """Index the preschool at *position*: its names, the numbers in them, its street and its area."""
        street = street_key(place_words(street_of(preschool.address)))
        names = [_name(text, street) for text in (preschool.name, *preschool.aliases) if text.strip()]
        area = joined_key(place_words(preschool.area))
        entry = Entry(preschool, names, street, street_base(street), _numbers(preschool.address), area,
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
            return key, 1.0 if key in self.full_streets else STREET_BASE
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
