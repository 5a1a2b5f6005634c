"""The import page and API: row limit with a clear Swedish message, uploads above the server's default body limit."""

from __future__ import annotations

import io
import json

import aiohttp


def _upload(csrf: str, name: str, text: str) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("csrf_token", csrf)
    form.add_field("filer", io.BytesIO(text.encode()), filename=name, content_type="text/csv")
    return form


def _json(body: object) -> io.BytesIO:
    return io.BytesIO(json.dumps(body).encode())


def _headers(csrf: str) -> dict[str, str]:
    return {"X-CSRF-Token": csrf, "Content-Type": "application/json"}


def _rows(count: int, name_length: int = 20) -> str:
    return "id,name,unit_id,priority\n" + "".join(
        f"c-{n},{'N' * name_length},farsta-soc,1\n" for n in range(count))


async def test_the_import_page_says_how_many_rows_fit(routed, monkeypatch) -> None:
    from admin import directory

    monkeypatch.setattr(directory.parse_import, "__kwdefaults__", {"max_rows": 30})
    csrf = await routed.sign_in("anna")
    response = await routed.client.post("/admin/import", data=_upload(csrf, "contacts.csv", _rows(31)))
    page = await response.text()
    assert response.status == 413
    assert "högst 30 rader" in page
    assert 'role="alert"' in page
    assert (await routed.client.get("/admin/api/tables/contacts/c-0")).status == 404


async def test_an_upload_over_one_mebibyte_is_read(routed) -> None:
    """aiohttp refuses bodies over 1 MiB by default; an import of 2 MB must still be previewed."""
    csrf = await routed.sign_in("anna")
    text = _rows(10_000, name_length=150)
    assert len(text.encode()) > 1_500_000
    response = await routed.client.post("/admin/import", data=_upload(csrf, "contacts.csv", text))
    assert response.status == 200, (await response.text())[:500]
    assert 'id="confirm-import"' in await response.text()
    response = await routed.client.post("/admin/api/import/preview", data=_json({
        "files": [{"name": "contacts.csv", "text": text}]}), headers=_headers(csrf))
    assert response.status == 200, (await response.text())[:500]
    assert (await response.json())["summary"]["created"] == {"contacts": 10_000}


async def test_a_body_over_the_import_limit_is_a_413(routed) -> None:
    csrf = await routed.sign_in("anna")
    response = await routed.client.post("/admin/api/import/preview", data=_json({
        "files": [{"name": "contacts.csv", "text": "x" * (7 * 1024 * 1024)}]}), headers=_headers(csrf))
    assert response.status == 413
