"""Acute situations written indirectly (DOMAIN.md §3), in the lead's own words after round 2: a child married,
cut, sent or taken away soon, a child going home tonight to the adult who was violent yesterday, a hurt child who
does not want to go home (mixed Swedish and English), a parent about to take their life; and the look-alikes that
are not acute: a family holiday, a parent's own wedding, a paper cut, hitting a ball."""

import pytest

from knowledge.assessment import assess


@pytest.mark.parametrize("text", [
    "morbror hämtar och säger att flickan ska åka till irak imorgon och gifta sig",
    "pappan sa att de åker till Afghanistan på fredag och att hon ska gifta sig med en man där",
    "she said her dad says she will marry a man in Somalia next month",
    "hon är rädd för att åka till hemlandet i sommar, hon säger att de ska skära henne där nere",
    "mamma viskade till mig att släktingarna kommer och hämtar flickan idag för att ta henne utomlands",
    "barnet berättar att pappa sagt att hon ska bo hos farmor i Syrien från och med nu, de åker på lördag",
    "hon ska växa upp hos mormor i Irak, de åker nästa vecka",
    "mamman sa att hon inte orkar leva längre och ska ta sitt liv",
    "hon har burn marks på armarna och säger mamma did it, hon vill inte go home",
    "dad slog mamma i huvudet med en flaska inför barnet igår night och barnet ska dit ikväll",
    "hon sa att pappa slog henne igår och hon ska hem till honom ikväll",
    "hon är bortlovad till en kusin och bröllopet är i Irak i sommar",
    "släkten planerar ett hedersmord på mamman, barnen är med henne hemma",
    "pappas familj hotar mamma till livet och säger att de tar barnen",
    "flickan blev hämtad av en släkting och familjen har lämnat landet, vi når ingen",
    "barnet säger att pappa visar honom filmer med nakna vuxna och tar bilder på honom i badet",
    "pojken säger att pappa brukar trycka hans huvud under vattnet i badkaret när han är stygg",
    "she said mum held her head under the water in the bath",
    "hennes lillebror på 2 år är ensam hemma, hon sa att mamma har gått och inte kommit tillbaka",
    "han är ensam hemma just nu, mamma svarar inte",
])
def test_an_imminent_danger_written_indirectly_is_acute(text: str) -> None:
    assert assess(text).outcome == "acute", text


@pytest.mark.parametrize("text", [
    "mamman ska gifta sig i Turkiet i sommar", "mamman sa att hon ska gifta sig i Turkiet i sommar",
    "pappan berättade att han ska gifta sig i Irak i sommar", "pappa tar henne utomlands på semester i sommar",
    "vi ska åka utomlands på semester i sommar", "familjen åker till Turkiet i helgen och hälsar på farmor",
    "vi pysslade och skar papper med saxen, hon skar sig lite", "vi ska skicka ett paket till Irak idag",
    "vi lekte att pappa slog bollen igår och idag ska vi hem", "pappa slog i bordet igår och idag ska hon hem",
    "hon vill inte go home idag, hon vill leka mer", "vi har lämnat landet för länge sedan och bor nu här",
    "pojken kom inte idag, pappa sa att de har lämnat landet", "mamman ska på bröllop i Turkiet i sommar",
    "vi badade i plaskdammen och han doppade huvudet under vattnet och skrattade",
    "vi lärde barnen att hålla andan under vattnet på simskolan", "pappa doppade henne i vattnet och hon skrattade",
    "vi pratade om varför man inte ska titta på porr på ipaden, det sa en förälder på mötet",
    "han får ofta vara ensam hemma på kvällarna", "hon berättade att hon var ensam hemma en gång förra året",
])
def test_a_trip_a_parents_wedding_or_a_paper_cut_is_not_acute(text: str) -> None:
    assert assess(text).outcome != "acute", text


@pytest.mark.parametrize("text", [
    "mamma är suicidal och ensam med barnen", "mamman har psykisk ohälsa och har försökt ta sitt liv",
    "mamman sa att hon vill dö",
])
def test_a_parents_suicidal_words_are_a_concern_about_the_parent(text: str) -> None:
    assert "parent" in assess(text).categories
