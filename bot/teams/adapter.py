"""The Bot Framework adapter: authentication that fails closed, turns counted, an activity's JSON in and the HTTP
answer out (the two translations the aiohttp endpoint needs, and nothing else)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.metrics import mark_turn_failed, metered_send, metered_turn
from bot.settings import Settings
from bot.teams.auth import create_authentication

TurnHandler = Callable[[TurnContext], Awaitable[None]]
ErrorHandler = Callable[[TurnContext, Exception], Awaitable[None]]


class ActivityFormatError(ValueError):
    """A field of the activity has the wrong type or format (the SDK could not read it)."""


@dataclass(frozen=True)
class InvokeReply:
    """An invoke's answer: the HTTP status and its JSON body."""

    status: int
    body: Any


class MeteredAdapter(CloudAdapter):
    """CloudAdapter that counts turns by type and outcome, times them, and counts proactive sends.

    The turn error handler (set by the Teams edge) runs inside the failing turn; wrapping it marks the turn failed.
    """

    @property
    def on_turn_error(self) -> ErrorHandler | None:
        return self._metered_on_turn_error

    @on_turn_error.setter
    def on_turn_error(self, handler: ErrorHandler | None) -> None:
        if handler is None:
            self._metered_on_turn_error = None
            return

        async def counted(turn_context: TurnContext, error: Exception) -> None:
            mark_turn_failed()
            await handler(turn_context, error)

        self._metered_on_turn_error = counted

    async def process_activity(self, auth_header_or_authenticate_request_result: Any, activity: Any,
                               logic: Any) -> Any:
        async with metered_turn(getattr(activity, "type", None)):
            return await super().process_activity(auth_header_or_authenticate_request_result, activity, logic)

    async def close(self) -> None:
        """Close the outbound HTTP session (replies and proactive messages); at shutdown."""
        outbound = getattr(self.bot_framework_authentication, "outbound", None)
        if outbound is not None:
            await outbound.close()

    async def continue_conversation(self, *args: Any, **kwargs: Any) -> Any:
        async with metered_send("continue"):
            return await super().continue_conversation(*args, **kwargs)

    async def create_conversation(self, *args: Any, **kwargs: Any) -> Any:
        async with metered_send("create"):
            return await super().create_conversation(*args, **kwargs)


def create_adapter(settings: Settings, bot_framework_config: object | None = None) -> MeteredAdapter:
    """A CloudAdapter that enforces Bot Framework JWTs whenever an app id is configured (and counts turns)."""
    return MeteredAdapter(create_authentication(settings, bot_framework_config))


async def receive(adapter: Any, logic: TurnHandler, body: dict[str, Any], authorization: str
                  ) -> InvokeReply | None:
    """Run one turn for the activity *body* (already checked by bot/inbound.py); an invoke's answer, if any.

    Raises ActivityFormatError when the SDK cannot read a field, PermissionError when the request is not
    authenticated for this bot.
    """
    try:
        activity = Activity().deserialize(body)
    except (TypeError, ValueError):
        # msrest's DeserializationError is a ValueError. The message names no field: msrest's text may quote
        # the client's data, which could be anything.
        raise ActivityFormatError("a field of the activity has the wrong type or format") from None
    invoke_response = await adapter.process_activity(authorization, activity, logic)
    if invoke_response is None:
        return None
    return InvokeReply(invoke_response.status, serializer_helper(invoke_response.body))
