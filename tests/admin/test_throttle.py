"""The sign-in throttle: counted before the password is checked, per account, address and overall, shared
by every process on the database; argon2 runs in its own bounded threads, never on the event loop."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from argon2 import PasswordHasher

from admin.accounts import HASH_THREAD_PREFIX, HASH_WORKERS
from admin.throttle import ACCOUNT, IP, Limit, SignInThrottle
from bot.administration import create_standalone_app
from tests.admin.conftest import PASSWORD, FakeClock, settings_for


class CountingHasher(PasswordHasher):
    """The cheapest argon2 that also records how often, where and how many at once it verifies."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verified = 0
        self.threads: Counter[str] = Counter()
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.verified += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.threads[threading.current_thread().name] += 1
        try:
            return super().verify(hash, password)
        finally:
            with self._lock:
                self.running -= 1


async def _attempt(client: TestClient, username: str, password: str = "fel lösenord",
                   forwarded: str | None = None) -> int:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    response = await client.post("/admin/api/session", json={"username": username, "password": password},
                                 headers=headers)
    await response.read()
    return response.status


async def _flood_one_account(make_harness: Any, database: Any) -> None:
    hasher = CountingHasher()
    harness = await make_harness(database, hasher=hasher)
    statuses = Counter(await asyncio.gather(*(_attempt(harness.client, "anna") for _ in range(300))))
    # Only the account's free attempts reached argon2; every other attempt was refused before it.
    assert hasher.verified == ACCOUNT.free
    assert statuses == {401: ACCOUNT.free, 429: 300 - ACCOUNT.free}


async def test_300_concurrent_wrong_passwords_check_only_the_limits_worth(make_harness, sqlite_db) -> None:
    await _flood_one_account(make_harness, sqlite_db)


@pytest.mark.postgres
async def test_300_concurrent_wrong_passwords_on_postgres(make_harness, pg_db) -> None:
    await _flood_one_account(make_harness, pg_db)


async def test_the_right_password_is_refused_too_while_blocked_and_resets_the_account(harness) -> None:
    for _ in range(ACCOUNT.free):
        assert await _attempt(harness.client, "anna") == 401
    assert await _attempt(harness.client, "anna", PASSWORD) == 429
    harness.clock.now += 2
    assert await _attempt(harness.client, "anna", PASSWORD) == 200
    # A right password forgets the account's failures: the next mistakes start from the beginning.
    assert await _attempt(harness.client, "anna") == 401
    assert await _attempt(harness.client, "anna", PASSWORD) == 200


async def test_the_account_count_starts_again_after_an_hour_of_quiet(harness) -> None:
    for _ in range(ACCOUNT.free):
        await _attempt(harness.client, "anna")
    harness.clock.now += ACCOUNT.window + 1
    for _ in range(ACCOUNT.free - 1):
        assert await _attempt(harness.client, "anna") == 401
    assert await _attempt(harness.client, "anna", PASSWORD) == 200


async def test_per_address_limit_across_many_names(make_harness, sqlite_db) -> None:
    hasher = CountingHasher()
    harness = await make_harness(sqlite_db, hasher=hasher, settings={"forwarded_allow_ips": ("127.0.0.1",)})
    statuses = [await _attempt(harness.client, f"påhittad-{n}", forwarded="203.0.113.7") for n in range(IP.free + 5)]
    assert statuses == [401] * IP.free + [429] * 5
    assert hasher.verified == IP.free
    # Another address is not held back by the first one's attempts.
    assert await _attempt(harness.client, "påhittad-x", forwarded="198.51.100.9") == 401
    assert await _attempt(harness.client, "anna", PASSWORD, forwarded="198.51.100.9") == 200


