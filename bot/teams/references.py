"""Conversation references from Teams activities: which user or channel an activity reveals, remembered in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationReference

from bot.handoff.model import TargetKind
from bot.reference_store import ReferenceStore

USER = TargetKind.USER.value
CHANNEL = TargetKind.CHANNEL.value


@dataclass(frozen=True)
class Target:
    """Who a reference reaches: a user (by AAD object id) or a channel (by Teams channel id)."""

    kind: str
    target_id: str


def targets_of(activity: Activity) -> list[Target]:
    """The targets an incoming activity lets the bot reach later (personal chat user, team channel)."""
    conversation = activity.conversation
    if conversation is None:
        return []
    found: list[Target] = []
    conversation_type = (conversation.conversation_type or "personal").lower()
    channel_data = activity.channel_data or {}
    if not isinstance(channel_data, dict):
        channel_data = getattr(channel_data, "__dict__", {}) or {}
    if conversation_type == "personal":
        user = activity.from_property
        if user is not None and user.role != "bot":
            key = user.aad_object_id or user.id
            if key:
                found.append(Target(USER, key))
    elif conversation_type == "channel":
        channel = channel_data.get("channel") or {}
        team = channel_data.get("team") or {}
        channel_id = channel.get("id") if isinstance(channel, dict) else None
        if not channel_id and isinstance(team, dict):
            channel_id = team.get("id")  # the General channel shares the team's id
        if channel_id:
            found.append(Target(CHANNEL, channel_id))
    return found


class ConversationReferences:
    """Remembers and forgets where the activities' senders and channels are; finds them as botbuilder references."""

    def __init__(self, store: ReferenceStore) -> None:
        self.store = store

    async def remember(self, activity: Activity) -> None:
        """Store the reference of every target *activity* reveals (user personal chat, team channel)."""
        channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
        tenant = (channel_data.get("tenant") or {}).get("id") if channel_data else None
        tenant = tenant or (activity.conversation.tenant_id if activity.conversation else None)
        for target in targets_of(activity):
            reference = TurnContext.get_conversation_reference(activity)
            # The triggering message's id changes every turn and a proactive message needs none.
            reference.activity_id = None
            if target.kind == CHANNEL:
                # Proactive posts go to the channel itself, not to a reply thread within it.
                reference.conversation.id = reference.conversation.id.split(";messageid=")[0]
            name = activity.from_property.name if target.kind == USER and activity.from_property else None
            await self.store.save(target.kind, target.target_id, reference.serialize(), tenant_id=tenant,
                                  display_name=name, trusted=activity.type == ActivityTypes.message)

    async def forget(self, activity: Activity) -> int:
        """Delete the references *activity* reveals (the bot was uninstalled or removed from a team)."""
        return await self.store.forget([(target.kind, target.target_id) for target in targets_of(activity)])

    async def find(self, kind: str, target_id: str) -> ConversationReference | None:
        """The stored reference for a user (AAD object id) or channel id, or None."""
        stored = await self.store.find(kind, target_id)
        return ConversationReference().deserialize(stored) if stored is not None else None

    async def display_name(self, kind: str, target_id: str) -> str | None:
        """The last display name seen for a target (users only)."""
        return await self.store.display_name(kind, target_id)
