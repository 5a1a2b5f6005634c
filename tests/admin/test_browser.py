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

from admin.accounts import AccountStore
from bot.administration import create_standalone_app
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
    assert "08-333 33 33" in text
    assert "farsta-red" in text
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
    assert "contacts.csv:3" in errors
    assert "inget har ändrats" in errors
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


# -- accessibility (WCAG 2.1 AA through axe-core; keyboard-only flows) -----------------------------------------
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


async def _axe(page, label: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The serious and critical axe-core violations on the page, one line each."""
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                             "resultTypes": ["violations"]})
    return [f"{label}: {v['id']} ({v['impact']}) {v['help']} – "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


async def test_every_admin_page_passes_axe(page, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    problems = []
    await page.goto(f"{server}/admin/login")
    problems += await _axe(page, "sign-in")
    await page.fill("#username", "anna")
    await page.fill("#password", "fel lösenord")
    await page.click("button[type=submit]")
    problems += await _axe(page, "sign-in with an error")
    await _sign_in(page, server)
    problems += await _axe(page, "start")
    for path, label in (("/admin/contacts/", "table"), ("/admin/preschools/?q=sol", "table search"),
                        ("/admin/contacts/c-farsta", "form"), ("/admin/contacts/ny", "new record"),
                        ("/admin/contacts/c-farsta/historik", "history"), ("/admin/import", "import"),
                        ("/admin/export", "export"), ("/admin/testa", "route test"),
                        ("/admin/statistik", "statistics"), ("/admin/arenden", "ärenden"), ("/admin/logg", "audit"),
                        ("/admin/finns-inte", "not found")):
        await page.goto(server + path)
        problems += await _axe(page, label)
    await page.goto(f"{server}/admin/contacts/c-farsta")
    await page.fill("#f-priority", "0")
    await page.fill("#f-email", "inte-en-adress")
    await page.click("form.edit button[type=submit]")
    problems += await _axe(page, "form with errors")
    upload = tmp_path / "contacts.csv"
    upload.write_text("id,name,unit_id,priority\nc-bad,Trasig,finns-inte,1\n", encoding="utf-8")
    await page.goto(f"{server}/admin/import")
    await page.set_input_files("#filer", str(upload))
    await page.click("form.edit button[type=submit]")
    problems += await _axe(page, "import with errors")
    upload.write_text("id,name,unit_id,priority\nc-ny,Ny Person,farsta-soc,1\n", encoding="utf-8")
    await page.set_input_files("#filer", str(upload))
    await page.click("form.edit button[type=submit]")
    problems += await _axe(page, "import preview")
    await page.goto(f"{server}/admin/testa")
    await page.fill("#preschool", "solrosen")
    await page.fill("#at", "2026-03-04T10:00")
    await page.click("form.edit button[type=submit]")
    problems += await _axe(page, "route test with a result")
    assert problems == []


async def _tab_to(page, selector: str, limit: int = 60) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the element matching *selector* has the focus (a keyboard user's way there)."""
    for _ in range(limit):
        if await page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        await page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the focus with Tab")


async def test_keyboard_only_sign_in_edit_and_import(page, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Sign in: the name field has the focus, Tab to the password, Enter sends the form.
    await page.goto(f"{server}/admin/login")
    await _tab_to(page, "#username")
    await page.keyboard.type("farsta-red")
    await page.keyboard.press("Tab")
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press("Enter")
    await page.wait_for_url(re.compile(r".*/admin/$"))
    # Edit a contact: Tab through the navigation to Kontakter, to the contact, to the phone field; Enter saves.
    await _tab_to(page, "nav a[href$='/contacts/']")
    await page.keyboard.press("Enter")
    await page.wait_for_url(re.compile(r".*/admin/contacts/$"))
    await _tab_to(page, "a[href$='/contacts/c-farsta']")
    await page.keyboard.press("Enter")
    await page.wait_for_url(re.compile(r".*/contacts/c-farsta$"))
    await _tab_to(page, "#f-phone")
    await page.keyboard.press("Control+A")
    await page.keyboard.type("08-444 44 44")
    await page.keyboard.press("Enter")
    assert "Ändringen är sparad" in await page.inner_text(".notice")
    # A mistake is announced and the field says what is wrong.
    await _tab_to(page, "#f-priority")
    await page.keyboard.press("Control+A")
    await page.keyboard.type("0")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#form-errors")
    assert await page.get_attribute("#form-errors", "role") == "alert"
    assert await page.get_attribute("#f-priority", "aria-invalid") == "true"
    assert await page.get_attribute("#f-priority", "aria-describedby") == "e-priority"
    # Import as an administrator: choose the file (the browser's own dialog), then only the keyboard.
    await _sign_out_and_in(page, server, "anna")
    upload = tmp_path / "contacts.csv"
    upload.write_text("id,name,unit_id,priority\nc-kb,Tangent Bord,farsta-soc,1\n", encoding="utf-8")
    await page.goto(f"{server}/admin/import")
    await page.set_input_files("#filer", str(upload))
    await _tab_to(page, "form.edit button[type=submit]")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#confirm-import")
    await _tab_to(page, "#confirm-import")
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#import-done")
    assert await page.get_attribute("#import-done", "role") == "status"


async def _sign_out_and_in(page, server: str, username: str) -> None:  # type: ignore[no-untyped-def]
    await page.context.clear_cookies()
    await _sign_in(page, server, username)


async def test_focus_is_visible(page, server) -> None:  # type: ignore[no-untyped-def]
    """Every focused control shows an outline or ring a keyboard user can see."""
    await page.goto(f"{server}/admin/login")
    await _tab_to(page, "button[type=submit]")
    style = await page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
    assert (style[0] != "none" and style[1] != "0px") or style[2] != "none", style
