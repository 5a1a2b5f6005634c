"""Details that their cue word gives away: door codes, bank and card numbers, ids after their name, a personnummer
given in two parts or a birth date in words, phone extensions, foreign plates. Details told in prose or given away
by their shape are in `described.py`."""

from __future__ import annotations

import re

from knowledge.scrub.identifier import COUNTRY_CODE_BEFORE, MONTH, ORDINAL_WORD

_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")
_CODE_DIGITS = r"(?P<code>[#*]?\d(?:\s?\d){2,7}[#*]?)(?![\w])"
# "portkod 1234", "porten har kod 2 5 8 0", "koden till porten är 4711#", "door code is 0690".
_DOOR_CODE = re.compile(
    r"(?<!\w)(?:portkod(?:en)?|dörrkod(?:en)?|entrékod(?:en)?|kod(?:en)?|door\s{1,2}code|entry\s{1,2}code|"
    r"gate\s{1,2}code|code)(?:\s{1,2}(?:till|för|to|for)\s{1,2}(?:porten|dörren|huset|entrén|the\s{1,2}door))?"
    r"(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=,]?\s{0,2}" + _CODE_DIGITS,
    re.IGNORECASE,
)
_DOOR_HINTS = ("kod", "code")

# Bank: IBAN (with or without spaces), clearing and account, Swish, bankgiro/plusgiro, card numbers.
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w-])")
_BANK_CUED = re.compile(
    r"(?<!\w)(?:clearing(?:nummer|nr|numret)?|kontonummer|kontonumret|kontonr|konto(?:t)?|account(?:\s{1,2}number)?|"
    r"swish(?:a|ar|ade|nummer|numret|nr)?|bankgiro(?:nummer|numret|t)?|plusgiro(?:nummer|numret|t)?|bg|pg|"
    r"kortnummer|kortnumret|kortet|kort|card(?:\s{1,2}number)?|ocr(?:-nummer)?)(?![^\W\d_])"
    r"(?:\s{0,2}[,:]?\s{0,2}(?:till|to|på|nummer|nr|är|var|is|har|mamman|pappan|henne|honom|mig|oss)\.?){0,3}"
    r"\s{0,2}[:#]?\s{0,2}(?P<value>\d(?:[\s-]?\d){3,18})(?![\w])(?!\s?(?:kr|kronor|sek|spänn|euro|:-|€|\$))",
    re.IGNORECASE,
)
# After "IBAN" also in lower case ("iban se45 5000 …"); a Swish number without its cue ("123 456 78 90").
_IBAN_CUED = re.compile(
    r"(?<!\w)iban\s{0,2}[:]?\s{0,2}(?P<value>[a-z]{2}\s?\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,3})?)(?![\w-])",
    re.IGNORECASE,
)
# Grouped as Swish prints it; "123456-7890" is personnummer-shaped and left to that pass.
_SWISH_BARE = re.compile(r"(?<![\w+-])123(?:\s\d{3}\s\d{2}\s\d{2}|-\d{3}\s\d{2}\s\d{2}|\s\d{3}\s\d{4})(?![\w-])")
_BANK_HINTS = ("clearing", "konto", "account", "swish", "giro", "bg", "pg", "kort", "card", "ocr")
# Card numbers in groups ("4571 1234 5678 9012", "3782 822463 10005") and unbroken runs of 13 to 19 digits.
_CARD = re.compile(
    r"(?<![\w+-])(?:[2-6]\d{3}(?:[\s-]\d{4}){2}[\s-]\d{1,7}|[2-6]\d{3}[\s-]\d{6}[\s-]\d{4,5}|[1-9]\d{12,18})(?![\w-])"
)

# Ids after their name: passport, referral, insurance, patient and journal numbers, police reports, 1177.
_ID_CUED = re.compile(
    r"(?<!\w)(?:passnummer|passnumret|passnr|pass\s{1,2}(?:nr|nummer)|diarienummer|diarienumret|dnr|ärendenummer|"
    r"passport(?:\s{1,2}(?:number|no\.?))?|"
    r"remiss-?id|remissnummer|remissnumret|remissnr|remiss|referral(?:\s{1,2}(?:id|number))?|"
    r"försäkringsnummer|försäkringsnumret|försäkringsnr|försäkring(?:en)?|insurance(?:\s{1,2}(?:id|number|no\.?))?|"
    r"patient-?id|patientnummer|patientnr|patient\s{1,2}(?:id|number|no\.?)|journal(?:nummer|nr|numret)?|"
    r"polisanmälan|polisanmälningen|police\s{1,2}report|ärende(?:t)?|id-?nummer|id-?nr|id)(?![^\W\d_])"
    r"(?:\s{0,2}[,:]?\s{0,2}(?:har|has|med|nummer|numret|nr|no|number|är|var|is)\.?){0,2}\s{0,2}[:#]?\s{0,2}"
    r"(?P<value>(?:[A-ZÅÄÖ]{1,4}[\s-]?)?\d{2,12}(?:[-/.]?[A-Z]{1,2}\d{1,10}|[-/.:]\d{1,10}|\s\d{3,10}){0,4}"
    r"(?:-[A-Z]{1,2})?)(?![\w/-])",
    re.IGNORECASE,
)
_ID_HINTS = ("pass", "remiss", "referral", "försäkring", "insurance", "patient", "journal", "anmäl", "report",
             "ärende", "id")

