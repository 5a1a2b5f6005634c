"""The routing tables through the API: their fields, their records (one generic handler per operation), changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from admin.api.errors import json_errors
from admin.api.openapi import ApiRoute, Handler
from admin.directory import DirectoryAdmin
from admin.inputs import flag, json_body
from admin.keys import ADMIN, PRINCIPAL
from admin.resources import RESOURCES
from admin.roles import Role

# A DirectoryAdmin method, called with the principal, the table, the record id (when the path has one) and the
# JSON body (when the operation reads one).
RecordCall = Callable[..., Awaitable[Any]]


def _record(record: Any) -> dict[str, Any]:
    return {"record": record}


async def list_tables(request: web.Request) -> web.StreamResponse:
    """GET /tables: the routing tables with their fields."""
    principal = request[PRINCIPAL]
    return web.json_response({"tables": [
        {"name": r.slug, "label": r.label, "has_active": r.has_active,
         "writable": principal.is_admin or (principal.role is Role.DISTRICT_EDITOR
                                            and principal.can_write(r.slug, principal.district_id)),
         "fields": [{"name": f.name, "label": f.label, "kind": f.kind, "required": f.required} for f in r.fields]}
        for r in RESOURCES.values()]})


@json_errors
async def list_records(request: web.Request) -> web.StreamResponse:
    """GET /tables/{table}: records the caller may read (?q=, ?district=, ?without_district=true)."""
    records = await request.app[ADMIN].directory(request).records(
        request[PRINCIPAL], request.match_info["table"], query=request.query.get("q", ""),
        district=request.query.get("district", ""), without_district=flag(request.query.get("without_district")))
    return web.json_response({"records": records})


def record_operation(call: RecordCall, *, reply: Callable[[Any], dict[str, Any]] = _record, reads_body: bool = False,
                     changes_routing: bool = False, status: int = 200) -> Handler:
    """The handler of one operation on a record: *call* as the signed-in person, tell the bot when the routing
    changed, answer with *reply* of the result."""

    @json_errors
    async def operate(request: web.Request) -> web.StreamResponse:
        arguments: list[Any] = [request[PRINCIPAL], request.match_info["table"]]
        if "record_id" in request.match_info:
            arguments.append(request.match_info["record_id"])
        if reads_body:
            arguments.append(await json_body(request))
        result = await call(request.app[ADMIN].directory(request), *arguments)
        if changes_routing:
            await request.app[ADMIN].routing_changed(request)
        return web.json_response(reply(result), status=status)

    return operate


@json_errors
async def recent_changes(request: web.Request) -> web.StreamResponse:
    """GET /changes: the newest routing changes (admins)."""
    return web.json_response({"changes": await request.app[ADMIN].directory(request).recent_changes(
        request[PRINCIPAL])})


_RECORD = {"type": "object", "additionalProperties": True,
           "description": "Field values of the table's record (see GET /tables)."}
_EDIT = {"200": "OK", "400": "Not a JSON object, or control characters in the address",
         "401": "Not signed in", "403": "Role or CSRF token does not allow this",
         "404": "No such table or record", "422": "Validation errors, each with field, code, detail and message"}

ROUTES = [
    ApiRoute("GET", "/tables", list_tables, "api.tables", "The routing tables and their fields", "tables"),
    ApiRoute("GET", "/tables/{table}", list_records, "api.records", "Records of a table", "tables",
             query=("q", "district", "without_district"), responses=_EDIT),
    ApiRoute("POST", "/tables/{table}",
             record_operation(DirectoryAdmin.create, reads_body=True, changes_routing=True, status=201),
             "api.record_create", "Add a record", "tables", body=_RECORD, responses=_EDIT | {"201": "Created"}),
    ApiRoute("GET", "/tables/{table}/{record_id}", record_operation(DirectoryAdmin.get), "api.record", "One record",
             "tables", responses=_EDIT),
    ApiRoute("PATCH", "/tables/{table}/{record_id}",
             record_operation(DirectoryAdmin.update, reads_body=True, changes_routing=True), "api.record_update",
             "Change fields of a record", "tables", body=_RECORD, responses=_EDIT),
    ApiRoute("DELETE", "/tables/{table}/{record_id}",
             record_operation(DirectoryAdmin.deactivate, changes_routing=True,
                              reply=lambda record: {"record": record, "deleted": record is None}),
             "api.record_deactivate", "Deactivate a record (delete it when the table has no active flag)", "tables",
             responses=_EDIT),
    ApiRoute("GET", "/tables/{table}/{record_id}/history",
             record_operation(DirectoryAdmin.history, reply=lambda changes: {"changes": changes}),
             "api.record_history", "A record's history: who, when, before, after", "tables", responses=_EDIT),
    ApiRoute("GET", "/changes", recent_changes, "api.changes", "The newest routing changes (admins)", "tables"),
]
