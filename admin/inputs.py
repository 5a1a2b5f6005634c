"""Reading what clients send: JSON bodies and text fields, with a specific 400 for anything unusable."""

from __future__ import annotations

import json
from typing import Any

from admin import text


class BadRequest(ValueError):
    """The request body or query cannot be used; the message is safe to show."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(raw: bytes | str) -> Any:
    """A JSON document as the API accepts it: no NaN or Infinity, nesting within Python's limits."""
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise BadRequest(text.JSON_TOO_DEEP) from None
    except ValueError:  # also UnicodeDecodeError
        raise BadRequest(text.JSON_OBJECT_EXPECTED) from None


def optional_text(body: dict[str, Any], name: str) -> str | None:
    """Field *name* of a JSON body: a string, or absent/null; BadRequest for any other type."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequest(text.FIELD_MUST_BE_TEXT.format(field=name))
    return value


def has_control(value: str) -> bool:
    """True when *value* holds a control character other than tab and line breaks (NUL included)."""
    return any((char < " " and char not in "\t\n\r") or "\x7f" <= char <= "\x9f" for char in value)
