"""Every reason the engine can give has its wording, a report stays a report after "no acute danger", and the
staff-suspected path brings its guidance article."""

from __future__ import annotations

import ast
from pathlib import Path

from dialogs.description import without_alarm
from dialogs.text import en, sv
from knowledge.assessment import REASON_CODES, REPORT_REASONS, STAFF_ARTICLE, assess
from knowledge.faq import Faq
from tests.dialogs.harness import answer_until_guidance, asked, choice

KNOWLEDGE = Path(__file__).parents[2] / "knowledge"
PRESCHOOL = "Förskola Sagoberget"  # Bromma in the demo data
STAFF_TEXT = "en vikarie slog ett barn på handen vid lunchen idag, jag såg det själv"
REST = {"understood": "yes", "concern": ["physical"], "duration": "today", "child_told": "no", "age": "3-6"}


def reason_codes_in_source(path: Path) -> set[str]:
    """String literals the module adds to a `reasons` set: `reasons.add("...")`."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "reasons"):
            codes.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return codes


def engine_reason_codes() -> set[str]:
    """Reason codes the reading engine adds, over every module of `knowledge/reading/`."""
    return set().union(*(reason_codes_in_source(path) for path in sorted((KNOWLEDGE / "reading").glob("*.py"))))


def test_the_source_scan_finds_the_engine_reasons() -> None:
    found = engine_reason_codes()
    assert {"staff_suspected", "witnessed_violence", "honour_or_fgm", "retracted_still_reportable"} <= found


def test_every_reason_code_the_engine_can_produce_is_known_and_worded_in_both_languages() -> None:
    produced = engine_reason_codes() | reason_codes_in_source(KNOWLEDGE / "assessment.py")
    assert produced <= set(REASON_CODES), produced - set(REASON_CODES)  # assess() drops unknown codes silently
    for code in produced | set(REASON_CODES) | REPORT_REASONS:
        assert sv.REASONS.get(code), f"sv wording missing for {code}"
        assert en.REASONS.get(code), f"en wording missing for {code}"


def test_every_reason_the_engine_reads_in_a_text_grounds_a_report() -> None:
    read_reasons = engine_reason_codes()
    assert read_reasons <= REPORT_REASONS, read_reasons - REPORT_REASONS


def test_saying_no_acute_danger_keeps_a_report_for_every_report_reason() -> None:
    for code in sorted(REPORT_REASONS):
        acute = {"acute": True, "outcome": "acute", "categories": [], "reasons": ["acute_signal", code],
                 "tell_guardians_first": False, "acute_code": "immediate_danger"}
        calmer = without_alarm(acute)
        assert calmer["outcome"] == "report", code
        assert code in calmer["reasons"]


def test_a_planned_cutting_trip_stays_a_report_when_the_danger_is_dismissed() -> None:
    assessment = assess("mamman sa att dottern ska omskäras när de åker till Somalia nästa månad")
    calmer = without_alarm({**assessment.to_dict(), "acute_code": assessment.acute_code})
    assert assessment.acute
    assert calmer["outcome"] == "report"


def test_the_staff_article_exists_under_the_engine_constant() -> None:
    faq = Faq.load()
    assert faq.get(STAFF_ARTICLE, "sv") is not None
    assert faq.get(STAFF_ARTICLE, "en") is not None


async def test_a_suspected_colleague_gets_the_staff_article_with_the_guidance(chat, bot):
    replies = await chat.say(STAFF_TEXT)
    assert asked(replies) == "danger"
    await chat.click(choice("danger", "no"))
    replies = await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, _ = await answer_until_guidance(chat, replies, REST)
    texts = [text for reply in replies for text in reply.card_texts()]
    title = Faq.load().get(STAFF_ARTICLE, "sv").title
    assert title in texts
    joined = " ".join(texts)
    assert "rektorn" in joined
    assert "huvudmannen" in joined
    assert "staff_suspected" in bot.recorder.notes[-1]["reasons"]


async def test_a_concern_about_a_parent_gets_no_staff_article(chat):
    replies = await chat.say("barnet har blåmärken på ryggen och säger att pappa slår honom")
    await chat.click(choice("danger", "no"))
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, _ = await answer_until_guidance(chat, replies, REST)
    texts = [text for reply in replies for text in reply.card_texts()]
    assert asked(replies) == "final"
    assert Faq.load().get(STAFF_ARTICLE, "sv").title not in texts
