"""Inbound activities checked and cleaned at the edge: a specific 400 for a malformed one, control characters gone.

Everything here runs before the Bot Framework adapter, the dialogs or any storage sees the activity, so a NUL byte
(which PostgreSQL refuses in text) or a terminal escape sequence can never reach a table, a log or a card.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

# Deeper than any activity Teams sends (card submits nest a few levels); deeper JSON is refused, not walked.
MAX_DEPTH = 32
# C0 and C1 control characters and DEL, except tab, line feed and carriage return, which free text may contain.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Top-level fields that must be strings when present (None counts as absent).
STRING_FIELDS = ("type", "id", "text", "serviceUrl", "channelId", "locale", "name", "timestamp",
                 "localTimestamp", "textFormat", "replyToId", "action", "inputHint", "summary", "topicName")
ACCOUNT_FIELDS = ("from", "recipient", "conversation")
LIST_FIELDS = ("membersAdded", "membersRemoved", "entities", "attachments", "reactionsAdded", "reactionsRemoved")
OBJECT_FIELDS = ("channelData",)
# Without these the bot cannot answer, so an activity lacking them is refused rather than half-handled.
REQUIRED = ("type", "serviceUrl", "conversation")
ACTIVITIES_FROM_A_PERSON = ("message", "invoke")


class ActivityError(ValueError):
    """The request body is not an activity the bot can handle; the message says which part is wrong."""


def clean_text(text: str) -> str:
    """*text* without control characters (tab and line breaks stay)."""
    return CONTROL_CHARACTERS.sub("", text)


def _depth_exceeds(value: Any, limit: int) -> bool:
    """True when *value* nests containers deeper than *limit* (iterative: deep input cannot exhaust the stack)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return False


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(key)): _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _check_account(name: str, account: Any) -> None:
    if not isinstance(account, dict):
        raise ActivityError(f"'{name}' must be an object")
    for key in ("id", "name", "aadObjectId", "conversationType", "tenantId", "role"):
        if account.get(key) is not None and not isinstance(account[key], str):
            raise ActivityError(f"'{name}.{key}' must be a string")
    if account.get("isGroup") is not None and not isinstance(account["isGroup"], bool):
        raise ActivityError(f"'{name}.isGroup' must be true or false")


def check_activity(body: Any) -> dict[str, Any]:
    """The activity with control characters removed from every string; ActivityError says what is malformed."""
    if not isinstance(body, dict):
        raise ActivityError("the body must be a JSON object (a Bot Framework activity)")
    if _depth_exceeds(body, MAX_DEPTH):
        raise ActivityError(f"the activity is nested deeper than {MAX_DEPTH} levels")
    for key in STRING_FIELDS:
        if body.get(key) is not None and not isinstance(body[key], str):
            raise ActivityError(f"'{key}' must be a string")
    for key in REQUIRED:
        if not body.get(key):
            raise ActivityError(f"'{key}' is missing")
    for key in ACCOUNT_FIELDS:
        if body.get(key) is not None:
            _check_account(key, body[key])
    if not (body["conversation"].get("id") or "").strip():
        raise ActivityError("'conversation.id' is missing")
    for key in LIST_FIELDS:
        items = body.get(key)
        if items is not None and (not isinstance(items, list) or not all(isinstance(i, dict) for i in items)):
            raise ActivityError(f"'{key}' must be a list of objects")
    for key in OBJECT_FIELDS:
        if body.get(key) is not None and not isinstance(body[key], dict):
            raise ActivityError(f"'{key}' must be an object")
    if body["type"] in ACTIVITIES_FROM_A_PERSON and not (body.get("from") or {}).get("id"):
        raise ActivityError("'from.id' is missing")
    try:
        url = urlsplit(body["serviceUrl"])
        valid = url.scheme in ("http", "https") and bool(url.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        valid = False
    if not valid:
        raise ActivityError("'serviceUrl' must be an http(s) URL")
    return _cleaned(body)
