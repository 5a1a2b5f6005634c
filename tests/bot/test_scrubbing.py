"""The place-aware scrubber: preschool names of the current routing snapshot, rebuilt after a reload."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from bot.conversation_tables import ConsultationRow
from bot.handoff.handoff_tables import HandoffRow
from bot.scrubbing import PlaceScrubber
from routing.demo import load_demo
from tests.handoff.harness import TUESDAY_10, Clock
from tests.handoff.test_flow import run_app


@dataclass
class FakePreschool:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass
class FakeDirectory:
    preschools: tuple[FakePreschool, ...]


@dataclass
class FakeRouting:
    """A RoutingService stand-in: `directory()` returns the current snapshot or raises."""

    current: Any
    loads: list[Any] = field(default_factory=list)

    async def directory(self) -> Any:
        if isinstance(self.current, Exception):
            raise self.current
        self.loads.append(self.current)
        return self.current


async def test_preschool_names_are_masked_and_the_index_follows_a_reload() -> None:
    routing = FakeRouting(FakeDirectory((FakePreschool("Förskolan Sagoberget", ("Sagobergets förskola",)),)))
    scrub = PlaceScrubber(routing)
    assert (await scrub("Hon går på Sagoberget.")).text == "Hon går på [förskola]."
    first = await scrub.scrubber()
    assert await scrub.scrubber() is first  # built once per snapshot
    routing.current = FakeDirectory((FakePreschool("Förskolan Bärnstenen"),))  # what reload() leads to
    assert (await scrub("Hon går på Bärnstenen.")).text == "Hon går på [förskola]."
    assert await scrub.scrubber() is not first


async def test_without_a_directory_everything_else_is_still_masked() -> None:
    scrub = PlaceScrubber(FakeRouting(RuntimeError("database down")))
    result = await scrub("Zelda, 070-123 45 67, Storgatan 12")
    assert result.text == "[namn], [telefon], [adress]"


async def test_a_preschool_name_in_the_free_text_reaches_no_table(sqlite_db, connector):
    await load_demo(sqlite_db.engine)
    app = await run_app(sqlite_db, connector, Clock(TUESDAY_10))
    staff = "aad-staff-place"
    say = lambda text=None, value=None: app.say(staff, "Anna Personal", text, value)  # noqa: E731
    try:
        await say("hej")
        await say(value={"action": "menu", "choice": "consult"})
        await say(value={"action": "danger", "choice": "no"})
        await say("Förskola Sagoberget")
        await say("Barnen på Sagoberget säger att hon har blåmärken, hon är 22 månader gammal")
        # Whichever of these two the dialog asks is answered; the other is an old button and says so.
        await say(value={"action": "understood", "choice": "yes"})
        await say(value={"action": "concern", "choices": "physical"})
        for step, choice in (("duration", "weeks"), ("child_told", "no"), ("age", "1-3"), ("final", "handoff")):
            await say(value={"action": step, "choice": choice})
        await say("nej")
        async with sqlite_db.engine.connect() as connection:
            summaries = (await connection.execute(select(ConsultationRow.summary))).scalars().all()
            notes = (await connection.execute(select(HandoffRow.note))).scalars().all()
        assert summaries
        assert all("Sagoberget" not in (summary or "") for summary in summaries)
        assert any("[förskola]" in (summary or "") for summary in summaries)
        assert "22 månader" not in " ".join(summaries)
        assert notes
        assert all("Sagoberget" not in (note or "") for note in notes)
    finally:
        await app.client.close()


async def test_a_description_is_read_once_in_its_turn_for_danger_understanding_and_assessment(
        sqlite_db, connector, monkeypatch):
    from knowledge import reading

    description = "Hon har blåmärken på armen och säger att pappa slog henne, hon vill inte gå hem ikväll"
    readings: list[str] = []
    real = reading._read
    monkeypatch.setattr(reading, "_read", lambda text: readings.append(text) or real(text))
    await load_demo(sqlite_db.engine)
    app = await run_app(sqlite_db, connector, Clock(TUESDAY_10))
    try:
        await app.say("aad-staff-once", "Anna Personal", "hej")
        readings.clear()
        await app.say("aad-staff-once", "Anna Personal", description)
        assert readings.count(description) == 1  # without one reading per turn: is_acute, understand, assess...
    finally:
        await app.client.close()
