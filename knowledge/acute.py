"""Acute-danger detection (DOMAIN.md §3): the check that breaks out of any dialog with "ring 112 nu"."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.reading import read


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
    "afraid_to_go_home",
)
# The concern categories each acute situation implies.
ACUTE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "immediate_danger": (),
    "ongoing_violence": ("physical",),
    "threat_to_kill": ("physical",),
    "intoxicated_pickup": ("parent", "neglect"),
    "injury_afraid_home": ("physical",),
    "sexual_abuse_home": ("sexual",),
    "taken_abroad": ("honour",),
    "strangulation": ("physical",),
    "afraid_to_go_home": (),
}


def is_acute(text: str) -> AcuteSignal | None:
    """The most decisive acute situation recognised in *text*, or None; negated mentions ("ingen fara") do not count."""
    codes = read(text).acute
    if not codes:
        return None
    return AcuteSignal(codes[0], ACUTE_CATEGORIES[codes[0]])
