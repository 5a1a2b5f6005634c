"""The servers the load benchmark compares: Samråd itself, a bare botbuilder echo bot, a bare aiohttp handler."""

from __future__ import annotations

import argparse
import logging

from aiohttp import web
from botbuilder.core import ActivityHandler, ConversationState, MemoryStorage, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bot.settings import BotFrameworkConfig, Settings


class EchoBot(ActivityHandler):
    """The cheapest useful bot on the same stack: echoes text, keeps a turn counter in state."""

    def __init__(self, state: ConversationState) -> None:
        self._state = state
        self._count = state.create_property("count")

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        count = await self._count.get(turn_context, 0) + 1
        await self._count.set(turn_context, count)
        await turn_context.send_activity(f"{count}: {turn_context.activity.text or ''}")
        await self._state.save_changes(turn_context)


def echo_app() -> web.Application:
    """A botbuilder CloudAdapter echo bot behind aiohttp, as the official samples build it."""
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(BotFrameworkConfig(Settings())))
    bot = EchoBot(ConversationState(MemoryStorage()))

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
    return app


def bare_app() -> web.Application:
    """A bare aiohttp handler that parses the JSON and answers 201: the HTTP floor."""

    async def messages(request: web.Request) -> web.Response:
        await request.json()
        return web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
    return app


def samrad_app(database_url: str) -> web.Application:
    """The real Samråd app, in local development mode (no app id), on *database_url*."""
    from bot.app import create_app

    return create_app(Settings(database_url=database_url, host="127.0.0.1", log_level="WARNING"))


def main() -> None:
    parser = argparse.ArgumentParser(description="serve one benchmark target on 127.0.0.1")
    parser.add_argument("kind", choices=["samrad", "echo", "bare"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    app = {"samrad": lambda: samrad_app(args.db), "echo": echo_app, "bare": bare_app}[args.kind]()
    web.run_app(app, host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
