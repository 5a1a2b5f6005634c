"""Server-rendered pages under /admin/: they read the request, call the domain, and render or redirect."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from admin import text
from admin.api import BadRequest, handoff_filters, handoff_page, parse_when
from admin.directory import NotFound
from admin.handoffs import PAGE_SIZE
from admin.keys import ADMIN, PRINCIPAL, SESSION
from admin.render import render
from admin.resources import RESOURCES, Resource
from admin.roles import Forbidden, Role
from admin.statistics import report as statistics_report
from dialogs.text import text_for
from routing.codecs import ImportFile, ImportTooLargeError
from routing.errors import RoutingValidationError

ROLE_LABELS = {Role.ADMIN: "administratör", Role.DISTRICT_EDITOR: "stadsdelsredaktör", Role.SOCIONOM: "socionom"}
IMPORT_MAX_BYTES = 5 * 1024 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# (route name, label, admin only) in the order of the navigation bar.
NAV = (
    ("index", "Start", False),
    ("table_list:districts", "Stadsdelar", False),
    ("table_list:preschools", "Förskolor", False),
    ("table_list:units", "Enheter", False),
    ("table_list:contacts", "Kontakter", False),
    ("table_list:opening_hours", "Öppettider", False),
    ("table_list:hours_exceptions", "Undantag", False),
    ("table_list:on_call", "Jour", False),
    ("table_list:rules", "Regler", False),
    ("import_page", "Import", True),
    ("export", "Export", False),
    ("route_test", "Testa vägval", False),
    ("handoffs", "Ärenden", False),
    ("statistics", "Statistik", False),
    ("audit", "Logg", True),
)


def _nav(request: web.Request, principal: Any) -> list[dict[str, Any]]:
    items = []
    router = request.app.router
    for name, label, admin_only in NAV:
        route_name, _, table = name.partition(":")
        if route_name not in router or (admin_only and not principal.is_admin):
            continue
        if route_name == "export" and principal.role is Role.SOCIONOM:
            continue
        href = str(router[route_name].url_for(**({"table": table} if table else {})))
        current = request.path == href or ((bool(table) or route_name == "handoffs")
                                           and request.path.startswith(href.rstrip("/") + "/"))
        items.append({"href": href, "label": label, "current": current})
    return items


def base_context(request: web.Request) -> dict[str, Any]:
    """What every template may use: the person, the CSRF token, the navigation, the mount point."""
    principal = request.get(PRINCIPAL)
    session = request.get(SESSION)
    root = str(request.app.router["index"].url_for())
    return {
        "principal": principal,
        "role_label": ROLE_LABELS.get(principal.role, "") if principal else "",
        "csrf_token": session.csrf_token if session else "",
        "nav": _nav(request, principal) if principal else [],
        "root": root,
        "static_url": root + "static/",
        "notice": "Ändringen är sparad." if request.query.get("sparat") else None,
    }


def page_errors(handler: Handler) -> Handler:
    """Translate domain errors into error pages: 403 for a role that may not, 404 for what does not exist."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except Forbidden:
            return render(request, "error.html", {"title": "Inte tillåtet",
                                                  "message": "Din roll får inte göra detta."}, status=403)
        except NotFound:
            return render(request, "error.html", {"title": "Finns inte",
                                                  "message": "Sidan eller posten finns inte."}, status=404)
        except BadRequest as error:
            return render(request, "error.html", {"title": "Felaktig uppgift", "message": str(error)}, status=400)

    return wrapped


def _resource(request: web.Request) -> Resource:
    found = RESOURCES.get(request.match_info["table"])
    if found is None:
        raise NotFound(request.match_info["table"])
    return found


def _field_value(kind: str, value: Any) -> str:
    """A record value as an HTML input value."""
    if value is None:
        return ""
    if kind == "list":
        return "\n".join(value)
    if kind == "datetime":
        return str(value)[:16]
    return str(value)


