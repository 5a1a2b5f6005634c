"""Prometheus metrics and the probes: `/metrics`, `/healthz`, `/readyz`. Never text or ids of people.

Counters and histograms live in this process (or, with several worker processes, in files under
PROMETHEUS_MULTIPROC_DIR, which prometheus-client reads at import: `samrad serve` sets it before importing this
module). Labels only take values from fixed sets (activity types, outcomes, error codes, handoff states), so
nothing a client sends can become a label value.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.keys import ENGINE, SERVICES
from bot.logs import error_fields

log = logging.getLogger(__name__)

# Activity types Teams and the Bot Framework send; anything else is counted as "other".
ACTIVITY_TYPES = frozenset({"message", "conversationUpdate", "installationUpdate", "invoke", "messageReaction",
                            "messageUpdate", "messageDelete", "event", "typing", "endOfConversation"})
# The handoff states bot/handoff reports; a state not listed is counted as "other".
HANDOFF_STATES = ("requested", "offered", "escalated", "claimed", "active", "closed", "withdrawn", "expired")
ERROR_CODES = frozenset({"turn_failed", "request_failed", "auth_rejected", "auth_unavailable", "service_url_refused",
                         "proactive_failed", "bad_request"})

TURNS = Counter("samrad_turns", "Activities processed, by activity type and outcome (ok, failed, rejected).",
                ["activity_type", "outcome"])
TURN_SECONDS = Histogram("samrad_turn_seconds", "Time from an activity's arrival to the end of its turn.",
                         ["activity_type"],
                         buckets=(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
PROACTIVE = Counter("samrad_proactive_sends", "Proactive conversations (offers, relay, updates), by outcome.",
                    ["kind", "outcome"])
ERRORS = Counter("samrad_errors", "Errors by code (a fixed list; see bot/metrics.py).", ["code"])
POOL_IN_USE = Gauge("samrad_db_pool_in_use", "Database connections checked out of the pool now.",
                    multiprocess_mode="livesum")
POOL_OPEN = Gauge("samrad_db_pool_open", "Database connections the pool holds open now.",
                  multiprocess_mode="livesum")

_turn: ContextVar[_Outcome | None] = ContextVar("samrad_turn", default=None)


@dataclass
class _Outcome:
    """What became of the turn (or proactive send) running in this task."""

    failed: bool = False


def count_error(code: str) -> None:
    """Count one error; *code* must be one of ERROR_CODES (anything else is counted as request_failed)."""
    ERRORS.labels(code=code if code in ERROR_CODES else "request_failed").inc()


def _activity_type(value: object) -> str:
    return value if isinstance(value, str) and value in ACTIVITY_TYPES else "other"


class MeteredAdapter(CloudAdapter):
    """CloudAdapter that counts turns by type and outcome, times them, and counts proactive sends.

    The turn error handler (set by bot.services) runs inside the failing turn; wrapping it marks the turn failed.
    """

    @property
    def on_turn_error(self) -> Callable[[TurnContext, Exception], Awaitable[None]] | None:
        return self._metered_on_turn_error

    @on_turn_error.setter
    def on_turn_error(self, handler: Callable[[TurnContext, Exception], Awaitable[None]] | None) -> None:
        if handler is None:
            self._metered_on_turn_error = None
            return

        async def counted(turn_context: TurnContext, error: Exception) -> None:
            outcome = _turn.get()
            if outcome is not None:
                outcome.failed = True
            count_error("turn_failed")
            await handler(turn_context, error)

        self._metered_on_turn_error = counted

    async def process_activity(self, auth_header_or_authenticate_request_result: Any, activity: Any,
                               logic: Any) -> Any:
        kind = _activity_type(getattr(activity, "type", None))
        outcome = _Outcome()
        token = _turn.set(outcome)
        started = time.perf_counter()
        result = "ok"
        try:
            response = await super().process_activity(auth_header_or_authenticate_request_result, activity, logic)
        except PermissionError as error:
            result = "rejected"
            count_error("service_url_refused" if type(error).__name__ == "ServiceUrlNotAllowed" else "auth_rejected")
            raise
        except web.HTTPServiceUnavailable:
            result = "failed"
            count_error("auth_unavailable")
            raise
        except BaseException:
            result = "failed"
            raise
        finally:
            _turn.reset(token)
            if result == "ok" and outcome.failed:
                result = "failed"
            TURNS.labels(activity_type=kind, outcome=result).inc()
            if result != "rejected":
                TURN_SECONDS.labels(activity_type=kind).observe(time.perf_counter() - started)
        return response

    async def continue_conversation(self, *args: Any, **kwargs: Any) -> Any:
        return await self._proactive("continue", super().continue_conversation(*args, **kwargs))

    async def create_conversation(self, *args: Any, **kwargs: Any) -> Any:
        return await self._proactive("create", super().create_conversation(*args, **kwargs))

    async def _proactive(self, kind: str, call: Awaitable[Any]) -> Any:
        outcome = _Outcome()
        token = _turn.set(outcome)
        failed = True
        try:
            result = await call
            failed = outcome.failed
            return result
        finally:
            _turn.reset(token)
            PROACTIVE.labels(kind=kind, outcome="failed" if failed else "sent").inc()
            if failed:
                count_error("proactive_failed")


def watch_pool(engine: AsyncEngine) -> None:
    """Keep POOL_IN_USE and POOL_OPEN in step with *engine*'s pool (pool events, no polling)."""
    pool = engine.sync_engine

    @event.listens_for(pool, "connect")
    def _connected(_dbapi: Any, _record: Any) -> None:
        POOL_OPEN.inc()

    @event.listens_for(pool, "close")
    def _closed(_dbapi: Any, _record: Any) -> None:
        POOL_OPEN.dec()

    @event.listens_for(pool, "checkout")
    def _out(_dbapi: Any, _record: Any, _proxy: Any) -> None:
        POOL_IN_USE.inc()

    @event.listens_for(pool, "checkin")
    def _in(_dbapi: Any, _record: Any) -> None:
        POOL_IN_USE.dec()


