"""The aiohttp application: an I/O-free factory; the database opens and closes with the app."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from aiohttp import web
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.administration import create_admin_app
from bot.auth import create_authentication
from bot.database import create_engine
from bot.inbound import ActivityError, check_activity
from bot.keys import ADAPTER, ENGINE, SERVICES, SETTINGS
from bot.logs import error_fields
from bot.metrics import MeteredAdapter, add_routes, count_error, watch_pool
from bot.services import Services, build_services, system_clock
from bot.settings import Settings

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def create_adapter(settings: Settings, bot_framework_config: object | None = None) -> CloudAdapter:
    """A CloudAdapter that enforces Bot Framework JWTs whenever an app id is configured (and counts turns)."""
    return MeteredAdapter(create_authentication(settings, bot_framework_config))


@web.middleware
async def error_middleware(request: web.Request, handler):  # type: ignore[no-untyped-def]
    """Turn unexpected errors into a plain 500 without echoing anything the client sent."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception as error:
        count_error("request_failed")
        log.error("request failed", extra={"event": "request_failed", "path": request.path,
                                           "method": request.method, **error_fields(error)})
        return web.json_response({"error": "internal error"}, status=500)


async def messages(request: web.Request) -> web.StreamResponse:
    """POST /api/messages: the Bot Framework endpoint Teams posts activities to.

    The body is checked and cleaned (bot/inbound.py) before the adapter sees it, so every malformed activity gets
    a 400 that says what is wrong and no control character reaches the dialogs or storage.
    """
    if "application/json" not in request.headers.get("Content-Type", ""):
        return _client_error(415, "Content-Type must be application/json")
    try:
        body = await request.json()
    except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than the parser's stack allows
        return _client_error(400, "the body is not valid JSON")
    try:
        activity = Activity().deserialize(check_activity(body))
    except ActivityError as error:
        return _client_error(400, str(error))
    except (TypeError, ValueError):
        # msrest's DeserializationError is a ValueError. The message names no field: msrest's text may quote
        # the client's data, which could be anything.
        return _client_error(400, "a field of the activity has the wrong type or format")
    services = request.app[SERVICES]
    try:
        invoke_response = await request.app[ADAPTER].process_activity(
            request.headers.get("Authorization", ""), activity, services.bot.on_turn)
    except PermissionError:
        return _client_error(401, "the request is not authenticated for this bot")
    if invoke_response is not None:
        return web.json_response(serializer_helper(invoke_response.body), status=invoke_response.status)
    return web.Response(status=201)


def _client_error(status: int, message: str) -> web.Response:
    log.info("activity refused", extra={"event": "activity_refused", "status": status})
    return web.json_response({"error": message}, status=status)


# A made-up worry that runs through every pattern the first real message would compile and load.
_WARM_UP_TEXT = ("Jag är orolig för ett barn på förskolan Solrosen, Storgatan 12, som har blåmärken och säger att "
                 "pappa slår. Mamman nås på 070-123 45 67. I am worried about a child who is hungry.")


def warm_up_knowledge() -> None:
    """Load and compile the lexicon, name lists and law settings in this process (no I/O but package files).

    Run before the first user's message (and in `samrad serve`'s parent process before it forks workers, so the
    workers share the pages). A failure is logged and left for the first real message to surface.
    """
    import platform

    from knowledge.assessment import assess
    from knowledge.scrub import scrub, warm_up
    from knowledge.understanding import understand

    # msrest's user agent asks platform.platform(), which runs `uname -p` in a subprocess the first time: on the
    # first turn's Bot Connector client otherwise (≈ 10–20 ms). Cached for the process and its forks.
    platform.platform()

    steps = (warm_up, lambda: scrub(_WARM_UP_TEXT), lambda: assess(_WARM_UP_TEXT), lambda: understand(_WARM_UP_TEXT))
    for step in steps:
        try:
            step()
        except Exception as error:
            log.warning("knowledge warm-up step failed", extra={"event": "warm_up_failed", **error_fields(error)})


async def _warm_up(services: Services) -> None:
    """Load the knowledge and the routing directory (and its match index) before the first user waits for it.

    Also runs once what every first turn would otherwise pay for: the state query (SQL compiled and cached,
    a pooled connection open), an activity through botbuilder's (de)serializer, the welcome card in each language.
    """
    warm_up_knowledge()
    try:
        from botbuilder.schema import Activity

        from dialogs.cards import welcome_card

        services.faq.search("anmälningsplikt")
        for lang in ("sv", "en"):
            Activity(type="message", attachments=[welcome_card(lang)]).serialize()
        Activity().deserialize({"type": "message", "text": "hej", "from": {"id": "warm-up"},
                                "conversation": {"id": "warm-up"}, "channelData": {"tenant": {"id": "warm-up"}}})
        await services.storage.read(["samrad-warm-up/conversations/none"])
    except Exception as error:
        log.warning("turn warm-up failed", extra={"event": "warm_up_failed", **error_fields(error)})
    try:
        await services.routing.directory()
    except Exception as error:  # an empty or unreachable database must not stop the service from starting
        log.warning("routing directory not loaded at start", extra={"event": "warm_up_failed",
                                                                     **error_fields(error)})
    if services.scrub is not None:
        await services.scrub.scrubber()  # the preschool-name index, built once per routing snapshot


def freeze_after_startup(app: web.Application) -> None:
    """For a serving process: once started, keep its long-lived objects out of the cyclic GC's full scans.

    Those scans otherwise pause the event loop for tens of milliseconds under load (bench/README.md). Not done
    in create_app, since tests build many apps in one process.
    """

    async def freeze(_app: web.Application) -> None:
        gc.collect()
        gc.freeze()

    app.on_startup.append(freeze)


def create_app(
    settings: Settings,
    *,
    adapter: CloudAdapter | None = None,
    bot_framework_config: object | None = None,
    clock: Clock | None = None,
) -> web.Application:
    """Wire storage, dialogs, handoff and routes; nothing connects until the app starts."""
    app = web.Application(middlewares=[error_middleware])
    app[SETTINGS] = settings
    app[ADAPTER] = adapter or create_adapter(settings, bot_framework_config)
    the_clock: Clock = clock or system_clock(settings)

    async def database(app: web.Application) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url, schema=settings.database_schema)
        watch_pool(engine)
        app[ENGINE] = engine
        app[SERVICES] = build_services(settings, engine, app[ADAPTER], the_clock)
        if not settings.auth_enabled:
            log.warning("no MicrosoftAppId configured: local development mode, /api/messages is NOT authenticated",
                        extra={"event": "auth_disabled"})
        # Handoff timers (escalation, expiry, retention purge) also run inside the app; see bot/handoff/worker.py.
        from bot.handoff.worker import start_timers

        timers = start_timers(app[SERVICES].handoff, settings.worker_interval_seconds)
        await _warm_up(app[SERVICES])
        try:
            yield
        finally:
            if timers is not None:
                await timers.stop()
            await engine.dispose()

    app.cleanup_ctx.append(database)
    app.router.add_post("/api/messages", messages)
    add_routes(app)  # /metrics, /healthz, /readyz
    app.add_subapp("/admin/", create_admin_app(settings))
    return app
