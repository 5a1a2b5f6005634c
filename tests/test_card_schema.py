"""Every card in the product validates against the official Adaptive Cards 1.5 schema.

Cards sent in conversations are also checked as they are sent: by the dialogs' test harness and by the fake
Bot Connector (which, like Teams, rejects an invalid card with 400). This test covers every builder directly.
"""

from datetime import UTC, datetime

import pytest

from bot.handoff import cards as handoff_cards
from routing.route import UnitRoute
from tests.adaptive_card_schema import card_errors
from tests.dialogs.test_text_and_cards import every_card

OUTCOMES = ("report", "early_support", "observe", "no_action")
NOTE = {"day": "2026-11-24", "age_band": "1-3", "categories": ["neglect", "physical"], "duration": "weeks",
        "outcome": "consult", "summary": "Barnet är ofta hungrigt.", "acute": False, "signals": ["repeated"],
        "reasons": ["category_found", "unsure_recommend_consult"]}


def handoff_card_set(lang: str) -> list[dict]:
    asked = datetime(2026, 11, 24, 9, tzinfo=UTC)
    unit = {"kind": "mottagning", "name": "Mottagning Farsta", "phone": "08-555 000 00", "email": "m@example.se"}
    intake, early_support = UnitRoute.from_dict(unit), UnitRoute.from_dict({**unit, "kind": "familjecentral"})
    made = [
        handoff_cards.offer_card(lang, handoff_id="h1", district="Farsta", requested_at=asked,
                                 categories=["neglect"], urgency=urgency, waited_minutes=waited, status=status)
        for urgency in ("normal", "high", "acute") for waited in (None, 12) for status in (None, "Taget av Demo")
    ] + [
        handoff_cards.result_card(lang, handoff_id="h1", outcome=outcome, district="Farsta",
                                  eservice_url="https://etjanster.stockholm.se/Orosanmalan/", intake=[intake],
                                  early_support=[early_support])
        for outcome in OUTCOMES
    ] + [
        handoff_cards.note_card(lang, NOTE, "Farsta"),
        handoff_cards.end_card(lang, "Avsluta", "h1"),
        handoff_cards.withdraw_card(lang, "Dra tillbaka", "h1"),
        handoff_cards.outcome_choice_card(lang, "Välj utfall", "h1"),
    ]
    return [card for card in made if card is not None]  # the handoff's cards are their plain content


def test_the_schema_rejects_what_teams_cannot_render():
    assert card_errors({"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlok", "text": "x"}]})
    assert card_errors({"type": "AdaptiveCard", "version": "1.6", "body": []})
    assert card_errors({"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "x"}]}) == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_dialog_card_validates(lang):
    for card in every_card(lang):
        assert card_errors(card) == [], card.get("fallbackText")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_handoff_card_validates(lang):
    for card in handoff_card_set(lang):
        assert card_errors(card) == [], card.get("fallbackText")


def _blank_text_blocks(node) -> int:  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        blank = node.get("type") == "TextBlock" and not str(node.get("text") or "").strip()
        return int(blank) + sum(_blank_text_blocks(value) for value in node.values())
    if isinstance(node, list):
        return sum(_blank_text_blocks(item) for item in node)
    return 0


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_card_has_an_empty_text_block(lang):
    made = [*every_card(lang), *handoff_card_set(lang),
            handoff_cards.outcome_choice_card(lang, "", "h1")]  # the socionom ended: no message above
    assert [card.get("fallbackText") for card in made if _blank_text_blocks(card)] == []
