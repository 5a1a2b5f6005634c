"""The API's route table entries and the OpenAPI 3 document generated from them."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from admin import text

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")
_DEFAULT_RESPONSES = {"200": "OK", "401": "Not signed in", "403": "Role does not allow this or CSRF token missing"}


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


def openapi_path(path: str) -> str:
    """An aiohttp path (`/tables/{table}/{id:\\d+}`) in OpenAPI form (`/tables/{table}/{id}`)."""
    return _PARAM.sub(lambda m: "{" + m.group(1) + "}", path)


def document(routes: Iterable[ApiRoute], *, prefix: str = "/admin/api") -> dict[str, Any]:
    """The OpenAPI 3.0 document for *routes*, served under *prefix*."""
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        path = openapi_path(route.path)
        operation: dict[str, Any] = {
            "operationId": route.name.removeprefix("api.").replace(".", "_"),
            "summary": route.summary,
            "tags": [route.tag],
            "responses": {code: {"description": text}
                          for code, text in (route.responses or _DEFAULT_RESPONSES).items()},
        }
        parameters = [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                      for name in _PARAM.findall(route.path)]
        parameters += [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
                       for name in route.query]
        if parameters:
            operation["parameters"] = parameters
        if route.body is not None:
            operation["requestBody"] = {"required": True,
                                        "content": {"application/json": {"schema": route.body}}}
        if route.method not in {"GET", "HEAD"} and route.name != "api.session_open":
            operation["security"] = [{"session": [], "csrf": []}]
        paths.setdefault(path, {})[route.method.lower()] = operation
    return {
        "openapi": "3.0.3",
        "info": {"title": f"{text.PRODUCT} administration API", "version": "1",
                 "description": "Sign in with POST /session, then send the session cookie and, on every "
                                "unsafe method, the X-CSRF-Token header from the sign-in answer."},
        "servers": [{"url": prefix}],
        "components": {"securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "samrad_admin"},
            "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}}},
        "security": [{"session": []}],
        "paths": paths,
    }
