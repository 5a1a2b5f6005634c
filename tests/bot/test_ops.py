"""Operations: /metrics, /readyz, failing closed (app id, serviceUrl) and signing keys fetched off the event loop."""

from __future__ import annotations

import asyncio
import re

import pytest
from botframework.connector.auth import ClaimsIdentity
from sqlalchemy import text

from bot.app import create_app
from bot.cli import main
from bot.settings import BotFrameworkConfig, Settings, SettingsError
from bot.teams.auth import ServiceUrlNotAllowedError, create_authentication, service_url_allowed
from routing.demo import load_demo
from tests import teams
from tests.conftest import PG_URL, make_postgres
from tests.fake_openid import ISSUER, FakeOpenId

APP_ID = "00000000-aaaa-4bbb-8ccc-000000000002"
STAFF = "aad-7f3e9c21-staff"
SECRETS = ("Lisa Andersson", "070-123 45 67", "0701234567", STAFF, "Solrosen", "personal-")


@pytest.fixture
async def seeded(sqlite_db):
    await load_demo(sqlite_db.engine)
    return sqlite_db


def _families(exposition: str) -> set[str]:
    return set(re.findall(r"^# TYPE (\S+) ", exposition, flags=re.MULTILINE))


async def test_metrics_name_every_family_and_carry_no_text_or_ids(aiohttp_client, seeded, connector):
    client = await aiohttp_client(create_app(Settings(database_url=seeded.url)))
    sender = teams.user(STAFF, "Lisa Andersson")
    for activity in (teams.personal_install(connector.url, sender),
                     teams.message(connector.url, value={"action": "menu", "choice": "consult"}, sender=sender),
                     teams.message(connector.url, "Solrosen, Lisa Andersson 070-123 45 67", sender=sender)):
        assert (await client.post("/api/messages", json=activity)).status in (200, 201)
    assert (await client.post("/api/messages", data="{nope", headers={"Content-Type": "application/json"})
            ).status == 400
    response = await client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    body = await response.text()
    assert {"samrad_turns_total", "samrad_turn_seconds", "samrad_handoffs", "samrad_proactive_sends_total",
            "samrad_errors_total", "samrad_db_pool_in_use", "samrad_db_pool_open"} <= _families(body)
    assert re.search(r'^samrad_turns_total\{activity_type="message",outcome="ok"\} [1-9]', body, re.MULTILINE)
    assert re.search(r'^samrad_turns_total\{activity_type="conversationUpdate",outcome="ok"\} [1-9]', body,
                     re.MULTILINE)
    assert re.search(r'^samrad_turn_seconds_bucket\{activity_type="message",le="\+Inf"\} [1-9]', body, re.MULTILINE)
    assert re.search(r'^samrad_handoffs\{state="requested"\} 0', body, re.MULTILINE)
    for secret in SECRETS:
        assert secret not in body
    # Every label value of Samråd's metrics comes from a fixed list: no free-form value can appear.
    values = set(re.findall(r'="([^"]*)"', "\n".join(line for line in body.splitlines()
                                                      if line.startswith("samrad_"))))
    assert values <= {"message", "conversationUpdate", "installationUpdate", "invoke", "messageReaction",
                      "messageUpdate", "messageDelete", "event", "typing", "endOfConversation", "other",
                      "ok", "failed", "rejected", "sent", "continue", "create", "requested", "offered", "escalated",
                      "claimed", "active", "closed", "withdrawn", "expired", "turn_failed", "request_failed",
                      "auth_rejected", "auth_unavailable", "service_url_refused", "proactive_failed", "bad_request",
                      } | {v for v in values if re.fullmatch(r"[0-9.]+|\+Inf", v)}, values


async def test_an_unknown_activity_type_is_counted_as_other(aiohttp_client, seeded, connector):
    client = await aiohttp_client(create_app(Settings(database_url=seeded.url)))
    activity = teams.message(connector.url, "hej")
    activity["type"] = "Lisa Andersson 070-123 45 67"
    await client.post("/api/messages", json=activity)
    body = await (await client.get("/metrics")).text()
    assert "Lisa" not in body
    assert re.search(r'^samrad_turns_total\{activity_type="other",outcome="\w+"\} [1-9]', body, re.MULTILINE)


async def test_readyz_is_ok_on_a_migrated_database_with_its_directory(aiohttp_client, seeded):
    client = await aiohttp_client(create_app(Settings(database_url=seeded.url)))
    response = await client.get("/readyz")
    assert response.status == 200
    assert await response.json() == {"status": "ok", "database": "ok", "schema": "ok", "directory": "ok"}


