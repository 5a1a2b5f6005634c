"""The OpenAPI 3 document of the administration API, generated from its route table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from admin.api import ApiRoute

_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")
_DEFAULT_RESPONSES = {"200": "OK", "401": "Not signed in", "403": "Role does not allow this or CSRF token missing"}


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
        "info": {"title": "Samråd administration API", "version": "1",
                 "description": "Sign in with POST /session, then send the session cookie and, on every "
                                "unsafe method, the X-CSRF-Token header from the sign-in answer."},
        "servers": [{"url": prefix}],
        "components": {"securitySchemes": {
            "session": {"type": "apiKey", "in": "cookie", "name": "samrad_admin"},
            "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}}},
        "security": [{"session": []}],
        "paths": paths,
    }
