"""The server-rendered pages: each renders, forms save with CSRF, errors sit next to their field."""

from __future__ import annotations

import re

import aiohttp
import pytest

PAGES = ["/admin/", "/admin/districts/", "/admin/preschools/", "/admin/preschools/?utan_stadsdel=1",
         "/admin/preschools/?district=farsta&q=sol", "/admin/units/", "/admin/contacts/", "/admin/opening_hours/",
         "/admin/hours_exceptions/", "/admin/on_call/", "/admin/rules/", "/admin/import", "/admin/export",
         "/admin/testa", "/admin/statistik", "/admin/logg", "/admin/contacts/c-farsta",
         "/admin/contacts/c-farsta/historik", "/admin/contacts/ny", "/admin/on_call/ny"]


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_renders_for_an_admin(routed, path) -> None:  # type: ignore[no-untyped-def]
    await routed.sign_in("anna")
    response = await routed.client.get(path)
    assert response.status == 200, await response.text()
    assert "<title>" in await response.text()


@pytest.mark.parametrize("path", ["/admin/import", "/admin/logg"])
async def test_admin_pages_are_403_for_editors(routed, path) -> None:  # type: ignore[no-untyped-def]
    await routed.sign_in("farsta-red")
    assert (await routed.client.get(path)).status == 403


async def test_unknown_record_page_is_404(routed) -> None:
    await routed.sign_in("anna")
    assert (await routed.client.get("/admin/contacts/finns-inte")).status == 404


async def test_preschool_filter_without_district(routed) -> None:
    await routed.sign_in("anna")
    page = await (await routed.client.get("/admin/preschools/?utan_stadsdel=1")).text()
    assert "Förskolan Okänd" in page
    assert "Förskolan Solrosen" not in page


async def test_edit_contact_through_the_form(routed) -> None:
    csrf = await routed.sign_in("farsta-red")
    response = await routed.client.post("/admin/contacts/c-farsta", allow_redirects=False, data={
        "csrf_token": csrf, "name": "Fia Farsta", "role": "socionom", "unit_id": "farsta-soc",
        "phone": "08-222 22 22", "priority": "1", "active": "true"})
    assert response.status == 302
    assert "sparat=1" in response.headers["Location"]
    page = await (await routed.client.get("/admin/contacts/c-farsta/historik")).text()
    assert "08-222 22 22" in page
    assert "farsta-red" in page


async def test_form_errors_sit_next_to_their_field(routed) -> None:
    csrf = await routed.sign_in("anna")
    response = await routed.client.post("/admin/contacts/c-farsta", data={
        "csrf_token": csrf, "name": "", "unit_id": "farsta-soc", "priority": "noll", "email": "inte-epost"})
    assert response.status == 422
    page = await response.text()
    for field in ("name", "priority", "email"):
        assert f'id="e-{field}"' in page


async def test_form_without_csrf_is_403(routed) -> None:
    await routed.sign_in("anna")
    response = await routed.client.post("/admin/contacts/c-farsta", data={"name": "X"})
    assert response.status == 403


async def test_editor_form_post_for_bromma_is_403(routed) -> None:
    csrf = await routed.sign_in("farsta-red")
    response = await routed.client.post("/admin/contacts/c-bromma", data={
        "csrf_token": csrf, "name": "Bo", "unit_id": "bromma-soc", "priority": "1", "active": "true"})
    assert response.status == 403


async def test_socionom_cannot_deactivate_through_the_page(routed) -> None:
    csrf = await routed.sign_in("soc-farsta")
    response = await routed.client.post("/admin/contacts/c-farsta/avaktivera", data={"csrf_token": csrf})
    assert response.status == 403


async def test_create_then_deactivate_through_pages(routed) -> None:
    csrf = await routed.sign_in("anna")
    response = await routed.client.post("/admin/districts/ny", allow_redirects=False, data={
        "csrf_token": csrf, "id": "farsta2", "name": "Farsta 2", "aliases": "F2\nFarsta två", "active": "true"})
    assert response.status == 302
    response = await routed.client.post("/admin/districts/farsta2/avaktivera", allow_redirects=False,
                                        data={"csrf_token": csrf})
    assert response.status == 302
    body = await (await routed.client.get("/admin/api/tables/districts/farsta2")).json()
    assert body["record"]["active"] is False
    assert body["record"]["aliases"] == ["F2", "Farsta två"]


