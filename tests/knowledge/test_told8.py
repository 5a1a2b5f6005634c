"""The fresh8 families told in everyday words (knowledge/reading/told8.py and told8_reports.py), in the helper's own
words, and their look-alikes."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "mamman sa att hon och sonen ska resa till morfar i himlen ikväll, hon hämtar snart",
    "till himlen ska vi, jag och grabben, sa pappan vid lämningen, han hämtar kl tre",
    "dad said we are both going to be in heaven with grandpa tonight, he collects her at 3",
    "pappan sa 'jag tar livet av mig och barnen' och skrattade, han hämtar nu",
    "hon skrek att hon bränner ner huset med dem i, barnen ska hem till henne nu",
    "41 graders feber och ingen av föräldrarna svarar",
    "insulinpennan är tom, mamma svarar inte och flickan kräks",
    "ingen har hämtat ettåringen och vi stänger nu, pappa sa i morse att han inte klarar mer",
    "kollegan luktar sprit och sluddrar och har gruppen ensam just nu",
    "en vikarie tvångsmatar ett barn just nu, han gråter",
    "han vill inte, inte alls, gå hem med mamma idag och har ett nytt sår på kinden",
    "blåmärken på armen, mamma slet i henne nyss och sa att hon ska få stryk hemma",
    "cigarette burns, small and round, on his arm, he says daddy did it when he was naughty, he goes home today",
    "hon visade benen som var randiga efter bältet, sen sa hon att hon ramlat, hon grät och vill stanna kvar",
    "det svider i rumpan efter att morbror lekte hemlis i badet, han hämtar ikväll",
    "farfar har druckit sedan lunch enligt mamma och kör hit och hämtar om en halvtimme",
])
def test_told8_is_acute(text: str) -> None:
    assert assess(text).acute


@pytest.mark.parametrize("text", [
    "hon berättar att farmor är i himlen och att hon saknar henne",
    "vi ska titta på stjärnorna på himlen ikväll, sa pappa glatt",
    "these kids are killing me, dad sighed at pickup",
    "brandövning idag, vi låtsas att huset brinner med barnen i",
    "39 graders feber, mamma är på väg hit",
    "ingen har hämtat än, mamma sa att hon inte orkar mer med jobbet och kommer om en kvart",
    "en kollega var full på festen i lördags",
    "nytt skrubbsår från gungan och han vill inte gå hem för han vill leka klart",
    "han brände sig på spisen igår, pappa kylde med vatten",
    "pappa har druckit kaffe hela dagen och kör hit och hämtar snart",
    "det svider i rumpan när hon bajsar, läkaren säger förstoppning",
])
def test_told8_look_alikes_stay_calm(text: str) -> None:
    assert not assess(text).acute


@pytest.mark.parametrize("text", [
    "blåmärke på kinden, mamma sa att hon ramlade men hon sa själv att det var mammas hand",
    "hon lägger nallarna på varandra och stönar och säger att det är hemligt",
    "han duckar undan när en vuxen höjer armen och vi har sett blåmärken på ryggen",
    "han får inte säga vad farbror gör i duschen, sa han igen",
    "de glömmer hämta honom ofta och ingen svarar i telefon",
    "the parents missed three clinic appointments for her diabetes",
    "han säger att pappa inte får slå mamma mer",
])
def test_told8_reports(text: str) -> None:
    assert assess(text).outcome is Outcome.REPORT


@pytest.mark.parametrize("text", [
    "hon får inte säga vad mamma gömde i badet, det är en födelsedagspresent",
    "pappa glömde hämta idag men ringde och kom strax",
    "han duckar när bollen kommer i spökbollen",
])
def test_told8_report_look_alikes(text: str) -> None:
    assert assess(text).outcome is not Outcome.REPORT


@pytest.mark.parametrize(("text", "acute"), [
    ("för fem minuter sedan såg jag att det är ingen i bilen förutom en liten i babyskydd, bilen är låst", True),
    ("nobody in the car but the baby, locked, no parent around", True),
    ("ingen i bilen förutom hunden", False),
    ("ingen i bilen förutom mamma och bebisen, de väntar utanför", False),
])
def test_nobody_in_the_car_but_the_baby(text: str, acute: bool) -> None:
    assert assess(text).acute is acute
