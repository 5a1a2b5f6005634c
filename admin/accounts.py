"""Accounts, server-side sessions and the audit log: all of the administration's own SQL."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import secrets
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from admin import text
from admin.account_tables import AdminAuditRow, AdminSessionRow, AdminUserRow
from admin.roles import Principal, Role, parse_role

log = logging.getLogger(__name__)

SESSION_LIFETIME = timedelta(hours=8)
MIN_PASSWORD_LENGTH = 12
USERNAME_MAX = 256
# Argon2 runs in this many threads of its own, never on the event loop nor in the loop's default executor:
# a flood of sign-ins then waits for these threads while the bot's turns go on (see bench/signin_flood.py).
HASH_WORKERS = 1
HASH_THREAD_PREFIX = "samrad-argon2"
# Hashing threads run at a lower CPU priority than the loop (Linux: niceness is per thread).
HASH_NICENESS = 10

_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def _lower_priority() -> None:
    """Make the calling hashing thread yield the CPU to the event loop's thread when both want it."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASH_NICENESS)
    except (AttributeError, OSError):  # not Linux, or not allowed: hashing simply competes as usual
        log.debug("could not lower the hashing thread's priority", extra={"event": "hash_priority_unchanged"})


def hashing_pool() -> Executor:
    """The process's bounded pool for password hashing (created on first use)."""
    global _pool  # noqa: PLW0603 — one hashing pool per process, created on first use under the lock
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=HASH_WORKERS, thread_name_prefix=HASH_THREAD_PREFIX,
                                       initializer=_lower_priority)
        return _pool


class AccountError(ValueError):
    """An account cannot be created or changed as asked; the message is safe to show."""


