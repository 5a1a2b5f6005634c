"""Fixtures for the administration: a standalone admin app over a migrated database, and signed-in clients."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from bot.admin.accounts import AccountStore
from bot.admin.app import create_standalone_app
from bot.admin.security import SignInThrottle
from bot.settings import Settings

# Argon2 at its cheapest: the tests check behaviour, not hashing cost.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "rätt-häst-batteri-häftklammer"
USERS = {
    "anna": ("admin", None),
    "farsta-red": ("district_editor", "farsta"),
    "bromma-red": ("district_editor", "bromma"),
    "soc-farsta": ("socionom", "farsta"),
}


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class AdminHarness:
    """A running admin app, its database and the throttle's clock."""

    client: TestClient
    accounts: AccountStore
    clock: FakeClock

    async def sign_in(self, username: str, password: str = PASSWORD) -> str:
        """Sign in through the JSON API; returns the CSRF token."""
        response = await self.client.post("/admin/api/session", json={"username": username, "password": password})
        assert response.status == 200, await response.text()
        return (await response.json())["csrf_token"]


def settings_for(database) -> Settings:  # type: ignore[no-untyped-def]
    """Test settings pointing at *database*."""
    return Settings(database_url=database.url, database_schema=database.schema, session_secret="test-secret")


async def seed_users(accounts: AccountStore) -> None:
    """The four standard test accounts, all with PASSWORD."""
    for username, (role, district) in USERS.items():
        await accounts.create_user(username, role, password=PASSWORD, district_id=district)


HarnessFactory = Callable[..., Awaitable[AdminHarness]]


@pytest.fixture
def make_harness(aiohttp_client) -> HarnessFactory:  # type: ignore[no-untyped-def]
    """Build an admin app over a database, seed the standard accounts, and start a test client."""

    async def make(database, **options) -> AdminHarness:  # type: ignore[no-untyped-def]
        clock = FakeClock()
        accounts = AccountStore(database.engine, hasher=FAST_HASHER)
        await seed_users(accounts)
        app = create_standalone_app(settings_for(database), hasher=FAST_HASHER,
                                    throttle=SignInThrottle(clock=clock), **options)
        return AdminHarness(await aiohttp_client(app), accounts, clock)

    return make


@pytest.fixture
async def harness(make_harness, sqlite_db) -> AdminHarness:  # type: ignore[no-untyped-def]
    """The admin app on SQLite with the standard accounts."""
    return await make_harness(sqlite_db)
