"""Server-rendered pages under /admin/: they read the request, call the domain, and render or redirect; one
module per area (records, files, reports, handoffs), registered here."""

from __future__ import annotations

from aiohttp import web

from admin.pages import files, handoffs, records, reports
from admin.resources import RESOURCES


def register(app: web.Application) -> None:
    """Add the page routes (fixed paths first: table slugs must not shadow them)."""
    app.router.add_get("/", reports.index, name="index")
    app.router.add_get("/import", files.import_page, name="import_page")
    app.router.add_post("/import", files.import_post, name="import_post")
    app.router.add_get("/export", files.export_page, name="export")
    app.router.add_get("/testa", reports.route_test, name="route_test")
    app.router.add_post("/testa", reports.route_test, name="route_test_post")
    app.router.add_get("/statistik", reports.statistics, name="statistics")
    app.router.add_get("/arenden", handoffs.handoff_list, name="handoffs")
    app.router.add_get("/arenden/{handoff_id}", handoffs.handoff_detail, name="handoff")
    app.router.add_get("/logg", reports.audit, name="audit")
    table = "{table:" + "|".join(RESOURCES) + "}"
    app.router.add_get(f"/{table}/", records.table_list, name="table_list")
    app.router.add_get(f"/{table}/ny", records.record_new, name="record_new")
    app.router.add_post(f"/{table}/ny", records.record_create, name="record_create")
    app.router.add_get(f"/{table}/{{record_id}}/historik", records.record_history, name="record_history")
    app.router.add_post(f"/{table}/{{record_id}}/avaktivera", records.record_deactivate, name="record_deactivate")
    app.router.add_get(f"/{table}/{{record_id}}", records.record_edit, name="record_edit")
    app.router.add_post(f"/{table}/{{record_id}}", records.record_update, name="record_update")
