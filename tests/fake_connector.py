"""A tiny local Bot Connector: receives what the bot sends to a `serviceUrl` on 127.0.0.1."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.adaptive_card_schema import card_errors


@dataclass
class Sent:
    """One call the bot made to the connector."""

    method: str
    conversation_id: str
    activity_id: str | None
    body: dict[str, Any]
    authorization: str | None

    @property
    def text(self) -> str:
        return self.body.get("text") or ""

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a.get("content") or {} for a in self.body.get("attachments") or []
                if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]


@dataclass
class FakeConnector:
    """Records every activity the bot sends, creates conversations, and answers member lookups."""

    sent: list[Sent] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    server: TestServer | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/")).rstrip("/") + "/"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create_conversation)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._post)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._put)
        app.router.add_delete("/v3/conversations/{conversation}/activities/{activity}", self._delete)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        return app

    async def start(self) -> FakeConnector:
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    def _record(self, request: web.Request, method: str, body: dict[str, Any]) -> str:
        for attachment in body.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                errors = card_errors(attachment.get("content") or {})
                if errors:
                    # Teams answers an unrenderable card with 400 BadArgument; so do we, and the test sees it.
                    self.rejected.extend(errors)
                    raise web.HTTPBadRequest(text="; ".join(errors))
        activity_id = f"act-{next(self._ids)}"
        self.sent.append(Sent(method, request.match_info["conversation"], request.match_info.get("activity"),
                              body, request.headers.get("Authorization")))
        self._changed.set()
        return activity_id

    async def _post(self, request: web.Request) -> web.Response:
        activity_id = self._record(request, "POST", await request.json())
        return web.json_response({"id": activity_id})

    async def _put(self, request: web.Request) -> web.Response:
        self._record(request, "PUT", await request.json())
        return web.json_response({"id": request.match_info["activity"]})

    async def _delete(self, request: web.Request) -> web.Response:
        self._record(request, "DELETE", {})
        return web.Response(status=200)

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        members = body.get("members") or [{}]
        conversation_id = f"a:created-{members[0].get('id', 'x')}"
        return web.json_response({"id": conversation_id, "serviceUrl": self.url, "activityId": None})

    async def _member(self, request: web.Request) -> web.Response:
        member = request.match_info["member"]
        return web.json_response({"id": member, "name": "Member", "aadObjectId": member})

    def to(self, conversation_id: str) -> list[Sent]:
        """Everything sent to *conversation_id* so far."""
        return [s for s in self.sent if s.conversation_id == conversation_id]

    def clear(self) -> None:
        self.sent.clear()

    async def wait_for(self, predicate: Callable[[Sent], bool], timeout: float = 5.0) -> Sent:
        """The first recorded call matching *predicate*, waiting up to *timeout* seconds for it."""
        async with asyncio.timeout(timeout):
            while True:
                for item in self.sent:
                    if predicate(item):
                        return item
                self._changed.clear()
                await self._changed.wait()
