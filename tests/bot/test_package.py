"""The Teams app package is a valid zip with a filled-in manifest, localization and icons."""

import json
import zipfile

import pytest

from bot.cardtext import render_card
from bot.package import PackageError, build_package, render_manifest


def test_package_contains_manifest_with_bot_id_and_both_languages(tmp_path):
    path = build_package(tmp_path / "app.zip", bot_id="11111111-2222-3333-4444-555555555555")
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["color.png", "en.json", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        english = json.loads(archive.read("en.json"))
        assert archive.read("color.png").startswith(b"\x89PNG")
    assert manifest["bots"][0]["botId"] == "11111111-2222-3333-4444-555555555555"
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team"}
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "sv-se"
    assert english["name.short"] == "Samråd"
    assert "${{" not in json.dumps(manifest)


def test_missing_placeholder_values_are_named():
    with pytest.raises(PackageError, match="BOT_ID"):
        render_manifest('{"id": "${{BOT_ID}}"}', {})


def test_cards_render_as_text_with_numbered_submit_actions():
    card = {"type": "AdaptiveCard", "version": "1.5", "body": [
        {"type": "TextBlock", "text": "Vad gäller oron?", "weight": "Bolder"},
        {"type": "FactSet", "facts": [{"title": "Stadsdel", "value": "Farsta"}]}],
        "actions": [{"type": "Action.Submit", "title": "Ja", "data": {"action": "yes"}},
                    {"type": "Action.OpenUrl", "title": "E-tjänst", "url": "https://example.se"},
                    {"type": "Action.Submit", "title": "Nej", "data": {"action": "no"}}]}
    rendered = render_card(card)
    assert rendered.actions == [{"action": "yes"}, {"action": "no"}]
    assert "1. Ja" in rendered.text()
    assert "2. Nej" in rendered.text()
    assert "Stadsdel: Farsta" in rendered.text()


def test_numbers_continue_across_cards_and_cards_with_inputs_name_their_buttons():
    buttons = {"type": "AdaptiveCard", "version": "1.5", "body": [],
               "actions": [{"type": "Action.Submit", "title": "Ja", "data": {"action": "yes"}}]}
    asking = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "Input.Text", "id": "t", "label": "Skriv"}],
              "actions": [{"type": "Action.Submit", "title": "Skicka", "data": {"action": "send"}}]}
    assert "3. Ja" in render_card(buttons, first_number=3).text()
    rendered = render_card(asking)
    assert rendered.actions == []
    assert "[Skicka]" in rendered.text()


def test_make_package_installs_the_venv_first_on_a_clean_clone(tmp_path):
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for name in ("Makefile", "pyproject.toml", "requirements-dev.lock"):  # make installs from the hashed lock
        shutil.copy(root / name, tmp_path / name)
    planned = subprocess.run(["make", "-n", "package"], cwd=tmp_path, capture_output=True, text=True, check=True)
    lines = planned.stdout.splitlines()
    venv = next(i for i, line in enumerate(lines) if "-m venv .venv" in line)
    install = next(i for i, line in enumerate(lines) if "pip install" in line and "-e" in line)
    package = next(i for i, line in enumerate(lines) if "-m bot.package" in line)
    assert venv < install < package