async def test_readyz_fails_on_an_unmigrated_sqlite_database(aiohttp_client, tmp_path):
    client = await aiohttp_client(create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'new.db'}")))
    assert (await client.get("/healthz")).status == 200  # alive, but not ready
    response = await client.get("/readyz")
    assert response.status == 503
    assert (await response.json())["schema"] == "missing"


@pytest.mark.postgres
async def test_readyz_fails_on_an_unmigrated_postgres_schema_and_on_one_behind_head(aiohttp_client):
    from bot.database import create_engine

    database = await make_postgres()  # migrated; the test empties a second schema and rewinds this one
    admin = create_engine(PG_URL)
    empty = f"{database.schema}_empty"
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{empty}"'))
        client = await aiohttp_client(create_app(Settings(database_url=PG_URL, database_schema=empty)))
        response = await client.get("/readyz")
        assert response.status == 503
        assert (await response.json())["schema"] == "missing"
        async with database.engine.begin() as connection:
            await connection.execute(text("DELETE FROM alembic_version"))
            await connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0001_older')"))
        behind = await aiohttp_client(create_app(Settings(database_url=PG_URL, database_schema=database.schema)))
        response = await behind.get("/readyz")
        assert response.status == 503
        assert (await response.json())["schema"] == "behind"
    finally:
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA IF EXISTS "{empty}" CASCADE'))
        await admin.dispose()
        from tests.conftest import drop

        await drop(database)


async def test_readyz_fails_when_the_database_is_unreachable(aiohttp_client):
    settings = Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none")
    client = await aiohttp_client(create_app(settings))
    response = await client.get("/readyz")
    assert response.status == 503
    assert (await response.json())["database"] == "unreachable"


# --- Fails closed --------------------------------------------------------------------------------------------


def test_serve_refuses_to_start_without_an_app_id(monkeypatch, capsys):
    for name in ("MicrosoftAppId", "SAMRAD_DEV"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--workers", "1"]) == 2
    error = capsys.readouterr().err
    assert "MicrosoftAppId" in error
    assert "--dev" in error


def test_samrad_dev_must_be_a_clear_flag():
    assert Settings.from_env({"SAMRAD_DEV": "1"}).dev is True
    assert Settings.from_env({}).dev is False
    with pytest.raises(SettingsError, match="SAMRAD_DEV must be true or false"):
        Settings.from_env({"SAMRAD_DEV": "kanske"})
    with pytest.raises(SettingsError, match="WEB_CONCURRENCY"):
        Settings.from_env({"WEB_CONCURRENCY": "-1"})
    with pytest.raises(SettingsError, match="SERVICE_URL_HOSTS"):
        Settings.from_env({"SERVICE_URL_HOSTS": "http://evil.example/"})
    assert Settings.from_env({"SERVICE_URL_HOSTS": "127.0.0.1, *.Example.org"}).extra_service_hosts == (
        "127.0.0.1", "*.example.org")


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://smba.trafficmanager.net/emea/", True),
    ("https://smba.trafficmanager.net/teams/", True),
    ("https://SMBA.trafficmanager.net/amer/", True),
    ("https://smba.infra.gcc.teams.microsoft.com/", True),
    ("https://webchat.botframework.com/", True),
    ("https://europe.directline.botframework.com/v3/", True),
    ("http://smba.trafficmanager.net/emea/", False),  # not https
    ("https://smba.trafficmanager.net.evil.example/", False),
    ("https://evil-smba.trafficmanager.net/", False),
    ("https://botframework.com.evil.example/", False),
    ("https://evilbotframework.com/", False),
    ("https://smba.trafficmanager.net@evil.example/", False),
    ("https://user:pw@smba.trafficmanager.net/", False),
    ("https://evil.example/#@smba.trafficmanager.net", False),
    ("https://smba.trafficmanager.net\\@evil.example/", False),
    ("https://smba.trafficmanager.net:99999/", False),
    ("http://127.0.0.1:8080/", False),  # only with SERVICE_URL_HOSTS
    ("ftp://webchat.botframework.com/", False),
    ("", False),
    (None, False),
    ("not a url", False),
])
def test_service_urls_must_be_bot_framework_hosts(url, allowed):
    assert service_url_allowed(url) is allowed


