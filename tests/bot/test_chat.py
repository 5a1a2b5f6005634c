"""`samrad chat` runs the real dialogs in the terminal: cards as text, numbers pick card actions."""

import io

from bot.settings import Settings
from bot.teams.chat import run_chat
from routing.demo import load_demo


async def test_a_consultation_can_be_started_and_cards_are_shown_as_numbered_text(sqlite_db):
    await load_demo(sqlite_db.engine)
    typed = io.StringIO("1\n2\nFörskola Sagobergt\nhjälp\n/quit\n")  # "2": no danger now
    shown = io.StringIO()
    assert await run_chat(Settings(database_url=sqlite_db.url), stdin=typed, stdout=shown) == 0
    out = shown.getvalue()
    assert "Hej! Jag är Samråd." in out  # the welcome card, rendered as text
    assert "1. Rådgör om ett barn" in out
    assert "Vilken förskola gäller det?" in out  # "1" picked the first card action
    assert "Bromma" in out  # the misspelled preschool was found
    assert "Så här fungerar Samråd" in out


async def test_acute_words_get_112_first_in_the_terminal_too(sqlite_db):
    await load_demo(sqlite_db.engine)
    shown = io.StringIO()
    await run_chat(Settings(database_url=sqlite_db.url),
                   stdin=io.StringIO("Han hotar att döda henne just nu\n"), stdout=shown)
    reply = shown.getvalue().rsplit("> ", 1)[0].rsplit("Samråd:\n", 1)[-1]
    first_line = next(line for line in reply.splitlines() if line.strip())
    assert "112" in first_line, reply


async def test_cards_with_inputs_are_answered_by_typing_numbers_as_in_teams(sqlite_db):
    await load_demo(sqlite_db.engine)
    shown = io.StringIO()
    await run_chat(Settings(database_url=sqlite_db.url),
                   stdin=io.StringIO("1\n2\nFörskola Sagoberget\nhoppa över\n1, 6\n"), stdout=shown)
    out = shown.getvalue()
    assert "[Gå vidare]" in out  # the category card's button is named, not numbered
    assert "Hur länge har du varit orolig?" in out  # "1, 6" picked two categories instead of pressing a button
    assert "Välj minst ett alternativ" not in out


async def test_an_unmigrated_database_is_a_clear_error(tmp_path):
    import pytest

    from bot.database import SchemaMissingError

    with pytest.raises(SchemaMissingError, match="samrad db upgrade"):
        await run_chat(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"),
                       stdin=io.StringIO(""), stdout=io.StringIO())


async def test_terminal_escape_sequences_never_reach_the_terminal(sqlite_db):
    from sqlalchemy import text

    await load_demo(sqlite_db.engine)
    async with sqlite_db.engine.begin() as connection:
        await connection.execute(text("UPDATE routing_unit SET name = :name WHERE id = 'bromma-mottagning'"),
                                 {"name": "Mottagning\x1b[2J\x1b]0;pwned\x07 Bromma\x9b31m"})
    shown = io.StringIO()
    typed = io.StringIO("2\nFörskola\x00 Sagoberget\x07\x1b\n/quit\n")  # find my contact, control characters typed in
    await run_chat(Settings(database_url=sqlite_db.url), stdin=typed, stdout=shown)
    out = shown.getvalue()
    assert "Mottagning Bromma" in out  # the contacts card was shown, with the name made safe
    assert not any(c in out for c in "\x1b\x07\x9b\x00")
