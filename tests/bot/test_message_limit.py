"""Free text has a length limit: longer messages get a kind reply and are not read, danger is still answered first."""

from __future__ import annotations

from knowledge.limits import MAX_MESSAGE_CHARS
from routing.demo import load_demo
from tests.handoff.harness import TUESDAY_10, Clock, personal
from tests.handoff.test_flow import PRESCHOOL, bodies, run_app

STAFF = "aad-staff-long"


async def test_too_long_message_gets_a_kind_reply_and_the_dialog_waits(sqlite_db, connector):
    await load_demo(sqlite_db.engine)
    app = await run_app(sqlite_db, connector, Clock(TUESDAY_10))
    say = lambda text=None, value=None: app.say(STAFF, "Anna Personal", text, value)  # noqa: E731
    try:
        await say("hej")
        await say(value={"action": "menu", "choice": "consult"})
        await say(value={"action": "danger", "choice": "no"})
        await say(PRESCHOOL)  # the consultation now waits for the staff member's own words
        before = len(connector.to(personal(STAFF)))
        await say("Hon har ett blåmärke. " * (MAX_MESSAGE_CHARS // 20))  # a few characters over the limit
        replies = connector.to(personal(STAFF))[before:]
        assert len(replies) == 1
        assert f"{MAX_MESSAGE_CHARS} tecken" in bodies(connector, personal(STAFF))
        assert "112" in str(replies[0].body)
        # The question is still open: a short answer carries on where the long one was refused.
        before = len(connector.to(personal(STAFF)))
        await say("Hon har ett blåmärke på armen")
        after = str([sent.body for sent in connector.to(personal(STAFF))[before:]])
        assert any(step in after for step in ("understood", "concern", "duration"))
    finally:
        await app.client.close()


async def test_acute_words_in_a_too_long_message_still_get_112_first(sqlite_db, connector):
    await load_demo(sqlite_db.engine)
    app = await run_app(sqlite_db, connector, Clock(TUESDAY_10))
    try:
        await app.say(STAFF, "Anna Personal", "Pappan slår barnet just nu. " + "a-" * 20_000 + "1")
        sent = bodies(connector, personal(STAFF))
        assert "Ring 112 nu" in sent
        assert "tecken)" not in sent
    finally:
        await app.client.close()
