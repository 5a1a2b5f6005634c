"""A long message read in pieces (knowledge/reading/chunks.py): news buried anywhere is found, and however the
message is cut into sentences the reading stays bounded — a crafted message of 800 one-word sentences must not
cost 800 readings three times a turn."""

from __future__ import annotations

import pytest

from knowledge.reading.chunks import MAX_PARTS, PIECE, acute_in_pieces, parts_of


@pytest.mark.parametrize("filler", ["hej", "Vi var ute i sandlådan idag och det var kallt", "a\nb", "ok!"])
@pytest.mark.parametrize(("before", "after"), [(3, 3), (30, 30), (200, 5), (5, 700)])
def test_news_buried_anywhere_is_found_and_the_work_is_bounded(filler, before, after):
    text = ". ".join([filler] * before + ["FARA nu"] + [filler] * after) + "."
    pieces, framed = [], []

    def acute_of(piece: str) -> list[str]:
        pieces.append(piece)
        return ["danger"] if "FARA" in piece else []

    def frames(part: str) -> bool:
        framed.append(part)
        return False

    assert acute_in_pieces(text, acute_of, frames) == ["danger"]
    assert len(framed) <= MAX_PARTS
    assert len(pieces) <= MAX_PARTS - PIECE + 1
    assert sum(map(len, pieces)) <= PIECE * len(text) + 2 * len(pieces)  # each sentence read in at most 3 pieces


def test_a_message_that_repeats_itself_is_read_once_per_distinct_piece():
    pieces: list[str] = []
    text = "Hon är ledsen. Vi lekte. Det regnade. " * 10
    acute_in_pieces(text, lambda piece: pieces.append(piece) or [], lambda part: False)
    assert len(pieces) == len(set(pieces)) == 3


def test_up_to_max_parts_sentences_are_read_one_by_one_and_past_it_in_runs():
    assert parts_of(". ".join(f"mening {i}" for i in range(MAX_PARTS))) == [f"mening {i}" for i in range(MAX_PARTS)]
    runs = parts_of(". ".join(f"mening {i}" for i in range(10 * MAX_PARTS + 3)))
    assert len(runs) <= MAX_PARTS
    assert " ".join(runs).count("mening") == 10 * MAX_PARTS + 3  # every sentence in a run, none lost


def test_a_framing_sentence_goes_with_every_piece():
    text = "Inte akut. a. b. FARA. c. d. e."
    seen: list[str] = []
    acute_in_pieces(text, lambda piece: seen.append(piece) or [], lambda part: part == "Inte akut")
    assert seen
    assert all(piece.startswith("Inte akut") for piece in seen)
