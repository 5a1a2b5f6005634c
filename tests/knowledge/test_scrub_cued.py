"""Families found by the second blind masking corpus (door codes, bank and card numbers, ids after their name, a
personnummer in two parts, names by their shape, addresses in prose, the parent's workplace) — each with new
examples of its own, never the corpus's sentences — and the lookalikes beside them that must survive."""

from __future__ import annotations

import pytest

from knowledge.scrub import KIND_ORDER, KINDS, MASKS, scrub
from tests.knowledge.scrub_checks import assert_masked as _assert_masked


def _assert_kept(text: str) -> None:
    result = scrub(text)
    assert result.text == text, result.text
    assert not result.kinds


# --- door codes after "portkod", "kod", "porten har kod", "door code"
@pytest.mark.parametrize(("text", "secret"), [
    ("portkoden är 9182 om ni behöver", "9182"),
    ("hon gav oss kod 3 3 1 9 till porten", "3 3 1 9"),
    ("koden till dörren är #5521", "5521"),
    ("the door code is 7 7 0 4, top floor", "7 7 0 4"),
    ("entrékod: 4410*", "4410"),
    ("Portkod 0813 och sen tredje våningen", "0813"),
    ("gate code 55 21 for the building", "55 21"),
])
def test_door_codes_are_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "address")


@pytest.mark.parametrize("text", [
    "vi har en kod för när barnen ska samlas",
    "koden är enkel: ingen springer i korridoren",
    "hon lärde sig räkna till 1000 i dag",
])
def test_words_about_codes_without_digits_after_them_are_kept(text: str) -> None:
    _assert_kept(text)


# --- a personnummer in two parts, and a date-shaped number on an id screen
@pytest.mark.parametrize(("text", "secrets"), [
    ("pnr 20190822 och sen 3391", ("20190822", "3391")),
    ("personnummer 190822, slutsiffrorna 3391", ("190822", "3391")),
    ("han är född -20 och sista siffrorna är 7781", ("7781",)),
    ("BankID visade Karin Persson 19790104 på skärmen", ("19790104",)),
    ("hennes id visade 20170312 och sen 5566", ("20170312", "5566")),
    ("kontrollsiffrorna 4410 hade hon skrivit", ("4410",)),
    ("personnummer 2019-03-12 och sedan 4417", ("2019-03-12", "4417")),
    ("pnr 19.03.12 och sen 4417", ("19.03.12", "4417")),
    ("född 2019-03-12 och sen 4417", ("4417",)),
])
def test_a_personnummer_in_two_parts_is_masked(text: str, secrets: tuple[str, ...]) -> None:
    for secret in secrets:
        _assert_masked(text, secret, "personnummer")


@pytest.mark.parametrize("text", [
    "vi började 2019 och sen 2021 kom fler barn",
    "hon är född 2020 och går på avdelningen",
    "pnr behövs inte, vi konsulterar anonymt",
    "kan jag logga in med BankID på e-tjänsten?",
    "född 2019 och sen 2021 flyttade de",
    "hon är född i mars och sen 1200 gram vid födseln",
])
def test_years_and_the_word_bankid_are_kept(text: str) -> None:
    _assert_kept(text)


# --- ids after their name
@pytest.mark.parametrize(("text", "secret"), [
    ("passnummer XK4471203 ligger i väskan", "XK4471203"),
    ("passport number: P1234567", "P1234567"),
    ("remissnummer LBU-203344 kom i går", "LBU-203344"),
    ("försäkringsnummer 77120-03 står på kortet", "77120-03"),
    ("patientnummer 0044-1823 på lappen", "0044-1823"),
    ("journalnummer 77-991234 på BUP", "77-991234"),
    ("polisanmälan nummer 0201-K887766-24 finns", "0201-K887766-24"),
    ("ärende 88-1204-B på 1177", "88-1204-B"),
    ("patient ID: KLM-55120034 on the note", "KLM-55120034"),
])
def test_ids_after_their_name_are_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "case_number")


@pytest.mark.parametrize("text", [
    "jag har pass 07.00-16.00 i morgon",
    "anmälan gjordes 2025 enligt rektorn",
    "ärendet gäller ett barn på 4 år",
    "enligt SoL 14 kap. 1 §",
])
def test_shifts_years_and_laws_near_id_words_are_kept(text: str) -> None:
    _assert_kept(text)


