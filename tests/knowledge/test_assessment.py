"""Assessment rules: reason codes, merging card answers, guardians advice and the JSON shape."""

from __future__ import annotations

import json

import pytest

from knowledge.assessment import REASON_CODES, Answers, Category, Outcome, assess


def test_nothing_recognised_recommends_consultation_never_no_report() -> None:
    assessment = assess("Vad blir det till lunch?")
    assert assessment.outcome is Outcome.CONSULT
    assert assessment.reasons == ("no_harm_found_recommend_consult",)


def test_unsafe_today_answer_makes_it_acute() -> None:
    assessment = assess("Jag är lite orolig.", Answers(duration="today", child_told=False, safe_today=False))
    assert assessment.acute
    assert "unsafe_today" in assessment.reasons


def test_card_categories_are_merged_with_text_categories() -> None:
    assessment = assess("Hon är passiv.", Answers(None, None, None, categories=("neglect", "not-a-category")))
    assert set(assessment.categories) == {Category.EMOTIONAL, Category.NEGLECT}
    assert assessment.outcome is Outcome.CONSULT


@pytest.mark.parametrize("category", ["sexual", "domestic_violence", "honour"])
def test_serious_card_categories_lead_to_report_and_not_telling_guardians_first(category: str) -> None:
    assessment = assess("", Answers(categories=(category,)))
    assert assessment.outcome is Outcome.REPORT
    assert assessment.tell_guardians_first is False


def test_neglect_only_allows_telling_guardians_first() -> None:
    assert assess("Han kommer hungrig.").tell_guardians_first is True


def test_negated_signs_do_not_count_as_harm() -> None:
    assessment = assess("Inga blåmärken, hon har inte berättat något och är inte hungrig.")
    assert assessment.categories == ()
    assert assessment.outcome is Outcome.CONSULT


def test_child_telling_on_the_card_means_report() -> None:
    assessment = assess("Hon sa något som oroar mig.", Answers(child_told=True))
    assert assessment.outcome is Outcome.REPORT
    assert "child_told" in assessment.reasons


def test_support_only_reason() -> None:
    assessment = assess("Föräldrarna har separerat och vill ha råd.")
    assert assessment.outcome is Outcome.SUPPORT
    assert assessment.reasons == ("only_support_needs",)


def test_support_needs_with_harm_are_not_support() -> None:
    assessment = assess("Föräldrarna har separerat och han har blåmärken i ansiktet.")
    assert assessment.outcome is not Outcome.SUPPORT


def test_reasons_are_known_codes_in_stable_order() -> None:
    assessment = assess("Han berättade att pappa slår honom, det har hänt flera gånger.")
    assert set(assessment.reasons) <= set(REASON_CODES)
    assert list(assessment.reasons) == sorted(assessment.reasons, key=REASON_CODES.index)


def test_to_dict_is_json_safe_with_the_contract_keys() -> None:
    data = assess("Pappa är full och ska hämta.").to_dict()
    assert set(data) == {"acute", "outcome", "categories", "reasons", "tell_guardians_first", "staff_suspected",
                         "signals"}
    assert json.loads(json.dumps(data))["outcome"] == "acute"
