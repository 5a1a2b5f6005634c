"""The administration in headless Chromium: sign in, edit a contact, a bad import, a route test.

Set SAMRAD_SCREENSHOTS=1 to also save screenshots of the main pages to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.admin.accounts import AccountStore
from bot.admin.app import create_standalone_app
from tests.admin.conftest import FAST_HASHER, PASSWORD, seed_routing, seed_users, settings_for

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium "
                                                      "(apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def server(sqlite_db) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """The real admin app on 127.0.0.1 on a free port, stopped afterwards."""
    await seed_users(AccountStore(sqlite_db.engine, hasher=FAST_HASHER))
    await seed_routing(sqlite_db.engine)
    runner = web.AppRunner(create_standalone_app(settings_for(sqlite_db), hasher=FAST_HASHER))
    await runner.setup()
    port = _free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture
async def page(server):  # type: ignore[no-untyped-def]
    playwright_api = pytest.importorskip("playwright.async_api", reason="pip install playwright")
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
        page = await context.new_page()
        page.set_default_timeout(15_000)
        yield page
        await context.close()
        await browser.close()


async def _sign_in(page, server: str, username: str = "anna") -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"{server}/admin/")
    assert "/admin/login" in page.url
    await page.fill("#username", username)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url(re.compile(r".*/admin/$"))


async def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("SAMRAD_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def test_sign_in_with_a_wrong_password_then_the_right_one(page, server) -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"{server}/admin/login")
    await _shot(page, "login")
    await page.fill("#username", "anna")
    await page.fill("#password", "fel lösenord")
    await page.click("button[type=submit]")
    assert "Fel användarnamn eller lösenord" in await page.inner_text("#login-error")
    await _sign_in(page, server)
    assert "Valideringsrapport" in await page.inner_text("main")
    await _shot(page, "start")


async def test_edit_a_contact(page, server) -> None:  # type: ignore[no-untyped-def]
    await _sign_in(page, server, "farsta-red")
    await page.goto(f"{server}/admin/contacts/")
    await _shot(page, "contacts")
    await page.click("a[href$='/contacts/c-farsta']")
    await page.fill("#f-phone", "08-333 33 33")
    await page.click("form.edit button[type=submit]")
    assert "Ändringen är sparad" in await page.inner_text(".notice")
    await _shot(page, "contact-edit")
    await page.fill("#f-priority", "0")
    await page.click("form.edit button[type=submit]")
    assert await page.is_visible("#e-priority")
    await page.goto(f"{server}/admin/contacts/c-farsta/historik")
    text = await page.inner_text("main")
    assert "08-333 33 33" in text and "farsta-red" in text
    await _shot(page, "history")


async def test_import_with_a_bad_row_changes_nothing(page, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    await _sign_in(page, server)
    upload = tmp_path / "contacts.csv"
    upload.write_text("id,name,unit_id,priority\nc-ny,Ny Person,farsta-soc,1\nc-bad,Trasig,finns-inte,1\n",
                      encoding="utf-8")
    await page.goto(f"{server}/admin/import")
    await page.set_input_files("#filer", str(upload))
    await page.click("form.edit button[type=submit]")
    errors = await page.inner_text("#import-errors")
    assert "contacts.csv:3" in errors and "inget har ändrats" in errors
    await _shot(page, "import-errors")
    await page.goto(f"{server}/admin/contacts/?q=Ny%20Person")
    assert "0 poster" in await page.inner_text("main")


async def test_route_test(page, server) -> None:  # type: ignore[no-untyped-def]
    await _sign_in(page, server)
    await page.goto(f"{server}/admin/testa")
    await page.fill("#preschool", "solrosen")
    await page.select_option("#concern", "neglect")
    await page.fill("#at", "2026-03-04T10:00")
    await page.click("form.edit button[type=submit]")
    assert await page.inner_text("#route-district") == "Farsta"
    assert "Fia Farsta" in await page.inner_text("#route-contacts")
    assert await page.locator("#route-trace li").count() > 0
    await _shot(page, "route-test")
    if os.environ.get("SAMRAD_SCREENSHOTS"):
        for path, name in (("/admin/preschools/", "preschools"), ("/admin/statistik", "statistics"),
                           ("/admin/export", "export")):
            await page.goto(server + path)
            await _shot(page, name)
