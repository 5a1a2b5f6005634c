"""Pages that report: the start page (validation report, recent changes), the route test, the statistics and the
audit log."""

from __future__ import annotations

import json

from aiohttp import web

from admin import text
from admin.inputs import BadRequestError, iso_date, parse_when
from admin.keys import ADMIN, PRINCIPAL
from admin.render import page_errors, render
from admin.statistics import report as statistics_report


@page_errors
async def index(request: web.Request) -> web.StreamResponse:
    """GET /admin/: the start page with the routing validation report."""
    directory = request.app[ADMIN].directory(request)
    principal = request[PRINCIPAL]
    changes = await directory.recent_changes(principal, limit=15) if principal.is_admin else []
    return render(request, "index.html", {"report": await directory.validation_report(principal),
                                          "changes": changes})


@page_errors
async def route_test(request: web.Request) -> web.StreamResponse:
    """GET/POST /admin/testa: preschool text + concern + time → decision and trace."""
    values = {"preschool": "", "concern": "", "at": "", "district": "", "outcome": ""}
    result = None
    error = None
    if request.method == "POST":
        form = await request.post()
        values = {name: str(form.get(name) or "").strip() for name in values}
        try:
            result = await request.app[ADMIN].directory(request).route_test(
                request[PRINCIPAL], preschool=values["preschool"], concern=values["concern"] or None,
                at=parse_when(values["at"]), district=values["district"] or None,
                outcome=values["outcome"] or None)
        except BadRequestError as problem:
            error = str(problem)
    return render(request, "route_test.html", {"values": values, "result": result, "error": error,
                                               "result_json": json.dumps(result, ensure_ascii=False, indent=2)
                                               if result else ""})


@page_errors
async def statistics(request: web.Request) -> web.StreamResponse:
    """GET /admin/statistik: the evaluation's aggregates (counts under 5 shown as "<5")."""
    principal = request[PRINCIPAL]
    district = principal.statistics_district() or (request.query.get("district") or None)
    since = iso_date(request.query.get("since"), "since", message=text.DATE_FORMAT)
    until = iso_date(request.query.get("until"), "until", message=text.DATE_FORMAT)
    result = await statistics_report(request.app[ADMIN].statistics(request), since=since, until=until,
                                     district_id=district)
    choices = await request.app[ADMIN].directory(request).choices()
    return render(request, "statistics.html", {"report": result, "districts": choices["district_id"],
                                               "query": request.query_string, "district": district or "",
                                               "since": request.query.get("since", ""),
                                               "until": request.query.get("until", "")})


@page_errors
async def audit(request: web.Request) -> web.StreamResponse:
    """GET /admin/logg: sign-ins and account changes."""
    request[PRINCIPAL].require_admin()
    entries = await request.app[ADMIN].accounts(request).audit_log(limit=200)
    return render(request, "audit.html", {"entries": entries})
