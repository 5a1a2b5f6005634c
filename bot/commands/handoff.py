"""Handoff commands: `samrad worker` (timers and retention) and `samrad purge` (retention, once)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

from bot.cli import load_settings
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.handoff.engine import HandoffEngine


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.database import create_engine

    return create_engine(settings.database_url, schema=settings.database_schema)


def build_engine_handoff(settings: Settings, engine) -> HandoffEngine:  # type: ignore[no-untyped-def]
    """The handoff engine with its own adapter, references, notes and routing (no dialogs needed)."""
    from bot.app import create_adapter
    from bot.handoff import build_handoff
    from bot.records import ConsultationRecords
    from bot.references import ConversationReferences
    from bot.scrubbing import PlaceScrubber
    from bot.services import system_clock
    from bot.storage import SqlStorage
    from routing.service import RoutingService

    clock = system_clock(settings)
    routing = RoutingService(engine, eservice_url=settings.eservice_url, clock=clock)
    scrub = PlaceScrubber(routing)
    return build_handoff(settings=settings, engine=engine, adapter=create_adapter(settings), clock=clock,
                         references=ConversationReferences(engine),
                         records=ConsultationRecords(engine, clock, scrub=scrub), routing=routing, scrub=scrub,
                         storage=SqlStorage(engine))


async def _work(settings: Settings, once: bool) -> int:
    from bot.handoff.worker import run_timers

    engine = _engine(settings)
    try:
        handoff = build_engine_handoff(settings, engine)
        if once:
            fired = await handoff.run_due()
            result = await handoff.purge()
            print(f"Timers: {fired}. Rensat: {result.messages} meddelanden, {result.handoffs} ärenden, "
                  f"{result.notes} anteckningar.")
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # not on every platform
                loop.add_signal_handler(sig, stop.set)
        print(f"Samråd worker: timers var {settings.worker_interval_seconds:g} s (Ctrl-C avslutar).")
        await run_timers(handoff, interval=settings.worker_interval_seconds, stop=stop, purge_every=3600)
        return 0
    finally:
        await engine.dispose()


async def _purge(settings: Settings) -> int:
    engine = _engine(settings)
    try:
        result = await build_engine_handoff(settings, engine).purge()
    finally:
        await engine.dispose()
    print(f"Rensat efter {settings.retention_days} dagar: {result.messages} meddelanden, "
          f"{result.handoffs} ärenden, {result.notes} anteckningar, {result.conversations} avbrutna samtal. "
          "Antal finns kvar för statistik.")
    return 0


def worker(args: argparse.Namespace) -> int:
    """Run handoff timers (escalation, expiry) and the retention purge until interrupted."""
    return asyncio.run(_work(load_settings(), bool(args.once)))


def purge(_args: argparse.Namespace) -> int:
    """Delete relay transcripts and note summaries older than RETENTION_DAYS; counts stay."""
    return asyncio.run(_purge(load_settings()))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add worker and purge."""
    parser = subparsers.add_parser("worker", help="kör överlämningarnas timers och gallringen")
    parser.add_argument("--once", action="store_true", help="kör förfallna timers och gallra en gång, avsluta sedan")
    parser.set_defaults(func=worker)
    subparsers.add_parser("purge", help="gallra utgångna samtal och anteckningars sammanfattningar nu").set_defaults(
        func=purge)
