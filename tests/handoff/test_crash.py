"""No lost request for help: the app process is SIGKILLed at each step of request and claim, then restarted
(issue #15.3). After the restart the request is offered, the claimer gets the note, the staff member is told —
each exactly once. PostgreSQL, a real child process, a real kill.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from routing.demo import load_demo
from tests import teams
from tests.handoff.harness import TUESDAY_10, Clock, claim_value, personal
from tests.handoff.test_flow import SOCIONOM, STAFF, _choice, offers, run_app

pytestmark = pytest.mark.postgres

REQUEST_STEPS = ("request.before_commit", "request.committed", "request.staff_told", "request.offers_queued",
                 f"delivered:offer:0:user:{SOCIONOM}")
CLAIM_STEPS = ("claim.committed", "delivered:claim:claimer", "delivered:claim:staff")


class Child:
    """The app in a child process that kills itself at *crash_at*."""

    def __init__(self, process: asyncio.subprocess.Process, port: int, connector: Any) -> None:
        self.process, self.port, self.connector = process, port, connector

    @classmethod
    async def start(cls, db: Any, connector: Any, crash_at: str) -> Child:
        env = {**os.environ, "DATABASE_URL": db.url, "DATABASE_SCHEMA": db.schema or "",
               "SAMRAD_TEST_CLOCK": TUESDAY_10.isoformat(), "SAMRAD_CRASH_AT": crash_at,
               "WORKER_INTERVAL_SECONDS": "3600", "CLAIM_TIMEOUT_MINUTES": "10", "LOG_LEVEL": "WARNING",
               "SAMRAD_DEV": "1"}  # no app id: development mode, any serviceUrl (the local connector)
        env.pop("MicrosoftAppId", None)
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "tests.handoff.crash_app", env=env,
                                                       stdout=asyncio.subprocess.PIPE,
                                                       stderr=asyncio.subprocess.DEVNULL)
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=120)
        return cls(process, int(line), connector)

    async def post(self, activity: dict[str, Any]) -> int | None:
        """POST an activity; None when the process died while answering."""
        try:
            async with aiohttp.ClientSession() as session, session.post(
                    f"http://127.0.0.1:{self.port}/api/messages", json=activity) as response:
                return response.status
        except aiohttp.ClientError:
            return None

    async def say(self, aad: str, name: str, text: str | None = None, value: dict | None = None) -> int | None:
        return await self.post(teams.message(self.connector.url, text, value=value, sender=teams.user(aad, name)))

    async def killed(self) -> bool:
        """True when the process ended by SIGKILL."""
        return await asyncio.wait_for(self.process.wait(), timeout=60) == -9

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def _consult(child: Child) -> int | None:
    """The staff member's consultation up to asking for a socionom; returns the status of the last turn."""
    name = "Anna Personal"
    # Danger first, then the place and the own words; whichever of "understood"/"concern" is not asked is an
    # old button and says so.
    for text, value in (("hej", None), (None, _choice("menu", "consult")), (None, _choice("danger", "no")),
                        ("Förskola Sagoberget", None), ("Hon verkar ledsen och tyst sedan några veckor", None),
                        (None, _choice("understood", "yes")), (None, {"action": "concern", "choices": "emotional"}),
                        (None, _choice("duration", "weeks")), (None, _choice("child_told", "no")),
                        (None, _choice("age", "3-6")), (None, _choice("final", "handoff"))):
        assert await child.say(STAFF, name, text, value) in (200, 201)
    return await child.say(STAFF, name, "nej")  # do not show my name: the request is made in this turn


def _count(connector: Any, aad: str, words: str, method: str = "POST") -> int:
    return sum(words in json.dumps(s.body, ensure_ascii=False) for s in connector.to(personal(aad))
               if s.method == method)


@pytest.mark.parametrize("step", REQUEST_STEPS)
async def test_killed_during_the_request_then_restarted_offers_once_and_tells_once(pg_db, connector, step):
    await load_demo(pg_db.engine)
    child = await Child.start(pg_db, connector, crash_at=step)
    try:
        assert await child.post(teams.personal_install(connector.url, teams.user(SOCIONOM, "Sara Socionom"))) == 201
        assert await _consult(child) is None  # the process died in the middle of this turn
        assert await child.killed()
    finally:
        await child.stop()
    clock = Clock(TUESDAY_10 + timedelta(minutes=3))  # the dead process's leases (2 minutes) have run out
    app = await run_app(pg_db, connector, clock)
    try:
        if step == "request.before_commit":
            # Nothing was half-written: no handoff, and the dialog still waits for the answer it never saved.
            assert await app.services.handoff.store.open_for_staff(personal(STAFF)) is None
            await app.say(STAFF, "Anna Personal", "nej")
        await app.services.handoff.run_due()
        await app.services.handoff.run_due()  # a second sweep sends nothing twice
        assert len(offers(connector, SOCIONOM)) == 1
        assert _count(connector, STAFF, "socionomerna i Bromma") == 1
        handoff = await app.services.handoff.store.open_for_staff(personal(STAFF))
        assert handoff.state == "offered"
        assert handoff.next_action == "escalate"
        assert all(row["sent_at"] is not None for row in await app.services.handoff.store.outbox(handoff.id))
        # …and it can be taken as usual.
        await app.say(SOCIONOM, "Sara Socionom", value=claim_value(offers(connector, SOCIONOM)[0]))
        assert _count(connector, STAFF, "har tagit ditt ärende") == 1
    finally:
        await app.client.close()


@pytest.mark.parametrize("step", CLAIM_STEPS)
async def test_killed_during_the_claim_then_restarted_note_and_staff_told_once(pg_db, connector, step):
    await load_demo(pg_db.engine)
    child = await Child.start(pg_db, connector, crash_at=step)
    try:
        assert await child.post(teams.personal_install(connector.url, teams.user(SOCIONOM, "Sara Socionom"))) == 201
        assert await _consult(child) in (200, 201)
        value = claim_value(offers(connector, SOCIONOM)[0])
        assert await child.say(SOCIONOM, "Sara Socionom", value=value) is None
        assert await child.killed()
    finally:
        await child.stop()
    clock = Clock(TUESDAY_10 + timedelta(minutes=3))
    app = await run_app(pg_db, connector, clock)
    try:
        handoff = await app.services.handoff.store.get(value["handoff_id"])
        assert handoff.state == "claimed"  # the dead process never finished the claim
        assert await app.services.handoff.run_due() == 1
        await app.services.handoff.run_due()
        handoff = await app.services.handoff.store.get(value["handoff_id"])
        assert handoff.state == "active"
        assert handoff.next_action == "idle"
        assert _count(connector, SOCIONOM, "Konsultationsanteckning") == 1  # the claimer got the note, once
        assert _count(connector, STAFF, "har tagit ditt ärende") == 1  # the staff member was told, once
        assert _count(connector, SOCIONOM, "Taget av Sara Socionom", method="PUT") == 1
        assert all(row["sent_at"] is not None for row in await app.services.handoff.store.outbox(handoff.id))
        # The relay works after the restart.
        await app.say(STAFF, "Anna Personal", "Är du där?")
        assert _count(connector, SOCIONOM, "Är du där?") == 1
    finally:
        await app.client.close()
