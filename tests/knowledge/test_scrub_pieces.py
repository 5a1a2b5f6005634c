"""Phone numbers told in pieces (knowledge/scrub/pieces.py): the prefix and the rest apart, or read out in words
without the leading zero after a cue. New examples, and counting and plain numbers that stay."""

from __future__ import annotations

import pytest

from knowledge.scrub import scrub
from tests.knowledge.scrub_checks import assert_masked


@pytest.mark.parametrize(("text", "secret"), [
    ("ring 0702, sen 81 44 19, det är farmor", "0702 81 44 19"),
    ("numret är 0739 och sedan 112 233", "0739 112 233"),
    ("pappans nummer: sextiotvå, åtta nio noll, elva tolv", "sextiotvå åtta nio noll elva tolv"),
    ("mobil: sjuttio tre två ett fyra fem sex", "sjuttio tre två ett fyra fem sex"),
])
def test_a_phone_told_in_pieces_is_masked(text: str, secret: str) -> None:
    assert_masked(text, secret, "phone")


@pytest.mark.parametrize(("text", "kept"), [
    ("vi räknade ett två tre fyra fem sex sju åtta", "ett två tre"),
    ("numret är fem, sa hon", "fem"),
    ("hon har sju syskon och tre hundar", "sju syskon"),
    ("0701 barn var anmälda och sen 12 till", "12 till"),
])
def test_counting_and_plain_numbers_stay(text: str, kept: str) -> None:
    assert kept in scrub(text).text


def test_a_personnummer_is_no_split_phone() -> None:
    result = scrub("uppgifter: 20190522-0753 och 160720-8822")
    assert "personnummer" in result.kinds
    assert "phone" not in result.kinds
