"""The JSON API: every operation, every role boundary, through real HTTP requests."""

from __future__ import annotations

import pytest

from admin.api import ROUTES


async def _as(harness, username: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"X-CSRF-Token": await harness.sign_in(username)}


# -- OpenAPI ------------------------------------------------------------------------------------------------
async def test_openapi_lists_every_registered_api_route(harness) -> None:
    from admin.api.openapi import openapi_path

    document = await (await harness.client.get("/admin/api/openapi.json")).json()
    admin_app = harness.client.server.app._subapps[0]
    registered = {(route.method, openapi_path(route.resource.canonical.removeprefix("/admin/api")))
                  for route in admin_app.router.routes()
                  if (route.name or "").startswith("api.") and route.method != "HEAD"}
    described = {(method.upper(), path) for path, operations in document["paths"].items() for method in operations}
    assert registered == described
    assert len(registered) == len(ROUTES)


def test_openapi_document_is_valid_openapi_3() -> None:
    import jsonschema

    from admin.api.openapi import document

    doc = document(ROUTES)
    assert doc["openapi"] == "3.0.3"
    for path, operations in doc["paths"].items():
        for operation in operations.values():
            assert operation["responses"]
            assert operation["operationId"]
            for parameter in operation.get("parameters", []):
                jsonschema.Draft7Validator.check_schema(parameter["schema"])
                if parameter["in"] == "path":
                    assert "{" + parameter["name"] + "}" in path


# -- reading ------------------------------------------------------------------------------------------------
async def test_list_tables(routed) -> None:
    await routed.sign_in("farsta-red")
    body = await (await routed.client.get("/admin/api/tables")).json()
    writable = {t["name"] for t in body["tables"] if t["writable"]}
    assert writable == {"units", "contacts", "opening_hours", "hours_exceptions", "on_call"}


async def test_list_records_with_search_and_filters(routed) -> None:
    await routed.sign_in("anna")
    records = (await (await routed.client.get("/admin/api/tables/preschools?q=solros")).json())["records"]
    assert [r["id"] for r in records] == ["p-solros"]
    records = (await (await routed.client.get("/admin/api/tables/preschools?district=bromma")).json())["records"]
    assert [r["id"] for r in records] == ["p-ek"]
    response = await routed.client.get("/admin/api/tables/preschools?without_district=true")
    assert [r["id"] for r in (await response.json())["records"]] == ["p-okand"]


async def test_get_record_and_404s(routed) -> None:
    await routed.sign_in("anna")
    body = await (await routed.client.get("/admin/api/tables/contacts/c-farsta")).json()
    assert body["record"]["name"] == "Fia Farsta"
    assert (await routed.client.get("/admin/api/tables/contacts/nope")).status == 404
    assert (await routed.client.get("/admin/api/tables/nope")).status == 404


async def test_socionom_reads_only_own_district(routed) -> None:
    await routed.sign_in("soc-farsta")
    records = (await (await routed.client.get("/admin/api/tables/contacts")).json())["records"]
    assert [r["id"] for r in records] == ["c-farsta"]
    assert (await routed.client.get("/admin/api/tables/contacts/c-bromma")).status == 403
    assert len((await (await routed.client.get("/admin/api/tables/districts")).json())["records"]) == 2


# -- writing ------------------------------------------------------------------------------------------------
async def test_admin_creates_updates_and_deactivates_with_history(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/tables/contacts", headers=headers, json={
        "id": "c-ny", "name": "Ny Kontakt", "unit_id": "farsta-soc", "priority": 2})
    assert response.status == 201
    response = await routed.client.patch("/admin/api/tables/contacts/c-ny", headers=headers,
                                         json={"phone": "08-000 00 09"})
    assert (await response.json())["record"]["phone"] == "08-000 00 09"
    response = await routed.client.delete("/admin/api/tables/contacts/c-ny", headers=headers)
    assert (await response.json())["record"]["active"] is False
    history = (await (await routed.client.get("/admin/api/tables/contacts/c-ny/history")).json())["changes"]
    assert [c["action"] for c in history] == ["update", "update", "create"]
    assert {c["actor"] for c in history} == {"anna"}
    assert history[1]["before"]["phone"] is None
    assert history[1]["after"]["phone"] == "08-000 00 09"


