"""Entra ID sign-in: role mapping, id-token validation against a fake JWKS on 127.0.0.1, the full PKCE flow."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from aiohttp.test_utils import TestServer

from admin.oidc import Grant, OidcClient, OidcError, grant_from_roles, pkce_pair
from admin.roles import Role
from tests.admin.fake_entra import CLIENT_ID, TENANT, FakeEntra, new_key


@pytest.mark.parametrize(("roles", "grant"), [
    (["Samrad.Admin"], Grant(Role.ADMIN, None)),
    (["Samrad.DistrictEditor.farsta"], Grant(Role.DISTRICT_EDITOR, "farsta")),
    (["Samrad.Socionom.bromma"], Grant(Role.SOCIONOM, "bromma")),
    (["Samrad.Socionom.bromma", "Samrad.DistrictEditor.farsta"], Grant(Role.DISTRICT_EDITOR, "farsta")),
    (["Samrad.Socionom.bromma", "Samrad.Admin"], Grant(Role.ADMIN, None)),
    (["Samrad.DistrictEditor"], None),  # a district role without a district grants nothing
    (["Other.Admin", "Admin"], None),
    ([], None),
])
def test_grant_from_roles(roles: list[str], grant: Grant | None) -> None:
    assert grant_from_roles(roles) == grant


def test_pkce_pair_is_s256() -> None:
    import base64
    import hashlib

    verifier, challenge = pkce_pair()
    assert 43 <= len(verifier) <= 128
    assert challenge == base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


@pytest.fixture
async def entra():  # type: ignore[no-untyped-def]
    fake = FakeEntra()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    fake.base_url = str(server.make_url("")).rstrip("/")
    yield fake
    await server.close()


def _client(fake: FakeEntra) -> OidcClient:
    return OidcClient(tenant_id=TENANT, client_id=CLIENT_ID, authority=f"{fake.base_url}/{TENANT}/v2.0")


async def test_valid_token_is_accepted(entra) -> None:
    entra.nonce = "n-1"
    claims = await _client(entra).validate(entra.id_token(roles=["Samrad.Admin"]), nonce="n-1")
    assert claims["roles"] == ["Samrad.Admin"]


@pytest.mark.parametrize("change", [
    {"aud": "someone-else"},
    {"iss": "https://login.microsoftonline.com/other/v2.0"},
    {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200, "nbf": int(time.time()) - 7200},
    {"nonce": "replayed"},
    {"tid": "another-tenant"},
    {"nonce": None},
])
async def test_invalid_claims_are_rejected(entra, change) -> None:  # type: ignore[no-untyped-def]
    entra.nonce = "n-1"
    with pytest.raises(OidcError):
        await _client(entra).validate(entra.id_token(**change), nonce="n-1")


async def test_token_signed_by_another_key_is_rejected(entra) -> None:
    entra.nonce = "n-1"
    forged = jwt.encode({"iss": entra.issuer, "aud": CLIENT_ID, "iat": int(time.time()),
                         "exp": int(time.time()) + 600, "nonce": "n-1"}, new_key(), algorithm="RS256",
                        headers={"kid": entra.kid})
    with pytest.raises(OidcError):
        await _client(entra).validate(forged, nonce="n-1")


async def test_unsigned_token_is_rejected(entra) -> None:
    unsigned = jwt.encode({"iss": entra.issuer, "aud": CLIENT_ID, "nonce": "n"}, key=None, algorithm="none")
    with pytest.raises(OidcError):
        await _client(entra).validate(unsigned, nonce="n")


async def test_rotated_key_is_fetched_again(entra) -> None:
    client = _client(entra)
    entra.nonce = "n"
    await client.validate(entra.id_token(), nonce="n")
    entra.key, entra.kid = new_key(), "test-key-2"
    assert (await client.validate(entra.id_token(), nonce="n"))["tid"] == TENANT


async def _start(harness) -> dict[str, str]:  # type: ignore[no-untyped-def]
    response = await harness.client.get("/admin/oidc/start?next=/admin/", allow_redirects=False)
    assert response.status == 302
    query = {k: v[0] for k, v in parse_qs(urlparse(response.headers["Location"]).query).items()}
    assert query["code_challenge_method"] == "S256"
    assert query["client_id"] == CLIENT_ID
    return query


async def test_full_sign_in_flow_creates_the_account_with_its_role(make_harness, sqlite_db, entra) -> None:
    harness = await make_harness(sqlite_db, oidc=_client(entra))
    query = await _start(harness)
    entra.nonce, entra.challenge = query["nonce"], query["code_challenge"]
    entra.claims = {"roles": ["Samrad.DistrictEditor.farsta"], "preferred_username": "kari@example.se"}
    response = await harness.client.get(f"/admin/oidc/callback?code=good-code&state={query['state']}",
                                        allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == "/admin/"
    session = await (await harness.client.get("/admin/api/session")).json()
    assert session["user"] == {"username": "kari@example.se", "role": "district_editor", "district_id": "farsta"}
    assert entra.token_requests[0]["redirect_uri"].endswith("/admin/oidc/callback")
    assert (await harness.accounts.audit_log(event="signin"))[0].detail == {"method": "oidc"}


async def test_sign_in_flow_without_a_role_is_403(make_harness, sqlite_db, entra) -> None:
    harness = await make_harness(sqlite_db, oidc=_client(entra))
    query = await _start(harness)
    entra.nonce, entra.challenge = query["nonce"], query["code_challenge"]
    response = await harness.client.get(f"/admin/oidc/callback?code=good-code&state={query['state']}")
    assert response.status == 403
    assert (await harness.accounts.audit_log(event="signin_failed"))[0].detail["reason"] == "no_role"


async def test_callback_with_wrong_state_is_400(make_harness, sqlite_db, entra) -> None:
    harness = await make_harness(sqlite_db, oidc=_client(entra))
    await _start(harness)
    response = await harness.client.get("/admin/oidc/callback?code=good-code&state=forged")
    assert response.status == 400


async def test_callback_with_bad_code_is_403(make_harness, sqlite_db, entra) -> None:
    harness = await make_harness(sqlite_db, oidc=_client(entra))
    query = await _start(harness)
    entra.nonce, entra.challenge = query["nonce"], query["code_challenge"]
    response = await harness.client.get(f"/admin/oidc/callback?code=bad&state={query['state']}")
    assert response.status == 403


async def test_oidc_routes_are_404_when_not_configured(harness) -> None:
    assert (await harness.client.get("/admin/oidc/start")).status == 404


async def test_sign_in_links_the_account_to_the_tokens_oid(make_harness, sqlite_db, entra) -> None:
    harness = await make_harness(sqlite_db, oidc=_client(entra))
    for oid in ("aad-first", "aad-second"):  # created with the oid, then kept up to date
        query = await _start(harness)
        entra.nonce, entra.challenge = query["nonce"], query["code_challenge"]
        entra.claims = {"roles": ["Samrad.Socionom.farsta"], "preferred_username": "sol@example.se", "oid": oid}
        response = await harness.client.get(f"/admin/oidc/callback?code=good-code&state={query['state']}",
                                            allow_redirects=False)
        assert response.status == 302
        account = await harness.accounts.user("sol@example.se")
        assert account is not None
        assert account.aad_object_id == oid
