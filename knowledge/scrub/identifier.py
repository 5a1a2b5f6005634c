"""Identifying numbers and dates: e-mail, personnummer, phone numbers, postcodes, flats, birth dates, ages."""

from __future__ import annotations

import itertools
import re
from functools import cache

from knowledge.packaged import packaged_yaml

_AT = r"(?:\s?@\s?|\s?[(\[{<]\s?(?:at|snabel-?a)\s?[)\]}>]\s?)"
_DOT = r"(?:\.|\s?[(\[{<]\s?(?:dot|punkt|\.)\s?[)\]}>]\s?)"
# The look-behind keeps a match from starting inside a run of address characters, and every repetition is
# bounded, so a long run without "@" costs a constant per start.
# Written out or spaced: "anna at example dot se", "anna @ gmail . com", "anna(at)skolan punkt se".
EMAIL_SPOKEN = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}(?:\s(?:punkt|dot)\s[\w+-]{{1,64}}){{0,3}}(?:{_AT}|\s(?:at|snabel-?a)\s)[\w-]{{1,63}}"
    rf"(?:(?:{_DOT}|\s\.\s?|\s?\.\s|\s(?:dot|punkt)\s)[\w-]{{1,63}}){{0,3}}"
    r"(?:\s?\.\s?|\s(?:dot|punkt)\s|\s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s?)"
    r"(?-i:se|com|nu|org|net|eu|fi|no|dk|de|info|io|uk|edu|gov|SE|COM|NU|ORG|NET)(?!\w)",  # in one case
    re.IGNORECASE,
)
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}", re.IGNORECASE)

# Six or eight digits (also split "20-02-29"), then four: also near-misses with a wrong checksum, since a
# typo is still identifying. Separators: -, +, _, ., space, " - " (en-dash is unified to "-" first).
_PERSONNUMMER_BODY = (
    r"(?P<date>(?:(?:19|20)[-. ]?)?\d{2}(?:[-. ]?\d{2}){2})(?P<sep>\s?[-+_./:]\s?|\s)?"
    r"(?P<last>\d{4}|\d{2} \d{2})"
    r"(?!\w)(?![-.,]\d)"
)
_PERSONNUMMER = re.compile(r"(?<![\w+])" + _PERSONNUMMER_BODY)
# A label typed straight onto the number: "pnr200915-3321", "tel0701234567". Found from where a letter meets a
# digit (rare in text, and a plain scan), then the label is read backwards.
_LETTER_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")  # starting on the digit: the engine skips to digits fast
_GLUED_LABEL = re.compile(
    r"(?<![^\W\d_])(?:pnr|personnr|personnummer|samordningsnr|samordningsnummer|ssn|nr|tel|tfn|mob|mobil|telnr)$",
    re.IGNORECASE,
)
_PERSONNUMMER_GLUED = re.compile(_PERSONNUMMER_BODY)
# The last four digits given apart from the birth date: "sista fyra 2384", "de 4 sista siffrorna: 2384".
_LAST_FOUR = re.compile(
    r"(?<!\w)(?:sista\s{1,2}(?:fyra|4)|(?:fyra|4)\s{1,2}sista|last\s{1,2}(?:four|4))"
    r"(?:\s{1,2}(?:siffrorna|siffror|digits|numbers))?(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=-]?\s{0,2}"
    r"(?P<last>\d{4}|\d{2} \d{2})(?![\w-])",
    re.IGNORECASE,
)
_PNR_CUE = re.compile(r"(?:pnr|personnr|personnumm?er|personnumret|samordningsnummer|ssn|född)"
                      r"(?:\s{1,2}(?:är|var|is))?\W{0,4}$",
                      re.IGNORECASE)
# A country code before: "+46 …", "0046 …", and any other after a plus ("+44 7700 900123").
COUNTRY_CODE_BEFORE = re.compile(r"(?:(?:\+|(?<!\d)00)\s?46|(?<![\w+])\+\s?[1-9]\d{0,2})"
                                 r"\s?(?:\(\s?0\s?\)\s?)?(?:-\s?)?$")
