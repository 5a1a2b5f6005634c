"""The service edge over HTTP: only personal chats consult, invokes are answered, malformed activities get a 4xx.

Teams-shaped activities go to /api/messages of the real app; a fake Bot Connector on 127.0.0.1 receives replies.
"""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.app import create_app
from bot.schema import all_metadata
from bot.settings import Settings
from routing.demo import load_demo
from routing.model import STOCKHOLM
from tests import teams

PERSONAL = "a:personal-aad-staff-1"
CHANNEL = "19:team-farsta@thread.tacv2"
GROUP_CHAT = "19:meeting-group-chat@thread.v2"
DEEP_LINK = "https://teams.microsoft.com/l/chat/0/0?users=28:samrad-bot"
CONCERN = "Jag är orolig för ett barn på avdelning Solrosen som heter Zelda, hon har blåmärken"


@pytest.fixture
async def seeded(sqlite_db):
    await load_demo(sqlite_db.engine)
    return sqlite_db


@pytest.fixture
def settings(seeded):
    return Settings(database_url=seeded.url, log_level="DEBUG")


async def row_counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Rows per table of every package's metadata."""
    counts = {}
    async with engine.connect() as connection:
        for metadata in all_metadata():
            for table in metadata.sorted_tables:
                counts[table.name] = (await connection.execute(select(func.count()).select_from(table))).scalar_one()
    return counts


def channel_message(service_url: str, text: str | None = None, *, value: dict[str, Any] | None = None,
                    group_chat: bool = False) -> dict[str, Any]:
    """A message in a team channel (with the bot @mentioned) or in a group chat, as Teams posts it."""
    if group_chat:
        conversation = {"id": GROUP_CHAT, "conversationType": "groupChat", "isGroup": True,
                        "tenantId": teams.TENANT}
        channel_data = {"tenant": {"id": teams.TENANT}}
    else:
        conversation = {"id": CHANNEL, "conversationType": "channel", "isGroup": True, "tenantId": teams.TENANT}
        channel_data = {"tenant": {"id": teams.TENANT}, "team": {"id": CHANNEL}, "channel": {"id": CHANNEL}}
    activity = teams.message(service_url, None if text is None else f"<at>Samråd</at> {text}", value=value,
                             conversation=conversation, channel_data=channel_data)
    if text is not None:
        activity["entities"] = [{"type": "mention", "text": "<at>Samråd</at>",
                                 "mentioned": {"id": teams.BOT_ID, "name": "Samråd"}}]
    return activity


def card_texts(sent) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text, TextBlock text and action title/url the bot sent."""
    found: list[str] = []
    for item in sent:
        found.append(item.text)
        stack: list[Any] = list(item.cards)
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                for key in ("text", "title", "url"):
                    if isinstance(node.get(key), str):
                        found.append(node[key])
                for key in ("body", "items", "columns", "actions"):
                    stack.extend(node.get(key) or [])
    return [text for text in found if text]


@pytest.mark.parametrize("group_chat", [False, True], ids=["team-channel", "group-chat"])
async def test_a_consultation_outside_a_personal_chat_is_redirected_and_leaves_no_row(
        aiohttp_client, settings, seeded, connector, caplog, group_chat):
    client = await aiohttp_client(create_app(settings))
    where = GROUP_CHAT if group_chat else CHANNEL
    before = await row_counts(seeded.engine)
    caplog.set_level(logging.DEBUG)
    for activity in (channel_message(connector.url, CONCERN, group_chat=group_chat),
                     channel_message(connector.url, value={"action": "menu", "choice": "consult"},
                                     group_chat=group_chat),
                     channel_message(connector.url, "Förskola Sagoberget", group_chat=group_chat),
                     channel_message(connector.url, "hjälp", group_chat=group_chat),
                     channel_message(connector.url, value={"action": "final", "choice": "handoff"},
                                     group_chat=group_chat)):
        response = await client.post("/api/messages", json=activity)
        assert response.status in (200, 201)
    replies = connector.to(where)
    assert len(replies) == 5
    for reply in replies:
        said = card_texts([reply])
        assert any("personlig chatt" in text for text in said), said
        assert DEEP_LINK in said  # one button that opens the personal chat with the bot
        assert not any("Vilken förskola" in text or "Bromma" in text for text in said)
    assert await row_counts(seeded.engine) == before  # no state, reference, consultation or handoff row
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "Zelda" not in logged
    assert "Sagoberget" not in logged
    assert "Solrosen" not in logged


async def test_the_unit_channel_can_still_use_handoff_card_actions(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    claim = channel_message(connector.url, value={"action": "handoff.claim", "handoff_id": "no-such-handoff"})
    assert (await client.post("/api/messages", json=claim)).status in (200, 201)
    said = " ".join(card_texts(connector.to(CHANNEL)))
    assert "personlig chatt" not in said  # the handoff engine answered, not the redirect
    assert said


async def test_the_redirect_speaks_english_to_an_english_locale(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    activity = channel_message(connector.url, "I am worried about a child")
    activity["locale"] = "en-US"
    await client.post("/api/messages", json=activity)
    said = card_texts(connector.to(CHANNEL))
    assert any("personal chat" in text for text in said)
    assert DEEP_LINK in said


def invoke(service_url: str, name: str | None, value: Any) -> dict[str, Any]:
    """An invoke activity from the staff member's personal chat."""
    activity = teams.message(service_url)
    activity["type"] = "invoke"
    if name is not None:
        activity["name"] = name
    activity["value"] = value
    return activity


