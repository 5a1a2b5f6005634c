"""Load: whole consultations through a real Samråd process, beside a botbuilder echo bot and a bare aiohttp handler.

Run with `python -m bench.load` (SQLite) or `python -m bench.load --db postgres`. Each target runs in its own
subprocess on 127.0.0.1 (`bench/targets.py`); a small Bot Connector in this process receives the replies. Simulated
staff members (one AAD id and personal conversation each) go through the whole consultation at each concurrency
level; the echo bot and the bare handler get the very same activities. Not a test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
PG_URL = os.environ.get("SAMRAD_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
TARGETS = ("samrad", "samrad-2w", "echo", "bare")
WORKERS_2 = 2  # samrad-2w: `samrad serve --workers 2`, as deployed (gunicorn + aiohttp's GunicornWebWorker)
MODES = ("saturated", "paced")
LEVELS = (1, 8, 32, 128)  # saturated: every simulated user sends its next turn the moment the reply is in
TURNS = 400  # per level; raised so that every simulated user at a level can finish one consultation
PACED_LEVELS = (32, 128)  # paced: people who read the reply and type before their next turn
THINK = (1.0, 4.0)  # seconds between a reply and the next turn, uniform (real staff are slower: this is harsh)
PACED_SECONDS = 15.0  # measuring window per paced level
SEED = 1
ACTIVE = 1000  # conversations left in the middle of a consultation for the memory figure
WARMUP_USERS = 3  # full consultations per target before measuring (directory load, imports, pools)
REQUEST_TIMEOUT = 30.0  # seconds a single POST may take before it counts as an error
REPLY_GRACE = 2.0  # seconds to wait for replies still missing when the POST has returned
START_TIMEOUT = 60.0  # seconds a target may take to answer /healthz
STOP_TIMEOUT = 120.0  # seconds a target may take to shut down (the profiler writes its reports then) before SIGKILL
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
TENANT = "72f988bf-0000-4000-8000-000000000001"
BOT = {"id": "28:samrad-bot", "name": "Samråd"}
# Misspelled or district-qualified names of unique demo preschools, and the district the bot should confirm.
# ("solrsoen farsta", a transposition, scores below routing.match.CONFIDENT_SCORE since the 2026-11-29 matching
# and is asked back; "solrossen i farsta" is a misspelling that is still confirmed directly.)
PLACES = (("solrosen i farsta", "Farsta"), ("förskola sagobergt", "Bromma"), ("solrossen i farsta", "Farsta"))
# A worry in free text with a name and a phone number in it, so the scrubber has something to mask.
CONCERN = ("Lisa Andersson kommer ofta hungrig och i för tunna kläder, hon säger att det inte finns mat hemma. "
           "Mamman nås på 070-123 45 67 men svarar sällan.")
SECRETS = ("070-123 45 67", "Andersson")


# --- What Teams posts -------------------------------------------------------------------------------------------

def _activity(service_url: str, aad: str, kind: str, *, text: str | None = None,
              value: dict[str, Any] | None = None) -> dict[str, Any]:
    sender = {"id": f"29:{aad}", "name": "Bench Personal", "aadObjectId": aad}
    activity: dict[str, Any] = {
        "type": kind, "id": f"in-{uuid.uuid4().hex[:12]}", "timestamp": "2026-11-24T09:00:00.000Z",
        "serviceUrl": service_url, "channelId": "msteams", "from": sender,
        "conversation": {"id": f"a:personal-{aad}", "conversationType": "personal", "tenantId": TENANT},
        "recipient": BOT, "locale": "sv-SE", "channelData": {"tenant": {"id": TENANT}},
    }
    if kind == "conversationUpdate":
        activity["membersAdded"] = [{"id": BOT["id"]}]
    if text is not None:
        activity["text"] = text
    if value is not None:
        activity["value"] = value
    return activity


# --- What Samråd should answer ----------------------------------------------------------------------------------

def _cards(replies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a.get("content") or {} for r in replies for a in r.get("attachments") or []
            if a.get("contentType") == ADAPTIVE]


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def _submits(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [n.get("data") or {} for n in _walk(card) if n.get("type") == "Action.Submit"]


def _texts(replies: Sequence[dict[str, Any]]) -> list[str]:
    blocks = [n for card in _cards(replies) for n in _walk(card) if n.get("type") == "TextBlock"]
    return [r.get("text") or "" for r in replies] + [b.get("text") or "" for b in blocks]


def _asks(action: str) -> Callable[[Sequence[dict[str, Any]]], bool]:
    """The last card is the question *action* (all its submits carry that action)."""
    def check(replies: Sequence[dict[str, Any]]) -> bool:
        cards = _cards(replies)
        submits = _submits(cards[-1]) if cards else []
        return bool(submits) and all(s.get("action") == action for s in submits)
    return check


def _says(fragment: str, then: Callable[[Sequence[dict[str, Any]]], bool] | None = None
          ) -> Callable[[Sequence[dict[str, Any]]], bool]:
    """Some reply contains *fragment* (and *then* holds)."""
    def check(replies: Sequence[dict[str, Any]]) -> bool:
        return any(fragment in t for t in _texts(replies)) and (then is None or then(replies))
    return check


def _no_secrets(check: Callable[[Sequence[dict[str, Any]]], bool]) -> Callable[[Sequence[dict[str, Any]]], bool]:
    def checked(replies: Sequence[dict[str, Any]]) -> bool:
        dumped = json.dumps(replies, ensure_ascii=False)
        return check(replies) and not any(secret in dumped for secret in SECRETS)
    return checked


@dataclass(frozen=True)
class Step:
    """One turn of a simulated staff member: what Teams posts, and what Samråd must answer."""

    name: str
    kind: str = "message"
    text: str | None = None
    value: dict[str, Any] | None = None
    expect: Callable[[Sequence[dict[str, Any]]], bool] = lambda _replies: True


def consultation(place: str, district: str) -> list[Step]:
    """The whole consultation, from install to the konsultationsanteckning, as clicks and typed text."""
    return [
        Step("install", kind="conversationUpdate",
             expect=lambda rs: any({"action": "menu", "choice": "consult"} in _submits(c) for c in _cards(rs))),
        Step("consult", value={"action": "menu", "choice": "consult"},
             expect=_says("Skriv inte barnets namn", _asks("danger"))),
        Step("danger", value={"action": "danger", "choice": "no"}, expect=_asks("place")),
        Step("place", text=place, expect=_says(f"Då gäller det {district}", _asks("words"))),
        # The words say what is known (neglect, the child told, for a while): only the unknowns are asked after.
        Step("concern", value={"action": "words", "text": CONCERN},
             expect=_no_secrets(_says("Jag tog bort", _says("Jag uppfattade", _asks("understood"))))),
        Step("understood", value={"action": "understood", "choice": "yes"}, expect=_asks("duration")),
        Step("duration", value={"action": "duration", "choice": "months"}, expect=_asks("age")),
        Step("age", text="3-6", expect=lambda rs: any(t in _texts(rs) for t in (
            "Din oro ska anmälas", "Rådgör med en socionom", "Familjen kan behöva stöd")) and _asks("final")(rs)),
        Step("note", value={"action": "final", "choice": "note"},
             expect=_no_secrets(_says("Konsultationsanteckning (avidentifierad)", _says("Tack för att du bryr dig")))),
    ]


SCRIPTS = [consultation(place, district) for place, district in PLACES]
IN_PROGRESS = 4  # turns a parked conversation gets: install, menu, danger, preschool; it waits for the free text


def _expect_for(target: str, step: Step) -> Callable[[Sequence[dict[str, Any]]], bool]:
    if target.startswith("samrad"):
        return step.expect
    if target == "echo" and step.kind == "message":
        return lambda rs: len(rs) == 1 and ":" in (rs[0].get("text") or "")
    return lambda rs: not rs


# --- The Bot Connector the targets reply to ---------------------------------------------------------------------

@dataclass
class Inbox:
    """What the bot sent to one conversation, with arrival times (perf_counter)."""

    replies: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


class Connector:
    """Receives the bot's replies on 127.0.0.1 and files them by conversation."""

    def __init__(self) -> None:
        self.inboxes: dict[str, Inbox] = defaultdict(Inbox)
        self.unexpected = 0
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._post)
        app.router.add_route("*", "/{tail:.*}", self._other)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        inbox = self.inboxes[request.match_info["conversation"]]
        inbox.replies.append((time.perf_counter(), body))
        inbox.arrived.set()
        return web.json_response({"id": f"out-{next(self._ids)}"})

    async def _other(self, _request: web.Request) -> web.Response:
        self.unexpected += 1
        return web.json_response({"error": "not in this connector"}, status=404)


