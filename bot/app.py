"""The aiohttp application: an I/O-free factory; the database opens and closes with the app."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.administration import create_admin_app
from bot.inbound import ActivityError, check_activity
from bot.keys import ENGINE, SERVICES, SETTINGS
from bot.logs import error_fields
from bot.metrics import add_routes, count_error, watch_pool
from bot.settings import Settings
from bot.teams.adapter import ActivityFormatError
from bot.wiring import Clock, Services, close_services, open_engine
from routing.holiday import closed_days

log = logging.getLogger(__name__)


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
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
        activity = check_activity(body)
    except ActivityError as error:
        return _client_error(400, str(error))
    try:
        reply = await request.app[SERVICES].teams.receive(activity, request.headers.get("Authorization", ""))
    except ActivityFormatError as error:
        return _client_error(400, str(error))
    except PermissionError:
        return _client_error(401, "the request is not authenticated for this bot")
    if reply is not None:
        return web.json_response(reply.body, status=reply.status)
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

    Also runs once what every first turn would otherwise pay for (the FAQ index, the Teams edge's first turn).
    """
    warm_up_knowledge()
    try:
        services.faq.search("anmälningsplikt")
        await services.teams.warm_up()
    except Exception as error:
        log.warning("turn warm-up failed", extra={"event": "warm_up_failed", **error_fields(error)})
    try:
        await services.routing.directory()
        # A first route decision loads the holiday calendars of this year and the next (an import and a
        # computation of ~90 ms the first guidance of the day would otherwise wait for).
        now = services.clock()
        await services.routing.decide(at=now)
        closed_days(now.year + 1)
    except Exception as error:  # an empty or unreachable database must not stop the service from starting
        log.warning("routing directory not loaded at start", extra={"event": "warm_up_failed",
                                                                     **error_fields(error)})
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
    adapter: object | None = None,
    bot_framework_config: object | None = None,
    clock: Clock | None = None,
) -> web.Application:
    """Wire storage, dialogs, handoff and routes; nothing connects until the app starts.

    *adapter* replaces the Bot Framework adapter (tests); *bot_framework_config* its endpoints (sovereign clouds).
    """
    app = web.Application(middlewares=[error_middleware])
    app[SETTINGS] = settings

    async def database(app: web.Application) -> AsyncIterator[None]:
        engine = open_engine(settings)
        watch_pool(engine)
        app[ENGINE] = engine
        services = app[SERVICES] = Services(settings, engine, clock=clock, adapter=adapter,
                                            bot_framework_config=bot_framework_config)
        _ = services.teams  # built now: the adapter has its turn error handler before any turn or timer
        if not settings.auth_enabled:
            log.warning("no MicrosoftAppId configured: local development mode, /api/messages is NOT authenticated",
                        extra={"event": "auth_disabled"})
        # Handoff timers (escalation, expiry, retention purge) also run inside the app; see bot/handoff/worker.py.
        from bot.handoff.worker import start_timers

        timers = start_timers(services.handoff, settings.worker_interval_seconds)
        await _warm_up(services)
        try:
            yield
        finally:
            if timers is not None:
                await timers.stop()
            await close_services(services)
            await engine.dispose()

    app.cleanup_ctx.append(database)
    app.router.add_post("/api/messages", messages)
    add_routes(app)  # /metrics, /healthz, /readyz
    app.add_subapp("/admin/", create_admin_app(settings))
    return app
