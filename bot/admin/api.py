"""The JSON API under /admin/api/: one route table, registered on the app and described in OpenAPI."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.admin import signin

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class ApiRoute:
    """One API operation: method, path (relative to /admin/api), handler, and its OpenAPI description."""

    method: str
    path: str
    handler: Handler
    name: str
    summary: str
    tag: str
    body: dict[str, Any] | None = None  # JSON schema of the request body
    query: tuple[str, ...] = ()
    responses: dict[str, str] = field(default_factory=dict)


async def openapi_json(request: web.Request) -> web.StreamResponse:
    """GET /admin/api/openapi.json: the OpenAPI 3 description of every API route."""
    from bot.admin.openapi import document

    return web.json_response(document(ROUTES, prefix=str(request.app.router["index"].url_for()) + "api"))


ROUTES: list[ApiRoute] = [
    ApiRoute("GET", "/openapi.json", openapi_json, "api.openapi", "This document", "meta"),
    ApiRoute("POST", "/session", signin.api_session_open, "api.session_open",
             "Sign in with a local account; returns the CSRF token", "session",
             body={"type": "object", "required": ["username", "password"],
                   "properties": {"username": {"type": "string"}, "password": {"type": "string"}}},
             responses={"200": "Signed in", "401": "Wrong name or password", "415": "Not JSON",
                        "429": "Too many attempts (see Retry-After)"}),
    ApiRoute("GET", "/session", signin.api_session, "api.session", "Who is signed in, and the CSRF token",
             "session"),
    ApiRoute("DELETE", "/session", signin.api_session_close, "api.session_close", "Sign out", "session"),
]


def register(app: web.Application) -> None:
    """Add every route of the API table under /api."""
    for route in ROUTES:
        app.router.add_route(route.method, "/api" + route.path, route.handler, name=route.name)
