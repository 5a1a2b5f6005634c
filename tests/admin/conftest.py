"""Fixtures for the administration: a standalone admin app over a migrated database, and signed-in clients."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher

from admin.accounts import AccountStore
from admin.throttle import SignInThrottle
from bot.administration import create_standalone_app
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
    engine: Any

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

    async def make(database, *, seed: bool = True, settings: dict[str, Any] | None = None,
                   **options) -> AdminHarness:  # type: ignore[no-untyped-def]
        clock = FakeClock()
        accounts = AccountStore(database.engine, hasher=FAST_HASHER)
        if seed:
            await seed_users(accounts)
        options.setdefault("hasher", FAST_HASHER)
        options.setdefault("throttle", SignInThrottle(clock=clock))
        app = create_standalone_app(settings_for(database).with_(**(settings or {})), **options)
        return AdminHarness(await aiohttp_client(app), accounts, clock, database.engine)

    return make


@pytest.fixture
async def harness(make_harness, sqlite_db) -> AdminHarness:  # type: ignore[no-untyped-def]
    """The admin app on SQLite with the standard accounts."""
    return await make_harness(sqlite_db)


async def ensure_routing_tables(engine) -> None:  # type: ignore[no-untyped-def]
    """Create routing's tables when its migration (0002) has not landed in this tree yet."""
    from sqlalchemy import inspect

    from routing.storage_rows import RoutingBase

    async with engine.begin() as connection:
        present = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        if "routing_district" not in present:
            await connection.run_sync(RoutingBase.metadata.create_all)


async def seed_routing(engine) -> None:  # type: ignore[no-untyped-def]
    """Two districts with a socionom unit each, a city-wide socialjour, contacts, hours, a rule, preschools."""
    from routing.storage import RoutingStore

    await ensure_routing_tables(engine)
    store = RoutingStore(engine)
    bundle = {
        "districts": [{"id": "farsta", "name": "Farsta"}, {"id": "bromma", "name": "Bromma"}],
        "preschools": [
            {"id": "p-solros", "name": "Förskolan Solrosen", "operator": "Kommunal", "district_id": "farsta",
             "address": "Farstavägen 1"},
            {"id": "p-ek", "name": "Förskolan Eken", "operator": "Kommunal", "district_id": "bromma"},
            {"id": "p-okand", "name": "Förskolan Okänd", "operator": "Enskild"}],
        "units": [
            {"id": "farsta-soc", "name": "Socionom Farsta", "kind": "socionom", "district_id": "farsta"},
            {"id": "bromma-soc", "name": "Socionom Bromma", "kind": "socionom", "district_id": "bromma"},
            {"id": "jour", "name": "Socialjouren", "kind": "socialjour"}],
        "contacts": [
            {"id": "c-farsta", "name": "Fia Farsta", "unit_id": "farsta-soc", "phone": "08-000 00 01"},
            {"id": "c-bromma", "name": "Bo Bromma", "unit_id": "bromma-soc", "phone": "08-000 00 02"}],
        "opening_hours": [
            {"id": f"h-{unit}-{day}", "unit_id": unit, "weekday": day, "opens": "08:00", "closes": "16:30"}
            for unit in ("farsta-soc", "bromma-soc") for day in range(5)]
        + [{"id": f"h-jour-{day}", "unit_id": "jour", "weekday": day, "opens": "16:30", "closes": "00:00"}
           for day in range(8)],
        "rules": [{"id": "r-default", "concern": "*", "outcome": "*", "unit_kinds": ["socionom", "mottagning"]}],
    }
    await store.import_json(bundle, actor="seed")


@pytest.fixture
async def routed(harness) -> AdminHarness:  # type: ignore[no-untyped-def]
    """The admin app on SQLite with accounts and a small routing directory."""
    await seed_routing(harness.engine)
    return harness
