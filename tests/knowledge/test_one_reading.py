"""One reading per turn (knowledge.reading.one_reading): inside the block a text is read once, each caller gets its
own copy, only digests are kept, and outside the block nothing is remembered."""

from __future__ import annotations

import pytest

from knowledge import reading
from knowledge.acute import is_acute
from knowledge.assessment import assess
from knowledge.reading import TURN_READINGS, one_reading, read
from knowledge.understanding import understand

TEXT = "Pappa slog henne igår och hon har blåmärken på armen. Hon vill inte gå hem ikväll."


@pytest.fixture
def counted(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    texts: list[str] = []
    real = reading._read

    def counting(text: str) -> reading.Reading:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(reading, "_read", counting)
    return texts


def test_a_turn_reads_its_message_once_for_danger_understanding_and_assessment(counted):
    with one_reading():
        first = (is_acute(TEXT), understand(TEXT), assess(TEXT))
    assert counted == [TEXT]
    assert first == (is_acute(TEXT), understand(TEXT), assess(TEXT))  # the same answers as three readings
    assert len(counted) > 1  # outside the block nothing is remembered


def test_each_caller_gets_its_own_copy(counted):
    with one_reading():
        one = read(TEXT)
        one.acute.append("changed")
        one.categories.add("changed")
        two = read(TEXT)
    assert "changed" not in two.acute
    assert "changed" not in two.categories
    assert len(counted) == 1


def test_only_digests_are_kept_and_the_memory_is_bounded(counted):
    with one_reading():
        for number in range(TURN_READINGS * 3):
            read(f"{TEXT} {number}")
        memory = reading._turn_readings.get()
        assert memory is not None
        assert len(memory) <= TURN_READINGS
        assert all(isinstance(key, bytes) and len(key) == 16 for key in memory)
        assert not any(TEXT in repr(value) for value in memory.values())
    assert reading._turn_readings.get() is None


def test_a_lone_surrogate_in_a_message_does_not_break_the_turn():
    with one_reading():
        assert read("hej \ud800 pappa slog henne") == read("hej \ud800 pappa slog henne")
