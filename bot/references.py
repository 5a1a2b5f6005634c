"""Stored conversation references: how to reach a user's personal chat or a team channel later."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation_tables import ConversationRefRow

USER = "user"
CHANNEL = "channel"


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
    """Saves and loads conversation references; writes only when a stored reference differs.

    There is no in-process memory of what was stored: another replica may have deleted the row (an
    uninstall it handled), so every turn asks the database — one conditional UPDATE that changes nothing
    when the reference is current, and an INSERT when the row is missing.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def remember(self, activity: Activity) -> None:
        """Store the reference of every target *activity* reveals (user personal chat, team channel)."""
        for target in targets_of(activity):
            reference = TurnContext.get_conversation_reference(activity)
            # The triggering message's id changes every turn and a proactive message needs none.
            reference.activity_id = None
            if target.kind == CHANNEL:
                # Proactive posts go to the channel itself, not to a reply thread within it.
                reference.conversation.id = reference.conversation.id.split(";messageid=")[0]
            name = activity.from_property.name if target.kind == USER and activity.from_property else None
            await self._save(target, reference, activity, name)

    async def _save(self, target: Target, reference: ConversationReference, activity: Activity,
                    name: str | None) -> None:
        channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
        tenant = (channel_data.get("tenant") or {}).get("id") if channel_data else None
        serialized = json.dumps(reference.serialize())
        values = {
            "tenant_id": tenant or (activity.conversation.tenant_id if activity.conversation else None),
            "conversation_id": reference.conversation.id,
            "service_url": reference.service_url or "",
            "reference": serialized,
            "display_name": name,
            "updated_at": datetime.now(UTC),
        }
        table = ConversationRefRow.__table__
        mine = (table.c.kind == target.kind) & (table.c.target_id == target.target_id)
        async with self._engine.connect() as connection:
            stored = (await connection.execute(select(table.c.reference, table.c.display_name).where(mine))).first()
        if stored is not None and stored.reference == serialized and stored.display_name == name:
            return  # current: a steady-state turn costs one read
        async with self._engine.begin() as connection:
            result = await connection.execute(update(table).where(mine).values(**values))
            if result.rowcount == 0:
                try:
                    async with connection.begin_nested():
                        await connection.execute(table.insert().values(kind=target.kind,
                                                                       target_id=target.target_id, **values))
                except IntegrityError:
                    pass  # a concurrent turn stored the same target; both references are equally fresh

    async def forget(self, activity: Activity) -> int:
        """Delete the references *activity* reveals (the bot was uninstalled or removed from a team)."""
        table = ConversationRefRow.__table__
        removed = 0
        async with self._engine.begin() as connection:
            for target in targets_of(activity):
                result = await connection.execute(
                    delete(table).where(table.c.kind == target.kind, table.c.target_id == target.target_id))
                removed += result.rowcount
        return removed

    async def find(self, kind: str, target_id: str) -> ConversationReference | None:
        """The stored reference for a user (AAD object id) or channel id, or None."""
        table = ConversationRefRow.__table__
        async with self._engine.connect() as connection:
            row = (await connection.execute(
                select(table.c.reference).where(table.c.kind == kind, table.c.target_id == target_id)
            )).first()
        if row is None:
            return None
        return ConversationReference().deserialize(json.loads(row.reference))

    async def display_name(self, kind: str, target_id: str) -> str | None:
        """The last display name seen for a target (users only)."""
        table = ConversationRefRow.__table__
        async with self._engine.connect() as connection:
            return (await connection.execute(
                select(table.c.display_name).where(table.c.kind == kind, table.c.target_id == target_id)
            )).scalar()
