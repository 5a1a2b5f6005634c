"""The relay between a staff member and the socionom: each message scrubbed once, stored and forwarded together."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.handoff import cards, wording
from bot.handoff.messages import text_message
from bot.handoff.model import Handoff, Outgoing
from bot.handoff.outbox import OutboxSender
from bot.handoff.ports import Scrub, Turn
from bot.handoff.store import HandoffStore
from dialogs.cardkit import plain
from dialogs.text import say
from knowledge.scrub import Scrubbed


class Relay:
    """Forwards typed messages both ways (scrubbed, then made inert for Markdown) and says when something was masked."""

    def __init__(self, *, store: HandoffStore, scrub: Scrub, outbox: OutboxSender, zone: ZoneInfo,
                 idle_timeout: Callable[[], timedelta]) -> None:
        self._store = store
        self._scrub = scrub  # the dialogs' scrubber: it also masks the preschool names of the routing tables
        self._outbox = outbox
        self._zone = zone
        self._idle_timeout = idle_timeout

    async def scrub(self, text: str) -> Scrubbed:
        """The one place relay text is scrubbed, in both directions, before it is stored or forwarded."""
        return await self._scrub(text)

    async def from_staff(self, turn: Turn, handoff: Handoff, text: str, *, acute: bool) -> None:
        """Forward the staff member's message to the socionom (flagged when it sounded acute)."""
        scrubbed = await self.scrub(text)
        socionom_lang = handoff.claimer_lang or "sv"
        # Scrubbed first, then made inert for Markdown: the words arrive as typed, never as a link or a heading.
        lines = [say(socionom_lang, "relay.from", who=plain(wording.staff_label(handoff, socionom_lang)),
                     text=plain(scrubbed.text))]
        if acute:
            lines.append(say(socionom_lang, "relay.acute_flag"))
        owner = uuid.uuid4().hex
        await self._store.add_message(handoff.id, "staff", scrubbed.text, scrubbed.kinds, owner=owner,
                                      idle_after=self._idle_timeout(), outbox=[Outgoing(
                                          f"relay:{uuid.uuid4().hex}", reference=handoff.claimer_reference,
                                          payload=[text_message(line) for line in lines])])
        await self._outbox.deliver(owner, turn=turn)
        if scrubbed.kinds:
            await turn.reply(say(handoff.lang, "relay.masked"))

    async def from_socionom(self, turn: Turn, handoff: Handoff, text: str) -> None:
        """Forward the socionom's message to the staff member."""
        scrubbed = await self.scrub(text)
        who = plain(f"{handoff.claimer_name} ({handoff.claimer_role})")
        owner = uuid.uuid4().hex
        await self._store.add_message(handoff.id, "socionom", scrubbed.text, scrubbed.kinds, owner=owner,
                                      idle_after=self._idle_timeout(), outbox=[Outgoing(
                                          f"relay:{uuid.uuid4().hex}", reference=handoff.staff_reference,
                                          payload=[text_message(say(
                                              handoff.lang, "relay.from", who=who, text=plain(scrubbed.text)))])])
        await self._outbox.deliver(owner, turn=turn)
        if scrubbed.kinds:
            await turn.reply(say(handoff.claimer_lang or "sv", "relay.masked"))

    async def ask_which(self, turn: Turn, handoffs: Sequence[Handoff], text: str) -> None:
        """Several conversations and no choice yet: ask which one, carrying the (scrubbed) message along."""
        lang = handoffs[0].claimer_lang or "sv"
        options = [(h.id, wording.handoff_label(h, lang, self._zone)) for h in handoffs]
        carried = (await self.scrub(text)).text
        await turn.reply_card(cards.choose_handoff_card(lang, say(lang, "relay.focus.ask"), options, carried))

    @staticmethod
    def current(handoffs: Sequence[Handoff]) -> Handoff | None:
        """The handoff a socionom's typed message is for, or None when they must choose.

        A choice holds until another conversation starts (a claim clears the claimer's earlier choices).
        """
        if len(handoffs) == 1:
            return handoffs[0]
        chosen = [(h.focus_at, h) for h in handoffs if h.focus_at is not None]
        return max(chosen, key=lambda pair: pair[0])[1] if chosen else None
