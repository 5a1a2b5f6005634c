"""Table-driven matching per family (bench/match_cases.py, written from the demo data) and the safety rules."""

from __future__ import annotations

import pytest

from bench.match_cases import CASES, Case, expected_ids, resolve
from routing.match import match_preschool


def _id(case: Case) -> str:
    return f"{case.family}:{case.kind}:{case.query}"


def test_every_case_names_preschools_that_exist(directory):
    for case in CASES:
        if case.kind in ("one", "weak", "many"):
            for spec in case.expected:
                assert resolve(spec, directory), (case.query, spec)
        if case.kind == "one":
            assert len(expected_ids(case, directory)) == 1, case.query
    assert len(CASES) >= 500


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "one"], ids=_id)
def test_single_answer_is_found_first(directory, case):
    result = match_preschool(case.query, directory.index)
    assert result.candidates
    assert result.candidates[0].preschool.id in expected_ids(case, directory)


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "many"], ids=_id)
def test_several_meant_are_never_a_confident_pick(directory, case):
    wanted = expected_ids(case, directory)
    result = match_preschool(case.query, directory.index, limit=len(wanted) + 10)
    found = {c.preschool.id for c in result.candidates}
    assert not result.confident
    assert result.best is None
    assert result.ambiguous
    assert (wanted & found) if case.family == "fragment" else wanted <= found


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "weak"], ids=_id)
def test_fragments_and_near_misses_are_suggested_not_picked(directory, case):
    result = match_preschool(case.query, directory.index)
    assert not result.confident
    assert result.best is None
    assert result.candidates[0].preschool.id in expected_ids(case, directory)


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "none"], ids=_id)
def test_a_preschool_that_does_not_exist_is_never_picked(directory, case):
    result = match_preschool(case.query, directory.index)
    assert not result.confident
    assert result.best is None


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "district"], ids=_id)
def test_a_district_alone_gives_the_district_and_no_preschool(directory, case):
    result = match_preschool(case.query, directory.index)
    assert result.candidates == []
    assert not result.confident
    assert result.district is not None
    assert result.district.id == case.expected[0]


def test_no_query_in_the_tables_is_a_confident_pick_in_another_district(directory):
    wrong = []
    for case in CASES:
        result = match_preschool(case.query, directory.index)
        if not result.confident:
            continue
        picked = result.candidates[0].preschool
        ids = expected_ids(case, directory)
        meant = {p.district_id for p in directory.preschools if p.id in ids}
        if case.kind == "district":
            meant = {case.expected[0]}
        if picked.district_id not in meant:
            wrong.append((case.query, picked.name, picked.district_id))
    assert wrong == []


def test_right_and_confident_for_at_least_95_percent_of_single_answers(directory):
    cases = [c for c in CASES if c.kind == "one"]
    right = sum(1 for c in cases if (r := match_preschool(c.query, directory.index)).confident
                and r.candidates[0].preschool.id in expected_ids(c, directory))
    confident_wrong = sum(1 for c in cases if (r := match_preschool(c.query, directory.index)).confident
                          and r.candidates[0].preschool.id not in expected_ids(c, directory))
    assert right / len(cases) >= 0.95, f"{right}/{len(cases)}"
    assert confident_wrong <= 0.01 * len(cases)


@pytest.mark.parametrize(("query", "expected"), [
    ("grodan blå", "Förskolan Blå Grodan Föräldrakooperativet"),
    ("ekgården sätra", "Academica Förskolan Ekgården"),
    ("sagoträdet långbro", "Förskolan Sagoträdet, Pysslingen"),
    ("maasen", "Förskolan Måsen"),
    ("mumin stugan", "Förskolan Muminstugan"),
    ("äppel vikstorget", "Förskolan Äppelvikstorget"),
    ("jensen förskola östermalm", "Förskolan Jensen Östermalm"),
])
def test_the_issues_examples_are_confident_and_right(directory, query, expected):
    result = match_preschool(query, directory.index)
    assert result.confident
    assert result.best is not None
    assert result.best.name == expected


def test_the_issues_fragments_and_unknown_are_not_confident(directory):
    for query in ("troll", "skogs", "förskolan kaninen, uppsala", "Skogsbacken"):
        assert not match_preschool(query, directory.index).confident, query
    assert match_preschool("förskolan kaninen, uppsala", directory.index).candidates == []


def test_area_and_street_are_in_the_dict_form(directory):
    data = match_preschool("ekgården sätra", directory.index).to_dict()
    assert data["confident"] is True
    assert data["candidates"][0]["area"] == "Sätra"
    assert data["candidates"][0]["street"] == "Lövsätragränd"
