"""The administration's dependencies, handed to `create_admin_app` and shared by its views."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from aiohttp import web
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine

from admin.accounts import AccountStore
from admin.directory import DirectoryAdmin
from admin.handoffs import HandoffReader
from admin.oidc import OidcClient
from admin.security import Signer
from admin.settings import AdminSettings
from admin.statistics import SqlStatistics, StatisticsSource
from admin.throttle import SignInThrottle

# Awaited after every change to the routing tables, with the request that made it.
RoutingChanged = Callable[[web.Request], Awaitable[None]]


@dataclass
class AdminContext:
    """Settings, the engine's key, the cookie signer, the sign-in throttle and the optional Entra client."""

    settings: AdminSettings
    engine_key: web.AppKey[AsyncEngine]
    signer: Signer
    throttle: SignInThrottle
    clock: Callable[[], datetime]
    oidc: OidcClient | None = None
    hasher: PasswordHasher | None = None
    on_routing_changed: RoutingChanged | None = None
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
        return DirectoryAdmin(self.engine(request))

    def handoffs(self, request: web.Request) -> HandoffReader:
        """The handoffs' metadata, as the signed-in person may see it."""
        return HandoffReader(self.engine(request))

    def statistics(self, request: web.Request) -> StatisticsSource:
        """Where statistics read their facts."""
        return SqlStatistics(self.engine(request))

    async def routing_changed(self, request: web.Request) -> None:
        """Tell whoever mounted the administration (the running bot) that the routing tables changed."""
        if self.on_routing_changed is not None:
            await self.on_routing_changed(request)
