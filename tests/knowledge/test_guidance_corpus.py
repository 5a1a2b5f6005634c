"""Floors on the tuning split of the guidance corpus; the held-out split is only reported by bench.guidance."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bench.guidance import SPLITS, Case, CorpusError, load_cases, rank
from knowledge.assessment import assess

TUNING = load_cases(SPLITS["tuning"])


@cache
def _cases(split: str) -> tuple[Case, ...]:
    """A split's cases, read once per test process."""
    return tuple(TUNING) if split == "tuning" else tuple(load_cases(SPLITS[split]))


def test_the_corpus_is_large_and_the_untuned_splits_are_at_least_a_fifth() -> None:
    held_out, fresh = load_cases(SPLITS["heldout"]), load_cases(SPLITS["fresh"])
    assert len(TUNING) + len(held_out) >= 450
    # The held-out split stays frozen at its size; with the fresh split it is at least a fifth of everything.
    assert len(held_out) >= 141
    assert (len(held_out) + len(fresh)) * 5 >= len(TUNING) + len(held_out) + len(fresh)
    assert not {case.id for case in TUNING} & {case.id for case in held_out}


@pytest.mark.parametrize(("split", "size"), [("fresh", 250), ("fresh2", 150), ("fresh3", 250), ("fresh4", 180),
                                            ("fresh5", 200), ("fresh6", 200), ("fresh7", 200),
                                            ("fresh8", 180)])
def test_a_fresh_split_loads_and_shares_no_id_or_text_with_the_others(split: str, size: int) -> None:
    fresh = _cases(split)
    others = [case for name in SPLITS if name != split for case in _cases(name)]
    assert len(fresh) >= size
    assert not {case.id for case in fresh} & {case.id for case in others}
    assert not {case.text.casefold() for case in fresh} & {case.text.casefold() for case in others}


def test_child_told_is_an_optional_expectation_where_null_means_silent(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.yaml"
    common = 'group: calm, outcome: consult, acute: false, guardians: true, reason: "r"'
    corpus.write_text("cases:\n"
                      f"- {{id: a, {common}, text: 'x'}}\n"
                      f"- {{id: b, {common}, child_told: null, text: 'y'}}\n"
                      f"- {{id: c, {common}, child_told: true, text: 'z'}}\n", "utf-8")
    told = [(case.expects_told, case.child_told) for case in load_cases(corpus)]
    assert told == [(False, None), (True, None), (True, True)]
    corpus.write_text(f"cases:\n- {{id: d, {common}, child_told: maybe, text: 'w'}}\n", "utf-8")
    with pytest.raises(CorpusError, match="child_told"):
        load_cases(corpus)


@pytest.mark.parametrize("case", [case for case in TUNING if case.acute], ids=lambda case: case.id)
def test_every_acute_case_is_acute(case: Case) -> None:
    assessment = assess(case.text, case.answers)
    assert assessment.acute, assessment.reasons
    assert assessment.tell_guardians_first is False


@pytest.mark.parametrize("case", TUNING, ids=lambda case: case.id)
def test_no_case_is_two_levels_below_its_outcome(case: Case) -> None:
    assessment = assess(case.text, case.answers)
    assert rank(assessment.outcome) - rank(case.outcome) < 2, assessment.reasons


@pytest.mark.parametrize("case", [case for case in TUNING if case.group in ("calm", "false_trigger")],
                         ids=lambda case: case.id)
def test_calm_and_false_trigger_cases_never_call_for_112(case: Case) -> None:
    assert not assess(case.text, case.answers).acute


@pytest.mark.parametrize("case", [case for case in TUNING if case.staff], ids=lambda case: case.id)
def test_staff_cases_take_the_staff_path(case: Case) -> None:
    assessment = assess(case.text, case.answers)
    assert assessment.staff_suspected
    assert "staff_suspected" in assessment.reasons
