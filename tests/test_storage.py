"""SqlStorage passes botbuilder's own StorageBaseTests on SQLite and PostgreSQL, and enforces eTags."""

import pytest
from botbuilder.testing import StorageBaseTests

from bot.state_store import StateStore
from bot.teams.storage import EtagConflictError, SqlStorage

BASE_TESTS = [
    "return_empty_object_when_reading_unknown_key",
    "handle_null_keys_when_reading",
    "handle_null_keys_when_writing",
    "does_not_raise_when_writing_no_items",
    "create_object",
    "handle_crazy_keys",
    "update_object",
    "delete_object",
    "delete_unknown_object",
    "perform_batch_operations",
    "proceeds_through_waterfall",
]


@pytest.mark.parametrize("name", BASE_TESTS)
async def test_storage_base_tests(db, name):
    assert await getattr(StorageBaseTests, name)(SqlStorage(StateStore(db.engine))) is True


async def test_stale_etag_is_rejected_and_nothing_changes(db):
    storage = SqlStorage(StateStore(db.engine))
    await storage.write({"k": {"count": 1}})
    first = (await storage.read(["k"]))["k"]
    second = (await storage.read(["k"]))["k"]
    first["count"] = 2
    await storage.write({"k": first})
    second["count"] = 3
    with pytest.raises(EtagConflictError):
        await storage.write({"k": second})
    assert (await storage.read(["k"]))["k"]["count"] == 2


async def test_state_survives_a_new_storage_on_the_same_database(db):
    await SqlStorage(StateStore(db.engine)).write({"conv/1": {"answers": ["a", "b"]}})
    assert (await SqlStorage(StateStore(db.engine)).read(["conv/1"]))["conv/1"]["answers"] == ["a", "b"]


async def test_abandoned_conversation_state_is_purged_and_user_state_kept(db):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from bot.conversation_tables import StateRow

    state = StateStore(db.engine)  # the retention purge is given the SQL store; the dialogs its botbuilder Storage
    storage = SqlStorage(state)
    await storage.write({"msteams/conversations/a:old": {"words": "scrubbed"},
                         "msteams/conversations/a:new": {"words": "scrubbed"},
                         "msteams/users/29:u": {"Language": "sv"}})
    old = datetime.now(UTC) - timedelta(days=40)
    async with db.engine.begin() as connection:
        await connection.execute(update(StateRow).where(StateRow.key != "msteams/conversations/a:new")
                                 .values(updated_at=old))
    assert await state.purge_conversations(datetime.now(UTC) - timedelta(days=30)) == 1
    left = await storage.read(["msteams/conversations/a:old", "msteams/conversations/a:new", "msteams/users/29:u"])
    assert sorted(left) == ["msteams/conversations/a:new", "msteams/users/29:u"]
