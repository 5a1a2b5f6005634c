"""What a less usual hint gives away (knowledge/scrub/hinted.py): the people in a mail's header lines, an e-mail
spelled out or obfuscated, a box address or a house by its number, the last four or a spoken personnummer, the
year after a birth date. New examples of our own, with look-alikes that must stay."""

from __future__ import annotations

import pytest

from knowledge.scrub import scrub
from tests.knowledge.scrub_checks import assert_masked, gone

FORWARDED = (
    "Fwd: möte\n"
    "Från: Lena Holm [mailto:lena.holm@gmail.com]\n"
    "Skickat: den 3 mars 2026 08:12\n"
    "Till: Förskolan Ekbacken; Rektor Anna Berg\n"
    "Kopia: Mikael Strand\n"
    "Ämne: Angående Elsa\n\n"
    "From: Ahmed Noor <ahmed.noor@hotmail.com>\n"
    "To: Karin Öst\n"
    "Cc: Pia Ek\n"
)


@pytest.mark.parametrize("secret", ["Lena", "Holm", "Mikael", "Strand", "Elsa", "Ahmed", "Noor", "Öst", "Pia", "Ek"])
def test_the_people_in_a_mails_header_lines_are_masked(secret: str) -> None:
    result = scrub(FORWARDED)
    assert gone(secret, result.text), result.text


@pytest.mark.parametrize(("text", "secrets"), [
    ("Från: lena öberg <lena.o@x.se>", ("lena", "öberg")),
    ("Den 3 mars 2026 kl. 08:12 skrev Sara Lindqvist <sara.l@gmail.com>:", ("Sara", "Lindqvist")),
    ("On Fri, Nov 20, 2026 at 4:55 PM Jonas Berg <jonas@telia.com> wrote:", ("Jonas", "Berg")),
    ('From: "Wallin, Karin" <karin.w@x.se>', ("Wallin", "Karin")),
])
def test_people_in_one_header_or_reply_line_are_masked(text: str, secrets: tuple[str, ...]) -> None:
    result = scrub(text).text
    for secret in secrets:
        assert gone(secret, result), result


def test_an_acronym_before_a_name_in_a_reply_line_stays() -> None:
    assert "4:55 PM" in scrub("On Fri at 4:55 PM Jonas Berg <jonas@telia.com> wrote:").text


def test_header_words_and_groups_in_a_header_stay() -> None:
    result = scrub("Till: Avdelning Humlan\nFrån: Personalen\nÄmne: Utflykt\n").text
    assert "Till: Avdelning" in result
    assert "Personalen" in result
    assert "Utflykt" in result


def test_an_email_spelled_letter_by_letter_is_masked() -> None:
    result = scrub("skicka till: p e t r a @ h o t m a i l . s e, tack")
    assert result.text == "skicka till: [e-post], tack"


@pytest.mark.parametrize(("text", "secret"), [
    ("skriv till sara_ek(at)live(dot)se i kväll", "sara_ek(at)live(dot)se"),
    ("kontakt: lisa.berg[at]outlook[.]com", "lisa.berg[at]outlook[.]com"),
    ("skicka till anna punkt berg snabel-a hotmail punkt se", "anna punkt berg snabel-a hotmail punkt se"),
    ("maila: KARIN.OST AT TELIA DOT COM", "KARIN.OST AT TELIA DOT COM"),
])
def test_an_obfuscated_or_spelled_email_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "email")


@pytest.mark.parametrize(("text", "secret"), [
    ("Postadress: Box 1120, 111 81 Stockholm", "Box 1120"),
    ("Hon sa att de bor i huset nummer 14 vid affären", "nummer 14"),
    ("port nr 2, sen till vänster", "port nr 2"),
])
def test_a_box_or_a_house_by_its_number_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "address")


@pytest.mark.parametrize("text", ["en box med 12 kritor", "huset har 3 våningar", "bussen slutar på 1700"])
def test_boxes_houses_and_endings_that_are_no_address_stay(text: str) -> None:
    assert scrub(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("personnumret slutar på -4471", "4471"),
    ("hennes pnr slutar på 0912", "0912"),
    ("de sista fyra är 8812", "8812"),
    ("sista fyra siffrorna 33 21", "33 21"),
    ("hans personnummer är nitton-nittio-ett-noll-fyra-tjugotvå-fyra-fyra-ett-två", "nitton-nittio-ett-noll"),
    ("pnr: tjugo tjugoett noll tre tolv", "tjugoett noll tre tolv"),
])
def test_the_last_four_or_a_spoken_personnummer_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "personnummer")


def test_words_after_a_personnummer_cue_that_are_no_numbers_stay() -> None:
    assert "vet inte" in scrub("personnummer vet inte mamman").text


@pytest.mark.parametrize(("text", "secret"), [
    ("född 2 juni (2020) på Danderyd", "2020"),
    ("född 3 mars, 2019 i Kista", "2019"),
    ("fdat 200517 står det", "200517"),
    ("f-dat: 19.05.17", "19.05.17"),
])
def test_a_birth_date_with_its_year_after_or_a_short_cue_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "birthdate")


@pytest.mark.parametrize("text", ["via WhatsApp +44 7700 900123 (hennes syster)", "ring +1 200312 1234 i kväll"])
def test_a_foreign_number_shaped_like_a_personnummer_is_the_phones_whole(text: str) -> None:
    result = scrub(text)
    assert "personnummer" not in result.kinds
    assert "+" not in result.text
