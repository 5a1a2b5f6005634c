"""Import and export as pages: upload, preview, confirm; links to every table's file."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable

from aiohttp import web

from admin import text
from admin.inputs import BadRequestError
from admin.keys import ADMIN, PRINCIPAL
from admin.render import page_errors, render
from admin.resources import RESOURCES
from admin.roles import ForbiddenError, Role
from routing.codecs import ImportFile, ImportTooLargeError
from routing.errors import RoutingValidationError

IMPORT_MAX_BYTES = 5 * 1024 * 1024


def _import_errors(error: RoutingValidationError) -> list[dict[str, str]]:
    return [{"location": e.location, "field": e.field, "message": text.field_problem(e)} for e in error.errors]


def _upload_error(message: str) -> dict[str, object]:
    """The upload form again, with *message* at the file field."""
    return {"stage": "upload", "summary": None, "payload": "",
            "errors": [{"location": "", "field": "filer", "message": message}]}


@page_errors
async def import_page(request: web.Request) -> web.StreamResponse:
    """GET /admin/import: the upload form."""
    request[PRINCIPAL].require_admin()
    return render(request, "import.html", {"stage": "upload", "errors": [], "summary": None, "payload": ""})


async def _previewed(payload: str) -> list[ImportFile]:
    """The files of a preview, carried back in the confirm form."""
    try:
        listed = await asyncio.to_thread(json.loads, payload)
        return [ImportFile(str(f["name"]), str(f["text"])) for f in listed]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise BadRequestError(text.IMPORT_UNREADABLE) from None


def _uploaded(uploads: Iterable[object]) -> list[ImportFile]:
    """The uploaded files, each at most IMPORT_MAX_BYTES of UTF-8 text."""
    files = []
    for upload in uploads:
        if not isinstance(upload, web.FileField):
            continue
        content = upload.file.read(IMPORT_MAX_BYTES + 1)
        if len(content) > IMPORT_MAX_BYTES:
            raise BadRequestError(text.IMPORT_FILE_TOO_LARGE)
        try:
            files.append(ImportFile(upload.filename, content.decode("utf-8-sig")))
        except UnicodeDecodeError:
            raise BadRequestError(text.IMPORT_NOT_UTF8.format(name=upload.filename)) from None
    return files


@page_errors
async def import_post(request: web.Request) -> web.StreamResponse:
    """POST /admin/import: preview an upload, or (with `bekrafta`) commit the previewed files."""
    principal = request[PRINCIPAL]
    principal.require_admin()
    form = await request.post()
    commit = bool(form.get("bekrafta"))
    files = await _previewed(str(form.get("payload") or "[]")) if commit else _uploaded(form.getall("filer", []))
    if not files:
        return render(request, "import.html", _upload_error(text.IMPORT_NO_FILES), status=400)
    directory = request.app[ADMIN].directory(request)
    try:
        summary = await directory.import_files(principal, files, commit=commit)
    except ImportTooLargeError as error:
        message = text.IMPORT_TOO_MANY_ROWS.format(rows=text.IMPORT_MORE_THAN.format(limit=error.limit),
                                                   limit=error.limit)
        return render(request, "import.html", _upload_error(message), status=413)
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
        raise ForbiddenError("export")
    return render(request, "export.html", {"tables": list(RESOURCES.values())})
