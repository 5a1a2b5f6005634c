"""What the dialogs need from the rest of Samråd, handed to MainDialog in one dataclass."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from botbuilder.core import TurnContext, UserState

from knowledge.scrub import Scrubbed, scrub
from routing.decision import ESERVICE_URL
from routing.route import RouteDecision

if TYPE_CHECKING:
    from knowledge.faq import Faq
    from routing.service import RoutingService


class ConsultationRecorder(Protocol):
    """Stores anonymous consultation notes (konsultationsanteckningar)."""

    async def record(self, note: dict[str, Any]) -> str:
        """Store *note* (already scrubbed, no child data) and return its id."""
        ...

    async def update(self, note_id: str, note: dict[str, Any]) -> None:
        """Bring the note *note_id* up to date (the same consultation, later answers)."""
        ...


# Set in the turn by whatever took the message before the dialogs and then gave the conversation back to them
# (a withdrawn handoff request): the dialogs resume what they were doing, reading nothing of the message itself.
RESUME_DIALOGS = "samrad.resume_dialogs"


class HandoffPort(Protocol):
    """The handoff engine: connects the staff member with a socionom and takes over the conversation."""

    async def request(self, context: TurnContext, note: dict[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        """Start a handoff for *note* along *route*; the engine sends its own messages."""
        ...


Scrub = Callable[[str], Awaitable[Scrubbed]]


async def default_scrub(text: str) -> Scrubbed:
    """The scrubber without preschool names (tests; the app passes one that knows them)."""
    return scrub(text)


@dataclass
class DialogServices:
    """Everything the dialogs use, passed in so tests can swap any part."""

    routing: RoutingService
    faq: Faq
    clock: Callable[[], datetime]
    recorder: ConsultationRecorder
    handoff: HandoffPort
    user_state: UserState
    scrub: Scrub = default_scrub  # masks personal data and preschool names before anything is kept
    eservice_url: str = ESERVICE_URL  # the city's e-service for reports (settings: ESERVICE_URL)
