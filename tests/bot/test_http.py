"""Teams-shaped activities over HTTP to /api/messages; a fake Bot Connector on 127.0.0.1 receives the replies."""

import logging

import pytest
from sqlalchemy import select

from bot.app import create_app
from bot.conversation_tables import ConversationRefRow
from bot.keys import SERVICES
from bot.settings import Settings
from routing.demo import load_demo
from tests import teams

PERSONAL = "a:personal-aad-staff-1"


@pytest.fixture
async def seeded(sqlite_db):
    await load_demo(sqlite_db.engine)
    return sqlite_db


@pytest.fixture
def settings(seeded):
    return Settings(database_url=seeded.url, log_level="DEBUG")


async def post(client, activity):
    response = await client.post("/api/messages", json=activity)
    assert response.status in (200, 201), await response.text()
    return response


def texts(sent) -> list[str]:
    """Every text, TextBlock and action title the bot sent."""
    found = []
    for item in sent:
        found.append(item.text)
        for card in item.cards:
            stack = [card]
            while stack:
                node = stack.pop(0)
                if isinstance(node, dict):
                    if node.get("type") == "TextBlock":
                        found.append(node.get("text", ""))
                    elif str(node.get("type", "")).startswith("Action."):
                        found.append(node.get("title", ""))
                    for key in ("body", "items", "columns", "actions"):
                        stack.extend(node.get(key) or [])
    return [text for text in found if text]


