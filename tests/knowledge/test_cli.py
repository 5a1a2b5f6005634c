"""The `samrad triage` and `samrad scrub` commands."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from routing.demo import load_demo


@pytest.fixture
def no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DATABASE_URL names a SQLite file that does not exist."""
    missing = tmp_path / "missing.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{missing}")
    return missing


def test_triage_prints_the_assessment_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage", "--text", "Pappa är full och ska hämta", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"acute", "outcome", "categories", "reasons", "tell_guardians_first", "staff_suspected",
                         "signals"}
    assert data["acute"] is True
    assert data["outcome"] == "acute"


def test_triage_reads_stdin_and_prints_a_readable_form(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Han berättade att pappa slår honom"))
    assert main(["triage"]) == 0
    out = capsys.readouterr().out
    assert "utfall: report" in out
    assert "berätta för vårdnadshavare först: nej" in out


def test_scrub_copies_stdin_scrubbed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                     no_database: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Alva, 811218-9876, ring 070-123 45 67\n"))
    assert main(["scrub"]) == 0
    assert capsys.readouterr().out == "[namn], [personnummer], ring [telefon]\n"


def test_scrub_masks_the_example_of_issue_11(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, no_database: Path) -> None:
    text = "Zelda bor på Sibeliusgången 18, pnr 190312\u20132388, går på avdelning Solrosen.\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["scrub"]) == 0
    assert capsys.readouterr().out == "[namn] bor på [adress], pnr [personnummer], går på avdelning [avdelning].\n"


async def test_scrub_masks_the_preschool_names_of_the_directory_at_database_url(
    sqlite_db, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await load_demo(sqlite_db.engine)
    monkeypatch.setenv("DATABASE_URL", sqlite_db.url)
    monkeypatch.setattr("sys.stdin", io.StringIO("Hon går på Sagoberget, avdelning Snäckan.\n"))
    assert await asyncio.to_thread(main, ["scrub"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Hon går på [förskola], avdelning [avdelning].\n"
    assert captured.err == ""


def test_scrub_says_when_it_cannot_read_the_directory_and_masks_the_rest(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_database: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Hon går på Sagoberget, ring 070-123 45 67.\n"))
    assert main(["scrub"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Hon går på [namn], ring [telefon].\n"  # a rare capitalised word, not a known preschool
    assert "förskolornas namn kunde inte läsas från DATABASE_URL" in captured.err
    assert str(no_database) in captured.err
    assert not no_database.exists()  # looking did not create an empty database