async def test_delete_removes_records_without_active_flag(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.delete("/admin/api/tables/opening_hours/h-farsta-soc-0", headers=headers)
    assert (await response.json())["deleted"] is True
    assert (await routed.client.get("/admin/api/tables/opening_hours/h-farsta-soc-0")).status == 404
    history = (await (await routed.client.get("/admin/api/tables/opening_hours/h-farsta-soc-0/history")).json())
    assert history["changes"][0]["action"] == "delete"


async def test_validation_errors_name_each_field(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/tables/contacts", headers=headers, json={
        "name": "", "unit_id": "finns-inte", "priority": 0})
    assert response.status == 422
    fields = {e["field"] for e in (await response.json())["errors"]}
    assert {"name", "unit_id", "priority"} <= fields


async def test_validation_errors_carry_a_code_its_detail_and_swedish_words(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/tables/contacts", headers=headers, json={
        "name": "Ny", "unit_id": "finns-inte", "priority": "först"})
    errors = {e["field"]: e for e in (await response.json())["errors"]}
    assert errors["priority"] == {"field": "priority", "code": "not_whole_number", "detail": {"value": "först"},
                                  "message": "måste vara ett heltal, inte 'först'", "location": ""}
    response = await routed.client.post("/admin/api/tables/contacts", headers=headers, json={
        "name": "Ny", "unit_id": "finns-inte", "priority": 1})
    [error] = (await response.json())["errors"]
    assert (error["code"], error["detail"]) == ("unknown_reference", {"table": "units", "value": "finns-inte"})
    assert error["message"] == "ingen post i units har id 'finns-inte'"


