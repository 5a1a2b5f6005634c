"""The API's one translation of domain errors into HTTP answers, with JSON bodies clients can act on."""

from __future__ import annotations

import functools
import json
from typing import Any

from aiohttp import web

from admin import text
from admin.api.openapi import Handler
from admin.directory import NotFoundError
from admin.inputs import BadRequestError
from admin.roles import ForbiddenError
from routing.codecs import ImportTooLargeError
from routing.errors import RoutingValidationError


def validation_errors(error: RoutingValidationError) -> list[dict[str, Any]]:
    """Field errors as JSON: field, code and detail (for programs), message (in words), location ("file:line")."""
    return [{"field": e.field, "code": str(e.code), "detail": dict(e.detail), "message": text.field_problem(e),
             "location": e.location} for e in error.errors]


def _readable(value: Any) -> str:
    """JSON with Swedish letters as letters (the messages are read by people, in logs and terminals too)."""
    return json.dumps(value, ensure_ascii=False)


def json_errors(handler: Handler) -> Handler:
    """Translate domain errors into HTTP answers: 403, 404, 400, 413, 422 with every field error."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except ForbiddenError:
            return web.json_response({"error": "forbidden", "message": text.FORBIDDEN}, status=403)
        except NotFoundError:
            return web.json_response({"error": "not_found"}, status=404)
        except BadRequestError as error:
            return web.json_response({"error": "bad_request", "message": str(error)}, status=400)
        except ImportTooLargeError as error:
            message = text.IMPORT_TOO_MANY_ROWS.format(rows=text.IMPORT_MORE_THAN.format(limit=error.limit),
                                                       limit=error.limit)
            return web.json_response({"error": "too_many_rows", "limit": error.limit, "message": message},
                                     status=413)
        except RoutingValidationError as error:
            return web.json_response({"error": "validation", "errors": validation_errors(error)}, status=422,
                                     dumps=_readable)

    return wrapped
