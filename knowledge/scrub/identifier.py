"""Identifying numbers and dates: e-mail, personnummer, phone numbers, postcodes, flats, birth dates, ages."""

from __future__ import annotations

import re

_AT = r"(?:\s?@\s?|\s?[(\[{<]\s?(?:at|snabel-?a)\s?[)\]}>]\s?)"
_DOT = r"(?:\.|\s?[(\[{<]\s?(?:dot|punkt)\s?[)\]}>]\s?)"
# The look-behind keeps a match from starting inside a run of address characters, and every repetition is
# bounded, so a long run without "@" costs a constant per start.
# Written out or spaced: "anna at example dot se", "anna @ gmail . com", "anna(at)skolan punkt se".
EMAIL_SPOKEN = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}(?:{_AT}|\s(?:at|snabel-?a)\s)[\w-]{{1,63}}"
    rf"(?:(?:{_DOT}|\s\.\s?|\s?\.\s|\s(?:dot|punkt)\s)[\w-]{{1,63}}){{0,3}}"
    r"(?:\s?\.\s?|\s(?:dot|punkt)\s|\s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s?)"
    r"(?-i:se|com|nu|org|net|eu|fi|no|dk|de|info|io|uk|edu|gov)(?!\w)",  # a domain is written in lower case
    re.IGNORECASE,
)
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}", re.IGNORECASE)

# Six or eight digits (also split "20-02-29"), then four: also near-misses with a wrong checksum, since a
# typo is still identifying. Separators: -, +, _, ., space, " - " (en-dash is unified to "-" first).
_PERSONNUMMER = re.compile(
    r"(?<![\w+])(?P<date>(?:(?:19|20)[-. ]?)?\d{2}(?:[-. ]?\d{2}){2})(?P<sep>\s?[-+_./:]\s?|\s)?"
    r"(?P<last>\d{4}|\d{2} \d{2})"
    r"(?!\w)(?![-.,]\d)"
)
_PNR_CUE = re.compile(r"(?:pnr|personnr|personnumm?er|personnumret|samordningsnummer|ssn|född)"
                      r"(?:\s{1,2}(?:är|var|is))?\W{0,4}$",
                      re.IGNORECASE)
_DIGITS_BEFORE = re.compile(r"(?<![\w+])\d{1,4}[-. ]?$")
_DIGITS_AFTER = re.compile(r"[-. ]?\d{1,4}(?!\w)")
_TIME_RANGE = re.compile(r"[0-2]?\d[.:][0-5]\d\s?-\s?[0-2]?\d[.:][0-5]\d")  # "08.30-16.30" is no phone
_D = r"[\dOo]"  # "O" typed for "0"
_PSEP = r"(?:\s?[-./]\s?|\s)"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # +46 / 0046, optionally "(0)" or a stray 0 before the area code
    rf"(?:\+\s?|[0Oo]{{2}}\s?)46\s?(?:\(\s?[0Oo]\s?\)\s?)?(?:-\s?)?(?:[0Oo]\s?)?[1-9](?:{_PSEP}?{_D}){{5,9}}"
    # 46 without the plus, before a mobile number: 46701234567, 46 70-123 45 67
    rf"|46\s?(?:-\s?)?7{_D}(?:{_PSEP}?{_D}){{7}}"
    # other countries
    rf"|(?:\+\s?|[0Oo]{{2}}\s?)[1-9]\d{{0,2}}(?:{_PSEP}?{_D}){{6,11}}"
    # (070) 123 45 67, (08) 123 456
    rf"|\(\s?[0Oo][1-9]{_D}{{0,2}}\s?\)\s?(?:-\s?)?{_D}(?:{_PSEP}?{_D}){{4,7}}"
    # 070-123 45 67, 08-12 34 56, O7O 123 45 67
    rf"|[0Oo]{_PSEP}?[1-9](?:{_PSEP}?{_D}){{6,9}}"
    r")(?!\w)"
)
FLAT = re.compile(
    r"(?<![\w\x00])(?:lgh|lägenhet|lägenhetsnummer|lägh|lghnr)\.?\s{0,3}(?:nr\.?\s{0,3})?\d{3,4}(?!\w)",
    re.IGNORECASE,
)
POSTCODE_SPACED = re.compile(r"(?<![\w\-.:/])(?:SE?-\s?)?[1-9]\d{2} \d{2}(?![\w\-.:/]|\s\d)")
_POSTCODE_PLAIN = re.compile(
    r"(?<![\w\-.:/])(?P<code>(?:SE?-\s?)?[1-9]\d{4})(?![\w\-.:/])(?P<city>\s{1,3}[A-ZÅÄÖ][a-zåäö]{1,40})?"
)
_POSTCODE_CUE = re.compile(r"(?:postnummer|postnr\.?|\x00),?\s{0,3}$", re.IGNORECASE)


_MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|"
          r"mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec|january|february|march|may|june|july|august|october)")
_DATE = (
    rf"(?:\d{{1,2}}(?::e|:a|st|nd|rd|th|e|a)?\.?\s{{0,2}}{_MONTH}\.?(?:,?\s{{0,2}}(?:19|20)?\d{{2}}(?!\d))?"
    rf"|{_MONTH}\s{{0,2}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{0,2}}(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|\d{1,2}\s?[-./]\s?\d{1,2}(?:\s?[-./ ]\s?(?:19|20)?\d{2}(?!\d))?"
    rf"|{_MONTH}\s{{0,2}}(?:19|20)\d{{2}})"
)
_BIRTH = re.compile(
    r"(?<!\w)(?:född|födde|föddes|födda|fött|f\.|födelsedag|födelsedagen|födelsedatum|fdd|born|birthday|"
    r"date of birth|dob|d\.o\.b\.)\s{0,3}(?:(?:den|on|i|in|the|:)\s{0,2})?"
    rf"(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# A birthday named by the day the child turns a year older: "fyller 4 den 12 mars", "födelsedagen är 3 juni".
_BIRTHDAY = re.compile(
    r"(?<!\w)(?:fyller|fyllde|fyllt|födelsedag(?:en)?\s{1,2}(?:är|var)|birthday\s{1,2}is|turns)"
    r"\s{1,3}(?:(?:\d{1,2}|år)\s{1,2}(?:år\s{1,2})?)?(?:(?:den|på|on|the)\s{1,2})?"
    rf"(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# "12/3-20", "3/11-2019": day/month-year is how Swedes write a birth date in short.
_SHORT_BIRTH = re.compile(r"(?<![\w/.-])\d{1,2}/\d{1,2}\s?-\s?(?:19|20)?\d{2}(?![\w/.-])")
_AGE_MONTHS = re.compile(
    r"(?<![\w,.])(?:\d{1,2}\s?(?:år|års|years?)\s{1,2}(?:och\s{1,2}|and\s{1,2})?)?\d{1,2}(?:[,.]5)?"
    r"(?P<adjective>\s?-\s?|\s)?(?P<unit>månaders|månader|månad|mån|mnd|months|month|mos|mo)"
    r"(?P<old>\s{1,2}(?:gammal|gamla|gml|old))?(?!\w)",
    re.IGNORECASE,
)
# A number of months after these words is how long something has gone on, not how old the child is.
_DURATION_BEFORE = frozenset({"i", "sedan", "för", "under", "senaste", "sista", "inom", "efter", "varje", "per",
                              "på", "om", "in", "for", "since", "within", "after", "every", "last", "past", "över",
                              "nästan", "ca", "cirka", "drygt", "typ"})
_AGE_BEFORE = frozenset({"är", "var", "blir", "blev", "fyller", "fyllde", "ålder", "åldern", "age", "aged", "is",
                         "was", "turned", "turns", "bebis", "bebisen", "barnet", "pojken", "flickan", "(", ","})


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of every match of *pattern*."""
    return [match.span() for match in pattern.finditer(text)]


def personnummer_spans(text: str) -> list[tuple[int, int]]:
    """Personnummer and samordningsnummer; a plain 07x... that is no valid number is left for the phone pass."""
    spans = []
    for match in _PERSONNUMMER.finditer(text):
        value = match.group(0)
        if " " in match.group("last") and " " in match.group("date") and not _PNR_CUE.search(
                text, max(0, match.start() - 24), match.start()):
            continue  # "10 12 14 16 18": a list of numbers, not "19 03 12 2388", "190312 23 88" or "pnr 19 20 ..."
        if (value.isdigit() and len(value) == 10 and value.startswith("0") and value[1] != "0"
                and not is_valid_personnummer(value)):
            continue  # "0701234567": a phone number, masked by the phone pass ("00..." is none: kept here)
        start = match.start()
        # Digits straight before belong to the same number ("12-20-02-29-7717"): never leave them behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        spans.append((start, match.end()))
    return spans


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers with at least seven real digits (so that words with "O" in them are never taken)."""
    spans = []
    for match in _PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group()) < 7 or _TIME_RANGE.fullmatch(match.group()):
            continue
        start, end = match.span()
        # Digit groups straight before or after belong to the same number: never leave a part behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        if (after := _DIGITS_AFTER.match(text, end)) is not None:
            end = after.end()
        spans.append((start, end))
    return spans


def plain_postcode_spans(text: str) -> list[tuple[int, int]]:
    """Five digits that stand like a postcode: before a place name or after an address or "postnummer"."""
    spans = []
    for match in _POSTCODE_PLAIN.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if match.group("city") or _POSTCODE_CUE.search(before):
            spans.append(match.span("code"))
    return spans


def birthdate_spans(text: str) -> list[tuple[int, int]]:
    """Birth dates after "född", "födelsedatum", "born" …, and short dates like "12/3-20"."""
    spans = [match.span("date") for pattern in (_BIRTH, _BIRTHDAY) for match in pattern.finditer(text)]
    return spans + matches(_SHORT_BIRTH, text)


def age_spans(text: str) -> list[tuple[int, int]]:
    """Exact ages in months ("22 månader gammal", "är 1 år och 10 mån"), not durations ("i 3 månader")."""
    spans = []
    for match in _AGE_MONTHS.finditer(text):
        before = _last_word(text, match.start())
        after = text[match.end() : match.end() + 12].lower().lstrip()
        if before in _DURATION_BEFORE or after.startswith(("sedan", "tillbaka", "ago", "framåt")):
            continue
        age_like = (
            match.group("old") is not None
            or match.group("unit").lower() == "månaders"
            or (match.group("adjective") or "").strip() == "-"
            or before in _AGE_BEFORE
            or " och " in match.group().lower()
            or " and " in match.group().lower()
        )
        if age_like:
            spans.append(match.span())
    return spans


def _last_word(text: str, position: int) -> str:
    """The word (or one of "(" and ",") straight before *position*, lower-cased."""
    index = position - 1
    while index >= 0 and text[index] == " ":
        index -= 1
    if index >= 0 and text[index] in "(,":
        return text[index]
    end = index + 1
    while index >= 0 and (text[index].isalpha()):
        index -= 1
        if end - index > 30:
            break
    return text[index + 1 : end].lower()


def is_valid_personnummer(value: str) -> bool:
    """Whether *value* is a personnummer or samordningsnummer with a real date and a correct Luhn checksum."""
    digits = "".join(char for char in value if char.isdigit())
    if len(digits) == 12:
        digits = digits[2:]
    if len(digits) != 10:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if day > 60:
        day -= 60  # samordningsnummer
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    return _luhn(digits)


def _luhn(digits: str) -> bool:
    """The Luhn checksum over ten digits, as used by Skatteverket."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
