"""Handoff commands: `samrad worker` (timers and retention) and `samrad purge` (retention, once)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from bot.cli import load_settings
from bot.settings import Settings


async def _work(settings: Settings, once: bool) -> int:
    from bot.handoff.worker import run_timers
    from bot.wiring import running

    async with running(settings) as services:
        if once:
            fired = await services.handoff.run_due()
            result = await services.handoff.purge()
            print(f"Timers: {fired}. Rensat: {result.messages} meddelanden, {result.handoffs} ärenden, "
                  f"{result.notes} anteckningar.")
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # not on every platform
                loop.add_signal_handler(sig, stop.set)
        print(f"Samråd worker: timers var {settings.worker_interval_seconds:g} s (Ctrl-C avslutar).")
        await run_timers(services.handoff, interval=settings.worker_interval_seconds, stop=stop, purge_every=3600)
        return 0


async def _purge(settings: Settings) -> int:
    from bot.wiring import running

    async with running(settings) as services:
        result = await services.handoff.purge()
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


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add worker and purge."""
    parser = subparsers.add_parser("worker", help="kör överlämningarnas timers och gallringen")
    parser.add_argument("--once", action="store_true", help="kör förfallna timers och gallra en gång, avsluta sedan")
    parser.set_defaults(func=worker)
    subparsers.add_parser("purge", help="gallra utgångna samtal och anteckningars sammanfattningar nu").set_defaults(
        func=purge)
