"""The routing domain as frozen dataclasses, and `Directory`, an immutable snapshot with lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from routing.holiday import SHORT_DAY_CLOSES, day_type

if TYPE_CHECKING:
    from routing.match_index import PreschoolIndex

STOCKHOLM = ZoneInfo("Europe/Stockholm")
HOLIDAY_WEEKDAY = 7  # OpeningHours.weekday for hours that apply on public holidays and eves
ANY = "*"
# How far ahead `next_opening` looks; a unit closed longer than this is reported as "no known opening".
OPENING_SEARCH_DAYS = 21


class UnitKind(StrEnum):
    """What a unit does for the preschool or the family."""

    SOCIONOM = "socionom"
    MOTTAGNING = "mottagning"
    FORALDRARADGIVNING = "foraldraradgivning"
    FAMILJECENTRAL = "familjecentral"
    OPPEN_FORSKOLA = "oppen_forskola"
    SOCIALJOUR = "socialjour"


class OperatorKind(StrEnum):
    """Who runs a preschool (huvudman)."""

    KOMMUNAL = "Kommunal"
    ENSKILD = "Enskild"


EARLY_SUPPORT_KINDS = (UnitKind.FORALDRARADGIVNING, UnitKind.FAMILJECENTRAL, UnitKind.OPPEN_FORSKOLA)


def stockholm_time(at: datetime) -> datetime:
    """*at* as an aware Europe/Stockholm time; a naive value is taken to be Stockholm local time."""
    if at.tzinfo is None:
        return at.replace(tzinfo=STOCKHOLM)
    return at.astimezone(STOCKHOLM)


@dataclass(frozen=True)
class District:
    """A stadsdelsförvaltning; aliases hold old and informal names (e.g. "Rinkeby" for Järva)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class Preschool:
    """A preschool; `district_id` is None when nobody has mapped it to a district yet; `area` is its stadsdel."""

    id: str
    name: str
    operator: OperatorKind = OperatorKind.KOMMUNAL
    address: str = ""
    postcode: str = ""
    skolverket_id: str | None = None
    district_id: str | None = None
    aliases: tuple[str, ...] = ()
    active: bool = True
    area: str = ""

    @property
    def street(self) -> str:
        """The street part of the address ("Ripsavägen 33" → "Ripsavägen"), or ""."""
        return street_of(self.address)


def street_of(address: str) -> str:
    """The street name in *address*: everything before the first word with a digit, trimmed."""
    words: list[str] = []
    for word in address.replace(",", " ").split():
        if any(ch.isdigit() for ch in word):
            break
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class Unit:
    """A social-services unit; `district_id` is None for city-wide units such as socialjouren."""

    id: str
    name: str
    kind: UnitKind
    district_id: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    teams_channel_id: str | None = None
    address: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Contact:
    """A person or channel at a unit; priority 1 is asked first, higher numbers are backups."""

    id: str
    name: str
    unit_id: str
    role: str = ""
    teams_user_id: str | None = None
    teams_channel_id: str | None = None
    email: str | None = None
    phone: str | None = None
    priority: int = 1
    active: bool = True


@dataclass(frozen=True)
class OpeningHours:
    """One opening interval of a unit on a weekday (0 = Monday … 6 = Sunday, 7 = holidays and eves).

    Weekday-7 hours also apply after the early closing of a "dag före helgdag".

    `closes` of 00:00 means midnight at the end of the day.
    """

    id: str
    unit_id: str
    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class HoursException:
    """A dated exception for a unit: closed all day, or open only `opens`–`closes`."""

    id: str
    unit_id: str
    day: date
    closed: bool = True
    opens: time | None = None
    closes: time | None = None
    note: str = ""


@dataclass(frozen=True)
class OnCallShift:
    """A contact on call for a unit from `starts` to `ends` (aware datetimes)."""

    id: str
    contact_id: str
    unit_id: str
    starts: datetime
    ends: datetime


@dataclass(frozen=True)
class Rule:
    """(concern category or "*", outcome or "*") → unit kinds to contact, in order."""

    id: str
    concern: str
    outcome: str
    unit_kinds: tuple[UnitKind, ...]
    note: str = ""

    @property
    def specificity(self) -> int:
        """2 for an exact concern, plus 1 for an exact outcome; higher wins."""
        return (2 if self.concern != ANY else 0) + (1 if self.outcome != ANY else 0)


def _end(day: date, closes: time) -> datetime:
    if closes == time(0, 0):
        return datetime.combine(day + timedelta(days=1), time(0, 0), STOCKHOLM)
    return datetime.combine(day, closes, STOCKHOLM)


