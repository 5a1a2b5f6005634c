"""Malformed input gets a specific 4xx, never a server error: the inputs the attack test found, and their kin.

Every case runs on SQLite and, where the database matters (overlong text, NUL, numbers beyond INTEGER), also on
PostgreSQL, which refuses what SQLite silently stores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from tests.admin.conftest import seed_routing

CONTACT = {"id": "c-ny", "name": "Ny Kontakt", "unit_id": "farsta-soc", "priority": 1}


@dataclass(frozen=True)
class Case:
    """One request and the status it must get (and, when given, a word its answer must contain)."""

    name: str
    method: str
    path: str
    status: int
    json: Any = None
    raw: bytes | None = None
    says: str = ""


def _deep(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def _csv(text: str, name: str = "contacts.csv") -> dict[str, Any]:
    return {"files": [{"name": name, "text": text}]}


HEADER = "id,name,unit_id,priority\n"
CASES = [
    # sign-in
    Case("sign-in: deeply nested JSON", "POST", "/admin/api/session", 400, raw=_deep(), says="djupt"),
    Case("sign-in: user name not text", "POST", "/admin/api/session", 400, json={"username": ["a"], "password": "x"}),
    Case("sign-in: password not text", "POST", "/admin/api/session", 400, json={"username": "a", "password": 5}),
    Case("sign-in: JSON that is not an object", "POST", "/admin/api/session", 400, json="anna"),
    Case("sign-in: not UTF-8", "POST", "/admin/api/session", 400, raw=b'{"username": "\xff\xfe"}'),
    Case("sign-in: NaN", "POST", "/admin/api/session", 400, raw=b'{"username": NaN, "password": "x"}'),
    Case("sign-in: NUL in the user name", "POST", "/admin/api/session", 401,
         json={"username": "an\x00na", "password": "x"}),
    Case("sign-in: 10,000-character user name", "POST", "/admin/api/session", 401,
         json={"username": "a" * 10_000, "password": "x"}),
    # route test
    Case("route-test: at is [null, null]", "POST", "/admin/api/route-test", 400,
         json={"preschool": "solrosen", "at": [None, None]}),
    Case("route-test: year 0001", "POST", "/admin/api/route-test", 400,
         json={"preschool": "solrosen", "at": "0001-01-01T00:00"}, says="1900"),
    Case("route-test: year 9999", "POST", "/admin/api/route-test", 400,
         json={"preschool": "solrosen", "at": "9999-12-31T23:59"}),
    Case("route-test: at is a number", "POST", "/admin/api/route-test", 400, json={"preschool": "x", "at": 12}),
    Case("route-test: preschool is an object", "POST", "/admin/api/route-test", 400, json={"preschool": {"a": 1}}),
    Case("route-test: deeply nested JSON", "POST", "/admin/api/route-test", 400, raw=_deep()),
    Case("route-test: Infinity", "POST", "/admin/api/route-test", 400, raw=b'{"preschool": Infinity}'),
    Case("route-test: NUL in the text", "POST", "/admin/api/route-test", 200, json={"preschool": "sol\x00rosen"}),
    # tables
    Case("history of an unknown table", "GET", "/admin/api/tables/finns-inte/x/history", 404),
    Case("records of an unknown table", "GET", "/admin/api/tables/finns-inte", 404),
    Case("priority Infinity", "POST", "/admin/api/tables/contacts", 400,
         raw=json.dumps(CONTACT).replace('"priority": 1', '"priority": Infinity').encode()),
    Case("priority 1e308", "POST", "/admin/api/tables/contacts", 422, json=CONTACT | {"priority": 1e308}),
    Case("priority 2.5", "POST", "/admin/api/tables/contacts", 422, json=CONTACT | {"priority": 2.5}),
    Case("priority beyond INTEGER", "POST", "/admin/api/tables/contacts", 422,
         json=CONTACT | {"priority": 99_999_999_999}),
    Case("overlong name", "POST", "/admin/api/tables/contacts", 422, json=CONTACT | {"name": "N" * 5000},
         says="längre än 200"),
    Case("NUL in a name", "POST", "/admin/api/tables/contacts", 422, json=CONTACT | {"name": "Ny\x00Kontakt"},
         says="control characters"),
    Case("overlong phone in an update", "PATCH", "/admin/api/tables/contacts/c-farsta", 422, json={"phone": "0" * 100}),
    Case("NUL in an alias", "PATCH", "/admin/api/tables/districts/farsta", 422, json={"aliases": ["Far\x00sta"]}),
    Case("overlong id", "POST", "/admin/api/tables/districts", 422, json={"id": "d" * 100, "name": "D"}),
    Case("body is a list", "POST", "/admin/api/tables/contacts", 400, json=[CONTACT]),
    Case("NUL in the search", "GET", "/admin/api/tables/contacts?q=%00", 400),
    Case("NUL in a record id", "GET", "/admin/api/tables/contacts/c%00x", 400),
    Case("overlong record id", "GET", "/admin/api/tables/contacts/" + "c" * 5000, 404),
    # import
    Case("CSV field over 128 KiB", "POST", "/admin/api/import/preview", 422,
         json=_csv(HEADER + "c-1," + "N" * 200_000 + ",farsta-soc,1\n"), says="längre än"),
    Case("CSV quote never closed", "POST", "/admin/api/import/preview", 422,
         json=_csv(HEADER + 'c-1,"Ny Kontakt,farsta-soc,1\nc-2,Två,farsta-soc,1\n'), says="contacts.csv:2"),
    Case("CSV text after a closing quote", "POST", "/admin/api/import/preview", 422,
         json=_csv(HEADER + 'c-1,"Ny" Kontakt,farsta-soc,1\n')),
    Case("CSV with NUL", "POST", "/admin/api/import/preview", 422, json=_csv(HEADER + "c-1,Ny\x00,farsta-soc,1\n")),
    Case("CSV with an overlong name", "POST", "/admin/api/import/preview", 422,
         json=_csv(HEADER + "c-1," + "N" * 300 + ",farsta-soc,1\n"), says="contacts.csv:2"),
    Case("CSV with priority beyond INTEGER", "POST", "/admin/api/import/preview", 422,
         json=_csv(HEADER + "c-1,Ny,farsta-soc,99999999999\n")),
    Case("bundle nested too deeply", "POST", "/admin/api/import/preview", 422,
         json=_csv("[" * 100_000 + "]" * 100_000, name="bundle.json")),
    Case("bundle with priority Infinity", "POST", "/admin/api/import/preview", 422,
         json=_csv('{"contacts": [{"id": "c-1", "name": "N", "unit_id": "farsta-soc", "priority": Infinity}]}',
                   name="bundle.json")),
    Case("files is not a list", "POST", "/admin/api/import/preview", 400, json={"files": "contacts.csv"}),
    Case("a file without text", "POST", "/admin/api/import/preview", 400, json={"files": [{"name": "a.csv"}]}),
    # statistics, handoffs, audit
    Case("statistics: month 13", "GET", "/admin/api/statistics?since=2026-13-01", 400),
    Case("statistics: NUL in the district", "GET", "/admin/api/statistics?district=%00", 400),
    Case("handoffs: unknown state", "GET", "/admin/api/handoffs?state=bogus", 400),
    Case("handoff: NUL in the id", "GET", "/admin/api/handoffs/a%00b", 400),
    Case("audit: NUL in the actor", "GET", "/admin/api/audit?actor=%00", 400),
]
# The cases PostgreSQL treats differently from SQLite (text lengths, NUL, INTEGER range, lookups by text).
POSTGRES = {"sign-in: NUL in the user name", "sign-in: 10,000-character user name", "priority beyond INTEGER",
            "overlong name", "NUL in a name", "overlong phone in an update", "NUL in an alias", "overlong id",
            "NUL in the search", "NUL in a record id", "overlong record id", "CSV with NUL",
            "CSV with an overlong name", "CSV with priority beyond INTEGER", "statistics: NUL in the district",
            "handoff: NUL in the id", "audit: NUL in the actor"}


async def _run(harness, cases: list[Case]) -> list[str]:  # type: ignore[no-untyped-def]
    csrf = await harness.sign_in("anna")
    problems = []
    for case in cases:
        headers = {"X-CSRF-Token": csrf}
        if case.raw is not None:
            response = await harness.client.request(case.method, case.path, data=case.raw,
                                                    headers=headers | {"Content-Type": "application/json"})
        else:
            response = await harness.client.request(case.method, case.path, json=case.json, headers=headers)
        body = await response.text()
        if response.status != case.status or case.says not in body:
            problems.append(f"{case.name}: {response.status} {body[:300]!r}")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_malformed_input_gets_a_specific_answer(routed, case: Case) -> None:
    assert await _run(routed, [case]) == []


@pytest.mark.postgres
async def test_malformed_input_on_postgres(make_harness, pg_db) -> None:
    harness = await make_harness(pg_db)
    await seed_routing(pg_db.engine)
    assert await _run(harness, [c for c in CASES if c.name in POSTGRES]) == []
    # Nothing was half-written: the contact table holds only what the seed put there.
    records = (await (await harness.client.get("/admin/api/tables/contacts")).json())["records"]
    assert {r["id"] for r in records} == {"c-farsta", "c-bromma"}


async def test_too_many_rows_is_a_clear_413_and_reads_no_further(make_harness, sqlite_db, monkeypatch) -> None:
    from admin import directory

    monkeypatch.setattr(directory, "MAX_IMPORT_ROWS", 50)
    monkeypatch.setattr(directory.parse_import, "__kwdefaults__", {"max_rows": 50})
    harness = await make_harness(sqlite_db)
    await seed_routing(sqlite_db.engine)
    csrf = await harness.sign_in("anna")
    rows = "".join(f"c-{n},Person {n},farsta-soc,1\n" for n in range(51))
    response = await harness.client.post("/admin/api/import/preview", json=_csv(HEADER + rows),
                                         headers={"X-CSRF-Token": csrf})
    body = await response.json()
    assert response.status == 413, body
    assert body["error"] == "too_many_rows"
    assert "högst 50 rader" in body["message"]
    fits = "".join(f"c-{n},Person {n},farsta-soc,1\n" for n in range(50))
    response = await harness.client.post("/admin/api/import/preview", json=_csv(HEADER + fits),
                                         headers={"X-CSRF-Token": csrf})
    assert response.status == 200, await response.text()


async def test_an_import_is_parsed_off_the_event_loop(routed, monkeypatch) -> None:
    import threading

    import routing.storage as store
    from admin import directory

    threads: dict[str, str] = {}

    def recorded(name: str, work):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            threads[name] = threading.current_thread().name
            return work(*args, **kwargs)
        return run

    monkeypatch.setattr(directory, "parse_import", recorded("read", directory.parse_import))
    monkeypatch.setattr(store, "prepare_import", recorded("parse", store.prepare_import))
    csrf = await routed.sign_in("anna")
    rows = "".join(f"c-{n},Person {n},farsta-soc,1\n" for n in range(2000))
    response = await routed.client.post("/admin/api/import", json=_csv(HEADER + rows),
                                        headers={"X-CSRF-Token": csrf})
    assert response.status == 200, await response.text()
    assert (await response.json())["summary"]["created"] == {"contacts": 2000}
    loop_thread = threading.current_thread().name
    assert set(threads) == {"read", "parse"}, threads
    assert loop_thread not in threads.values(), threads
