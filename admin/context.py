"""The administration's dependencies, handed to `create_admin_app` and shared by its views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from aiohttp import web
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine

from admin.accounts import AccountStore
from admin.oidc import OidcClient
from admin.security import Signer
from admin.throttle import SignInThrottle
from bot.settings import Settings

if TYPE_CHECKING:
    from admin.directory import DirectoryAdmin
    from admin.handoffs import HandoffReader
    from admin.statistics import StatisticsSource
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

    def directory(self, request: web.Request) -> DirectoryAdmin:
        """The routing tables as the administration edits them."""
        from admin.directory import DirectoryAdmin

        return DirectoryAdmin(self.engine(request))

    def handoffs(self, request: web.Request) -> HandoffReader:
        """The handoffs' metadata, as the signed-in person may see it."""
        from admin.handoffs import HandoffReader

        return HandoffReader(self.engine(request))

    def statistics(self, request: web.Request) -> StatisticsSource:
        """Where statistics read their facts."""
        from admin.statistics import SqlStatistics

        return SqlStatistics(self.engine(request))

    async def routing_changed(self, request: web.Request) -> None:
        """Tell the running bot (when mounted in the main app) to reload its routing snapshot."""
        if self.services_key is None or self.services_key not in request.config_dict:
            return
        routing = getattr(request.config_dict[self.services_key], "routing", None)
        reload = getattr(routing, "reload", None)
        if reload is not None:
            result = reload()
            if hasattr(result, "__await__"):
                await result
