"""The JSON API under /admin/api/: one route table, registered on the app and described in OpenAPI."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from aiohttp import web

from admin import signin, text
from admin.directory import NotFound
from admin.inputs import BadRequest, optional_text, parse_json
from admin.keys import ADMIN, PRINCIPAL
from admin.roles import Forbidden, Role
from admin.statistics import report as statistics_report
from routing.codecs import ImportFile, ImportTooLargeError
from routing.errors import RoutingValidationError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
IMPORT_MAX_FILES = 20
# Route-test times outside these years cannot be converted to Stockholm time everywhere (year 1, 9999).
ROUTE_TEST_YEARS = (1900, 2200)


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


def validation_errors(error: RoutingValidationError) -> list[dict[str, str]]:
    """Field errors as JSON: field, message, location ("file:line" for imports)."""
    return [{"field": e.field, "message": e.message, "location": e.location} for e in error.errors]


def json_errors(handler: Handler) -> Handler:
    """Translate domain errors into HTTP answers: 403, 404, 400, 422 with every field error."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except Forbidden:
            return web.json_response({"error": "forbidden", "message": "Din roll får inte göra detta."}, status=403)
        except NotFound:
            return web.json_response({"error": "not_found"}, status=404)
        except BadRequest as error:
            return web.json_response({"error": "bad_request", "message": str(error)}, status=400)
        except ImportTooLargeError as error:
            return web.json_response({"error": "too_many_rows", "limit": error.limit, "message":
                                      text.IMPORT_TOO_MANY_ROWS.format(rows=f"fler än {error.limit}",
                                                                       limit=error.limit)}, status=413)
        except RoutingValidationError as error:
            return web.json_response({"error": "validation", "errors": validation_errors(error)}, status=422)

    return wrapped


async def _json_body(request: web.Request) -> dict[str, Any]:
    body = parse_json(await request.read())
    if not isinstance(body, dict):
        raise BadRequest(text.JSON_OBJECT_EXPECTED)
    return body


def _flag(value: str | None) -> bool:
    return (value or "").lower() in {"1", "true", "ja", "yes", "on"}


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} ska vara ett datum som 2026-03-01") from None


# -- tables -----------------------------------------------------------------------------------------------
async def list_tables(request: web.Request) -> web.StreamResponse:
    """GET /tables: the routing tables with their fields."""
    from admin.resources import RESOURCES

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
        district=request.query.get("district", ""), without_district=_flag(request.query.get("without_district")))
    return web.json_response({"records": records})


@json_errors
async def create_record(request: web.Request) -> web.StreamResponse:
    """POST /tables/{table}: add a record."""
    record = await request.app[ADMIN].directory(request).create(
        request[PRINCIPAL], request.match_info["table"], await _json_body(request))
    await request.app[ADMIN].routing_changed(request)
    return web.json_response({"record": record}, status=201)


@json_errors
async def get_record(request: web.Request) -> web.StreamResponse:
    """GET /tables/{table}/{record_id}: one record."""
    record = await request.app[ADMIN].directory(request).get(
        request[PRINCIPAL], request.match_info["table"], request.match_info["record_id"])
    return web.json_response({"record": record})


@json_errors
async def update_record(request: web.Request) -> web.StreamResponse:
    """PATCH /tables/{table}/{record_id}: change some fields."""
    record = await request.app[ADMIN].directory(request).update(
        request[PRINCIPAL], request.match_info["table"], request.match_info["record_id"],
        await _json_body(request))
    await request.app[ADMIN].routing_changed(request)
    return web.json_response({"record": record})


@json_errors
async def deactivate_record(request: web.Request) -> web.StreamResponse:
    """DELETE /tables/{table}/{record_id}: deactivate (or, without an active flag, delete) a record."""
    record = await request.app[ADMIN].directory(request).deactivate(
        request[PRINCIPAL], request.match_info["table"], request.match_info["record_id"])
    await request.app[ADMIN].routing_changed(request)
    return web.json_response({"record": record, "deleted": record is None})


@json_errors
async def record_history(request: web.Request) -> web.StreamResponse:
    """GET /tables/{table}/{record_id}/history: who changed it, when, before and after."""
    changes = await request.app[ADMIN].directory(request).history(
        request[PRINCIPAL], request.match_info["table"], request.match_info["record_id"])
    return web.json_response({"changes": changes})


@json_errors
async def recent_changes(request: web.Request) -> web.StreamResponse:
    """GET /changes: the newest routing changes (admins)."""
    return web.json_response({"changes": await request.app[ADMIN].directory(request).recent_changes(
        request[PRINCIPAL])})


