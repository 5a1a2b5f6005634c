"""Concepts that widen older ones and two reports (knowledge/reading/explained.py, the fresh7 calm and false-trigger
families): a film's killing, "full" meaning full of food, an adult who burnt themself, red marks from a scratchy
collar, shaking hands; used needles among the child's things and drugs at home as a habit are reports. Sentences
written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "Efter Lejonkungen sa en pojke att 'pappan blir dödad av sin bror'.",
    "Han sa 'mamma är full' men menade mätt efter pannkakorna.",
    "Flickan berättade att mamma brände sig på ugnen när de bakade.",
    "Han hade röda märken runt halsen från den nya stickiga polotröjan, mamma visade tröjan.",
    "Pappans händer skakar när han knäpper jackan, han har sagt att han har en sjukdom.",
])
def test_harmless_explanations_are_a_consultation_with_the_guardians(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.CONSULT, (text, assessment.reasons)
    assert assessment.tell_guardians_first, text


def test_a_cigarette_on_the_balcony_is_no_high_but_rokt_pa_alone_is() -> None:
    assert not assess("Pappa har rökt på balkongen och ska hämta nu.").acute
    assert assess("Pappa har rökt på och ska hämta nu.").acute


def test_a_childs_burn_a_parent_explains_away_stays_a_report() -> None:
    assessment = assess("runda brännmärken på handen som cigarett, mamma sa att han bränt sig på spisen")
    assert assessment.outcome is Outcome.REPORT


@pytest.mark.parametrize("text", [
    "Vi hittade två använda sprutor i flickans ryggsäck i morse.",
    "Han berättar att pappa och kompisarna röker gräs i vardagsrummet varje kväll.",
])
def test_needles_and_drugs_at_home_are_reports(text: str) -> None:
    assert assess(text).outcome is Outcome.REPORT, text


def test_the_parent_new_in_town_is_support() -> None:
    assert assess("Mamman är nyinflyttad och känner ingen, hon vill träffa andra föräldrar.").outcome is Outcome.SUPPORT
