"""The staff member's language choice ("english") holds on their side of the handoff, whatever Teams' locale says."""

from __future__ import annotations

import json

from dialogs.text import en, sv
from routing.demo import load_demo
from tests.handoff.harness import TUESDAY_10, Clock, claim_value, personal
from tests.handoff.test_flow import PRESCHOOL, SOCIONOM, STAFF, _choice, bodies, offers, run_app

# Swedish-only wording the staff member must not see once they chose English (whole relay sentences).
SWEDISH_RELAY = sorted({value.split("{")[0].strip() for key, value in sv.TEXT.items()
                        if key.startswith(("relay.", "handoff.")) and len(value.split("{")[0].strip()) >= 12
                        and en.TEXT.get(key) != value})


def _swedish_in(said: str) -> list[str]:
    return [swedish for swedish in SWEDISH_RELAY if swedish in said]


async def test_after_english_every_staff_side_handoff_message_is_english_with_a_swedish_teams_locale(db, connector):
    await load_demo(db.engine)
    clock = Clock(TUESDAY_10)
    app = await run_app(db, connector, clock)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        # Teams says sv-SE (the harness default); the consultation runs in Swedish up to its guidance, then the
        # staff member asks for English and for a socionom: the note saved so far still says Swedish.
        await app.say(STAFF, "Anna Personal", "hej")
        await app.say(STAFF, "Anna Personal", value=_choice("menu", "consult"))
        await app.say(STAFF, "Anna Personal", value=_choice("danger", "no"))
        await app.say(STAFF, "Anna Personal", PRESCHOOL)
        await app.say(STAFF, "Anna Personal", value=_choice("words", "skip"))
        for answer in ({"action": "concern", "choices": "emotional"}, _choice("duration", "weeks"),
                       _choice("child_told", "no"), _choice("age", "3-6")):
            await app.say(STAFF, "Anna Personal", value=answer)
        await app.say(STAFF, "Anna Personal", "english")
        await app.say(STAFF, "Anna Personal", value=_choice("final", "handoff"))
        connector.clear()
        await app.say(STAFF, "Anna Personal", value=_choice("share_name", "no"))
        assert "I have sent your request to the social workers in Bromma" in bodies(connector, personal(STAFF))
        handoff = await app.services.handoff.store.open_for_staff(personal(STAFF))
        assert handoff is not None
        assert handoff.lang == "en"

        await app.say(STAFF, "Anna Personal", "how long will it take?")  # waiting
        offer = offers(connector, SOCIONOM)[0]
        assert "Ta ärendet" in json.dumps(offer, ensure_ascii=False)  # the socionom keeps their own language
        await app.say(SOCIONOM, "Sara Socionom", value=claim_value(offer))  # claimed
        await app.say(STAFF, "Anna Personal", "She seems sad, call 070-123 45 67")  # relay, masked notice
        await app.say(SOCIONOM, "Sara Socionom", "Tack, berätta mer")
        await app.say(STAFF, "Anna Personal", value={"action": "handoff.withdraw", "handoff_id": handoff.id})  # stale
        await app.say(STAFF, "Anna Personal", "end")  # closed
        outcome_card = next(c for s in connector.to(personal(SOCIONOM)) for c in s.cards
                            if any((a.get("data") or {}).get("action") == "handoff.outcome"
                                   for a in c.get("actions") or []))
        observe = next(a["data"] for a in outcome_card["actions"] if a["data"]["outcome"] == "observe")
        await app.say(SOCIONOM, "Sara Socionom", value=observe)  # the result card
        await app.say(STAFF, "Anna Personal", value={"action": "handoff.rate", "handoff_id": handoff.id, "rating": 4})
        await app.say(STAFF, "Anna Personal", value={"action": "handoff.rate", "handoff_id": handoff.id, "rating": 5})
        await app.say(STAFF, "Anna Personal", value={"action": "handoff.end", "handoff_id": handoff.id})  # stale

        said = bodies(connector, personal(STAFF))
        for english in ("Your request is still waiting", "Sara Socionom (Socionom i förskolan) has taken",
                        "**Sara Socionom (Socionom i förskolan):** Tack, berätta mer", "The request is no longer",
                        "The conversation has ended", "Next step after the conversation", "Thank you for your rating"):
            assert english in said, english
        assert _swedish_in(said) == []
        assert "[telefon]" in bodies(connector, personal(SOCIONOM))
    finally:
        await app.client.close()
