"""The decision "who should this consultation go to, now", with a reason for every entry and a trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from routing.holiday import day_type
from routing.model import (
    EARLY_SUPPORT_KINDS,
    STOCKHOLM,
    Contact,
    Directory,
    District,
    Preschool,
    Unit,
    UnitKind,
    stockholm_time,
)

ESERVICE_URL = "https://etjanster.stockholm.se/Orosanmalan/"
ACUTE_NUMBER = "112"
DEFAULT_UNIT_KINDS = (UnitKind.SOCIONOM, UnitKind.MOTTAGNING)

# Stable reason codes with a short Swedish explanation (shown in the admin "test a route" view).
REASONS: dict[str, str] = {
    "district_from_preschool": "Stadsdel enligt förskolans uppgifter.",
    "district_given": "Stadsdel angiven i samtalet.",
    "district_differs": "Angiven stadsdel skiljer sig från förskolans registrerade stadsdel.",
    "unknown_district": "Förskolan saknar stadsdel — fråga vilken stadsdel förskolan ligger i.",
    "no_preschool": "Ingen förskola vald.",
    "rule": "Ordningen kommer från en routingregel.",
    "default_rule": "Ingen regel passade; standardordningen används (socionom först).",
    "socionom_first": "Socionom i förskolan i stadsdelen — kontakta först.",
    "first_choice": "Förstahandskontakt för enheten.",
    "backup": "Reserv om förstahandskontakten inte svarar.",
    "city_wide": "Stadsövergripande enhet.",
    "on_call": "I beredskap just nu.",
    "available_now": "Enheten har öppet nu.",
    "unit_closed": "Enheten har stängt just nu.",
    "no_socionom": "Stadsdelen saknar aktiv socionom i förskolan.",
    "no_contacts": "Ingen kontakt hittades för den här vägen.",
    "early_support": "Tidigt stöd som familjen kan erbjudas.",
    "recommended_for_family": "Rekommenderas för familjen utifrån bedömningen.",
    "report_to_mottagning": "Mottagning Barn och unga tar emot orosanmälningar för barn som bor i stadsdelen.",
    "report_eservice": "Bor barnet i Stockholms stad kan orosanmälan göras i stadens e-tjänst.",
    "report_where_child_lives": "Anmälan görs där barnet bor — det kan vara en annan stadsdel än förskolans.",
    "report_district_unknown": "Stadsdel okänd — använd e-tjänsten. Anmälan görs där barnet bor.",
    "office_open": "Kontorstid: enheten har öppet nu.",
    "office_closed": "Utanför kontorstid — vid brådskande oro: ring socialjouren.",
    "holiday": "Helgdag eller afton: kontoren har stängt.",
    "short_day": "Dag före helgdag: kortare öppettider.",
    "next_opening": "Nästa öppning.",
    "no_next_opening": "Ingen känd öppning de närmaste veckorna.",
    "socialjour": "Socialjouren tar brådskande ärenden utanför kontorstid.",
    "no_socialjour": "Ingen socialjour finns registrerad.",
    "acute_call_112": "Är barnet i akut fara — ring 112 nu.",
    "acute_now": "Bedömningen är akut: ring 112 först, sedan socialtjänsten (socialjouren utanför kontorstid).",
}


@dataclass(frozen=True)
class Reason:
    """A stable code with its short Swedish explanation."""

    code: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """`{"code", "text"}`."""
        return {"code": self.code, "text": self.text}


def reason(code: str, detail: str | None = None) -> Reason:
    """The `Reason` for *code*, with an optional detail appended to its text."""
    text = REASONS[code]
    return Reason(code, f"{text} ({detail})" if detail else text)


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(STOCKHOLM).isoformat()


def _unit_dict(unit: Unit) -> dict[str, Any]:
    return {"id": unit.id, "name": unit.name, "kind": str(unit.kind), "district_id": unit.district_id,
            "phone": unit.phone, "email": unit.email, "url": unit.url,
            "teams_channel_id": unit.teams_channel_id, "address": unit.address}


@dataclass(frozen=True)
class ContactRoute:
    """One person or channel to contact, at which unit, and whether reachable now."""

    contact: Contact
    unit: Unit
    available_now: bool
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        c = self.contact
        return {"id": c.id, "name": c.name, "role": c.role, "priority": c.priority,
                "teams_user_id": c.teams_user_id, "teams_channel_id": c.teams_channel_id,
                "email": c.email, "phone": c.phone, "unit": _unit_dict(self.unit),
                "available_now": self.available_now, "reasons": [r.to_dict() for r in self.reasons]}


@dataclass(frozen=True)
class UnitRoute:
    """A unit to refer to, whether it is open now and when it next opens."""

    unit: Unit
    open_now: bool
    next_opening: datetime | None
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {**_unit_dict(self.unit), "open_now": self.open_now, "next_opening": _iso(self.next_opening),
                "reasons": [r.to_dict() for r in self.reasons]}


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
        return {"open_now": self.open_now, "next_opening": _iso(self.next_opening),
                "socialjour": [u.to_dict() for u in self.socialjour],
                "socialjour_contacts": [c.to_dict() for c in self.socialjour_contacts],
                "acute_number": self.acute_number, "reasons": [r.to_dict() for r in self.reasons]}


@dataclass(frozen=True)
class RouteDecision:
    """Who to contact, early support, where a report goes, after-hours advice, and the steps taken."""

    at: datetime
    preschool: Preschool | None
    district: District | None
    concern: str | None
    outcome: str | None
    unit_kinds: tuple[UnitKind, ...]
    contacts: tuple[ContactRoute, ...]
    early_support: tuple[UnitRoute, ...]
    report: ReportRoute
    after_hours: AfterHours
    reasons: tuple[Reason, ...]
    trace: list[str] = field(default_factory=list)

    @property
    def district_known(self) -> bool:
        """False when the dialog must ask for the district."""
        return self.district is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: what dialogs keep in state and what the CLI prints."""
        p = self.preschool
        return {
            "at": _iso(self.at),
            "preschool": None if p is None else {"id": p.id, "name": p.name, "address": p.address,
                                                 "skolverket_id": p.skolverket_id, "district_id": p.district_id},
            "district": None if self.district is None else {"id": self.district.id, "name": self.district.name},
            "district_known": self.district_known,
            "concern": self.concern,
            "outcome": self.outcome,
            "unit_kinds": [str(k) for k in self.unit_kinds],
            "contacts": [c.to_dict() for c in self.contacts],
            "early_support": [u.to_dict() for u in self.early_support],
            "report": self.report.to_dict(),
            "after_hours": self.after_hours.to_dict(),
            "reasons": [r.to_dict() for r in self.reasons],
            "trace": list(self.trace),
        }