# --- The targets, each in its own process -----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
    """The direct child processes of *pid* (gunicorn's workers)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) *pid* and its children (gunicorn's workers) have used so far."""
    total = 0.0
    for each in (pid, *children(pid)):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{each}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def memory_mb(pid: int) -> dict[str, float]:
    """VmHWM (peak), VmRSS (now) and Pss (RSS with shared pages split among their sharers) of *pid*, in MB."""
    found: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                found[key] = int(rest.split()[0]) / 1024
    with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key == "Pss":
                found["Pss"] = int(rest.split()[0]) / 1024
    return found


class Target:
    """One benchmark target served by `python -m bench.targets` in a subprocess; always stopped by `stop()`."""

    def __init__(self, kind: str, *, db: str = "", schema: str = "", profile: Path | None = None,
                 log: Path) -> None:
        self.kind = kind
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/messages"
        env = None
        if kind == "samrad-2w":
            # The deployed command itself: gunicorn's parent loads the knowledge, forks two workers on one port.
            command = [sys.executable, "-m", "bot.cli", "serve", "--dev", "--workers", str(WORKERS_2),
                       "--port", str(self.port), "--no-access-log"]
            env = {**os.environ, "DATABASE_URL": db, "DATABASE_SCHEMA": schema, "HOST": "127.0.0.1",
                   "LOG_LEVEL": "WARNING", "SAMRAD_DEV": "1"}
            for name in ("MicrosoftAppId", "PROMETHEUS_MULTIPROC_DIR", "WEB_CONCURRENCY"):
                env.pop(name, None)
        else:
            command = [sys.executable, "-m", "bench.targets", kind, "--port", str(self.port)]
            if db:
                command += ["--db", db]
            if schema:
                command += ["--schema", schema]
            if profile is not None:
                command += ["--profile", str(profile)]
        self._log = log.open("wb")
        # A session of its own: Ctrl-C reaches only this process, which then stops the target in order.
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True, env=env)

    async def ready(self, session: aiohttp.ClientSession) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with {self.process.returncode}; see {self._log.name}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not answer /healthz within {START_TIMEOUT:.0f} s")

    def memory(self) -> dict[str, float]:
        """The parent's memory, and with workers each worker's RSS (`workers_rss`) and their sum in VmRSS."""
        parent = memory_mb(self.process.pid)
        workers = [memory_mb(pid) for pid in children(self.process.pid)]
        if not workers:
            return parent
        # RSS counts the pages the workers share with the parent (copy-on-write) in every process; Pss splits them.
        return {"VmRSS": parent["VmRSS"] + sum(w["VmRSS"] for w in workers),
                "VmHWM": parent["VmHWM"] + sum(w["VmHWM"] for w in workers),
                "Pss": parent.get("Pss", 0.0) + sum(w.get("Pss", 0.0) for w in workers),
                "parent_rss": parent["VmRSS"], "workers_rss": [round(w["VmRSS"], 1) for w in workers],
                "workers_pss": [round(w.get("Pss", 0.0), 1) for w in workers]}

    async def stop(self) -> None:
        """SIGINT (graceful: aiohttp cleans up, the profiler writes), then SIGKILL after STOP_TIMEOUT.

        Waits without blocking the loop: turns still in flight need this process's connector to finish.
        """
        try:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGINT)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    await asyncio.to_thread(self.process.wait, STOP_TIMEOUT)
        finally:  # also when a second Ctrl-C interrupts the wait
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._log.close()