_DIGITS_BEFORE = re.compile(r"(?<![\w+])\d{1,4}[-. ]?$")
_GROUP_AFTER = re.compile(r"[-. ]?\d{2,4}(?!\w)")
_DIGITS_AFTER = re.compile(r"[-. ]?\d{1,4}(?!\w)")
# A date is no phone number: "03/04/2021", "3.4.2021".
_DATE_SHAPE = re.compile(r"[0-3]?\d\s?([./-])\s?[01]?\d\s?\1\s?(?:19|20)\d{2}")
_TIME_RANGE = re.compile(r"[0-2]?\d[.:][0-5]\d\s?-\s?[0-2]?\d[.:][0-5]\d")  # "08.30-16.30" is no phone
_D = r"[\dOo]"  # "O" typed for "0"
_PSEP = r"(?:\s?[-./]\s?|\s)"
_PHONE_BODY = re.compile(
    r"(?:"
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
    # (0)70 221 04 55: the trunk zero in brackets without the country code
    rf"|\(\s?[0Oo]\s?\)\s?(?:-\s?)?[1-9](?:{_PSEP}?{_D}){{5,9}}"
    r")(?!\w)"
)
_PHONE = re.compile(r"(?<![\w+])" + _PHONE_BODY.pattern)
_NUMBER_TOKEN = re.compile(r"[^\W_]+")
_NUMBER_GAPS = frozenset({" ", ", ", ",", "-", " - ", "  "})
# "0 sju noll …": a zero typed as a digit before number words (the search starts on "0": fast).
_ZERO_THEN_WORD = re.compile(r"0(?<![\d\w]0)\d{0,3}[\s,-]{1,3}(?i:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|"
                             r"tolv|tjug|tret|fyrt|fört|femt|sext|sjut|åtti|nitt)")
_ZERO_WORDS = frozenset({"noll", "nolla", "zero"})
_DIGIT_VALUE = {"noll": 0, "nolla": 0, "zero": 0, "ett": 1, "en": 1, "etta": 1, "one": 1, "två": 2, "tvåa": 2,
                "two": 2, "tre": 3, "trea": 3, "three": 3, "fyra": 4, "four": 4, "fem": 5, "femma": 5,
                "five": 5, "sex": 6, "sexa": 6, "six": 6, "sju": 7, "sjua": 7, "seven": 7, "åtta": 8,
                "eight": 8, "nio": 9, "nia": 9, "nine": 9}
_DIGIT_WORDS = frozenset(_DIGIT_VALUE)
_UNIT_WORDS = ("ett", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio")
_TENS_STEMS = ("tjugo", "tjugi", "trettio", "tretti", "fyrtio", "förtio", "fyrti", "förti", "femtio", "femti",
               "sextio", "sexti", "sjuttio", "sjutti", "åttio", "åtti", "nittio", "nitti")
_TENS_WORDS = frozenset({"tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton",
                         *_TENS_STEMS, "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty",
                         "seventy", "eighty", "ninety"})
FLAT = re.compile(
    r"(?<![\w\x00])(?:lgh|lägenhet|lägenhetsnummer|lägh|lghnr)\.?\s{0,3}(?:nr\.?\s{0,3})?\d{3,4}(?!\w)",
    re.IGNORECASE,
)
POSTCODE_SPACED = re.compile(r"(?<![\w\-.:/])(?:SE?-\s?)?[1-9]\d{2} \d{2}(?![\w\-.:/]|\s\d)")
_POSTCODE_PLAIN = re.compile(
    r"(?<![\w\-.:/])(?P<code>(?:SE?-\s?)?[1-9]\d{4})(?![\w\-.:/])(?P<city>\s{1,3}[A-ZÅÄÖ][a-zåäö]{1,40})?"
)
_POSTCODE_CUE = re.compile(r"(?:postnummer|postnr\.?|\x00),?\s{0,3}$", re.IGNORECASE)


MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|"
          r"mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec|january|february|march|may|june|july|august|october)")
# Ordinal days in words: "femte", "tjugoförsta", "5th", "fifth".
ORDINAL_WORD = (r"(?:(?:tjugo|trettio)?(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde)|tionde|elfte|"
                 r"tolfte|trettonde|fjortonde|femtonde|sextonde|sjuttonde|artonde|nittonde|tjugonde|trettionde|"
                 r"(?:twenty-?|thirty-?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|"
                 r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                 r"twentieth|thirtieth)")
