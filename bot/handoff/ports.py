"""What the handoff lifecycle needs from the rest of Samråd, as Protocols (the wiring passes the real objects)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from routing.model import Directory

# The turn of the incoming activity: botbuilder's TurnContext at the Teams edge. Named, not imported, so the lifecycle
# holds no botbuilder import (botbuilder ships no type information, so mypy sees Any either way).
Turn = Any
Payload = Sequence[Mapping[str, Any]]  # serialized Bot Framework activities, as the outbox stores them


class HandoffSettings(Protocol):
    """The settings the handoff reads (at the moment it needs them)."""

    @property
    def app_id(self) -> str: ...
    @property
    def claim_timeout_minutes(self) -> int: ...
    @property
    def relay_idle_minutes(self) -> int: ...
    @property
    def retention_days(self) -> int: ...
    @property
    def eservice_url(self) -> str: ...
    @property
    def timezone(self) -> str: ...


class Reference(Protocol):
    """A stored conversation reference: where a proactive message can be sent."""

    locale: str | None
    conversation: Any

    def serialize(self) -> dict[str, Any]: ...


class ReferenceBook(Protocol):
    """Conversation references remembered from Teams, by target (a user, a channel)."""

    async def find(self, kind: str, target_id: str) -> Any: ...  # a Reference, or None when never installed


class NoteRecords(Protocol):
    """The consultation notes: marked when they lead to a handoff, purged after the retention period."""

    async def mark_handoff(self, note_id: str) -> None: ...
    async def purge(self, older_than_days: int) -> int: ...


class DirectorySource(Protocol):
    """The routing service: a fresh Directory (opening hours, on-call shifts, contacts)."""

    async def directory(self) -> Directory: ...


class Messenger(Protocol):
    """The Teams edge: sends, cards and card updates, in the current turn when it is that conversation."""

    async def send(self, reference: Mapping[str, Any] | None, payload: Payload, *,
                   turn: Any = None) -> list[str | None]: ...
    async def send_card(self, reference: Mapping[str, Any] | None, card: Any, *, turn: Any = None) -> str | None: ...
    async def update_card(self, target: tuple[str, str], conversation_id: str | None, activity_id: str, card: Any, *,
                          turn: Any = None) -> None: ...
    async def emit(self, turn: Any, event: Any) -> None: ...
