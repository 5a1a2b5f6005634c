"""The `samrad triage` and `samrad scrub` commands."""

from __future__ import annotations

import io
import json

import pytest

from bot.cli import main


def test_triage_prints_the_assessment_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage", "--text", "Pappa är full och ska hämta", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"acute", "outcome", "categories", "reasons", "tell_guardians_first", "staff_suspected",
                         "signals"}
    assert data["acute"] is True and data["outcome"] == "acute"


def test_triage_reads_stdin_and_prints_a_readable_form(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Han berättade att pappa slår honom"))
    assert main(["triage"]) == 0
    out = capsys.readouterr().out
    assert "utfall: report" in out
    assert "berätta för vårdnadshavare först: nej" in out


def test_scrub_copies_stdin_scrubbed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Alva, 811218-9876, ring 070-123 45 67\n"))
    assert main(["scrub"]) == 0
    assert capsys.readouterr().out == "[namn], [personnummer], ring [telefon]\n"


def test_scrub_masks_the_example_of_issue_11(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Zelda bor på Sibeliusgången 18, pnr 190312\u20132388, går på avdelning Solrosen.\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["scrub"]) == 0
    assert capsys.readouterr().out == "[namn] bor på [adress], pnr [personnummer], går på avdelning [avdelning].\n"