# -- import / export --------------------------------------------------------------------------------------
async def _import(request: web.Request, *, commit: bool) -> web.StreamResponse:
    body = await _json_body(request)
    files = body.get("files")
    if not isinstance(files, list) or not files or len(files) > IMPORT_MAX_FILES:
        raise BadRequest(f"files ska vara en lista med 1–{IMPORT_MAX_FILES} filer: {{name, text}}")
    uploads = []
    for item in files:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("text"), str):
            raise BadRequest("varje fil ska ha name och text")
        uploads.append(ImportFile(item["name"], item["text"]))
    summary = await request.app[ADMIN].directory(request).import_files(request[PRINCIPAL], uploads, commit=commit)
    if commit:
        await request.app[ADMIN].routing_changed(request)
    return web.json_response({"committed": commit, "summary": summary.to_dict()})


@json_errors
async def import_preview(request: web.Request) -> web.StreamResponse:
    """POST /import/preview: what an import would change (nothing is written)."""
    return await _import(request, commit=False)


@json_errors
async def import_commit(request: web.Request) -> web.StreamResponse:
    """POST /import: apply an import all-or-nothing."""
    return await _import(request, commit=True)


@json_errors
async def export_bundle(request: web.Request) -> web.StreamResponse:
    """GET /export: every table as one JSON bundle."""
    bundle = await request.app[ADMIN].directory(request).export_json(request[PRINCIPAL])
    return web.json_response(bundle, headers={"Content-Disposition": 'attachment; filename="samrad-routing.json"'})


