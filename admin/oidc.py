"""Sign-in with Microsoft Entra ID: OpenID Connect authorization-code flow with PKCE, roles from the id token."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
import jwt

from admin.roles import Role

ENTRA_AUTHORITY = "https://login.microsoftonline.com/{tenant}/v2.0"
ROLE_PREFIX = "Samrad."
JWKS_MAX_AGE_SECONDS = 3600.0
LEEWAY_SECONDS = 60


class OidcError(Exception):
    """Sign-in through Entra ID failed; the message names the step, never a token."""


@dataclass(frozen=True)
class Grant:
    """What the id token's `roles` claim gives: one role and, except for admins, one district."""

    role: Role
    district_id: str | None


_RANK = {Role.ADMIN: 3, Role.DISTRICT_EDITOR: 2, Role.SOCIONOM: 1}
_APP_ROLES = {"Admin": Role.ADMIN, "DistrictEditor": Role.DISTRICT_EDITOR, "Socionom": Role.SOCIONOM}


def grant_from_roles(roles: Iterable[str]) -> Grant | None:
    """The strongest grant among app roles `Samrad.Admin`, `Samrad.DistrictEditor.<d>`, `Samrad.Socionom.<d>`."""
    best: Grant | None = None
    for value in roles:
        if not isinstance(value, str) or not value.startswith(ROLE_PREFIX):
            continue
        name, _, district = value[len(ROLE_PREFIX):].partition(".")
        role = _APP_ROLES.get(name)
        if role is None or (role is not Role.ADMIN and not district):
            continue  # a district role without its district grants nothing
        grant = Grant(role, None if role is Role.ADMIN else district)
        if best is None or _RANK[grant.role] > _RANK[best.role]:
            best = grant
    return best


def pkce_pair() -> tuple[str, str]:
    """A PKCE code verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


class OidcClient:
    """Talks to one Entra ID tenant (or any OpenID provider at *authority*, which tests use)."""

    def __init__(self, *, tenant_id: str, client_id: str, client_secret: str = "",
                 authority: str | None = None) -> None:
        self.client_id = client_id
        self._secret = client_secret
        self._tenant_id = tenant_id
        self.authority = (authority or ENTRA_AUTHORITY.format(tenant=tenant_id)).rstrip("/")
        self._metadata: dict[str, Any] | None = None
        self._jwks: jwt.PyJWKSet | None = None
        self._jwks_at = 0.0

    async def _get_json(self, url: str) -> dict[str, Any]:
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as http, http.get(url) as response:
            if response.status != 200:
                raise OidcError(f"{url} answered {response.status}")
            return await response.json(content_type=None)

    async def metadata(self) -> dict[str, Any]:
        """The provider's discovery document (cached)."""
        if self._metadata is None:
            self._metadata = await self._get_json(f"{self.authority}/.well-known/openid-configuration")
        return self._metadata

    async def authorization_url(self, *, redirect_uri: str, state: str, nonce: str, challenge: str) -> str:
        """Where to send the browser to sign in."""
        endpoint = (await self.metadata())["authorization_endpoint"]
        query = urlencode({"client_id": self.client_id, "response_type": "code", "redirect_uri": redirect_uri,
                           "response_mode": "query", "scope": "openid profile", "state": state,
                           "nonce": nonce, "code_challenge": challenge, "code_challenge_method": "S256"})
        return f"{endpoint}?{query}"

    async def redeem(self, *, code: str, verifier: str, redirect_uri: str) -> str:
        """Exchange the authorization code for an id token."""
        endpoint = (await self.metadata())["token_endpoint"]
        form = {"client_id": self.client_id, "grant_type": "authorization_code", "code": code,
                "redirect_uri": redirect_uri, "code_verifier": verifier, "scope": "openid profile"}
        if self._secret:
            form["client_secret"] = self._secret
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as http, http.post(endpoint, data=form) as response:
            body = await response.json(content_type=None)
        if response.status != 200 or "id_token" not in body:
            raise OidcError(f"token endpoint answered {response.status} ({body.get('error', 'no id_token')})")
        return str(body["id_token"])

    async def _key(self, kid: str | None) -> jwt.PyJWK:
        for refresh in (False, True):
            stale = time.monotonic() - self._jwks_at > JWKS_MAX_AGE_SECONDS
            if self._jwks is None or stale or refresh:
                self._jwks = jwt.PyJWKSet.from_dict(await self._get_json((await self.metadata())["jwks_uri"]))
                self._jwks_at = time.monotonic()
            for key in self._jwks.keys:
                if key.key_id == kid:
                    return key
        raise OidcError("id token signed with an unknown key")

    async def validate(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        """The id token's claims after checking signature, issuer, audience, lifetime, nonce and tenant."""
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError as error:
            raise OidcError(f"malformed id token ({type(error).__name__})") from None
        key = await self._key(header.get("kid"))
        metadata = await self.metadata()
        issuer = str(metadata.get("issuer", self.authority)).replace("{tenantid}", self._tenant_id)
        try:
            claims = jwt.decode(id_token, key=key.key, algorithms=["RS256"], audience=self.client_id,
                                issuer=issuer, leeway=LEEWAY_SECONDS,
                                options={"require": ["exp", "iat", "iss", "aud", "nonce"]})
        except jwt.PyJWTError as error:
            raise OidcError(f"id token rejected ({type(error).__name__})") from None
        if not secrets.compare_digest(str(claims.get("nonce")), nonce):
            raise OidcError("id token nonce does not match")
        if self._tenant_id and claims.get("tid") not in (None, self._tenant_id):
            raise OidcError("id token from another tenant")
        return claims


def username_from_claims(claims: dict[str, Any]) -> str:
    """The account name for an Entra user: preferred_username, else the object id."""
    name = claims.get("preferred_username") or claims.get("oid") or claims.get("sub")
    if not name:
        raise OidcError("id token names no user")
    return str(name)
