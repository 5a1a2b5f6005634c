"""The route decision as a typed value: stable codes with structured detail, and its plain form for storage.

Dialog state and the handoff row keep `RouteDecision.to_dict()`; `RouteDecision.from_dict` reads it back, and
reads any stored form without failing: a part it cannot read (a code or unit kind this version does not know, a
unit without a kind, a malformed time) is left out, as a missing part is. The wording of the codes lives at the
edges: `dialogs/text` (staff) and `admin/text.py` (administrators, the CLI).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from routing.model import Contact, District, Preschool, Unit, UnitKind
from routing.reasons import (
    Reason,
    ReasonCode,
    Step,
    StepCode,
    iso,
    read_code,
    read_each,
    read_mapping,
    read_time,
)

__all__ = ["AfterHours", "ContactRoute", "DistrictRef", "PreschoolRef", "Reason", "ReasonCode", "ReportRoute",
           "RouteDecision", "Step", "StepCode", "UnitRoute", "iso"]

def _reasons(data: Mapping[str, Any]) -> tuple[Reason, ...]:
    return read_each(data.get("reasons"), Reason.read)


def _unit_dict(unit: Unit) -> dict[str, Any]:
    return {"id": unit.id, "name": unit.name, "kind": str(unit.kind), "district_id": unit.district_id,
            "phone": unit.phone, "email": unit.email, "url": unit.url,
            "teams_channel_id": unit.teams_channel_id, "address": unit.address}


def _unit(data: Mapping[str, Any]) -> Unit | None:
    """The stored unit; None without a kind this version knows (a unit is routed by its kind)."""
    kind = read_code(UnitKind, data.get("kind"))
    if kind is None:
        return None
    # Only active units are routed, so the stored form leaves `active` out.
    return Unit(id=data.get("id") or "", name=data.get("name") or "", kind=kind,
                district_id=data.get("district_id"), phone=data.get("phone"), email=data.get("email"),
                url=data.get("url"), teams_channel_id=data.get("teams_channel_id"), address=data.get("address"))


def _priority(value: object) -> int:
    try:
        return int(str(value or 1))
    except ValueError:
        return 1


@dataclass(frozen=True)
class PreschoolRef:
    """The preschool a decision is about, as far as the decision shows it."""

    id: str
    name: str
    address: str = ""
    skolverket_id: str | None = None
    district_id: str | None = None

    @classmethod
    def of(cls, preschool: Preschool) -> PreschoolRef:
        """The reference to *preschool*."""
        return cls(preschool.id, preschool.name, preschool.address, preschool.skolverket_id, preschool.district_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"id": self.id, "name": self.name, "address": self.address, "skolverket_id": self.skolverket_id,
                "district_id": self.district_id}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PreschoolRef:
        """The reference `to_dict` wrote."""
        return cls(data.get("id") or "", data.get("name") or "", data.get("address") or "",
                   data.get("skolverket_id"), data.get("district_id"))


@dataclass(frozen=True)
class DistrictRef:
    """The district a decision routes in: its id and name."""

    id: str
    name: str

    @classmethod
    def of(cls, district: District) -> DistrictRef:
        """The reference to *district*."""
        return cls(district.id, district.name)

    def to_dict(self) -> dict[str, str]:
        """`{"id", "name"}`."""
        return {"id": self.id, "name": self.name}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DistrictRef:
        """The reference `to_dict` wrote."""
        return cls(data.get("id") or "", data.get("name") or "")


@dataclass(frozen=True)
class ContactRoute:
    """One person or channel to contact, at which unit, whether reachable now and whether on call now."""

    contact: Contact
    unit: Unit
    available_now: bool
    on_call: bool
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        c = self.contact
        return {"id": c.id, "name": c.name, "role": c.role, "priority": c.priority,
                "teams_user_id": c.teams_user_id, "teams_channel_id": c.teams_channel_id,
                "email": c.email, "phone": c.phone, "unit": _unit_dict(self.unit),
                "available_now": self.available_now, "on_call": self.on_call,
                "reasons": [r.to_dict() for r in self.reasons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContactRoute:
        """The route `to_dict` wrote."""
        found = cls.read(data)
        if found is None:
            raise ValueError("a contact route without a unit of a known kind")
        return found

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> ContactRoute | None:
        """The stored route, or None when its unit cannot be read."""
        unit = _unit(read_mapping(data.get("unit")))
        if unit is None:
            return None
        contact = Contact(id=data.get("id") or "", name=data.get("name") or "", unit_id=unit.id,
                          role=data.get("role") or "", teams_user_id=data.get("teams_user_id"),
                          teams_channel_id=data.get("teams_channel_id"), email=data.get("email"),
                          phone=data.get("phone"), priority=_priority(data.get("priority")))
        return cls(contact, unit, bool(data.get("available_now")), bool(data.get("on_call")), _reasons(data))


@dataclass(frozen=True)
class UnitRoute:
    """A unit to refer to, whether it is open now and when it next opens."""

    unit: Unit
    open_now: bool
    next_opening: datetime | None
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {**_unit_dict(self.unit), "open_now": self.open_now, "next_opening": iso(self.next_opening),
                "reasons": [r.to_dict() for r in self.reasons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UnitRoute:
        """The route `to_dict` wrote."""
        found = cls.read(data)
        if found is None:
            raise ValueError("a unit route without a known kind")
        return found

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> UnitRoute | None:
        """The stored route, or None when its unit cannot be read."""
        unit = _unit(data)
        if unit is None:
            return None
        return cls(unit, bool(data.get("open_now")), read_time(data.get("next_opening")), _reasons(data))


def _kinds(values: object) -> tuple[UnitKind, ...]:
    if not isinstance(values, list | tuple):
        return ()
    return tuple(kind for value in values if (kind := read_code(UnitKind, value)) is not None)


def _unit_routes(data: object) -> tuple[UnitRoute, ...]:
    return read_each(data, UnitRoute.read)


def _contact_routes(data: object) -> tuple[ContactRoute, ...]:
    return read_each(data, ContactRoute.read)


@dataclass(frozen=True)
class ReportRoute:
    """Where a report of concern goes: the district's intake unit(s) and the city's e-service."""

    eservice_url: str
    units: tuple[UnitRoute, ...]
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"eservice_url": self.eservice_url, "units": [u.to_dict() for u in self.units],
                "reasons": [r.to_dict() for r in self.reasons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportRoute:
        """The route `to_dict` wrote."""
        return cls(data.get("eservice_url") or "", _unit_routes(data.get("units")), _reasons(data))


@dataclass(frozen=True)
class AfterHours:
    """Is the district's office open now, when it opens next, and who answers in the meantime."""

    open_now: bool
    next_opening: datetime | None
    socialjour: tuple[UnitRoute, ...]
    socialjour_contacts: tuple[ContactRoute, ...]
    acute_number: str
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"open_now": self.open_now, "next_opening": iso(self.next_opening),
                "socialjour": [u.to_dict() for u in self.socialjour],
                "socialjour_contacts": [c.to_dict() for c in self.socialjour_contacts],
                "acute_number": self.acute_number, "reasons": [r.to_dict() for r in self.reasons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AfterHours:
        """The advice `to_dict` wrote; without a stored answer the office counts as open (ask at once)."""
        return cls(bool(data.get("open_now", True)), read_time(data.get("next_opening")),
                   _unit_routes(data.get("socialjour")), _contact_routes(data.get("socialjour_contacts")),
                   data.get("acute_number") or "", _reasons(data))


@dataclass(frozen=True)
class RouteDecision:
    """Who to contact, early support, where a report goes, after-hours advice, and the steps taken.

    `at` is None only for a decision read back from a stored form that lacks it.
    """

    at: datetime | None
    preschool: PreschoolRef | None
    district: DistrictRef | None
    concern: str | None
    outcome: str | None
    unit_kinds: tuple[UnitKind, ...]
    contacts: tuple[ContactRoute, ...]
    early_support: tuple[UnitRoute, ...]
    report: ReportRoute
    after_hours: AfterHours
    reasons: tuple[Reason, ...]
    trace: tuple[Step, ...] = ()

    @property
    def district_known(self) -> bool:
        """False when the dialog must ask for the district."""
        return self.district is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: what dialogs keep in state, the handoff row stores and the CLI prints."""
        return {
            "at": iso(self.at),
            "preschool": None if self.preschool is None else self.preschool.to_dict(),
            "district": None if self.district is None else self.district.to_dict(),
            "district_known": self.district_known,
            "concern": self.concern,
            "outcome": self.outcome,
            "unit_kinds": [str(k) for k in self.unit_kinds],
            "contacts": [c.to_dict() for c in self.contacts],
            "early_support": [u.to_dict() for u in self.early_support],
            "report": self.report.to_dict(),
            "after_hours": self.after_hours.to_dict(),
            "reasons": [r.to_dict() for r in self.reasons],
            "trace": [s.to_dict() for s in self.trace],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RouteDecision:
        """The decision `to_dict` wrote; parts a stored form lacks, or that cannot be read, read as empty."""
        preschool, district = read_mapping(data.get("preschool")), read_mapping(data.get("district"))
        return cls(
            at=read_time(data.get("at")),
            preschool=PreschoolRef.from_dict(preschool) if preschool else None,
            district=DistrictRef.from_dict(district) if district else None,
            concern=data.get("concern"),
            outcome=data.get("outcome"),
            unit_kinds=_kinds(data.get("unit_kinds")),
            contacts=_contact_routes(data.get("contacts")),
            early_support=_unit_routes(data.get("early_support")),
            report=ReportRoute.from_dict(read_mapping(data.get("report"))),
            after_hours=AfterHours.from_dict(read_mapping(data.get("after_hours"))),
            reasons=_reasons(data),
            # A trace stored as text by an older version is left out.
            trace=read_each(data.get("trace"), Step.read),
        )
