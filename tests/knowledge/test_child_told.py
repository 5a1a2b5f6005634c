"""Whether the child has told, as staff write it: many telling verbs, a noun phrase or no subject at all, the
source after "enligt"/"according to", English and mixed; an adult telling, or a child who has not, is no telling."""

from __future__ import annotations

import pytest

from knowledge.assessment import Category, Outcome, assess
from knowledge.understanding import understand

# The child told: each line one member of a family of phrasings (families, not sentences, are what is held).
TOLD = [
    # a noun phrase tells ("one of our girls", "a boy in my group", "ett av barnen")
    "one of our girls told me her stepdad hits her",
    "a boy in my group said his mum slaps him",
    "one of the kids in the toddler room told a colleague that grandpa pinches her",
    "en av våra flickor berättade att styvpappan slår henne",
    "ett av barnen sa att mormor drar henne i håret",
    "killen i min grupp har sagt att pappa sparkar honom",
    "vår fyraåring kom och sa att pappa bet honom",
    "yngsta dottern har berättat att farbror slår henne",
    # the source after "enligt" / "according to"
    "according to the boy, his father kicks him",
    "according to the little one grandma hits her with a spoon",
    "enligt pojken sparkar pappa honom",
    "enligt barnet slår pappa",
    "enligt henne slår mammas kille henne",
    "enligt honom själv är det pappa som gett honom blåmärkena",
    # many verbs of telling
    "he mentioned that dad locks him in the bathroom",
    "hon nämnde att pappa slår henne med en sladd",
    "barnet uppger att pappan drar henne i håret",
    "han viskade att farbror gör honom illa",
    "hon antydde att mammas kille tar på henne",
    "she whispered that her uncle hurts her",
    "he let slip that his stepdad burns him with cigarettes",
    "she confided that her dad kicks her",
    "the boy disclosed that his father beats him",
    "han erkände till slut att det var pappa som gav honom blåmärket",
    "hon påstår att styvpappan har slagit henne",
    "han beskrev hur pappa håller fast honom och slår honom",
    "he keeps saying that his dad squeezes his neck",
    "hon pratade om att pappa tar tag i halsen på henne",
    # the subject left out, as staff type
    "berättade idag att hon fick stryk",
    "Sa på samlingen att pappa slog honom med en galge",
    "Har berättat flera gånger att styvpappan sparkar henne",
    "Kom fram till mig efter lunchen och sa att pappa slagit mamma",
    "told me this morning that mum hits him with a hairbrush",
    # inversion and the child's own words
    "I går slog pappa henne med en slev, berättade hon i morse",
    "pappa slår mig sa pojken",
    # learner Swedish and mixed
    "flicka säga babo slå med skärp",
    "pojke berätta, farbror slå han med sladd",
    "pojke blå på rygg, säga pappa slå med bälte",
    "en av tjejerna told me att hennes pappa slår henne",
    "she whispered att mammas kille slår henne",
    "hon nämnde att pappa hit mamma igår",
]

# The child has not told: the text says so.
NOT_TOLD = [
    "hon har inte sagt något",
    "vi har inte pratat med barnet",
    "han säger ingenting när vi frågar om märket på kinden",
    "she hasn't said a word about home but she flinches",
    "the child hasn't told us anything, but dad smelled of alcohol again",
    "barnet har inte berättat något själv, det var mamman som sa att pappan slår dem",
]

# Someone else told, or nobody is said to have: the child's telling is not known.
SILENT = [
    "mamma berättade att pappan slår barnen",
    "a colleague told me she saw the dad slap the girl",
    "pappan sa själv vid hämtningen att han slår pojken med bälte",
    "Jag pratade med mamman i hallen och hon sa att pappan slår dem båda",
    "Mamman kom hit i morse. Hon sa att pappan sparkar pojken.",
    "Sa till mamman vid hämtningen att hon varit ledsen hela dagen",
    "hennes pojkvän slår barnen när han druckit, sa mamman i telefon",
    "mormor berättade att mamman dricker varje kväll",
    "hon har blåmärken på armarna",
    "Berätta för mig hur jag gör en anmälan",
]


@pytest.mark.parametrize(("text", "told"), [(text, True) for text in TOLD] + [(text, False) for text in NOT_TOLD]
                         + [(text, None) for text in SILENT])
def test_whether_the_child_told_is_read_as_staff_write_it(text: str, told: bool | None) -> None:
    assert understand(text).child_told is told


@pytest.mark.parametrize("text", [
    "enligt barnet slår pappa",
    "enligt pojken slår styvpappan honom med en pinne",
    "according to the girl, her stepmother hits her",
    "Berättade idag att hon fick stryk av pappa i helgen",
    "one of our girls told me her stepdad hits her with a belt",
])
def test_violence_after_a_source_or_a_left_out_subject_is_still_violence(text: str) -> None:
    understood = understand(text)
    assert Category.PHYSICAL in understood.categories
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT
    assert "child_told" in assessment.reasons
    assert assessment.tell_guardians_first is False


def test_a_left_out_subject_keeps_duration_and_safety_as_the_text_says() -> None:
    understood = understand("Berättade idag att pappa slog henne i morse, hon vågar inte gå hem")
    assert understood.child_told is True
    assert understood.duration == "today"
    assert understood.safe_today is False


def test_a_denial_after_a_parent_talked_with_the_child_is_a_retraction() -> None:
    assessment = assess("efter att pappan pratat med henne säger hon nu att ingen har slagit henne")
    assert assessment.outcome is Outcome.REPORT
    assert "retracted_still_reportable" in assessment.reasons
    assert Category.PHYSICAL in assessment.categories


def test_a_denial_with_nobody_talking_to_the_child_first_stays_calm() -> None:
    assessment = assess("hon säger att ingen har slagit henne, hon ramlade i backen och vi såg det")
    assert assessment.outcome is not Outcome.REPORT
    assert not assessment.acute


@pytest.mark.parametrize("text", [
    "mamma dricka mycket öl, nu i hall för hämta, kan inte stå",
    "papa full, nu i hallen, vill ta pojke hem i bil",
    "baba dricka mycket idag, nu vill köra bil med barn",
])
def test_learner_swedish_intoxication_now_with_the_child_is_acute(text: str) -> None:
    assert assess(text).acute


def test_bearing_something_is_no_intoxication() -> None:
    assert not assess("jag kan inte stå ut med hur rörigt det är vid hämtningen").acute
