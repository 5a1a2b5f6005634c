"""Signed values for cookies, and the cookie names of the administration."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

SESSION_COOKIE = "samrad_admin"
LOGIN_COOKIE = "samrad_login"
OIDC_COOKIE = "samrad_oidc"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


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
