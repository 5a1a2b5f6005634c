"""Typed keys of the administration sub-app and of its requests; the one place they are declared."""

from __future__ import annotations

from typing import TYPE_CHECKING

import jinja2
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from admin.accounts import Session
    from admin.context import AdminContext
    from admin.roles import Principal

ADMIN: web.AppKey[AdminContext] = web.AppKey("admin_context")
TEMPLATES: web.AppKey[jinja2.Environment] = web.AppKey("admin_templates", jinja2.Environment)
PRINCIPAL: web.RequestKey[Principal] = web.RequestKey("admin_principal")
SESSION: web.RequestKey[Session] = web.RequestKey("admin_session")
SESSION_TOKEN: web.RequestKey[str] = web.RequestKey("admin_session_token")
# The engine of `create_standalone_app` (mounted in the main app, the administration uses the main app's key).
STANDALONE_ENGINE: web.AppKey[AsyncEngine] = web.AppKey("admin_engine", AsyncEngine)
