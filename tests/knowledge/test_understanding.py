"""Understanding Swedish as written: the issue's sentences, negation scope, time, spelling, compounds, openings."""

from __future__ import annotations

import pytest

from knowledge.acute import is_acute
from knowledge.assessment import Answers, Category, Outcome, assess
from knowledge.language import lemma, read_word
from knowledge.understanding import SIGNAL_CODES, understand

# --- every sentence quoted in issue #10, each in the situation the issue describes

ISSUE_ACUTE = [
    "Han har färska brännmärken på armen, säger att mamma gjorde det och är rädd för att gå hem.",
    "Flickan ska åka utomlands i helgen och bli omskuren där.",
    "Pappan står i hallen med en knivv.",
    "Mamman är påtänd och ska hämta honom nu.",
    "Pappa är packad och ska köra hem med henne.",
    "är packad och ska köra hem",
    "the girl can be cut like her sisters",
    "Hon har röda streck runt halsen.",
    "Mamman säger att flickan ska renas i Somalia i sommar.",
    "Hon ska göras ren när de åker till Egypten på lovet.",
    "Farmor vill att hon ska få sunna på resan till Sudan.",
    "Han vågar inte gå hem.",
]


@pytest.mark.parametrize("text", ISSUE_ACUTE)
def test_the_acute_situations_of_the_issue_are_acute(text: str) -> None:
    assessment = assess(text)
    assert assessment.acute
    assert assessment.outcome is Outcome.ACUTE
    assert assessment.tell_guardians_first is False
    assert is_acute(text) is not None


@pytest.mark.parametrize(("text", "category"), [
    ("Igår slog pappa honom", Category.PHYSICAL),
    ("baba slår mama", Category.DOMESTIC_VIOLENCE),
    ("Mamman kan inte skydda henne mot pappan som slår henne", Category.PHYSICAL),
    ("Pappa [namn] slår henne", Category.PHYSICAL),
    ("aabo slår honom med bältet säger han", Category.PHYSICAL),
    ("hooyo slår honom när han gråter", Category.PHYSICAL),
    ("mammas kille slår henne", Category.PHYSICAL),
    ("her mum's boyfriend hits her", Category.PHYSICAL),
    ("hon pratar om pappavåldet hemma", Category.DOMESTIC_VIOLENCE),
    ("Han har blivit misshandlad.", Category.PHYSICAL),
])
def test_violence_in_any_word_order_language_or_mask_is_a_report_without_telling_guardians(
        text: str, category: Category) -> None:
    assessment = assess(text)
    assert assessment.outcome in (Outcome.REPORT, Outcome.ACUTE)
    assert category in assessment.categories
    assert assessment.tell_guardians_first is False


@pytest.mark.parametrize("text", [
    "Vi övade brandlarm och pratade om när man ringer 112",
    "Vi tränar på att äta med kniv och gaffel.",
    "kniv och gaffel",
    "Barnen lekte att de dödade draken.",
    "Under leken skrek han att han ska döda alla monster.",
    "Utrymningsövning idag, alla kom ut.",
    "Vad blir det till lunch?",
])
def test_false_triggers_stay_calm(text: str) -> None:
    assert is_acute(text) is None
    assert not assess(text).acute


def test_intoxication_observed_before_is_a_report_not_112() -> None:
    assessment = assess("har ibland luktat alkohol vid hämtning")
    assert not assessment.acute
    assert assessment.outcome is Outcome.REPORT


def test_a_child_who_tells_and_retracts_is_still_reportable() -> None:
    assessment = assess("Hon sa att pappa slår henne, men sen tog hon tillbaka det och sa att hon ljög.")
    assert assessment.outcome is Outcome.REPORT
    assert "retracted_still_reportable" in assessment.reasons
    assert "retracted" in assessment.signals


def test_a_disclosure_after_character_300_reaches_the_assessment() -> None:
    filler = "Hon har haft en lugn dag och lekt med lera och byggt koja med sina kompisar på gården. " * 8
    text = filler + "Sedan sa hon tyst att pappa slår henne med bältet."
    assert text.index("pappa slår") > 600
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT
    assert Category.PHYSICAL in assessment.categories


@pytest.mark.parametrize("text", [
    "En kollega slog ett barn på rumpan idag.",
    "Vikarien drog en pojke hårt i armen och slog honom.",
    "My colleague slapped a child on the hand.",
])
def test_staff_suspected_is_its_own_path(text: str) -> None:
    assessment = assess(text)
    assert assessment.staff_suspected
    assert "staff_suspected" in assessment.reasons
    assert assessment.outcome is Outcome.REPORT
    assert assessment.tell_guardians_first is False


