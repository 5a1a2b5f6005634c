"""Texts: same keys and placeholders in both languages; cards: Adaptive Cards 1.5, only known elements."""

from __future__ import annotations

import json
import string
from typing import Any

import pytest
from botbuilder.schema import Activity

from dialogs import cards
from dialogs.choices import Option, Question, parse_answer
from dialogs.questions import QUESTIONS
from dialogs.text import en, sv
from knowledge.assessment import REASON_CODES
from routing.route import RouteDecision

_FORMATTER = string.Formatter()
# Structural check standing in for the 1.5 JSON schema (not vendored yet): element and action types that
# exist in Adaptive Cards 1.5 and the properties Teams renders.
ELEMENTS = {"TextBlock", "RichTextBlock", "FactSet", "Container", "ColumnSet", "Column", "ActionSet", "Image",
            "Input.Text", "Input.ChoiceSet", "Input.Toggle", "Input.Number", "Input.Date", "Input.Time"}
ACTIONS = {"Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    assert sv.TEXT.keys() == en.TEXT.keys()
    for key in sv.TEXT:
        assert placeholders(sv.TEXT[key]) == placeholders(en.TEXT[key]), key


def test_every_assessment_reason_has_wording_in_both_languages():
    for code in REASON_CODES:
        assert code in sv.REASONS, code
        assert code in en.REASONS, code


def test_domain_phrasings_are_used_word_for_word():
    values = " ".join(sv.TEXT.values())
    for phrase in ("Du behöver inte vara säker — det räcker att du är orolig.",
                   "En konsultation ersätter inte en anmälan.", "Anmälningsskyldigheten är personlig",
                   "Som anställd kan du inte anmäla anonymt, men du kan rådgöra anonymt först.",
                   "Anmälan görs där barnet bor.", "Är barnet i akut fara — ring 112 nu.",
                   "Skriv inte barnets namn eller något som kan identifiera barnet"):
        assert phrase in values, phrase


def test_no_text_tells_staff_not_to_report():
    for lang in (sv.TEXT, en.TEXT):
        for value in lang.values():
            lowered = value.lower()
            assert "anmäl inte" not in lowered
            assert "don't report" not in lowered
            assert "do not report" not in lowered


# A route as dialog state keeps it (its plain form), read back as the dialogs read it.
ROUTE = RouteDecision.from_dict({
    "district": {"id": "d", "name": "Bromma"}, "reasons": [{"code": "office_closed"}],
    "contacts": [{"name": "Demo", "phone": "08-1", "available_now": True,
                  "unit": {"kind": "socionom", "name": "Socionom"}}],
    "report": {"units": [{"kind": "mottagning", "name": "Mottagning", "phone": "08-2", "open_now": True}]},
    "after_hours": {"socialjour": [{"kind": "socialjour", "name": "Jour", "phone": "08-3"}]},
    "early_support": [{"kind": "familjecentral", "name": "Familjecentral", "open_now": False}]})
DISTRICT_ONLY = RouteDecision.from_dict({"district": {"name": "X"}})


def every_card(lang: str) -> list[dict[str, Any]]:
    made = [cards.welcome_card(lang), cards.help_card(lang), cards.acute_card(lang), cards.acute_card(lang, ROUTE),
            cards.contacts_card(lang, ROUTE), cards.contacts_card(lang, DISTRICT_ONLY),
            cards.faq_card(lang, "T", "B"), cards.acute_card(lang, None, [{"id": "d1", "name": "Bromma"}]),
            cards.private_only_card(lang, "https://teams.microsoft.com/l/chat/0/0?users=28:x"),
            cards.note_card(lang, {"day": "2026-11-24", "age_band": "1-3", "categories": ["neglect"],
                                   "duration": "weeks", "outcome": "consult"}, "Bromma", "n1")]
    for outcome in ("acute", "report", "consult", "support"):
        assessment = {"outcome": outcome, "reasons": list(REASON_CODES), "tell_guardians_first": outcome == "support"}
        made += [cards.guidance_card(lang, assessment, ROUTE, "lag"), cards.guidance_card(lang, assessment, None, "l")]
    args = {"candidates": [{"id": "p1", "name": "A", "street": "S", "district": "D", "area": "Ar"}],
            "candidate": {"id": "p1", "name": "A", "street": "S", "district": "D", "area": "Ar"},
            "districts": [{"id": "d1", "name": "Bromma", "aliases": []}], "lines": ["x"]}
    made += [cards.question_card(build(lang, args), lang) for build in QUESTIONS.values()]
    return [attachment.content for attachment in made]


def check_node(node: Any, path: str) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind is not None and kind != "AdaptiveCard":
            assert kind in ELEMENTS | ACTIONS, f"{path}: unknown type {kind}"
        if kind == "Action.Submit":
            assert isinstance(node["data"], dict), path
            assert "action" in node["data"], path
        for key, value in node.items():
            if key != "data":
                check_node(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            check_node(item, f"{path}[{index}]")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_card_is_adaptive_card_1_5_with_known_elements(lang):
    for card in every_card(lang):
        assert card["type"] == "AdaptiveCard"
        assert card["version"] == "1.5"
        assert card.get("fallbackText"), card["body"][0]
        check_node(card, "card")


def test_acute_card_says_112_first():
    assert cards.acute_card("sv", ROUTE).content["body"][0]["text"] == "Ring 112 nu"


YES_NO = Question("q", ("?",), (Option("yes", "Ja", ("ja",)), Option("no", "Nej", ("nej",))))
MULTI = Question("m", ("?",), (Option("a", "Alfa"), Option("b", "Beta"), Option("c", "Gamma")), multi=True)


@pytest.mark.parametrize(("activity", "question", "expected"), [
    (Activity(type="message", text="2"), YES_NO, {"choice": "no"}),
    (Activity(type="message", text="JA!"), YES_NO, {"choice": "yes"}),
    (Activity(type="message", text="kanske"), YES_NO, None),
    (Activity(type="message", value={"action": "q", "choice": "yes"}), YES_NO, {"choice": "yes"}),
    (Activity(type="message", value={"action": "other", "choice": "yes"}), YES_NO, None),
    (Activity(type="message", text="1, 3"), MULTI, {"choices": ["a", "c"]}),
    (Activity(type="message", text="alfa och beta"), MULTI, {"choices": ["a", "b"]}),
    (Activity(type="message", value={"action": "m", "choices": "b,c"}), MULTI, {"choices": ["b", "c"]}),
    (Activity(type="message", value={"action": "m"}), MULTI, None),
    (Activity(type="message", text="9"), MULTI, None),
])
def test_one_parser_reads_clicks_numbers_and_words(activity, question, expected):
    assert parse_answer(activity, question) == expected


def test_a_closed_unit_says_when_it_opens_again():
    route = RouteDecision.from_dict({"district": {"id": "farsta", "name": "Farsta"},
                                     "early_support": [{"kind": "familjecentral", "name": "Familjecentral Farsta",
                                                        "open_now": False,
                                                        "next_opening": "2026-11-30T08:00:00+01:00"}]})
    sv = json.dumps(cards.contacts_card("sv", route).content, ensure_ascii=False)
    en = json.dumps(cards.contacts_card("en", route).content, ensure_ascii=False)
    assert "stängt nu, öppnar måndag 30/11 kl. 08:00" in sv
    assert "closed now, opens Monday 30/11 at 08:00" in en or "closed now, opens" in en


# --- Safety wording (DOMAIN.md §2, §3, §5): guards for rules a text review found broken or missing. ---

# Anything that tells or implies to staff that they need not report. Legitimate negations ("du kan inte anmäla
# anonymt", "cannot report anonymously") are removed before the scan.
FORBIDDEN = ("behöver inte anmäla", "behöver du inte anmäla", "inte anmäla", "anmäl inte", "ingen anledning att anmäla",
             "inget behov av att anmäla", "no need to report", "don't need to report", "do not need to report",
             "don't have to report", "do not have to report", "do not report", "don't report", "not report",
             "need not report")
ALLOWED = ("inte anmäla anonymt", "cannot report anonymously", "can't report anonymously")


def every_user_text() -> dict[str, str]:
    from admin.text import ROUTE_REASONS as ROUTING_REASONS
    from knowledge.faq import Faq

    texts = {f"{lang.__name__}.TEXT[{key}]": value for lang in (sv, en) for key, value in lang.TEXT.items()}
    texts |= {f"{lang.__name__}.REASONS[{key}]": value for lang in (sv, en) for key, value in lang.REASONS.items()}
    texts |= {f"routing.REASONS[{key}]": value for key, value in ROUTING_REASONS.items()}
    faq = Faq.load()
    texts |= {f"article {a.lang}/{a.slug}": f"{a.title}\n{a.body}" for lang in ("sv", "en") for a in faq.articles(lang)}
    return texts


def test_no_text_says_or_implies_that_staff_need_not_report():
    for where, value in every_user_text().items():
        lowered = " ".join(value.lower().split()).replace("’", "'")
        for allowed in ALLOWED:
            lowered = lowered.replace(allowed, "")
        for phrase in FORBIDDEN:
            assert phrase not in lowered, f"{where}: {phrase!r}"


@pytest.mark.parametrize(("lang", "report", "consult", "suspect"), [
    (sv.TEXT, "anmäla", "rådgöra", "misstänker"), (en.TEXT, "report", "consult", "suspect")])
def test_support_outcome_still_says_report_on_suspicion_and_offers_consultation(lang, report, consult, suspect):
    lead = lang["guidance.lead.support"].lower()
    assert suspect in lead
    assert report in lead
    assert consult in lead


@pytest.mark.parametrize(("lang", "suspect", "report"), [(sv.TEXT, "misstänker", "anmäla"),
                                                         (en.TEXT, "suspect", "report")])
def test_every_softer_outcome_after_a_consultation_reminds_that_suspicion_means_report(lang, suspect, report):
    for key in ("guidance.lead.consult", "relay.next.observe", "relay.next.no_action", "relay.next.early_support",
                "relay.expired"):
        value = lang[key].lower()
        assert suspect in value, key
        assert report in value, key


@pytest.mark.parametrize("lang", [sv.TEXT, en.TEXT])
def test_acute_texts_say_112_before_social_services(lang):
    for key in ("acute.body", "guidance.lead.acute", "guidance.next.acute", "relay.acute_advice", "relay.expired"):
        value = lang[key].lower()
        assert "112" in value, key
        for later in ("socialjour", "socialtjänst", "social services", "mottagning", "intake"):
            if later in value:
                assert value.index("112") < value.index(later), (key, later)


@pytest.mark.parametrize(("lang", "limit"), [(sv.TEXT, "behandla samtalet som en anmälan"),
                                             (en.TEXT, "treat the call as a report")])
def test_consultation_advice_names_the_limit_of_anonymity(lang, limit):
    assert limit in lang["guidance.next.consult"]


@pytest.mark.parametrize(("lang", "serious"), [(sv.TEXT, "hedersrelaterat våld"),
                                               (en.TEXT, "honour-related violence")])
def test_advice_to_tell_guardians_keeps_the_exception_and_leaves_the_call_to_staff(lang, serious):
    allowed = lang["guidance.guardians.yes"]
    assert serious in allowed
    assert ("socialtjänsten" in allowed or "social services" in allowed)
    assert serious in lang["guidance.guardians.no"]


def test_no_question_asks_for_anything_that_identifies_the_child():
    identifying = ("personnummer", "samordningsnummer", "adress", "avdelning", "födelsedatum", "födelsedag",
                   "barnets namn", "förälderns namn", "address", "birth date", "date of birth", "child's name",
                   "group name")
    for lang in (sv.TEXT, en.TEXT):
        for key, value in lang.items():
            if key.startswith("q.") or key.endswith((".ask", ".placeholder")):
                lowered = value.lower()
                # Warnings and the promise of what is removed name identifiers without asking for them.
                for warning in ("skriv ändå inte barnets namn", "skriv inte barnets namn",
                                "don't write the child's name", "jag tar bort namn, personnummer, adresser och "
                                "telefonnummer", "i remove names, personal identity numbers, addresses and "
                                "phone numbers"):
                    lowered = lowered.replace(warning, "")
                assert not any(word in lowered for word in identifying), key
