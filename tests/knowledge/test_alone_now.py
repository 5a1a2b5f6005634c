"""A small child alone now where no small child should be (knowledge/reading/alone_now.py, the fresh7 neglect
families): a baby in a pram outside a shop, a toddler in the stairwell, crying behind a door nobody opens, walking to
preschool alone in the cold, minding a baby sibling. Look-alikes: an adult beside the child, an older child, play, a
past day, a pattern (a report). Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "En ettåring sitter ensam i en barnvagn utanför Hemköp sedan en halvtimme, ingen vuxen syns till.",
    "tvååring ensam i trapphuset nu",
    "Vi hör en liten gråta innanför dörren hos familjen och ingen öppnar.",
    "En fyraåring kom gående ensam till förskolan i pyjamas nu i morse, det är minusgrader.",
    "Femåringen passar sin lillasyster på sex månader hemma nu, mamma har gått iväg.",
    "A two-year-old is alone in the stairwell crying right now, nobody answers the door.",
    "en unge på typ 1 år sitter själv i en vagn utanför kiosken, ingen vuxen nånstans",
    "Storebror som är fem har hand om lillasyster hemma idag, mamma är inte hemma och svarar inte.",
    "Treåringen är inlåst ensam i lägenheten och skriker, grannen har ringt oss.",
])
def test_a_small_child_alone_now_is_acute(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.ACUTE, (text, assessment.reasons)
    assert not assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Bebisen sover i vagnen utanför affären och mamma står precis bredvid.",
    "En tolvåring sitter ensam i trapphuset och väntar på sin pappa.",
    "Vi lekte kurragömma och treåringen gömde sig ensam bakom dörren.",
    "Förra våren stod en tvååring ensam i trappuppgången en stund.",
    "Fyraåringen leker att hon passar lillebror med en docka i vagnen.",
    "Barnen leker själva i sandlådan och vi står vid staketet.",
    "Hon är smal och äter inget hemma enligt henne själv.",
    "Vi var i lägenheten ensamma med barnen igår på hembesök.",
])
def test_what_only_looks_like_a_child_alone_now_is_not_acute(text: str) -> None:
    assert not assess(text).acute, text


def test_a_child_who_comes_alone_again_is_a_report_not_an_emergency() -> None:
    assessment = assess("treåringen kom själv till förskolan igen i morse, ingen vuxen med")
    assert assessment.outcome is Outcome.REPORT