async def _handoff_counts(engine: AsyncEngine) -> dict[str, int]:
    """Handoffs per state, read from the database at scrape time (the same figure from every process)."""
    counts = dict.fromkeys(HANDOFF_STATES, 0)
    async with engine.connect() as connection:
        rows = (await connection.execute(text("SELECT state, count(*) FROM handoff GROUP BY state"))).all()
    for state, count in rows:
        key = state if state in counts else "other"
        counts[key] = counts.get(key, 0) + int(count)
    return counts


def _registry() -> CollectorRegistry:
    """This process's registry, or every worker's figures merged when running with PROMETHEUS_MULTIPROC_DIR."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


async def metrics(request: web.Request) -> web.Response:
    """GET /metrics: Prometheus text format."""
    body = generate_latest(_registry())
    engine = request.app.get(ENGINE)
    if engine is not None:
        handoffs = GaugeMetricFamily("samrad_handoffs", "Handoffs in the database, by state.", labels=["state"])
        try:
            for state, count in (await _handoff_counts(engine)).items():
                handoffs.add_metric([state], count)
        except Exception as error:  # an unreachable database must not take /metrics down with it
            log.warning("handoff counts unavailable", extra={"event": "metrics_db_failed", **error_fields(error)})
        else:
            scrape = CollectorRegistry(auto_describe=False)
            scrape.register(_Fixed([handoffs]))
            body += generate_latest(scrape)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


class _Fixed:
    """A collector that yields metric families computed for one scrape."""

    def __init__(self, families: list[Any]) -> None:
        self._families = families

    def collect(self) -> list[Any]:
        return self._families


async def healthz(_request: web.Request) -> web.Response:
    """GET /healthz: the process is up and its event loop answers."""
    return web.json_response({"status": "ok"})


_heads: dict[str, frozenset[str]] = {}


def alembic_heads() -> frozenset[str]:
    """The head revisions of the migrations this code ships (read once)."""
    if "heads" not in _heads:
        from alembic.script import ScriptDirectory

        from bot.database import alembic_config

        _heads["heads"] = frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
    return _heads["heads"]


async def readyz(request: web.Request) -> web.Response:
    """GET /readyz: the database answers, its schema is at the migrations' head, the directory is loaded."""
    checks: dict[str, str] = {}
    try:
        async with request.app[ENGINE].connect() as connection:
            await connection.execute(text("select 1"))
            checks["database"] = "ok"
            try:
                rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
            except Exception:  # no alembic_version table: never migrated
                await connection.rollback()
                rows = []
        checks["schema"] = "ok" if frozenset(rows) == alembic_heads() else ("missing" if not rows else "behind")
    except Exception as error:  # any database failure means "not ready"
        log.warning("database not ready", extra={"event": "not_ready", "error_type": type(error).__name__})
        checks["database"] = "unreachable"
    services = request.app.get(SERVICES)
    checks["directory"] = "missing"
    if services is not None and checks.get("schema") == "ok":
        try:
            await services.routing.directory()
            checks["directory"] = "ok"
        except Exception as error:
            log.warning("directory not loaded", extra={"event": "not_ready", "error_type": type(error).__name__})
    ready = all(value == "ok" for value in checks.values())
    return web.json_response({"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503)


def add_routes(app: web.Application) -> None:
    """Register /metrics, /healthz and /readyz."""
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
