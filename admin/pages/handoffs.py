"""Handoffs (ärenden) as pages: the newest the person may see, with filters, and one handoff's timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web

from admin import text
from admin.handoffs import PAGE_SIZE
from admin.inputs import handoff_filters, handoff_page
from admin.keys import ADMIN, PRINCIPAL
from admin.render import page_errors, render

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOTHING = "–"  # what a page shows for a missing value


def _label(labels: dict[str, str]) -> Callable[[str], str]:
    return lambda code: labels.get(code, code)


def _local_time(at: datetime | None) -> str:
    return at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") if at else NOTHING


def _labels() -> dict[str, Any]:
    """The words for the handoff codes, as the templates call them."""
    return {
        "state_label": lambda code: text.HANDOFF_STATES.get(code or "", code or NOTHING),
        "urgency_label": _label(text.URGENCIES),
        "category_label": _label(text.CATEGORIES),
        "outcome_label": lambda code: text.HANDOFF_OUTCOMES.get(code, code) if code else NOTHING,
        "actor_label": _label(text.ACTORS),
        "event_label": _label(text.EVENT_KINDS),
        "local_time": _local_time,
        "states": list(text.HANDOFF_STATES.items()),
    }


@page_errors
async def handoff_list(request: web.Request) -> web.StreamResponse:
    """GET /admin/arenden: the newest handoffs the person may see, with district, state and "mina" filters."""
    principal = request[PRINCIPAL]
    filters = handoff_filters(request.query)
    found = await request.app[ADMIN].handoffs(request).page(principal, page=handoff_page(request.query), **filters)
    choices = await request.app[ADMIN].directory(request).choices() if principal.is_admin else {}
    kept = {key: value for key, value in request.query.items() if key != "page" and value}
    return render(request, "handoffs.html", _labels() | {
        "handoffs": found.handoffs, "district": filters["district"] or "", "state": filters["state"] or "",
        "mine": filters["mine"], "districts": choices.get("district_id", []), "limit": PAGE_SIZE,
        "since": filters["since"].isoformat() if filters["since"] else "",
        "until": filters["until"].isoformat() if filters["until"] else "",
        "page": found.page, "has_next": found.has_next,
        "prev_query": urlencode({**kept, "page": found.page - 1}) if found.page > 1 else None,
        "next_query": urlencode({**kept, "page": found.page + 1}) if found.has_next else None})


@page_errors
async def handoff_detail(request: web.Request) -> web.StreamResponse:
    """GET /admin/arenden/{handoff_id}: one handoff's metadata and timeline (404 outside own district)."""
    detail = await request.app[ADMIN].handoffs(request).get(request[PRINCIPAL], request.match_info["handoff_id"])
    return render(request, "handoff.html", _labels() | {"handoff": detail.handoff, "events": detail.events})
