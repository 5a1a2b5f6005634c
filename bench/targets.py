"""The servers the load benchmark compares: Samråd itself, a bare botbuilder echo bot, a bare aiohttp handler."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

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
        # botbuilder 4.17 returns None, not a falsy default such as 0, for a property never set.
        count = (await self._count.get(turn_context, 0) or 0) + 1
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


def samrad_app(database_url: str, schema: str | None = None) -> web.Application:
    """The real Samråd app as `samrad serve` runs it, in local development mode, on *database_url* (and *schema*)."""
    from bot.app import create_app, freeze_after_startup

    app = create_app(Settings(database_url=database_url, database_schema=schema or None, host="127.0.0.1",
                              log_level="WARNING"))
    freeze_after_startup(app)
    return app


def profiled(app: web.Application, out: Path) -> web.Application:
    """Sample *app*'s process with pyinstrument from startup to shutdown; write `out`.html, .txt, .pyisession."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001, async_mode="disabled")

    async def start(_app: web.Application) -> None:
        profiler.start()

    async def stop(_app: web.Application) -> None:
        profiler.stop()
        out.parent.mkdir(parents=True, exist_ok=True)
        profiler.last_session.save(str(out.with_suffix(".pyisession")))  # re-render: pyinstrument --load=FILE
        out.with_suffix(".txt").write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        out.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")

    app.on_startup.append(start)
    app.on_shutdown.append(stop)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="serve one benchmark target on 127.0.0.1")
    parser.add_argument("kind", choices=["samrad", "echo", "bare"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", default="")
    parser.add_argument("--schema", default="", help="PostgreSQL schema (search_path) for --db")
    parser.add_argument("--profile", type=Path, help="profile with pyinstrument; write PROFILE.html and PROFILE.txt")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    app = {"samrad": lambda: samrad_app(args.db, args.schema), "echo": echo_app, "bare": bare_app}[args.kind]()
    if args.profile:
        app = profiled(app, args.profile)
    web.run_app(app, host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
