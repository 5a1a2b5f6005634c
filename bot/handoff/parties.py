"""Who writes in a turn of a handoff — the staff member who asked, the socionom who took it, someone else — and the
language to answer them in."""

from __future__ import annotations

from bot.handoff import wording
from bot.handoff.model import Handoff
from bot.handoff.ports import Turn


def is_staff(turn: Turn, handoff: Handoff) -> bool:
    """True in the conversation the staff member asked from."""
    return turn.conversation_id is not None and turn.conversation_id == handoff.staff_conversation_id


def is_claimer(turn: Turn, handoff: Handoff) -> bool:
    """True when the socionom who took the request wrote."""
    return turn.sender is not None and handoff.claimed_by is not None and handoff.claimed_by in turn.sender.ids


def claimer_lang(handoff: Handoff) -> str:
    """The language of the socionom who took the request."""
    return handoff.claimer_lang or "sv"


def lang_of(turn: Turn, handoff: Handoff | None = None) -> str:
    """The language of whoever wrote: the staff member's choice kept on the handoff, the claimer's, else the Teams
    locale (a socionom who has not taken the request)."""
    if handoff is not None and is_staff(turn, handoff):
        return handoff.lang
    if handoff is not None and is_claimer(turn, handoff):
        return claimer_lang(handoff)
    return wording.lang_of_locale(turn.locale)
