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
