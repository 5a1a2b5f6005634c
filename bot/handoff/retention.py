"""The retention purge: after `retention_days`, transcripts, note summaries and abandoned state go; counts stay."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Protocol

from bot.handoff.model import PurgeResult
from bot.handoff.store import HandoffStore

log = logging.getLogger(__name__)


class RetentionSettings(Protocol):
    """The one setting retention reads (read at each purge)."""

    @property
    def retention_days(self) -> int: ...


class NotePurge(Protocol):
    """The consultation notes: summaries older than a number of days are blanked."""

    async def purge(self, older_than_days: int) -> int: ...


class ConversationPurge(Protocol):
    """The dialogs' storage: conversation state abandoned before a cutoff is deleted."""

    async def purge_conversations(self, cutoff: datetime) -> int: ...


class Retention:
    """Purges handoffs, notes and abandoned conversation state older than the retention period."""

    def __init__(self, *, settings: RetentionSettings, store: HandoffStore, records: NotePurge | None,
                 storage: ConversationPurge | None = None) -> None:
        self._settings = settings
        self._store = store
        self._records = records
        self._storage = storage

    async def purge(self) -> PurgeResult:
        """Blank every handoff older than the retention period, whatever its state; delete transcripts; counts stay."""
        days = self._settings.retention_days
        result = await self._store.purge(self._store.now() - timedelta(days=days))
        notes = await self._records.purge(days) if self._records is not None else 0
        conversations = (await self._storage.purge_conversations(self._store.now() - timedelta(days=days))
                         if self._storage is not None else 0)
        log.info("handoff purge", extra={"event": "handoff_purged", "messages": result.messages,
                                         "handoffs": result.handoffs, "notes": notes, "count": conversations})
        return PurgeResult(messages=result.messages, handoffs=result.handoffs, notes=notes,
                           conversations=conversations, ended=result.ended, outbox=result.outbox)
