"""The administration as Samråd mounts it: its settings taken from the service's, the engine's key, the
routing reload after admin changes; and the administration served on its own over the configured database."""

from __future__ import annotations

from typing import Unpack

from aiohttp import web

from admin import app as admin_app
from admin.app import AdminOptions, Collaborators
from admin.settings import AdminSettings
from bot.keys import ENGINE, SERVICES
from bot.settings import Settings, SettingsError
from bot.wiring import open_engine


def admin_settings(settings: Settings) -> AdminSettings:
    """The administration's part of *settings*.

    Raises SettingsError when several replicas share the database without a SESSION_SECRET: each would sign
    with its own random secret.
    """
    if settings.replicas > 1 and not settings.session_secret:
        raise SettingsError("SESSION_SECRET must be set when REPLICAS is more than 1")
    return AdminSettings(public_url=settings.public_url, session_secret=settings.session_secret,
                         secure_cookies=settings.secure_cookies, oidc_tenant_id=settings.oidc_tenant_id,
                         oidc_client_id=settings.oidc_client_id, oidc_client_secret=settings.oidc_client_secret,
                         forwarded_allow_ips=settings.forwarded_allow_ips)


async def reload_routing(request: web.Request) -> None:
    """After an admin change to the routing tables, the running bot reads them again on its next turn."""
    services = request.config_dict.get(SERVICES)
    if services is not None:
        services.routing.reload()


def create_admin_app(settings: Settings, **admin_options: Unpack[Collaborators]) -> web.Application:
    """The administration for the main app's /admin/: its engine under ENGINE, routing reloaded on changes."""
    return admin_app.create_admin_app(admin_settings(settings), engine_key=ENGINE, on_routing_changed=reload_routing,
                                      **admin_options)


def create_standalone_app(settings: Settings, **admin_options: Unpack[AdminOptions]) -> web.Application:
    """Only the administration at /admin/, over its own engine (tests, screenshots, `samrad admin serve`)."""
    return admin_app.create_standalone_app(
        admin_settings(settings), lambda: open_engine(settings),
        **admin_options)