# --- Driving the load -------------------------------------------------------------------------------------------

@dataclass
class Level:
    """The outcome of one concurrency level against one target."""

    concurrency: int
    mode: str = "saturated"
    turns: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    failed_steps: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    setup_errors: int = 0  # paced: turns that walked the users to their starting steps (not measured)
    replies: int = 0  # activities the target sent to the Bot Connector for the measured turns
    cpu_s: float = 0.0  # CPU time the target's processes used during the level (not the load generator's)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))] * 1000

    def summary(self) -> dict[str, Any]:
        return {"mode": self.mode, "concurrency": self.concurrency, "turns": self.turns,
                "seconds": round(self.seconds, 1),
                "turns_per_s": round(self.turns / self.seconds, 1) if self.seconds else 0.0,
                "p50_ms": round(self.percentile(50), 2), "p95_ms": round(self.percentile(95), 2),
                "p99_ms": round(self.percentile(99), 2), "errors": self.errors,
                "replies_per_turn": round(self.replies / self.turns, 2) if self.turns else 0.0,
                "cpu_ms_per_turn": round(self.cpu_s * 1000 / self.turns, 2) if self.turns else 0.0,
                "failed_steps": dict(self.failed_steps),
                **({"setup_errors": self.setup_errors} if self.mode == "paced" else {})}


