"""The masking pass: every finder in turn over the normalised text, each blanking what it masked, then the masks
mapped back onto the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.scrub.address import address_spans
from knowledge.scrub.cued import (
    bank_spans,
    card_spans,
    door_code_spans,
    extension_spans,
    foreign_plate_spans,
    id_spans,
    split_personnummer_spans,
    spoken_birth_spans,
)
from knowledge.scrub.described import prose_address_spans, shaped_name_spans, table_spans, workplace_spans
from knowledge.scrub.hinted import (
    header_name_spans,
    house_spans,
    personnummer_hint_spans,
    spaced_email_spans,
    with_year_after,
)
from knowledge.scrub.identifier import (
    EMAIL,
    EMAIL_SPOKEN,
    FLAT,
    age_spans,
    birthdate_spans,
    matches,
    personnummer_spans,
    phone_spans,
    plain_postcode_spans,
    public_numbers,
    spaced_postcode_spans,
    spelled_phone_spans,
)
from knowledge.scrub.lexicon import institutions
from knowledge.scrub.lexicon import warm_up as warm_lexicon
from knowledge.scrub.located import located_spans, vehicle_spans
from knowledge.scrub.name import initials_spans, name_spans
from knowledge.scrub.normalisation import BLANK, Normalised, normalise
from knowledge.scrub.pieces import phone_piece_spans
from knowledge.scrub.place import PlaceIndex, group_names, group_spans
from knowledge.scrub.reference import case_number_spans, handle_spans, plate_spans, public_url_spans, school_spans
from knowledge.scrub.upcoming import upcoming_birthday_spans

MASKS = {
    "personnummer": "[personnummer]",
    "phone": "[telefon]",
    "email": "[e-post]",
    "address": "[adress]",
    "postcode": "[postnummer]",
    "name": "[namn]",
    "preschool": "[förskola]",
    "group": "[avdelning]",
    "birthdate": "[födelsedatum]",
    "age": "[ålder]",
    "school": "[skola]",
    "plate": "[registreringsnummer]",
    "handle": "[användarnamn]",
    "case_number": "[ärendenummer]",
    "account": "[kontonummer]",
    "workplace": "[arbetsplats]",
}
KINDS = frozenset(MASKS)
# The kinds in the order they are named to the user ("Jag tog bort namn, personnummer och …").
KIND_ORDER = ("personnummer", "case_number", "account", "phone", "email", "handle", "address", "postcode", "plate",
              "name", "birthdate", "age", "preschool", "group", "school", "workplace")


@dataclass(frozen=True, slots=True)
class Scrubbed:
    """Scrubbed text and the kinds of personal data that were masked in it."""

    text: str
    kinds: frozenset[str]


Span = tuple[int, int, str]


class _Work:
    """The normalised text being scrubbed, with what is already masked blanked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []

    def mask(self, found: Iterable[tuple[int, int]], kind: str) -> None:
        """Record *found* spans as *kind* and blank them so later passes cannot see them."""
        new = sorted((start, end) for start, end in found if end > start)
        if not new:
            return
        pieces: list[str] = []
        position = 0
        for found_start, end in new:
            start = max(found_start, position)  # overlapping with the previous span of this pass
            if start >= end:
                continue
            pieces += [self.text[position:start], BLANK * (end - start)]
            position = end
            self.spans.append((start, end, kind))
        pieces.append(self.text[position:])
        self.text = "".join(pieces)


class Scrubber:
    """Masks personal data in free text; built once per set of preschool names (a token index, not regexes).

    `scrub` below is the shared default instance, which knows no preschool names.
    """

    def __init__(self, places: Iterable[str] = ()) -> None:
        self._places = PlaceIndex.build(places)

    def scrub(self, text: str) -> Scrubbed:
        """Mask personal data in *text* and report which kinds were masked."""
        normalised = normalise(text)
        work = _Work(normalised.text)
        for kind, spans in table_spans(work.text).items():
            work.mask(spans, kind)
        work.mask(matches(EMAIL, work.text), "email")
        work.mask(matches(EMAIL_SPOKEN, work.text), "email")
        work.mask(spaced_email_spans(work.text), "email")
        work.mask(handle_spans(work.text), "handle")
        work.mask(case_number_spans(work.text), "case_number")
        work.mask(id_spans(work.text), "case_number")
        work.mask(bank_spans(work.text), "account")
        work.mask(card_spans(work.text), "account")
        work.mask(door_code_spans(work.text), "address")
        work.mask(personnummer_hint_spans(work.text), "personnummer")
        work.mask(spelled_phone_spans(work.text), "phone")
        work.mask(personnummer_spans(work.text), "personnummer")
        work.mask(phone_spans(work.text), "phone")
        work.mask(extension_spans(work.text), "phone")
        work.mask(phone_piece_spans(work.text), "phone")
        # After the phone pass: a whole phone number is surer than a date-shaped part of it after an id cue.
        work.mask(split_personnummer_spans(work.text), "personnummer")
        work.mask(plate_spans(work.text), "plate")
        work.mask(foreign_plate_spans(work.text), "plate")
        work.mask(address_spans(work.text), "address")
        work.mask(prose_address_spans(work.text), "address")
        work.mask(matches(FLAT, work.text), "address")
        work.mask(house_spans(work.text), "address")
        work.mask(located_spans(work.text), "address")
        work.mask(spaced_postcode_spans(work.text), "postcode")
        work.mask(plain_postcode_spans(work.text), "postcode")
        work.mask(with_year_after(work.text, birthdate_spans(work.text)), "birthdate")
        work.mask(spoken_birth_spans(work.text), "birthdate")
        work.mask(upcoming_birthday_spans(work.text), "birthdate")
        work.mask(age_spans(work.text), "age")
        work.mask(self._places.spans(work.text), "preschool")
        work.mask(group_spans(work.text), "group")
        work.mask(school_spans(work.text), "school")
        work.mask(workplace_spans(work.text), "workplace")
        work.mask(vehicle_spans(work.text), "workplace")
        work.mask(header_name_spans(work.text), "name")
        work.mask(shaped_name_spans(work.text), "name")
        work.mask(initials_spans(work.text), "name")
        kept = public_url_spans(work.text)
        work.mask((span for span in name_spans(work.text) if not _inside(span, kept)), "name")
        return _rebuild(text, normalised, work.spans)


def _inside(span: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    """Whether *span* lies within one of *outer*."""
    return any(start <= span[0] and span[1] <= end for start, end in outer)


def _rebuild(original: str, normalised: Normalised, spans: list[Span]) -> Scrubbed:
    """The original text with every span (of the normalised text) replaced by its mask."""
    mapped = sorted((*normalised.original_span(start, end), kind) for start, end, kind in spans)
    pieces: list[str] = []
    kinds: set[str] = set()
    position = 0
    for start, end, kind in mapped:
        if start < position:
            continue  # a second span inside one already masked (both came from one cluster)
        pieces += [original[position:start].replace("\x00", ""), MASKS[kind]]
        kinds.add(kind)
        position = end
    # NUL bytes are dropped everywhere: PostgreSQL cannot store them and they carry nothing.
    pieces.append(original[position:].replace("\x00", ""))
    return Scrubbed("".join(pieces), frozenset(kinds))


def warm_up() -> None:
    """Load the name lists, dictionaries and data files now, not in the first user's turn."""
    warm_lexicon()
    public_numbers()
    group_names()
    institutions()


_DEFAULT = Scrubber()


def scrub(text: str) -> Scrubbed:
    """Mask personal data in *text* (no preschool names: see `Scrubber`) and report which kinds were masked."""
    return _DEFAULT.scrub(text)
