"""Reports of care left undone at home (knowledge/reading/home_care.py, the fresh8 neglect and intoxication
families) and the small signs explained away beside them. Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "Hans öron rinner grönt sen en månad, mamman säger att de inte har tid att åka till läkaren.",
    "Hon kommer i tygskor och tunn kofta i minusgrader, det har varit så hela december.",
    "Flickan säger att mamma dricker det gula och sover på golvet och att hon äter flingor själv, flera gånger nu.",
    "Vi hittade vitt pulver i en påse i hans ryggsäck idag.",
    "Pappan säger att han tar tabletter för att orka och ibland för många, förra veckan somnade han i hallen.",
])
def test_care_left_undone_is_a_report(text: str) -> None:
    assert assess(text).outcome is Outcome.REPORT, text


@pytest.mark.parametrize("text", [
    "Han glömde mössan idag men har annars varma kläder.",
    "Hon hade öroninflammation förra veckan och fick medicin av läkaren.",
    "Pappa dricker kaffe och sover i soffan på söndagar, säger barnet.",
    "Han har ibland lite smutsiga strumpor men verkar glad och mätt.",
])
def test_small_signs_are_not_a_report(text: str) -> None:
    assert assess(text).outcome is not Outcome.REPORT, text


@pytest.mark.parametrize("text", [
    "Hon har 'blod' på kinden men det är röd fingerfärg från målarbordet, pappa blev rädd.",
    "Mamman hade ett blåmärke på armen från innebandyn och skrattade åt det med barnen.",
])
def test_paint_and_an_adults_sport_bruise_are_no_harm(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.CONSULT, text
    assert assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Flickan ritade pappa som slår mamma och sa att det här händer hemma när pappa är arg.",
    "He drew a man with a knife and a crying mummy and said this is at home when daddy gets angry.",
])
def test_a_drawing_said_to_show_violence_at_home_is_a_report(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT, text
    assert not assessment.tell_guardians_first


def test_a_happy_drawing_of_home_is_no_report() -> None:
    assert assess("Hon ritade familjen och sa att det här är hemma när alla är glada.").outcome is not Outcome.REPORT


def test_a_subject_after_the_verb_after_so_does_the_act() -> None:
    """"när hon var där så slog pappan mamman": the one after the verb is the one who hits, not the child before."""
    assessment = assess("En kompis berättade att när hon var hemma hos dem så slog pappan mamman.")
    assert assessment.outcome is Outcome.REPORT
    assert not assessment.tell_guardians_first