class Driver:
    """Posts the simulated staff members' turns to one target and checks every answer."""

    def __init__(self, target: Target, connector: Connector, session: aiohttp.ClientSession, run_id: str) -> None:
        self.target = target
        self.connector = connector
        self.session = session
        self._users = itertools.count(1)
        self._run_id = run_id

    def new_user(self, tag: str) -> str:
        return f"{self._run_id}-{self.target.kind}-{tag}-{next(self._users)}"

    async def turn(self, aad: str, step: Step, level: Level) -> None:
        """One POST; the latency runs until the POST returned and the last reply arrived."""
        inbox = self.connector.inboxes[f"a:personal-{aad}"]
        inbox.replies.clear()
        inbox.arrived.clear()
        payload = _activity(self.connector.url, aad, step.kind, text=step.text, value=step.value)
        expect = _expect_for(self.target.kind, step)
        started = time.perf_counter()
        ok = False
        try:
            async with self.session.post(self.target.url, json=payload) as response:
                await response.read()
                ok = response.status < 300
            returned = time.perf_counter()
            answers = [body for _, body in inbox.replies]
            if ok and not expect(answers):
                # CloudAdapter sends replies before the POST returns; this only waits out a slow or missing one.
                deadline = returned + REPLY_GRACE
                while not expect(answers) and time.perf_counter() < deadline:
                    inbox.arrived.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(inbox.arrived.wait(), deadline - time.perf_counter())
                    answers = [body for _, body in inbox.replies]
                ok = expect(answers)
            last_reply = inbox.replies[-1][0] if inbox.replies else returned
            level.replies += len(inbox.replies)
            level.latencies.append(max(returned, last_reply) - started)
        except (aiohttp.ClientError, TimeoutError):
            ok = False
        level.turns += 1
        if not ok:
            level.errors += 1
            level.failed_steps[step.name] += 1
        self.connector.inboxes.pop(f"a:personal-{aad}", None)

    async def run(self, concurrency: int, turns: int, *, steps: int | None = None, tag: str = "load") -> Level:
        """*turns* turns from *concurrency* users at once; each user follows a script (its first *steps* turns)."""
        level = Level(concurrency)
        budget = turns
        scripts = itertools.cycle(SCRIPTS)

        async def user_loop() -> None:
            nonlocal budget
            while budget > 0:
                aad = self.new_user(tag)
                for step in next(scripts)[:steps]:
                    if budget <= 0:
                        return
                    budget -= 1
                    await self.turn(aad, step, level)

        started = time.perf_counter()
        await asyncio.gather(*(user_loop() for _ in range(concurrency)))
        level.seconds = time.perf_counter() - started
        return level

    async def run_paced(self, concurrency: int, seconds: float, think: tuple[float, float], seed: int,
                        *, tag: str = "paced") -> Level:
        """*concurrency* people mid-consultation, each pausing a seeded uniform *think* time after every reply.

        Every seat first gets a staff member walked (unmeasured, unpaced) to a seeded random step of the
        consultation, so the measured turns are a steady mix of all nine steps rather than only the first few.
        Then, for *seconds*, each seat waits a random part of one pause, sends its next turn, waits for the
        replies, reads and types (the think time), and so on; after the note a new staff member takes the seat.
        No turn is started after the window; the seed makes every target get the very same schedule.
        """
        level = Level(concurrency, mode="paced")
        low, high = think
        seats = []
        for seat in range(concurrency):
            rng = random.Random(f"{seed}:{concurrency}:{seat}")
            seats.append((seat, rng, rng.randrange(len(SCRIPTS[0]))))
        setup = Level(concurrency)
        users: dict[int, str] = {}

        async def position(seat: int, at: int) -> None:
            users[seat] = aad = self.new_user(tag)
            for step in SCRIPTS[seat % len(SCRIPTS)][:at]:
                await self.turn(aad, step, setup)

        await asyncio.gather(*(position(seat, at) for seat, _rng, at in seats))
        level.setup_errors = setup.errors
        started = time.perf_counter()
        deadline = started + seconds

        async def person(seat: int, rng: random.Random, at: int) -> None:
            await asyncio.sleep(rng.uniform(0, high))  # seats start spread over one pause, not all at once
            aad, script = users[seat], seat
            while time.perf_counter() < deadline:
                for step in SCRIPTS[script % len(SCRIPTS)][at:]:
                    await self.turn(aad, step, level)
                    pause = rng.uniform(low, high)
                    if time.perf_counter() + pause >= deadline:
                        return
                    await asyncio.sleep(pause)
                aad, script, at = self.new_user(tag), script + 1, 0

        await asyncio.gather(*(person(seat, rng, at) for seat, rng, at in seats))
        level.seconds = time.perf_counter() - started
        return level


