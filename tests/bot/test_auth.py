"""With an app id configured, /api/messages rejects missing, malformed and foreign tokens with 401."""

import pytest
from sqlalchemy import func, select

from bot.app import create_app
from bot.conversation_tables import StateRow
from bot.settings import BotFrameworkConfig, Settings
from tests import teams
from tests.fake_openid import ISSUER, FakeOpenId, new_key

APP_ID = "00000000-aaaa-4bbb-8ccc-000000000001"


@pytest.fixture
def openid():
    server = FakeOpenId().start()
    yield server
    server.stop()


@pytest.fixture
async def client(aiohttp_client, sqlite_db, openid):
    settings = Settings(database_url=sqlite_db.url, app_id=APP_ID, app_password="not-used-in-these-tests",
                        extra_service_hosts=("127.0.0.1",))
    config = BotFrameworkConfig(settings)
    config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = openid.metadata_url
    config.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = openid.metadata_url
    # botbuilder drops all its defaults once one endpoint is set: without the issuer every token would be refused
    # before its signature is even looked at.
    config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = ISSUER
    return await aiohttp_client(create_app(settings, bot_framework_config=config))


async def rows(database) -> int:
    async with database.engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(StateRow))).scalar_one()


def headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


@pytest.mark.parametrize("case", ["missing", "malformed", "unknown_key", "wrong_signature", "wrong_audience"])
async def test_unauthenticated_requests_get_401_and_reach_no_dialog(client, connector, openid, sqlite_db, case):
    activity = teams.message(connector.url, "hjälp")
    token = {
        "missing": None,
        "malformed": "not.a.jwt",
        "unknown_key": openid.token(APP_ID, connector.url, key=new_key(), kid="some-other-key"),
        "wrong_signature": openid.token(APP_ID, connector.url, key=new_key()),
        "wrong_audience": openid.token("another-bot", connector.url),
    }[case]
    response = await client.post("/api/messages", json=activity, headers=headers(token))
    assert response.status == 401
    assert connector.sent == []
    assert await rows(sqlite_db) == 0


async def test_health_endpoints_need_no_token(client):
    assert (await client.get("/healthz")).status == 200
    ready = await client.get("/readyz")
    assert ready.status == 200
    assert (await ready.json())["database"] == "ok"
