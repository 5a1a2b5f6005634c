"""The one wiring: settings, an engine, a clock and the Bot Framework adapter in, every service of Samråd out.

The aiohttp app, `samrad chat`, the worker and every command build their objects here and nowhere else, so a
setting (ESERVICE_URL, the time zone, ...) reaches every part that uses it. Building performs no I/O and opens no
connection. Each part is made on first use: a command that only reads the routing tables never imports the Bot
Framework SDK.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.database import create_engine
from bot.records import ConsultationRecords
from bot.reference_store import ReferenceStore
from bot.scrubbing import PlaceScrubber
from bot.settings import Settings
from bot.state_store import StateStore
from routing.service import RoutingService

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.handoff.engine import HandoffEngine
    from bot.teams.edge import TeamsEdge
    from knowledge.faq import Faq

Clock = Callable[[], datetime]


def system_clock(settings: Settings) -> Clock:
    """The wall clock in the configured time zone (Europe/Stockholm by default)."""
    zone = ZoneInfo(settings.timezone)
    return lambda: datetime.now(zone)


def open_engine(settings: Settings, *, pool_size: int = 10) -> AsyncEngine:
    """The engine on DATABASE_URL (and DATABASE_SCHEMA); it connects on first use."""
    return create_engine(settings.database_url, schema=settings.database_schema, pool_size=pool_size)


class Services:
    """Everything a request handler, a command or the worker needs, each part built once from the ones before it."""

    def __init__(self, settings: Settings, engine: AsyncEngine, *, clock: Clock | None = None,
                 adapter: Any = None, bot_framework_config: object | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self.clock: Clock = clock or system_clock(settings)
        self._adapter = adapter
        self._bot_framework_config = bot_framework_config

    @cached_property
    def routing(self) -> RoutingService:
        """The routing tables as a cached snapshot: matching and route decisions."""
        return RoutingService(self.engine, eservice_url=self.settings.eservice_url, clock=self.clock)

    @cached_property
    def scrub(self) -> PlaceScrubber:
        """One scrubber for the dialogs, the notes and the relay: it also masks the preschool names."""
        return PlaceScrubber(self.routing)

    @cached_property
    def records(self) -> ConsultationRecords:
        """The anonymous consultation notes."""
        return ConsultationRecords(self.engine, self.clock, scrub=self.scrub)

    @cached_property
    def faq(self) -> Faq:
        """The guidance articles (package files, read once)."""
        from knowledge.faq import Faq

        return Faq.load()

    @cached_property
    def references(self) -> ReferenceStore:
        """Where each user and channel can be reached again."""
        return ReferenceStore(self.engine)

    @cached_property
    def state(self) -> StateStore:
        """The dialogs' conversation and user state."""
        return StateStore(self.engine)

    @cached_property
    def adapter(self) -> Any:
        """The Bot Framework adapter: the one given (tests, `samrad chat`), else the authenticated CloudAdapter."""
        if self._adapter is not None:
            return self._adapter
        from bot.teams.adapter import create_adapter

        return create_adapter(self.settings, self._bot_framework_config)

    @cached_property
    def handoff(self) -> HandoffEngine:
        """The handoff lifecycle; the app's timer task and `samrad worker` drive its timers."""
        from bot.handoff import build_handoff
        from bot.teams.messenger import TeamsMessenger

        messenger = TeamsMessenger(self.adapter, self.references, self.settings.app_id)
        return build_handoff(settings=self.settings, engine=self.engine, messenger=messenger, clock=self.clock,
                             references=self.references, records=self.records, routing=self.routing,
                             scrub=self.scrub, storage=self.state)

    @cached_property
    def teams(self) -> TeamsEdge:
        """The Teams edge: activity handler, dialogs and their state (sets the adapter's turn error handler)."""
        from bot.teams.edge import build_edge

        return build_edge(self)


async def close_services(services: Services) -> None:
    """Release what the services opened besides the engine: the adapter's outbound session, if it was built."""
    adapter = services.__dict__.get("adapter")
    close = getattr(adapter, "close", None)
    if close is not None:
        await close()


@asynccontextmanager
async def running(settings: Settings, *, clock: Clock | None = None, adapter: Any = None,
                  pool_size: int = 10) -> AsyncIterator[Services]:
    """The services over a fresh engine, disposed when the block ends (commands, the worker, `samrad chat`)."""
    engine = open_engine(settings, pool_size=pool_size)
    services = Services(settings, engine, clock=clock, adapter=adapter)
    try:
        yield services
    finally:
        await close_services(services)
        await engine.dispose()
