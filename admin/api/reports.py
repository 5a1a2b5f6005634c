"""What the API reports about the routing and its use: the validation report, a route test, the statistics."""

from __future__ import annotations

from aiohttp import web

from admin.api.errors import json_errors
from admin.api.openapi import ApiRoute
from admin.inputs import iso_date, json_body, optional_text, parse_when
from admin.keys import ADMIN, PRINCIPAL
from admin.roles import ForbiddenError
from admin.statistics import Report
from admin.statistics import report as statistics_report


@json_errors
async def validation(request: web.Request) -> web.StreamResponse:
    """GET /validation: the routing's gaps."""
    return web.json_response(await request.app[ADMIN].directory(request).validation_report(request[PRINCIPAL]))


@json_errors
async def route_test(request: web.Request) -> web.StreamResponse:
    """POST /route-test: preschool text + concern + time → the decision and its trace."""
    body = await json_body(request)
    result = await request.app[ADMIN].directory(request).route_test(
        request[PRINCIPAL], preschool=optional_text(body, "preschool") or "",
        concern=optional_text(body, "concern") or None, at=parse_when(body.get("at")),
        district=optional_text(body, "district") or None, outcome=optional_text(body, "outcome") or None)
    return web.json_response(result)


async def _statistics(request: web.Request) -> Report:
    principal = request[PRINCIPAL]
    district = principal.statistics_district()
    asked = request.query.get("district") or None
    if district is None:
        district = asked
    elif asked and asked != district:
        raise ForbiddenError("statistics")
    return await statistics_report(request.app[ADMIN].statistics(request),
                                   since=iso_date(request.query.get("since"), "since"),
                                   until=iso_date(request.query.get("until"), "until"), district_id=district)


@json_errors
async def statistics(request: web.Request) -> web.StreamResponse:
    """GET /statistics: aggregates only, every count under 5 shown as "<5"."""
    return web.json_response((await _statistics(request)).to_dict())


@json_errors
async def statistics_csv(request: web.Request) -> web.StreamResponse:
    """GET /statistics.csv: the same tables as CSV."""
    return web.Response(text=(await _statistics(request)).to_csv(), content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="samrad-statistik.csv"'})


ROUTES = [
    ApiRoute("GET", "/validation", validation, "api.validation", "The routing validation report", "routing"),
    ApiRoute("POST", "/route-test", route_test, "api.route_test",
             "Test a route: preschool text + concern + time → decision and trace", "routing",
             body={"type": "object", "required": ["preschool"], "properties": {
                 "preschool": {"type": "string"}, "concern": {"type": "string"},
                 "at": {"type": "string", "description": "2026-03-04T14:30 (Stockholm time when naive)"},
                 "district": {"type": "string"}, "outcome": {"type": "string"}}}),
    ApiRoute("GET", "/statistics", statistics, "api.statistics",
             "Aggregated statistics; counts under 5 shown as <5", "statistics", query=("since", "until", "district")),
    ApiRoute("GET", "/statistics.csv", statistics_csv, "api.statistics_csv", "Statistics as CSV", "statistics",
             query=("since", "until", "district")),
]
