"""Who gets the request at each escalation stage, and whether the office is open — from the routing decision.

Pure functions over the JSON route (`RouteDecision.to_dict()`) plus, when available, a fresh routing
`Directory` for the time the timer fires (opening hours and on-call shifts change while a request waits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.handoff.model import TargetKind

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
    on_call: tuple[Mapping[str, Any], ...] = ()


def people(route: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The route's contacts who can take a consultation: the district's socionoms, else any non-jour contact."""
    contacts = [c for c in route.get("contacts") or [] if (c.get("unit") or {}).get("kind") != "socialjour"]
    socionoms = [c for c in contacts if (c.get("unit") or {}).get("kind") == "socionom"]
    return socionoms or contacts


def _users(contacts: Iterable[Mapping[str, Any]]) -> list[Recipient]:
    found: dict[str, Recipient] = {}
    for contact in contacts:
        user_id = contact.get("teams_user_id")
        if user_id and user_id not in found:
            found[user_id] = Recipient(USER, user_id, contact.get("name") or "", contact.get("role") or "")
    return list(found.values())


def recipients(route: Mapping[str, Any], stage: int, availability: Availability) -> list[Recipient]:
    """Who gets the offer at *stage*: first choice (or on-call when closed), then backups, then channels."""
    staff = people(route)
    with_user = [c for c in staff if c.get("teams_user_id")]
    first = min((int(c.get("priority") or 1) for c in with_user), default=1)
    primaries = [c for c in with_user if int(c.get("priority") or 1) == first]
    if stage == FIRST:
        if not availability.open_now and availability.on_call:
            return _users(availability.on_call)
        return _users(primaries)
    if stage == BACKUP:
        backups = [c for c in with_user if int(c.get("priority") or 1) > first]
        return _users([*backups, *availability.on_call, *primaries])
    if stage == CHANNELS:
        channels: list[str] = []
        for contact in staff:
            for channel in ((contact.get("unit") or {}).get("teams_channel_id"), contact.get("teams_channel_id")):
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
    on_call = {c.get("teams_user_id") for c in availability.on_call if c.get("teams_user_id")}
    return [r for r in found if r.kind == USER and r.target_id in on_call]


def role_of(route: Mapping[str, Any], user_id: str) -> str:
    """The role the routing table gives *user_id* ("" when unknown)."""
    for contact in route.get("contacts") or []:
        if contact.get("teams_user_id") == user_id and contact.get("role"):
            return str(contact["role"])
    return ""


def district_name(route: Mapping[str, Any]) -> str | None:
    """The district's name from the route, if known."""
    district = route.get("district") or {}
    return district.get("name") if isinstance(district, Mapping) else None


def district_id(route: Mapping[str, Any]) -> str | None:
    """The district's id from the route, if known."""
    district = route.get("district") or {}
    return district.get("id") if isinstance(district, Mapping) else None


def unit_ids(route: Mapping[str, Any]) -> list[str]:
    """The units whose people get the request."""
    found: list[str] = []
    for contact in people(route):
        unit_id = (contact.get("unit") or {}).get("id")
        if unit_id and unit_id not in found:
            found.append(unit_id)
    return found


def socialjour_phone(route: Mapping[str, Any]) -> str | None:
    """The first socialjour phone number in the route."""
    for unit in (route.get("after_hours") or {}).get("socialjour") or []:
        if unit.get("phone"):
            return str(unit["phone"])
    return None


def intake_units(route: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The district's intake units (mottagning Barn och unga) for a report."""
    return list((route.get("report") or {}).get("units") or [])


def early_support_units(route: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Early-support units for the family."""
    return list(route.get("early_support") or [])


def urgency(note: Mapping[str, Any], route: Mapping[str, Any]) -> str:
    """How urgent the request is for the offer card: acute, high (a report is likely) or normal."""
    if note.get("acute") or note.get("outcome") == "acute" or route.get("outcome") == "acute":
        return "acute"
    if note.get("outcome") == "report" or route.get("outcome") == "report":
        return "high"
    return "normal"
