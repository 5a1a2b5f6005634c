"""Server-rendered pages under /admin/: they read the request, call the domain, and render or redirect."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.admin.keys import PRINCIPAL, SESSION
from bot.admin.render import render
from bot.admin.roles import Role

ROLE_LABELS = {Role.ADMIN: "administratör", Role.DISTRICT_EDITOR: "stadsdelsredaktör", Role.SOCIONOM: "socionom"}

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
    ("import", "Import", True),
    ("export", "Export", False),
    ("route_test", "Testa vägval", False),
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
        href = str(router[route_name].url_for(**({"table": table} if table else {})))
        items.append({"href": href, "label": label, "current": request.path == href})
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
        "notice": (request.query.get("sparat") and "Ändringen är sparad.") or None,
    }


async def index(request: web.Request) -> web.StreamResponse:
    """GET /admin/: the start page with the routing validation report."""
    return render(request, "index.html", {"report": None})


def register(app: web.Application) -> None:
    """Add the page routes."""
    app.router.add_get("/", index, name="index")
