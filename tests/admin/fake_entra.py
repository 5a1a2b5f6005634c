"""A tiny local OpenID provider in the shape of Entra ID: discovery, JWKS and a token endpoint that checks PKCE."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

TENANT = "11111111-2222-3333-4444-555555555555"
CLIENT_ID = "samrad-admin-test"


def new_key() -> rsa.RSAPrivateKey:
    """A fresh RSA key for signing test tokens."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class FakeEntra:
    """State of the fake provider: its signing key, the claims the next token carries, what it was sent."""

    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    kid: str = "test-key-1"
    base_url: str = ""
    claims: dict[str, Any] = field(default_factory=dict)
    nonce: str = ""
    challenge: str = ""
    token_requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/{TENANT}/v2.0"

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [public | {"kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def id_token(self, **overrides: Any) -> str:
        """An id token signed by this provider with the standard claims, *claims* and *overrides*."""
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": CLIENT_ID, "iat": now, "nbf": now, "exp": now + 600,
                  "tid": TENANT, "nonce": self.nonce, "oid": "0000-oid", "preferred_username": "kari@example.se"}
        claims |= self.claims | overrides
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def app(self) -> web.Application:
        """The provider as an aiohttp app (paths as under login.microsoftonline.com/{tenant}/v2.0)."""
        app = web.Application()

        async def discovery(_request: web.Request) -> web.Response:
            root = f"{self.base_url}/{TENANT}"
            return web.json_response({"issuer": self.issuer,
                                      "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
                                      "token_endpoint": f"{root}/oauth2/v2.0/token",
                                      "jwks_uri": f"{root}/discovery/v2.0/keys"})

        async def keys(_request: web.Request) -> web.Response:
            return web.json_response(self.jwks())

        async def token(request: web.Request) -> web.Response:
            form = dict(await request.post())
            self.token_requests.append({k: str(v) for k, v in form.items()})
            verifier = str(form.get("code_verifier", ""))
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            if digest != self.challenge or form.get("code") != "good-code":
                return web.json_response({"error": "invalid_grant"}, status=400)
            return web.json_response({"id_token": self.id_token(), "token_type": "Bearer"})

        app.router.add_get(f"/{TENANT}/v2.0/.well-known/openid-configuration", discovery)
        app.router.add_get(f"/{TENANT}/discovery/v2.0/keys", keys)
        app.router.add_post(f"/{TENANT}/oauth2/v2.0/token", token)
        return app