# --- bank, Swish and card numbers: the kind "account"
@pytest.mark.parametrize(("text", "secret"), [
    ("konto SE12 3456 7890 1234 5678 9012 tillhör pappan", "SE12 3456 7890 1234 5678 9012"),
    ("IBAN: SE7280000810340009783242", "SE7280000810340009783242"),
    ("NO9386011117947 står på hennes papper", "NO9386011117947"),
    ("clearingnummer 8214-6 och kontonummer 912 334 556-1", "8214-6 912 334 556-1"),
    ("swisha mamman på 123 789 44 21", "123 789 44 21"),
    ("swish nummer 1234567890 till insamlingen", "1234567890"),
    ("bankgiro 5432-1098 för insamlingen", "5432-1098"),
    ("plusgiro 44 55 66-7 är föreningens", "44 55 66-7"),
    ("kortet 5412 7512 3412 3456 låg i fickan", "5412 7512 3412 3456"),
    ("han gav henne 378282246310005 på en lapp", "378282246310005"),
    ("card 4000-1234-5678-9010 was hers", "4000-1234-5678-9010"),
])
def test_bank_swish_and_card_numbers_are_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "account")


@pytest.mark.parametrize("text", [
    "utflykten kostar 150 kr, swisha 150 kr till kassan",
    "swisha 1500 kronor senast fredag",
    "kortet med bilder från utflykten",
    "vi fick ett kort 2024 från familjen",
    "kontot i Unikum är stängt",
    "vi har 15 barn och 4 pedagoger",
])
def test_money_cards_and_accounts_without_numbers_are_kept(text: str) -> None:
    _assert_kept(text)


def test_the_account_and_workplace_kinds_have_masks_and_an_order() -> None:
    assert {"account", "workplace"} <= KINDS
    assert MASKS["account"] == "[kontonummer]"
    assert MASKS["workplace"] == "[arbetsplats]"
    assert {"account", "workplace"} <= set(KIND_ORDER)


# --- phone extensions and foreign plates
@pytest.mark.parametrize(("text", "secret", "kind"), [
    ("ring 08-508 123 45 ankn 4411 så svarar hon", "4411", "phone"),
    ("anknytning 317 på mammans jobb", "317", "phone"),
    ("bilen har tyska skyltar B MK 4471", "MK 4471", "plate"),
    ("litauiska plates ABC 1234 on the car", "ABC 1234", "plate"),
])
def test_extensions_and_foreign_plates_are_masked(text: str, secret: str, kind: str) -> None:
    _assert_masked(text, secret, kind)


def test_public_numbers_near_extensions_are_kept() -> None:
    _assert_kept("ring 112 om det är akut")


# --- addresses told in prose
@pytest.mark.parametrize(("text", "secret"), [
    ("de bor på fridhemsvägen 14, 3 tr", "fridhemsvägen 14 3"),
    ("de bor i uppgång C, våning 4", "uppgång C våning 4"),
    ("trappuppgång 2, plan 5 till höger", "trappuppgång 2 plan 5"),
    ("de har kolonilott nr 112 i Skarpnäck", "kolonilott 112"),
    ("husvagnen nummer 34 på campingen", "husvagnen 34"),
    ("i hörnet av Götgatan och Folkungagatan bor de", "Götgatan Folkungagatan"),
    ("korsningen mellan Hornsgatan och Ringvägen", "Hornsgatan Ringvägen"),
    ("de bor i höghuset Stora Skrapan nu", "Stora Skrapan"),
])
def test_addresses_in_prose_are_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "address")


@pytest.mark.parametrize("text", [
    "plan 2 på förskolan har ny matta",
    "trappan vid entré B är hal",
    "vi ses i hörnet av gården",
    "avdelningen i huset bredvid",
])
def test_rooms_and_entrances_of_the_preschool_are_kept(text: str) -> None:
    _assert_kept(text)


# --- a birth date in prose
@pytest.mark.parametrize(("text", "secret"), [
    ("hon fyllde tre i torsdags den 4 mars", "4 mars"),
    ("han fyllde fem igår den 9 februari", "9 februari"),
])
def test_a_birthday_told_in_prose_is_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "birthdate")


@pytest.mark.parametrize("text", [
    "hon fyllde fyra förra veckan",
    "han fyller fem i maj",
    "fyllde i blanketten igår den 3 mars",
])
def test_a_birthday_without_a_day_and_a_form_filled_in_are_kept(text: str) -> None:
    _assert_kept(text)


def test_an_exact_age_in_years_and_months_stays_an_age() -> None:
    # The age kind masks exact ages in months on purpose (tests/knowledge/test_scrub_names.py): "4 år och 3
    # månader" narrows a birth date to one month.
    assert scrub("han är 4 år och 3 månader").text == "han är [ålder]"


