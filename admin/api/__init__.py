"""The JSON API under /admin/api/: one route table, gathered from a module per resource group, registered on the
app and described in OpenAPI (`admin.api.openapi`)."""

from __future__ import annotations

from aiohttp import web

from admin.api import accounts, files, handoffs, records, reports
from admin.api.openapi import ApiRoute, document


async def openapi_json(request: web.Request) -> web.StreamResponse:
    """GET /openapi.json: the OpenAPI 3 description of every API route."""
    return web.json_response(document(ROUTES, prefix=str(request.app.router["index"].url_for()) + "api"))


ROUTES: list[ApiRoute] = [
    ApiRoute("GET", "/openapi.json", openapi_json, "api.openapi", "This document", "meta"),
    *accounts.SESSION_ROUTES,
    *records.ROUTES,
    *files.ROUTES,
    *reports.ROUTES,
    *handoffs.ROUTES,
    *accounts.ROUTES,
]


def register(app: web.Application) -> None:
    """Add every route of the API table under /api."""
    for route in ROUTES:
        app.router.add_route(route.method, "/api" + route.path, route.handler, name=route.name)
