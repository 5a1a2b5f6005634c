"""The child's age band from the staff member's words: ages in every form, never a duration or a sibling."""

import pytest

from knowledge.age import age_band
from knowledge.understanding import understand


@pytest.mark.parametrize(("text", "band"), [
    ("en av våra pojkar (4 år) har kommit utan mat", "3-6"), ("en 4-åring hos oss", "3-6"),
    ("vår fyraåring är ledsen", "3-6"), ("pojken, 5 år, säger att pappa slår", "3-6"), ("hon är tre år", "3-6"),
    ("en flicka på 3 år", "3-6"), ("hon är 3 och ett halvt år", "3-6"), ("she is 4 years old", "3-6"),
    ("a 3-year-old girl", "3-6"), ("flickan är 2 år", "1-3"), ("barnet är 18 månader", "1-3"),
    ("vår lilla ettåring", "1-3"), ("han är 1,5 år", "1-3"), ("2 år gammal", "1-3"),
    ("en bebis på 6 månader", "0-1"), ("bebisen gråter mycket", "0-1"), ("10 månader gammal", "0-1"),
    ("en 3-åring och hans storebror på 9 år", "3-6"),
])
def test_an_age_written_as_staff_write_it_gives_its_band(text: str, band: str) -> None:
    assert age_band(text) == band
    assert understand(text).age_band == band


@pytest.mark.parametrize("text", [
    "i två år har det pågått", "jag har jobbat 10 år på förskolan", "det hände för 2 år sedan",
    "hennes bror är 8 år", "vi har haft det så i 3 månader", "hon har gått här i 2 år",
    "syskonen 2 och 5 år", "pojken 4 år och hans bror 2 år", "Barnet har blåmärken på armen",
])
def test_a_duration_a_sibling_or_two_ages_give_no_band(text: str) -> None:
    assert age_band(text) is None
