"""The routing commands end to end on a SQLite file: route, import/export/validate, load-demo."""

import json

import pytest

from bot.cli import main
from bot.database import upgrade


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_load_demo_then_route_json(database, capsys):
    assert main(["load-demo", "--if-empty"]) == 0
    assert main(["load-demo", "--if-empty"]) == 0
    assert "redan data" in capsys.readouterr().out
    assert main(["route", "Sagobergt", "--at", "2026-06-19T10:00", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["matches"][0] == {"id": "397956", "name": "Förskola Sagoberget", "district": "Bromma",
                                    "score": output["matches"][0]["score"]}
    assert output["ambiguous"] is False
    assert output["decision"]["after_hours"]["open_now"] is False
    assert output["decision"]["contacts"][0]["id"] == "bromma-socionom-1"


def test_route_ambiguous_has_no_decision_and_text_output(database, capsys):
    main(["load-demo"])
    capsys.readouterr()
    assert main(["route", "Förskolan Regnbågen", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["ambiguous"] is True
    assert output["decision"] is None
    assert len(output["matches"]) == 5
    assert main(["route", "Regnbågen Farsta", "--at", "2026-12-24T10:00"]) == 0
    assert "Farsta" in capsys.readouterr().out


def test_bad_at_is_a_clear_error(database, capsys):
    assert main(["route", "x", "--at", "igår"]) == 2
    assert "--at must be an ISO-8601" in capsys.readouterr().err


def test_import_bad_csv_fails_with_line_numbers_and_changes_nothing(database, tmp_path, capsys):
    main(["load-demo"])
    export = tmp_path / "before.json"
    assert main(["routing", "export", "--format", "json", "--out", str(export)]) == 0
    bad = tmp_path / "districts.csv"
    bad.write_text("id,name,aliases,active\nfarsta,Farsta Ny,,true\n,Utan id,,true\nx,X,,kanske\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["routing", "import", str(bad), "--actor", "test"]) == 2
    err = capsys.readouterr().err
    assert "districts.csv:3: id: måste fyllas i" in err
    assert "districts.csv:4: active" in err
    assert "inget ändrades" in err
    after = tmp_path / "after.json"
    main(["routing", "export", "--format", "json", "--out", str(after)])
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "exported_at"}  # noqa: E731
    assert strip(export) == strip(after)


def test_export_csv_import_and_validate(database, tmp_path, capsys):
    assert main(["routing", "validate"]) == 1
    main(["load-demo"])
    out = tmp_path / "csv"
    assert main(["routing", "export", "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} >= {"districts.csv", "preschools.csv", "rules.csv"}
    assert main(["routing", "import", str(out / "units.csv")]) == 0
    assert "unchanged: units 56" in capsys.readouterr().out
    assert main(["routing", "validate"]) == 1  # 92 preschools still lack a district
    assert "Förskolor utan stadsdel: 92" in capsys.readouterr().out


def test_missing_file_and_unmigrated_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    assert main(["routing", "import", str(tmp_path / "nope.csv")]) == 2
    assert "finns inte" in capsys.readouterr().err
    assert main(["routing", "validate"]) == 2
    assert "samrad db upgrade" in capsys.readouterr().err


ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m\x00\u202e"


def test_route_prints_no_terminal_escape_sequences_from_the_tables(database, capsys):
    import sqlite3

    main(["load-demo"])
    with sqlite3.connect(database.split("///", 1)[1]) as connection:
        connection.execute("UPDATE routing_contact SET name = ? WHERE id = 'bromma-socionom-1'",
                           (f"Sara{ESCAPES} Socionom",))
        connection.execute("UPDATE routing_unit SET name = ? WHERE id = 'bromma-socionom'",
                           (f"Socionom{ESCAPES} i förskolan Bromma",))
    capsys.readouterr()
    for args in (["route", "Sagoberget", "--at", "2026-11-24T10:00"], ["route", "Sagoberget", "--json"]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert "Sagoberget" in out, repr(out)
        assert not any(c in out for c in "\x1b\x07\x9b\x00\u202e"), repr(out)
        if "--json" not in args:
            assert "Kontakt: Sara Socionom — Socionom i förskolan Bromma" in out  # readable, the escapes gone


def test_route_on_a_weak_match_says_the_bot_asks_first(database, capsys):
    main(["load-demo"])
    capsys.readouterr()
    assert main(["route", "sagober", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["confident"] is False
    assert output["suggestion"] == "Förskola Sagoberget"
    assert output["decision"] is None or output["decision"]["preschool"] is None
    assert main(["route", "sagober"]) == 0
    assert "Menar du Förskola Sagoberget?" in capsys.readouterr().out
