"""Questions with choices, and the one parser that reads a card click or typed text as an answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from botbuilder.schema import Activity

from knowledge.text import normalize

_NUMBER_LIST = re.compile(r"^\d+(?:\s*(?:,|;|\s|och|and|&|\+)\s*\d+)*$")
_NUMBER = re.compile(r"\d+")
_LEADING_NUMBER = re.compile(r"^(\d+)[.)]?\s+")


@dataclass(frozen=True)
class Option:
    """One answer: the value a dialog receives, its label, and other words that mean it."""

    value: str
    label: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A question shown as a card; answered by a click, a number, an option's words or free text."""

    action: str
    lines: tuple[str, ...]
    options: tuple[Option, ...] = ()
    multi: bool = False
    text_input: str | None = None  # placeholder of a free-text field, when the question takes free text
    submit: str | None = None  # label of the button that sends the free text or the selection
    extra: dict[str, Any] = field(default_factory=dict)


def submitted(activity: Activity) -> dict[str, Any] | None:
    """The data of a card submit (Teams sends it as `value` on a message without text), or None."""
    value = activity.value
    return value if isinstance(value, dict) else None


def user_text(activity: Activity) -> str:
    """What the user wrote this turn: the message text, or the text field of a submitted card."""
    if activity.text and activity.text.strip():
        return activity.text.strip()
    value = submitted(activity)
    if value and isinstance(value.get("text"), str):
        return value["text"].strip()
    return ""


def parse_answer(activity: Activity, question: Question) -> dict[str, Any] | None:
    """The answer as {"choice": v}, {"choices": [v, ...]} or {"text": t}; None when it is not an answer."""
    value = submitted(activity)
    if value is not None and not (activity.text and activity.text.strip()):
        return _parse_submit(value, question)
    return _parse_text(activity.text or "", question)


def _parse_submit(value: dict[str, Any], question: Question) -> dict[str, Any] | None:
    if value.get("action") != question.action:
        return None
    known = {option.value for option in question.options}
    if value.get("choice") in known:
        return {"choice": value["choice"]}
    if question.multi:
        raw = value.get("choices") or ""
        picked = [part for part in str(raw).split(",") if part in known]
        if picked:
            return {"choices": _unique(picked)}
    text = value.get("text")
    if question.text_input is not None and isinstance(text, str) and text.strip():
        return {"text": text.strip()}
    return None


def _parse_text(text: str, question: Question) -> dict[str, Any] | None:
    typed = text.strip()
    if not typed:
        return None
    picked = _options_from_text(typed, question)
    if picked:
        if question.multi:
            return {"choices": picked}
        if len(picked) == 1:
            return {"choice": picked[0]}
    if question.text_input is not None:
        return {"text": typed}
    return None


def _options_from_text(typed: str, question: Question) -> list[str]:
    options = question.options
    whole = normalize(typed)
    for option in options:
        if whole in {normalize(option.label), normalize(option.value), *map(normalize, option.words)}:
            return [option.value]
    if _NUMBER_LIST.match(whole):
        numbers = [int(n) for n in _NUMBER.findall(typed)]
        if numbers and all(1 <= n <= len(options) for n in numbers):
            return _unique([options[n - 1].value for n in numbers])
        return []
    wanted = normalize(_LEADING_NUMBER.sub("", typed))
    parts = [wanted]
    if question.multi:
        parts = [p.strip() for p in re.split(r",|;|\boch\b|\band\b", wanted) if p.strip()]
    found = []
    for part in parts:
        for option in options:
            if part in {normalize(option.label), normalize(option.value), *map(normalize, option.words)}:
                found.append(option.value)
                break
        else:
            return []
    return _unique(found)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))
