"""User and administrator text in cards and messages is shown as typed, never as Markdown formatting."""

from __future__ import annotations

import pytest

from dialogs.cardkit import BREAK, plain


@pytest.mark.parametrize(("typed", "shown"), [
    ("[klicka](https://evil.example)", f"[klicka]{BREAK}(https://evil.example)"),
    ("**fet** och *kursiv*", "\\*\\*fet\\*\\* och \\*kursiv\\*"),
    ("_kursiv_ men snake_case", "\\_kursiv\\_ men snake_case"),
    ("# rubrik", f"{BREAK}# rubrik"),
    ("text\n===", f"text\n{BREAK}==="),
    ("> citat", f"{BREAK}> citat"),
    ("1. lista\n- punkt", f"1{BREAK}. lista\n-{BREAK} punkt"),
    ("`kod` och ~~streck~~, /~namn", "\\`kod\\` och \\~\\~streck\\~\\~, /~namn"),
    ("C:\\mapp", "C:\\\\mapp"),
    ("[namn] bor på [adress], [telefon]", "[namn] bor på [adress], [telefon]"),  # masks read as they are
])
def test_markdown_is_shown_as_typed(typed: str, shown: str) -> None:
    assert plain(typed) == shown


@pytest.mark.parametrize("typed", ["**fet** _x_ # y", "a\\*b", "[x](y)\n1. z", "\\\\ ~~s~~"])
def test_text_made_plain_twice_gains_nothing(typed: str) -> None:
    assert plain(plain(typed)) == plain(typed)
