"""Ärenden: handoff metadata by role and district, never a word of the note, the relay or the staff member."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from admin.accounts import AccountStore
from admin.handoffs import HandoffReader
from admin.roles import Principal, Role
from bot.cli import main
from bot.handoff.store import HandoffStore, admin_ref
from tests.admin.conftest import FAST_HASHER, USERS

SOC_FARSTA_AAD = "aad-soc-farsta"
# Everything below is in the database and must never reach a page or an API answer, for any role.
SECRETS = ("HEMLIG-ANTECKNING-7731", "RELÄ-MEDDELANDE-9917", "SVAR-FRÅN-SOCIONOM-4410", "Stina Personalsson",
           "staff-aad-5521", "conv-staff-8812", "Förskolan Hemligheten", "claimer-conv-3301", "aad-other-6060")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


async def _request(store: HandoffStore, handoff_id: str, district: str) -> None:
    await store.create({
        "district_id": district, "categories": ["physical", "neglect"], "urgency": "high",
        "route": {"preschool": {"name": "Förskolan Hemligheten"}, "district": {"id": district}},
        "note": {"summary": "HEMLIG-ANTECKNING-7731", "age_band": "3–6"}, "share_name": True,
        "staff_id": "staff-aad-5521", "staff_name": "Stina Personalsson", "staff_conversation_id": "conv-staff-8812",
    }, handoff_id=handoff_id)
    assert await store.transition(handoff_id, ("requested",), "offered", actor="system", detail="stage0:1")


async def _claim(store: HandoffStore, handoff_id: str, claimer: str, name: str) -> None:
    assert await store.transition(handoff_id, ("offered", "escalated"), "claimed", actor="socionom",
                                  claimed_by=claimer, claimer_name=name, claimer_conversation_id="claimer-conv-3301")
    assert await store.transition(handoff_id, ("claimed",), "active", actor="system")


async def seed_handoffs(engine) -> Clock:  # type: ignore[no-untyped-def]
    """Farsta: one closed (mine), one active (someone else's), one waiting; Bromma: one active."""
    clock = Clock()
    store = HandoffStore(engine, clock)
    await _request(store, "farsta0closed000000000000000000", "farsta")
    clock.advance(4)
    await _claim(store, "farsta0closed000000000000000000", SOC_FARSTA_AAD, "Fia Farsta")
    await store.add_message("farsta0closed000000000000000000", "staff", "RELÄ-MEDDELANDE-9917", [])
    await store.add_message("farsta0closed000000000000000000", "socionom", "SVAR-FRÅN-SOCIONOM-4410", [])
    clock.advance(20)
    assert await store.transition("farsta0closed000000000000000000", ("active",), "closed", actor="socionom",
                                  closed_by="socionom")
    await store.update("farsta0closed000000000000000000", outcome="early_support")
    await store.record("farsta0closed000000000000000000", "outcome", "socionom", "early_support")
    await store.update("farsta0closed000000000000000000", rating=4)
    await store.record("farsta0closed000000000000000000", "rated", "staff", "4")
    clock.advance(60)
    await _request(store, "farsta1active000000000000000000", "farsta")
    clock.advance(2)
    await _claim(store, "farsta1active000000000000000000", "aad-other-6060", "Frida Annan")
    await store.add_message("farsta1active000000000000000000", "staff", "RELÄ-MEDDELANDE-9917", [])
    clock.advance(5)
    await _request(store, "farsta2waiting00000000000000000", "farsta")
    clock.advance(5)
    await _request(store, "bromma0active000000000000000000", "bromma")
    await _claim(store, "bromma0active000000000000000000", "aad-bo-bromma", "Bo Bromma")
    await store.add_message("bromma0active000000000000000000", "staff", "RELÄ-MEDDELANDE-9917", [])
    return clock


ALL_IDS = ("farsta0closed000000000000000000", "farsta1active000000000000000000",
           "farsta2waiting00000000000000000", "bromma0active000000000000000000")
FARSTA_IDS = ALL_IDS[:3]
BROMMA_ID = ALL_IDS[3]
CLOSED = ALL_IDS[0]
# The administration sees a hash of the id (which the bot's buttons carry), never the id itself.
REAL = {admin_ref(handoff_id): handoff_id for handoff_id in ALL_IDS}


@pytest.fixture
async def cases(routed):  # type: ignore[no-untyped-def]
    """The admin app with routing, accounts (soc-farsta linked to Teams) and four handoffs."""
    await routed.accounts.set_aad_object_id("soc-farsta", SOC_FARSTA_AAD)
    await seed_handoffs(routed.engine)
    return routed


async def _ids(harness, query: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    response = await harness.client.get(f"/admin/api/handoffs{query}")
    assert response.status == 200, await response.text()
    return [REAL[h["id"]] for h in (await response.json())["handoffs"]]


# -- who sees what ----------------------------------------------------------------------------------------
async def test_admin_sees_every_handoff_newest_first_and_filters(cases) -> None:
    await cases.sign_in("anna")
    assert await _ids(cases) == list(reversed(ALL_IDS))
    assert await _ids(cases, "?district=bromma") == [BROMMA_ID]
    assert await _ids(cases, "?state=closed") == ["farsta0closed000000000000000000"]
    assert await _ids(cases, "?district=farsta&state=offered") == ["farsta2waiting00000000000000000"]


async def test_unknown_state_is_400(cases) -> None:
    await cases.sign_in("anna")
    assert (await cases.client.get("/admin/api/handoffs?state=nope")).status == 400
    assert (await cases.client.get("/admin/arenden?state=nope")).status == 400


async def test_socionom_sees_own_district_and_mine(cases) -> None:
    await cases.sign_in("soc-farsta")
    assert set(await _ids(cases)) == set(FARSTA_IDS)
    assert await _ids(cases, "?mine=true") == ["farsta0closed000000000000000000"]
    assert await _ids(cases, "?mina=1") == ["farsta0closed000000000000000000"]
    body = await (await cases.client.get("/admin/api/handoffs")).json()
    assert {REAL[h["id"]]: h["mine"] for h in body["handoffs"]} == {
        "farsta0closed000000000000000000": True, "farsta1active000000000000000000": False,
        "farsta2waiting00000000000000000": False}


async def test_socionom_of_farsta_cannot_see_a_bromma_handoff(cases) -> None:
    await cases.sign_in("soc-farsta")
    assert BROMMA_ID not in await _ids(cases)
    assert (await cases.client.get(f"/admin/api/handoffs/{admin_ref(BROMMA_ID)}")).status == 404
    assert (await cases.client.get(f"/admin/arenden/{admin_ref(BROMMA_ID)}")).status == 404
    assert (await cases.client.get("/admin/api/handoffs?district=bromma")).status == 403
    page = await (await cases.client.get("/admin/arenden")).text()
    assert admin_ref(BROMMA_ID)[:8] not in page
    assert admin_ref(CLOSED)[:8] in page


async def test_missing_handoff_is_404_like_another_districts(cases) -> None:
    await cases.sign_in("anna")
    assert (await cases.client.get("/admin/api/handoffs/nope")).status == 404
    assert (await cases.client.get("/admin/arenden/nope")).status == 404


async def test_district_editor_sees_own_district_only(cases) -> None:
    await cases.sign_in("bromma-red")
    assert await _ids(cases) == [BROMMA_ID]
    assert (await cases.client.get(f"/admin/api/handoffs/{admin_ref(CLOSED)}")).status == 404
    assert (await cases.client.get("/admin/api/handoffs?district=farsta")).status == 403
    assert await _ids(cases, "?mine=1") == []  # no Teams id linked: nothing is "mine"


async def test_unauthenticated_is_redirected_or_401(cases) -> None:
    for path in ("/admin/arenden", f"/admin/arenden/{admin_ref(ALL_IDS[0])}"):
        response = await cases.client.get(path, allow_redirects=False)
        assert response.status == 302
        assert response.headers["Location"].startswith("/admin/login")
    for path in ("/admin/api/handoffs", f"/admin/api/handoffs/{admin_ref(ALL_IDS[0])}"):
        assert (await cases.client.get(path)).status == 401


async def test_role_boundaries_hold_on_every_database(make_harness, db) -> None:  # type: ignore[no-untyped-def]
    harness = await make_harness(db)
    await harness.accounts.set_aad_object_id("soc-farsta", SOC_FARSTA_AAD)
    await seed_handoffs(harness.engine)
    await harness.sign_in("soc-farsta")
    assert set(await _ids(harness)) == set(FARSTA_IDS)
    assert await _ids(harness, "?mine=1") == ["farsta0closed000000000000000000"]
    assert (await harness.client.get(f"/admin/api/handoffs/{admin_ref(BROMMA_ID)}")).status == 404
    detail = await (await harness.client.get(f"/admin/api/handoffs/{admin_ref(CLOSED)}")).json()
    assert detail["handoff"]["minutes_to_claim"] == 4.0


# -- what is shown ----------------------------------------------------------------------------------------
async def test_detail_shows_metadata_and_the_timeline(cases) -> None:
    await cases.sign_in("soc-farsta")
    body = await (await cases.client.get(f"/admin/api/handoffs/{admin_ref(CLOSED)}")).json()
    handoff = body["handoff"]
    assert handoff == {
        "id": admin_ref(CLOSED), "short_id": admin_ref(CLOSED)[:8], "district_id": "farsta",
        "state": "closed", "urgency": "high", "categories": ["physical", "neglect"],
        "requested_at": "2026-03-04T09:00:00+00:00", "claimed_at": "2026-03-04T09:04:00+00:00",
        "closed_at": "2026-03-04T09:24:00+00:00", "ended_at": "2026-03-04T09:24:00+00:00",
        "minutes_to_claim": 4.0, "claimer_name": "Fia Farsta", "outcome": "early_support", "rating": 4,
        "message_count": 2, "mine": True}
    transitions = [(e["from_state"], e["to_state"]) for e in body["events"] if e["kind"] == "transition"]
    assert transitions == [(None, "requested"), ("requested", "offered"), ("offered", "claimed"),
                           ("claimed", "active"), ("active", "closed")]
    assert [e["kind"] for e in body["events"]][-2:] == ["outcome", "rated"]
    page = await (await cases.client.get(f"/admin/arenden/{admin_ref(CLOSED)}")).text()
    # Stockholm time (UTC+1 in March), Swedish labels from the bot's own texts.
    for shown in ("2026-03-04 10:00", "2026-03-04 10:04", "4,0 min", "Avslutat", "Tidigt stöd", "4 av 5",
                  "Blåmärken eller andra skador", "Fia Farsta (du)", "Statusbyte", "Hög"):
        assert shown in page, shown


async def test_list_page_for_socionom_has_the_mina_filter(cases) -> None:
    await cases.sign_in("soc-farsta")
    page = await (await cases.client.get("/admin/arenden?mina=1")).text()
    assert 'name="mina"' in page
    assert "checked" in page
    assert admin_ref(CLOSED)[:8] in page
    assert admin_ref(FARSTA_IDS[1])[:8] not in page
    assert admin_ref(FARSTA_IDS[2])[:8] not in page


@pytest.mark.parametrize("username", list(USERS))
async def test_no_note_relay_or_staff_text_ever_shown(cases, username: str) -> None:
    await cases.sign_in(username)
    paths = ["/admin/arenden", "/admin/arenden?mina=1", "/admin/api/handoffs", "/admin/api/handoffs?mine=1"]
    for handoff_id in ALL_IDS:
        paths += [f"/admin/arenden/{admin_ref(handoff_id)}", f"/admin/api/handoffs/{admin_ref(handoff_id)}"]
    for path in paths:
        response = await cases.client.get(path)
        assert response.status in (200, 404), path
        text = await response.text()
        for secret in (*SECRETS, *ALL_IDS):  # nor any id that a card button carries
            assert secret not in text, (username, path, secret)
        assert "summary" not in text


async def test_the_ids_cards_carry_are_never_accepted_by_the_administration(cases) -> None:
    await cases.sign_in("anna")
    assert (await cases.client.get(f"/admin/api/handoffs/{CLOSED}")).status == 404
    assert (await cases.client.get(f"/admin/api/handoffs/{admin_ref(CLOSED)}")).status == 200


async def test_list_filters_by_day_and_pages(cases) -> None:
    await cases.sign_in("anna")
    assert await _ids(cases, "?from=2026-03-04&to=2026-03-04") == list(reversed(ALL_IDS))
    assert await _ids(cases, "?from=2026-03-05") == []
    assert await _ids(cases, "?to=2026-03-03") == []
    for bad in ("?from=igår", "?to=2026-13-01", "?from=2026-03-05&to=2026-03-04", "?page=0", "?page=x"):
        assert (await cases.client.get(f"/admin/api/handoffs{bad}")).status == 400, bad
        assert (await cases.client.get(f"/admin/arenden{bad}")).status == 400, bad
    body = await (await cases.client.get("/admin/api/handoffs?page=2")).json()
    assert body == {"handoffs": [], "page": 2, "next_page": None}
    page = await (await cases.client.get("/admin/arenden?from=2026-03-04")).text()
    assert 'value="2026-03-04"' in page
    admin = Principal(1, "anna", Role.ADMIN, None)
    reader = HandoffReader(cases.engine)
    first = await reader.page(admin, page=1, per_page=3)
    second = await reader.page(admin, page=2, per_page=3)
    assert first.has_next
    assert not second.has_next
    assert [REAL[h.id] for h in first.handoffs + second.handoffs] == list(reversed(ALL_IDS))


async def test_navigation_links_arenden_for_every_role(cases) -> None:
    for username in USERS:
        await cases.sign_in(username)
        page = await (await cases.client.get("/admin/")).text()
        assert 'href="/admin/arenden"' in page, username
        assert ">Ärenden<" in page, username
        await cases.client.delete("/admin/api/session", headers={"X-CSRF-Token": await cases.sign_in(username)})


async def test_openapi_describes_the_handoff_routes(harness) -> None:
    document = await (await harness.client.get("/admin/api/openapi.json")).json()
    assert {"/handoffs", "/handoffs/{handoff_id}"} <= set(document["paths"])
    listing = document["paths"]["/handoffs"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"district", "state", "mine", "from", "to", "page"}
    assert "404" in document["paths"]["/handoffs/{handoff_id}"]["get"]["responses"]


# -- linking an account to Teams --------------------------------------------------------------------------
async def test_linked_account_carries_its_teams_id_into_the_session(harness) -> None:
    account = await harness.accounts.create_user("sara", "socionom", password="ett-långt-lösenord",
                                                 district_id="farsta", aad_object_id="aad-sara")
    assert account.principal().aad_object_id == "aad-sara"
    token, _ = await harness.accounts.open_session(account)
    session = await harness.accounts.session(token)
    assert session is not None
    assert session.principal.aad_object_id == "aad-sara"


async def test_cli_create_user_with_aad_object_id(sqlite_db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    def run(argv: list[str], stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return main(argv)

    monkeypatch.setenv("DATABASE_URL", sqlite_db.url)
    assert await asyncio.to_thread(run, ["admin", "create-user", "sara", "--role", "socionom", "--district",
                                         "farsta", "--aad-object-id", "aad-sara", "--password-stdin"],
                                   "ett-långt-lösenord\n") == 0
    assert await asyncio.to_thread(run, ["admin", "list-users"]) == 0
    assert "sara\tsocionom\tfarsta\tlocal\taktiv\tteams" in capsys.readouterr().out
    account = await AccountStore(sqlite_db.engine, hasher=FAST_HASHER).user("sara")
    assert account is not None
    assert account.aad_object_id == "aad-sara"
    audit = (await AccountStore(sqlite_db.engine).audit_log(event="user_created"))[0]
    assert "aad-sara" not in str(audit.detail)
    assert audit.detail["teams_linked"] is True
