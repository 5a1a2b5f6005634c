"""Who gets the request at each escalation stage, and whether the office is open — from the routing decision.

Pure functions over the stored `RouteDecision` plus, when available, a fresh routing `Directory` for the time
the timer fires (opening hours and on-call shifts change while a request waits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.handoff.model import TargetKind
from routing.model import Contact, UnitKind
from routing.route import ContactRoute, RouteDecision, UnitRoute

USER, CHANNEL = TargetKind.USER.value, TargetKind.CHANNEL.value
FIRST, BACKUP, CHANNELS = 0, 1, 2
LAST_STAGE = CHANNELS


@dataclass(frozen=True)
class Recipient:
    """Someone to send the offer card to: a user's personal chat or a Teams channel."""

    kind: str
    target_id: str
    name: str = ""
    role: str = ""


@dataclass(frozen=True)
class Availability:
    """Whether the socionoms' office is open now, when it opens next, and who is on call now."""

    open_now: bool
    next_opening: datetime | None
    on_call: tuple[Contact, ...] = ()


def people(route: RouteDecision) -> list[ContactRoute]:
    """The route's contacts who can take a consultation: the district's socionoms, else any non-jour contact."""
    contacts = [c for c in route.contacts if c.unit.kind != UnitKind.SOCIALJOUR]
    socionoms = [c for c in contacts if c.unit.kind == UnitKind.SOCIONOM]
    return socionoms or contacts


def _users(contacts: Iterable[Contact]) -> list[Recipient]:
    found: dict[str, Recipient] = {}
    for contact in contacts:
        user_id = contact.teams_user_id
        if user_id and user_id not in found:
            found[user_id] = Recipient(USER, user_id, contact.name, contact.role)
    return list(found.values())


def recipients(route: RouteDecision, stage: int, availability: Availability) -> list[Recipient]:
    """Who gets the offer at *stage*: first choice (or on-call when closed), then backups, then channels."""
    staff = people(route)
    with_user = [c.contact for c in staff if c.contact.teams_user_id]
    first = min((c.priority for c in with_user), default=1)
    primaries = [c for c in with_user if c.priority == first]
    if stage == FIRST:
        if not availability.open_now and availability.on_call:
            return _users(availability.on_call)
        return _users(primaries)
    if stage == BACKUP:
        backups = [c for c in with_user if c.priority > first]
        return _users([*backups, *availability.on_call, *primaries])
    if stage == CHANNELS:
        channels: list[str] = []
        for route_contact in staff:
            for channel in (route_contact.unit.teams_channel_id, route_contact.contact.teams_channel_id):
                if channel and channel not in channels:
                    channels.append(channel)
        return [Recipient(CHANNEL, channel) for channel in channels]
    return []


def waits_for_opening(availability: Availability) -> bool:
    """Closed, with a known opening: only those on call may be asked now; everyone else when the unit opens."""
    return not availability.open_now and availability.next_opening is not None


def on_duty(found: Iterable[Recipient], availability: Availability) -> list[Recipient]:
    """Those of *found* who are at work now: all while the unit is open (or its hours are unknown), after hours
    only the people on call — never an off-duty socionom's chat or the unit's channel."""
    if not waits_for_opening(availability):
        return list(found)
    on_call = {c.teams_user_id for c in availability.on_call if c.teams_user_id}
    return [r for r in found if r.kind == USER and r.target_id in on_call]


def role_of(route: RouteDecision, user_id: str) -> str:
    """The role the routing table gives *user_id* ("" when unknown)."""
    for found in route.contacts:
        if found.contact.teams_user_id == user_id and found.contact.role:
            return found.contact.role
    return ""


def district_name(route: RouteDecision) -> str | None:
    """The district's name from the route, if known."""
    return route.district.name if route.district is not None else None


def district_id(route: RouteDecision) -> str | None:
    """The district's id from the route, if known."""
    return route.district.id if route.district is not None else None


def unit_ids(route: RouteDecision) -> list[str]:
    """The units whose people get the request."""
    found: list[str] = []
    for contact in people(route):
        if contact.unit.id and contact.unit.id not in found:
            found.append(contact.unit.id)
    return found


def socialjour_phone(route: RouteDecision) -> str | None:
    """The first socialjour phone number in the route."""
    return next((unit.unit.phone for unit in route.after_hours.socialjour if unit.unit.phone), None)


def intake_units(route: RouteDecision) -> list[UnitRoute]:
    """The district's intake units (mottagning Barn och unga) for a report."""
    return list(route.report.units)


def early_support_units(route: RouteDecision) -> list[UnitRoute]:
    """Early-support units for the family."""
    return list(route.early_support)


def urgency(note: Mapping[str, Any], route: RouteDecision) -> str:
    """How urgent the request is for the offer card: acute, high (a report is likely) or normal."""
    if note.get("acute") or note.get("outcome") == "acute" or route.outcome == "acute":
        return "acute"
    if note.get("outcome") == "report" or route.outcome == "report":
        return "high"
    return "normal"
