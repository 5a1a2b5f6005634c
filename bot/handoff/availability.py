"""Whether a request's units are open, when they open next and who is on call, for the handoff's timing."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.handoff import plan
from bot.handoff.ports import DirectorySource
from routing.model import Contact
from routing.route import RouteDecision

log = logging.getLogger(__name__)


async def availability_of(routing: DirectorySource, route: RouteDecision, now: datetime) -> plan.Availability:
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
        on_call: list[Contact] = []
        for shift in directory.on_call_at(now, units):
            contact = directory.contact(shift.contact_id)
            if contact is not None and contact.active:
                on_call.append(contact)
        return plan.Availability(open_now, None if open_now else min(openings, default=None), tuple(on_call))
    after = route.after_hours
    stored_on_call = tuple(c.contact for c in plan.people(route) if c.on_call)
    return plan.Availability(after.open_now, after.next_opening, stored_on_call)
