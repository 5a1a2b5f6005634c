"""Bot Framework handoff events (`handoff.initiate`, `handoff.status`), shaped like botbuilder's EventFactory.

botbuilder-python 4.17 has no `EventFactory` (C# and JS do), so the two activities are built here with the
same fields: an `event` activity with `name`, `value`, the conversation and, for the initiation, `from`,
`relates_to`, `reply_to_id`, `service_url` and `channel_id` of the triggering message. The initiation carries
no transcript attachment on purpose: the transcript is the staff member's words.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationAccount

INITIATE = "handoff.initiate"
STATUS = "handoff.status"
# HandoffStates in the C#/JS SDKs, plus "completed" for a handoff that ended normally.
ACCEPTED = "accepted"
FAILED = "failed"
COMPLETED = "completed"


def _event(name: str, value: Any, conversation: ConversationAccount | None) -> Activity:
    return Activity(type=ActivityTypes.event, name=name, value=value, id=str(uuid.uuid4()),
                    timestamp=datetime.now(UTC), conversation=conversation, attachments=[], entities=[])


def handoff_initiation(turn_context: TurnContext, handoff_context: dict[str, Any]) -> Activity:
    """`EventFactory.create_handoff_initiation(turn_context, handoff_context)` without a transcript."""
    incoming = turn_context.activity
    activity = _event(INITIATE, handoff_context, incoming.conversation)
    activity.from_property = incoming.from_property
    activity.relates_to = TurnContext.get_conversation_reference(incoming)
    activity.reply_to_id = incoming.id
    activity.service_url = incoming.service_url
    activity.channel_id = incoming.channel_id
    return activity


def handoff_status(conversation: ConversationAccount | None, state: str, message: str | None = None) -> Activity:
    """`EventFactory.create_handoff_status(conversation, state, message)`."""
    return _event(STATUS, {"state": state, "message": message}, conversation)
