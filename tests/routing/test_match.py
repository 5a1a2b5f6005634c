"""Matching preschools and districts from what staff type: typos, diacritics, noise words, old names."""

import random
from collections import defaultdict

import pytest

from routing.match import match_district, match_preschool
from routing.normalize import normalize


def _names(result):
    return [c.preschool.name for c in result.candidates]


@pytest.mark.parametrize(("query", "expected"), [
    # exact, added or dropped "förskolan", case
    ("Förskola Sagoberget", "Förskola Sagoberget"),
    ("Sagoberget", "Förskola Sagoberget"),
    ("förskolan sagoberget", "Förskola Sagoberget"),
    ("SAGOBERGET FÖRSKOLA", "Förskola Sagoberget"),
    # typos
    ("Sagobergt", "Förskola Sagoberget"),
    ("Sagobreget", "Förskola Sagoberget"),
    ("Brommakrokodilen", "Brommakrokodilens Montessoriförskola"),
    ("Andante Utflyktsvägen", "Andante Förskolor Utflyktsvägen"),
    # missing diacritics
    ("Brommakrokodilens montessoriforskola", "Brommakrokodilens Montessoriförskola"),
    # by address (with the source's own misspelling)
    ("Kilsbergsvdgen 9", "Förskola Sagoberget"),
    # district named in the query narrows same-name preschools
    ("Regnbågen Farsta", "Förskolan Regnbågen"),
    ("Regnbågen i Farsta", "Förskolan Regnbågen"),
])
def test_match_finds_the_preschool_first(directory, query, expected):
    result = match_preschool(query, directory.index)
    assert _names(result)[0] == expected
    assert not result.ambiguous


@pytest.mark.parametrize(("query", "count"), [
    ("Förskolan Regnbågen", 5),
    ("regnbagen", 5),
    ("Regnbågens förskola", 5),
    ("Solrosens förskola", 3),
    ("Humlans fsk", 3),
])
def test_same_name_preschools_are_ambiguous(directory, query, count):
    result = match_preschool(query, directory.index, limit=10)
    assert result.ambiguous
    assert sum(1 for c in result.candidates if c.score == result.candidates[0].score) >= count
    assert result.best is None


def test_district_in_query_resolves_the_district(directory):
    result = match_preschool("Regnbågen i Rinkeby", directory.index)
    assert result.district is not None
    assert result.district.id == "jarva"
    assert result.candidates[0].preschool.district_id == "jarva"


def test_unambiguous_match_reports_its_district(directory):
    result = match_preschool("Sagoberget", directory.index)
    assert result.district is not None
    assert result.district.id == "bromma"


def test_nonsense_finds_nothing(directory):
    result = match_preschool("qwxzv", directory.index)
    assert result.candidates == []
    assert not result.ambiguous
    assert result.best is None


@pytest.mark.parametrize(("query", "district_id"), [
    ("Rinkeby", "jarva"), ("Kista", "jarva"), ("Rinkeby-Kista", "jarva"), ("Spånga", "jarva"),
    ("Tensta", "jarva"), ("spanga-tensta", "jarva"), ("Järva", "jarva"), ("jarva", "jarva"),
    ("Norrmalm", "norra-innerstaden"), ("Östermalm", "norra-innerstaden"), ("ostermalm", "norra-innerstaden"),
    ("Älvsjö", "hagersten-alvsjo"), ("Hägersten", "hagersten-alvsjo"), ("Liljeholmen", "hagersten-alvsjo"),
    ("Hägersten-Liljeholmen", "hagersten-alvsjo"), ("Enskede", "enskede-arsta-vantor"),
    ("Årsta", "enskede-arsta-vantor"), ("Vantör", "enskede-arsta-vantor"), ("Hässelby", "hasselby-vallingby"),
    ("Vällingby", "hasselby-vallingby"), ("Farsta", "farsta"), ("Skarpnack", "skarpnack"),
    ("Södermalm", "sodermalm"), ("Hässelby-Vällingby", "hasselby-vallingby"), ("Kungsholmn", "kungsholmen"),
])
def test_match_district_accepts_old_and_new_names(directory, query, district_id):
    district = match_district(query, directory)
    assert district is not None
    assert district.id == district_id


def test_match_district_rejects_unknown_place(directory):
    assert match_district("Göteborg", directory) is None
    assert match_district("", directory) is None


def test_every_name_shared_across_districts_is_ambiguous(directory):
    by_name = defaultdict(list)
    for preschool in directory.preschools:
        by_name[preschool.name].append(preschool)
    shared = {name: group for name, group in by_name.items() if len({p.district_id for p in group}) > 1}
    assert len(shared) == 21
    for name, group in shared.items():
        result = match_preschool(name, directory.index, limit=len(group) + 5)
        assert result.ambiguous, name
        assert {p.id for p in group} <= {c.preschool.id for c in result.candidates}, name


def test_every_name_shared_within_a_district_is_ambiguous_too(directory):
    by_name = defaultdict(list)
    for preschool in directory.preschools:
        by_name[preschool.name].append(preschool)
    shared = {name: group for name, group in by_name.items() if len(group) > 1}
    assert len(shared) == 38
    for name, group in shared.items():
        assert match_preschool(name, directory.index, limit=len(group) + 5).ambiguous, name


def _misspell(rng: random.Random, word: str) -> str:
    letters = list(word)
    position = rng.randrange(len(letters))
    operation = rng.choice(["delete", "swap", "replace", "double", "fold"])
    if operation == "delete" and len(letters) > 4:
        del letters[position]
    elif operation == "swap" and position < len(letters) - 1:
        letters[position], letters[position + 1] = letters[position + 1], letters[position]
    elif operation == "replace":
        letters[position] = rng.choice("abcdefghijklmnopqrstuvwxyzåäö")
    elif operation == "double":
        letters.insert(position, letters[position])
    else:
        return word.replace("å", "a").replace("ä", "a").replace("ö", "o").replace("Ö", "O").replace("Ä", "A")
    return "".join(letters)


def test_misspelled_unique_names_come_first_in_at_least_95_percent(directory):
    rng = random.Random(20261124)
    keys = defaultdict(list)
    for preschool in directory.preschools:
        keys[normalize(preschool.name)].append(preschool)
    unique = [group[0] for key, group in keys.items() if len(group) == 1 and len(key) >= 5]
    trials = hits = 0
    for preschool in unique:
        words = preschool.name.split()
        # Misspell the distinctive part (the longest word), as people do; keep or drop "förskolan".
        longest = max(range(len(words)), key=lambda i: len(words[i]) if "örskol" not in words[i] else 0)
        words[longest] = _misspell(rng, words[longest])
        if rng.random() < 0.5:
            words = [w for w in words if normalize(w) != ""] or words
        query = " ".join(words)
        result = match_preschool(query, directory.index)
        trials += 1
        hits += bool(result.candidates) and result.candidates[0].preschool.id == preschool.id
    assert trials > 600
    assert hits / trials >= 0.95, f"{hits}/{trials}"
    print(f"misspellings: {hits}/{trials} first")
