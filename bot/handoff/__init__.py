"""Handoff to a human: a socionom takes the consultation, messages are relayed scrubbed, closed with an outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.handoff.engine import HandoffEngine
    from bot.handoff.ports import DirectorySource, HandoffSettings, Messenger, NoteRecords, ReferenceBook, Scrub
    from bot.handoff.retention import ConversationPurge

__all__ = ["build_handoff"]


# Every collaborator is passed explicitly and by name (svcs-style).
def build_handoff(*, settings: HandoffSettings, engine: AsyncEngine, messenger: Messenger,  # noqa: PLR0913
                  clock: Callable[[], datetime], references: ReferenceBook, records: NoteRecords,
                  routing: DirectorySource, scrub: Scrub, storage: ConversationPurge | None = None) -> HandoffEngine:
    """The handoff engine over *engine*'s tables; *scrub* is the dialogs' (place-aware) scrubber; performs no I/O."""
    # Imported here so `bot.handoff.handoff_tables` (used by Alembic) stays cheap to import.
    from bot.handoff.engine import HandoffEngine
    from bot.handoff.outbox_store import OutboxStore
    from bot.handoff.store import HandoffStore

    return HandoffEngine(settings=settings, store=HandoffStore(engine, clock), queue=OutboxStore(engine, clock),
                         messenger=messenger, references=references, records=records, routing=routing, scrub=scrub,
                         storage=storage)
