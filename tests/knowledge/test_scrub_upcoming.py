"""Birthdays still to come, told near the birthday word (knowledge/scrub/upcoming.py): with the message's day and
the age they give the birth date. New examples of the family, and look-alikes that must stay."""

from __future__ import annotations

import pytest

from knowledge.scrub import scrub
from tests.knowledge.scrub_checks import assert_masked


@pytest.mark.parametrize(("text", "secret"), [
    ("han fyller 4 på torsdag och vill ha tårta", "torsdag"),
    ("hon fyller sex nu på söndag, mamma säger att det inte blir något", "söndag"),
    ("fyller 2 i morgon 4/3 men ingen har handlat", "4/3"),
    ("fyller 5 imorgon och pappa får inte komma", "imorgon"),
    ("på fredag (den 17:e) har han sin 3-årsdag", "17"),
    ("om en vecka, 21 februari, fyller han 5", "21 februari"),
    ("den 3 oktober fyller hon år och farmor kommer", "3 oktober"),
    ("hennes födelsedag är nästa vecka, den 11:e", "11"),
    ("she turns 4 on Saturday and her dad is not invited", "Saturday"),
    ("his birthday is on the 19th and mum says no party", "19th"),
])
def test_the_day_of_a_birthday_to_come_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "birthdate")


@pytest.mark.parametrize(("text", "kept"), [
    ("alla flickor i familjen gör det när de fyller sju", "fyller sju"),
    ("kusinen har kalas på fredag och hon är bjuden", "fredag"),
    ("hon fyller 5 i vår, ingen dag nämnd", "i vår"),
    ("på tisdag var hon ledsen hela dagen", "tisdag"),
    ("han fyllde 3 förra året och är 4 nu", "förra året"),
    ("vi firade hans födelsedag med sång", "sång"),
    ("den andra gången hon fyllde år var det kalas", "den andra"),
])
def test_birthday_words_without_a_day_stay(text: str, kept: str) -> None:
    assert kept in scrub(text).text
