"""Rendering pages: every template gets the signed-in person, the CSRF token, the navigation and the wording;
domain errors become error pages."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup

from admin import text
from admin.directory import NotFoundError
from admin.inputs import BadRequestError
from admin.keys import PRINCIPAL, SESSION, TEMPLATES
from admin.roles import ForbiddenError, Principal, Role

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# (route name, label, admin only) in the order of the navigation bar.
NAV = (
    ("index", text.START, False),
    *((f"table_list:{table}", label, False) for table, (label, _singular, _fields) in text.TABLES.items()),
    ("import_page", text.IMPORT, True),
    ("export", text.EXPORT, False),
    ("route_test", text.ROUTE_TEST, False),
    ("handoffs", text.HANDOFFS, False),
    ("statistics", text.STATISTICS, False),
    ("audit", text.AUDIT, True),
)


def _nav(request: web.Request, principal: Principal) -> list[dict[str, Any]]:
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
        "role_label": text.ROLES.get(principal.role, "") if principal else "",
        "csrf_token": session.csrf_token if session else "",
        "nav": _nav(request, principal) if principal else [],
        "root": root,
        "static_url": root + "static/",
        "notice": text.SAVED if request.query.get("sparat") else None,
    }


def fill(wording: str, **values: object) -> Markup:
    """*wording* with its placeholders filled, as HTML: the wording and the values escaped, unless marked safe."""
    return Markup.escape(wording).format(**values)


def render(request: web.Request, template: str, context: dict[str, Any], *, status: int = 200) -> web.Response:
    """The page *template* rendered with *context* over the values every page has (`base_context`)."""
    # Not aiohttp-jinja2's context processors: they store under a plain string request key.
    return aiohttp_jinja2.render_template(template, request, base_context(request) | context, status=status,
                                          app_key=TEMPLATES)


def page_errors(handler: Handler) -> Handler:
    """Translate domain errors into error pages: 403 for a role that may not, 404 for what does not exist."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except ForbiddenError:
            return render(request, "error.html", {"title": text.FORBIDDEN_TITLE, "message": text.FORBIDDEN},
                          status=403)
        except NotFoundError:
            return render(request, "error.html", {"title": text.NOT_FOUND_TITLE, "message": text.RECORD_NOT_FOUND},
                          status=404)
        except BadRequestError as error:
            return render(request, "error.html", {"title": text.BAD_REQUEST_TITLE, "message": str(error)},
                          status=400)

    return wrapped