async def test_bad_json_body_is_400(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/tables/contacts", headers=headers, data="[1")
    assert response.status == 400


async def test_farsta_editor_changes_farsta_contacts(routed) -> None:
    headers = await _as(routed, "farsta-red")
    response = await routed.client.patch("/admin/api/tables/contacts/c-farsta", headers=headers,
                                         json={"phone": "08-111 11 11"})
    assert response.status == 200


@pytest.mark.parametrize(("method", "path", "body"), [
    ("PATCH", "/admin/api/tables/contacts/c-bromma", {"phone": "08-1"}),
    ("DELETE", "/admin/api/tables/contacts/c-bromma", None),
    ("PATCH", "/admin/api/tables/units/bromma-soc", {"phone": "08-1"}),
    ("POST", "/admin/api/tables/contacts", {"id": "c-x", "name": "X", "unit_id": "bromma-soc"}),
    ("POST", "/admin/api/tables/opening_hours",
     {"id": "h-x", "unit_id": "bromma-soc", "weekday": 5, "opens": "10:00", "closes": "12:00"}),
    # Moving a Farsta contact to a Bromma unit is a change in Bromma too.
    ("PATCH", "/admin/api/tables/contacts/c-farsta", {"unit_id": "bromma-soc"}),
    ("PATCH", "/admin/api/tables/units/farsta-soc", {"district_id": "bromma"}),
    # Not the editor's tables at all.
    ("PATCH", "/admin/api/tables/rules/r-default", {"note": "x"}),
    ("PATCH", "/admin/api/tables/districts/farsta", {"name": "X"}),
    ("PATCH", "/admin/api/tables/preschools/p-solros", {"address": "X"}),
    ("PATCH", "/admin/api/tables/units/jour", {"phone": "08-1"}),  # city-wide unit
])
async def test_farsta_editor_cannot_change_bromma_or_admin_tables(routed, method, path, body) -> None:  # type: ignore[no-untyped-def]
    headers = await _as(routed, "farsta-red")
    response = await routed.client.request(method, path, headers=headers, json=body)
    assert response.status == 403
    assert (await routed.client.get("/admin/api/tables/contacts/c-bromma")).status == 200


async def test_editor_cannot_put_a_bromma_contact_on_farsta_call(routed) -> None:
    headers = await _as(routed, "farsta-red")
    response = await routed.client.post("/admin/api/tables/on_call", headers=headers, json={
        "id": "oc-1", "contact_id": "c-bromma", "unit_id": "farsta-soc",
        "starts": "2026-03-02T08:00", "ends": "2026-03-02T16:00"})
    assert response.status == 403
    response = await routed.client.post("/admin/api/tables/on_call", headers=headers, json={
        "id": "oc-2", "contact_id": "c-farsta", "unit_id": "farsta-soc",
        "starts": "2026-03-02T08:00", "ends": "2026-03-02T16:00"})
    assert response.status == 201


@pytest.mark.parametrize(("method", "path", "body"), [
    ("PATCH", "/admin/api/tables/contacts/c-farsta", {"phone": "08-1"}),
    ("POST", "/admin/api/tables/contacts", {"id": "c-y", "name": "Y", "unit_id": "farsta-soc"}),
    ("DELETE", "/admin/api/tables/contacts/c-farsta", None),
    ("POST", "/admin/api/import/preview", {"files": [{"name": "districts.csv", "text": "id,name\nx,X\n"}]}),
    ("POST", "/admin/api/import", {"files": [{"name": "districts.csv", "text": "id,name\nx,X\n"}]}),
])
async def test_socionom_cannot_edit(routed, method, path, body) -> None:  # type: ignore[no-untyped-def]
    headers = await _as(routed, "soc-farsta")
    assert (await routed.client.request(method, path, headers=headers, json=body)).status == 403


@pytest.mark.parametrize("path", ["/admin/api/export", "/admin/api/export/contacts.csv", "/admin/api/audit",
                                  "/admin/api/users", "/admin/api/changes"])
async def test_socionom_cannot_export_or_see_audit(routed, path) -> None:  # type: ignore[no-untyped-def]
    await routed.sign_in("soc-farsta")
    assert (await routed.client.get(path)).status == 403


async def test_editor_cannot_import(routed) -> None:
    headers = await _as(routed, "farsta-red")
    response = await routed.client.post("/admin/api/import", headers=headers, json={
        "files": [{"name": "contacts.csv", "text": "id,name,unit_id\nc-farsta,X,farsta-soc\n"}]})
    assert response.status == 403


# -- auth on every API route --------------------------------------------------------------------------------
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name not in {"api.openapi", "api.session_open"}],
                         ids=lambda r: r.name)
async def test_every_protected_api_route_needs_a_session(routed, route) -> None:  # type: ignore[no-untyped-def]
    path = "/admin/api" + (route.path.replace("{table}", "contacts").replace("{record_id}", "c-farsta")
                           .replace("{handoff_id}", "h-1"))
    response = await routed.client.request(route.method, path, json={})
    assert response.status == 401


@pytest.mark.parametrize("route", [r for r in ROUTES if r.method not in {"GET"} and r.name != "api.session_open"],
                         ids=lambda r: r.name)
async def test_every_unsafe_api_route_needs_the_csrf_header(routed, route) -> None:  # type: ignore[no-untyped-def]
    await routed.sign_in("anna")
    path = "/admin/api" + route.path.replace("{table}", "contacts").replace("{record_id}", "c-farsta")
    response = await routed.client.request(route.method, path, json={})
    assert response.status == 403
    assert (await response.json())["error"] == "csrf"


# -- import / export ----------------------------------------------------------------------------------------
CONTACTS_CSV = ("id,name,role,unit_id,teams_user_id,teams_channel_id,email,phone,priority,active\n"
                "c-farsta,Fia Farsta,socionom,farsta-soc,,,,08-000 00 01,1,true\n"
                "c-ny,Ny Person,,farsta-soc,,,,,2,true\n"
                "c-bad,Trasig,,finns-inte,,,inte-epost,,noll,true\n")