def _form_values(resource: Resource, form: Any, *, include_id: bool) -> dict[str, Any]:
    """Form fields as the store's raw values (checkboxes → true/false, lines → lists)."""
    values: dict[str, Any] = {}
    for field in resource.fields:
        if field.name == "id" and not include_id:
            continue
        raw = form.get(field.name)
        if field.kind == "bool":
            values[field.name] = "true" if raw else "false"
        elif field.kind == "list":
            values[field.name] = [line.strip() for line in str(raw or "").splitlines() if line.strip()]
        else:
            values[field.name] = str(raw or "")
    return values


# -- start page -----------------------------------------------------------------------------------------
@page_errors
async def index(request: web.Request) -> web.StreamResponse:
    """GET /admin/: the start page with the routing validation report."""
    directory = request.app[ADMIN].directory(request)
    principal = request[PRINCIPAL]
    changes = await directory.recent_changes(principal, limit=15) if principal.is_admin else []
    return render(request, "index.html", {"report": await directory.validation_report(principal),
                                          "changes": changes})


# -- tables ---------------------------------------------------------------------------------------------
@page_errors
async def table_list(request: web.Request) -> web.StreamResponse:
    """GET /admin/{table}/: records with search and district filters."""
    resource = _resource(request)
    principal = request[PRINCIPAL]
    directory = request.app[ADMIN].directory(request)
    query = request.query.get("q", "")
    district = request.query.get("district", "")
    without = request.query.get("utan_stadsdel") == "1"
    records = await directory.records(principal, resource.slug, query=query, district=district,
                                   without_district=without)
    choices = await directory.choices()
    may_create = principal.is_admin or (principal.role is Role.DISTRICT_EDITOR
                                        and principal.can_write(resource.slug, principal.district_id))
    return render(request, "table.html", {
        "resource": resource, "records": records, "q": query, "district": district, "without": without,
        "districts": choices["district_id"], "may_create": may_create,
        "filters": resource.own_district or resource.district_via_unit or resource.is_district,
        "may_write": lambda record: principal.can_write(resource.slug, record.get("_district"))})


async def _render_form(request: web.Request, resource: Resource, values: dict[str, Any], *, new: bool,
                       errors: dict[str, str] | None = None, status: int = 200) -> web.Response:
    choices = await request.app[ADMIN].directory(request).choices()
    fields = []
    for field in resource.fields:
        options = list(field.choices) or choices.get(field.name, [])
        fields.append({"field": field, "value": _field_value(field.kind, values.get(field.name)),
                       "options": options, "error": (errors or {}).get(field.name),
                       "readonly": field.name == "id" and not new})
    general = [m for f, m in (errors or {}).items() if resource.field(f) is None]
    return render(request, "form.html", {"resource": resource, "fields": fields, "new": new,
                                         "record_id": values.get("id", ""), "general_errors": general,
                                         "has_errors": bool(errors)}, status=status)


def _errors(error: RoutingValidationError) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in error.errors:
        found.setdefault(item.field, item.message)
    return found


@page_errors
async def record_new(request: web.Request) -> web.StreamResponse:
    """GET /admin/{table}/ny: an empty form."""
    resource = _resource(request)
    defaults: dict[str, Any] = {"active": True, "priority": 1, "closed": True}
    if request[PRINCIPAL].role is Role.DISTRICT_EDITOR:
        defaults["district_id"] = request[PRINCIPAL].district_id
    return await _render_form(request, resource, defaults, new=True)


@page_errors
async def record_create(request: web.Request) -> web.StreamResponse:
    """POST /admin/{table}/ny: add a record, or show the form again with a message next to each bad field."""
    resource = _resource(request)
    values = _form_values(resource, await request.post(), include_id=True)
    try:
        record = await request.app[ADMIN].directory(request).create(request[PRINCIPAL], resource.slug, values)
    except RoutingValidationError as error:
        return await _render_form(request, resource, values, new=True, errors=_errors(error), status=422)
    await request.app[ADMIN].routing_changed(request)
    url = request.app.router["record_edit"].url_for(table=resource.slug, record_id=record["id"])
    raise web.HTTPFound(url.with_query({"sparat": "1"}))


@page_errors
async def record_edit(request: web.Request) -> web.StreamResponse:
    """GET /admin/{table}/{record_id}: the edit form."""
    resource = _resource(request)
    record = await request.app[ADMIN].directory(request).get(request[PRINCIPAL], resource.slug,
                                                             request.match_info["record_id"])
    return await _render_form(request, resource, record, new=False)


