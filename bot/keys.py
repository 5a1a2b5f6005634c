"""Typed keys for the objects the aiohttp app shares; the one place they are declared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.settings import Settings
    from bot.wiring import Services

SETTINGS: web.AppKey[Settings] = web.AppKey("settings")
ENGINE: web.AppKey[AsyncEngine] = web.AppKey("engine")
SERVICES: web.AppKey[Services] = web.AppKey("services")