async def test_import_preview_reports_every_bad_row_with_its_line(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/import/preview", headers=headers, json={
        "files": [{"name": "contacts.csv", "text": CONTACTS_CSV}]})
    assert response.status == 422
    errors = (await response.json())["errors"]
    assert {e["location"] for e in errors} == {"contacts.csv:4"}
    assert {e["field"] for e in errors} >= {"unit_id", "email", "priority"}


async def test_import_with_a_bad_row_changes_nothing(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/import", headers=headers, json={
        "files": [{"name": "contacts.csv", "text": CONTACTS_CSV}]})
    assert response.status == 422
    assert (await routed.client.get("/admin/api/tables/contacts/c-ny")).status == 404


async def test_import_preview_then_commit(routed) -> None:
    headers = await _as(routed, "anna")
    good = CONTACTS_CSV.rsplit("c-bad", 1)[0]
    payload = {"files": [{"name": "contacts.csv", "text": good}]}
    preview = await (await routed.client.post("/admin/api/import/preview", headers=headers, json=payload)).json()
    assert preview == {"committed": False, "summary": {"created": {"contacts": 1}, "updated": {"contacts": 1},
                                                        "unchanged": {}}}
    assert (await routed.client.get("/admin/api/tables/contacts/c-ny")).status == 404
    done = await (await routed.client.post("/admin/api/import", headers=headers, json=payload)).json()
    assert done["committed"]
    assert done["summary"]["created"] == {"contacts": 1}
    history = await (await routed.client.get("/admin/api/tables/contacts/c-ny/history")).json()
    assert history["changes"][0]["actor"] == "anna"
    assert history["changes"][0]["action"] == "import-create"


async def test_import_json_bundle_errors_carry_line_numbers(routed) -> None:
    headers = await _as(routed, "anna")
    bundle = ('{\n  "format": "samrad-routing",\n  "districts": [\n    {"id": "ok", "name": "OK"},\n'
              '    {"id": "", "name": "Trasig"}\n  ]\n}\n')
    response = await routed.client.post("/admin/api/import/preview", headers=headers, json={
        "files": [{"name": "bundle.json", "text": bundle}]})
    assert response.status == 422
    assert (await response.json())["errors"][0]["location"].startswith("bundle.json:5")


async def test_import_rejects_unknown_file_names_and_bad_json(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/import/preview", headers=headers, json={
        "files": [{"name": "whatever.csv", "text": "a\n"}, {"name": "b.json", "text": "{\n  nope"}]})
    errors = (await response.json())["errors"]
    assert [e["location"] for e in errors] == ["whatever.csv", "b.json:2"]


async def test_an_uploaded_bundle_of_another_format_is_refused_like_on_the_command_line(routed) -> None:
    headers = await _as(routed, "anna")
    bundle = '{"format": "other-tool", "districts": [{"id": "ny", "name": "Ny"}]}'
    response = await routed.client.post("/admin/api/import", headers=headers, json={
        "files": [{"name": "bundle.json", "text": bundle}]})
    assert response.status == 422
    assert [(e["field"], e["location"]) for e in (await response.json())["errors"]] == [("format", "bundle.json")]
    districts = (await (await routed.client.get("/admin/api/tables/districts")).json())["records"]
    assert "ny" not in {d["id"] for d in districts}


