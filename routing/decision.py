"""The decision "who should this consultation go to, now", with a reason code for every entry and a trace."""

from __future__ import annotations

from datetime import datetime

from routing.holiday import day_type
from routing.model import (
    EARLY_SUPPORT_KINDS,
    STOCKHOLM,
    Directory,
    District,
    Preschool,
    Unit,
    UnitKind,
    stockholm_time,
)
from routing.route import (
    AfterHours,
    ContactRoute,
    DistrictRef,
    PreschoolRef,
    Reason,
    ReasonCode,
    ReportRoute,
    RouteDecision,
    Step,
    StepCode,
    UnitRoute,
    iso,
)

ESERVICE_URL = "https://etjanster.stockholm.se/Orosanmalan/"
ACUTE_NUMBER = "112"
DEFAULT_UNIT_KINDS = (UnitKind.SOCIONOM, UnitKind.MOTTAGNING)


def _unit_route(unit: Unit, at: datetime, directory: Directory, *extra: Reason) -> UnitRoute:
    open_now = directory.is_open(unit.id, at)
    upcoming = None if open_now else directory.next_opening(unit.id, at)
    reasons = [*extra, Reason(ReasonCode.AVAILABLE_NOW if open_now else ReasonCode.UNIT_CLOSED)]
    if unit.district_id is None:
        reasons.append(Reason(ReasonCode.CITY_WIDE))
    return UnitRoute(unit, open_now, upcoming, tuple(reasons))


def _contact_routes(units: list[Unit], at: datetime, directory: Directory) -> list[ContactRoute]:
    """Contacts of *units* in unit order then priority, plus anyone on call for them now."""
    on_call = {s.contact_id: s for s in directory.on_call_at(at, [u.id for u in units])}
    routes: list[ContactRoute] = []
    seen: set[str] = set()
    for unit in units:
        open_now = directory.is_open(unit.id, at)
        listed = directory.contacts_of(unit.id)
        extra = [directory.contact(s.contact_id) for s in on_call.values() if s.unit_id == unit.id]
        for contact in [*listed, *(c for c in extra if c is not None and c.active and c not in listed)]:
            if contact.id in seen:
                continue
            seen.add(contact.id)
            reasons: list[Reason] = []
            if unit.kind == UnitKind.SOCIONOM and unit.district_id is not None and contact.priority == 1:
                reasons.append(Reason(ReasonCode.SOCIONOM_FIRST))
            else:
                reasons.append(Reason(ReasonCode.FIRST_CHOICE if contact.priority == 1 else ReasonCode.BACKUP))
            if unit.district_id is None:
                reasons.append(Reason(ReasonCode.CITY_WIDE))
            on_shift = contact.id in on_call
            if on_shift:
                reasons.append(Reason(ReasonCode.ON_CALL))
            reasons.append(Reason(ReasonCode.AVAILABLE_NOW if open_now or on_shift else ReasonCode.UNIT_CLOSED))
            routes.append(ContactRoute(contact, unit, open_now or on_shift, on_shift, tuple(reasons)))
    return routes


