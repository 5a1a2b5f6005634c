"""Acute codes the account places out of reach of today (knowledge/reading/not_now.py, the fresh8 honour, FGM and
witnessed-violence families): a trip with its date unknown, a country where cutting is common with nothing said,
police at home on a past day with calm said now; and the cases that stay acute. Sentences written for this test,
none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "Flickan sa att hon ska bli en riktig kvinna när de reser till Sudan, vi vet inte när de reser.",
    "Storasyster är lovad till en kusin och ska gifta sig när hon fyller 18, lillebror går här.",
    "Pappan sa att polisen var hemma hos dem i fredags men att allt är lugnt nu, dottern säger att han slog mamma.",
])
def test_a_risk_with_no_date_or_a_past_night_is_a_report(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT, text
    assert not assessment.tell_guardians_first


def test_a_country_where_cutting_is_common_with_nothing_said_is_a_consultation() -> None:
    assessment = assess("De ska till Somalia i påsk och vi vet att omskärelse är vanligt där, men inget har sagts.")
    assert assessment.outcome is Outcome.CONSULT
    assert assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Polisen var där igår och mamman säger att allt är lugnt nu, men han har färska blåmärken och vill inte gå hem.",
    "Farmor sa att de flyger till Somalia på fredag och att barnbarnet ska bli stängd som mamman.",
])
def test_a_near_date_or_fresh_harm_stays_acute(text: str) -> None:
    assert assess(text).outcome is Outcome.ACUTE, text
