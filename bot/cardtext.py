"""Adaptive Cards rendered as plain text with numbered actions (terminal chat, logs of tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Terminal escape sequences (CSI, OSC, other ESC and 8-bit CSI forms), then any control character left over
# except tab and line feed, and the bidirectional overrides that reorder what a terminal shows.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
                              r"|\x1b[ -/]*[0-~]?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """*text* as a terminal may print it: no escape sequence or control character (data could carry them)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


@dataclass
class RenderedCard:
    """A card as lines of text plus its submit actions, numbered from 1 in display order."""

    lines: list[str] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    number_actions: bool = True
    first_number: int = 1

    def text(self) -> str:
        return "\n".join(self.lines)


def render_card(card: dict[str, Any], *, first_number: int = 1) -> RenderedCard:
    """Render an Adaptive Card's text, facts, inputs and actions; submit actions are numbered from *first_number*.

    A card with inputs (a choice list, a text field) numbers its own choices in the text, so its buttons are
    shown by name instead and the user answers by typing.
    """
    rendered = RenderedCard(number_actions=not has_inputs(card), first_number=first_number)
    _elements(card.get("body") or [], rendered, indent="")
    _actions(card.get("actions") or [], rendered, indent="")
    return rendered


def has_inputs(node: Any) -> bool:
    """True when a card asks for input: then typed text (a number, a word) answers it, as it would in Teams."""
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Input."):
            return True
        return any(has_inputs(value) for value in node.values())
    if isinstance(node, list):
        return any(has_inputs(item) for item in node)
    return False


_CONTAINERS = frozenset({"Container", "Column", "ColumnSet", "ActionSet"})
_INPUTS = frozenset({"Input.Text", "Input.Toggle", "Input.Number", "Input.Date", "Input.Time"})


def _elements(elements: list[dict[str, Any]], out: RenderedCard, indent: str) -> None:
    for element in elements:
        if element.get("type") in _CONTAINERS:
            _container(element, out, indent)
        else:
            out.lines.extend(indent + line for line in _leaf(element))


def _container(element: dict[str, Any], out: RenderedCard, indent: str) -> None:
    """A container's items and actions, in order."""
    kind = element.get("type")
    if kind in {"Container", "Column"}:
        _elements(element.get("items") or [], out, indent)
        if element.get("selectAction"):
            _actions([element["selectAction"]], out, indent)
    elif kind == "ColumnSet":
        for column in element.get("columns") or []:
            _elements(column.get("items") or [], out, indent)
    else:  # ActionSet
        _actions(element.get("actions") or [], out, indent)


def _leaf(element: dict[str, Any]) -> list[str]:
    """The lines of an element that holds no other elements (none for what a terminal cannot show)."""
    kind = element.get("type")
    if kind == "TextBlock":
        text = str(element.get("text", ""))
        if element.get("weight") == "Bolder" or element.get("size") in {"Large", "ExtraLarge", "Medium"}:
            text = text.upper() if element.get("size") in {"Large", "ExtraLarge"} else f"** {text} **"
        return [text]
    if kind == "RichTextBlock":
        return ["".join(str(run.get("text", "")) for run in element.get("inlines") or [])]
    if kind == "FactSet":
        return [f"  {fact.get('title', '')}: {fact.get('value', '')}" for fact in element.get("facts") or []]
    if kind == "Input.ChoiceSet":
        label = element.get("label") or element.get("placeholder") or ""
        return ([label] if label else []) + [f"  - {choice.get('title')}" for choice in element.get("choices") or []]
    if kind in _INPUTS:
        label = element.get("label") or element.get("placeholder") or element.get("title") or ""
        return [f"[{label}]"] if label else []
    if kind == "Image" and element.get("altText"):
        return [f"({element['altText']})"]
    return []


def _actions(actions: list[dict[str, Any]], out: RenderedCard, indent: str) -> None:
    for action in actions:
        kind = action.get("type")
        title = action.get("title", "")
        if kind in {"Action.Submit", "Action.Execute"} and out.number_actions:
            out.actions.append(action.get("data") or {})
            out.lines.append(f"{indent}  {out.first_number + len(out.actions) - 1}. {title}")
        elif kind in {"Action.Submit", "Action.Execute"}:
            out.lines.append(f"{indent}  [{title}]")
        elif kind == "Action.OpenUrl":
            out.lines.append(f"{indent}  → {title}: {action.get('url', '')}")
        elif kind == "Action.ShowCard":
            out.lines.append(f"{indent}  {title}:")
            card = action.get("card") or {}
            _elements(card.get("body") or [], out, indent + "    ")
            _actions(card.get("actions") or [], out, indent + "    ")
