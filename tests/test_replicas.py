"""Two `samrad serve` processes (separate ports, as behind a load balancer) on one PostgreSQL schema behave as one
service: a consultation alternating replicas turn by turn finishes, a claim sent to both at once has one winner,
and a due timer polled by every worker process of both replicas fires once."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import text

from routing.demo import load_demo
from routing.model import STOCKHOLM
from routing.storage import RoutingStore
from tests import teams
from tests.conftest import PG_URL
from tests.handoff.harness import claim_value, personal
from tests.handoff.test_flow import BACKUP, SOCIONOM, STAFF, bodies, consult_and_ask_for_a_person, offers

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.postgres
STAFF_2 = "aad-staff-8"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Replica:
    """One `samrad serve` subprocess on its own port; stopped with SIGTERM by the test."""

    def __init__(self, schema: str, workers: int, log: Path) -> None:
        self.port = _free_port()
        env = {**os.environ, "DATABASE_URL": PG_URL, "DATABASE_SCHEMA": schema, "HOST": "127.0.0.1",
               "PORT": str(self.port), "SAMRAD_DEV": "1", "LOG_LEVEL": "WARNING",
               "WORKER_INTERVAL_SECONDS": "0.3", "CLAIM_TIMEOUT_MINUTES": "10"}
        for name in ("MicrosoftAppId", "PROMETHEUS_MULTIPROC_DIR", "WEB_CONCURRENCY"):
            env.pop(name, None)
        self._log = log.open("wb")
        self.process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--workers", str(workers)],
                                        cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    async def ready(self, session: aiohttp.ClientSession) -> None:
        for _ in range(600):
            assert self.process.poll() is None, "samrad serve exited early; see its log"
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{self.url}/readyz") as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.1)
        raise AssertionError("replica not ready within a minute")

    async def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.to_thread(self.process.wait, 60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = await asyncio.to_thread(self.process.wait)
        self._log.close()
        return code


class Alternating:
    """Posts each activity to the next replica in turn, like a round-robin load balancer."""

    def __init__(self, replicas: list[Replica], session: aiohttp.ClientSession, service_url: str) -> None:
        self.replicas, self.session, self.service_url = replicas, session, service_url
        self.turn = 0

    async def post(self, activity: dict[str, Any], replica: Replica | None = None) -> int:
        if replica is None:
            replica = self.replicas[self.turn % len(self.replicas)]
            self.turn += 1
        async with self.session.post(f"{replica.url}/api/messages", json=activity) as response:
            assert response.status in (200, 201), (response.status, await response.text())
            return response.status

    async def install(self, aad: str, name: str) -> None:
        await self.post(teams.personal_install(self.service_url, teams.user(aad, name)))

    async def say(self, aad: str, name: str, text: str | None = None, value: dict | None = None) -> None:
        await self.post(teams.message(self.service_url, text, value=value, sender=teams.user(aad, name)))


async def _events(db, handoff_id: str) -> list[tuple[str, str | None, str, str | None]]:
    async with db.engine.connect() as connection:
        rows = await connection.execute(text(
            "SELECT kind, to_state, actor, detail FROM handoff_event WHERE handoff_id = :id ORDER BY id"),
            {"id": handoff_id})
        return [tuple(row) for row in rows]


async def _seed(db) -> None:
    """Demo data, and Bromma's first socionom on call around the clock, so a request is offered to her whatever
    the time of day the test runs at (the replicas run on the real clock)."""
    await load_demo(db.engine)
    now = datetime.now(STOCKHOLM)
    await RoutingStore(db.engine).create("on_call", {
        "id": "test-around-the-clock", "contact_id": "bromma-socionom-1", "unit_id": "bromma-socionom",
        "starts": now - timedelta(days=1), "ends": now + timedelta(days=1)}, actor="test")


async def test_two_replicas_behave_as_one_service(pg_db, connector, tmp_path):
    await _seed(pg_db)
    replicas = [Replica(pg_db.schema, 1, tmp_path / "a.log"), Replica(pg_db.schema, 2, tmp_path / "b.log")]
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
            await asyncio.gather(*(replica.ready(session) for replica in replicas))
            bot = Alternating(replicas, session, connector.url)
            await bot.install(SOCIONOM, "Sara Socionom")
            await bot.install(BACKUP, "Rita Reserv")

            # One consultation, every turn on the other replica than the one before: the state is in the database.
            await consult_and_ask_for_a_person(bot)
            assert bot.turn >= 12
            staff_said = bodies(connector, personal(STAFF))
            assert "Bromma" in staff_said  # the preschool step was understood by the other replica
            assert len(offers(connector, SOCIONOM)) == 1  # the handoff was requested at the end of the dialog
            value = claim_value(offers(connector, SOCIONOM)[0])
            handoff_id = value["handoff_id"]

            # The socionom's click reaches both replicas at once: exactly one claim.
            claim = teams.message(connector.url, value=value, sender=teams.user(SOCIONOM, "Sara Socionom"))
            await asyncio.gather(*(bot.post(dict(claim, id=f"claim-{i}"), replica)
                                   for i, replica in enumerate(replicas)))
            events = await _events(pg_db, handoff_id)
            assert len([e for e in events if e[1] == "claimed"]) == 1, events
            async with pg_db.engine.connect() as connection:
                state = (await connection.execute(text("SELECT state FROM handoff WHERE id = :id"),
                                                  {"id": handoff_id})).scalar_one()
            assert state in ("claimed", "active")  # active once the note reached the claimer

            # A second request; its timer is made due now. Three processes poll every 0.3 s: it fires once.
            await consult_and_ask_for_a_person(bot, staff=STAFF_2, name="Bo Personal")
            async with pg_db.engine.begin() as connection:
                waiting = (await connection.execute(text(
                    "SELECT id FROM handoff WHERE state IN ('requested', 'offered', 'escalated')"))).scalars().all()
                assert len(waiting) == 1
                second = waiting[0]
                await connection.execute(text(
                    "UPDATE handoff SET next_action = 'escalate', next_action_at = now() - interval '1 second', "
                    "lease_owner = NULL, lease_until = NULL WHERE id = :id"), {"id": second})
            fired: list = []
            for _ in range(200):
                fired = [e for e in await _events(pg_db, second) if e[2] == "timer"]
                if fired:
                    break
                await asyncio.sleep(0.1)
            assert fired, "no replica fired the due timer"
            await asyncio.sleep(2.0)  # several more polls of every process: none may fire it again
            fired = [e for e in await _events(pg_db, second) if e[2] == "timer"]
            # In office hours the timer escalates (one transition, the staff told once); after hours, with the
            # on-call socionom already asked, it sets the request to wait for the opening (once). Never twice.
            decisions = [e for e in fired if e[0] in ("transition", "waits_for_opening")]
            assert len(decisions) == 1, fired
            if decisions[0][0] == "transition":
                assert len([e for e in fired if e[0] == "told_staff"]) == 1, fired

            # Each replica's /metrics merges its workers; together they counted the offers sent proactively.
            sent = 0.0
            for replica in replicas:
                async with session.get(f"{replica.url}/metrics") as response:
                    exposition = await response.text()
                sent += sum(float(line.rsplit(" ", 1)[1]) for line in exposition.splitlines()
                            if line.startswith('samrad_proactive_sends_total{kind="continue",outcome="sent"}'))
                assert 'samrad_handoffs{state="active"} 1.0' in exposition or \
                    'samrad_handoffs{state="claimed"} 1.0' in exposition
            assert sent >= 2  # at least the first offer and the claimed note
    finally:
        codes = await asyncio.gather(*(replica.stop() for replica in replicas))
    assert codes == [0, 0], [(tmp_path / name).read_text(errors="replace")[-3000:] for name in ("a.log", "b.log")]

