"""Acute-danger detection (DOMAIN.md §3): the check that breaks out of any dialog with "ring 112 nu"."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.lexicon import lexicon
from knowledge.text import fold


@dataclass(frozen=True, slots=True)
class AcuteSignal:
    """An acute situation recognised in a message, named by a stable code and never by the matched text."""

    code: str
    categories: tuple[str, ...] = ()


ACUTE_CODES = (
    "immediate_danger",
    "ongoing_violence",
    "threat_to_kill",
    "intoxicated_pickup",
    "injury_afraid_home",
    "sexual_abuse_home",
    "taken_abroad",
    "strangulation",
)


def is_acute(text: str) -> AcuteSignal | None:
    """The first acute situation recognised in *text*, or None; negated mentions ("ingen fara") do not count."""
    folded = fold(text)
    for rule in lexicon().acute:
        if rule.fires(folded):
            return AcuteSignal(rule.code, rule.categories)
    return None
