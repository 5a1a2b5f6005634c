"""The lexicon's phrase syntax has one trap: a `|` alternative cannot hold a space.

"under water|the water" reads as three positions (under / water-or-the / water), not "under water" or "under the
water", and such a term silently never matches what its author meant (this happened five times in two days). The
telltale is a word offered at two different positions of one term; the few terms that mean it are listed here.
"""

from pathlib import Path

import yaml

CONCEPTS = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "concepts.yaml"
# Terms that repeat a word on purpose ("nej nej", "gång på gång").
INTENDED = frozenset({
    "nej nej",
    "gång på gång",
    "sa|sade|sagt|säger|säga åt henne|honom|barnet|dem att säga",
})


def _suspicious(term: str) -> str | None:
    """The word a term offers at two different positions, if any."""
    positions = [position for position in term.split(" ") if position != "..."]
    seen: dict[str, int] = {}
    for index, position in enumerate(positions):
        for alternative in position.split("|"):
            word = alternative.lstrip("=").rstrip("*").lower()
            if seen.setdefault(word, index) != index:
                return word
    return None


def test_the_lint_finds_a_split_alternative():
    assert _suspicious("held|holds ... under water|the water") == "water"
    assert _suspicious("take|took the children|the kids to") == "the"
    assert _suspicious("held|holds ... under water") is None


def test_no_term_offers_one_word_at_two_positions():
    raw = yaml.safe_load(CONCEPTS.read_text("utf-8"))
    found = [(concept, term, word) for concept, terms in raw["concepts"].items() for term in map(str, terms)
             if term not in INTENDED and (word := _suspicious(term))]
    assert found == [], "a `|` alternative with a space splits into positions; write two terms instead"



def repeated_keys(text: str) -> list[str]:
    """Every key that occurs twice in one mapping of the YAML document *text*."""
    repeated: list[str] = []

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
            keys = [self.construct_object(key, deep=deep) for key, _value in node.value]
            repeated.extend(sorted({key for key in keys if keys.count(key) > 1}))
            return super().construct_mapping(node, deep)

    yaml.load(text, Loader=Loader)
    return repeated


def test_the_repeat_finder_finds_a_concept_written_twice():
    assert repeated_keys("concepts:\n  a: [x]\n  b: [y]\n  a: [z]\n") == ["a"]


def test_no_concept_is_defined_twice():
    """YAML keeps only the last of two equal keys, so a concept written again in a later block silently drops every
    term of the first (two helpers did this in one round): extend the first definition instead."""
    assert repeated_keys(CONCEPTS.read_text("utf-8")) == []