@dataclass
class Result:
    """Everything measured for one target."""

    kind: str
    levels: list[Level] = field(default_factory=list)  # saturated
    paced: list[Level] = field(default_factory=list)
    memory: dict[str, float] = field(default_factory=dict)
    active: dict[str, Any] = field(default_factory=dict)
    warmup_errors: int = 0
    first: Level | None = None  # the first consultation after start-up, before any warm-up turn

    def level(self, concurrency: int, mode: str = "saturated") -> Level | None:
        levels = self.paced if mode == "paced" else self.levels
        return next((lv for lv in levels if lv.concurrency == concurrency), None)

    def summary(self) -> dict[str, Any]:
        return {"levels": {f"c{lv.concurrency}": lv.summary() for lv in self.levels},
                "paced": {f"c{lv.concurrency}": lv.summary() for lv in self.paced},
                "hwm_mb": round(self.memory.get("VmHWM", 0.0), 1), "rss_mb": round(self.memory.get("VmRSS", 0.0), 1),
                **({"active": self.active} if self.active else {}), "warmup_errors": self.warmup_errors,
                **({"workers_rss_mb": self.memory["workers_rss"], "workers_pss_mb": self.memory["workers_pss"],
                    "parent_rss_mb": round(self.memory["parent_rss"], 1), "pss_mb": round(self.memory["Pss"], 1)}
                   if "workers_rss" in self.memory else {}),
                **({"first_turn_ms": round(self.first.latencies[0] * 1000, 2),
                    "first_consultation_max_ms": round(max(self.first.latencies) * 1000, 2),
                    "first_consultation_errors": self.first.errors} if self.first and self.first.latencies else {})}


