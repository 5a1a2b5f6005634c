"""Situations written by a second author, outside the engine author's corpus: the safety floors hold on them too.

The data file has one case a line: expected outcome, acute, guardians advice, text. The two acute cases once
read one level too low (fresh injuries with a frightened child but no words of fear about home) are acute now:
a fresh injury, a child who cries or trembles and an adult at home behind it is read as fear shown, not said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.assessment import OUTCOME_ORDER, Outcome, assess

DATA = Path(__file__).parent / "data" / "second_author.tsv"


def _cases() -> list[tuple[Outcome, bool, bool, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            outcome, acute, guardians, text = line.split("\t")
            rows.append((Outcome(outcome), acute == "true", guardians == "true", text))
    return rows


CASES = _cases()


def _param(case: tuple[Outcome, bool, bool, str]) -> object:
    return pytest.param(*case, id=case[3][:50])


def test_the_file_holds_enough_cases() -> None:
    assert len(CASES) >= 90
    assert sum(acute for _, acute, _, _ in CASES) >= 30


@pytest.mark.parametrize(("outcome", "acute", "guardians", "text"), [_param(case) for case in CASES if case[1]])
def test_every_acute_situation_is_acute(outcome: Outcome, acute: bool, guardians: bool, text: str) -> None:
    assessment = assess(text)
    assert assessment.acute
    assert not assessment.tell_guardians_first


@pytest.mark.parametrize(("outcome", "acute", "guardians", "text"), [pytest.param(*case, id=case[3][:50])
                                                                      for case in CASES])
def test_never_two_levels_too_low(outcome: Outcome, acute: bool, guardians: bool, text: str) -> None:
    got = assess(text).outcome
    assert OUTCOME_ORDER.index(got) - OUTCOME_ORDER.index(outcome) < 2 or outcome is Outcome.SUPPORT


@pytest.mark.parametrize("text", [case[3] for case in CASES if not case[1] and case[0] is Outcome.SUPPORT])
def test_calm_situations_do_not_ring_112(text: str) -> None:
    assert not assess(text).acute


@pytest.mark.parametrize("text", [
    "Han slår henne just nu",
    "hon slår honom nu i hallen",
    "de slår henne just nu",
    "någon slår barnet just nu",
    "he is hitting her right now",
    "han sparkar henne just nu utanför grinden",
])
def test_violence_now_by_someone_not_named_as_a_child_is_acute(text: str) -> None:
    assert assess(text).acute


@pytest.mark.parametrize("text", [
    "pojken slår henne just nu",
    "barnen slår varandra just nu",
    "han sa att han får stryk om han inte äter upp, nu förnekar han allt",
])
def test_children_hitting_or_a_past_account_is_not_112(text: str) -> None:
    assert not assess(text).acute
