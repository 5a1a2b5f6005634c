"""Scoring: which preschools have evidence enough to be scored, and each one's score for a read query."""

from __future__ import annotations

from collections import defaultdict

from routing.match_index import Entry, PreschoolIndex
from routing.match_query import NUMBER_WEIGHT, Query

# Only this many preschools with the most evidence are scored in full (keeps p99 under 1 ms).
MAX_RESCORED = 40
# A word in more preschools than this is common: it adds evidence only when no rarer word matched.
COMMON_WORD = 150
# An area with at most this many preschools brings them all in when the query names only the area.
AREA_CANDIDATES = 120
# Weights of the two halves of a name score.
QUERY_WEIGHT, NAME_WEIGHT = 0.55, 0.45
# A candidate met only through its place: street (or a qualifier such as "Ripsavägen 33") / area / district.
# A name said outright beats the same words found only in an address ("Tornbacken" vs "Tornbacken 11a").
STREET_ONLY, AREA_ONLY, DISTRICT_ONLY = 0.95, 0.8, 0.6
# A name word covered less than this by a fragment makes the match a fragment (never confident).
FRAGMENT_COVERAGE = 0.85
# A typed chain word ("Pysslingen") weighs this much: it tells same-name preschools apart when the name has
# it, and costs little when the name has not.
CHAIN_WEIGHT = 5.0


def shortlist(read: Query, index: PreschoolIndex) -> list[int]:
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


def _place(entry: Entry, read: Query) -> tuple[list[float], bool, float]:
    """How well each typed word is explained by the candidate's district, area, street and house numbers; whether
    its street (or a number of its name) was met; and the factor of a match by area or district alone."""
    place = [0.0] * len(read.words)
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
    return place, met_street, area_factor if met_area else DISTRICT_ONLY if met_district else 0.0


def score_entry(entry: Entry, read: Query) -> tuple[float, bool]:
    """The candidate's score (0–100) and whether its name was met only as a fragment."""
    place, met_street, place_factor = _place(entry, read)
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
        factor = STREET_ONLY if met_street or met_optional else place_factor
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
