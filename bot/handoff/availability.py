"""Whether a request's units are open, when they open next and who is on call, for the handoff's timing."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.handoff import plan
from bot.handoff.ports import DirectorySource

log = logging.getLogger(__name__)


async def availability_of(routing: DirectorySource, route: Mapping[str, Any], now: datetime) -> plan.Availability:
    """Open now / next opening / on call now, from a fresh Directory when routing can give one."""
    units = plan.unit_ids(route)
    directory = None
    try:
        directory = await routing.directory()
    except Exception as error:  # routing unavailable: fall back to the decision stored with the request
        log.warning("routing directory unavailable", extra={"event": "handoff_directory_unavailable",
                                                            "error_type": type(error).__name__})
    if directory is not None and units:
        open_now = any(directory.is_open(unit_id, now) for unit_id in units)
        openings = [t for u in units if (t := directory.next_opening(u, now)) is not None]
        on_call: list[Mapping[str, Any]] = []
        for shift in directory.on_call_at(now, units):
            contact = directory.contact(shift.contact_id)
            if contact is not None and contact.active:
                on_call.append({"name": contact.name, "role": contact.role,
                                "teams_user_id": contact.teams_user_id, "priority": contact.priority})
        return plan.Availability(open_now, None if open_now else min(openings, default=None), tuple(on_call))
    after = route.get("after_hours") or {}
    next_opening = after.get("next_opening")
    stored_on_call = tuple(c for c in plan.people(route)
                           if any(r.get("code") == "on_call" for r in c.get("reasons") or []))
    return plan.Availability(bool(after.get("open_now", True)),
                             datetime.fromisoformat(next_opening) if next_opening else None, stored_on_call)
