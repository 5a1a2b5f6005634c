"""Fixtures: the real MainDialog over a real RoutingService (migrated SQLite with demo data) and fake ports."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime

import pytest
from botbuilder.core import ConversationState, MemoryStorage, UserState

from dialogs.main import MainDialog
from dialogs.ports import DialogServices
from routing.model import STOCKHOLM
from routing.service import RoutingService
from tests.conftest import drop, make_sqlite
from tests.dialogs.fakes import FakeFaq, FakeHandoff, FakeRecorder
from tests.dialogs.harness import Conversation

# A Tuesday morning: district offices are open in the demo data.
OFFICE_HOURS = datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM)


def _faq() -> object:
    if importlib.util.find_spec("knowledge.faq") is not None:
        from knowledge.faq import Faq

        return Faq.load()
    return FakeFaq()


@dataclass
class Bot:
    """One user's chat with the real dialogs, and the fakes to inspect afterwards."""

    services: DialogServices
    recorder: FakeRecorder
    handoff: FakeHandoff
    new_chat: Callable[..., Conversation]
    storage: MemoryStorage


@pytest.fixture
async def bot(tmp_path) -> AsyncIterator[Bot]:  # type: ignore[no-untyped-def]
    sqlite_db = await make_sqlite(tmp_path, demo=True)  # migrated, with the demo data
    storage = MemoryStorage()
    user_state, conversation_state = UserState(storage), ConversationState(storage)
    recorder, handoff = FakeRecorder(), FakeHandoff()
    services = DialogServices(routing=RoutingService(sqlite_db.engine, clock=lambda: OFFICE_HOURS),
                              faq=_faq(), clock=lambda: OFFICE_HOURS, recorder=recorder, handoff=handoff,
                              user_state=user_state)
    dialog = MainDialog(services)

    def new_chat(locale: str = "sv-SE") -> Conversation:
        return Conversation(dialog, user_state, conversation_state, locale=locale)

    yield Bot(services, recorder, handoff, new_chat, storage)
    await drop(sqlite_db)


@pytest.fixture
def chat(bot: Bot) -> Conversation:
    return bot.new_chat()
