"""Typed keys for the objects the aiohttp app shares; the one place they are declared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from botbuilder.core import BotFrameworkAdapter
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.services import Services
    from bot.settings import Settings

SETTINGS: web.AppKey[Settings] = web.AppKey("settings")
ENGINE: web.AppKey[AsyncEngine] = web.AppKey("engine")
ADAPTER: web.AppKey[BotFrameworkAdapter] = web.AppKey("adapter")
SERVICES: web.AppKey[Services] = web.AppKey("services")