@page_errors
async def record_update(request: web.Request) -> web.StreamResponse:
    """POST /admin/{table}/{record_id}: save the form."""
    resource = _resource(request)
    record_id = request.match_info["record_id"]
    values = _form_values(resource, await request.post(), include_id=False)
    try:
        await request.app[ADMIN].directory(request).update(request[PRINCIPAL], resource.slug, record_id, values)
    except RoutingValidationError as error:
        return await _render_form(request, resource, values | {"id": record_id}, new=False,
                                  errors=_errors(error), status=422)
    await request.app[ADMIN].routing_changed(request)
    url = request.app.router["record_edit"].url_for(table=resource.slug, record_id=record_id)
    raise web.HTTPFound(url.with_query({"sparat": "1"}))


@page_errors
async def record_deactivate(request: web.Request) -> web.StreamResponse:
    """POST /admin/{table}/{record_id}/avaktivera: deactivate (or delete) the record."""
    resource = _resource(request)
    await request.app[ADMIN].directory(request).deactivate(request[PRINCIPAL], resource.slug,
                                                           request.match_info["record_id"])
    await request.app[ADMIN].routing_changed(request)
    raise web.HTTPFound(request.app.router["table_list"].url_for(table=resource.slug).with_query({"sparat": "1"}))


@page_errors
async def record_history(request: web.Request) -> web.StreamResponse:
    """GET /admin/{table}/{record_id}/historik: who changed the record, when, before and after."""
    resource = _resource(request)
    record_id = request.match_info["record_id"]
    changes = await request.app[ADMIN].directory(request).history(request[PRINCIPAL], resource.slug, record_id)
    for change in changes:
        before, after = change["before"] or {}, change["after"] or {}
        change["diff"] = [(name, before.get(name), after.get(name)) for name in dict.fromkeys([*before, *after])
                          if before.get(name) != after.get(name)]
    return render(request, "history.html", {"resource": resource, "record_id": record_id, "changes": changes})


# -- import / export ------------------------------------------------------------------------------------
def _import_errors(error: RoutingValidationError) -> list[dict[str, str]]:
    return [{"location": e.location, "field": e.field, "message": e.message} for e in error.errors]


@page_errors
async def import_page(request: web.Request) -> web.StreamResponse:
    """GET /admin/import: the upload form."""
    request[PRINCIPAL].require_admin()
    return render(request, "import.html", {"stage": "upload", "errors": [], "summary": None, "payload": ""})


@page_errors
async def import_post(request: web.Request) -> web.StreamResponse:
    """POST /admin/import: preview an upload, or (with `bekrafta`) commit the previewed files."""
    principal = request[PRINCIPAL]
    principal.require_admin()
    form = await request.post()
    if form.get("bekrafta"):
        try:
            listed = await asyncio.to_thread(json.loads, str(form.get("payload") or "[]"))
            files = [ImportFile(str(f["name"]), str(f["text"])) for f in listed]
        except (ValueError, KeyError, TypeError, RecursionError):
            raise BadRequest("Importen gick inte att läsa. Ladda upp filerna igen.") from None
    else:
        files = []
        for upload in form.getall("filer", []):
            if not isinstance(upload, web.FileField):
                continue
            content = upload.file.read(IMPORT_MAX_BYTES + 1)
            if len(content) > IMPORT_MAX_BYTES:
                raise BadRequest("Filen är för stor (högst 5 MB).")
            try:
                files.append(ImportFile(upload.filename, content.decode("utf-8-sig")))
            except UnicodeDecodeError:
                raise BadRequest(f"{upload.filename} är inte UTF-8-text.") from None
    if not files:
        return render(request, "import.html", {"stage": "upload", "summary": None, "payload": "",
                                               "errors": [{"location": "", "field": "filer",
                                                           "message": "Välj minst en fil."}]}, status=400)
    commit = bool(form.get("bekrafta"))
    directory = request.app[ADMIN].directory(request)
    try:
        summary = await directory.import_files(principal, files, commit=commit)
    except ImportTooLargeError as error:
        message = text.IMPORT_TOO_MANY_ROWS.format(rows=f"fler än {error.limit}", limit=error.limit)
        return render(request, "import.html", {"stage": "upload", "summary": None, "payload": "",
                                               "errors": [{"location": "", "field": "filer", "message": message}]},
                      status=413)
    except RoutingValidationError as error:
        return render(request, "import.html", {"stage": "upload", "errors": _import_errors(error), "summary": None,
                                               "payload": ""}, status=422)
    if commit:
        await request.app[ADMIN].routing_changed(request)
    payload = json.dumps([{"name": f.name, "text": f.text} for f in files], ensure_ascii=False)
    return render(request, "import.html", {"stage": "done" if commit else "preview", "errors": [],
                                           "summary": summary.to_dict(), "payload": payload,
                                           "file_names": [f.name for f in files]})


