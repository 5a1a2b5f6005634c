"""Acute-danger detection: DOMAIN.md §3 situations in Swedish and English, and negations that must not fire."""

from __future__ import annotations

import pytest

from knowledge.acute import ACUTE_CODES, is_acute

ACUTE = [
    ("Pappa är full och ska hämta henne om en kvart", "intoxicated_pickup"),
    ("Mamman kom för att hämta och var så påverkad att hon knappt kunde stå", "intoxicated_pickup"),
    ("pappa ar berusad och vill ta med sig barnet hem", "intoxicated_pickup"),
    ("Hon har strypmärken på halsen", "strangulation"),
    ("Det syns röda märken runt halsen", "strangulation"),
    ("Han sa att pappa tog honom om halsen", "strangulation"),
    ("Pappa slår mamma i hallen just nu", "ongoing_violence"),
    ("Han hotade att döda henne och barnen", "threat_to_kill"),
    ("Pappan sa att han ska slå ihjäl mamman", "threat_to_kill"),
    ("Hon ska giftas bort i sommar", "taken_abroad"),
    ("De ska resa till hemlandet och där ska hon omskäras", "taken_abroad"),
    ("Familjen ska åka utomlands och hon ska inte komma tillbaka", "taken_abroad"),
    ("Hon har färska blåmärken i ansiktet. Hon vågar inte gå hem.", "injury_afraid_home"),
    ("Han har ett stort sår i pannan och är rädd för att gå hem", "injury_afraid_home"),
    ("Hon säger att pappa tar på hennes snippa", "sexual_abuse_home"),
    ("Jag misstänker sexuella övergrepp i hemmet", "sexual_abuse_home"),
    ("Barnet är i akut fara", "immediate_danger"),
    ("Pappa har en kniv i hallen", "immediate_danger"),
    ("Dad is drunk and coming to pick her up", "intoxicated_pickup"),
    ("He has marks around his neck", "strangulation"),
    ("She is afraid to go home and has a black eye", "injury_afraid_home"),
    ("Her father threatened to kill her mother", "threat_to_kill"),
    ("They are taking her abroad to be married off", "taken_abroad"),
    ("I think the child is in danger right now", "immediate_danger"),
]

NOT_ACUTE = [
    "Det är inte akut, jag vill bara rådgöra",
    "Ingen fara just nu, men jag är orolig",
    "Hon har inga strypmärken och inga blåmärken",
    "Han är inte i fara",
    "Familjen ska åka till hemlandet på semester och hälsa på mormor",
    "Pappa var full i helgen enligt barnet",
    "Hon slår andra barn ibland när hon blir arg",
    "Vad blir det till lunch?",
    "Hon har ett blåmärke på knät efter fotbollen",
    "Han har inte sagt något om att vara rädd",
    "It is not an emergency, she is not in danger",
    "Hon vill inte gå hem för att hon vill leka mer",
]


@pytest.mark.parametrize(("text", "code"), ACUTE)
def test_acute_situations_are_recognised_with_a_stable_code(text: str, code: str) -> None:
    signal = is_acute(text)
    assert signal is not None
    assert signal.code == code
    assert signal.code in ACUTE_CODES


@pytest.mark.parametrize("text", NOT_ACUTE)
def test_negated_or_ordinary_messages_are_not_acute(text: str) -> None:
    assert is_acute(text) is None


def test_acute_signal_never_carries_the_message_text() -> None:
    signal = is_acute("Pappa är full och ska hämta")
    assert signal is not None
    assert "full" not in repr(signal)
