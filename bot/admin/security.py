"""Sign-in throttling, signed values for cookies, and the cookie settings of the administration."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SESSION_COOKIE = "samrad_admin"
LOGIN_COOKIE = "samrad_login"
OIDC_COOKIE = "samrad_oidc"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"

FREE_ATTEMPTS = 3  # failures allowed before the back-off starts
BASE_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 15 * 60.0
_MAX_TRACKED = 10_000


@dataclass
class _Attempts:
    failures: int = 0
    locked_until: float = 0.0


class SignInThrottle:
    """Exponential back-off per (username, IP): after FREE_ATTEMPTS failures each failure doubles the wait."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._attempts: dict[tuple[str, str], _Attempts] = {}

    @staticmethod
    def key(username: str, ip: str | None) -> tuple[str, str]:
        """The throttle key for a sign-in attempt."""
        return username.strip().casefold(), ip or "-"

    def retry_after(self, key: tuple[str, str]) -> int | None:
        """Whole seconds until *key* may try again, or None when it may try now."""
        attempts = self._attempts.get(key)
        if attempts is None:
            return None
        remaining = attempts.locked_until - self._clock()
        return math.ceil(remaining) if remaining > 0 else None

    def failed(self, key: tuple[str, str]) -> None:
        """Record a failed attempt and lengthen the wait."""
        if len(self._attempts) >= _MAX_TRACKED:
            self._prune()
        attempts = self._attempts.setdefault(key, _Attempts())
        attempts.failures += 1
        if attempts.failures >= FREE_ATTEMPTS:
            delay = min(BASE_DELAY_SECONDS * 2 ** (attempts.failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)
            attempts.locked_until = self._clock() + delay

    def succeeded(self, key: tuple[str, str]) -> None:
        """Forget the failures of *key*."""
        self._attempts.pop(key, None)

    def _prune(self) -> None:
        now = self._clock()
        # Entries whose wait ended long ago carry no information worth the memory.
        for key in [k for k, a in self._attempts.items() if a.locked_until + MAX_DELAY_SECONDS < now]:
            del self._attempts[key]


class Signer:
    """HMAC-SHA256 signatures over small JSON values kept in cookies."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(secret.encode()).digest()

    def sign(self, value: Any) -> str:
        """*value* as JSON, base64url, with its signature appended."""
        body = base64.urlsafe_b64encode(json.dumps(value, separators=(",", ":")).encode()).decode().rstrip("=")
        return f"{body}.{self._mac(body)}"

    def unsign(self, signed: str | None) -> Any | None:
        """The value signed by `sign`, or None when missing or tampered with."""
        if not signed or "." not in signed:
            return None
        body, mac = signed.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        except ValueError:
            return None

    def _mac(self, body: str) -> str:
        mac = hmac.new(self._key, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison that is False when either side is missing."""
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def new_token() -> str:
    """A random URL-safe token."""
    return secrets.token_urlsafe(32)
