"""Reading what clients send: JSON bodies, text fields, days, times and the handoff filters, with a specific 400
for anything unusable."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypedDict

from aiohttp import web

from admin import text
from admin.handoffs import STATES

# Route-test times outside these years cannot be converted to Stockholm time everywhere (year 1, 9999).
ROUTE_TEST_YEARS = (1900, 2200)
MAX_PAGE = 100_000
_TRUE = frozenset({"1", "true", "ja", "yes", "on"})


class BadRequestError(ValueError):
    """The request body or query cannot be used; the message is safe to show."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(raw: bytes | str) -> Any:
    """A JSON document as the API accepts it: no NaN or Infinity, nesting within Python's limits."""
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise BadRequestError(text.JSON_TOO_DEEP) from None
    except ValueError:  # also UnicodeDecodeError
        raise BadRequestError(text.JSON_OBJECT_EXPECTED) from None


async def json_body(request: web.Request) -> dict[str, Any]:
    """The request's body as a JSON object; BadRequestError for anything else."""
    body = parse_json(await request.read())
    if not isinstance(body, dict):
        raise BadRequestError(text.JSON_OBJECT_EXPECTED)
    return body


def optional_text(body: dict[str, Any], name: str) -> str | None:
    """Field *name* of a JSON body: a string, or absent/null; BadRequestError for any other type."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequestError(text.FIELD_MUST_BE_TEXT.format(field=name))
    return value


def has_control(value: str) -> bool:
    """True when *value* holds a control character other than tab and line breaks (NUL included)."""
    return any((char < " " and char not in "\t\n\r") or "\x7f" <= char <= "\x9f" for char in value)


def flag(value: str | None) -> bool:
    """A query flag: "1", "true", "ja", "yes" or "on" (any case) is set; anything else is not."""
    return (value or "").lower() in _TRUE


def iso_date(value: str | None, name: str, *, message: str = text.DATE_EXPECTED) -> date | None:
    """A "2026-03-01" date, or None when empty; BadRequestError with *message* about *name* otherwise."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(message.format(name=name)) from None


def parse_when(value: object) -> datetime | None:
    """A "2026-03-04T14:30" time (Stockholm local when naive) between 1900 and 2200, or None for now."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRequestError(text.TIME_EXPECTED)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequestError(text.TIME_EXPECTED) from None
    first, last = ROUTE_TEST_YEARS
    if not first <= when.year <= last:
        raise BadRequestError(text.TIME_YEARS.format(first=first, last=last))
    return when


class HandoffFilters(TypedDict):
    """What a handoff listing is limited to."""

    district: str | None
    state: str | None
    mine: bool
    since: date | None
    until: date | None


def handoff_filters(query: Mapping[str, str]) -> HandoffFilters:
    """The list filters from a query string: district, state, `mine` (also `mina`), `from` and `to` (days)."""
    state = query.get("state") or None
    if state and state not in STATES:
        raise BadRequestError(text.STATE_EXPECTED.format(states=", ".join(STATES)))
    since = iso_date(query.get("from"), "from", message=text.DAY_EXPECTED)
    until = iso_date(query.get("to"), "to", message=text.DAY_EXPECTED)
    if since is not None and until is not None and since > until:
        raise BadRequestError(text.DAYS_IN_ORDER)
    return {"district": query.get("district") or None, "state": state,
            "mine": flag(query.get("mine")) or flag(query.get("mina")), "since": since, "until": until}


def handoff_page(query: Mapping[str, str]) -> int:
    """The page number asked for (from 1)."""
    raw = query.get("page") or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise BadRequestError(text.PAGE_EXPECTED)
    return int(raw)