@page_errors
async def export_page(request: web.Request) -> web.StreamResponse:
    """GET /admin/export: links to the JSON bundle and every table's CSV."""
    if request[PRINCIPAL].role is Role.SOCIONOM:
        raise Forbidden("export")
    return render(request, "export.html", {"tables": list(RESOURCES.values())})


# -- route test -----------------------------------------------------------------------------------------
@page_errors
async def route_test(request: web.Request) -> web.StreamResponse:
    """GET/POST /admin/testa: preschool text + concern + time → decision and trace."""
    values = {"preschool": "", "concern": "", "at": "", "district": "", "outcome": ""}
    result = None
    error = None
    if request.method == "POST":
        form = await request.post()
        values = {name: str(form.get(name) or "").strip() for name in values}
        try:
            result = await request.app[ADMIN].directory(request).route_test(
                request[PRINCIPAL], preschool=values["preschool"], concern=values["concern"] or None,
                at=parse_when(values["at"]), district=values["district"] or None,
                outcome=values["outcome"] or None)
        except BadRequest as problem:
            error = str(problem)
    return render(request, "route_test.html", {"values": values, "result": result, "error": error,
                                               "result_json": json.dumps(result, ensure_ascii=False, indent=2)
                                               if result else ""})


# -- statistics and audit -------------------------------------------------------------------------------
def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise BadRequest("Datum anges som 2026-03-01.") from None


@page_errors
async def statistics(request: web.Request) -> web.StreamResponse:
    """GET /admin/statistik: the evaluation's aggregates (counts under 5 shown as "<5")."""
    principal = request[PRINCIPAL]
    district = principal.statistics_district() or (request.query.get("district") or None)
    since, until = _date(request.query.get("since")), _date(request.query.get("until"))
    result = await statistics_report(request.app[ADMIN].statistics(request), since=since, until=until,
                                     district_id=district)
    choices = await request.app[ADMIN].directory(request).choices()
    return render(request, "statistics.html", {"report": result, "districts": choices["district_id"],
                                               "query": request.query_string, "district": district or "",
                                               "since": request.query.get("since", ""),
                                               "until": request.query.get("until", "")})


# -- handoffs (ärenden) ---------------------------------------------------------------------------------
HANDOFF_STATES = {"requested": "Begärt", "offered": "Erbjudet", "escalated": "Skickat vidare", "claimed": "Taget",
                  "active": "Pågår", "closed": "Avslutat", "withdrawn": "Återkallat", "expired": "Ingen tog det"}
URGENCIES = {"acute": "Akut", "high": "Hög", "normal": "Normal"}
ACTORS = {"staff": "personalen", "socionom": "socionomen", "timer": "tidtagaren", "system": "systemet"}
EVENT_KINDS = {"transition": "Statusbyte", "notified": "Avisering skickad", "told_staff": "Personalen informerad",
               "acute": "Akut fara upptäckt", "claim_lost": "Någon annan hann före",
               "claim_refused": "Nekad: förfrågan var inte till den personen",
               "waits_for_opening": "Väntar på öppning", "outcome": "Utfall satt",
               "rated": "Betyg lämnat"}
STOCKHOLM = "Europe/Stockholm"


