"""Rendering pages with the signed-in person, the CSRF token and the navigation in every template."""

from __future__ import annotations

from typing import Any

import aiohttp_jinja2
from aiohttp import web

from admin.keys import TEMPLATES


def render(request: web.Request, template: str, context: dict[str, Any], *, status: int = 200) -> web.Response:
    """The page *template* rendered with *context* over the values every page has (see `pages.base_context`)."""
    from admin.pages import base_context  # pages import render; the cycle is broken here

    # Not aiohttp-jinja2's context processors: they store under a plain string request key.
    return aiohttp_jinja2.render_template(template, request, base_context(request) | context, status=status,
                                          app_key=TEMPLATES)
