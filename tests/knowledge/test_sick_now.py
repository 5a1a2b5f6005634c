"""A gravely ill child with no medicine or nobody coming (knowledge/reading/sick_now.py, the fresh8 neglect family):
laboured breathing with the inhaler empty, no insulin, a fever of 40 or a limp feverish baby, while the carer will
not come before hours pass or cannot be reached. Look-alikes: a carer on the way, a mild fever, an adult's illness,
a past day. Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess
from knowledge.reading import read


@pytest.mark.parametrize("text", [
    "Sexåringen andas pipande och inhalatorn är slut, pappan säger att han inte kan hämta förrän vid sex.",
    "Treåringen har diabetes, insulinet är slut och mamma svarar inte i telefon.",
    "Bebisen har 40,5 i feber och är dåsig, mamma sa att vi kan ge henne en alvedon och att hon kommer kl 17.",
    "He is struggling to breathe and his inhaler ran out; mum can't come until after work.",
    "Lillan fick kramper nyss och har hög feber, vi får inte tag på någon förälder.",
])
def test_a_gravely_ill_child_with_nobody_coming_is_acute(text: str) -> None:
    assert "immediate_danger" in read(text).acute, text
    assessment = assess(text)
    assert assessment.outcome is Outcome.ACUTE


@pytest.mark.parametrize("text", [
    "Hon har 40 i feber och mamma är på väg hit nu.",
    "Han har lite feber, 38,3, pappa hämtar kl 16 som vanligt.",
    "Mamma har astma och andas tungt idag, barnet är piggt och glatt.",
    "I tisdags hade han hög feber men nu är han frisk.",
    "Han andas tungt efter att ha sprungit på gården och vill leka mer.",
    "The baby has a fever and is floppy; mum is on her way and will take her to the doctor.",
])
def test_a_sick_child_with_care_coming_is_not_acute(text: str) -> None:
    assert "immediate_danger" not in read(text).acute, text
    assert assess(text).outcome is not Outcome.ACUTE
