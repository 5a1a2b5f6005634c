"""Whole conversations full of identifying details leave none of them in the database, the logs or anything sent.

The staff member writes the child's name, a personnummer, phone numbers, an e-mail and an address at every
free-text step and during the relay with a socionom; afterwards every row of every table, every captured log
record and every activity the bot sent (to anyone) is scanned.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from bot.schema import all_metadata
from routing.demo import load_demo
from tests.fake_connector import FakeConnector
from tests.handoff.harness import TUESDAY_10, Clock, claim_value
from tests.handoff.test_flow import BACKUP, PRESCHOOL, SOCIONOM, offers, run_app

STAFF = "aad-staff-anon"
SECRETS = {
    "child name": "Lisa Andersson",
    "first name": "Lisa",
    "parent name": "Mohammed Karimi",
    "personnummer": "201905148921",
    "personnummer short": "190514-8921",
    "samordningsnummer": "850374-1238",
    "mobile": "070-123 45 67",
    "mobile compact": "0701234567",
    "international": "+46 8 123 456 78",
    "email": "lisa.andersson@example.se",
    "address": "Storgatan 12",
    # The forms of issue 11: separators, spaces, zero-width characters, two-word streets, quasi-identifiers
    "personnummer spaced": "20210704 5128",
    "personnummer underscore": "190514_8928",
    "personnummer en-dash": "190312\u20132388",
    "mobile dotted": "070.123.45.67",
    "mobile parenthesised": "(070) 123 45 67",
    "mobile zero-width": "070\u200b-765 43 21",
    "email at": "pappa.karimi(at)example.se",
    "street two words": "Tensta allé 5",
    "street compound": "Sibeliusgången 18",
    "unlisted child name": "Zelda",
    "unlisted sibling name": "Hamse",
    "birth date": "12 mars 2020",
    "group": "Ekorrarna",
}
CONCERN = (f"{SECRETS['child name']} (pnr {SECRETS['personnummer']}) har blåmärken på ryggen. Pappan "
           f"{SECRETS['parent name']} nås på {SECRETS['mobile']} eller {SECRETS['email']}, de bor på "
           f"{SECRETS['address']}, 123 45 Stockholm. {SECRETS['unlisted child name']} är född "
           f"{SECRETS['birth date']} och går på avdelning {SECRETS['group']}, hennes bror "
           f"{SECRETS['unlisted sibling name']} bor på {SECRETS['street two words']}.")
RELAY = (f"Hennes personnummer är {SECRETS['personnummer short']}, mammans samordningsnummer "
         f"{SECRETS['samordningsnummer']}, ring {SECRETS['mobile compact']} eller {SECRETS['international']}. "
         f"Andra nummer: {SECRETS['personnummer spaced']}, {SECRETS['personnummer underscore']}, "
         f"{SECRETS['personnummer en-dash']}, {SECRETS['mobile dotted']}, {SECRETS['mobile parenthesised']}, "
         f"{SECRETS['mobile zero-width']}, {SECRETS['email at']}; de flyttade till {SECRETS['street compound']}.")


async def every_row_as_text(engine) -> str:  # type: ignore[no-untyped-def]
    dump = []
    async with engine.connect() as connection:
        for metadata in all_metadata():
            for table in metadata.sorted_tables:
                for row in (await connection.execute(select(table))).all():
                    dump.append(f"{table.name}: {json.dumps([str(v) for v in row], ensure_ascii=False)}")
    return "\n".join(dump)


def found_secrets(text: str) -> dict[str, str]:
    return {kind: secret for kind, secret in SECRETS.items() if secret in text}


async def test_no_identifying_detail_is_stored_logged_or_sent(db, caplog):
    await load_demo(db.engine)
    connector = await FakeConnector().start()
    app = await run_app(db, connector, Clock(TUESDAY_10))
    caplog.set_level(logging.DEBUG)
    try:
        await app.install(SOCIONOM, "Sara Socionom")
        await app.install(BACKUP, "Rita Reserv")
        say = lambda text=None, value=None: app.say(STAFF, "Anna Personal", text, value)  # noqa: E731
        await say("hej")
        await say(value={"action": "menu", "choice": "consult"})
        await say(value={"action": "danger", "choice": "no"})
        await say(PRESCHOOL)
        await say(CONCERN)
        await say(value={"action": "understood", "choice": "yes"})
        await say(value={"action": "concern", "choices": "physical"})  # an old button if already understood
        await say(value={"action": "duration", "choice": "weeks"})
        # Typed where a choice was expected: a description, so it feeds the consultation (scrubbed).
        await say(f"Hon sa att {SECRETS['parent name']} slår henne")
        await say(value={"action": "child_told", "choice": "yes"})
        await say(value={"action": "age", "choice": "3-6"})
        await say(value={"action": "final", "choice": "handoff"})
        await say("nej")
        claim = claim_value(offers(connector, SOCIONOM)[0])
        await app.say(SOCIONOM, "Sara Socionom", value=claim)
        await say(RELAY)
        await say(f"Skriv till {SECRETS['email']} om {SECRETS['first name']}")
        await app.say(SOCIONOM, "Sara Socionom", f"Tack, jag noterar. Mitt nummer är {SECRETS['mobile']}.")
        await app.say(SOCIONOM, "Sara Socionom", "avsluta")
        await say("hej igen")

        sent = json.dumps([s.body for s in connector.sent], ensure_ascii=False)
        assert connector.sent
        assert connector.rejected == []
        assert found_secrets(sent) == {}
        rows = await every_row_as_text(db.engine)
        assert "bot_state" in rows
        assert "handoff_message" in rows
        assert found_secrets(rows) == {}
        logged = "\n".join(f"{r.getMessage()} {r.args} {r.__dict__}" for r in caplog.records)
        assert caplog.records
        assert found_secrets(logged) == {}
    finally:
        await app.client.close()
        await connector.close()
