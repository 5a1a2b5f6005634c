"""Schemathesis against the administration's own OpenAPI document: no generated request gets a server error.

The admin app runs on 127.0.0.1 in a thread with its own event loop (schemathesis calls are synchronous);
every operation gets a bounded number of generated requests, as an administrator with the CSRF header, so the
whole API surface is reached: schema-conforming ones (any strings where the document says string) and, for
every operation with a body or query parameters, malformed ones (schemathesis' negative mode: wrong types,
missing required fields, values outside the schema). Only "no 5xx" is checked: the document does not describe
response bodies.

Negative mode needs real path parameters: our path parameters are plain strings, which schemathesis cannot
negate, and with them generated it rejects every draw of the operation (Unsatisfiable after ~460 tries,
seconds each). So malformed cases get a seeded table and record; unknown tables and ids come from the
positive cases, and an operation whose only inputs are path parameters has nothing to make malformed.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import schemathesis
from aiohttp import web
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from admin.accounts import AccountStore
from admin.api import ROUTES
from admin.api.openapi import document
from bot.administration import create_standalone_app
from bot.database import create_engine, upgrade_async
from bot.settings import Settings
from tests.admin.conftest import FAST_HASHER, PASSWORD, seed_routing, seed_users
from tests.admin.legacy_many import install

install()

# Examples per operation and mode: 23 operations positive, the 11 with a body or query negative too, × 10 ≈ 340
# requests.
# Hand-written malformed families (deep JSON, NUL bytes, huge CSV fields, …) are in test_inputs.py.
EXAMPLES = 10
# Seeded values for path parameters in negative mode (see the module docstring).
PATH_VALUES = {"table": "preschools", "record_id": "p-solros", "handoff_id": "h-unknown"}
# Signing out would end the session the other operations use; it has its own tests in test_auth.py.
SKIPPED = {"api.session_close"}


class ServerThread:
    """The admin app over a seeded SQLite file, served from a thread of its own; always stopped."""

    def __init__(self, workdir: Path) -> None:
        self._workdir = workdir
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self.url = ""
        self._thread = threading.Thread(target=self._run, name="schemathesis-server", daemon=True)

    def __enter__(self) -> ServerThread:
        self._thread.start()
        self._ready.wait(60)
        if self._error is not None:
            raise self._error
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(60)

    def _run(self) -> None:
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as error:  # handed to the test thread, which raises it
            self._error = error
            self._ready.set()
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        url = f"sqlite+aiosqlite:///{self._workdir / 'schemathesis.db'}"
        await upgrade_async(url)
        engine = create_engine(url)
        try:
            await seed_users(AccountStore(engine, hasher=FAST_HASHER))
            await seed_routing(engine)
        finally:
            await engine.dispose()
        runner = web.AppRunner(create_standalone_app(Settings(database_url=url, session_secret="s"),
                                                     hasher=FAST_HASHER), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        self._stop = asyncio.Event()
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()


@pytest.fixture
def server(tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with ServerThread(tmp_path) as running:
        yield running.url


def test_no_generated_request_gets_a_server_error(server: str) -> None:
    schema = schemathesis.openapi.from_dict(document(ROUTES))
    failures: list[str] = []
    with requests.Session() as session:
        signed_in = session.post(f"{server}/admin/api/session", json={"username": "anna", "password": PASSWORD})
        assert signed_in.status_code == 200
        csrf = {"X-CSRF-Token": signed_in.json()["csrf_token"]}
        operations = [result.ok() for result in schema.get_all_operations()]
        names = {_operation_id(route.name) for route in ROUTES if route.name not in SKIPPED}
        negatable = {_operation_id(route.name) for route in ROUTES
                     if route.name not in SKIPPED and (route.body is not None or route.query)}
        operations = [op for op in operations if op.definition.raw.get("operationId") in names]
        assert len(operations) == len(names)
        negative: dict[str, int] = {}
        for operation in operations:
            operation_id = operation.definition.raw["operationId"]
            strategies = [operation.as_strategy(generation_mode=GenerationMode.POSITIVE)]
            if operation_id in negatable:
                path = {p["name"]: PATH_VALUES[p["name"]] for p in operation.definition.raw.get("parameters") or []
                        if p["in"] == "path"}
                strategies.append(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE,
                                                        **({"path_parameters": path} if path else {})))
            for strategy in strategies:

                @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
                @given(case=strategy)
                def call(case: schemathesis.Case) -> None:
                    if case.meta is not None and case.meta.generation.mode == GenerationMode.NEGATIVE:
                        made = case.operation.definition.raw["operationId"]
                        negative[made] = negative.get(made, 0) + 1
                    response = case.call(base_url=f"{server}/admin/api", session=session, headers=csrf)
                    if response.status_code >= 500:
                        failures.append(f"{case.method} {case.formatted_path}: {response.status_code} "
                                        f"{case.as_curl_command()}")

                call()
        assert session.get(f"{server}/admin/api/session").status_code == 200, "the session ended during the run"
    assert failures == []
    # Negative mode really ran: every operation with a body or query parameters got malformed cases.
    assert sorted(negative) == sorted(negatable), negative
    assert min(negative.values()) >= EXAMPLES // 2, negative


def _operation_id(route_name: str) -> str:
    return route_name.removeprefix("api.").replace(".", "_")
