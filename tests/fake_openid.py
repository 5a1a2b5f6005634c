"""A local OpenID metadata + JWKS endpoint, in a thread (botbuilder fetches keys with blocking `requests`)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeOpenId:
    """Serves `/.well-known/openidconfiguration` and `/keys` with one known signing key."""

    def __init__(self, kid: str = "known-key") -> None:
        self.kid = kid
        self.key = new_key()
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": kid, "use": "sig", "endorsements": ["msteams", "emulator"]})
        self._jwks = {"keys": [jwk]}
        # Clear `keys_gate` to hold every /keys request until it is set again (a slow identity endpoint).
        self.keys_gate = threading.Event()
        self.keys_gate.set()
        self.keys_requested = threading.Event()
        self.key_fetches = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/.well-known/"):
                    body = {"issuer": ISSUER, "jwks_uri": f"{outer.url}/keys",
                            "id_token_signing_alg_values_supported": ["RS256"]}
                elif self.path == "/keys":
                    outer.key_fetches += 1
                    outer.keys_requested.set()
                    outer.keys_gate.wait(30)
                    body = outer._jwks
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openidconfiguration"

    def start(self) -> FakeOpenId:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.keys_gate.set()
        self._server.shutdown()
        self._server.server_close()

    def token(self, app_id: str, service_url: str, *, key: rsa.RSAPrivateKey | None = None,
              kid: str | None = None) -> str:
        """A channel token as the Bot Connector would send it (signed by *key*, default the known one)."""
        now = int(time.time())
        claims = {"iss": ISSUER, "aud": app_id, "serviceurl": service_url, "nbf": now - 10, "exp": now + 600}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid})