async def test_import_needs_files(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/import", headers=headers, json={"files": []})
    assert response.status == 400


async def test_export_bundle_and_csv(routed) -> None:
    await routed.sign_in("farsta-red")
    bundle = await (await routed.client.get("/admin/api/export")).json()
    assert bundle["format"] == "samrad-routing"
    assert len(bundle["districts"]) == 2
    for table in ("districts", "preschools", "units", "contacts", "opening_hours", "hours_exceptions", "on_call",
                  "rules"):
        response = await routed.client.get(f"/admin/api/export/{table}.csv")
        assert response.status == 200
        assert response.content_type == "text/csv"
        assert (await response.text()).startswith("id,")
    assert (await routed.client.get("/admin/api/export/nope.csv")).status == 404


# -- validation, route test, audit, users -------------------------------------------------------------------
async def test_validation_report(routed) -> None:
    await routed.sign_in("soc-farsta")
    body = await (await routed.client.get("/admin/api/validation")).json()
    assert body["preschools_without_district"] == ["p-okand"]
    assert body["has_socialjour"] is True


async def test_route_test_returns_decision_and_trace(routed) -> None:
    headers = await _as(routed, "soc-farsta")
    response = await routed.client.post("/admin/api/route-test", headers=headers, json={
        "preschool": "solrosen", "concern": "neglect", "at": "2026-03-04T10:00"})
    body = await response.json()
    assert response.status == 200, body
    assert body["match"]["candidates"][0]["id"] == "p-solros"
    decision = body["decision"]
    assert decision["district"]["id"] == "farsta"
    assert decision["contacts"][0]["id"] == "c-farsta"
    assert decision["trace"]


async def test_route_test_rejects_a_bad_time(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.post("/admin/api/route-test", headers=headers, json={
        "preschool": "solrosen", "at": "i morgon"})
    assert response.status == 400


async def test_audit_and_users_for_admins(routed) -> None:
    await routed.sign_in("anna")
    entries = (await (await routed.client.get("/admin/api/audit?event=signin")).json())["entries"]
    assert entries[0]["actor"] == "anna"
    users = (await (await routed.client.get("/admin/api/users")).json())["users"]
    assert {u["username"] for u in users} == {"anna", "farsta-red", "bromma-red", "soc-farsta"}
    assert all("password" not in str(u) for u in users)
    changes = (await (await routed.client.get("/admin/api/changes")).json())["changes"]
    assert changes
    assert changes[0]["actor"] == "seed"


@pytest.mark.postgres
async def test_crud_on_postgres(make_harness, pg_db) -> None:
    from tests.admin.conftest import seed_routing

    harness = await make_harness(pg_db)
    await seed_routing(harness.engine)
    headers = await _as(harness, "farsta-red")
    response = await harness.client.patch("/admin/api/tables/contacts/c-farsta", headers=headers,
                                          json={"priority": 3})
    assert (await response.json())["record"]["priority"] == 3
    response = await harness.client.patch("/admin/api/tables/contacts/c-bromma", headers=headers,
                                          json={"priority": 3})
    assert response.status == 403


async def test_route_test_routes_only_on_a_confident_match(routed) -> None:
    """Like the bot: a fragment is a "did you mean", so the decision is taken without a preschool."""
    headers = await _as(routed, "anna")
    weak = await (await routed.client.post("/admin/api/route-test", headers=headers, json={
        "preschool": "sol", "at": "2026-03-04T10:00"})).json()
    assert weak["match"]["candidates"][0]["id"] == "p-solros"
    assert weak["match"]["confident"] is False
    assert weak["decision"]["preschool"] is None
    sure = await (await routed.client.post("/admin/api/route-test", headers=headers, json={
        "preschool": "förskolan solrosen", "at": "2026-03-04T10:00"})).json()
    assert sure["match"]["confident"] is True
    assert sure["decision"]["preschool"]["id"] == "p-solros"


async def test_a_preschools_area_is_edited_like_any_field(routed) -> None:
    headers = await _as(routed, "anna")
    response = await routed.client.patch("/admin/api/tables/preschools/p-ek", headers=headers, json={
        "area": "Blackeberg"})
    assert response.status == 200, await response.text()
    record = (await (await routed.client.get("/admin/api/tables/preschools/p-ek")).json())["record"]
    assert record["area"] == "Blackeberg"