def execute(data: Any, verb: str = "submit") -> dict[str, Any]:
    return {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}


async def test_a_universal_action_is_routed_like_a_submit_and_answered(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    response = await client.post("/api/messages", json=invoke(
        connector.url, "adaptiveCard/action", execute({"action": "menu", "choice": "consult"})))
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"] == "Jag svarar i chatten."
    assert any("är barnet i fara just nu" in text for text in card_texts(connector.to(PERSONAL)))
    await client.post("/api/messages", json=invoke(
        connector.url, "adaptiveCard/action", execute({"action": "danger", "choice": "no"})))
    assert any("Vilken förskola gäller det?" in text for text in card_texts(connector.to(PERSONAL)))
    connector.clear()
    # The next step can be answered by a Universal Action too; the verb names the step when data lacks it.
    response = await client.post("/api/messages", json=invoke(
        connector.url, "adaptiveCard/action", execute({"text": "Förskola Sagoberget"}, verb="place")))
    assert response.status == 200
    assert any("Bromma" in text for text in card_texts(connector.to(PERSONAL)))


async def test_a_legacy_card_invoke_is_routed_like_a_submit(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    response = await client.post("/api/messages", json=invoke(connector.url, None,
                                                              {"action": "menu", "choice": "contact"}))
    assert response.status == 200
    assert any("hitta kontakterna" in text for text in card_texts(connector.to(PERSONAL)))


@pytest.mark.parametrize(("name", "value", "code"), [
    ("task/fetch", {"data": {}}, "NotSupported"),
    ("composeExtension/query", {"commandId": "x"}, "NotSupported"),
    ("signin/verifyState", {"state": "x"}, "NotSupported"),
    ("adaptiveCard/action", None, "BadRequest"),
    ("adaptiveCard/action", {"action": {"type": "Action.Submit", "data": {}}}, "BadRequest"),
    ("adaptiveCard/action", {"action": {"type": "Action.Execute", "data": "text"}}, "BadRequest"),
    ("adaptiveCard/action", "not an object", "BadRequest"),
    (None, "not an object", "BadRequest"),
])
async def test_unknown_or_malformed_invokes_get_a_clear_400_never_501(aiohttp_client, settings, connector,
                                                                      name, value, code):
    client = await aiohttp_client(create_app(settings))
    response = await client.post("/api/messages", json=invoke(connector.url, name, value))
    assert response.status == 400, await response.text()
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.error"
    assert body["value"]["code"] == code


async def test_a_menu_button_of_an_old_card_still_acts(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "menu",
                                                                                "choice": "consult"}))
    said = card_texts(connector.to(PERSONAL))
    assert any("är barnet i fara just nu" in text for text in said)  # the consultation's first question


def valid_message(service_url: str) -> dict[str, Any]:
    return teams.message(service_url, "hej")


def without(activity: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in activity.items() if k != key}


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"a": value}
    return value