# --- names by their shape
@pytest.mark.parametrize(("text", "secret"), [
    ("O'Brien grät hela morgonen", "O'Brien"),
    ("mamma heter D'Souza", "D'Souza"),
    ("pappan heter Д'Артаньян", "Д'Артаньян"),
    ("barnets namn på ryska är Алексей", "Алексей"),
    ("mamman skrev اسم الطفل på lappen", "اسم الطفل"),
    ("hon heter 美玲 på kinesiska", "美玲"),
    ("Σοφία är ledsen idag", "Σοφία"),
    ("Nora5år kissar på sig", "Nora"),
    ("flickan (SB, 4 år) har ont", "SB"),
    ("Park Min-jun har inte ätit", "Park Min-jun"),
    ("Seo-yeon Choi ritade en bild", "Seo-yeon Choi"),
    ("My vill inte gå hem", "My"),
    ("vi ser att sol inte vill äta", "sol"),
    ("Love har berättat att pappa slår", "Love"),
    ("Sol och hennes syster hämtas sent", "Sol"),
    ("Kiki som egentligen heter något annat", "Kiki"),
])
def test_names_given_away_by_their_shape_are_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "name")


@pytest.mark.parametrize("text", [
    "I'm worried about the child",
    "he doesn't want to go home",
    "my daughter is four",
    "vi lekte med solen i sanden",
    "han sa att love is all you need",
    "barnen fick sol och bad i dag",
    "Vi märker att hon inte vill äta",
    "Lov är bra för barnen",
    "kl 8-16 mån-fre",
])
def test_words_that_look_like_those_names_are_kept(text: str) -> None:
    _assert_kept(text)


# --- lookalikes: the districts, the city's links
@pytest.mark.parametrize("text", [
    "Enskede-Årsta-Vantör eller Hägersten-Älvsjö?",
    "Gäller det Hässelby-Vällingby eller Rinkeby-Kista?",
    "gå in på https://etjanster.stockholm.se/Orosanmalan/ och fyll i",
    "läs mer på www.stockholm.se/forskola",
])
def test_district_names_and_the_citys_links_are_kept(text: str) -> None:
    _assert_kept(text)


# --- the parent's workplace (docs/privacy.md: the organisation is masked, the role is kept)
@pytest.mark.parametrize(("text", "secret"), [
    ("pappan är kirurg på Capio", "Capio"),
    ("mamman jobbar på Ikea Kungens", "Ikea Kungens"),
    ("pappan jobbar som vakt hos Securitas", "Securitas"),
    ("mum works at Volvo in Torslanda", "Volvo"),
    ("mamman sitter i kommunstyrelsen för Liberalerna", "kommunstyrelsen Liberalerna"),
    ("han är ensam barnmorska på Nackakliniken", "Nackakliniken"),
])
def test_the_parents_workplace_is_masked(text: str, secret: str) -> None:
    _assert_masked(text, secret, "workplace")


@pytest.mark.parametrize("text", [
    "pappan är på förskolan varje dag",
    "mamman jobbar på kvällarna",
    "pappan är ofta på BVC med lillebror",
    "hon var inlagd på Sachsska i våras",
    "mamman är hemma på dagarna",
    "mamman är sjukskriven på grund av ryggen",
    "dad is good at Fortnite",
    "hon är rädd på Gröna Lund",
    "mamman är inne på Facebook hela tiden",
    "hon sitter i soffan och gråter",
])
def test_ordinary_places_beside_a_parent_are_kept(text: str) -> None:
    _assert_kept(text)


