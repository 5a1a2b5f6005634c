"""Every kind of data the scrubber masks can be named to the user, in Swedish and English."""

from __future__ import annotations

from dialogs.case import masked_kinds
from dialogs.text import en, sv
from knowledge.scrub import KIND_ORDER, KINDS


def test_every_masked_kind_has_words_in_both_languages() -> None:
    assert set(KIND_ORDER) == KINDS
    for kind in KINDS:
        assert sv.TEXT[f"pii.{kind}"]
        assert en.TEXT[f"pii.{kind}"]


def test_quasi_identifiers_are_named_when_masked() -> None:
    assert masked_kinds("sv", {"preschool", "group"}) == "förskolans namn och avdelningens namn"
    assert masked_kinds("en", {"birthdate", "age", "name"}) == "names, dates of birth and exact ages"
