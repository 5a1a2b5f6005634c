"""Sign-in throttling in the database: every attempt is counted before its password is checked.

Three limits apply to each attempt, in this order: everyone together (`global`), the client address (`ip`)
and the account name (`account`). Each is one row of `admin_throttle`, shared by every process on the
database. An attempt is let through only when one transaction raised all three counters without finding any
of them blocked; a refused attempt is rolled back, so it uses up nothing. Because the counter is raised and
the block decided in the same UPDATE, concurrent attempts cannot all read a stale "not blocked".
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, delete, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from admin.account_tables import AdminThrottleRow

BASE_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 15 * 60.0


@dataclass(frozen=True)
class Limit:
    """How many attempts one scope lets through, and what happens after.

    `free` attempts pass at once; the `free`-th starts a block. With `backoff` the block lasts
    BASE_DELAY_SECONDS and doubles with every further attempt (up to MAX_DELAY_SECONDS), and the count starts
    again after `window` seconds without an attempt. Without `backoff` the window is fixed: at most `free`
    attempts per `window` seconds.
    """

    scope: str
    free: int
    window: float
    backoff: bool = True


# One person mistyping: three tries, then 2 s, 4 s, 8 s … up to 15 minutes between tries.
ACCOUNT = Limit("account", free=3, window=3600.0)
# One office or one attacker trying many names (a shared NAT address gets more room than one account).
IP = Limit("ip", free=20, window=3600.0)
# Everyone together: bounds the hashing work a flood of made-up names can cause, whatever its addresses.
GLOBAL = Limit("global", free=60, window=60.0, backoff=False)


def _delay(excess: ColumnElement[int]) -> ColumnElement[float]:
    """BASE·2^excess capped at MAX, as a CASE (SQLite has no POWER function)."""
    whens = []
    step = 0
    while BASE_DELAY_SECONDS * 2 ** step < MAX_DELAY_SECONDS:
        whens.append((excess == step, literal(BASE_DELAY_SECONDS * 2 ** step)))
        step += 1
    return case(*whens, else_=literal(MAX_DELAY_SECONDS))


# How many blocks one process remembers (a flood from many addresses); expired ones are dropped first.
KNOWN_BLOCKS_MAX = 10_000


class _RefusedError(Exception):
    def __init__(self, blocked_until: float, scope: str, key: str) -> None:
        super().__init__()
        self.blocked_until = blocked_until
        self.scope = scope
        self.key = key


class SignInThrottle:
    """Counts sign-in attempts per account, per client address and overall, in the database."""

    def __init__(self, clock: Callable[[], float] = time.time, *, secret: str = "samrad-throttle",
                 account: Limit = ACCOUNT, ip: Limit = IP, overall: Limit = GLOBAL) -> None:
        self._clock = clock
        self._secret = secret.encode()
        self._limits = (overall, ip, account)
        # Blocks this process has read from the database: (scope, key) -> blocked until. While one holds, an
        # attempt is refused without a database round trip, so a flood of refused attempts costs next to nothing.
        # It can only refuse what the database already refused; a block another replica sets is learnt on the
        # first attempt that meets it.
        self._known: dict[tuple[str, str], float] = {}

    def key(self, scope: str, value: str) -> str:
        """The stored key for *value*: a keyed hash, so the table holds no names or addresses."""
        return hmac.new(self._secret, f"{scope}\x00{value}".encode(), hashlib.sha256).hexdigest()

    def _keys(self, username: str, ip: str | None) -> list[tuple[Limit, str]]:
        """Each limit with the stored key the attempt counts under (overall, client address, account)."""
        values = {"global": "*", "ip": ip or "-", "account": username.strip().casefold()}
        return [(limit, self.key(limit.scope, values[limit.scope])) for limit in self._limits]

    def known_wait(self, username: str, ip: str | None) -> int | None:
        """Seconds to wait when this process already knows a block on one of the attempt's scopes, else None."""
        now = self._clock()
        until = max((self._known.get((limit.scope, key), 0.0) for limit, key in self._keys(username, ip)),
                    default=0.0)
        return max(1, math.ceil(until - now)) if until > now else None

    async def reserve(self, engine: AsyncEngine, username: str, ip: str | None) -> int | None:
        """Count one attempt for *username* from *ip*; None when it may be checked, else seconds to wait."""
        now = self._clock()
        try:
            async with engine.begin() as connection:
                for limit, key in self._keys(username, ip):
                    await self._count(connection, limit, key, now)
        except _RefusedError as refused:
            self._remember(refused.scope, refused.key, refused.blocked_until, now)
            return max(1, math.ceil(refused.blocked_until - now))
        return None

    def _remember(self, scope: str, key: str, blocked_until: float, now: float) -> None:
        if len(self._known) >= KNOWN_BLOCKS_MAX:
            self._known = {known: until for known, until in self._known.items() if until > now}
            if len(self._known) >= KNOWN_BLOCKS_MAX:
                self._known.clear()
        self._known[(scope, key)] = blocked_until

    async def _count(self, connection: AsyncConnection, limit: Limit, key: str, now: float) -> None:
        table = AdminThrottleRow
        insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
        await connection.execute(insert(table).values(scope=limit.scope, key=key, attempts=0, window_started=now,
                                                      blocked_until=0.0).on_conflict_do_nothing())
        fresh = table.window_started <= now - limit.window
        attempts = case((fresh, literal(1)), else_=table.attempts + 1)
        if limit.backoff:
            # The window runs from the latest attempt: the count starts again only after that much quiet.
            started: ColumnElement[float] = literal(now)
            blocked = case((attempts >= limit.free, now + _delay(attempts - limit.free)), else_=literal(0.0))
        else:
            started = case((fresh, literal(now)), else_=table.window_started)
            blocked = case((attempts >= limit.free, started + limit.window), else_=literal(0.0))
        where = and_(table.scope == limit.scope, table.key == key)
        counted = await connection.execute(
            update(table).where(where, table.blocked_until <= now)
            .values(attempts=attempts, window_started=started, blocked_until=blocked).returning(table.attempts))
        if counted.first() is None:
            raise _RefusedError(float(await connection.scalar(select(table.blocked_until).where(where)) or now),
                           limit.scope, key)

    async def succeeded(self, engine: AsyncEngine, username: str) -> None:
        """Forget the account's attempts after a right password, and rows nobody has used for a day."""
        table = AdminThrottleRow
        now = self._clock()
        async with engine.begin() as connection:
            await connection.execute(delete(table).where(
                table.scope == "account", table.key == self.key("account", username.strip().casefold())))
            await connection.execute(delete(table).where(table.window_started < now - 86400.0,
                                                         table.blocked_until < now))