async def test_overall_limit_across_names_and_addresses(make_harness, sqlite_db) -> None:
    clock = FakeClock()
    overall = Limit("global", free=10, window=60.0, backoff=False)
    hasher = CountingHasher()
    harness = await make_harness(sqlite_db, hasher=hasher, throttle=SignInThrottle(clock=clock, overall=overall),
                                 settings={"forwarded_allow_ips": ("127.0.0.1",)})
    statuses = await asyncio.gather(*(_attempt(harness.client, f"namn-{n}", forwarded=f"192.0.2.{n}")
                                      for n in range(40)))
    assert Counter(statuses) == {401: 10, 429: 30}
    assert hasher.verified == 10
    clock.now += 61
    assert await _attempt(harness.client, "anna", PASSWORD, forwarded="192.0.2.200") == 200


async def test_the_throttle_is_shared_by_replicas_on_one_database(make_harness, sqlite_db) -> None:
    first = await make_harness(sqlite_db)
    clock = FakeClock()
    second = create_standalone_app(settings_for(sqlite_db), hasher=CountingHasher(),
                                   throttle=SignInThrottle(clock=clock))
    async with TestClient(TestServer(second)) as other:
        for _ in range(ACCOUNT.free):
            assert await _attempt(first.client, "anna") == 401
        assert await _attempt(other, "anna", PASSWORD) == 429
        clock.now += 2
        first.clock.now += 2
        assert await _attempt(other, "anna", PASSWORD) == 200


async def test_refused_attempts_use_up_nothing(harness) -> None:
    for _ in range(ACCOUNT.free):
        await _attempt(harness.client, "anna")
    for _ in range(50):
        assert await _attempt(harness.client, "anna") == 429
    harness.clock.now += 2
    # The wait is the one the last checked attempt started (2 s), not lengthened by the refused ones.
    assert await _attempt(harness.client, "anna", PASSWORD) == 200


async def test_argon2_runs_in_its_own_bounded_threads_not_on_the_event_loop(make_harness, sqlite_db) -> None:
    hasher = CountingHasher()
    harness = await make_harness(sqlite_db, hasher=hasher, settings={"forwarded_allow_ips": ("127.0.0.1",)})
    await asyncio.gather(*(_attempt(harness.client, f"namn-{n}", forwarded=f"192.0.2.{n}") for n in range(12)))
    await harness.sign_in("anna")
    assert hasher.verified == 13
    loop_thread = threading.current_thread().name
    assert loop_thread not in hasher.threads
    assert all(name.startswith(HASH_THREAD_PREFIX) for name in hasher.threads), hasher.threads
    assert hasher.most_at_once <= HASH_WORKERS


async def test_the_event_loop_keeps_turning_while_passwords_are_checked(make_harness, sqlite_db) -> None:
    """A ticker on the loop keeps running while slow verifications are under way (no timing asserted)."""

    class SlowHasher(CountingHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            release.wait(10)
            return super().verify(hash, password)

    release = threading.Event()
    hasher = SlowHasher()
    harness = await make_harness(sqlite_db, hasher=hasher)
    attempt = asyncio.ensure_future(_attempt(harness.client, "anna"))
    ticks = 0
    # The verification blocks its thread until released; were it on the loop, this loop could not run.
    while ticks < 20:
        await asyncio.sleep(0.01)
        ticks += 1
    assert not attempt.done()
    release.set()
    assert await attempt == 401


async def test_a_known_block_is_refused_without_the_database_and_audited_once(harness, monkeypatch) -> None:
    """A flood of refused attempts costs no database round trip once this process has met the block."""
    for _ in range(ACCOUNT.free):
        assert await _attempt(harness.client, "anna") == 401
    assert await _attempt(harness.client, "anna") == 429  # met in the database, remembered, audited
    audited = len(await harness.accounts.audit_log(event="signin_throttled"))
    calls = 0
    original = SignInThrottle.reserve

    async def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SignInThrottle, "reserve", counting)
    assert [await _attempt(harness.client, "anna", PASSWORD) for _ in range(20)] == [429] * 20
    assert calls == 0
    assert len(await harness.accounts.audit_log(event="signin_throttled")) == audited
    harness.clock.now += 2  # the block (2 s after the third failure) has passed: the database decides again
    assert await _attempt(harness.client, "anna", PASSWORD) == 200
    assert calls == 1
