"""The dialogs' use of RoutingService in one place: finding the place and deciding the route.

What a decision says to a staff member (its contacts, district, reasons) is read in dialogs/route_view.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs.ports import DialogServices
from routing.route import RouteDecision

MAX_CANDIDATES = 5


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


async def decide(services: DialogServices, place: Mapping[str, Any] | None, *, concern: str | None = None,
                 outcome: str | None = None) -> RouteDecision:
    """The route for *place* now (without a place, the city-wide one); dialog state keeps its `to_dict()`."""
    place = place or {}
    return await services.routing.decide(preschool_id=place.get("preschool_id"),
                                         district_id=place.get("district_id"), concern=concern,
                                         outcome=outcome, at=services.clock())
