"""FAQ search and content: staff questions (with typos) find the right article, off-topic ones find none."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from knowledge.faq import Faq
from knowledge.law import law


@pytest.fixture(scope="module")
def faq() -> Faq:
    return Faq.load()


SWEDISH = [
    ("måste jag anmäla om jag bara är orolig", "anmalningsskyldighet"),
    ("måste man vara säker innan man anmäler", "anmalningsskyldighet"),
    ("anmälningsskyldighet", "anmalningsskyldighet"),
    ("kan man anmäla anonymt", "konsultation-eller-anmalan"),
    ("kan jag ringa socialtjänsten anonymt först", "konsultation-eller-anmalan"),
    ("räcker det med en konsultaion", "konsultation-eller-anmalan"),
    ("hur gör jag en orosanmälan", "sa-gor-du-en-anmalan"),
    ("vart skickar man anmälan", "sa-gor-du-en-anmalan"),
    ("vilket nummer ringer jag på kvällen", "sa-gor-du-en-anmalan"),
    ("var finns etjänsten för orosanmälan", "sa-gor-du-en-anmalan"),
    ("vad hander efter anmalan", "efter-anmalan"),
    ("får jag återkopling", "efter-anmalan"),
    ("hur lång tid tar utredningen", "efter-anmalan"),
    ("vilka tecken ska jag titta efter", "tecken-pa-oro"),
    ("är blåmärken ett tecken", "tecken-pa-oro"),
    ("tecken på försumelse", "tecken-pa-oro"),
    ("hur pratar jag med barnet", "nar-barnet-berattar"),
    ("barnet berättade något, vad gör jag", "nar-barnet-berattar"),
    ("ska jag beräta för föräldrarna", "beratta-for-vardnadshavare"),
    ("måste jag prata med vårdnadshavarna först", "beratta-for-vardnadshavare"),
    ("var kan föräldrar få stöd", "tidigt-stod"),
    ("familjecentral", "tidigt-stod"),
    ("foraldraradgivning", "tidigt-stod"),
    ("jag mår dåligt efter anmälan", "stod-for-personal"),
    ("föräldrarna är arga på mig", "stod-for-personal"),
    ("kan rektorn anmäla istället för mig", "personlig-skyldighet"),
    ("räcker det att jag säger till rektorn", "personlig-skyldighet"),
    ("kan jag anmäla igen", "anmala-igen"),
    ("socialtjänsten gjorde ingenting", "anmala-igen"),
    ("när ska jag ringa 112", "akut-fara"),
]

ENGLISH = [
    ("can I report anonymously", "konsultation-eller-anmalan"),
    ("what happens after a report", "efter-anmalan"),
    ("should I tell the parents", "beratta-for-vardnadshavare"),
    ("do i have to report", "anmalningsskyldighet"),
    ("where can parents get suport", "tidigt-stod"),
    ("can my manager report instead of me", "personlig-skyldighet"),
]

OFF_TOPIC = [
    ("vad blir det till lunch", "sv"),
    ("när är det planeringsdag", "sv"),
    ("hur bokar jag semester", "sv"),
    ("var ligger personalrummet", "sv"),
    ("kan jag byta schema", "sv"),
    ("vad kostar maxtaxan", "sv"),
    ("hej", "sv"),
    ("", "sv"),
    ("what is for lunch", "en"),
    ("how do I book a holiday", "en"),
]


@pytest.mark.parametrize(("query", "slug"), SWEDISH)
def test_swedish_staff_questions_find_the_right_article(faq: Faq, query: str, slug: str) -> None:
    article = faq.search(query)
    assert article is not None
    assert article.slug == slug


@pytest.mark.parametrize(("query", "slug"), ENGLISH)
def test_english_questions_find_the_right_article(faq: Faq, query: str, slug: str) -> None:
    article = faq.search(query, lang="en")
    assert article is not None
    assert (article.slug, article.lang) == (slug, "en")


@pytest.mark.parametrize(("query", "lang"), OFF_TOPIC)
def test_off_topic_questions_find_no_article(faq: Faq, query: str, lang: str) -> None:
    assert faq.search(query, lang=lang) is None


def test_every_swedish_article_has_an_english_twin(faq: Faq) -> None:
    sv = {article.slug for article in faq.articles("sv")}
    assert len(sv) >= 12
    assert sv == {article.slug for article in faq.articles("en")}


def test_get_returns_the_article_in_the_language(faq: Faq) -> None:
    article = faq.get("akut-fara", "en")
    assert article is not None
    assert "112" in article.body
    assert faq.get("no-such-slug", "sv") is None


def test_law_reference_is_substituted_and_never_hard_coded(faq: Faq) -> None:
    article = faq.get("anmalningsskyldighet", "sv")
    assert article is not None
    assert law().reference("sv") in article.body
    assert "tidigare 14 kap. 1 § SoL" in article.body
    for path in resources.files("knowledge").joinpath("content").iterdir():
        if path.is_dir():
            for entry in path.iterdir():
                assert not re.search(r"2025:400|\d+ kap\.", entry.read_text("utf-8")), entry.name


def test_no_placeholder_is_left_unfilled(faq: Faq) -> None:
    for lang in ("sv", "en"):
        for article in faq.articles(lang):
            assert "{law" not in article.body + article.title


def test_load_reads_another_content_directory(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "a.md").write_text(
        "---\nslug: a\ntitle: \"Om {law_name}\"\nquestions:\n  - Vad heter lagen?\n---\nText.\n", "utf-8"
    )
    faq = Faq.load(tmp_path)
    article = faq.get("a", "sv")
    assert article is not None
    assert article.title == f"Om {law().name}"
    assert faq.articles("en") == []


def test_duty_section_stays_unconfirmed_until_a_lawyer_fills_it_in() -> None:
    assert law().duty_section is None
    assert law().former_section == "14 kap. 1 § SoL"
