"""A child with no fit carer now, and a girl cut or about to be (knowledge/reading/carers.py, the fresh6 families E, F,
G): an adult impaired now about to drive or ride off with the child, a guardian out cold, a child not collected with
nobody to reach, alone at a height, a baby drying out, a girl sewn after a trip, a "big girl" trip within days,
relatives fetching a girl tonight; past intoxication told as a pattern (a report); and the look-alikes that stay
calm. Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess
from knowledge.reading import read


@pytest.mark.parametrize(("text", "code"), [
    ("morfar har tagit två öl till lunchen, han svajar och ska köra hem med barnbarnet", "intoxicated_pickup"),
    ("mamman är ostadig med stora pupiller och vill ta flickan på mopeden", "intoxicated_pickup"),
    ("he's wobbly and reeks of wine, says he'll drive the boy home now", "intoxicated_pickup"),
    ("pappa luktar sprit och tappade nyckeln tre gånger, ska köra dottern till farmor", "intoxicated_pickup"),
    ("storebror säger att mamma sover och vaknar inte sen igår, lillasyster är hemma", "immediate_danger"),
    ("klockan är sju, ingen har hämtat ettåringen och pappa svarar inte, ingen nödkontakt", "immediate_danger"),
    ("femåringen står ensam på balkongen på sjätte våningen och gråter, ingen vuxen hemma", "immediate_danger"),
    ("bebisen är slö och har inte fått mat sedan igår, munnen är torr", "immediate_danger"),
    ("flickan säger att farmor sydde ihop henne i Somalia, hon går stelt och vill inte kissa", "immediate_danger"),
    ("på lördag flyger hon till Guinea för att bli stor tjej, det blir fest och sen ska det göra ont", "taken_abroad"),
    ("farbröderna väntar vid grinden, familjen har bestämt, mamma gråter och de tar henne ikväll", "taken_abroad"),
])
def test_a_child_without_a_fit_carer_now_is_acute(text: str, code: str) -> None:
    assert assess(text).acute, text
    assert code in read(text).acute, text


@pytest.mark.parametrize("text", [
    "pappa drack ett glas vin till middagen i fredags, idag hämtade han som vanligt",
    "farfar är vinglig efter sin stroke och hämtar till fots",
    "mammans pupiller var stora efter ögondropparna, hon hämtade som vanligt",
    "ingen hade hämtat henne kvart över fem men mamma ringde och sa att bussen var sen",
    "vi stod på balkongen med mormor och vinkade till grannarna",
    "bebisen sover i vagnen och har ätit bra idag",
    "mamma försov sig idag och vaknade inte av larmet, de kom halv tio",
    "hon ska till Somalia imorgon på sin kusins bröllop och det blir stor fest",
    "hon vill bli stor tjej och sova utan blöja",
    "vi sydde ihop en docka av tyg idag",
    "kusinerna hämtar henne ikväll till farmors kalas, mamma har sagt ok",
])
def test_the_look_alikes_stay_calm(text: str) -> None:
    assert not assess(text).acute, text


def test_intoxication_at_pickup_told_as_a_pattern_is_a_report() -> None:
    assessment = assess("mamma luktade sprit vid hämtningen igen, det har hänt flera gånger i höst")
    assert assessment.outcome is Outcome.REPORT
    assert "intoxicated_with_child" in assessment.reasons
    assert assess("En gång i höstas luktade farmor vin vid lämningen").outcome is Outcome.CONSULT


@pytest.mark.parametrize("text", [
    "pappan var packad vid hämtningen i måndags, det har hänt förut också",
    "at the barbecue the dad was so drunk he fell over with the toddler in his arms",
])
def test_intoxication_with_harm_or_told_again_is_a_report(text: str) -> None:
    assert assess(text).outcome is Outcome.REPORT, text
