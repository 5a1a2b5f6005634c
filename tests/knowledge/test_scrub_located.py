"""A number beside something everyone can see (knowledge/scrub/located.py): a house told by a landmark and its
number, a room on a ward, the car a parent drives for a taxi firm. New examples, and look-alikes that stay."""

from __future__ import annotations

import pytest

from knowledge.scrub import scrub
from tests.knowledge.scrub_checks import assert_masked


@pytest.mark.parametrize(("text", "secret"), [
    ("de bor i huset bakom Willys, nr 21, högst upp", "21"),
    ("det röda radhuset bredvid kiosken, numret 9", "9"),
    ("hon bor mitt emot tandläkaren, nummer 14B", "14B"),
    ("familjen bor ovanför frisören, nr. 5", "5"),
])
def test_a_house_told_by_a_landmark_and_its_number_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "address")


@pytest.mark.parametrize(("text", "secret"), [
    ("pappan är inlagd på Södersjukhuset, rum 418, sedan tisdag", "418"),
    ("bebisen ligger på neonatal, sal 3", "3"),
    ("mamman ligger på psykiatrin, säng 12, enligt mormor", "12"),
    ("she was admitted to the ward, room 27", "27"),
])
def test_a_room_on_a_ward_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "address")


def test_the_car_a_parent_drives_for_a_taxi_firm_is_masked() -> None:
    assert_masked("pappan kör taxi, bil 3318, mest på nätterna", "3318", "workplace")


@pytest.mark.parametrize(("text", "kept"), [
    ("vi tar buss nr 4 till parken", "nr 4"),
    ("de bor i Farsta och har 3 barn", "3 barn"),
    ("hon har storlek nr 98 på overallen", "nr 98"),
    ("vi lekte i rum 3 hela förmiddagen", "rum 3"),
    ("mötet är i sal 4 på förvaltningen", "sal 4"),
    ("det viktigaste är nr 1: ring 112", "nr 1"),
    ("han kör bil 2 gånger om dagen", "bil 2"),
    ("de kommer med buss 179 och tunnelbana", "buss 179"),
    ("de bor högst upp, 8 våningar, utan hiss", "8 våningar"),
])
def test_numbers_without_a_home_or_a_ward_stay(text: str, kept: str) -> None:
    assert kept in scrub(text).text