# --- more forms of the same families
@pytest.mark.parametrize(("text", "secret", "kind"), [
    ("hon sa koden, 6612, och gick", "6612", "address"),
    ("porten har koden 1 9 9 0 och hissen är trasig", "1 9 9 0", "address"),
    ("pnr är 190312 och sedan 4417", "190312 4417", "personnummer"),
    ("the ID showed 20190312 and then 4417", "20190312 4417", "personnummer"),
    ("född 12 mars 2019 och slutsiffror 4417", "4417", "personnummer"),
    ("pass nr AB 123 4567", "AB 123 4567", "case_number"),
    ("polisanmälan har diarienummer 5000-K99881-25", "5000-K99881-25", "case_number"),
    ("IBAN SE 45 5000 0000 0583 9825 7466", "SE 45 5000 0000 0583 9825 7466", "account"),
    ("bg 123-4567", "123-4567", "account"),
    ("4571-1234-5678-9012 är hennes kort", "4571-1234-5678-9012", "account"),
    ("mammans jobb har 08-555 000 11 anknytning 2244", "2244", "phone"),
    ("han hade tyska plåtar, M AB 1234", "AB 1234", "plate"),
    ("de bor på fridhemsplan 3, 2 tr", "fridhemsplan 3 2", "address"),
    ("i port 4, plan 2", "port 4 plan 2", "address"),
    ("hörnet Sveavägen/Kungsgatan", "Sveavägen Kungsgatan", "address"),
    ("hon fyllde två i söndags, den 1 juni", "1 juni", "birthdate"),
    ("han fyllde 3 förra fredagen den 8 maj", "8 maj", "birthdate"),
    ("N'Golo kom inte i dag", "N'Golo", "name"),
    ("pappan Дмитрий Иванов kom full", "Дмитрий Иванов", "name"),
    ("lilla Ebba2 år gråter", "Ebba", "name"),
    ("och My sa att pappa slår", "My", "name"),
    ("när Sol kom in grät hon", "Sol", "name"),
    ("hon heter My", "My", "name"),
    ("(AH 3 år) slår", "AH", "name"),
    ("pappan är VD för Bolaget AB", "Bolaget AB", "workplace"),
    ("she works at Spotify", "Spotify", "workplace"),
    ("iban se45 5000 0000 0583 9825 7466", "se45 5000 0000 0583 9825 7466", "account"),
    ("OCR 1234567890123 på fakturan", "1234567890123", "account"),
    ("hon skrev 123 456 78 90 på lappen", "123 456 78 90", "account"),
])
def test_more_forms_of_the_cued_families_are_masked(text: str, secret: str, kind: str) -> None:
    _assert_masked(text, secret, kind)


@pytest.mark.parametrize("text", [
    "mamman är orolig för honom",
    "pappan är rädd för hunden",
    "vi var i hörnet och lekte",
    "Sen kom hon tillbaka",
    "och Sol sken hela dagen",
    "hon heter något annat",
    "koden, sa hon, var glömd",
    "mamman är chef för Förvaltningen",
    "IBAN är bra att ha",
    "ring 112 eller 1177",
])
def test_more_lookalikes_of_the_cued_families_are_kept(text: str) -> None:
    _assert_kept(text)


# --- a personnummer read out in words, and a pasted table under a header that names its columns
@pytest.mark.parametrize(("text", "secret", "kind"), [
    ("hon är född tjugohundranitton, tredje juni, sista fyra noll fem sju två", "noll fem sju två", "personnummer"),
    ("hon är född tjugohundranitton, tredje juni, sista fyra noll fem sju två", "tredje juni", "birthdate"),
    ("sista fyra siffrorna är ett, två, åtta, nio", "ett två åtta nio", "personnummer"),
    ("namn;pnr;avd\nKalle Ek;190312-2388;Myran", "Kalle Ek 190312 2388 Myran", "group"),
    ("barn\tklass\ttel\nLeo\t2B\t0701234567", "Leo 2B 0701234567", "school"),
])
def test_numbers_in_words_and_table_cells_are_masked(text: str, secret: str, kind: str) -> None:
    _assert_masked(text, secret, kind)


@pytest.mark.parametrize("text", [
    "vi har sista fyra veckorna kvar",
    "Hej!\nVi har frukt, bröd, mjölk\nHej då",
    "a,b\n1,2",
    "dag;aktivitet\nmåndag;skogen\ntisdag;ateljén",
])
def test_lists_and_tables_that_name_nobody_are_kept(text: str) -> None:
    _assert_kept(text)


# --- scrubbing scrubbed text changes nothing (finds of a stability search over these families)
@pytest.mark.parametrize("text", [
    "⼀@0",
    "ͰØ",
    "Алексей123 kom",
    "uppgång B, plan 6@x",
    "uppgång B, plan 6Götgatan",
    "pnr 20190312'@xpnr 20190312",
    "Storgatan 12@x",
    "070-123 45 67@x",
    "123 456 78 90Алексей",
    "O'Brien123 456 78 90Алексей",
    "O'BrienO'BrienO'Brien123 456 78 90123 456 78 90Алексей",
    "pappan är läkare på O'BrienO'BrienO'BrienO'BrienO'BrienO'Brien",
    "i hörnet av Götgatan och Folkungagatanxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx bor de",
])
def test_scrubbing_twice_changes_nothing(text: str) -> None:
    once = scrub(text).text
    assert scrub(once).text == once


def test_a_non_latin_word_glued_to_latin_letters_or_digits_is_masked_whole() -> None:
    assert scrub("Алексей123 kom").text == "[namn] kom"
    assert scrub("x@Алексей").text == "x@[namn]"
