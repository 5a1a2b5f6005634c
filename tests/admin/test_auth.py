"""Sign-in, sessions, CSRF and throttling of the administration, through real HTTP requests."""

from __future__ import annotations

import re

import pytest

from tests.admin.conftest import PASSWORD


async def test_anonymous_page_request_redirects_to_sign_in(harness) -> None:
    response = await harness.client.get("/admin/", allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"].startswith("/admin/login?next=")


async def test_anonymous_api_request_is_401(harness) -> None:
    response = await harness.client.get("/admin/api/session")
    assert response.status == 401
    assert (await response.json())["error"] == "unauthenticated"


async def test_openapi_document_is_public(harness) -> None:
    response = await harness.client.get("/admin/api/openapi.json")
    assert response.status == 200
    assert (await response.json())["openapi"].startswith("3.")


async def _login_form(client) -> str:  # type: ignore[no-untyped-def]
    page = await (await client.get("/admin/login")).text()
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


async def test_form_sign_in_sets_a_hardened_cookie_and_lands_on_next(harness) -> None:
    token = await _login_form(harness.client)
    response = await harness.client.post("/admin/login", data={
        "csrf_token": token, "username": "anna", "password": PASSWORD, "next": "/admin/?x=1"},
        allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == "/admin/?x=1"
    cookie = response.cookies["samrad_admin"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/admin/"
    page = await harness.client.get("/admin/")
    assert page.status == 200
    assert "anna" in await page.text()


async def test_form_sign_in_refuses_foreign_next(harness) -> None:
    token = await _login_form(harness.client)
    response = await harness.client.post("/admin/login", data={
        "csrf_token": token, "username": "anna", "password": PASSWORD, "next": "https://evil.example/"},
        allow_redirects=False)
    assert response.headers["Location"] == "/admin/"


async def test_form_sign_in_without_login_csrf_is_403(harness) -> None:
    response = await harness.client.post("/admin/login", data={"username": "anna", "password": PASSWORD})
    assert response.status == 403


async def test_secure_cookies_setting_marks_the_cookie_secure(make_harness, sqlite_db) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from bot.administration import create_standalone_app
    from tests.admin.conftest import FAST_HASHER, settings_for

    await make_harness(sqlite_db)  # seeds the accounts
    settings = settings_for(sqlite_db).with_(secure_cookies=True)
    app = create_standalone_app(settings, hasher=FAST_HASHER)
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/admin/api/session", json={"username": "anna", "password": PASSWORD})
        assert response.cookies["samrad_admin"]["secure"]


async def test_wrong_password_is_401_and_audited(harness) -> None:
    response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": "fel"})
    assert response.status == 401
    entries = await harness.accounts.audit_log()
    assert entries[0].event == "signin_failed"
    assert entries[0].actor == "anna"
    assert "fel" not in str(entries[0].detail)


async def test_successful_sign_in_is_audited(harness) -> None:
    await harness.sign_in("anna")
    entries = await harness.accounts.audit_log(event="signin")
    assert [e.actor for e in entries] == ["anna"]


async def test_api_sign_in_requires_json(harness) -> None:
    response = await harness.client.post("/admin/api/session", data={"username": "anna", "password": PASSWORD})
    assert response.status == 415


async def test_repeated_failures_are_throttled_with_retry_after(harness) -> None:
    for _ in range(3):
        response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": "fel"})
        assert response.status == 401
    response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": PASSWORD})
    assert response.status == 429
    assert int(response.headers["Retry-After"]) == 2
    harness.clock.now += 2
    # One more failure doubles the wait.
    response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": "fel"})
    assert response.status == 401
    response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": PASSWORD})
    assert response.status == 429
    assert int(response.headers["Retry-After"]) == 4
    harness.clock.now += 4
    await harness.sign_in("anna")
    assert [e.event for e in await harness.accounts.audit_log(event="signin_throttled")]


async def test_throttled_form_sign_in_is_429_with_retry_after(harness) -> None:
    for _ in range(3):
        token = await _login_form(harness.client)
        await harness.client.post("/admin/login", data={"csrf_token": token, "username": "anna", "password": "x"})
    token = await _login_form(harness.client)
    response = await harness.client.post("/admin/login", data={
        "csrf_token": token, "username": "anna", "password": PASSWORD})
    assert response.status == 429
    assert response.headers["Retry-After"] == "2"


async def test_throttle_is_per_username(harness) -> None:
    for _ in range(4):
        await harness.client.post("/admin/api/session", json={"username": "anna", "password": "fel"})
    await harness.sign_in("farsta-red")


async def test_unsafe_api_request_without_csrf_header_is_403(harness) -> None:
    await harness.sign_in("anna")
    response = await harness.client.delete("/admin/api/session")
    assert response.status == 403
    assert (await response.json())["error"] == "csrf"


async def test_unsafe_api_request_with_wrong_csrf_header_is_403(harness) -> None:
    await harness.sign_in("anna")
    response = await harness.client.delete("/admin/api/session", headers={"X-CSRF-Token": "nope"})
    assert response.status == 403


async def test_api_does_not_accept_csrf_as_form_field(harness) -> None:
    csrf = await harness.sign_in("anna")
    response = await harness.client.delete("/admin/api/session", data={"csrf_token": csrf})
    assert response.status == 403


async def test_page_form_without_csrf_is_403(harness) -> None:
    await harness.sign_in("anna")
    response = await harness.client.post("/admin/logout", data={})
    assert response.status == 403


async def test_sign_out_ends_the_session(harness) -> None:
    csrf = await harness.sign_in("anna")
    response = await harness.client.delete("/admin/api/session", headers={"X-CSRF-Token": csrf})
    assert response.status == 200
    assert (await harness.client.get("/admin/api/session")).status == 401
    assert (await harness.accounts.audit_log(event="signout"))[0].actor == "anna"


async def test_deactivated_account_loses_its_session(harness) -> None:
    await harness.sign_in("farsta-red")
    await harness.accounts.set_active("farsta-red", False)
    assert (await harness.client.get("/admin/api/session")).status == 401


async def test_forged_session_cookie_is_401(harness) -> None:
    harness.client.session.cookie_jar.update_cookies({"samrad_admin": "made-up"})
    assert (await harness.client.get("/admin/api/session")).status == 401


async def test_security_headers_on_pages(harness) -> None:
    response = await harness.client.get("/admin/login")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.postgres
async def test_sign_in_works_on_postgres(make_harness, pg_db) -> None:
    harness = await make_harness(pg_db)
    csrf = await harness.sign_in("soc-farsta")
    body = await (await harness.client.get("/admin/api/session")).json()
    assert body["user"] == {"username": "soc-farsta", "role": "socionom", "district_id": "farsta"}
    assert body["csrf_token"] == csrf