def test_extra_service_hosts_allow_a_local_connector_over_http():
    assert service_url_allowed("http://127.0.0.1:8080/", ("127.0.0.1",))
    assert service_url_allowed("http://connector.test.example/", ("*.example",))
    assert not service_url_allowed("http://127.0.0.2:8080/", ("127.0.0.1",))


@pytest.fixture
def openid():
    server = FakeOpenId().start()
    yield server
    server.stop()


def _authenticated_app(database, openid, **overrides):
    settings = Settings(database_url=database.url, app_id=APP_ID, app_password="unused").with_(**overrides)
    config = BotFrameworkConfig(settings)
    config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = openid.metadata_url
    config.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = openid.metadata_url
    config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = ISSUER  # botbuilder drops its defaults once one endpoint is set
    return create_app(settings, bot_framework_config=config)


def _typing(service_url: str) -> dict:
    """An activity that needs a full authenticated turn but no reply (so no outbound token is needed)."""
    activity = teams.message(service_url)
    activity["type"] = "typing"
    return activity


async def test_with_an_app_id_a_foreign_service_url_is_refused_even_with_a_valid_token(
        aiohttp_client, sqlite_db, openid, connector):
    client = await aiohttp_client(_authenticated_app(sqlite_db, openid))
    for service_url in (connector.url, "https://evil.example/"):
        token = openid.token(APP_ID, service_url)
        response = await client.post("/api/messages", json=teams.message(service_url, "hjälp"),
                                     headers={"Authorization": f"Bearer {token}"})
        assert response.status == 401
    assert connector.sent == []
    body = await (await client.get("/metrics")).text()
    assert re.search(r'^samrad_errors_total\{code="service_url_refused"\} [1-9]', body, re.MULTILINE)


async def test_outbound_calls_to_a_foreign_service_url_are_refused(sqlite_db):
    authentication = create_authentication(Settings(database_url=sqlite_db.url, app_id=APP_ID, app_password="x"))
    factory = authentication.create_connector_factory(ClaimsIdentity({"aud": APP_ID}, True))
    with pytest.raises(ServiceUrlNotAllowedError):
        await factory.create("https://evil.example/", "https://api.botframework.com")
    client = await factory.create("https://smba.trafficmanager.net/emea/", "https://api.botframework.com")
    assert client is not None


# --- Signing keys off the event loop ---------------------------------------------------------------------------


async def _wait_for(event, seconds: float = 10.0) -> None:
    for _ in range(int(seconds * 20)):
        if event.is_set():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the key fetch never started")


async def test_a_slow_key_endpoint_does_not_stall_other_requests(aiohttp_client, sqlite_db, openid, connector):
    client = await aiohttp_client(_authenticated_app(sqlite_db, openid, extra_service_hosts=("127.0.0.1",)))
    openid.keys_gate.clear()  # /keys now hangs until the gate opens
    token = openid.token(APP_ID, connector.url)
    signed = [asyncio.create_task(client.post("/api/messages", json=_typing(connector.url),
                                              headers={"Authorization": f"Bearer {token}"})) for _ in range(3)]
    await _wait_for(openid.keys_requested)
    # While the keys are being fetched, the process answers other requests.
    assert (await client.get("/healthz")).status == 200
    assert (await client.post("/api/messages", json=teams.message(connector.url, "hej"))).status == 401
    assert (await client.get("/metrics")).status == 200
    assert not any(task.done() for task in signed), "the signed requests should still wait for the keys"
    openid.keys_gate.set()
    responses = await asyncio.gather(*signed)
    assert [response.status for response in responses] == [201, 201, 201]
    assert openid.key_fetches == 1  # one fetch for the three requests, and cached for the next
    again = await client.post("/api/messages", json=_typing(connector.url),
                              headers={"Authorization": f"Bearer {openid.token(APP_ID, connector.url)}"})
    assert again.status == 201
    assert openid.key_fetches == 1


async def test_an_unreachable_key_endpoint_is_503_not_a_hang(aiohttp_client, sqlite_db, connector):
    openid = FakeOpenId().start()
    token = openid.token(APP_ID, connector.url)
    url = openid.metadata_url
    openid.stop()  # nothing listens there any more
    settings = Settings(database_url=sqlite_db.url, app_id=APP_ID, app_password="unused",
                        extra_service_hosts=("127.0.0.1",))
    config = BotFrameworkConfig(settings)
    config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = url
    config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = ISSUER
    client = await aiohttp_client(create_app(settings, bot_framework_config=config))
    response = await client.post("/api/messages", json=_typing(connector.url),
                                 headers={"Authorization": f"Bearer {token}"})
    assert response.status == 503
