"""Replies sent over aiohttp (bot/teams/outbound.py) are the requests msrest's client makes: the same path, body,
headers and answer, the same exception on an error status, the bearer token from the same credentials."""

import json

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity, Attachment, ChannelAccount, ConversationAccount
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from botframework.connector.models import ErrorResponseException

from bot.teams.outbound import LeanConversations, OutboundSession, lean

HEADERS = ("Accept", "Content-Type", "x-ms-conversation-id", "Authorization")


class Recorder:
    """A Bot Connector that records each request and answers with a status of the test's choosing."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str | None], dict]] = []
        self.status = 200
        self.server: TestServer | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((request.raw_path, {h: request.headers.get(h) for h in HEADERS},
                              json.loads(await request.read())))
        if self.status >= 400:
            return web.json_response({"error": {"code": "BadArgument", "message": "Unknown activity"}},
                                     status=self.status)
        return web.json_response({"id": f"sent-{len(self.requests)}"}, status=self.status)

    async def __aenter__(self) -> "Recorder":
        app = web.Application()
        app.router.add_post("/{tail:.*}", self.handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()
        return self

    async def __aexit__(self, *_exc) -> None:
        assert self.server is not None
        await self.server.close()

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))


def _activity(url: str) -> Activity:
    return Activity(type="message", text="Hej – ring 112 nu", service_url=url, reply_to_id="1:ab/c d",
                    from_property=ChannelAccount(id="28:bot"), recipient=ChannelAccount(id="29:u", name="Å"),
                    conversation=ConversationAccount(id="a:1;messageid=7"),
                    attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive",
                                            content={"type": "AdaptiveCard", "version": "1.5", "body": []})])


async def _both(recorder: Recorder, send) -> tuple[tuple, tuple]:
    """The request and answer of msrest's client and of the lean one, for the same call."""
    session = OutboundSession()
    try:
        answers = []
        for client in (ConnectorClient(MicrosoftAppCredentials("", ""), base_url=recorder.url),
                       lean(ConnectorClient(MicrosoftAppCredentials("", ""), base_url=recorder.url), session)):
            answers.append(await send(client.conversations))
        return (recorder.requests[0], answers[0]), (recorder.requests[1], answers[1])
    finally:
        await session.close()


@pytest.mark.parametrize("operation", ["reply", "send"])
async def test_the_lean_request_is_msrests_request(operation):
    async with Recorder() as recorder:
        activity = _activity(recorder.url)

        async def send(conversations):
            if operation == "reply":
                return await conversations.reply_to_activity(activity.conversation.id, activity.reply_to_id, activity)
            return await conversations.send_to_conversation(activity.conversation.id, activity)

        (msrest_request, msrest_answer), (lean_request, lean_answer) = await _both(recorder, send)
    assert lean_request == msrest_request
    assert (type(lean_answer), lean_answer.id) == (type(msrest_answer), "sent-2")
    assert msrest_answer.id == "sent-1"


async def test_an_error_status_raises_what_msrest_raises():
    async with Recorder() as recorder:
        recorder.status = 400
        activity = _activity(recorder.url)
        session = OutboundSession()
        try:
            raised = []
            for client in (ConnectorClient(MicrosoftAppCredentials("", ""), base_url=recorder.url),
                           lean(ConnectorClient(MicrosoftAppCredentials("", ""), base_url=recorder.url), session)):
                with pytest.raises(ErrorResponseException) as caught:
                    await client.conversations.send_to_conversation("a:1", activity)
                raised.append(caught.value)
        finally:
            await session.close()
    assert str(raised[1]) == str(raised[0]) == "(BadArgument) Unknown activity"
    assert raised[1].error.error.code == "BadArgument"


async def test_with_an_app_id_the_bearer_token_comes_from_the_credentials(monkeypatch):
    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", lambda self, force_refresh=False: "tok-1")
    async with Recorder() as recorder:
        activity = _activity(recorder.url)
        session = OutboundSession()
        try:
            for client in (ConnectorClient(MicrosoftAppCredentials("app-id", "secret"), base_url=recorder.url),
                           lean(ConnectorClient(MicrosoftAppCredentials("app-id", "secret"), base_url=recorder.url),
                                session)):
                await client.conversations.send_to_conversation("a:1", activity)
        finally:
            await session.close()
    assert [headers["Authorization"] for _path, headers, _body in recorder.requests] == ["Bearer tok-1"] * 2


async def test_other_operations_stay_msrests():
    async with Recorder() as recorder:
        client = lean(ConnectorClient(MicrosoftAppCredentials("", ""), base_url=recorder.url), OutboundSession())
        assert isinstance(client.conversations, LeanConversations)
        inner = client.conversations._inner
        assert client.conversations.update_activity == inner.update_activity
        assert lean(client, OutboundSession()).conversations is client.conversations  # wrapped once
