"""Consultations held through the bot show up in the admin statistics as suppressed aggregates, never as text."""

import json
from datetime import datetime

from admin.accounts import AccountStore
from bot.app import create_app
from bot.settings import Settings
from routing.demo import load_demo
from routing.model import STOCKHOLM
from tests import teams
from tests.admin.conftest import FAST_HASHER, PASSWORD
from tests.fake_connector import FakeConnector

WORDS = "Barnet kommer ofta hungrigt och i för tunna kläder, det luktar urin om kläderna"


async def consult(client, connector, staff: str, preschool: str) -> None:  # type: ignore[no-untyped-def]
    sender = teams.user(staff, "Personal")
    for text, value in [(None, {"action": "menu", "choice": "consult"}),
                        (None, {"action": "danger", "choice": "no"}), (preschool, None), (WORDS, None),
                        (None, {"action": "understood", "choice": "yes"}),
                        (None, {"action": "concern", "choices": "neglect"}),  # asked only if not understood
                        (None, {"action": "duration", "choice": "months"}),
                        (None, {"action": "child_told", "choice": "no"}),
                        (None, {"action": "age", "choice": "3-6"}),
                        (None, {"action": "final", "choice": "finish"})]:
        response = await client.post("/api/messages", json=teams.message(connector.url, text, value=value,
                                                                            sender=sender))
        assert response.status in (200, 201)


async def test_consultations_are_counted_per_district_and_small_cells_suppressed(aiohttp_client, sqlite_db):
    await load_demo(sqlite_db.engine)
    await AccountStore(sqlite_db.engine, hasher=FAST_HASHER).create_user("anna", "admin", password=PASSWORD)
    connector = await FakeConnector().start()
    now = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)
    client = await aiohttp_client(create_app(Settings(database_url=sqlite_db.url, session_secret="s"),
                                             clock=lambda: now))
    try:
        for number in range(6):
            await consult(client, connector, f"staff-f{number}", "Förskolan Solrosen, Diskusvägen")  # Farsta
        for number in range(2):
            await consult(client, connector, f"staff-b{number}", "Förskola Sagoberget")  # Bromma
        signed_in = await client.post("/admin/api/session", json={"username": "anna", "password": PASSWORD})
        assert signed_in.status == 200
        response = await client.get("/admin/api/statistics")
        assert response.status == 200
        report = await response.json()
    finally:
        await connector.close()
    per_month = next(t for t in report["tables"] if t["key"] == "consultations")
    cells = {tuple(row[:2]): row[2] for row in per_month["rows"]}
    assert cells[("2026-11", "bromma")] == "<5"
    # Farsta's 6 beside the 8 consultations of the age table would give Bromma's 2 away: complementary "x".
    assert cells[("2026-11", "farsta")] == "x"
    ages = next(t for t in report["tables"] if t["key"] == "age_bands")
    assert ages["rows"] == [["3-6", 8]]
    dumped = json.dumps(report, ensure_ascii=False)
    assert "hungrigt" not in dumped
    assert "kläder" not in dumped
    page = await (await client.get("/admin/statistik")).text()
    assert ">Farsta</td>" in page
    assert "Rådgör med socionom" in page
    assert "hungrigt" not in page
