"""A Samråd app process for the kill-at-every-step test: it SIGKILLs itself at the step named in SAMRAD_CRASH_AT.

Run as `python -m tests.handoff.crash_app`; reads DATABASE_URL/DATABASE_SCHEMA like `samrad serve`, a fixed clock
from SAMRAD_TEST_CLOCK (ISO time), and prints the port it listens on. Test code only: production never injects a
fault.
"""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import datetime

from aiohttp import web

from bot.app import create_app
from bot.keys import SERVICES
from bot.settings import Settings


def _kill_at(point: str | None):  # type: ignore[no-untyped-def]
    def fault(reached: str) -> None:
        if reached == point:
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no flush: like a crashed container

    return fault


async def main() -> None:
    """Serve the app on 127.0.0.1 until killed."""
    settings = Settings.from_env()
    at = datetime.fromisoformat(os.environ["SAMRAD_TEST_CLOCK"])
    app = create_app(settings, clock=lambda: at)

    async def arm(app: web.Application) -> None:
        # The fault hook is the engine's constructor argument; the app factory does not expose it, so it is set here.
        app[SERVICES].handoff._fault = _kill_at(os.environ.get("SAMRAD_CRASH_AT"))

    app.on_startup.append(arm)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    print(port, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
