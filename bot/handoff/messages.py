"""The handoff's outgoing messages as Bot Framework activity JSON: the protocol Teams speaks, not an SDK's objects.

The outbox stores them as they are; the Teams edge (bot/teams/messenger.py) turns them into activities when it
sends. Text is plain: whatever came from a user is already scrubbed and made inert for Markdown by the caller.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.handoff.ports import Card, Message, Reference

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
INITIATE = "handoff.initiate"
STATUS = "handoff.status"
# HandoffStates in the C#/JS SDKs, plus "completed" for a handoff that ended normally.
ACCEPTED = "accepted"
FAILED = "failed"
COMPLETED = "completed"


def text_message(text: str) -> Message:
    """A plain text message."""
    return {"type": "message", "text": text, "inputHint": "acceptingInput"}


def card_message(card: Card) -> Message:
    """A message carrying one Adaptive Card."""
    return {"type": "message", "attachmentLayout": "list",
            "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}]}


def is_event(message: Message) -> bool:
    """True for a Bot Framework event (informational: no activity id comes back)."""
    return message.get("type") == "event"


def _event(name: str, value: Any, conversation: Mapping[str, Any] | None) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "event", "name": name, "value": value, "id": str(uuid.uuid4()),
                             "timestamp": datetime.now(UTC).isoformat(), "attachments": [], "entities": []}
    if conversation is not None:
        event["conversation"] = dict(conversation)
    return event


def handoff_initiation(reference: Reference, handoff_context: Mapping[str, Any]) -> Message:
    """`EventFactory.create_handoff_initiation` of the C#/JS SDKs, from the triggering message's reference.

    botbuilder-python has no EventFactory; the fields are the same: the conversation, `from`, `relatesTo`,
    `replyToId`, `serviceUrl` and `channelId` of the message. No transcript on purpose: it is the staff member's
    words.
    """
    event = _event(INITIATE, dict(handoff_context), reference.get("conversation"))
    fields = {"from": reference.get("user"), "relatesTo": dict(reference), "replyToId": reference.get("activityId"),
              "serviceUrl": reference.get("serviceUrl"), "channelId": reference.get("channelId")}
    event.update({key: value for key, value in fields.items() if value is not None})
    return event


def handoff_status(reference: Reference | None, state: str, message: str | None = None) -> Message:
    """`EventFactory.create_handoff_status` in the conversation of *reference*."""
    return _event(STATUS, {"state": state, "message": message}, (reference or {}).get("conversation"))