def _unit_route(unit: Unit, at: datetime, directory: Directory, *extra: Reason) -> UnitRoute:
    open_now = directory.is_open(unit.id, at)
    upcoming = None if open_now else directory.next_opening(unit.id, at)
    reasons = [*extra, reason("available_now" if open_now else "unit_closed")]
    if unit.district_id is None:
        reasons.append(reason("city_wide"))
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
                reasons.append(reason("socionom_first"))
            else:
                reasons.append(reason("first_choice" if contact.priority == 1 else "backup"))
            if unit.district_id is None:
                reasons.append(reason("city_wide"))
            on_shift = contact.id in on_call
            if on_shift:
                reasons.append(reason("on_call"))
            reasons.append(reason("available_now" if open_now or on_shift else "unit_closed"))
            routes.append(ContactRoute(contact, unit, open_now or on_shift, tuple(reasons)))
    return routes


def decide_route(preschool: Preschool | None, concern: str | None, at: datetime | None,
                 directory: Directory, *, district: District | None = None,
                 outcome: str | None = None, eservice_url: str = ESERVICE_URL) -> RouteDecision:
    """Route a consultation about a child at *preschool* with *concern* at time *at* (None = now).

    *district* (asked in the dialog) wins over the preschool's registered district.
    """
    at = stockholm_time(at) if at is not None else datetime.now(STOCKHOLM)
    trace = [f"tid: {at.isoformat()} (Europe/Stockholm)"]
    reasons: list[Reason] = []

    registered = directory.district(preschool.district_id) if preschool is not None else None
    if preschool is None:
        reasons.append(reason("no_preschool"))
        trace.append("förskola: ingen vald")
    else:
        trace.append(f"förskola: {preschool.name} ({preschool.id}), registrerad stadsdel: "
                     f"{registered.name if registered else 'saknas'}")
    if district is not None:
        reasons.append(reason("district_given", district.name))
        if registered is not None and registered.id != district.id:
            reasons.append(reason("district_differs", registered.name))
        trace.append(f"stadsdel: {district.name} (angiven)")
    elif registered is not None:
        district = registered
        reasons.append(reason("district_from_preschool", district.name))
        trace.append(f"stadsdel: {district.name} (från förskolan)")
    else:
        reasons.append(reason("unknown_district"))
        trace.append("stadsdel: okänd — dialogen behöver fråga")

    rule = directory.rule_for(concern, outcome)
    kinds = rule.unit_kinds if rule is not None else DEFAULT_UNIT_KINDS
    if rule is not None:
        reasons.append(reason("rule", f"{rule.concern}/{rule.outcome}"))
        trace.append(f"regel {rule.id}: ({rule.concern}, {rule.outcome}) → {', '.join(kinds)}")
    else:
        reasons.append(reason("default_rule"))
        trace.append(f"ingen regel för ({concern or '*'}, {outcome or '*'}); standard → {', '.join(kinds)}")

    district_id = district.id if district is not None else None
    units: list[Unit] = []
    for kind in kinds:
        found = (directory.units_of(kind, district_id) if district_id else []) + directory.units_of(kind, None)
        units.extend(found)
        trace.append(f"enheter {kind}: {', '.join(u.name for u in found) or 'inga'}")
    contacts = _contact_routes(units, at, directory)
    if district_id and not any(c.unit.kind == UnitKind.SOCIONOM and c.unit.district_id == district_id
                               for c in contacts) and UnitKind.SOCIONOM in kinds:
        reasons.append(reason("no_socionom", district.name if district else None))
        trace.append("ingen aktiv socionom i förskolan i stadsdelen")
    if not contacts:
        reasons.append(reason("no_contacts"))
    trace.append(f"kontakter: {len(contacts)}, tillgängliga nu: {sum(c.available_now for c in contacts)}")

    family = outcome == "support" or concern == "family_support"
    early = tuple(
        _unit_route(unit, at, directory, reason("recommended_for_family" if family else "early_support"))
        for kind in EARLY_SUPPORT_KINDS for unit in (directory.units_of(kind, district_id) if district_id else [])
    )
    trace.append(f"tidigt stöd: {len(early)} enheter")

    intake = tuple(_unit_route(u, at, directory, reason("report_to_mottagning"))
                   for u in (directory.units_of(UnitKind.MOTTAGNING, district_id) if district_id else []))
    report_reasons = [reason("report_eservice"), reason("report_where_child_lives")]
    if district_id is None:
        report_reasons.append(reason("report_district_unknown"))
    report = ReportRoute(eservice_url, intake, tuple(report_reasons))
    trace.append(f"anmälan: e-tjänst + {len(intake)} mottagning(ar); gäller där barnet bor")

    after = _after_hours(at, [u for u in units if u.district_id is not None], directory, outcome)
    trace.append(f"kontorstid: {'öppet' if after.open_now else 'stängt'}"
                 + ("" if after.open_now else f", nästa öppning {_iso(after.next_opening) or 'okänd'}")
                 + f", socialjour: {len(after.socialjour)}")
    return RouteDecision(at, preschool, district, concern, outcome, tuple(kinds), tuple(contacts), early,
                         report, after, tuple(reasons), trace)


