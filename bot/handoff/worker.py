"""The handoff's timers: escalation and expiry of unclaimed requests, and the retention purge.

The same loop runs inside each app process (started from the app's cleanup context) and in `samrad worker`.
Due timers are read from the database and leased row by row, so any number of replicas never double-fire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.handoff.engine import HandoffEngine

log = logging.getLogger(__name__)

PURGE_EVERY_SECONDS = 3600.0


async def run_timers(handoff: HandoffEngine, *, interval: float, stop: asyncio.Event,
                     purge_every: float = PURGE_EVERY_SECONDS, owner: str | None = None) -> None:
    """Fire due timers every *interval* seconds and purge every *purge_every* seconds until *stop* is set."""
    owner = owner or uuid.uuid4().hex
    last_purge = 0.0
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)
        if stop.is_set():
            break
        try:
            fired = await handoff.run_due(owner)
            if fired:
                log.info("handoff timers fired", extra={"event": "handoff_timers", "count": fired})
            if time.monotonic() - last_purge >= purge_every:
                await handoff.purge()
                last_purge = time.monotonic()
        except Exception as error:  # keep the loop alive; the next tick retries
            log.error("handoff timer loop failed", extra={"event": "handoff_timer_loop_failed",
                                                          "error_type": type(error).__name__})


class Timers:
    """A running timer loop that can be stopped."""

    def __init__(self, handoff: HandoffEngine, interval: float) -> None:
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(run_timers(handoff, interval=interval, stop=self._stop),
                                         name="handoff-timers")

    async def stop(self) -> None:
        """Stop the loop and wait for the current tick to finish."""
        self._stop.set()
        await self._task


def start_timers(handoff: HandoffEngine | None, interval: float) -> Timers | None:
    """Start the timer loop in the running event loop (None when there is no handoff engine)."""
    return Timers(handoff, interval) if handoff is not None else None
