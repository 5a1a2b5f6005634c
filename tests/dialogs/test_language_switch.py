"""After "english" every string the dialogs send is English: texts, headings, facts, buttons and choices."""

from __future__ import annotations

from typing import Any

from dialogs.text import en, sv
from tests.dialogs.harness import Reply, choice

# Swedish strings that would betray a missed switch: whole sentences or words that differ in English. Short ones
# like "Ja" could match inside English words; names the English text also uses ("Socialjouren", "socionom",
# "Samråd") are left out.
_ENGLISH = " ".join(en.TEXT.values())
SWEDISH_ONLY = sorted({value for key, value in sv.TEXT.items()
                       if "{" not in value and len(value) >= 6 and en.TEXT.get(key) != value
                       and value not in _ENGLISH})


def every_string(node: Any) -> list[str]:
    """Every text, title, label and placeholder in a card (fact values are data: unit names stay Swedish)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key in ("text", "title", "label", "placeholder", "fallbackText"):
            if isinstance(node.get(key), str):
                found.append(node[key])
        for key, value in node.items():
            if key != "data":
                found += every_string(value)
    elif isinstance(node, list):
        for item in node:
            found += every_string(item)
    return found


def swedish_in(replies: list[Reply]) -> list[str]:
    shown = [reply.text for reply in replies] + [s for reply in replies for s in every_string(reply.card or {})]
    return [swedish for swedish in SWEDISH_ONLY if any(swedish in text for text in shown)]


async def test_after_english_every_string_is_english_headings_included(chat):
    await chat.say("hej")
    replies = await chat.say("english")
    assert swedish_in(replies) == []
    steps: list[Any] = [choice("menu", "consult"), "Förskola Sagoberget",
                        {"action": "concern", "choices": "physical,neglect"}, "The child often has bruises",
                        choice("duration", "weeks"), "help", choice("child_told", "no"), choice("safe_today", "yes"),
                        choice("age", "3-6"), choice("final", "note"), choice("menu", "contact"), "Farsta",
                        choice("menu", "acute")]
    for step in steps:
        replies = await (chat.say(step) if isinstance(step, str) else chat.click(step))
        assert replies, step
        assert swedish_in(replies) == [], step
