"""The routing tables as pages: a table's records with search and filters, the form, a record's history."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from admin import text
from admin.directory import NotFoundError
from admin.keys import ADMIN, PRINCIPAL
from admin.render import page_errors, render
from admin.resources import RESOURCES, Resource
from admin.roles import Role
from routing.errors import RoutingValidationError

SAVED_QUERY = {"sparat": "1"}  # the page after a change says "Ändringen är sparad."


def _resource(request: web.Request) -> Resource:
    found = RESOURCES.get(request.match_info["table"])
    if found is None:
        raise NotFoundError(request.match_info["table"])
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
        found.setdefault(item.field, text.field_problem(item))
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
    raise web.HTTPFound(url.with_query(SAVED_QUERY))


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
    raise web.HTTPFound(url.with_query(SAVED_QUERY))


@page_errors
async def record_deactivate(request: web.Request) -> web.StreamResponse:
    """POST /admin/{table}/{record_id}/avaktivera: deactivate (or delete) the record."""
    resource = _resource(request)
    await request.app[ADMIN].directory(request).deactivate(request[PRINCIPAL], resource.slug,
                                                           request.match_info["record_id"])
    await request.app[ADMIN].routing_changed(request)
    raise web.HTTPFound(request.app.router["table_list"].url_for(table=resource.slug).with_query(SAVED_QUERY))


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