MALFORMED = {
    "no type": (lambda a: without(a, "type"), "'type' is missing"),
    "type not a string": (lambda a: {**a, "type": 5}, "'type' must be a string"),
    "no serviceUrl": (lambda a: without(a, "serviceUrl"), "'serviceUrl' is missing"),
    "serviceUrl not a URL": (lambda a: {**a, "serviceUrl": "not a url"}, "'serviceUrl' must be an http(s) URL"),
    "serviceUrl broken IPv6": (lambda a: {**a, "serviceUrl": "http://[::1"}, "'serviceUrl' must be an http(s) URL"),
    "serviceUrl ftp": (lambda a: {**a, "serviceUrl": "ftp://x.example/"}, "'serviceUrl' must be an http(s) URL"),
    "no conversation": (lambda a: without(a, "conversation"), "'conversation' is missing"),
    "conversation a string": (lambda a: {**a, "conversation": "c"}, "'conversation' must be an object"),
    "conversation without id": (lambda a: {**a, "conversation": {"conversationType": "personal"}},
                                "'conversation.id' is missing"),
    "conversation id a number": (lambda a: {**a, "conversation": {"id": 7}}, "'conversation.id' must be a string"),
    "no sender": (lambda a: without(a, "from"), "'from.id' is missing"),
    "sender a list": (lambda a: {**a, "from": []}, "'from' must be an object"),
    "isGroup a string": (lambda a: {**a, "conversation": {"id": "c", "isGroup": "yes"}},
                         "'conversation.isGroup' must be true or false"),
    "text a number": (lambda a: {**a, "text": 12}, "'text' must be a string"),
    "text an object": (lambda a: {**a, "text": {"x": 1}}, "'text' must be a string"),
    "entities not a list": (lambda a: {**a, "entities": "x"}, "'entities' must be a list of objects"),
    "membersAdded of strings": (lambda a: {**a, "membersAdded": ["x"]}, "'membersAdded' must be a list of objects"),
    "channelData a list": (lambda a: {**a, "channelData": [1]}, "'channelData' must be an object"),
    "deep value": (lambda a: {**a, "value": nested(40)}, "nested deeper than 32 levels"),
    "timestamp not a date": (lambda a: {**a, "timestamp": "yesterday"}, "wrong type or format"),
    "array body": (lambda a: [a], "must be a JSON object"),
    "string body": (lambda a: "message", "must be a JSON object"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
async def test_a_malformed_activity_gets_a_specific_400(aiohttp_client, settings, connector, case):
    client = await aiohttp_client(create_app(settings))
    broken, message = MALFORMED[case]
    response = await client.post("/api/messages", json=broken(valid_message(connector.url)))
    assert response.status == 400, await response.text()
    assert message in (await response.json())["error"]
    assert connector.sent == []


async def test_json_deeper_than_the_parser_allows_is_400_not_500(aiohttp_client, settings):
    client = await aiohttp_client(create_app(settings))
    body = '{"type": "message", "value": ' + "[" * 200_000 + "]" * 200_000 + "}"
    response = await client.post("/api/messages", data=body, headers={"Content-Type": "application/json"})
    assert response.status in (400, 413)


async def test_a_body_over_the_size_limit_is_413(aiohttp_client, settings, connector):
    client = await aiohttp_client(create_app(settings))
    activity = teams.message(connector.url, "a" * 2_000_000)
    response = await client.post("/api/messages", data=io.BytesIO(json.dumps(activity).encode()),
                                 headers={"Content-Type": "application/json"})
    assert response.status == 413


async def test_control_characters_are_removed_before_the_dialogs_see_the_text(aiohttp_client, settings,
                                                                             connector, seeded):
    client = await aiohttp_client(create_app(settings))
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "menu",
                                                                                "choice": "consult"}))
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "danger",
                                                                                "choice": "no"}))
    connector.clear()
    response = await client.post("/api/messages", json=teams.message(
        connector.url, "Förskola\x00 Sagoberget\x1b[2J\x07", sender=teams.user(name="Anna\x00\x1b]0;x\x07")))
    assert response.status in (200, 201)
    assert "Bromma" in " ".join(card_texts(connector.to(PERSONAL)))  # the cleaned text found the preschool
    dump = await every_row(seeded.engine)
    assert "bot_state" in dump
    assert not any(character in dump for character in ("\x00", "\x1b", "\x07"))


async def every_row(engine) -> str:  # type: ignore[no-untyped-def]
    """Every row of every table as text."""
    rows = []
    async with engine.connect() as connection:
        for metadata in all_metadata():
            for table in metadata.sorted_tables:
                for row in (await connection.execute(select(table))).all():
                    rows.append(f"{table.name}: " + " | ".join(str(value) for value in row))
    return "\n".join(rows)


