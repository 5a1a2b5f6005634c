"""The dialogs' use of RoutingService in one place: finding the place, deciding the route, listing contacts."""

from __future__ import annotations

from typing import Any

from dialogs.ports import DialogServices

MAX_CANDIDATES = 5
# Route reasons worth telling a staff member (the rest are for administrators' "test a route" view).
SHOWN_ROUTE_REASONS = ("office_closed", "holiday", "no_socionom")


async def districts(services: DialogServices) -> list[dict[str, Any]]:
    """Active districts as plain dicts for a choice card."""
    directory = await services.routing.directory()
    return [{"id": d.id, "name": d.name, "aliases": list(d.aliases)} for d in directory.districts if d.active]


async def district_name(services: DialogServices, district_id: str | None) -> str | None:
    """The district's display name, or None."""
    if district_id is None:
        return None
    directory = await services.routing.directory()
    district = directory.district(district_id)
    return district.name if district is not None else None


async def decide(services: DialogServices, place: dict[str, Any], *, concern: str | None = None,
                 outcome: str | None = None) -> dict[str, Any]:
    """The route for *place* now, as the plain dict the dialogs keep."""
    decision = await services.routing.decide(preschool_id=place.get("preschool_id"),
                                             district_id=place.get("district_id"), concern=concern,
                                             outcome=outcome, at=services.clock())
    return decision.to_dict()


def entries(route: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Every contact in a route as {kind, name, phone, email, open_now}, socionom first, no duplicates.

    A unit listed with its own opening hours (intake, socialjouren, early support) is one entry with the unit's
    number; a person registered at such a unit is the same door, so it is not listed a second time.
    """
    if not route:
        return []
    found: list[dict[str, Any]] = []
    after = route.get("after_hours") or {}
    report = route.get("report") or {}
    units = [*(report.get("units") or []), *(after.get("socialjour") or []), *(route.get("early_support") or [])]
    listed_units = {unit.get("id") for unit in units if unit.get("id")}
    for contact in route.get("contacts") or []:
        unit = contact.get("unit") or {}
        if unit.get("id") in listed_units:
            continue
        name = ", ".join(filter(None, [contact.get("name"), unit.get("name")]))
        found.append({"kind": unit.get("kind"), "name": name,
                      "phone": contact.get("phone") or unit.get("phone"), "email": contact.get("email"),
                      "open_now": contact.get("available_now"), "next_opening": after.get("next_opening")})
    for unit in units:
        found.append({"kind": unit.get("kind"), "name": unit.get("name"), "phone": unit.get("phone"),
                      "email": unit.get("email"), "open_now": unit.get("open_now"),
                      "next_opening": unit.get("next_opening")})
    unique: dict[tuple[Any, Any], dict[str, Any]] = {}
    for entry in found:
        unique.setdefault((entry["kind"], entry["name"]), entry)
    return list(unique.values())


def route_district_name(route: dict[str, Any] | None) -> str | None:
    """The district named by a route, or None."""
    district = (route or {}).get("district")
    return district.get("name") if district else None


def shown_reasons(route: dict[str, Any] | None) -> list[str]:
    """The route's reason codes a staff member should see."""
    codes = [r.get("code") for r in (route or {}).get("reasons") or []]
    codes += [r.get("code") for r in ((route or {}).get("after_hours") or {}).get("reasons") or []]
    return [code for code in SHOWN_ROUTE_REASONS if code in codes]


def can_hand_off(route: dict[str, Any] | None) -> bool:
    """Whether the route names someone a handoff request can be sent to through Teams, now or when they open.

    Outside office hours the request is kept and offered to whoever is on call, else at the next opening;
    so the time of day does not matter here, only that there is a socionom (or a unit channel) to ask.
    """
    for contact in (route or {}).get("contacts") or []:
        unit = contact.get("unit") or {}
        if unit.get("kind") == "socialjour":
            continue
        if contact.get("teams_user_id") or contact.get("teams_channel_id") or unit.get("teams_channel_id"):
            return True
    return False