def test_a_parent_hitting_is_not_the_staff_path() -> None:
    assert not assess("Pappan slår henne, sa hon till personalen.").staff_suspected


# --- guardians advice from categories and card answers

@pytest.mark.parametrize("answers", [
    Answers(safe_today=False), Answers(categories=("sexual",)), Answers(categories=("honour",)),
    Answers(categories=("domestic_violence",)), Answers(categories=("physical",)),
])
def test_card_answers_alone_can_say_do_not_tell_the_guardians_first(answers: Answers) -> None:
    assert assess("Jag är orolig.", answers).tell_guardians_first is False


def test_neglect_and_support_allow_telling_guardians_first() -> None:
    assert assess("Han kommer hungrig och smutsig varje dag sedan flera veckor.").tell_guardians_first is True
    assert assess("Föräldrarna har separerat och vill ha råd om sömn.").tell_guardians_first is True


def test_support_only_when_there_is_no_sign_of_harm() -> None:
    assert assess("Föräldrarna separerar och mamma vill ha tips om sömn.").outcome is Outcome.SUPPORT
    assert assess("Föräldrarna separerar och hon har blåmärken i ansiktet.").outcome is not Outcome.SUPPORT


def test_the_card_and_the_text_combine_and_the_more_urgent_wins() -> None:
    assert assess("Pappa är full och ska hämta nu.", Answers(safe_today=True)).acute
    assert assess("Hon har ett blåmärke.", Answers(safe_today=False)).acute


# --- negation scope

@pytest.mark.parametrize(("text", "harm"), [
    ("Hon har inga blåmärken.", False),
    ("Pappa slår inte henne.", False),
    ("Pappan var inte full, bara trött.", False),
    ("Mamman kan inte skydda henne mot pappan som slår henne.", True),
    ("Han har inga blåmärken – men pappa slår honom.", True),
    ("Hon är inte hungrig men pappa slår henne.", True),
    ("Jag vet inte om pappa slår henne.", True),
    ("Han vågar inte gå hem.", True),
    ("Han har inte fått mat sedan igår, det händer ofta.", True),
])
def test_negation_denies_only_within_its_clause(text: str, harm: bool) -> None:
    assessment = assess(text)
    found = bool(set(assessment.categories) - {Category.FAMILY_SUPPORT}) or assessment.acute
    assert found is harm, assessment


# --- time: now, before, pattern

@pytest.mark.parametrize(("text", "acute"), [
    ("Pappa är full och ska hämta henne.", True),
    ("Mamma luktar sprit och ska köra hem med barnet.", True),
    ("Pappa var full i helgen enligt barnet.", False),
    ("Förra veckan var mamman full när hon hämtade.", False),
    ("Pappan brukar vara full vid hämtning.", False),
    ("The father has turned up drunk to pick up several times.", False),
])
def test_intoxication_is_acute_only_now(text: str, acute: bool) -> None:
    assert assess(text).acute is acute


# --- spelling tolerance and its guard

@pytest.mark.parametrize(("word", "concept"), [
    ("knivv", "weapon"), ("slåt", "hit"), ("missandlar", "hit"), ("blåmärkn", "injury"), ("beruzad", "intox"),
    ("strypmärkem", "strangle"),
])
def test_misspellings_are_read_as_the_lexicon_word(word: str, concept: str) -> None:
    assert concept in read_word(word).concepts


def test_sexuelt_is_read_inside_its_phrase() -> None:
    assert assess("misstänker sexuelt övergrepp från styvpappan").acute


@pytest.mark.parametrize("word", ["hosta", "kasta", "skatt", "stol", "kanin", "slips", "rosa", "hota", "sol", "lekte",
                                  "knappt", "slott", "samma", "kliar", "hälsa", "vaken", "gott"])
def test_real_words_are_never_corrected(word: str) -> None:
    assert read_word(word).forms <= {word, lemma(word)}


# --- inflection and compounds

@pytest.mark.parametrize(("word", "concepts"), [
    ("misshandel", {"violence"}), ("misshandlat", {"hit"}), ("omskuren", {"fgm"}),
    ("brännmärken", {"burn", "injury"}), ("pappavåldet", {"violence"}), ("slog", {"hit"}), ("slagit", {"hit"}),
    ("styvpappan", {"parent"}), ("mammadockan", {"parent"}),
])
def test_inflections_and_compounds_are_understood(word: str, concepts: set[str]) -> None:
    assert concepts <= read_word(word).concepts


