"""Each language is one place (dialogs/text/sv/, en/), written in areas; a key belongs to one area only."""

from __future__ import annotations

import pytest

from dialogs.text import en, sv


@pytest.mark.parametrize("language", [sv, en], ids=["sv", "en"])
def test_every_key_is_written_in_one_area_only(language) -> None:  # type: ignore[no-untyped-def]
    written = [key for area in language.AREAS for key in area.TEXT]
    assert len(written) == len(set(written)) == len(language.TEXT)


def test_both_languages_are_written_in_the_same_areas() -> None:
    assert [area.__name__.rsplit(".", 1)[1] for area in sv.AREAS] == [a.__name__.rsplit(".", 1)[1] for a in en.AREAS]
    for swedish, english in zip(sv.AREAS, en.AREAS, strict=True):
        assert swedish.TEXT.keys() == english.TEXT.keys(), swedish.__name__
