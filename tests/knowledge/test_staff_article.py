"""The staff-suspected guidance article: both languages, the right path, law references only from law.yaml."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from knowledge.faq import Faq
from knowledge.law import law


def test_the_staff_article_exists_in_both_languages_with_the_path() -> None:
    faq = Faq.load()
    sv, en = faq.get("personal-misstanks", "sv"), faq.get("personal-misstanks", "en")
    assert sv is not None
    assert en is not None
    for word in ("rektorn", "huvudmannen", "Polisen", "112", "socialtjänsten", "konsultation ersätter inte"):
        assert word in sv.body, word
    for word in ("rektor", "organiser", "police", "112", "social services", "consultation does not replace"):
        assert word in en.body, word


def test_the_staff_article_cites_skollagen_from_law_yaml_marked_unverified() -> None:
    faq = Faq.load()
    body = faq.get("personal-misstanks", "sv").body
    assert "skollagen (2010:800) 6 kap. 10 § (att kontrollera)" in body
    raw = (Path(__file__).parents[2] / "knowledge/content/sv/personal-misstanks.md").read_text("utf-8")
    assert "kap." not in raw
    assert "§" not in raw


def test_a_verified_section_drops_the_mark() -> None:
    verified = dataclasses.replace(law(), staff_section_verified=True)
    assert verified.staff_reference("sv") == "skollagen (2010:800) 6 kap. 10 §"
    assert "to be verified" in law().staff_reference("en")


def test_a_staff_question_finds_the_article() -> None:
    article = Faq.load().search("Vad gör jag om en kollega slår ett barn?", "sv")
    assert article is not None
    assert article.slug == "personal-misstanks"
