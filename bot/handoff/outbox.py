"""Sending the handoff's outbox: each queued row goes out through the messenger and is marked sent or retried."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from zoneinfo import ZoneInfo

from bot.handoff import wording
from bot.handoff.model import OFFER, SEND, UPDATE, WAITING, Pending
from bot.handoff.outbox_store import OutboxStore
from bot.handoff.ports import Messenger, Turn
from bot.handoff.store import HandoffStore

log = logging.getLogger(__name__)


class _NotYetError(Exception):
    """An outbox row cannot be delivered yet (an update whose card is still on its way)."""


class OutboxSender:
    """Delivers outbox rows: messages as queued, offer cards drawn when sent, card updates once the card is out."""

    def __init__(self, *, store: HandoffStore, queue: OutboxStore, messenger: Messenger, zone: ZoneInfo,
                 fault: Callable[[str], None]) -> None:
        self._store = store
        self._queue = queue
        self._messenger = messenger
        self._zone = zone
        self._fault = fault

    async def deliver(self, owner: str, *, turn: Turn | None = None) -> int:
        """Send the rows *owner* queued (in this turn if one of them is for this conversation)."""
        sent = 0
        for row in await self._queue.leased(owner):
            sent += await self.deliver_row(row, owner, turn=turn)
        return sent

    async def deliver_row(self, row: Pending, owner: str, *, turn: Turn | None = None) -> int:
        """Send one outbox row and mark it sent; on failure it is given back for a later attempt."""
        try:
            activity_id = await self._send_row(row, turn)
        except _NotYetError:
            await self._queue.retry(row, owner, "not_yet", soon=True)
            return 0
        except Exception as error:  # an unreachable conversation must not stop the others; retried with back-off
            log.warning("handoff notification not delivered", extra={
                "event": "handoff_outbox_failed", "handoff_id": row.handoff_id, "outbox_kind": row.kind,
                "error_type": type(error).__name__})
            await self._queue.retry(row, owner, type(error).__name__)
            return 0
        await self._queue.sent(row, owner, activity_id=activity_id)
        self._fault(f"delivered:{row.key}")
        return 1

    async def sweep(self, owner: str | None = None, *, handoff_id: str | None = None) -> int:
        """Send every due outbox row nobody holds (queued by a process that died, or to retry), or only those of
        *handoff_id*; returns how many."""
        owner = owner or uuid.uuid4().hex
        sent = 0
        for row in await self._queue.lease(owner, handoff_id=handoff_id):
            sent += await self.deliver_row(row, owner)
        if sent and handoff_id is None:
            log.info("handoff outbox swept", extra={"event": "handoff_outbox_swept", "count": sent})
        return sent

    async def _send_row(self, row: Pending, turn: Turn | None) -> str | None:
        if row.kind == SEND:
            ids = await self._messenger.send(row.reference, row.payload or [], turn=turn)
            return next((i for i in ids if i), None)
        handoff = await self._store.get(row.handoff_id)
        if handoff is None or row.notice_id is None:
            return None
        notice = await self._store.notice(row.notice_id)
        if notice is None:
            return None
        if row.kind == OFFER:
            if handoff.state not in WAITING:
                return None  # taken, withdrawn or expired before this card went out: nothing to offer
            card = wording.offer_card(handoff, notice.lang, self._store.now(), self._zone, stage=notice.stage)
            return await self._messenger.send_card(row.reference, card, turn=turn)
        if row.kind == UPDATE:
            if not notice.activity_id:
                if await self._queue.offer_pending(notice.id):
                    raise _NotYetError
                return None  # the card never went out: nothing to update
            card = wording.offer_card(handoff, notice.lang, self._store.now(), self._zone, stage=notice.stage,
                                      status=wording.status_text(handoff, notice.lang))
            await self._messenger.update_card((notice.kind, notice.target_id), notice.conversation_id,
                                              notice.activity_id, card, turn=turn)
        return None
