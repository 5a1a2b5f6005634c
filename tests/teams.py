"""Builders for Teams-shaped activities, as Teams posts them to /api/messages."""

from __future__ import annotations

import itertools
from typing import Any

TENANT = "72f988bf-0000-4000-8000-000000000001"
BOT_ID = "28:samrad-bot"
_ids = itertools.count(1)


def user(aad: str = "aad-staff-1", name: str = "Anna Personal") -> dict[str, Any]:
    return {"id": f"29:{aad}", "name": name, "aadObjectId": aad}


def personal_conversation(aad: str) -> dict[str, Any]:
    return {"id": f"a:personal-{aad}", "conversationType": "personal", "tenantId": TENANT}


def message(service_url: str, text: str | None = None, *, value: dict[str, Any] | None = None,
            sender: dict[str, Any] | None = None, locale: str = "sv-SE",
            conversation: dict[str, Any] | None = None, channel_data: dict[str, Any] | None = None
            ) -> dict[str, Any]:
    """A message from a staff member's personal chat (or the given conversation)."""
    sender = sender or user()
    activity: dict[str, Any] = {
        "type": "message",
        "id": f"msg-{next(_ids)}",
        "timestamp": "2026-11-24T09:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": sender,
        "conversation": conversation or personal_conversation(sender["aadObjectId"]),
        "recipient": {"id": BOT_ID, "name": "Samråd"},
        "locale": locale,
        "channelData": channel_data or {"tenant": {"id": TENANT}},
    }
    if text is not None:
        activity["text"] = text
    if value is not None:
        activity["value"] = value
    return activity


def personal_install(service_url: str, sender: dict[str, Any] | None = None, locale: str = "sv-SE"
                     ) -> dict[str, Any]:
    """The conversationUpdate Teams sends when a user installs the bot in personal scope."""
    sender = sender or user()
    return {
        "type": "conversationUpdate",
        "id": f"cu-{next(_ids)}",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": sender,
        "conversation": personal_conversation(sender["aadObjectId"]),
        "recipient": {"id": BOT_ID, "name": "Samråd"},
        "membersAdded": [{"id": BOT_ID}],
        "locale": locale,
        "channelData": {"tenant": {"id": TENANT}},
    }


def team_install(service_url: str, team_id: str = "19:team-farsta@thread.tacv2",
                 channel_id: str | None = None) -> dict[str, Any]:
    """The conversationUpdate Teams sends when the bot is added to a team."""
    channel_id = channel_id or team_id
    return {
        "type": "conversationUpdate",
        "id": f"cu-{next(_ids)}",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": user("aad-admin", "Team Owner"),
        "conversation": {"id": channel_id, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
        "recipient": {"id": BOT_ID, "name": "Samråd"},
        "membersAdded": [{"id": BOT_ID}],
        "channelData": {"tenant": {"id": TENANT}, "team": {"id": team_id, "name": "Socionomer Farsta"},
                        "channel": {"id": channel_id}, "eventType": "teamMemberAdded"},
    }