@pytest.mark.postgres
async def test_a_nul_in_free_text_on_postgresql_does_not_lose_the_consultation(aiohttp_client, pg_db, connector):
    await load_demo(pg_db.engine)
    client = await aiohttp_client(create_app(Settings(database_url=pg_db.url, database_schema=pg_db.schema)))
    steps: list[dict[str, Any]] = [
        teams.message(connector.url, value={"action": "menu", "choice": "consult"}),
        teams.message(connector.url, value={"action": "danger", "choice": "no"}),
        teams.message(connector.url, "Förskola\x00 Sagoberget"),
        teams.message(connector.url, "Barnet har\x00 blåmärken\x00 på armen\x1b[0m och är rädd."),
        # Whichever of these the consultation still asks is answered; the others are old buttons.
        teams.message(connector.url, value={"action": "understood", "choice": "yes"}),
        teams.message(connector.url, value={"action": "concern", "choices": "physical"}),
        teams.message(connector.url, value={"action": "duration", "choice": "weeks"}),
        teams.message(connector.url, value={"action": "child_told", "choice": "no"}),
        teams.message(connector.url, value={"action": "age", "choice": "3-6"}),
    ]
    for activity in steps:
        response = await client.post("/api/messages", json=activity)
        assert response.status in (200, 201), await response.text()
    said = " ".join(card_texts(connector.to(PERSONAL)))
    assert "Något gick fel" not in said
    counts = await row_counts(pg_db.engine)
    assert counts["consultation"] == 1
    assert "\x00" not in await every_row(pg_db.engine)


async def test_a_district_picked_on_the_acute_card_shows_its_numbers_and_the_consultation_goes_on(
        aiohttp_client, settings, connector):
    tuesday_10 = datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM)
    client = await aiohttp_client(create_app(settings, clock=lambda: tuesday_10))
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "menu",
                                                                                "choice": "consult"}))
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "danger",
                                                                                "choice": "no"}))
    await client.post("/api/messages", json=teams.message(connector.url, "Förskola Sagoberget"))
    connector.clear()
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "acute_district"}))
    picker = connector.to(PERSONAL)[-1].cards[0]
    districts = [a["data"].get("district") for b in picker["body"] if b["type"] == "ActionSet"
                 for a in b["actions"] if a["data"].get("action") == "acute_district"]
    assert len(districts) == 11
    assert "farsta" in districts
    connector.clear()
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "acute_district",
                                                                                "district": "farsta"}))
    card = connector.to(PERSONAL)[-1].cards[0]
    facts = [f["value"] for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]]
    assert card["body"][0]["text"] == "Ring 112 nu"
    assert facts[0].startswith("08-555 011 20")  # Farsta's intake, open on a Tuesday morning, first
    connector.clear()
    # The consultation was not dropped: the own-words question is still waiting for its answer.
    await client.post("/api/messages", json=teams.message(connector.url, value={"action": "words",
                                                                                "choice": "skip"}))
    assert any("Vad handlar din oro om?" in text for text in card_texts(connector.to(PERSONAL)))


async def test_the_acute_card_at_the_first_message_picks_the_unknown_district_in_one_tap(
        aiohttp_client, settings, connector):
    tuesday_10 = datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM)
    client = await aiohttp_client(create_app(settings, clock=lambda: tuesday_10))
    await client.post("/api/messages", json=teams.message(
        connector.url, "Barnet har röda streck runt halsen och vågar inte gå hem"))
    card = next(c for s in connector.to(PERSONAL) for c in s.cards)
    assert card["body"][0]["text"] == "Ring 112 nu"
    picks = [a for b in card["body"] if b["type"] == "ActionSet" for a in b["actions"]
             if a["data"].get("action") == "acute_district"]
    assert len(picks) == 11
    assert all(a["data"].get("district") for a in picks)
    farsta = next(a for a in picks if a["title"] == "Farsta")
    connector.clear()
    await client.post("/api/messages", json=teams.message(connector.url, value=farsta["data"]))
    card = connector.to(PERSONAL)[-1].cards[0]
    blocks = card["body"]
    open_now = next(i for i, b in enumerate(blocks) if b.get("text") == "Öppet nu")
    assert blocks[open_now + 1]["facts"][0]["value"].startswith("08-555 011 20")  # Farsta's intake, open now
    assert "Farsta" in " ".join(b.get("text", "") for b in blocks if b["type"] == "TextBlock")