async def bench_target(kind: str, args: argparse.Namespace, connector: Connector, workdir: Path,
                       db: tuple[str, str]) -> Result:
    """Start *kind*, warm it up, run every level, then (Samråd) park ACTIVE conversations; always stop it."""
    url, schema = db if kind.startswith("samrad") else ("", "")
    profiling = args.profile and kind in ("samrad", "echo")
    profile = RESULTS / f"profile-{kind}-{time.strftime('%Y%m%d-%H%M%S')}" if profiling else None
    target = Target(kind, db=url, schema=schema, profile=profile, log=workdir / f"{kind}.log")
    result = Result(kind)
    try:
        connector_limit = max((*args.levels, *args.paced_levels, 32)) + 8
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connector_limit),
                                         timeout=timeout) as session:
            await target.ready(session)
            driver = Driver(target, connector, session, args.run_id)
            # The very first consultation after start-up, one turn at a time: what the first user of the day gets.
            result.first = await driver.run(1, len(SCRIPTS[0]), tag="first")
            if result.first.latencies:
                print(f"  {kind:9} first consultation after start-up: first turn "
                      f"{result.first.latencies[0] * 1000:.1f} ms, slowest {max(result.first.latencies) * 1000:.1f} ms",
                      file=sys.stderr, flush=True)
            warmup = await driver.run(1, WARMUP_USERS * len(SCRIPTS[0]), tag="warmup")
            result.warmup_errors = warmup.errors
            for concurrency in args.levels if "saturated" in args.modes else ():
                turns = max(args.turns, concurrency * len(SCRIPTS[0]))
                cpu = cpu_seconds(target.process.pid)
                level = await driver.run(concurrency, turns)
                level.cpu_s = cpu_seconds(target.process.pid) - cpu
                result.levels.append(level)
                print(f"  {kind:9} c{concurrency:<4} saturated {level.turns / level.seconds:8.1f} turns/s  "
                      f"p99 {level.percentile(99):7.1f} ms  errors {level.errors}", file=sys.stderr, flush=True)
            for concurrency in args.paced_levels if "paced" in args.modes else ():
                cpu = cpu_seconds(target.process.pid)
                level = await driver.run_paced(concurrency, args.paced_seconds, args.think, args.seed)
                level.cpu_s = cpu_seconds(target.process.pid) - cpu
                result.paced.append(level)
                print(f"  {kind:9} c{concurrency:<4} paced     {level.turns / level.seconds:8.1f} turns/s  "
                      f"p99 {level.percentile(99):7.1f} ms  errors {level.errors + level.setup_errors}",
                      file=sys.stderr, flush=True)
            result.memory = target.memory()
            if kind == "samrad" and args.active:
                before = target.memory()["VmRSS"]
                parked = await driver.run(32, args.active * IN_PROGRESS, steps=IN_PROGRESS, tag="parked")
                after = target.memory()
                result.active = {"conversations": args.active, "rss_mb_before": round(before, 1),
                                 "rss_mb": round(after["VmRSS"], 1), "hwm_mb": round(after["VmHWM"], 1),
                                 "turns": parked.turns, "errors": parked.errors}
                print(f"  {kind:7} {args.active} conversations in progress: RSS {before:.0f} -> "
                      f"{after['VmRSS']:.0f} MB, errors {parked.errors}", file=sys.stderr, flush=True)
    finally:
        await target.stop()
    if profile is not None:
        print(f"  profile: {profile.with_suffix('.html')} and .txt", file=sys.stderr)
    return result


# --- Databases --------------------------------------------------------------------------------------------------

@contextlib.asynccontextmanager
async def samrad_database(kind: str, workdir: Path) -> AsyncIterator[tuple[str, str]]:
    """A migrated database with the demo data: a SQLite file in *workdir*, or a private PostgreSQL schema."""
    from sqlalchemy import text

    from bot.database import create_engine, upgrade_async
    from routing.demo import load_demo

    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{workdir / 'samrad-bench.db'}"
        await upgrade_async(url)
        engine = create_engine(url)
        try:
            await load_demo(engine, if_empty=False)
        finally:
            await engine.dispose()
        yield url, ""
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            await upgrade_async(PG_URL, schema)
            engine = create_engine(PG_URL, schema=schema)
            try:
                await load_demo(engine, if_empty=False)
            finally:
                await engine.dispose()
            yield PG_URL, schema
        finally:
            async with admin.begin() as connection:
                await connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await admin.dispose()


# --- Report -----------------------------------------------------------------------------------------------------

def _table(title: str, results: list[Result], mode: str) -> None:
    rows = [(r.kind, lv) for r in results for lv in (r.paced if mode == "paced" else r.levels)]
    if not rows:
        return
    print(title)
    print(f"{'target':10} {'conc':>5} {'turns':>6} {'turns/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'errors':>7} {'replies':>8} {'cpu ms':>7}")
    for kind, level in rows:
        s = level.summary()
        print(f"{kind:10} {s['concurrency']:5} {s['turns']:6} {s['turns_per_s']:9.1f} {s['p50_ms']:8.2f} "
              f"{s['p95_ms']:8.2f} {s['p99_ms']:8.2f} {s['errors'] + level.setup_errors:7} "
              f"{s['replies_per_turn']:8.2f} {s['cpu_ms_per_turn']:7.2f}")


