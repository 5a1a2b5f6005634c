"""Conversation references are stored per user and per team channel, and found again."""

from botbuilder.schema import Activity

from bot.reference_store import ReferenceStore
from bot.teams.references import CHANNEL, USER, ConversationReferences
from tests import teams


async def test_personal_and_channel_references_are_remembered(db):
    references = ConversationReferences(ReferenceStore(db.engine))
    await references.remember(Activity().deserialize(teams.message("https://smba.example/", "hej")))
    await references.remember(Activity().deserialize(teams.team_install("https://smba.example/",
                                                                        channel_id="19:chan@thread.tacv2")))
    user = await references.find(USER, "aad-staff-1")
    channel = await references.find(CHANNEL, "19:chan@thread.tacv2")
    assert user.conversation.id == "a:personal-aad-staff-1"
    assert user.service_url == "https://smba.example/"
    assert channel.conversation.id == "19:chan@thread.tacv2"
    assert await references.display_name(USER, "aad-staff-1") == "Anna Personal"


async def test_a_moved_conversation_replaces_the_old_reference(db):
    references = ConversationReferences(ReferenceStore(db.engine))
    await references.remember(Activity().deserialize(teams.message("https://one.example/", "hej")))
    await ConversationReferences(ReferenceStore(db.engine)).remember(
        Activity().deserialize(teams.message("https://two.example/", "hej")))
    assert (await references.find(USER, "aad-staff-1")).service_url == "https://two.example/"


async def test_a_message_trusts_a_reference_found_current_moments_ago_an_install_never_does(db):
    """Two replicas on one database: B handles an uninstall; A's memory of the user's reference does not bring the
    row back on a message (none can come after an uninstall), and the reinstall writes it wherever it lands."""
    replica_a, replica_b = ReferenceStore(db.engine), ReferenceStore(db.engine)
    on_a, on_b = ConversationReferences(replica_a), ConversationReferences(replica_b)
    message = Activity().deserialize(teams.message("https://smba.example/", "hej"))
    await on_a.remember(message)
    await on_b.forget(message)
    await on_a.remember(message)  # trusted: no database read, the row stays gone
    assert await on_a.find(USER, "aad-staff-1") is None
    await on_a.remember(Activity().deserialize(teams.personal_install("https://smba.example/")))
    assert (await on_b.find(USER, "aad-staff-1")).service_url == "https://smba.example/"


async def test_trust_ends_when_the_reference_changes_or_the_time_is_up(db, monkeypatch):
    from bot import reference_store

    store = ReferenceStore(db.engine)
    references = ConversationReferences(store)
    await references.remember(Activity().deserialize(teams.message("https://one.example/", "hej")))
    await references.remember(Activity().deserialize(teams.message("https://two.example/", "hej")))
    assert (await references.find(USER, "aad-staff-1")).service_url == "https://two.example/"  # changed: written
    await ConversationReferences(ReferenceStore(db.engine)).forget(
        Activity().deserialize(teams.message("https://two.example/", "hej")))
    await references.remember(Activity().deserialize(teams.message("https://two.example/", "hej")))
    assert await references.find(USER, "aad-staff-1") is None  # trusted moments after it was found current
    monkeypatch.setattr(reference_store.time, "monotonic", lambda: 1e12)  # long after: asked again, row back
    await references.remember(Activity().deserialize(teams.message("https://two.example/", "hej")))
    assert (await references.find(USER, "aad-staff-1")).service_url == "https://two.example/"