# A year after a day and month, also short: "2020", "20", "-22", "'22".
_YEAR = r"(?:,?\s{0,2}(?:'|-\s?)?(?:19|20)?\d{2}(?!\d))"
_DATE = (
    rf"(?:(?:\d{{1,2}}(?::e|:a|st|nd|rd|th|e|a)?\.?|{ORDINAL_WORD})(?:\s{{1,2}}of)?\s{{0,2}}{MONTH}\.?{_YEAR}?"
    rf"|{MONTH}\s{{0,2}}(?:the\s{{1,2}})?(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD}),?\s{{0,2}}(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}"
    r"|(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|\d{1,2}\s?[-./]\s?\d{1,2}(?:\s?[-./ ]\s?(?:19|20)?\d{2}(?!\d))?"
    rf"|{MONTH}\s{{0,2}}(?:19|20)\d{{2}})"
)
# Holidays and other days with a name: "född på julafton 2020", "born on Christmas Eve 2019".
_HOLIDAY = (
    r"(?:(?:jul|nyårs|midsommar|påsk|valborgsmäss|trettondags|allhelgona)afton(?:en)?|juldag(?:en)?|"
    r"annandag(?:en)?\s{1,2}(?:jul|påsk)|nyårsdag(?:en)?|trettondag(?:en)?(?:\s{1,2}jul)?|nationaldag(?:en)?|"
    r"lucia(?:dag(?:en)?)?|alla\s{1,2}hjärtans\s{1,2}dag|midsommardag(?:en)?|första\s{1,2}maj|"
    r"christmas(?:\s{1,2}(?:eve|day))?|new\s{1,2}year's\s{1,2}(?:eve|day)|valentine's\s{1,2}day|"
    r"boxing\s{1,2}day|halloween)"
)
_BIRTH = re.compile(
    r"(?<!\w)(?:född|födde|föddes|födda|fött|föd|fdd|fdat|fdatum|f-dat|f\.dat|fd|f\.|f|födelsedag|födelsedagen|födelsedatum|"
    r"födelsedatumet|födelsedag|born|birthday|date\s{1,2}of\s{1,2}birth|dob|d\.o\.b\.)"
    r"(?:\s{0,3}(?:[:=]|är|var|is|was))?\s{0,3}(?:(?:den|on|i|in|the|på|:)\s{0,2}){0,2}"
    rf"(?P<date>{_DATE}|{_HOLIDAY}{_YEAR}?)(?![\w/])",
    re.IGNORECASE,
)
# A birthday named by the day the child turns a year older: "fyller 4 den 12 mars", "födelsedagen är 3 juni".
_BIRTHDAY = re.compile(
    r"(?<!\w)(?:fyller|fyllde|fyllt|födelsedag(?:en)?\s{1,2}(?:är|var)|birthday\s{1,2}is|turns)"
    r"\s{1,3}(?:(?:\d{1,2}|år|ett|två|tre|fyra|fem|sex|sju|one|two|three|four|five|six)\s{1,2}(?:år\s{1,2})?)?"
    r"(?:(?:i\s{1,2}(?:mån|tis|ons|tors|fre|lör|sön)dags|i\s{1,2}går|igår|last\s{1,2}\w{3,9}day|förra\s{1,2}"
    r"(?:veckan|helgen|(?:mån|tis|ons|tors|fre|lör|sön)dagen))(?:,\s{1,2}|\s{1,2}))?"
    r"(?:(?:den|på|on|the)\s{1,2})?"
    rf"(?P<date>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
# "12/3-20", "3/11-2019": day/month-year is how Swedes write a birth date in short.
_SHORT_BIRTH = re.compile(r"(?<![\w/.-])\d{1,2}/\d{1,2}\s?-\s?(?:19|20)?\d{2}(?![\w/.-])")
_AGEMONTHS = re.compile(
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
    glued = (_PERSONNUMMER_GLUED.match(text, start) for start in _glued_starts(text))
    for match in (*_PERSONNUMMER.finditer(text), *(match for match in glued if match is not None)):
        value = match.group(0)
        if " " in match.group("last") and " " in match.group("date") and not _PNR_CUE.search(
                text, max(0, match.start() - 24), match.start()):
            continue  # "10 12 14 16 18": a list of numbers, not "19 03 12 2388", "190312 23 88" or "pnr 19 20 ..."
        if COUNTRY_CODE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # "+46 70 01 00 000": the rest of a phone number after its country code (the phone pass)
        if _phone_shaped(value) and not _PNR_CUE.search(text, max(0, match.start() - 24), match.start()):
            continue  # "0701234567", "0708-12 34 56": a phone number, masked by the phone pass (unless labelled)
        start = match.start()
        # Digits straight before belong to the same number ("12-20-02-29-7717"): never leave them behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        end = match.end()
        if (after := _GROUP_AFTER.match(text, end)) is not None:
            end = after.end()  # "0046 70-00 00 000": the rest of a longer number
        spans.append((start, end))
    lowered = text.lower()
    if "sista" in lowered or "last" in lowered:
        spans += [match.span("last") for match in _LAST_FOUR.finditer(text)]
    return spans


def _glued_starts(text: str) -> list[int]:
    """Where a number starts straight after its label ("pnr200915-3321": at "2")."""
    return [match.start() for match in _LETTER_DIGIT.finditer(text)
            if _GLUED_LABEL.search(text, max(0, match.start() - 20), match.start())]


def _phone_shaped(value: str) -> bool:
    """Whether a personnummer-like *value* starting "0[1-9]" is rather a phone number: no valid personnummer, and
    written without its date in one piece ("0708-12 34 56") or as ten bare digits ("0701234567")."""
    digits = "".join(char for char in value if char.isdigit())
    if len(digits) != 10 or not digits.startswith("0") or digits[1] == "0" or is_valid_personnummer(digits):
        return False
    return value.isdigit() or (not value[:6].isdigit() and _PHONE_BODY.fullmatch(value) is not None)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers with at least seven real digits (so that words with "O" in them are never taken)."""
    spans = []
    glued = (_PHONE_BODY.match(text, start) for start in _glued_starts(text))
    for match in (*_PHONE.finditer(text), *(match for match in glued if match is not None)):
        value = match.group()
        if sum(char.isdigit() for char in value) < 7 or _TIME_RANGE.fullmatch(value) or _DATE_SHAPE.fullmatch(
                value) or _digits(value) in public_numbers():
            continue
        start, end = match.span()
        # Digit groups straight before or after belong to the same number: never leave a part behind.
        if (before := _DIGITS_BEFORE.search(text, max(0, start - 6), start)) is not None:
            start = before.start()
        if (after := _DIGITS_AFTER.match(text, end)) is not None:
            end = after.end()
        spans.append((start, end))
    return spans


def _digits(value: str) -> str:
    """The digits of *value*, "O" typed for "0" read as "0"."""
    return "".join("0" if char in "Oo" else char for char in value if char.isdigit() or char in "Oo")


@cache
def public_numbers() -> frozenset[str]:
    """Phone numbers of public services (digits only) that say nothing about a family, from `data/public.yaml`."""
    raw = packaged_yaml("data/public.yaml")
    return frozenset(_digits(str(number)) for number in raw.get("numbers") or ())


def spelled_phone_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers read out in words, wholly or in part: "noll sju noll 333 22 11", "noll sjuttio 765 43 21"."""
    lowered = text.lower()
    if "noll" not in lowered and "zero" not in lowered and not _ZERO_THEN_WORD.search(text):
        return []
    tokens = list(_NUMBER_TOKEN.finditer(text))
    spans = []
    index = 0
    while index < len(tokens):
        first = tokens[index].group().lower()
        if first not in _ZERO_WORDS and not (first.startswith("0") and first.isdigit()):  # "0 sju noll …"
            index += 1
            continue
        count, words, last = 0, [], index
        position = index
        while position < len(tokens):
            token = tokens[position]
            if position > index and text[tokens[position - 1].end() : token.start()] not in _NUMBER_GAPS:
                break
            digits = _spoken_digits(token.group())
            if digits == 0:
                break
            count += digits
            words.append(token.group().lower())
            last = position
            position += 1
        # Ten digits of a Swedish mobile, eight or more of a landline; counting aloud ("noll, ett, två, tre …")
        # is no number.
        if count >= 7 and any(char.isalpha() for char in "".join(words)) and not _counting(words):
            spans.append((tokens[index].start(), tokens[last].end()))
        index = last + 1
    return spans


def _spoken_digits(token: str) -> int:
    """How many digits a number word or a group of digits stands for (0: neither)."""
    lower = token.lower()
    if token.isdigit():
        return len(token) if len(token) <= 10 else 0
    if lower in _DIGIT_WORDS:
        return 1
    if lower in _TENS_WORDS or (lower.startswith(_TENS_STEMS) and any(
            lower == stem + unit for stem in _TENS_STEMS for unit in _UNIT_WORDS)):
        return 2
    return 0


def _counting(words: list[str]) -> bool:
    """Whether *words* count upwards one by one ("noll ett två tre fyra fem sex sju")."""
    values = [_DIGIT_VALUE.get(word, -10) for word in words]
    return all(later == earlier + 1 for earlier, later in itertools.pairwise(values))


def spaced_postcode_spans(text: str) -> list[tuple[int, int]]:
    """Postcodes written "123 45", but not the police's "114 14" or another public number."""
    return [match.span() for match in POSTCODE_SPACED.finditer(text) if _digits(match.group()) not in public_numbers()]


def plain_postcode_spans(text: str) -> list[tuple[int, int]]:
    """Five digits that stand like a postcode: before a place name or after an address or "postnummer"."""
    spans = []
    for match in _POSTCODE_PLAIN.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        public = _digits(match.group("code")) in public_numbers()  # "ring 90101 Mind"
        if (match.group("city") or _POSTCODE_CUE.search(before)) and not public:
            spans.append(match.span("code"))
    return spans


def birthdate_spans(text: str) -> list[tuple[int, int]]:
    """Birth dates after "född", "födelsedatum", "born" …, and short dates like "12/3-20"."""
    spans = [match.span("date") for pattern in (_BIRTH, _BIRTHDAY) for match in pattern.finditer(text)]
    return spans + matches(_SHORT_BIRTH, text)


def age_spans(text: str) -> list[tuple[int, int]]:
    """Exact ages in months ("22 månader gammal", "är 1 år och 10 mån"), not durations ("i 3 månader")."""
    spans = []
    for match in _AGEMONTHS.finditer(text):
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
