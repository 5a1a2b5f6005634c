"""Import and export through the API: CSV files or a JSON bundle in, all-or-nothing; every table out."""

from __future__ import annotations

from aiohttp import web

from admin import text
from admin.api.errors import json_errors
from admin.api.openapi import ApiRoute
from admin.directory import NotFoundError
from admin.inputs import BadRequestError, json_body
from admin.keys import ADMIN, PRINCIPAL
from routing.codecs import ImportFile

IMPORT_MAX_FILES = 20


async def _import(request: web.Request, *, commit: bool) -> web.StreamResponse:
    body = await json_body(request)
    files = body.get("files")
    if not isinstance(files, list) or not files or len(files) > IMPORT_MAX_FILES:
        raise BadRequestError(text.FILES_EXPECTED.format(limit=IMPORT_MAX_FILES))
    uploads = []
    for item in files:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("text"), str):
            raise BadRequestError(text.FILE_FIELDS_EXPECTED)
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
        raise NotFoundError(name)
    return web.Response(text=files[name], content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


_FILES = {"type": "object", "required": ["files"], "properties": {"files": {"type": "array", "items": {
    "type": "object", "required": ["name", "text"],
    "properties": {"name": {"type": "string", "description": "contacts.csv, … or bundle.json"},
                   "text": {"type": "string"}}}}}}
_IMPORT = {"200": "Summary: created, updated, unchanged per table", "400": "Not JSON, or files not a list",
           "401": "Not signed in", "403": "Admins only, or CSRF token missing",
           "413": "More rows than an import may hold (20,000), or a body over 6 MiB",
           "422": "Every bad row with its file:line location"}

ROUTES = [
    ApiRoute("POST", "/import/preview", import_preview, "api.import_preview",
             "Dry run: what an import would change", "import", body=_FILES, responses=_IMPORT),
    ApiRoute("POST", "/import", import_commit, "api.import_commit", "Import all-or-nothing", "import", body=_FILES,
             responses=_IMPORT),
    ApiRoute("GET", "/export", export_bundle, "api.export", "Every table as a JSON bundle", "import"),
    ApiRoute("GET", "/export/{table}.csv", export_table_csv, "api.export_csv", "One table as CSV", "import"),
]