@dataclass(frozen=True)
class Directory:
    """Everything routing needs, as one immutable snapshot; lookups are built once on first use."""

    districts: tuple[District, ...] = ()
    preschools: tuple[Preschool, ...] = ()
    units: tuple[Unit, ...] = ()
    contacts: tuple[Contact, ...] = ()
    hours: tuple[OpeningHours, ...] = ()
    exceptions: tuple[HoursException, ...] = ()
    on_call: tuple[OnCallShift, ...] = ()
    rules: tuple[Rule, ...] = ()
    short_day_closes: time | None = SHORT_DAY_CLOSES

    @cached_property
    def _districts(self) -> dict[str, District]:
        return {d.id: d for d in self.districts}

    @cached_property
    def _preschools(self) -> dict[str, Preschool]:
        return {p.id: p for p in self.preschools}

    @cached_property
    def _units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def _contacts(self) -> dict[str, Contact]:
        return {c.id: c for c in self.contacts}

    @cached_property
    def _contacts_by_unit(self) -> dict[str, list[Contact]]:
        grouped: dict[str, list[Contact]] = defaultdict(list)
        for contact in sorted(self.contacts, key=lambda c: (c.priority, c.name, c.id)):
            if contact.active:
                grouped[contact.unit_id].append(contact)
        return grouped

    @cached_property
    def _hours_by_unit(self) -> dict[str, dict[int, list[OpeningHours]]]:
        grouped: dict[str, dict[int, list[OpeningHours]]] = defaultdict(lambda: defaultdict(list))
        for row in sorted(self.hours, key=lambda h: h.opens):
            grouped[row.unit_id][row.weekday].append(row)
        return grouped

    @cached_property
    def _exceptions(self) -> dict[tuple[str, date], HoursException]:
        return {(e.unit_id, e.day): e for e in self.exceptions}

    @cached_property
    def index(self) -> PreschoolIndex:
        """The matching index over this snapshot's active preschools (built once)."""
        from routing.match_index import PreschoolIndex

        return PreschoolIndex(self)

    def district(self, district_id: str | None) -> District | None:
        """The district with *district_id*, or None."""
        return self._districts.get(district_id) if district_id else None

    def preschool(self, preschool_id: str) -> Preschool | None:
        """The preschool with *preschool_id*, or None."""
        return self._preschools.get(preschool_id)

    def unit(self, unit_id: str) -> Unit | None:
        """The unit with *unit_id*, or None."""
        return self._units.get(unit_id)

    def contact(self, contact_id: str) -> Contact | None:
        """The contact with *contact_id*, or None."""
        return self._contacts.get(contact_id)

    def units_of(self, kind: UnitKind, district_id: str | None) -> list[Unit]:
        """Active units of *kind* in *district_id* (None = city-wide units), sorted by name."""
        return sorted((u for u in self.units if u.active and u.kind == kind and u.district_id == district_id),
                      key=lambda u: (u.name, u.id))

    def contacts_of(self, unit_id: str) -> list[Contact]:
        """Active contacts of a unit, first choice first."""
        return list(self._contacts_by_unit.get(unit_id, ()))

    def has_hours(self, unit_id: str) -> bool:
        """True when the unit has at least one weekly opening interval."""
        return bool(self._hours_by_unit.get(unit_id))

    def rule_for(self, concern: str | None, outcome: str | None) -> Rule | None:
        """The most specific rule matching (*concern*, *outcome*), or None."""
        fitting = [r for r in self.rules
                   if r.concern in (ANY, concern or ANY) and r.outcome in (ANY, outcome or ANY)]
        return max(fitting, key=lambda r: (r.specificity, r.id), default=None)

    def intervals(self, unit_id: str, day: date) -> list[tuple[datetime, datetime]]:
        """The unit's opening intervals on *day*: exceptions first, then holiday hours, then weekly hours."""
        exception = self._exceptions.get((unit_id, day))
        if exception is not None:
            if exception.closed or exception.opens is None or exception.closes is None:
                return []
            return [(datetime.combine(day, exception.opens, STOCKHOLM), _end(day, exception.closes))]
        kind = day_type(day)
        weekly = self._hours_by_unit.get(unit_id, {})
        rows = weekly.get(HOLIDAY_WEEKDAY, []) if kind.closed else weekly.get(day.weekday(), [])
        found = [(datetime.combine(day, r.opens, STOCKHOLM), _end(day, r.closes)) for r in rows]
        if kind.short and not kind.closed and self.short_day_closes is not None:
            cut = datetime.combine(day, self.short_day_closes, STOCKHOLM)
            # Daytime intervals end at the cut; from then on the day runs on holiday hours (so socialjouren,
            # open all holiday, takes over when the offices close early).
            found = [(start, min(end, cut) if start < cut else end) for start, end in found]
            found += [(max(cut, datetime.combine(day, r.opens, STOCKHOLM)), _end(day, r.closes))
                      for r in weekly.get(HOLIDAY_WEEKDAY, [])]
        return sorted((start, end) for start, end in found if end > start)

    def is_open(self, unit_id: str, at: datetime) -> bool:
        """True when the unit is open at *at* (intervals include the opening, exclude the closing minute)."""
        at = stockholm_time(at)
        days = (at.date() - timedelta(days=1), at.date())
        return any(start <= at < end for day in days for start, end in self.intervals(unit_id, day))

    def next_opening(self, unit_id: str, at: datetime) -> datetime | None:
        """The next time after *at* when the unit opens, or None within `OPENING_SEARCH_DAYS`."""
        at = stockholm_time(at)
        for offset in range(OPENING_SEARCH_DAYS + 1):
            for start, _ in self.intervals(unit_id, at.date() + timedelta(days=offset)):
                if start > at:
                    return start
        return None

    def on_call_at(self, at: datetime, unit_ids: Iterable[str] | None = None) -> list[OnCallShift]:
        """Shifts running at *at*, optionally only for *unit_ids*."""
        at = stockholm_time(at)
        wanted = set(unit_ids) if unit_ids is not None else None
        return [s for s in self.on_call
                if s.starts <= at < s.ends and (wanted is None or s.unit_id in wanted)]
