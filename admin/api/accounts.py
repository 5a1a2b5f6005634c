"""Sessions and accounts through the API: sign in and out (handled by `admin.signin`), the audit log, the users."""

from __future__ import annotations

from aiohttp import web

from admin import signin
from admin.api.errors import json_errors
from admin.api.openapi import ApiRoute
from admin.keys import ADMIN, PRINCIPAL


@json_errors
async def audit_log(request: web.Request) -> web.StreamResponse:
    """GET /audit: sign-ins and account changes, newest first (admins)."""
    request[PRINCIPAL].require_admin()
    entries = await request.app[ADMIN].accounts(request).audit_log(
        actor=request.query.get("actor") or None, event=request.query.get("event") or None)
    return web.json_response({"entries": [e.to_dict() for e in entries]})


@json_errors
async def list_users(request: web.Request) -> web.StreamResponse:
    """GET /users: the administration's accounts (admins)."""
    request[PRINCIPAL].require_admin()
    return web.json_response({"users": [a.to_dict() for a in await request.app[ADMIN].accounts(request).users()]})


SESSION_ROUTES = [
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
ROUTES = [
    ApiRoute("GET", "/audit", audit_log, "api.audit", "Sign-ins and account changes (admins)", "accounts",
             query=("actor", "event")),
    ApiRoute("GET", "/users", list_users, "api.users", "Accounts (admins)", "accounts"),
]