def _after_hours(at: datetime, office_units: list[Unit], directory: Directory,
                 outcome: str | None) -> AfterHours:
    reasons: list[Reason] = []
    kind = day_type(at.date())
    if kind.closed:
        reasons.append(reason("holiday", kind.name))
    elif kind.short:
        reasons.append(reason("short_day"))
    open_now = any(directory.is_open(u.id, at) for u in office_units)
    upcoming: datetime | None = None
    if open_now:
        reasons.append(reason("office_open"))
    else:
        reasons.append(reason("office_closed"))
        openings = [t for u in office_units if (t := directory.next_opening(u.id, at)) is not None]
        upcoming = min(openings, default=None)
        reasons.append(reason("next_opening", _iso(upcoming)) if upcoming else reason("no_next_opening"))
    jour_units = directory.units_of(UnitKind.SOCIALJOUR, None)
    jour = tuple(_unit_route(u, at, directory, reason("socialjour")) for u in jour_units)
    if not jour:
        reasons.append(reason("no_socialjour"))
    jour_contacts = tuple(_contact_routes(jour_units, at, directory))
    if outcome == "acute":
        reasons.append(reason("acute_now"))
    reasons.append(reason("acute_call_112"))
    return AfterHours(open_now, upcoming, jour, jour_contacts, ACUTE_NUMBER, tuple(reasons))