# --- the opening message: a described worry starts a consultation, menu words and questions do not

@pytest.mark.parametrize("text", [
    "Ett barn har blåmärken på armarna och säger att pappa blir arg",
    "Jag är orolig för en pojke som ofta är hungrig.",
    "hej, jag är orolig för ett barn",
    "One of our kids has bruises and said daddy hits him",
    "vi har en kid som alltid är hungry",
    "Mamman verkar deprimerad och orkar inte.",
])
def test_a_described_worry_is_a_concern(text: str) -> None:
    assert understand(text).is_concern


@pytest.mark.parametrize("text", [
    "hej", "Hej!", "meny", "hjälp", "tack", "hur gör jag en anmälan?", "vad händer efter en anmälan",
    "Hur gör jag en orosanmälan?", "Ska jag berätta för föräldrarna?", "När ska jag ringa 112?",
    "Vad gör jag om jag misstänker att ett barn far illa?", "what happens after a report?",
])
def test_greetings_menu_words_and_bare_questions_are_not_a_concern(text: str) -> None:
    assert not understand(text).is_concern


def test_understanding_fills_what_the_text_says() -> None:
    seen = understand("Hon berättade idag att pappa slår henne, det har pågått i flera veckor.")
    assert seen.child_told is True
    assert seen.duration == "weeks"
    assert "child_told" in seen.signals
    assert "repeated" in seen.signals
    assert set(seen.signals) <= set(SIGNAL_CODES)


def test_understanding_of_an_acute_text_says_not_safe_today() -> None:
    seen = understand("Pappa är full och ska köra hem med henne nu.")
    assert seen.safe_today is False
    assert seen.acute_code == "intoxicated_pickup"
    assert "intoxicated_now" in seen.signals


def test_understanding_is_silent_where_the_text_is() -> None:
    seen = understand("Hon har blivit väldigt tyst.")
    assert seen.child_told is None
    assert seen.safe_today is None
    assert seen.duration is None


def test_understanding_keeps_no_text() -> None:
    seen = understand("Alva sa att pappa slår henne")
    assert "Alva" not in repr(seen)
    assert "slår" not in repr(seen)


def test_english_text_is_recognised_as_english() -> None:
    assert understand("she told me her dad hits her").language == "en"
    assert understand("hon sa att pappa slår henne").language == "sv"


@pytest.mark.parametrize(("word", "concepts"), [
    ("plastknivar", {"toy"}), ("vattenpistol", {"toy"}), ("tillbaka", set()), ("small", set()), ("hits", {"hit"}),
    # "hit" alone is also Swedish (here): it counts as a blow only with an object ("mum hit me"), below.
    ("hit", set()),
])
def test_toys_common_words_and_english_words_are_not_misread(word: str, concepts: set[str]) -> None:
    found = read_word(word).concepts
    assert found & {"weapon", "hit", "disarm", "toy"} == concepts


def test_swedish_hit_is_here_and_english_hit_needs_an_object() -> None:
    assert assess("familjen har precis flyttat hit och mamman undrar om öppna förskolan").outcome is Outcome.SUPPORT
    assert assess("kom hit sa pappan till pojken vid hämtningen").acute is False
    assert assess("he said his dad hit him with a belt").outcome is Outcome.REPORT
    assert assess("I saw a colleague hit a child on the hand").staff_suspected


def test_a_beating_in_a_film_or_a_doll_game_is_not_an_account() -> None:
    assert assess("hon berättade om en film där någon blev slagen").outcome is not Outcome.REPORT
    assert assess("hon berättade att hon blev slagen av pappa").outcome is Outcome.REPORT


def test_a_crisis_drill_about_knives_and_intoxication_stays_calm() -> None:
    assessment = assess("På APT gick vi igenom krisplanen: vad gör vi om någon kommer in med kniv eller är full.")
    assert not assessment.acute
    assert "intoxicated_with_child" not in assessment.reasons


def test_cut_is_fgm_only_for_a_girl_with_a_trip_or_a_country() -> None:
    assert assess("mamman säger att lillan ska klippas i Somalia i sommar som sina systrar").acute
    assert not assess("hon ska klippa håret i morgon").acute
    assert not assess("she will cut the paper with scissors").acute


def test_a_misspelling_that_folds_onto_a_phrase_word_still_finds_the_concept() -> None:
    assert "hit" in read_word("slåg").concepts
