"""Details a less usual hint gives away: the people in a forwarded e-mail's header lines, an e-mail address
spelled letter by letter, a box address, a house told by its number, the last four digits of a personnummer, a
personnummer read out in words, and the year written after a birth date already masked."""

from __future__ import annotations

import re

# "Från: Sara Lindqvist <…>", "To: Karin Öst <…>", "Kopia: Omar Ali": whoever stands in a header line is a
# person (a group or a preschool there was masked before this pass runs, and its words are no names).
_HEADER = re.compile(
    r"(?im)^[ \t>]{0,4}(?:från|from|till|to|kopia|cc|bcc|avsändare|mottagare|sender)[ \t]{0,2}:[ \t]{0,2}"
    r"(?P<who>(?-i:[A-ZÅÄÖ][^\W\d_]{0,30}(?:[-'’][^\W\d_]{1,30})?)"
    r"(?:[ \t](?-i:[A-ZÅÄÖ][^\W\d_]{0,30}(?:[-'’][^\W\d_]{1,30})?)){0,3})(?=[ \t]{0,2}(?:<|\[|\(|\x00|,|;|$))"
    # in lower case only before the address: "Från: lena öberg <…>"
    r"|^[ \t>]{0,4}(?:från|from|till|to|kopia|cc)[ \t]{0,2}:[ \t]{0,2}"
    r"(?P<lower>[^\W\d_]{1,30}(?:[ \t][^\W\d_]{1,30}){0,3})(?=[ \t]{0,2}<)"
)
_NOT_PEOPLE = frozenset({"avdelning", "avdelningen", "förskolan", "förskola", "rektor", "rektorn", "personalen",
                         "alla", "all", "staff", "mig", "me", "oss", "us", "socialtjänsten", "mottagningen", "mamma",
                         "pappa", "mamman", "pappan", "personal", "föräldrar", "vårdnadshavare"})
# An address spelled one character at a time: "k a r i m . a l i @ g m a i l . c o m".
_SPACED_EMAIL = re.compile(r"(?<![\w.])(?:[\w.] ){2,64}@(?: [\w.]){3,64}(?![\w.])")
# "Box 4521": a post-office box (capitalised, as an address writes it).
_BOX = re.compile(r"(?<![\w-])(?:Box|BOX|Postbox|Postbox)\s{1,2}\d{1,6}(?![\w-])")
# "ett rött hus nummer 9", "huset nr 14", "port nummer 3": a house told by its number.
_HOUSE = re.compile(r"(?<!\w)(?:hus|huset|port|porten|house)\s{1,2}(?:nummer|nr\.?|number|no\.?)\s{0,2}"
                    r"\d{1,4}[A-Za-z]?(?!\w)", re.IGNORECASE)
# The last four of a personnummer: "slutar på -2252", "sista fyra (siffrorna) är 2252".
_LAST_FOUR = re.compile(
    r"(?<!\w)(?:slutar\s{1,2}på\s{0,2}-\s?|(?:pnr|personnr|personnumret|personnummer|numret)\s{1,2}slutar\s{1,2}"
    r"på\s{0,2}|sista\s{1,2}(?:fyra|4)(?:\s{1,2}(?:siffrorna|siffror|är|var|:)){1,2}"
    r"\s{0,2}:?\s{0,2}-?)(?P<tail>\d{4}|\d{2}\s\d{2})(?![\w-])",
    re.IGNORECASE,
)
# A personnummer read out in words after its cue: "personnummer är tjugo-noll-ett-noll-tre-tolv".
_SPOKEN_PNR = re.compile(
    r"(?<!\w)(?:personnumret|personnummer|personnr|pnr|samordningsnumret|samordningsnummer)"
    r"(?:\s{1,2}(?:är|var|is|was))?\s{0,2}:?\s{0,2}"
    r"(?P<run>[a-zåäö]{2,16}(?:[-\s][a-zåäö]{2,16}){2,12})",
    re.IGNORECASE,
)
_NUMBER_WORDS = frozenset(
    {"noll", "nolla", "ett", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
     "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo", "trettio", "fyrtio",
     "femtio", "sextio", "sjuttio", "åttio", "nittio", "hundra", "tusen", "nittonhundra", "tjugohundra"}
)
_TENS = ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio", "nittonhundra",
         "tjugohundra")
# "[födelsedatum] (2021)", "[födelsedatum], 2021": the year written after a birth date already masked.
_YEAR_AFTER = re.compile(r"\s?\(\s?(?:19|20)\d{2}\s?\)|,\s(?:19|20)\d{2}(?![\d,.])")


def header_name_spans(text: str) -> list[tuple[int, int]]:
    """The names in the header lines of a forwarded or pasted e-mail ("Från: Sara Lindqvist <…>")."""
    if ":" not in text:
        return []
    spans = []
    for match in _HEADER.finditer(text):
        group = "who" if match.group("who") is not None else "lower"
        if match.group(group).split()[0].lower() not in _NOT_PEOPLE:
            spans.append(match.span(group))
    return spans


def spaced_email_spans(text: str) -> list[tuple[int, int]]:
    """E-mail addresses spelled one character at a time."""
    return [match.span() for match in _SPACED_EMAIL.finditer(text)] if " @ " in text else []


def house_spans(text: str) -> list[tuple[int, int]]:
    """Box addresses and a house told by its number."""
    spans = [match.span() for match in _BOX.finditer(text)] if "ox" in text else []
    lowered = text.lower()
    if any(hint in lowered for hint in ("hus", "port", "house")):
        spans += [match.span() for match in _HOUSE.finditer(text)]
    return spans


def personnummer_hint_spans(text: str) -> list[tuple[int, int]]:
    """The last four of a personnummer after "slutar på" or "sista fyra", and one read out in words."""
    lowered = text.lower()
    spans = []
    if "slutar" in lowered or "sista" in lowered:
        spans += [match.span("tail") for match in _LAST_FOUR.finditer(text)]
    if "pnr" in lowered or "nr" in lowered or "nummer" in lowered:
        for match in _SPOKEN_PNR.finditer(text):
            start = position = match.start("run")
            count = 0
            for piece in re.finditer(r"[a-zåäö]+", match.group("run"), re.IGNORECASE):
                if not _number_word(piece.group().lower()):
                    break
                position = start + piece.end()
                count += 1
            if count >= 3:
                spans.append((start, position))
    return spans


def with_year_after(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The birth dates in *dates*, each with a year written after it: "1:a december (2021)"."""
    return [(start, match.end() if (match := _YEAR_AFTER.match(text, end, end + 10)) is not None else end)
            for start, end in dates]


def _number_word(word: str) -> bool:
    """Whether *word* is a number in Swedish words ("noll", "tolv", "tjugoett")."""
    return word in _NUMBER_WORDS or (word.startswith(_TENS) and any(
        word == tens + unit for tens in _TENS for unit in _NUMBER_WORDS if word.startswith(tens)))
