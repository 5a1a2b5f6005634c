"""The administration's dependencies, handed to `create_admin_app` and shared by its views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from aiohttp import web
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.admin.accounts import AccountStore
from bot.admin.oidc import OidcClient
from bot.admin.security import Signer, SignInThrottle
from bot.settings import Settings

if TYPE_CHECKING:
    from routing.service import RoutingService
    from routing.store import RoutingStore

    from bot.services import Services


@dataclass
class AdminContext:
    """Settings, the engine's key, the cookie signer, the sign-in throttle and the optional Entra client."""

    settings: Settings
    engine_key: web.AppKey[AsyncEngine]
    signer: Signer
    throttle: SignInThrottle
    clock: Callable[[], datetime]
    oidc: OidcClient | None = None
    hasher: PasswordHasher | None = None
    services_key: web.AppKey[Services] | None = None
    _accounts: dict[int, AccountStore] = field(default_factory=dict)

    def engine(self, request: web.Request) -> AsyncEngine:
        """The engine the main app opened (looked up through the app chain)."""
        return request.config_dict[self.engine_key]

    def accounts(self, request: web.Request) -> AccountStore:
        """The account store over the current engine."""
        engine = self.engine(request)
        store = self._accounts.get(id(engine))
        if store is None:
            store = self._accounts[id(engine)] = AccountStore(engine, hasher=self.hasher, clock=self.clock)
        return store

    def routing_store(self, request: web.Request) -> RoutingStore:
        """The routing tables' store over the current engine."""
        from routing.store import RoutingStore

        return RoutingStore(self.engine(request))

    def routing_service(self, request: web.Request) -> RoutingService:
        """The running bot's routing service when the main app has one, else a fresh one."""
        if self.services_key is not None and self.services_key in request.config_dict:
            return request.config_dict[self.services_key].routing
        from routing.service import RoutingService

        return RoutingService(self.engine(request))
