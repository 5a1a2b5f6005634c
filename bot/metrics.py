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
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web
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

from bot.database import on_pool_events, schema_state
from bot.handoff.model import HandoffState
from bot.keys import ENGINE, SERVICES
from bot.logs import error_fields

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

# Activity types Teams and the Bot Framework send; anything else is counted as "other".
ACTIVITY_TYPES = frozenset({"message", "conversationUpdate", "installationUpdate", "invoke", "messageReaction",
                            "messageUpdate", "messageDelete", "event", "typing", "endOfConversation"})
# The handoff states bot/handoff reports; a state not listed is counted as "other".
HANDOFF_STATES = tuple(state.value for state in HandoffState)
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


def mark_turn_failed() -> None:
    """The turn running in this task failed (its error handler runs inside it): count it so."""
    outcome = _turn.get()
    if outcome is not None:
        outcome.failed = True
    count_error("turn_failed")


@asynccontextmanager
async def metered_turn(activity_type: object) -> AsyncIterator[None]:
    """Count and time the turn of one incoming activity by type and outcome (ok, failed, rejected)."""
    kind = _activity_type(activity_type)
    outcome = _Outcome()
    token = _turn.set(outcome)
    started = time.perf_counter()
    result = "ok"
    try:
        yield
    except PermissionError as error:
        result = "rejected"
        count_error("service_url_refused" if type(error).__name__ == "ServiceUrlNotAllowedError" else "auth_rejected")
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


@asynccontextmanager
async def metered_send(kind: str) -> AsyncIterator[None]:
    """Count one proactive conversation (*kind* "continue" or "create") as sent or failed."""
    outcome = _Outcome()
    token = _turn.set(outcome)
    failed = True
    try:
        yield
        failed = outcome.failed
    finally:
        _turn.reset(token)
        PROACTIVE.labels(kind=kind, outcome="failed" if failed else "sent").inc()
        if failed:
            count_error("proactive_failed")


def watch_pool(engine: AsyncEngine) -> None:
    """Keep POOL_IN_USE and POOL_OPEN in step with *engine*'s pool (pool events, no polling)."""
    on_pool_events(engine, open_connections=POOL_OPEN, in_use=POOL_IN_USE)


async def _handoff_counts(counted: Awaitable[dict[str, int]]) -> dict[str, int]:
    """Handoffs per state, read from the database at scrape time (the same figure from every process)."""
    counts = dict.fromkeys(HANDOFF_STATES, 0)
    for state, count in (await counted).items():
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
    services = request.app.get(SERVICES)
    if services is not None:
        handoffs = GaugeMetricFamily("samrad_handoffs", "Handoffs in the database, by state.", labels=["state"])
        try:
            for state, count in (await _handoff_counts(services.handoff.store.counts())).items():
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


async def readyz(request: web.Request) -> web.Response:
    """GET /readyz: the database answers, its schema is at the migrations' head, the directory is loaded."""
    checks: dict[str, str] = {}
    try:
        schema = await schema_state(request.app[ENGINE])
        checks["database"] = "ok"
        checks["schema"] = schema
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