# A personnummer in two parts: a date-shaped number, then "och sen", "slutsiffror" … and four digits.
_DATE_NUMBER = re.compile(
    r"(?<![\w+-])(?:19|20)?\d{2}(?P<sep>[-. ]?)(?:0[1-9]|1[0-2])(?P=sep)(?:[0-5]\d|6[0-9]|7[01])(?![\w-])"
)
# The cue and the words between never cross a mask of an earlier scrub ("[personnummer]"): scrubbing twice is stable.
_DATE_CUE = re.compile(r"(?<![\w\[])(?:pnr|personnr|personnumm?er|personnumret|samordningsnummer|ssn|bankid|id|"
                       r"legitimation|leg|visade|showed)[^\w\[\]]{0,4}(?:\w{1,12}[^\w\[\]]{1,3}){0,3}$",
                       re.IGNORECASE)
_TAIL_CUE = re.compile(
    r"(?<!\w)(?:och\s{1,2}sen|och\s{1,2}sedan|sen|sedan|slutsiffror(?:na)?|kontrollsiffror(?:na)?|"
    r"sista\s{1,2}siffrorna|sista\s{1,2}siffror|sista\s{1,2}fyra|de\s{1,2}fyra\s{1,2}sista|last\s{1,2}(?:four|4)|"
    r"then|and\s{1,2}then)(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=-]?\s{0,2}$",
    re.IGNORECASE,
)
# Four digits, found first (a digit scan is cheap), then the cue read backwards.
# Not followed by another digit group: "och sedan 0771 000 000" is a phone number (the phone pass), no tail.
_FOUR = re.compile(r"(?<![\w-])(?:\d{4}|\d{2}\s\d{2})(?![\w-])(?![ .]?\d)"
                   r"(?!\s?(?:gram|g|kg|hg|kr|kronor|sek|st|cm|mm|ml|dl|m|km|min|minuter|timmar|dagar|år)(?!\w))")
_TAIL_HINTS = ("sen", "sedan", "siffror", "sista", "last", "then")
# Read out in words: "sista fyra ett två tre fyra", "slutsiffrorna noll noll fem sju".
_DIGIT_WORD = r"(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|zero|one|two|three|four|five|six|seven|eight|nine)"
_TAIL_IN_WORDS = re.compile(
    r"(?<!\w)(?:slutsiffror(?:na)?|kontrollsiffror(?:na)?|sista\s{1,2}siffrorna|sista\s{1,2}(?:fyra|4)|"
    r"(?:fyra|4)\s{1,2}sista|last\s{1,2}(?:four|4))(?:\s{1,2}(?:siffrorna|siffror|digits))?(?:\s{1,2}(?:är|var|is|was))?"
    rf"\s{{0,2}}[:=,]?\s{{0,2}}(?P<last>{_DIGIT_WORD}(?:(?:,\s?|\s|-){_DIGIT_WORD}){{3}})(?!\w)",
    re.IGNORECASE,
)
# A birth date in words after a year in words: "född tjugohundratjugo, femte maj".
_BIRTH_IN_WORDS = re.compile(
    rf"(?<!\w)(?:född|födde|föddes|born)\s{{1,2}}(?:[a-zåäö]{{6,30}},?\s{{1,2}})?(?P<date>{ORDINAL_WORD}\s{{1,2}}{MONTH})"
    r"(?!\w)",
    re.IGNORECASE,
)
_BIRTH_NEAR = re.compile(r"(?<![\w\[])(?:född|born|pnr|personnummer|f\.)(?![\w\]])", re.IGNORECASE)
_STRONG_TAIL = re.compile(r"^(?:slutsiffror|kontrollsiffror|sista\s{1,2}siffror)", re.IGNORECASE)

# A phone extension: "ankn 212", "anknytning 4411", "ext. 12".
_EXTENSION = re.compile(r"(?<!\w)(?:ankn(?:ytning)?|anknr|lokalnummer|ext|extension|direktnummer)\.?\s{0,2}[:]?\s{0,2}"
                        r"\d{2,5}(?!\w)", re.IGNORECASE)
# A foreign plate after "skyltar", "plates", "nummerplåt": "polska skyltar WX 12345".
_FOREIGN_PLATE = re.compile(
    r"(?<!\w)(?:skyltar|skyltarna|skylten|skylt|plates|plate|(?:nummer)?plåt(?:en|ar|arna)|registreringsskylt(?:en|ar)?)"
    r"(?:\s{1,2}(?:är|var|is|was|med|with))?\s{0,2}[:,]?\s{0,2}"
    r"(?P<plate>[A-Z]{1,3}(?:[\s-]?[A-Z0-9]{1,6})(?:[\s-][A-Z0-9]{1,5}){0,2})(?![\w-])",
    re.IGNORECASE,
)


