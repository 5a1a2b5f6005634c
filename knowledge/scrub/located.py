"""Where a family is found by a number beside something everyone can see: a house told by a landmark and its
number ("gula huset bakom macken, nr 9") and a room on a ward ("inlagd på BB, sal 4", "ligger på IVA, rum 210").

A number alone says nothing; these are masked only when the words before them, in the same sentence and within
a bounded window, say a home or a hospital. Every pattern is bounded; each match looks back a bounded window.
"""

from __future__ import annotations

import re

# "nr 12", "numret 7", "nummer 14B": a number standing on its own after a comma or a landmark.
_HOUSE_NUMBER = re.compile(
    r"(?<![\w.])(?:nr|nummer|numret|no)\.?\s{0,2}(?P<number>\d{1,4}[A-Za-z]?)(?![\w/:.,]\d|[\w-])", re.IGNORECASE
)
# Words of a home told by what is near it.
_HOME = re.compile(
    r"(?<!\w)(?:bor|bodde|huset|hus|porten|port|villan|radhuset|mitt\s{1,2}emot|bakom|bredvid|ovanför|nedanför|"
    r"intill|granne\s{1,2}med|hörnet|lives|house|opposite|behind|next\s{1,2}to)(?!\w)",
    re.IGNORECASE,
)
# What a number must not count (a bus, a line, a size, a phone, a case).
_NOT_HOUSE = re.compile(
    r"(?<!\w)(?:buss|bussen|linje|linjen|spår|tåg|storlek|telefon|tfn|tel|mobil|ärende|dnr|avd|avdelning|rum|sal|"
    r"skåp|plats|bus|line|size|phone)\w{0,3}\s{0,3}$",
    re.IGNORECASE,
)
# "rum 312", "sal 7", "säng 4", "room 12": a place on a ward.
_ROOM = re.compile(
    r"(?<![\w.])(?:rum|rummet|sal|salen|sängplats|säng|sängen|room|bed)\s{0,2}(?:nr\.?\s{0,2}|nummer\s{1,2})?"
    r"(?P<number>\d{1,4}[A-Za-z]?)(?![\w/:]|[.,]\d)",
    re.IGNORECASE,
)
_HOSPITAL = re.compile(
    r"(?<!\w)(?:inlagd|inlagt|inlagda|ligger\s{1,2}på|sjukhus\w{0,3}|barnsjukhus\w{0,3}|avd|avdelning\w{0,2}|"
    r"psyk\w{0,8}|bb|förlossning\w{0,2}|iva|intensiven|neonatal\w{0,2}|akuten|hospital|ward|admitted)(?!\w)",
    re.IGNORECASE,
)
# "bil 4471", "vagn 312": the number of the car a parent drives for a taxi or a transport firm.
_VEHICLE = re.compile(r"(?<![\w.])(?:bil|bilen|bilnummer|vagn|vagnen|vagnnummer|car|cab)\s{0,2}(?:nr\.?\s{0,2})?"
                      r"(?P<number>\d{2,5})(?![\w/:]|[.,]\d)", re.IGNORECASE)
_DRIVER = re.compile(r"(?<!\w)(?:taxi\w{0,6}|åkeri\w{0,3}|färdtjänst\w{0,3}|budbil\w{0,3}|chaufför\w{0,3}|"
                     r"förare|föraren|kör|körde|drives|driver|cab)(?!\w)", re.IGNORECASE)
_WINDOW = 70
_SENTENCE = re.compile(r"[.!?\n](?!\d)")


def located_spans(text: str) -> list[tuple[int, int]]:
    """House numbers beside a landmark and rooms on a ward, each with its word ("nr 12", "sal 7")."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    if "n" in lowered:
        for match in _HOUSE_NUMBER.finditer(text):
            before = _before(text, match.start())
            if _HOME.search(before) and not _NOT_HOUSE.search(before):
                spans.append(match.span())
    if any(word in lowered for word in ("rum", "sal", "säng", "room", "bed")):
        for match in _ROOM.finditer(text):
            if _HOSPITAL.search(_before(text, match.start())):
                spans.append(match.span())
    return spans


def _before(text: str, position: int) -> str:
    """The text of the same sentence before *position*, at most _WINDOW characters."""
    window = text[max(0, position - _WINDOW) : position]
    ends = [match.end() for match in _SENTENCE.finditer(window)]
    return window[ends[-1] :] if ends else window


def vehicle_spans(text: str) -> list[tuple[int, int]]:
    """The number of a taxi or a firm's car a parent drives ("kör taxi, bil 4471"), with its word."""
    lowered = text.lower()
    if not any(word in lowered for word in ("bil", "vagn", "car", "cab")):
        return []
    return [match.span() for match in _VEHICLE.finditer(text) if _DRIVER.search(_before(text, match.start()))]
