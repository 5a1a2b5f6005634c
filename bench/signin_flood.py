"""Sign-in flood: the bot's turn latency while the administration is flooded with sign-ins, beside a quiet run.

Run with `python -m bench.signin_flood` (SQLite) or `--db postgres`. The real app (`bot.app.create_app`, the
administration mounted at /admin/, argon2 at its production cost) runs in a subprocess; paced staff members go
through consultations exactly as in `bench.load`'s paced mode, three times over the same schedule:

- quiet: no sign-ins;
- flood: FLOOD clients post sign-ins with made-up names from made-up addresses (X-Forwarded-For, believed
  because the server trusts any proxy here) as fast as they get answers: the throttle as deployed;
- flood, unthrottled: the same with every limit raised out of reach, so every attempt is hashed: what the
  bounded hashing pool alone protects.

Not a test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import itertools
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp

from bench.load import (
    ROOT,
    SEED,
    THINK,
    Connector,
    Driver,
    Level,
    Target,
    _free_port,
    samrad_database,
)

FLOOD = 50  # concurrent sign-in clients
SECONDS = 15.0
PACED = 32
ADMIN_USER = "bench-admin"
ADMIN_PASSWORD = "bänk-lösenord-som-är-långt"


class FloodTarget(Target):
    """The real app served by `python -m bench.signin_flood serve` in a subprocess."""

    def __init__(self, *, db: str, schema: str, unthrottled: bool, log: Path) -> None:
        self.kind = "samrad"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/messages"
        command = [sys.executable, "-m", "bench.signin_flood", "serve", "--port", str(self.port), "--db", db]
        if schema:
            command += ["--schema", schema]
        if unthrottled:
            command.append("--unthrottled")
        self._log = log.open("wb")
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True)


def serve(args: argparse.Namespace) -> None:
    """Serve the app as `samrad serve` does, trusting X-Forwarded-For; with --unthrottled no limit is reached."""
    from aiohttp import web

    import admin.app as admin_app
    from admin.throttle import Limit, SignInThrottle
    from bot.app import create_app
    from bot.settings import Settings

    if args.unthrottled:
        never = 10 ** 9
        admin_app.SignInThrottle = functools.partial(  # type: ignore[misc]
            SignInThrottle, account=Limit("account", never, 1.0), ip=Limit("ip", never, 1.0),
            overall=Limit("global", never, 1.0, backoff=False))
    settings = Settings(database_url=args.db, database_schema=args.schema or None, host="127.0.0.1",
                        log_level="WARNING", session_secret="bench", forwarded_allow_ips=("*",))
    web.run_app(create_app(settings), host="127.0.0.1", port=args.port, print=None, access_log=None)


async def flood(url: str, stop: asyncio.Event, clients: int) -> Counter[int]:
    """*clients* loops posting wrong sign-ins with made-up names and addresses until *stop*; status counts."""
    statuses: Counter[int] = Counter()
    numbers = itertools.count(1)

    async def client(session: aiohttp.ClientSession) -> None:
        while not stop.is_set():
            n = next(numbers)
            headers = {"X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"}
            try:
                async with session.post(url, json={"username": f"påhittad-{n}", "password": "fel"},
                                        headers=headers) as response:
                    await response.read()
                    statuses[response.status] += 1
            except (aiohttp.ClientError, TimeoutError):
                statuses[0] += 1

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=clients)) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return statuses


async def run(kind: str, args: argparse.Namespace, connector: Connector, workdir: Path,
              db: tuple[str, str]) -> dict[str, Any]:
    """One run: start the app, warm up, measure paced turns (with a flood when asked), stop the app."""
    flooding = kind != "quiet"
    target = FloodTarget(db=db[0], schema=db[1], unthrottled=kind == "flood-unthrottled",
                         log=workdir / f"{kind}.log")
    try:
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=args.paced + 8),
                                         timeout=timeout) as session:
            await target.ready(session)
            driver = Driver(target, connector, session, f"{args.run_id}-{kind}")
            await driver.run(1, 30, tag="warmup")
            # One real sign-in first, so the account and the argon2 parameters are warm too.
            async with session.post(f"http://127.0.0.1:{target.port}/admin/api/session",
                                    json={"username": ADMIN_USER, "password": ADMIN_PASSWORD}) as response:
                signed_in = response.status
            stop = asyncio.Event()
            flooding_task = (asyncio.ensure_future(flood(f"http://127.0.0.1:{target.port}/admin/api/session",
                                                         stop, args.flood)) if flooding else None)
            started = time.perf_counter()
            level: Level = await driver.run_paced(args.paced, args.seconds, THINK, SEED, tag="paced")
            stop.set()
            statuses = await flooding_task if flooding_task else Counter()
            elapsed = time.perf_counter() - started
    finally:
        await target.stop()
    summary = level.summary()
    result = {"run": kind, "paced": args.paced, "turns": summary["turns"], "p50_ms": summary["p50_ms"],
              "p95_ms": summary["p95_ms"], "p99_ms": summary["p99_ms"], "errors": summary["errors"],
              "warm_sign_in": signed_in,
              "sign_ins": sum(statuses.values()), "sign_ins_per_s": round(sum(statuses.values()) / elapsed, 1),
              "sign_in_statuses": {str(code): count for code, count in sorted(statuses.items())}}
    print(f"  {kind:18} turns {result['turns']:5}  p50 {result['p50_ms']:7.1f} ms  p95 {result['p95_ms']:7.1f} ms  "
          f"p99 {result['p99_ms']:7.1f} ms  sign-ins {result['sign_ins']} {result['sign_in_statuses']}",
          file=sys.stderr, flush=True)
    return result


async def create_admin(url: str, schema: str) -> None:
    """The one real account, hashed at argon2's production cost."""
    from admin.accounts import AccountStore
    from bot.database import create_engine

    engine = create_engine(url, schema=schema or None)
    try:
        await AccountStore(engine).create_user(ADMIN_USER, "admin", password=ADMIN_PASSWORD)
    finally:
        await engine.dispose()


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    connector = Connector()
    await connector.start()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="samrad-flood-") as tmp:
            workdir = Path(tmp)
            async with samrad_database(args.db, workdir) as db:
                await create_admin(*db)
                for kind in ("quiet", "flood", "flood-unthrottled"):
                    results.append(await run(kind, args, connector, workdir, db))
    finally:
        await connector.close()
    return {"bench": "signin_flood", "db": args.db, "flood_clients": args.flood, "seconds": args.seconds,
            "runs": results}


def main() -> None:
    parser = argparse.ArgumentParser(description="bot turn latency during a sign-in flood, beside a quiet run")
    sub = parser.add_subparsers(dest="command")
    server = sub.add_parser("serve", help="(internal) the app under test")
    server.add_argument("--port", type=int, required=True)
    server.add_argument("--db", required=True)
    server.add_argument("--schema", default="")
    server.add_argument("--unthrottled", action="store_true")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--flood", type=int, default=FLOOD, help=f"concurrent sign-in clients (default {FLOOD})")
    parser.add_argument("--paced", type=int, default=PACED, help=f"paced staff members (default {PACED})")
    parser.add_argument("--seconds", type=float, default=SECONDS, help=f"measuring window (default {SECONDS:g})")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args)
        return
    args.run_id = uuid.uuid4().hex[:8]
    with contextlib.suppress(KeyboardInterrupt):
        print(json.dumps(asyncio.run(main_async(args)), ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