def door_code_spans(text: str) -> list[tuple[int, int]]:
    """Door codes after "portkod", "kod", "porten har kod", "door code": the digits, even spaced."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _DOOR_HINTS):
        return []
    return [match.span("code") for match in _DOOR_CODE.finditer(text)]


def bank_spans(text: str) -> list[tuple[int, int]]:
    """IBAN, clearing and account numbers, Swish, bankgiro/plusgiro and card numbers."""
    spans = [match.span() for match in _IBAN.finditer(text) if sum(char.isdigit() for char in match.group()) >= 8]
    spans += [match.span() for match in _SWISH_BARE.finditer(text)]
    lowered = text.lower()
    if "iban" in lowered:
        spans += [match.span("value") for match in _IBAN_CUED.finditer(text)]
    if any(hint in lowered for hint in _BANK_HINTS):
        for match in _BANK_CUED.finditer(text):
            digits = sum(char.isdigit() for char in match.group("value"))
            card_cue = match.group().lower().startswith(("kort", "card"))
            if digits >= (12 if card_cue else 4) and not _YEAR_ONLY.fullmatch(match.group("value")):
                spans.append(match.span("value"))  # not "ett kort 2024", "konto 2019"

    return spans


def card_spans(text: str) -> list[tuple[int, int]]:
    """Card numbers: 13 to 19 digits, in groups or unbroken, starting like a card (2–6)."""
    return [match.span() for match in _CARD.finditer(text)]


def id_spans(text: str) -> list[tuple[int, int]]:
    """Passport, referral, insurance, patient, journal and police-report numbers after their name."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _ID_HINTS):
        return []
    return [match.span("value") for match in _ID_CUED.finditer(text)
            if sum(char.isdigit() for char in match.group("value")) >= 4
            and not _YEAR_ONLY.fullmatch(match.group("value"))]


def split_personnummer_spans(text: str) -> list[tuple[int, int]]:
    """A personnummer given in two parts: a date-shaped number after an id cue, and four digits after "och sen",
    "slutsiffror" … near a date-shaped number or a birth cue."""
    spans = []
    dates = []
    for match in _DATE_NUMBER.finditer(text):
        if COUNTRY_CODE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # "pnr +46 70 01 00 000": a phone number after its country code (the phone pass)
        if _DATE_CUE.search(text, max(0, match.start() - 40), match.start()):
            spans.append(match.span())
        dates.append(match.end())
    lowered = text.lower()
    if "sista" in lowered or "siffror" in lowered or "last" in lowered:
        spans += [match.span("last") for match in _TAIL_IN_WORDS.finditer(text)]
    if not any(hint in lowered for hint in _TAIL_HINTS):
        return spans
    for four in _FOUR.finditer(text):
        cue = _TAIL_CUE.search(text, max(0, four.start() - 32), four.start())
        if cue is None:
            continue
        strong = _STRONG_TAIL.match(cue.group()) is not None
        near_date = any(0 <= cue.start() - end <= 12 for end in dates)
        near_birth = _BIRTH_NEAR.search(text, max(0, cue.start() - 40), cue.start()) is not None
        # After a birth cue "och sen" takes four digits that are no year ("född 2019 och sen 2021 flyttade de").
        year = _YEAR_ONLY.fullmatch(four.group()) is not None
        if strong or near_date or (near_birth and ("sen" not in cue.group().lower()[:8] or not year)):
            spans.append(four.span())
    return spans


def spoken_birth_spans(text: str) -> list[tuple[int, int]]:
    """A birth date in words after a year in words: "född tjugohundratjugo, femte maj"."""
    lowered = text.lower()
    if "född" not in lowered and "born" not in lowered:
        return []
    return [match.span("date") for match in _BIRTH_IN_WORDS.finditer(text)]


def extension_spans(text: str) -> list[tuple[int, int]]:
    """Phone extensions: "ankn 212", "anknytning 4411", "ext. 12"."""
    lowered = text.lower()
    if "ank" not in lowered and "ext" not in lowered and "lokalnummer" not in lowered and "direkt" not in lowered:
        return []
    return [match.span() for match in _EXTENSION.finditer(text)]


def foreign_plate_spans(text: str) -> list[tuple[int, int]]:
    """Plates after "skyltar", "plates", "nummerplåt" in any country's shape ("WX 12345")."""
    lowered = text.lower()
    if "skylt" not in lowered and "plate" not in lowered and "plåt" not in lowered:
        return []
    return [match.span("plate") for match in _FOREIGN_PLATE.finditer(text)
            if any(char.isdigit() for char in match.group("plate"))]