def _upload(csrf: str, name: str, text: str) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("csrf_token", csrf)
    form.add_field("filer", text.encode(), filename=name, content_type="text/csv")
    return form


async def test_import_page_shows_line_numbered_errors_and_changes_nothing(routed) -> None:
    csrf = await routed.sign_in("anna")
    text = "id,name,unit_id,priority\nc-ny,Ny,farsta-soc,1\nc-bad,Trasig,finns-inte,1\n"
    response = await routed.client.post("/admin/import", data=_upload(csrf, "contacts.csv", text))
    assert response.status == 422
    assert "contacts.csv:3" in await response.text()
    assert (await routed.client.get("/admin/api/tables/contacts/c-ny")).status == 404


async def test_import_page_previews_then_confirms(routed) -> None:
    csrf = await routed.sign_in("anna")
    text = "id,name,unit_id,priority\nc-ny,Ny,farsta-soc,1\n"
    page = await (await routed.client.post("/admin/import", data=_upload(csrf, "contacts.csv", text))).text()
    assert 'id="confirm-import"' in page
    assert (await routed.client.get("/admin/api/tables/contacts/c-ny")).status == 404
    payload = re.search(r'name="payload" value="([^"]*)"', page).group(1)
    import html

    response = await routed.client.post("/admin/import", data={
        "csrf_token": csrf, "payload": html.unescape(payload), "bekrafta": "1"})
    assert 'id="import-done"' in await response.text()
    assert (await routed.client.get("/admin/api/tables/contacts/c-ny")).status == 200


async def test_route_test_page(routed) -> None:
    csrf = await routed.sign_in("anna")
    response = await routed.client.post("/admin/testa", data={
        "csrf_token": csrf, "preschool": "Solrosen", "concern": "neglect", "at": "2026-03-04T10:00"})
    page = await response.text()
    assert response.status == 200
    assert "Fia Farsta" in page
    assert 'id="route-trace"' in page


async def test_statistics_page_shows_no_small_counts(routed) -> None:
    from datetime import UTC, date, datetime

    from sqlalchemy import text

    async with routed.engine.begin() as connection:
        for number in range(7):
            await connection.execute(text(
                "INSERT INTO consultation (id, day, district_id, age_band, categories, acute, outcome,"
                " handoff_requested, lang, summary, created_at) VALUES (:id, :day, :district, '1-3', '[]',"
                " :acute, 'consult', :hr, 'sv', 'HEMLIG SAMMANFATTNING', :now)"),
                {"id": f"c{number}", "day": date(2026, 3, 4), "district": "farsta" if number < 6 else "bromma",
                 "acute": False, "hr": False, "now": datetime(2026, 3, 4, tzinfo=UTC)})
    await routed.sign_in("anna")
    page = await (await routed.client.get("/admin/statistik")).text()
    assert "HEMLIG" not in page
    cells = re.findall(r'<td class="num">([^<]*)</td>', page)
    assert cells
    for cell in cells:
        assert not (cell.strip().isdigit() and int(cell) < 5), cell
    csv_text = await (await routed.client.get("/admin/api/statistics.csv")).text()
    assert "HEMLIG" not in csv_text
    assert "2026-03,bromma,<5" in csv_text


async def test_socionom_statistics_are_limited_to_own_district(routed) -> None:
    await routed.sign_in("soc-farsta")
    body = await (await routed.client.get("/admin/api/statistics")).json()
    assert body["district_id"] == "farsta"
    assert (await routed.client.get("/admin/api/statistics?district=bromma")).status == 403


async def test_route_test_page_says_the_bot_asks_before_a_weak_match(routed) -> None:
    csrf = await routed.sign_in("anna")
    page = await (await routed.client.post("/admin/testa", data={
        "csrf_token": csrf, "preschool": "sol", "at": "2026-03-04T10:00"})).text()
    assert 'id="route-ask"' in page
    assert "Menar du Förskolan Solrosen?" in page


async def test_the_preschool_form_has_the_area_field(routed) -> None:
    await routed.sign_in("anna")
    page = await (await routed.client.get("/admin/preschools/p-ek")).text()
    assert 'name="area"' in page
