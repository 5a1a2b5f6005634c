"""Names, initials and groups in the shapes a fourth blind corpus found (name.py, companions.py, described.py,
place.py), and the capitalised ordinary words next to them that must stay. New examples of each family."""

from __future__ import annotations

import pytest

from knowledge.scrub import scrub
from tests.knowledge.scrub_checks import assert_masked


@pytest.mark.parametrize(("text", "secret"), [
    ("flickan RM (född 20) har inte kommit på två veckor", "RM"),
    ("gäller T J på Humlan, pappan är sjukskriven", "T J"),
    ("pojken ALS har blåmärken igen", "ALS"),
    ("HK (4 år) gråter vid lämning", "HK"),
    ("han kallas \"Pluttis\" av alla hemma", "Pluttis"),
    ("hon kallas 'Mysan' på förskolan", "Mysan"),
    ("jag (Vera, förskollärare) tog emot honom", "Vera"),
    ("Elins-pappa luktade alkohol vid hämtningen", "Elins"),
    ("Hugos-syster (11 år) hämtade ensam", "Hugos"),
    ("Mira's dad yelled at the staff", "Mira"),
    ("vi har två Wilma, det gäller Wilma2", "Wilma2"),
    ("Sol (4 år) slår sig själv", "Sol"),
    ("BUP-psykologen Jonas Lindqvist ringde", "Lindqvist"),
])
def test_names_and_initials_in_these_shapes_are_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "name")


@pytest.mark.parametrize(("text", "secret"), [
    ("Röda gruppen-barnen har haft löss", "Röda"),
    ("vi på gula avdelningen är oroliga", "gula"),
    ("det gäller ett barn på Hallon, mamman är sjuk", "Hallon"),
])
def test_group_names_in_these_shapes_are_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "group")


@pytest.mark.parametrize(("text", "secret"), [
    ("mamman äger caféet Kaffe & Kaka i Årsta", "Kaffe & Kaka"),
    ("pappan städar på Hotell Nordstjärnan, helger", "Nordstjärnan"),
])
def test_a_named_business_of_a_parent_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "workplace")


@pytest.mark.parametrize(("text", "kept"), [
    ("Flickan Sprang Ut Och Grät Hela Eftermiddagen", "Grät Hela"),
    ("vi skickade det i Tempus och ingen svarade", "Tempus"),
    ("hon har bara Crocs fast det snöar", "Crocs"),
    ("de tittar på Bluey varje kväll", "Bluey"),
    ("han sover i Vilrummet och leker i Ateljén", "Vilrummet"),
    ("Mamman och Styvpappan kom och bråkade", "Styvpappan"),
    ("Förskolläraren ringde Socialsekreteraren direkt", "Socialsekreteraren"),
    ("jul och påsk firas inte hemma", "firas"),
    ("hon är modig och pratar mycket", "modig"),
    ("enligt 14 kap. 1 § SoL", "SoL"),
    ("och Sol sken hela dagen", "Sol"),
    ("ärendet gäller ett barn i grupp 3 av 6", "grupp 3 av 6"),
    ("LSS-handläggaren ringde inte", "LSS-handläggaren"),
    ("vi åt blåbär på gården", "blåbär"),
    ("tryck på röda knappen", "röda"),
    ("loggade in med Freja eID", "Freja eID"),
    ("gäller BVC-besöket igen", "BVC"),
    ("han kör på Essingeleden varje dag", "kör på"),
])
def test_ordinary_capitalised_words_stay(text: str, kept: str) -> None:
    assert kept in scrub(text).text


def test_placeholders_under_a_name_column_stay() -> None:
    result = scrub("Namn;Pnr\nbarn 2;191204-5521\nbarnet;200611-4432")
    assert "barn 2" in result.text
    assert "barnet" in result.text
    assert "personnummer" in result.kinds


def test_a_name_compound_keeps_the_word_for_the_person() -> None:
    assert scrub("Ellas-mamma ringde").text == "[namn]-mamma ringde"


def test_crafted_repetitions_of_the_new_cues_finish() -> None:
    for unit in ("fyller 5 ", "den 8:e ", "nr 12 bor ", "rum 3 inlagd ", "0701, ", "nummer ett ", "Alice1 ",
                 "bil 4471 taxi ", "barnet EK ", "Blå gruppen ", "på Blåbär ", "äger salongen A & "):
        assert isinstance(scrub(unit * (8000 // len(unit))).text, str)


@pytest.mark.parametrize(("text", "kept"), [
    ("de flyttade till Lund i juni", "Lund"),
    ("vi åkte med tåget till Lund", "Lund"),
])
def test_a_town_that_is_also_a_surname_stays_alone(text: str, kept: str) -> None:
    assert kept in scrub(text).text


def test_a_surname_that_is_also_a_town_goes_after_a_first_name() -> None:
    assert_masked("Karin Lund från kommunen ringde", "Lund", "name")
