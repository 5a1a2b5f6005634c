"""Realistic vignettes from DOMAIN.md: acute ones must be acute, and no harm may be assessed below its floor."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from knowledge.assessment import OUTCOME_ORDER, Answers, Outcome, assess


@dataclass(frozen=True)
class Vignette:
    """A described situation with the least outcome the guidance must reach and the categories it must see."""

    text: str
    floor: Outcome
    categories: frozenset[str] = frozenset()
    answers: Answers | None = None


def v(text: str, floor: str, *categories: str, answers: Answers | None = None) -> Vignette:
    return Vignette(text, Outcome(floor), frozenset(categories), answers)


SWEDISH = [
    # Acute: 112 first.
    v("Pappa kom för att hämta och är helt full, han vinglar i hallen och vill ta med sig henne.", "acute",
      "parent"),
    v("Mamman luktar sprit och ska köra hem med barnet nu.", "acute", "parent"),
    v("Jag såg att hon har strypmärken på halsen när vi bytte tröja.", "acute", "physical"),
    v("Han har röda märken runt halsen och säger att pappa klämde.", "acute", "physical"),
    v("Flickan har färska blåmärken i ansiktet och gråter, hon vågar inte gå hem i dag.", "acute", "physical"),
    v("Pojken har brännskador på armen. Han säger att han inte vill gå hem, han är rädd för pappa.", "acute",
      "physical"),
    v("Hon berättade att pappa tar på hennes snippa när mamma jobbar natt.", "acute", "sexual"),
    v("Jag misstänker sexuella övergrepp, hon säger att morbror rör vid hennes underliv.", "acute", "sexual"),
    v("Mamma sa att de ska åka till hemlandet i sommar och att flickan ska omskäras där.", "acute", "honour"),
    v("Storasyster berättade att lillan ska giftas bort, de reser utomlands nästa vecka.", "acute", "honour"),
    v("Pappan står utanför förskolan och skriker att han ska döda mamman.", "acute"),
    v("Mammans kille slår henne på gården just nu, vad gör jag?", "acute"),
    v("Han kom in med en kniv och hotade personalen.", "acute"),
    v("Hon har ett sår i ansiktet och säger att hon inte vågar gå hem.", "acute", "physical"),
    v("Barnet är i fara, pappa har hotat att ta livet av dem alla.", "acute"),
    v("Jag är orolig, men det kan vänta.", "acute", answers=Answers(None, None, safe_today=False)),
    # Report: an account of violence or abuse, or clear signs over time.
    v("Han berättade i dag att pappa slår honom med bältet när han inte lyder.", "report", "physical"),
    v("Hon sa att mamma örfilade henne i morse. Hon har en röd kind.", "report", "physical"),
    v("Han säger att pappa slår mamma och att han gömmer sig under sängen.", "report", "domestic_violence"),
    v("Barnet berättar att polisen var hemma i helgen för att pappa slog mamma.", "report",
      "domestic_violence"),
    v("Flickan leker sexualiserade lekar med dockorna och vet för mycket om sex för sin ålder.", "report",
      "sexual"),
    v("Hon är rädd för blöjbyte och har ont i snippan flera dagar i rad.", "report", "sexual"),
    v("Han kommer ofta hungrig och med smutsiga kläder, och det har pågått i flera månader.", "report",
      "neglect"),
    v("Hon har haft blåmärken på ryggen flera gånger sedan i höstas och förklaringen ändras.", "report",
      "physical"),
    v("Pojken har haft konstiga blåmärken på öronen och i nacken flera veckor.", "report", "physical"),
    v("Ingen hämtade honom i går heller, det händer varje vecka.", "report", "neglect"),
    v("Han har ingen overall fast det är minus tio, och det har varit så hela vintern, varje dag.", "report",
      "neglect"),
    v("Mamma verkar ha en psykos, hon pratar osammanhängande och barnet har varit hungrigt i veckor.",
      "report", "parent", "neglect"),
    v("Hon får inte leka med pojkar och storebror kontrollerar henne, familjen talar om heder.", "report",
      "honour"),
    v("Barnet har blivit tyst och inbundet, i flera månader, och söker aldrig tröst.", "report", "emotional"),
    v("Jag har inte sett några skador, men hon berättade att pappa slog henne i helgen.", "report",
      "physical"),
    v("Det är inte akut men hon säger att pappa brukar slå henne när han är arg.", "report", "physical"),
    v("Jag vet inte om pappa slår henne, men hon har blåmärken.", "report", "physical"),
    v("Han har blåmärken på armen.", "report", "physical",
      answers=Answers(duration="weeks", child_told=None, safe_today=True)),
    v("Hon berättade något om hemma som oroar mig.", "report",
      answers=Answers(duration="today", child_told=True, safe_today=True)),
    # Consult: unclear, one sign, or parent-related signs without more.
    v("Han har ett blåmärke på kinden och mamma säger att han ramlade.", "consult", "physical"),
    v("Pappa luktade alkohol vid lämningen i morse.", "consult", "parent"),
    v("Hon har blivit passiv och stel i ansiktet den senaste tiden.", "consult", "emotional"),
    v("Mamma verkar deprimerad och orkar inte ta hand om barnet.", "consult", "parent"),
    v("Han har börjat kissa på sig igen och är otröstlig vid lämning.", "consult", "emotional"),
    v("Barnet har uteblivit från BVC och har obehandlad karies.", "consult", "neglect"),
    v("Något känns fel men jag kan inte sätta fingret på det.", "consult"),
    v("Hon har inga blåmärken och har inte sagt något, men jag har en magkänsla.", "consult"),
    v("Pappa har inte slagit henne vad jag vet, men han skäller på barnet hela tiden.", "consult",
      "emotional"),
    # Support: family needs, no harm.
    v("Föräldrarna har separerat och mamma är trött och ber om råd om sömn.", "support", "family_support"),
    v("Pappa frågade om råd kring gränssättning och utbrott, de har fått ett nytt syskon.", "support",
      "family_support"),
    v("Familjen är nyanländ och trångbodd och mamma vill ha råd om föräldraskap.", "support",
      "family_support"),
    v("Föräldrarna skiljer sig och barnet sover dåligt.", "support", "family_support"),
]

ENGLISH = [
    v("Dad is drunk and wants to pick her up now.", "acute", "parent"),
    v("She has marks around her neck.", "acute", "physical"),
    v("He said his father threatened to kill his mum.", "acute"),
    v("She told me her stepdad touches her private parts.", "acute", "sexual"),
    v("He told me that his dad hits him with a belt.", "report", "physical"),
    v("She is often hungry and has worn the same clothes for weeks.", "report", "neglect"),
    v("Mum seems depressed and cannot cope.", "consult", "parent"),
    v("The parents are separating and asked for advice about tantrums.", "support", "family_support"),
]


def _rank(outcome: Outcome) -> int:
    return OUTCOME_ORDER.index(outcome)


@pytest.mark.parametrize("vignette", SWEDISH + ENGLISH, ids=lambda vignette: vignette.text[:50])
def test_vignette_reaches_at_least_its_floor(vignette: Vignette) -> None:
    assessment = assess(vignette.text, vignette.answers)
    assert _rank(assessment.outcome) <= _rank(vignette.floor), assessment.reasons
    assert vignette.categories <= set(assessment.categories)


@pytest.mark.parametrize(
    "vignette", [vignette for vignette in SWEDISH + ENGLISH if vignette.floor is Outcome.ACUTE],
    ids=lambda vignette: vignette.text[:50],
)
def test_acute_vignettes_are_acute_so_112_comes_first(vignette: Vignette) -> None:
    assessment = assess(vignette.text, vignette.answers)
    assert assessment.acute
    assert assessment.outcome is Outcome.ACUTE


@pytest.mark.parametrize(
    "vignette",
    [vignette for vignette in SWEDISH + ENGLISH if vignette.floor in (Outcome.CONSULT, Outcome.SUPPORT)],
    ids=lambda vignette: vignette.text[:50],
)
def test_unclear_vignettes_are_not_raised_to_acute(vignette: Vignette) -> None:
    assert not assess(vignette.text, vignette.answers).acute


@pytest.mark.parametrize(
    "vignette",
    [vignette for vignette in SWEDISH + ENGLISH if vignette.floor is Outcome.SUPPORT],
    ids=lambda vignette: vignette.text[:50],
)
def test_support_vignettes_get_support_not_a_report(vignette: Vignette) -> None:
    assert assess(vignette.text, vignette.answers).outcome is Outcome.SUPPORT


def test_there_are_enough_vignettes() -> None:
    assert len(SWEDISH) >= 45
    assert len(ENGLISH) >= 8
