"""Building blocks for Adaptive Cards 1.5 (Teams' limit), shared by every card in the product.

A card here is its plain JSON content, so that the handoff (bot/handoff/, which speaks no Bot Framework SDK) builds
its cards with the same kit; the dialogs wrap theirs as an attachment in dialogs/cards.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

CARD_VERSION = "1.5"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
# A zero-width space breaks Markdown syntax without changing what is seen, in hosts that render Markdown (Teams,
# Web Chat) and in those that do not; a backslash escape would show as a backslash in the latter, so it is used
# only where a zero-width space cannot help (emphasis, below).
BREAK = "\u200b"
ACTIONS_PER_SET = 5  # Teams folds longer action rows into an overflow menu
_LINK_SYNTAX = re.compile(r"\](?=[(:\[])|<")
_LIST_MARKER = re.compile(r"^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)|^([ \t]*)([-+*])(?=[ \t]|$)", re.MULTILINE)
# A heading, quote, setext underline or thematic break: a zero-width space before its marker keeps the line text.
_BLOCK_MARKER = re.compile(r"^([ \t]*)(?=[#>=]|--)", re.MULTILINE)
# Emphasis, strike-through and code need a backslash: in CommonMark a zero-width space next to `*` is neither space
# nor punctuation, so `*\u200b*fet*\u200b*` still emphasises (and hides the stars). An escape already there is
# kept as it is, so text made plain twice gains no backslashes.
_INLINE_MARKER = re.compile(r"\\?([\\*_~`])")


def plain(text: str) -> str:
    """*text* (typed by a user or entered by an administrator) made inert for Markdown: shown as typed.

    `[x](http://evil)` stays visible as typed but can no longer render as a link with a disguised target;
    `**fet**`, `# rubrik`, `> citat` and `1. lista` are shown with their characters, not as formatting.
    Masks such as `[namn]` are left as they are.
    """
    text = _INLINE_MARKER.sub(_escape_marker, text)
    text = _LINK_SYNTAX.sub(lambda m: m.group(0) + BREAK, text)
    text = _BLOCK_MARKER.sub(lambda m: m.group(1) + BREAK, text)
    return _LIST_MARKER.sub(_break_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    char, at, text = match.group(1), match.start(1), match.string
    # Inside a word `_` cannot emphasise and one `~` cannot strike through: left alone, so that addresses such as
    # förnamn_efternamn@stockholm.se or /~namn still become links as they would without escaping.
    inside_word = char == "_" and text[at - 1:at].isalnum() and text[at + 1:at + 2].isalnum()
    single_tilde = char == "~" and "~" not in (text[at - 1:at], text[at + 1:at + 2])
    return match.group(0) if inside_word or single_tilde else "\\" + char


def _break_marker(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}{BREAK}{match.group(3)}"
    return f"{match.group(4)}{match.group(5)}{BREAK}"


def _has_text(element: dict[str, Any]) -> bool:
    return element.get("type") != "TextBlock" or bool(str(element.get("text") or "").strip())


def card_content(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, *,
                 fallback: str = "") -> dict[str, Any]:
    """An Adaptive Card's content; *fallback* is the plain text shown where cards cannot be rendered."""
    # An empty TextBlock still takes a line (and spacing) in every renderer: leave it out.
    body = [element for element in body if _has_text(element)]
    content: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": CARD_VERSION, "body": body}
    if actions:
        content["actions"] = actions
    if fallback:
        content["fallbackText"] = fallback
    return content


def title(text: str, *, attention: bool = False) -> dict[str, Any]:
    """A bold heading; *attention* colours it for warnings."""
    block = {"type": "TextBlock", "text": text, "weight": "Bolder", "size": "Medium", "wrap": True}
    if attention:
        block["color"] = "Attention"
    return block


def para(text: str, **style: Any) -> dict[str, Any]:
    """A wrapped paragraph with optional TextBlock styling."""
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def facts(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A FactSet of the pairs that have a value."""
    return {"type": "FactSet", "facts": [{"title": name, "value": value} for name, value in pairs if value]}


def submit(label: str, data: dict[str, Any], **style: Any) -> dict[str, Any]:
    """An Action.Submit whose data Teams posts back as the message's `value`."""
    return {"type": "Action.Submit", "title": label, "data": data, **style}


def open_url(label: str, url: str) -> dict[str, Any]:
    """A link button."""
    return {"type": "Action.OpenUrl", "title": label, "url": url}


def action_sets(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """*actions* as buttons in the body, a few per row set, so every client shows them all in order."""
    return [{"type": "ActionSet", "actions": actions[start:start + ACTIONS_PER_SET]}
            for start in range(0, len(actions), ACTIONS_PER_SET)]