def report(results: list[Result], args: argparse.Namespace) -> dict[str, Any]:
    """Print both tables and the ratios; return the JSON summary."""
    low, high = args.think
    print(f"\nLoad: whole consultations ({len(SCRIPTS[0])} turns each), database {args.db}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    _table(f"\nPaced — the target's measure: N people mid-consultation, each reading and typing "
           f"{low:g}–{high:g} s (uniform, seed {args.seed}) after every reply; {args.paced_seconds:g} s per level; "
           f"turns/s is the load they offer", results, "paced")
    _table("\nSaturated — capacity: N clients, each sending its next turn the instant the reply is in (zero think "
           "time); latency here is mostly queueing", results, "saturated")
    by_kind = {r.kind: r for r in results}
    echo = by_kind.get("echo")

    def ratios_of(kind: str) -> dict[str, float]:
        found: dict[str, float] = {}
        mine = by_kind.get(kind)
        for level in mine.levels if mine and echo else ():
            other = echo.level(level.concurrency)
            if other and other.turns and level.seconds:
                found[f"c{level.concurrency}"] = round((level.turns / level.seconds) / (other.turns / other.seconds), 3)
        if found:
            print(f"{kind} / echo throughput (saturated): " + "  ".join(f"{k} {v:.2f}" for k, v in found.items()))
        return found

    ratios, ratios_2w = ratios_of("samrad"), ratios_of("samrad-2w")
    samrad, samrad_2w = by_kind.get("samrad"), by_kind.get("samrad-2w")
    for result in results:
        memory = result.summary()
        line = f"memory {result.kind}: peak {memory['hwm_mb']:.0f} MB, RSS {memory['rss_mb']:.0f} MB"
        if "workers_rss_mb" in memory:
            line += (f" (parent {memory['parent_rss_mb']:.0f} MB, workers "
                     + ", ".join(f"{rss:.0f}" for rss in memory["workers_rss_mb"]) + " MB; "
                     f"without double-counting shared pages (PSS) {memory['pss_mb']:.0f} MB in all, workers "
                     + ", ".join(f"{pss:.0f}" for pss in memory["workers_pss_mb"]) + " MB)")
        if result.active:
            line += (f"; {result.active['conversations']} conversations in progress: RSS "
                     f"{result.active['rss_mb']:.0f} MB ({result.active['errors']} errors)")
        if "first_turn_ms" in memory:
            line += (f"; first turn after start-up {memory['first_turn_ms']:.1f} ms (slowest of the first "
                     f"consultation {memory['first_consultation_max_ms']:.1f} ms)")
        print(line)

    def p99(concurrency: int, mode: str, result: Result | None = samrad) -> float | None:
        level = result.level(concurrency, mode) if result else None
        return round(level.percentile(99), 2) if level and level.latencies else None

    rss = (samrad.active.get("rss_mb") if samrad and samrad.active else None) or (
        samrad.summary()["rss_mb"] if samrad else None)
    return {
        "benchmark": "load", "db": args.db, "cpus": os.cpu_count(), "levels": list(args.levels),
        "paced_levels": list(args.paced_levels), "think_s": [low, high], "paced_seconds": args.paced_seconds,
        "seed": args.seed,
        "p99_ms_c32": p99(32, "paced"), "p99_ms_c128": p99(128, "paced"),
        "p99_ms_c32_saturated": p99(32, "saturated"),
        "ratio_vs_echo": ratios.get("c32"), "ratios_vs_echo": ratios, "rss_mb": rss,
        "workers_2": {"ratio_vs_echo_c32": ratios_2w.get("c32"), "ratios_vs_echo": ratios_2w,
                      "p99_ms_c32": p99(32, "paced", samrad_2w), "p99_ms_c128": p99(128, "paced", samrad_2w),
                      "workers_rss_mb": samrad_2w.summary().get("workers_rss_mb") if samrad_2w else None,
                      "workers_pss_mb": samrad_2w.summary().get("workers_pss_mb") if samrad_2w else None,
                      "first_turn_ms": samrad_2w.summary().get("first_turn_ms") if samrad_2w else None},
        "first_turn_ms": samrad.summary().get("first_turn_ms") if samrad else None,
        "errors": sum(lv.errors + lv.setup_errors for r in results for lv in (*r.levels, *r.paced))
        + sum(r.warmup_errors for r in results) + sum(r.active.get("errors", 0) for r in results)
        + sum(r.first.errors for r in results if r.first),
        "targets": {r.kind: r.summary() for r in results},
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    connector = Connector()
    await connector.start()
    try:
        with tempfile.TemporaryDirectory(prefix="samrad-bench-") as tmp:
            workdir = Path(tmp)
            results = []
            for kind in args.targets:
                if kind.startswith("samrad"):
                    async with samrad_database(args.db, workdir) as db:
                        results.append(await bench_target(kind, args, connector, workdir, db))
                else:
                    results.append(await bench_target(kind, args, connector, workdir, ("", "")))
            if connector.unexpected:
                print(f"connector: {connector.unexpected} calls to paths a reply never uses", file=sys.stderr)
    finally:
        await connector.close()
    return report(results, args)


def _levels(raw: str) -> tuple[int, ...]:
    return tuple(int(part) for part in raw.split(",") if part.strip())


def _think(raw: str) -> tuple[float, float]:
    low, _, high = raw.partition("-")
    think = (float(low), float(high or low))
    if not 0 <= think[0] <= think[1]:
        raise argparse.ArgumentTypeError("think time: LOW-HIGH seconds with 0 <= LOW <= HIGH")
    return think


def main() -> None:
    parser = argparse.ArgumentParser(description="load benchmark: Samråd beside a botbuilder echo bot and bare aiohttp")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--modes", type=lambda raw: tuple(raw.split(",")), default=MODES,
                        help="saturated (capacity: zero think time), paced (people who read and type), or both")
    parser.add_argument("--levels", type=_levels, default=LEVELS,
                        help="saturated concurrency levels, e.g. 1,8,32,128")
    parser.add_argument("--paced-levels", type=_levels, default=PACED_LEVELS,
                        help="paced concurrency levels (conversations in progress at once), e.g. 32,128")
    parser.add_argument("--think", type=_think, default=THINK,
                        help=f"seconds a person reads and types between turns, LOW-HIGH uniform "
                             f"(default {THINK[0]:g}-{THINK[1]:g})")
    parser.add_argument("--paced-seconds", type=float, default=PACED_SECONDS,
                        help=f"measuring window per paced level (default {PACED_SECONDS:g})")
    parser.add_argument("--seed", type=int, default=SEED, help="seeds starting steps and think times")
    parser.add_argument("--turns", type=int, default=TURNS,
                        help=f"turns per level (at least {len(SCRIPTS[0])} x concurrency; default {TURNS})")
    parser.add_argument("--targets", type=lambda raw: tuple(raw.split(",")), default=None,
                        help="comma-separated subset of samrad,samrad-2w,echo,bare "
                             "(default all; samrad only with --profile)")
    parser.add_argument("--active", type=int, default=ACTIVE,
                        help=f"conversations left mid-consultation for the memory figure (0 skips; default {ACTIVE})")
    parser.add_argument("--profile", action="store_true",
                        help="run Samråd under pyinstrument; reports go to bench/results/ (slower numbers)")
    args = parser.parse_args()
    args.targets = args.targets or (("samrad",) if args.profile else TARGETS)
    if unknown := set(args.targets) - set(TARGETS):
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    if unknown := set(args.modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    args.run_id = uuid.uuid4().hex[:8]
    # SIGTERM unwinds like Ctrl-C, so every `finally` above stops its subprocess and drops its schema.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        summary = asyncio.run(main_async(args))
    except KeyboardInterrupt:
        print("interrupted: targets stopped, temporary databases removed", file=sys.stderr)
        raise SystemExit(130) from None
    print(json.dumps(summary, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
