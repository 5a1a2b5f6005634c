"""Building blocks for Adaptive Cards 1.5 (Teams' limit), shared by every card in the product."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

CARD_VERSION = "1.5"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, *,
         fallback: str = "") -> Attachment:
    """An Adaptive Card attachment; *fallback* is the plain text shown where cards cannot be rendered."""
    content: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": CARD_VERSION, "body": body}
    if actions:
        content["actions"] = actions
    if fallback:
        content["fallbackText"] = fallback
    return CardFactory.adaptive_card(content)


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