async def test_personal_install_greets_once_with_the_welcome_card(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    await post(client, teams.personal_install(connector.url))
    welcome = connector.to(PERSONAL)
    assert len(welcome) == 1
    card_text = " ".join(texts(welcome))
    for choice in ("Rådgör om ett barn", "Hitta min kontakt", "Ställ en fråga", "Akut fara"):
        assert choice in card_text
    assert "112" in card_text
    await post(client, teams.personal_install(connector.url))
    assert len(connector.to(PERSONAL)) == 1


async def test_english_locale_gets_the_english_welcome(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    await post(client, teams.personal_install(connector.url, locale="en-US"))
    assert "Consult about a child" in " ".join(texts(connector.to(PERSONAL)))


async def test_help_is_answered_as_the_first_message(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    await post(client, teams.message(connector.url, "hjälp"))
    assert any("Så här fungerar Samråd" in text for text in texts(connector.to(PERSONAL)))


async def test_user_and_team_channel_references_are_stored(aiohttp_client, settings, connector, seeded):
    client = await aiohttp_client(create_app(settings))
    await post(client, teams.personal_install(connector.url))
    await post(client, teams.team_install(connector.url, team_id="19:team@thread.tacv2",
                                          channel_id="19:team@thread.tacv2"))
    async with seeded.engine.connect() as connection:
        rows = (await connection.execute(select(ConversationRefRow.kind, ConversationRefRow.target_id))).all()
    assert sorted(rows) == [("channel", "19:team@thread.tacv2"), ("user", "aad-staff-1")]


async def test_conversation_continues_after_the_app_is_recreated(aiohttp_client, settings, connector):
    first = await aiohttp_client(create_app(settings))
    await post(first, teams.message(connector.url, value={"action": "menu", "choice": "consult"}))
    await post(first, teams.message(connector.url, value={"action": "danger", "choice": "no"}))
    assert any("Vilken förskola gäller det?" in text for text in texts(connector.to(PERSONAL)))
    await first.close()
    connector.clear()
    second = await aiohttp_client(create_app(settings))
    await post(second, teams.message(connector.url, "Förskola Sagobergt"))
    said = " ".join(texts(connector.to(PERSONAL)))
    assert "Bromma" in said  # the preschool step answered: state came back from the database
    assert "Vad vill du göra?" not in said


async def test_a_failing_turn_gets_a_kind_message_and_the_conversation_is_reset(
        aiohttp_client, settings, connector, caplog):
    app = create_app(settings)
    client = await aiohttp_client(app)
    await post(client, teams.message(connector.url, value={"action": "menu", "choice": "consult"}))
    await post(client, teams.message(connector.url, value={"action": "danger", "choice": "no"}))
    routing = app[SERVICES].routing

    async def broken_match(*_args, **_kwargs):
        raise RuntimeError("database exploded while reading Anna Andersson 070-1234567")

    original = routing.match
    routing.match = broken_match
    connector.clear()
    with caplog.at_level(logging.DEBUG):
        await post(client, teams.message(connector.url, "Förskola Sagoberget"))
    assert any("Något gick fel" in text or "Förlåt" in text for text in texts(connector.to(PERSONAL)))
    logged = "\n".join(record.getMessage() + str(record.__dict__) for record in caplog.records)
    assert "Anna Andersson" not in logged
    assert "Sagoberget" not in logged
    assert "070-1234567" not in logged
    routing.match = original
    connector.clear()
    await post(client, teams.message(connector.url, "Förskola Sagoberget"))
    said = " ".join(texts(connector.to(PERSONAL)))
    assert "Bromma" not in said  # not stuck in the old step: the conversation started over


async def test_wrong_content_type_is_415_and_bad_json_is_400(aiohttp_client, settings):
    client = await aiohttp_client(create_app(settings))
    assert (await client.post("/api/messages", data="hej", headers={"Content-Type": "text/plain"})).status == 415
    response = await client.post("/api/messages", data="{not json", headers={"Content-Type": "application/json"})
    assert response.status == 400


async def test_a_channel_message_that_mentions_the_bot_is_pointed_to_the_personal_chat(aiohttp_client, settings,
                                                                                       connector):
    client = await aiohttp_client(create_app(settings))
    channel = "19:team@thread.tacv2"
    activity = teams.message(connector.url, "<at>Samråd</at> hjälp",
                             conversation={"id": channel, "conversationType": "channel", "isGroup": True},
                             channel_data={"tenant": {"id": teams.TENANT}, "team": {"id": channel},
                                           "channel": {"id": channel}})
    activity["entities"] = [{"type": "mention", "text": "<at>Samråd</at>",
                             "mentioned": {"id": teams.BOT_ID, "name": "Samråd"}}]
    await post(client, activity)
    assert any("personlig chatt" in text for text in texts(connector.to(channel)))  # help too: only in private


async def test_uninstall_forgets_how_to_reach_the_user_and_the_team(aiohttp_client, settings, connector, seeded):
    client = await aiohttp_client(create_app(settings))
    await post(client, teams.personal_install(connector.url))
    await post(client, teams.team_install(connector.url, team_id="19:t@thread.tacv2", channel_id="19:t@thread.tacv2"))
    removal = teams.personal_install(connector.url)
    removal.update(type="installationUpdate", action="remove")
    removal.pop("membersAdded")
    await post(client, removal)
    team_removal = teams.team_install(connector.url, team_id="19:t@thread.tacv2", channel_id="19:t@thread.tacv2")
    team_removal["membersRemoved"] = team_removal.pop("membersAdded")
    await post(client, team_removal)
    async with seeded.engine.connect() as connection:
        assert (await connection.execute(select(ConversationRefRow.kind))).all() == []


async def test_eservice_url_from_the_settings_reaches_every_card(aiohttp_client, seeded, connector):
    """ESERVICE_URL is read once (bot/settings.py) and flows through the one wiring to the acute, contacts and
    guidance cards; the default address appears nowhere."""
    import json as _json
    from dataclasses import replace

    from routing.decision import ESERVICE_URL

    own = "https://anmalan.example.test/oro"
    settings = replace(Settings(database_url=seeded.url), eservice_url=own)
    client = await aiohttp_client(create_app(settings))

    def cards_since(count: int) -> str:
        return _json.dumps([card for item in connector.to(PERSONAL)[count:] for card in item.cards])

    seen = 0
    await post(client, teams.message(connector.url, value={"action": "menu", "choice": "acute"}))
    acute = cards_since(seen)
    seen = len(connector.to(PERSONAL))
    await post(client, teams.message(connector.url, value={"action": "menu", "choice": "contact"}))
    await post(client, teams.message(connector.url, "Förskola Sagoberget"))
    contacts = cards_since(seen)
    seen = len(connector.to(PERSONAL))
    await post(client, teams.message(connector.url, value={"action": "menu", "choice": "consult"}))
    await post(client, teams.message(connector.url, value={"action": "danger", "choice": "no"}))
    await post(client, teams.message(connector.url, "Förskola Sagoberget"))
    await post(client, teams.message(connector.url, "Han har blåmärken på armarna och säger att pappa slår honom"))
    for value in ({"action": "understood", "choice": "yes"}, {"action": "duration", "choice": "weeks"},
                  {"action": "child_told", "choice": "yes"}, {"action": "age", "choice": "3-6"},
                  {"action": "final", "choice": "guidance"}):
        await post(client, teams.message(connector.url, value=value))
    guidance = cards_since(seen)
    for name, shown in (("acute", acute), ("contacts", contacts), ("guidance", guidance)):
        assert own in shown, name
        assert ESERVICE_URL not in shown, name
    from dialogs.text import text_for

    sv = text_for("sv")
    assert sv["acute.title"] in acute
    assert _json.dumps(sv["guidance.not_replace"])[1:-1] in guidance  # the guidance card itself was reached