@dataclass(frozen=True)
class Account:
    """One row of admin_user, without the password hash."""

    id: int
    username: str
    role: Role
    district_id: str | None
    active: bool
    source: str
    aad_object_id: str | None = None

    def principal(self) -> Principal:
        """The permission view of this account."""
        return Principal(self.id, self.username, self.role, self.district_id, self.aad_object_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe fields."""
        return {"id": self.id, "username": self.username, "role": str(self.role),
                "district_id": self.district_id, "active": self.active, "source": self.source,
                "aad_object_id": self.aad_object_id}


@dataclass(frozen=True)
class Session:
    """A live session: who, its CSRF token, when it ends."""

    principal: Principal
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """One audit row."""

    at: datetime
    actor: str
    event: str
    ip: str | None
    target: str | None
    detail: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe fields."""
        return {"at": self.at.isoformat(), "actor": self.actor, "event": self.event, "ip": self.ip,
                "target": self.target, "detail": self.detail}


def _storable_name(username: str) -> bool:
    """False for names no account can have: too long, or with control characters (PostgreSQL refuses NUL)."""
    return len(username) <= USERNAME_MAX and not any(c < " " or "\x7f" <= c <= "\x9f" for c in username)


def token_hash(token: str) -> str:
    """What the session table stores in place of the cookie's token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _account(row: AdminUserRow) -> Account:
    return Account(row.id, row.username, Role(row.role), row.district_id, row.active, row.source,
                   row.aad_object_id)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone=True columns; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class AccountStore:
    """Local accounts (argon2 hashes), sessions and audit entries over one async engine."""

    def __init__(self, engine: AsyncEngine, *, hasher: PasswordHasher | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), pool: Executor | None = None) -> None:
        self._engine = engine
        self._hasher = hasher or PasswordHasher()
        self._clock = clock
        self._pool = pool
        self._dummy_hash: str | None = None

    async def _hashing(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run argon2 *work* in the bounded hashing pool."""
        return await asyncio.get_running_loop().run_in_executor(self._pool or hashing_pool(), work, *args)

    # -- accounts -------------------------------------------------------------------------------------
    async def create_user(self, username: str, role: str, *, password: str | None,
                          district_id: str | None = None, source: str = "local",
                          aad_object_id: str | None = None) -> Account:
        """Create an account; AccountError for a taken name, a bad role or a too short password."""
        username = username.strip()
        if not username or not _storable_name(username) or any(c.isspace() for c in username):
            raise AccountError(text.ACCOUNT_NAME_INVALID)
        parsed = parse_role(role)
        if parsed is not Role.ADMIN and not district_id:
            raise AccountError(text.ACCOUNT_NEEDS_DISTRICT.format(role=parsed))
        if password is not None and len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(text.ACCOUNT_PASSWORD_SHORT.format(length=MIN_PASSWORD_LENGTH))
        aad_object_id = (aad_object_id or "").strip() or None
        if aad_object_id is not None and (len(aad_object_id) > USERNAME_MAX
                                          or any(c.isspace() for c in aad_object_id)):
            raise AccountError(text.ACCOUNT_AAD_INVALID)
        hashed = await self._hashing(self._hasher.hash, password) if password is not None else None
        now = self._clock()
        try:
            async with self._engine.begin() as connection:
                result = await connection.execute(insert(AdminUserRow).values(
                    username=username, password_hash=hashed, role=str(parsed),
                    district_id=None if parsed is Role.ADMIN else district_id, active=True, source=source,
                    aad_object_id=aad_object_id, created_at=now, updated_at=now))
                key = result.inserted_primary_key
                assert key is not None  # an INSERT of one row always reports the key it created
                user_id = key[0]
        except IntegrityError:
            raise AccountError(text.ACCOUNT_EXISTS.format(username=username)) from None
        return Account(user_id, username, parsed, None if parsed is Role.ADMIN else district_id, True, source,
                       aad_object_id)

    async def user(self, username: str) -> Account | None:
        """The account called *username*, if any."""
        if not _storable_name(username):
            return None
        async with self._engine.connect() as connection:
            row = (await connection.execute(
                select(AdminUserRow).where(AdminUserRow.username == username))).first()
        return _account(AdminUserRow(**row._mapping)) if row else None

    async def users(self) -> list[Account]:
        """Every account, by name."""
        async with self._engine.connect() as connection:
            rows = (await connection.execute(select(AdminUserRow).order_by(AdminUserRow.username))).all()
        return [_account(AdminUserRow(**row._mapping)) for row in rows]

    async def set_role(self, username: str, role: str, district_id: str | None) -> Account:
        """Change an account's role (used when Entra ID reports new roles)."""
        parsed = parse_role(role)
        async with self._engine.begin() as connection:
            await connection.execute(update(AdminUserRow).where(AdminUserRow.username == username).values(
                role=str(parsed), district_id=None if parsed is Role.ADMIN else district_id,
                updated_at=self._clock()))
        account = await self.user(username)
        if account is None:
            raise AccountError(text.ACCOUNT_MISSING.format(username=username))
        return account

    async def set_aad_object_id(self, username: str, aad_object_id: str | None) -> Account:
        """Link an account to its Teams (Entra ID) object id, or unlink it with None."""
        async with self._engine.begin() as connection:
            result = await connection.execute(update(AdminUserRow).where(AdminUserRow.username == username)
                                              .values(aad_object_id=aad_object_id, updated_at=self._clock()))
        account = await self.user(username)
        if result.rowcount == 0 or account is None:
            raise AccountError(text.ACCOUNT_MISSING.format(username=username))
        return account

    async def set_active(self, username: str, active: bool) -> None:
        """Activate or deactivate an account; deactivation ends its sessions."""
        async with self._engine.begin() as connection:
            result = await connection.execute(update(AdminUserRow).where(AdminUserRow.username == username)
                                              .values(active=active, updated_at=self._clock()))
            if result.rowcount == 0:
                raise AccountError(text.ACCOUNT_MISSING.format(username=username))
            if not active:
                ids = select(AdminUserRow.id).where(AdminUserRow.username == username).scalar_subquery()
                await connection.execute(delete(AdminSessionRow).where(AdminSessionRow.user_id == ids))

    async def set_password(self, username: str, password: str) -> None:
        """Replace an account's password and end its sessions."""
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(text.ACCOUNT_PASSWORD_SHORT.format(length=MIN_PASSWORD_LENGTH))
        hashed = await self._hashing(self._hasher.hash, password)
        async with self._engine.begin() as connection:
            result = await connection.execute(update(AdminUserRow).where(AdminUserRow.username == username)
                                              .values(password_hash=hashed, updated_at=self._clock()))
            if result.rowcount == 0:
                raise AccountError(text.ACCOUNT_MISSING.format(username=username))
            # A new password ends every session opened with the old one (someone may have known it).
            ids = select(AdminUserRow.id).where(AdminUserRow.username == username).scalar_subquery()
            await connection.execute(delete(AdminSessionRow).where(AdminSessionRow.user_id == ids))

    async def authenticate(self, username: str, password: str) -> Account | None:
        """The active local account if *password* is right; None otherwise (same work either way)."""
        row = None
        if _storable_name(username):
            async with self._engine.connect() as connection:
                row = (await connection.execute(
                    select(AdminUserRow).where(AdminUserRow.username == username))).first()
        if row is None or row.password_hash is None or not row.active:
            # Verify against a dummy hash so an unknown name costs as much time as a wrong password.
            if self._dummy_hash is None:
                self._dummy_hash = await self._hashing(self._hasher.hash, secrets.token_hex(16))
            await self._hashing(self._verify, self._dummy_hash, password)
            return None
        if not await self._hashing(self._verify, row.password_hash, password):
            return None
        return _account(AdminUserRow(**row._mapping))

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self._hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    # -- sessions -------------------------------------------------------------------------------------
    async def open_session(self, account: Account) -> tuple[str, Session]:
        """A new session for *account*; returns the cookie token (only its hash is stored) and the session."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        now = self._clock()
        expires = now + SESSION_LIFETIME
        async with self._engine.begin() as connection:
            await connection.execute(delete(AdminSessionRow).where(AdminSessionRow.expires_at < now))
            await connection.execute(insert(AdminSessionRow).values(
                token_hash=token_hash(token), user_id=account.id, csrf_token=csrf, created_at=now,
                expires_at=expires))
        return token, Session(account.principal(), csrf, expires)

    async def session(self, token: str) -> Session | None:
        """The live session for cookie *token* with an active account, or None."""
        query = (select(AdminSessionRow.csrf_token, AdminSessionRow.expires_at, AdminUserRow)
                 .join(AdminUserRow, AdminUserRow.id == AdminSessionRow.user_id)
                 .where(AdminSessionRow.token_hash == token_hash(token)))
        async with self._engine.connect() as connection:
            row = (await connection.execute(query)).first()
        if row is None:
            return None
        expires = _aware(row.expires_at)
        if expires <= self._clock() or not row.active:
            return None
        account = Account(row.id, row.username, Role(row.role), row.district_id, row.active, row.source,
                          row.aad_object_id)
        return Session(account.principal(), row.csrf_token, expires)

    async def close_session(self, token: str) -> None:
        """End the session for cookie *token* (sign-out)."""
        async with self._engine.begin() as connection:
            await connection.execute(delete(AdminSessionRow).where(AdminSessionRow.token_hash == token_hash(token)))

    # -- audit ----------------------------------------------------------------------------------------
    async def audit(self, actor: str, event: str, *, ip: str | None = None, target: str | None = None,
                    detail: Mapping[str, Any] | None = None) -> None:
        """Append one audit entry (codes and ids only: callers never pass passwords or free text)."""
        async with self._engine.begin() as connection:
            await connection.execute(insert(AdminAuditRow).values(
                at=self._clock(), actor=actor[:USERNAME_MAX], event=event, ip=ip, target=target,
                detail=json.dumps(dict(detail), ensure_ascii=False, default=str) if detail else None))

    async def audit_log(self, *, limit: int = 200, actor: str | None = None,
                        event: str | None = None) -> list[AuditEntry]:
        """The newest audit entries first."""
        query = select(AdminAuditRow).order_by(AdminAuditRow.id.desc()).limit(limit)
        if actor:
            query = query.where(AdminAuditRow.actor == actor)
        if event:
            query = query.where(AdminAuditRow.event == event)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return [AuditEntry(_aware(r.at), r.actor, r.event, r.ip, r.target,
                           json.loads(r.detail) if r.detail else None) for r in rows]
