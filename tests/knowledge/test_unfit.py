"""An adult unfit to care now, with the child (knowledge/reading/unfit.py, the fresh7 intoxication families): pin
pupils, nodding off mid-sentence, no balance, sniffing, an empty bottle, an adult hardly to be roused beside a baby,
"just two glasses" and dropped keys — with the adult here now, about to drive or leave, or asked about. Look-alikes:
a past night, a pattern, a child's own tiredness, tiredness or unsteadiness with a reason, a sober adult. Sentences
written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess
from knowledge.reading import read


@pytest.mark.parametrize("text", [
    "Får vi skicka hem lillkillen med pappa? Han nickar bort när vi pratar och har pyttesmå pupiller.",
    "Mormor står i hallen för att hämta, hon har svårt att hålla balansen och somnar mitt i samtalet.",
    "Vi såg mamman sniffa något i bilen nyss, nu är hon inne och ska hämta treåringen.",
    "Pappan har somnat i kapprummet med ettåringen i famnen och vi får knappt liv i honom.",
    "Morfar har tagit 'bara ett par glas' och ska köra hem med tvillingarna nu.",
    "He is here to collect his daughter, pupils tiny, and he can barely keep his balance.",
    "mamma e här o ska ta lillen, hon nickar bort hela tiden o har knappnålsstora pupiller",
    "pappa nickar bort, ska köra hem sonen nu",
    "Pappa har rökt något i bilen och ögonen är glansiga, han ska köra hem med flickan nu.",
    "Hur gör jag? Mormor ska hämta och hon är helt borta, svarar inte när vi pratar med henne, bebisen i vagnen.",
    "The dad who came for his son can hardly stand up and his speech is slurred, should I let them go?",
    "Mormor säger att hon bara tagit sin sömnmedicin men hon somnar hela tiden och ska köra barnbarnet.",
    "Det har hänt förut men nu är mamma full igen och hon står vid bilen med nycklarna just nu, bebisen i famnen.",
])
def test_an_adult_unfit_now_with_the_child_is_acute(text: str) -> None:
    assert "intoxicated_pickup" in read(text).acute, text
    assessment = assess(text)
    assert assessment.outcome is Outcome.ACUTE
    assert not assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Pappan nickade bort i soffan förra helgen enligt sonen, mamma tog hand om barnen.",
    "Mamma somnar nästan mitt i meningen, hon har jobbat natt hela veckan och hämtar snart.",
    "Farmor har svårt att hålla balansen efter sin höftoperation och hämtar med rullator.",
    "Flickan nickar bort mitt i maten och har svårt att hålla balansen, vi ringer mamma.",
    "Mamma drack bara två glas vin på julfesten i fredags och tog taxi hem.",
    "Vi hittade en tom flaska bakom förrådet efter helgen, ingen vet vems den är.",
    "Pappan kom och hämtade, han var nykter och pigg och pratade tydligt.",
    "Det ligger ofta tomma flaskor i hallen hos familjen enligt storebror.",
    "Kan vi skicka hem honom med farfar? Han har ont i foten och går lite ostadigt.",
    "Pappan är full varje lördag enligt sonen, nu undrar jag hur jag ska göra.",
    "Mamma sa att hon somnar hela tiden på kvällarna, hon hämtar idag med bil.",
    "Han sniffar på blommorna i trädgården och skrattar, pappa hämtar snart.",
])
def test_what_only_looks_like_an_unfit_adult_is_not_acute(text: str) -> None:
    assert "intoxicated_pickup" not in read(text).acute, text
    assert not assess(text).acute, text
