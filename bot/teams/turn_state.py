"""Conversation and user state that cost one read and one encoding a turn, not six.

botbuilder's `BotState` reads each scope with its own storage query the first time a property is asked for, and
decides whether to write by hashing the whole state with jsonpickle when it is loaded, before it is saved and
after (three full walks of the dialog stack per scope and turn). Here both scopes of a turn are read in one query
before the turn starts, and the change check compares documents made by the fast codec
(bot/teams/state_codec.py). What is stored, when it is written and the eTag rules are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botbuilder.core import BotState, ConversationState, TurnContext, UserState
from botbuilder.core.bot_state import CachedBotState

from bot.teams import state_codec


class _CheapCachedState(CachedBotState):  # type: ignore[misc]  # botbuilder ships no type information
    """botbuilder's cached state, with the change check done on the state's JSON document."""

    def compute_hash(self, obj: object) -> str:
        return state_codec.encode(obj)


class _Loads:
    """`load` that keeps state read earlier in the turn, also when it is empty (a new conversation)."""

    _storage: Any
    _context_service_key: str
    if TYPE_CHECKING:  # given by BotState and the scope; declared here only for the type checker
        def get_cached_state(self, turn_context: TurnContext) -> Any: ...
        def get_storage_key(self, turn_context: TurnContext) -> Any: ...

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        if force or self.get_cached_state(turn_context) is None:
            key = self.get_storage_key(turn_context)
            items = await self._storage.read([key])
            self.keep(turn_context, items.get(key))

    def keep(self, turn_context: TurnContext, item: Any) -> None:
        """Cache *item* (None: nothing stored yet) as this scope's state for the turn."""
        turn_context.turn_state[self._context_service_key] = _CheapCachedState(item)


class TurnConversationState(_Loads, ConversationState):  # type: ignore[misc]
    """botbuilder's `ConversationState`, read with the user's state and checked for changes cheaply."""


class TurnUserState(_Loads, UserState):  # type: ignore[misc]
    """botbuilder's `UserState`, read with the conversation's state and checked for changes cheaply."""


async def load_turn_state(turn_context: TurnContext, *scopes: BotState) -> None:
    """Read every scope's state for this turn in one storage query (scopes already loaded are skipped).

    An activity without the ids a scope's key needs loads nothing here; the scope then reads (or fails) lazily,
    exactly as botbuilder would.
    """
    wanted: dict[str, list[_Loads]] = {}
    storages = {id(scope._storage) for scope in scopes}
    if len(storages) != 1:
        return  # scopes on different storages read lazily, one query each
    for scope in scopes:
        if not isinstance(scope, _Loads) or scope.get_cached_state(turn_context) is not None:
            continue
        try:
            key = scope.get_storage_key(turn_context)
        except (TypeError, AttributeError):
            continue
        if key:
            wanted.setdefault(key, []).append(scope)
    if not wanted:
        return
    storage = next(iter(wanted.values()))[0]._storage
    items = await storage.read(list(wanted))
    for key, loaders in wanted.items():
        for scope in loaders:
            scope.keep(turn_context, items.get(key))
