"""Two app instances on one database: what one replica learns about an install, the other sees (issue #15.6)."""

from __future__ import annotations

from typing import Any

from routing.demo import load_demo
from tests import teams
from tests.handoff.harness import TUESDAY_10, Clock, personal
from tests.handoff.test_flow import SOCIONOM, consult_and_ask_for_a_person, offers, run_app


def uninstall(service_url: str, sender: dict[str, Any]) -> dict[str, Any]:
    """The installationUpdate Teams sends when a user removes the app from their personal scope."""
    return {"type": "installationUpdate", "action": "remove", "id": "iu-remove", "serviceUrl": service_url,
            "channelId": "msteams", "from": sender, "conversation": teams.personal_conversation(sender["aadObjectId"]),
            "recipient": {"id": teams.BOT_ID, "name": "Samråd"}, "channelData": {"tenant": {"id": teams.TENANT}}}


async def test_uninstall_on_one_replica_and_reinstall_on_the_other_keeps_the_socionom_reachable(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    first, second = await run_app(db, connector, clock), await run_app(db, connector, clock)
    try:
        socionom = teams.user(SOCIONOM, "Sara Socionom")
        await first.install(SOCIONOM, "Sara Socionom")
        await first.say(SOCIONOM, "Sara Socionom", "hej")  # instance A has seen her more than once
        await second.post(uninstall(connector.url, socionom))  # instance B handles the uninstall
        references = first.services.teams.references
        assert await references.find("user", SOCIONOM) is None
        await first.install(SOCIONOM, "Sara Socionom")  # she reinstalls; instance A gets the event
        assert (await references.find("user", SOCIONOM)).conversation.id == personal(SOCIONOM)
        await consult_and_ask_for_a_person(second)
        assert len(offers(connector, SOCIONOM)) == 1
    finally:
        await first.client.close()
        await second.client.close()