@json_errors
async def export_table_csv(request: web.Request) -> web.StreamResponse:
    """GET /export/{table}.csv: one table as CSV."""
    files = await request.app[ADMIN].directory(request).export_csv(request[PRINCIPAL])
    name = f"{request.match_info['table']}.csv"
    if name not in files:
        raise NotFound(name)
    return web.Response(text=files[name], content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- validation, route test, statistics, audit ------------------------------------------------------------
@json_errors
async def validation(request: web.Request) -> web.StreamResponse:
    """GET /validation: the routing's gaps."""
    return web.json_response(await request.app[ADMIN].directory(request).validation_report(request[PRINCIPAL]))


def parse_when(value: object) -> datetime | None:
    """A "2026-03-04T14:30" time (Stockholm local when naive) between 1900 and 2200, or None for now."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRequest("at ska vara en tid som 2026-03-04T14:30")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest("at ska vara en tid som 2026-03-04T14:30") from None
    first, last = ROUTE_TEST_YEARS
    if not first <= when.year <= last:
        raise BadRequest(f"at ska ligga mellan år {first} och {last}")
    return when


@json_errors
async def route_test(request: web.Request) -> web.StreamResponse:
    """POST /route-test: preschool text + concern + time → the decision and its trace."""
    body = await _json_body(request)
    result = await request.app[ADMIN].directory(request).route_test(
        request[PRINCIPAL], preschool=optional_text(body, "preschool") or "",
        concern=optional_text(body, "concern") or None, at=parse_when(body.get("at")),
        district=optional_text(body, "district") or None, outcome=optional_text(body, "outcome") or None)
    return web.json_response(result)


async def _statistics(request: web.Request):  # type: ignore[no-untyped-def]
    principal = request[PRINCIPAL]
    district = principal.statistics_district()
    asked = request.query.get("district") or None
    if district is None:
        district = asked
    elif asked and asked != district:
        raise Forbidden("statistics")
    return await statistics_report(request.app[ADMIN].statistics(request),
                                   since=_date(request.query.get("since"), "since"),
                                   until=_date(request.query.get("until"), "until"), district_id=district)


@json_errors
async def statistics(request: web.Request) -> web.StreamResponse:
    """GET /statistics: aggregates only, every count under 5 shown as "<5"."""
    return web.json_response((await _statistics(request)).to_dict())


@json_errors
async def statistics_csv(request: web.Request) -> web.StreamResponse:
    """GET /statistics.csv: the same tables as CSV."""
    return web.Response(text=(await _statistics(request)).to_csv(), content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="samrad-statistik.csv"'})


# -- handoffs (ärenden) -----------------------------------------------------------------------------------
def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} ska vara ett datum som 2026-03-04") from None


def handoff_filters(query: Any) -> dict[str, Any]:
    """The list filters from a query string: district, state, `mine` (also `mina`), `from` and `to` (days)."""
    from admin.handoffs import STATES

    state = query.get("state") or None
    if state and state not in STATES:
        raise BadRequest(f"state ska vara något av {', '.join(STATES)}")
    since, until = _day(query.get("from"), "from"), _day(query.get("to"), "to")
    if since is not None and until is not None and since > until:
        raise BadRequest("from ska vara samma dag som eller före to")
    return {"district": query.get("district") or None, "state": state,
            "mine": _flag(query.get("mine")) or _flag(query.get("mina")), "since": since, "until": until}


def handoff_page(query: Any) -> int:
    """The page number asked for (from 1)."""
    raw = query.get("page") or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise BadRequest("page ska vara ett heltal från 1")
    return int(raw)


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


async def openapi_json(request: web.Request) -> web.StreamResponse:
    """GET /openapi.json: the OpenAPI 3 description of every API route."""
    from admin.openapi import document

    return web.json_response(document(ROUTES, prefix=str(request.app.router["index"].url_for()) + "api"))


_RECORD = {"type": "object", "additionalProperties": True,
           "description": "Field values of the table's record (see GET /tables)."}
_FILES = {"type": "object", "required": ["files"], "properties": {"files": {"type": "array", "items": {
    "type": "object", "required": ["name", "text"],
    "properties": {"name": {"type": "string", "description": "contacts.csv, … or bundle.json"},
                   "text": {"type": "string"}}}}}}
_EDIT = {"200": "OK", "400": "Not a JSON object, or control characters in the address",
         "401": "Not signed in", "403": "Role or CSRF token does not allow this",
         "404": "No such table or record", "422": "Validation errors, each with field and message"}
_IMPORT = {"200": "Summary: created, updated, unchanged per table", "400": "Not JSON, or files not a list",
           "401": "Not signed in", "403": "Admins only, or CSRF token missing",
           "413": "More rows than an import may hold (20,000), or a body over 6 MiB",
           "422": "Every bad row with its file:line location"}

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
    ApiRoute("GET", "/tables", list_tables, "api.tables", "The routing tables and their fields", "tables"),
    ApiRoute("GET", "/tables/{table}", list_records, "api.records", "Records of a table", "tables",
             query=("q", "district", "without_district"), responses=_EDIT),
    ApiRoute("POST", "/tables/{table}", create_record, "api.record_create", "Add a record", "tables",
             body=_RECORD, responses=_EDIT | {"201": "Created"}),
    ApiRoute("GET", "/tables/{table}/{record_id}", get_record, "api.record", "One record", "tables",
             responses=_EDIT),
    ApiRoute("PATCH", "/tables/{table}/{record_id}", update_record, "api.record_update",
             "Change fields of a record", "tables", body=_RECORD, responses=_EDIT),
    ApiRoute("DELETE", "/tables/{table}/{record_id}", deactivate_record, "api.record_deactivate",
             "Deactivate a record (delete it when the table has no active flag)", "tables", responses=_EDIT),
    ApiRoute("GET", "/tables/{table}/{record_id}/history", record_history, "api.record_history",
             "A record's history: who, when, before, after", "tables", responses=_EDIT),
    ApiRoute("GET", "/changes", recent_changes, "api.changes", "The newest routing changes (admins)", "tables"),
    ApiRoute("POST", "/import/preview", import_preview, "api.import_preview",
             "Dry run: what an import would change", "import", body=_FILES, responses=_IMPORT),
    ApiRoute("POST", "/import", import_commit, "api.import_commit", "Import all-or-nothing", "import", body=_FILES,
             responses=_IMPORT),
    ApiRoute("GET", "/export", export_bundle, "api.export", "Every table as a JSON bundle", "import"),
    ApiRoute("GET", "/export/{table}.csv", export_table_csv, "api.export_csv", "One table as CSV", "import"),
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
    ApiRoute("GET", "/handoffs", list_handoffs, "api.handoffs",
             "Handoffs (ärenden): metadata only; admins all, others their own district", "handoffs",
             query=("district", "state", "mine", "from", "to", "page"),
             responses={"200": "OK", "400": "Unknown state, a bad date or page", "401": "Not signed in",
                        "403": "Another district than the caller's own"}),
    ApiRoute("GET", "/handoffs/{handoff_id}", get_handoff, "api.handoff",
             "One handoff's metadata and its timeline of events, by its admin reference", "handoffs",
             responses={"200": "OK", "401": "Not signed in",
                        "404": "No such handoff, or it belongs to another district"}),
    ApiRoute("GET", "/audit", audit_log, "api.audit", "Sign-ins and account changes (admins)", "accounts",
             query=("actor", "event")),
    ApiRoute("GET", "/users", list_users, "api.users", "Accounts (admins)", "accounts"),
]


def register(app: web.Application) -> None:
    """Add every route of the API table under /api."""
    for route in ROUTES:
        app.router.add_route(route.method, "/api" + route.path, route.handler, name=route.name)