def decide_route(preschool: Preschool | None, concern: str | None, at: datetime | None,
                 directory: Directory, *, district: District | None = None,
                 outcome: str | None = None, eservice_url: str = ESERVICE_URL) -> RouteDecision:
    """Route a consultation about a child at *preschool* with *concern* at time *at* (None = now).

    *district* (asked in the dialog) wins over the preschool's registered district.
    """
    at = stockholm_time(at) if at is not None else datetime.now(STOCKHOLM)
    trace = [Step(StepCode.TIME, {"at": iso(at)})]
    reasons: list[Reason] = []

    registered = directory.district(preschool.district_id) if preschool is not None else None
    if preschool is None:
        reasons.append(Reason(ReasonCode.NO_PRESCHOOL))
        trace.append(Step(StepCode.NO_PRESCHOOL))
    else:
        trace.append(Step(StepCode.PRESCHOOL, {"id": preschool.id, "name": preschool.name,
                                               "registered": registered.name if registered else None}))
    if district is not None:
        reasons.append(Reason(ReasonCode.DISTRICT_GIVEN, district.name))
        if registered is not None and registered.id != district.id:
            reasons.append(Reason(ReasonCode.DISTRICT_DIFFERS, registered.name))
        trace.append(Step(StepCode.DISTRICT_GIVEN, {"name": district.name}))
    elif registered is not None:
        district = registered
        reasons.append(Reason(ReasonCode.DISTRICT_FROM_PRESCHOOL, district.name))
        trace.append(Step(StepCode.DISTRICT_FROM_PRESCHOOL, {"name": district.name}))
    else:
        reasons.append(Reason(ReasonCode.UNKNOWN_DISTRICT))
        trace.append(Step(StepCode.DISTRICT_UNKNOWN))

    rule = directory.rule_for(concern, outcome)
    kinds = rule.unit_kinds if rule is not None else DEFAULT_UNIT_KINDS
    kind_names = [str(kind) for kind in kinds]
    if rule is not None:
        reasons.append(Reason(ReasonCode.RULE, f"{rule.concern}/{rule.outcome}"))
        trace.append(Step(StepCode.RULE, {"id": rule.id, "concern": rule.concern, "outcome": rule.outcome,
                                          "kinds": kind_names}))
    else:
        reasons.append(Reason(ReasonCode.DEFAULT_RULE))
        trace.append(Step(StepCode.DEFAULT_RULE, {"concern": concern, "outcome": outcome, "kinds": kind_names}))

    district_id = district.id if district is not None else None
    units: list[Unit] = []
    for kind in kinds:
        found = (directory.units_of(kind, district_id) if district_id else []) + directory.units_of(kind, None)
        units.extend(found)
        trace.append(Step(StepCode.UNITS, {"kind": str(kind), "names": [u.name for u in found]}))
    contacts = _contact_routes(units, at, directory)
    if district_id and not any(c.unit.kind == UnitKind.SOCIONOM and c.unit.district_id == district_id
                               for c in contacts) and UnitKind.SOCIONOM in kinds:
        reasons.append(Reason(ReasonCode.NO_SOCIONOM, district.name if district else None))
        trace.append(Step(StepCode.NO_SOCIONOM))
    if not contacts:
        reasons.append(Reason(ReasonCode.NO_CONTACTS))
    trace.append(Step(StepCode.CONTACTS, {"count": len(contacts),
                                          "available": sum(c.available_now for c in contacts)}))

    family = outcome == "support" or concern == "family_support"
    early_reason = Reason(ReasonCode.RECOMMENDED_FOR_FAMILY if family else ReasonCode.EARLY_SUPPORT)
    early = tuple(
        _unit_route(unit, at, directory, early_reason)
        for kind in EARLY_SUPPORT_KINDS for unit in (directory.units_of(kind, district_id) if district_id else [])
    )
    trace.append(Step(StepCode.EARLY_SUPPORT, {"count": len(early)}))

    intake = tuple(_unit_route(u, at, directory, Reason(ReasonCode.REPORT_TO_MOTTAGNING))
                   for u in (directory.units_of(UnitKind.MOTTAGNING, district_id) if district_id else []))
    report_reasons = [Reason(ReasonCode.REPORT_ESERVICE), Reason(ReasonCode.REPORT_WHERE_CHILD_LIVES)]
    if district_id is None:
        report_reasons.append(Reason(ReasonCode.REPORT_DISTRICT_UNKNOWN))
    report = ReportRoute(eservice_url, intake, tuple(report_reasons))
    trace.append(Step(StepCode.REPORT, {"intake": len(intake)}))

    after = _after_hours(at, [u for u in units if u.district_id is not None], directory, outcome)
    trace.append(Step(StepCode.OFFICE, {"open": after.open_now, "next_opening": iso(after.next_opening),
                                        "socialjour": len(after.socialjour)}))
    return RouteDecision(at, None if preschool is None else PreschoolRef.of(preschool),
                         None if district is None else DistrictRef.of(district), concern, outcome, tuple(kinds),
                         tuple(contacts), early, report, after, tuple(reasons), tuple(trace))


def _after_hours(at: datetime, office_units: list[Unit], directory: Directory,
                 outcome: str | None) -> AfterHours:
    reasons: list[Reason] = []
    kind = day_type(at.date())
    if kind.closed:
        reasons.append(Reason(ReasonCode.HOLIDAY, kind.name))
    elif kind.short:
        reasons.append(Reason(ReasonCode.SHORT_DAY))
    open_now = any(directory.is_open(u.id, at) for u in office_units)
    upcoming: datetime | None = None
    if open_now:
        reasons.append(Reason(ReasonCode.OFFICE_OPEN))
    else:
        reasons.append(Reason(ReasonCode.OFFICE_CLOSED))
        openings = [t for u in office_units if (t := directory.next_opening(u.id, at)) is not None]
        upcoming = min(openings, default=None)
        reasons.append(Reason(ReasonCode.NEXT_OPENING, iso(upcoming)) if upcoming
                       else Reason(ReasonCode.NO_NEXT_OPENING))
    jour_units = directory.units_of(UnitKind.SOCIALJOUR, None)
    jour = tuple(_unit_route(u, at, directory, Reason(ReasonCode.SOCIALJOUR)) for u in jour_units)
    if not jour:
        reasons.append(Reason(ReasonCode.NO_SOCIALJOUR))
    jour_contacts = tuple(_contact_routes(jour_units, at, directory))
    if outcome == "acute":
        reasons.append(Reason(ReasonCode.ACUTE_NOW))
    reasons.append(Reason(ReasonCode.ACUTE_CALL_112))
    return AfterHours(open_now, upcoming, jour, jour_contacts, ACUTE_NUMBER, tuple(reasons))
