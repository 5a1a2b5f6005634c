"""State for a turn: the fast codec writes exactly jsonpickle's documents and reads them back; both scopes of a
turn are read in one query; a change is written, no change is not, and eTags still guard concurrent turns."""

import json
import math

import jsonpickle
import pytest
from botbuilder.core import StoreItem, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogInstance, DialogState
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonpickle.unpickler import Unpickler

from bot.state_store import StateStore
from bot.teams import state_codec
from bot.teams.storage import EtagConflictError, SqlStorage
from bot.teams.turn_state import TurnConversationState, TurnUserState, load_turn_state


def _jsonpickle(value):
    return jsonpickle.encode(value, make_refs=False, unpicklable=True)


def _stack(*instances: DialogInstance) -> DialogState:
    return DialogState(list(instances))


def _instance(dialog_id: str, state: dict) -> DialogInstance:
    instance = DialogInstance()
    instance.id, instance.state = dialog_id, state
    return instance


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)
VALUES = st.recursive(
    JSON,
    lambda inner: (st.builds(lambda d, s: _stack(_instance(d, s)), st.text(max_size=5),
                             st.dictionaries(st.text(max_size=5), inner, max_size=3))
                   | st.tuples(inner, inner) | st.dictionaries(st.integers(), inner, max_size=2)
                   | st.lists(inner, max_size=3)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=15)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_the_fast_codec_writes_what_jsonpickle_writes_and_both_read_it(value):
    document = state_codec.encode({"DialogState": value})
    assert document == _jsonpickle({"DialogState": value})
    assert _jsonpickle(state_codec.decode(document)) == document
    assert _jsonpickle(Unpickler().restore(json.loads(document))) == document


def test_the_dialog_classes_come_back_as_themselves():
    state = {"DialogState": _stack(_instance("MainDialog", {"dialogs": _stack(_instance("ask", {"n": 1}))}))}
    restored = state_codec.decode(state_codec.encode(state))
    inner = restored["DialogState"].dialog_stack[0].state["dialogs"]
    assert isinstance(inner, DialogState)
    assert isinstance(inner.dialog_stack[0], DialogInstance)
    assert inner.dialog_stack[0].state == {"n": 1}


def test_other_values_and_markers_go_through_jsonpickle():
    item = StoreItem(count=2)
    for value in ({"t": (1, 2)}, {"s": {1, 2}}, {1: "a"}, {"x": math.inf}, {"item": item}):
        assert state_codec.encode(value) == _jsonpickle(value)
        assert _jsonpickle(state_codec.decode(state_codec.encode(value))) == _jsonpickle(value)


def test_a_cycle_does_not_stop_the_turn():
    cyclic: dict = {"a": []}
    cyclic["a"].append(cyclic)
    assert state_codec.encode(cyclic) == _jsonpickle(cyclic)


class CountingStore(StateStore):
    """A StateStore that counts reads and writes."""

    def __init__(self, engine) -> None:
        super().__init__(engine)
        self.reads: list[list[str]] = []
        self.writes: list[list[str]] = []

    async def read(self, keys):
        keys = list(keys)
        self.reads.append(keys)
        return await super().read(keys)

    async def write(self, changes):
        self.writes.append(list(changes))
        return await super().write(changes)


def _context(text: str = "hej") -> TurnContext:
    activity = Activity(type="message", text=text, channel_id="msteams", from_property=ChannelAccount(id="29:u"),
                        conversation=ConversationAccount(id="a:personal-1"), recipient=ChannelAccount(id="bot"))
    return TurnContext(TestAdapter(), activity)


async def _turn(conversation, user, change=None) -> None:
    context = _context()
    await load_turn_state(context, conversation, user)
    dialog = conversation.create_property("DialogState")
    language = user.create_property("Language")
    await dialog.get(context, _stack)
    await language.get(context, lambda: "sv")
    if change is not None:
        change(context, dialog)
    await conversation.save_changes(context)
    await user.save_changes(context)


async def test_one_read_for_both_scopes_and_writes_only_on_change(db):
    store = CountingStore(db.engine)
    storage = SqlStorage(store)
    conversation, user = TurnConversationState(storage), TurnUserState(storage)
    await _turn(conversation, user)  # a new conversation: read once (nothing there), both created
    assert store.reads == [["msteams/conversations/a:personal-1", "msteams/users/29:u"]]
    assert sorted(key for keys in store.writes for key in keys) == [
        "msteams/conversations/a:personal-1", "msteams/users/29:u"]
    store.reads.clear()
    store.writes.clear()
    await _turn(conversation, user)  # nothing changed: one read, no write
    assert (len(store.reads), store.writes) == (1, [])

    def push(context, dialog):
        context.turn_state[conversation._context_service_key].state["DialogState"].dialog_stack.append(
            _instance("ask", {"question": "danger"}))

    await _turn(conversation, user, push)
    assert store.writes == [["msteams/conversations/a:personal-1"]]
    stored = (await storage.read(["msteams/conversations/a:personal-1"]))["msteams/conversations/a:personal-1"]
    assert stored["DialogState"].dialog_stack[0].state == {"question": "danger"}


async def test_concurrent_turns_of_one_conversation_still_meet_the_etag(db):
    storage = SqlStorage(StateStore(db.engine))
    conversation, user = TurnConversationState(storage), TurnUserState(storage)
    await _turn(conversation, user)
    first, second = _context(), _context()
    for context in (first, second):
        await load_turn_state(context, conversation, user)
    for context, n in ((first, 1), (second, 2)):
        context.turn_state[conversation._context_service_key].state["n"] = n
    await conversation.save_changes(first)
    with pytest.raises(EtagConflictError):
        await conversation.save_changes(second)