def _handoff_labels() -> dict[str, Any]:
    """Swedish words for the handoff codes; categories and outcomes come from the bot's own texts."""
    from zoneinfo import ZoneInfo

    text = text_for("sv")
    zone = ZoneInfo(STOCKHOLM)
    return {
        "state_label": lambda code: HANDOFF_STATES.get(code or "", code or "–"),
        "urgency_label": lambda code: URGENCIES.get(code, code),
        "category_label": lambda code: text.get(f"category.{code}", code),
        "outcome_label": lambda code: text.get(f"relay.outcome.{code}", code) if code else "–",
        "actor_label": lambda code: ACTORS.get(code, code),
        "event_label": lambda code: EVENT_KINDS.get(code, code),
        "local_time": lambda at: at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if at else "–",
        "states": list(HANDOFF_STATES.items()),
    }


@page_errors
async def handoff_list(request: web.Request) -> web.StreamResponse:
    """GET /admin/arenden: the newest handoffs the person may see, with district, state and "mina" filters."""
    principal = request[PRINCIPAL]
    filters = handoff_filters(request.query)
    found = await request.app[ADMIN].handoffs(request).page(principal, page=handoff_page(request.query), **filters)
    choices = await request.app[ADMIN].directory(request).choices() if principal.is_admin else {}
    kept = {key: value for key, value in request.query.items() if key != "page" and value}
    return render(request, "handoffs.html", _handoff_labels() | {
        "handoffs": found.handoffs, "district": filters["district"] or "", "state": filters["state"] or "",
        "mine": filters["mine"], "districts": choices.get("district_id", []), "limit": PAGE_SIZE,
        "since": filters["since"].isoformat() if filters["since"] else "",
        "until": filters["until"].isoformat() if filters["until"] else "",
        "page": found.page, "has_next": found.has_next,
        "prev_query": urlencode({**kept, "page": found.page - 1}) if found.page > 1 else None,
        "next_query": urlencode({**kept, "page": found.page + 1}) if found.has_next else None})


@page_errors
async def handoff_detail(request: web.Request) -> web.StreamResponse:
    """GET /admin/arenden/{handoff_id}: one handoff's metadata and timeline (404 outside own district)."""
    detail = await request.app[ADMIN].handoffs(request).get(request[PRINCIPAL], request.match_info["handoff_id"])
    return render(request, "handoff.html", _handoff_labels() | {"handoff": detail.handoff, "events": detail.events})


@page_errors
async def audit(request: web.Request) -> web.StreamResponse:
    """GET /admin/logg: sign-ins and account changes."""
    request[PRINCIPAL].require_admin()
    entries = await request.app[ADMIN].accounts(request).audit_log(limit=200)
    return render(request, "audit.html", {"entries": entries})


def register(app: web.Application) -> None:
    """Add the page routes (fixed paths first: table slugs must not shadow them)."""
    app.router.add_get("/", index, name="index")
    app.router.add_get("/import", import_page, name="import_page")
    app.router.add_post("/import", import_post, name="import_post")
    app.router.add_get("/export", export_page, name="export")
    app.router.add_get("/testa", route_test, name="route_test")
    app.router.add_post("/testa", route_test, name="route_test_post")
    app.router.add_get("/statistik", statistics, name="statistics")
    app.router.add_get("/arenden", handoff_list, name="handoffs")
    app.router.add_get("/arenden/{handoff_id}", handoff_detail, name="handoff")
    app.router.add_get("/logg", audit, name="audit")
    table = "{table:" + "|".join(RESOURCES) + "}"
    app.router.add_get(f"/{table}/", table_list, name="table_list")
    app.router.add_get(f"/{table}/ny", record_new, name="record_new")
    app.router.add_post(f"/{table}/ny", record_create, name="record_create")
    app.router.add_get(f"/{table}/{{record_id}}/historik", record_history, name="record_history")
    app.router.add_post(f"/{table}/{{record_id}}/avaktivera", record_deactivate, name="record_deactivate")
    app.router.add_get(f"/{table}/{{record_id}}", record_edit, name="record_edit")
    app.router.add_post(f"/{table}/{{record_id}}", record_update, name="record_update")
