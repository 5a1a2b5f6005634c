"""What the handoff lifecycle needs from the rest of Samråd, as Protocols over plain values.

The Teams edge (bot/teams/) implements `Turn` and `Messenger` over botbuilder; the wiring passes the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.scrubbing import DirectorySource, Scrub

Card = dict[str, Any]  # an Adaptive Card's content (the JSON of the card itself)
Message = Mapping[str, Any]  # one outgoing activity as Bot Framework JSON, as the outbox stores it
Payload = Sequence[Message]
Reference = Mapping[str, Any]  # a conversation reference as Bot Framework JSON: where a message can be sent later
__all__ = ["Card", "DirectorySource", "HandoffSettings", "Message", "Messenger", "NoteRecords", "Payload", "Reference",
           "ReferenceBook", "Scrub", "Sender", "Turn"]


@dataclass(frozen=True)
class Sender:
    """Who wrote: the Teams user id, the Entra ID object id when Teams gives one, the display name."""

    id: str | None
    aad_object_id: str | None = None
    name: str | None = None

    @property
    def key(self) -> str | None:
        """The id the handoff stores for a person: the Entra ID object id, else the Teams id."""
        return self.aad_object_id or self.id

    @property
    def ids(self) -> set[str]:
        """Every id this person is known by."""
        return {found for found in (self.aad_object_id, self.id) if found}


class Turn(Protocol):
    """The incoming activity as the handoff reads it, and the replies it sends in the same turn."""

    @property
    def conversation_id(self) -> str | None: ...
    @property
    def channel_id(self) -> str | None:
        """The Teams channel the message was posted in; None outside a channel."""
    @property
    def sender(self) -> Sender | None: ...
    @property
    def locale(self) -> str | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def value(self) -> object:
        """A card submit's data (a JSON value), else None."""

    def reference(self) -> dict[str, Any]:
        """The conversation reference of this turn's activity."""

    async def reply(self, text: str) -> None: ...
    async def reply_card(self, card: Card) -> None: ...

    def resume_dialogs(self) -> None:
        """Let the dialogs carry on with this turn after the handoff handled it (a withdrawn request)."""


class HandoffSettings(Protocol):
    """The settings the handoff reads (at the moment it needs them)."""

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


class ReferenceBook(Protocol):
    """Conversation references remembered from Teams, by target (a user, a channel)."""

    async def find(self, kind: str, target_id: str) -> Reference | None:
        """The stored reference, or None when the app was never installed there (or was removed)."""


class NoteRecords(Protocol):
    """The consultation notes: marked when they lead to a handoff, purged after the retention period."""

    async def mark_handoff(self, note_id: str) -> None: ...
    async def purge(self, older_than_days: int) -> int: ...


class Messenger(Protocol):
    """The Teams edge: sends, cards and card updates, in the current turn when it is that conversation."""

    async def send(self, reference: Reference | None, payload: Payload, *,
                   turn: Turn | None = None) -> list[str | None]:
        """Send *payload*; the activity ids (None for events)."""

    async def send_card(self, reference: Reference | None, card: Card, *, turn: Turn | None = None) -> str | None:
        """Send one card; its activity id."""

    async def update_card(self, target: tuple[str, str], conversation_id: str | None, activity_id: str, card: Card,
                          *, turn: Turn | None = None) -> None:
        """Replace a sent card (in this turn when it is that conversation, else through *target*'s reference)."""

    async def emit(self, turn: Turn, event: Message) -> None:
        """Send a Bot Framework event in this turn, best effort."""
