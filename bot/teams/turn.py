"""The handoff at the Teams edge: a botbuilder TurnContext read as the handoff's `Turn`, and the engine offered to
the activity handler (as an interceptor) and to the dialogs (as their HandoffPort)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext

from bot.handoff.ports import Card, Sender
from bot.teams.references import CHANNEL, targets_of
from dialogs.ports import RESUME_DIALOGS
from routing.route import RouteDecision

if TYPE_CHECKING:
    from bot.handoff.engine import HandoffEngine


def attachment(card: Card) -> Any:
    """An Adaptive Card's content as a botbuilder attachment."""
    return CardFactory.adaptive_card(card)


class TeamsTurn:
    """Implements the handoff's `Turn` over botbuilder's TurnContext."""

    def __init__(self, context: TurnContext) -> None:
        self.context = context

    @property
    def conversation_id(self) -> str | None:
        conversation = self.context.activity.conversation
        return conversation.id if conversation is not None else None

    @property
    def channel_id(self) -> str | None:
        return next((t.target_id for t in targets_of(self.context.activity) if t.kind == CHANNEL), None)

    @property
    def sender(self) -> Sender | None:
        account = self.context.activity.from_property
        return Sender(account.id, account.aad_object_id, account.name) if account is not None else None

    @property
    def locale(self) -> str | None:
        locale: str | None = self.context.activity.locale
        return locale

    @property
    def text(self) -> str | None:
        text: str | None = self.context.activity.text
        return text

    @property
    def value(self) -> object:
        return self.context.activity.value

    def reference(self) -> dict[str, Any]:
        serialized: dict[str, Any] = TurnContext.get_conversation_reference(self.context.activity).serialize()
        return serialized

    async def reply(self, text: str) -> None:
        await self.context.send_activity(text)

    async def reply_card(self, card: Card) -> None:
        await self.context.send_activity(MessageFactory.attachment(attachment(card)))

    def resume_dialogs(self) -> None:
        self.context.turn_state[RESUME_DIALOGS] = True


class TeamsHandoff:
    """The handoff engine for botbuilder callers: the handler's interceptor and the dialogs' HandoffPort."""

    def __init__(self, engine: HandoffEngine) -> None:
        self.engine = engine

    async def intercept(self, turn_context: TurnContext) -> bool:
        """Take the handoff's card actions and the messages of a staff member or socionom in a handoff."""
        return await self.engine.intercept(TeamsTurn(turn_context))

    async def request(self, context: TurnContext, note: dict[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        """Start a handoff for *note* along *route* from the staff member's conversation."""
        await self.engine.request(TeamsTurn(context), note, route, share_name=share_name)
