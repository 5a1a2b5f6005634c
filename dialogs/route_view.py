"""What the staff's cards read from a route decision: its doors (units and people), district and shown reasons.

Dialog state keeps the decision's plain form (`RouteDecision.to_dict()`, JSON like all state); `stored_route` reads
it back once, where a dialog takes it out of state, and everything here reads the typed `RouteDecision`. This
module speaks no Bot Framework SDK, so that the handoff (bot/handoff/) can use it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from routing.model import Unit, UnitKind
from routing.route import ReasonCode, RouteDecision

# Route reasons worth telling a staff member (the rest are for administrators' "test a route" view).
SHOWN_ROUTE_REASONS = (ReasonCode.OFFICE_CLOSED, ReasonCode.HOLIDAY, ReasonCode.NO_SOCIONOM)
# Whom to phone after 112, in this order when both are open: the district's intake, then socialjouren.
ACUTE_KINDS = (UnitKind.MOTTAGNING, UnitKind.SOCIALJOUR)
_NEVER = datetime.max.replace(tzinfo=UTC)


def stored_route(value: object) -> RouteDecision | None:
    """The decision a dialog kept in state (its plain form), or None when none was kept.

    Parts an older or partial stored form lacks read as empty (see `RouteDecision.from_dict`), never as an error.
    """
    if not value or not isinstance(value, Mapping):
        return None
    return RouteDecision.from_dict(value)


@dataclass(frozen=True)
class Entry:
    """One door: a unit, or a person at a unit, with the number to call and whether it is open now."""

    kind: UnitKind
    name: str
    phone: str | None
    email: str | None
    open_now: bool
    next_opening: datetime | None


def entries(route: RouteDecision | None) -> list[Entry]:
    """Every contact in a route, socionom first, no duplicates.

    A unit listed with its own opening hours (intake, socialjouren, early support) is one entry with the unit's
    number; a person registered at such a unit is the same door, so it is not listed a second time.
    """
    if route is None:
        return []
    units = [*route.report.units, *route.after_hours.socialjour, *route.early_support]
    listed_units = {found.unit.id for found in units if found.unit.id}
    found_entries: list[Entry] = []
    for contact in route.contacts:
        if contact.unit.id in listed_units:
            continue
        name = ", ".join(filter(None, [contact.contact.name, contact.unit.name]))
        found_entries.append(Entry(contact.unit.kind, name, contact.contact.phone or contact.unit.phone,
                                   contact.contact.email, contact.available_now, route.after_hours.next_opening))
    for unit in units:
        found_entries.append(Entry(unit.unit.kind, unit.unit.name, unit.unit.phone, unit.unit.email, unit.open_now,
                                   unit.next_opening))
    unique: dict[tuple[UnitKind, str], Entry] = {}
    for entry in found_entries:
        unique.setdefault((entry.kind, entry.name), entry)
    return list(unique.values())


def acute_numbers(route: RouteDecision | None) -> list[Entry]:
    """Intake and socialjour of a route, one entry per unit: open ones first (intake before socialjour), then
    the closed ones by when they open."""
    if route is None:
        return []
    found: dict[str, Entry] = {}

    def add(unit: Unit, open_now: bool, next_opening: datetime | None, phone: str | None = None) -> None:
        if unit.kind not in ACUTE_KINDS:
            return
        # One line per unit: a unit's listed person (e.g. "Demo Socialjour") is the same door, not a second one.
        key = unit.id or f"{unit.kind}:{unit.name}"
        known = found.get(key)
        if known is None:
            found[key] = Entry(unit.kind, unit.name, unit.phone or phone, None, open_now, next_opening)
        else:
            found[key] = Entry(known.kind, known.name, known.phone or unit.phone or phone, None,
                               known.open_now or open_now, known.next_opening or next_opening)

    for unit in [*route.report.units, *route.after_hours.socialjour]:
        add(unit.unit, unit.open_now, unit.next_opening)
    for contact in route.contacts:
        add(contact.unit, contact.available_now, route.after_hours.next_opening, contact.contact.phone)
    numbers = [entry for entry in found.values() if entry.phone]
    order = {kind: index for index, kind in enumerate(ACUTE_KINDS)}
    return sorted(numbers, key=lambda n: (not n.open_now, n.next_opening or _NEVER,
                                          order.get(n.kind, len(order)), n.name))


def route_district_name(route: RouteDecision | None) -> str | None:
    """The district named by a route, or None."""
    district = route.district if route is not None else None
    return (district.name or None) if district is not None else None


def shown_reasons(route: RouteDecision | None) -> list[ReasonCode]:
    """The route's reason codes a staff member should see."""
    if route is None:
        return []
    codes = {reason.code for reason in (*route.reasons, *route.after_hours.reasons)}
    return [code for code in SHOWN_ROUTE_REASONS if code in codes]


def can_hand_off(route: RouteDecision | None) -> bool:
    """Whether the route names someone a handoff request can be sent to through Teams, now or when they open.

    Outside office hours the request is kept and offered to whoever is on call, else at the next opening;
    so the time of day does not matter here, only that there is a socionom (or a unit channel) to ask.
    """
    for found in route.contacts if route is not None else ():
        if found.unit.kind == UnitKind.SOCIALJOUR:
            continue
        if found.contact.teams_user_id or found.contact.teams_channel_id or found.unit.teams_channel_id:
            return True
    return False
