"""Emergencies told without the usual words (knowledge/reading/emergency.py, the fresh5 families D, E, F, H): a neck
marked or a strangling shown with the hands, smothering, a child who swallowed an adult's pills, a shaken or
broken-limbed baby, an adult collapsed beside the child, a small child alone in a car or at home now, cutting on a
near date; and the look-alikes that stay calm. Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import assess
from knowledge.reading import read


@pytest.mark.parametrize(("text", "code"), [
    ("hon har blå ränder på halsen och visar hur farbror gjorde med händerna", "strangulation"),
    ("he says daddy held a blanket over his face until he stopped crying", "strangulation"),
    ("mamma trycker ner hennes ansikte i madrassen när hon inte somnar, säger flickan", "strangulation"),
    ("fyraåringen har svalt flera av pappas sömntabletter och går inte att väcka ordentligt", "immediate_danger"),
    ("the toddler got into his nan's pills this morning and is very drowsy", "immediate_danger"),
    ("bebisen skakades av mammas kille i natt, nu kräks hon och är slapp", "immediate_danger"),
    ("ettåringen har ett blåmärke på kinden och armen hänger slappt, pappa säger att han föll", "immediate_danger"),
    ("pappan ligger medvetslös i hallen, sonen sitter bredvid honom", "immediate_danger"),
    ("en tvååring sitter ensam i en bil på parkeringen, rutorna är uppe och det är 30 grader", "immediate_danger"),
    ("lillasyster är ensam hemma sedan i morse och har inte fått mat, säger storebror", "immediate_danger"),
    ("hon ska renas på söndag hos mormor", "taken_abroad"),
    ("storasystern är redan omskuren och nu har de bokat resa till Somalia för lillasyster på fredag",
     "taken_abroad"),
    ("pojken pekar på halsen och säger 'mamma klämma'", "strangulation"),
    ("lillkillen sitter i bilen, mamman gick in på gymmet för en kvart sedan, det är 26 grader", "immediate_danger"),
    ("farmor ska ordna det med flickan när de är i Guinea, de åker på lördag", "taken_abroad"),
    ("mamma svimmade i hallen och vi får inte liv i henne, dottern sitter bredvid", "immediate_danger"),
])
def test_an_emergency_told_without_the_usual_words_is_acute(text: str, code: str) -> None:
    assessment = assess(text)
    assert assessment.acute, text
    assert code in read(text).acute, text


def test_a_poisoned_child_who_slurs_is_no_intoxicated_adult() -> None:
    reading = read("han har ätit av mammas tabletter i morse och nu sluddrar han och vinglar")
    assert "immediate_danger" in reading.acute
    assert "intoxicated_pickup" not in reading.acute
    assert "parent" not in reading.categories


@pytest.mark.parametrize("text", [
    "hon ska bli ren i sommar, vi tränar på pottan",
    "Hon ska bli fin imorgon till luciafirandet",
    "mamma ska bli ren från imorgon, hon börjar på behandlingshem",
    "på kursen pratade vi om könsstympning i allmänhet",
    "hon har ett rött märke på halsen där halsbandet har skavt",
    "vi hade kuddkrig och pappa la kudden på mitt ansikte, sa hon och skrattade",
    "pojken åt en vitamintablett i morse som mamma gav honom",
    "han tar sin allergimedicin varje morgon och är pigg",
    "Vad gör man om ett barn fått i sig mammas tabletter?",
    "pappa skakade skallran och bebisen skrattade",
    "barnen lekte mamma pappa barn och skakade dockan",
    "bebisen kräks och är slö idag, hela familjen har magsjuka och mamma är hemma med honom",
    "pappa satt kvar i bilen med lillebror medan mamma hämtade",
    "pappa satt ensam i bilen och grät idag",
    "han är ensam hemma idag med pappa",
    "hon berättade att hon fick sitta ensam i bilen när pappa handlade förra helgen",
    "vi får inte liv i honom på samlingen idag, han är så trött",
    "the mother was shaken by the news and cried at pickup",
    "flickorna ska sy ihop sina kuddar imorgon",
    "barnen sitter i bilen med pappa, mamma gick in på ica en stund, det är varmt",
    "Pappa visade hur man gör när man knäpper jackan vid halsen",
])
def test_a_look_alike_is_not_acute(text: str) -> None:
    assert not assess(text).acute, text
