"""Handoffs (ärenden) through the API: metadata and timelines only, limited to what the caller may see."""

from __future__ import annotations

from aiohttp import web

from admin.api.errors import json_errors
from admin.api.openapi import ApiRoute
from admin.inputs import handoff_filters, handoff_page
from admin.keys import ADMIN, PRINCIPAL


@json_errors
async def list_handoffs(request: web.Request) -> web.StreamResponse:
    """GET /handoffs: the newest handoffs the caller may see, a page at a time (metadata only, never text)."""
    found = await request.app[ADMIN].handoffs(request).page(request[PRINCIPAL], page=handoff_page(request.query),
                                                            **handoff_filters(request.query))
    return web.json_response(found.to_dict())


@json_errors
async def get_handoff(request: web.Request) -> web.StreamResponse:
    """GET /handoffs/{handoff_id}: one handoff's metadata and timeline; 404 outside the caller's district."""
    detail = await request.app[ADMIN].handoffs(request).get(request[PRINCIPAL], request.match_info["handoff_id"])
    return web.json_response(detail.to_dict())


ROUTES = [
    ApiRoute("GET", "/handoffs", list_handoffs, "api.handoffs",
             "Handoffs: metadata only; admins all, others their own district", "handoffs",
             query=("district", "state", "mine", "from", "to", "page"),
             responses={"200": "OK", "400": "Unknown state, a bad date or page", "401": "Not signed in",
                        "403": "Another district than the caller's own"}),
    ApiRoute("GET", "/handoffs/{handoff_id}", get_handoff, "api.handoff",
             "One handoff's metadata and its timeline of events, by its admin reference", "handoffs",
             responses={"200": "OK", "401": "Not signed in",
                        "404": "No such handoff, or it belongs to another district"}),
]
