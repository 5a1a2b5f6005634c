"""Words first: the staff member's own description starts or feeds the consultation; danger is asked first;
nothing already said is asked again; the raw text is assessed whole and never kept."""

from __future__ import annotations

import json

import pytest

import knowledge.understanding
from dialogs.base import Command, command_of
from dialogs.ports import RESUME_DIALOGS
from knowledge.assessment import Category
from knowledge.understanding import Understanding
from tests.dialogs.harness import answer_until_guidance, asked, choice, last_card

PRESCHOOL = "Förskola Sagoberget"  # Bromma in the demo data
BRUISES = "Ett barn har blåmärken på armarna och säger att pappa blir arg"
STRANGLED = "Barnet har strypmärken på halsen och vågar inte gå hem"
REST = {"understood": "yes", "concern": ["emotional"], "duration": "weeks", "child_told": "no", "age": "3-6"}
MENU_FIRST_BUTTON = {"action": "menu", "choice": "consult"}


@pytest.fixture
def understanding(monkeypatch) -> dict[str, Understanding]:  # type: ignore[no-untyped-def]
    """Texts containing a chosen marker are understood as the test says; others by the real engine.

    The engine itself is measured in tests/knowledge and bench.guidance; here only the dialog's use of it.
    """
    said: dict[str, Understanding] = {}
    real = knowledge.understanding.understand

    def fake(text: str) -> Understanding:
        for marker, found in said.items():
            if marker in text:
                return found
        return real(text)

    monkeypatch.setattr("dialogs.base.understand", fake)
    monkeypatch.setattr("dialogs.description.understand", fake)
    return said


def texts_of(replies) -> str:  # type: ignore[no-untyped-def]
    return " ".join([r.text for r in replies] + [t for r in replies for t in r.card_texts()])


def is_menu(replies) -> bool:  # type: ignore[no-untyped-def]
    return any(MENU_FIRST_BUTTON in r.submits() for r in replies if r.card)


# --- words first ---

async def test_a_described_worry_as_the_first_message_starts_a_consultation_with_it(chat, bot):
    replies = await chat.say(BRUISES)
    assert any(r.says("Tack för att du berättar") for r in replies)
    assert not is_menu(replies)
    assert asked(replies) == "danger"
    replies = await chat.click(choice("danger", "no"))
    echo = last_card(replies)
    assert echo.card_texts()[0].startswith("Jag uppfattade:")
    assert "blåmärken" in echo.card_texts()[0]
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "words" not in questions
    assert "concern" not in questions
    assert asked(replies) == "final"
    note = bot.recorder.notes[-1]
    assert note["summary"] == BRUISES
    assert "physical" in note["categories"]
    assert len(bot.recorder.notes) == 1


async def test_nothing_the_text_already_said_is_asked_again(chat, bot, understanding):
    understanding["armarna"] = Understanding(
        is_concern=True, categories=(Category.PHYSICAL,), signals=("child_told", "ongoing_now"),
        duration="today", child_told=True, safe_today=None)
    replies = await chat.say(BRUISES)
    assert asked(replies) == "danger"
    replies = await chat.click(choice("danger", "no"))
    echo = "Jag uppfattade: blåmärken eller skador · barnet har berättat · pågår nu"
    assert last_card(replies).card_texts()[0] == echo
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert questions == ["age"]
    note = bot.recorder.notes[-1]
    assert note["duration"] == "today"
    assert note["signals"] == ["child_told", "ongoing_now"]
    assert note["outcome"] == "report"
    assert "child_told" in note["reasons"]


async def test_an_age_in_the_opening_is_understood_and_not_asked(chat, bot):
    """The real engine: "(4 år)" is the child's age, so the age question never comes and the note has the band."""
    opening = ("Hej, en av våra pojkar (4 år) har kommit i samma kläder hela veckan, luktar illa och äter "
               "som om han inte fått mat hemma")
    replies = await chat.say(opening)
    if asked(replies) == "danger":
        replies = await chat.click(choice("danger", "no"))
    assert "3–6 år" in last_card(replies).card_texts()[0]
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "age" not in questions
    assert asked(replies) == "final"
    assert bot.recorder.notes[-1]["age_band"] == "3-6"


async def test_change_asks_the_category_and_duration_again_and_the_pick_counts(chat, bot, understanding):
    understanding["armarna"] = Understanding(is_concern=True, categories=(Category.PHYSICAL,), duration="months",
                                             child_told=False, safe_today=True)
    replies = await chat.say(BRUISES)
    assert asked(replies) == "understood"  # the text said the child is safe today: no danger question
    replies = await chat.click(choice("understood", "change"))
    assert any(r.says("Okej, då frågar jag i stället.") for r in replies)
    await chat.say(PRESCHOOL)
    replies = await chat.click({"action": "concern", "choices": "neglect"})
    assert asked(replies) == "duration"
    await chat.click(choice("duration", "today"))
    await answer_until_guidance(chat, await chat.click(choice("age", "1-3")), REST)
    note = bot.recorder.notes[-1]
    assert note["duration"] == "today"
    assert "neglect" in note["categories"]


async def test_a_description_after_hej_starts_the_consultation(chat):
    replies = await chat.say("hej")
    assert is_menu(replies)
    replies = await chat.say(BRUISES)
    assert any(r.says("Tack för att du berättar") for r in replies)
    assert asked(replies) == "danger"
    assert not any(r.says("Jag förstod inte") for r in replies)


async def test_a_description_at_the_menu_after_going_back_starts_the_consultation_with_it(chat, bot):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("meny")
    assert is_menu(replies)
    replies = await chat.say("Jag är orolig, barnet har blåmärken på ryggen och är ofta hungrig")
    assert asked(replies) == "danger"
    await chat.click(choice("danger", "no"))
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    await answer_until_guidance(chat, replies, REST)
    assert {"physical", "neglect"} <= set(bot.recorder.notes[-1]["categories"])


async def test_a_question_at_the_menu_still_gets_its_article(chat):
    await chat.say("hej")
    replies = await chat.say("Kan jag anmäla anonymt som anställd?")
    assert "anonymt" in " ".join(last_card(replies).card_texts()).lower()


async def test_an_english_opening_starts_a_consultation(chat, bot):
    replies = await chat.say("A child in my group has bruises on her arms and says her dad hits her")
    assert asked(replies) == "danger"
    await chat.click(choice("danger", "no"))
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    await answer_until_guidance(chat, replies, REST)
    note = bot.recorder.notes[-1]
    assert note["outcome"] == "report"
    assert "physical" in note["categories"]


@pytest.mark.parametrize(("opening", "echo"), [
    ("one of our girls told me her stepdad hits her with a belt, she had marks on her legs today",
     "the child has told"),
    ("according to the boy, his father kicks him with boots on, he had marks on his legs today", "the child has told"),
    ("Berättade idag att styvpappan slår henne med ett skärp, hon hade märken på benen", "barnet har berättat"),
])
async def test_an_opening_where_the_child_told_is_not_asked_whether_the_child_told(chat, bot, opening, echo):
    """The real engine: a noun phrase, a source after "according to" or a left-out subject is the child telling, so
    that question never comes."""
    replies = await chat.say(opening)
    if asked(replies) == "danger":
        replies = await chat.click(choice("danger", "no"))
    assert echo in last_card(replies).card_texts()[0]
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "child_told" not in questions
    assert asked(replies) == "final"
    note = bot.recorder.notes[-1]
    assert "child_told" in note["signals"]
    assert note["outcome"] == "report"
    assert "physical" in note["categories"]


async def test_an_opening_understood_as_english_is_answered_in_english(chat, understanding):
    understanding["bruises"] = Understanding(is_concern=True, categories=(Category.PHYSICAL,), language="en")
    replies = await chat.say("The girl has bruises and says mum is angry")
    assert any(r.says("Thank you for telling me") for r in replies)
    assert last_card(replies).card_texts()[0] == "First: is the child in danger right now, or afraid to go home?"


async def test_a_mixed_swedish_and_english_opening_starts_a_consultation(chat, bot):
    replies = await chat.say("Ett barn har bruises på armarna och dad slår henne")
    assert asked(replies) == "danger"
    await chat.click(choice("danger", "no"))
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    await answer_until_guidance(chat, replies, REST)
    assert "physical" in bot.recorder.notes[-1]["categories"]


async def test_a_description_typed_at_a_choice_feeds_the_consultation(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    await chat.click(choice("words", "skip"))
    replies = await chat.click({"action": "concern", "choices": "emotional"})
    assert asked(replies) == "duration"
    replies = await chat.say("Hon har haft blåmärken på ryggen och säger att pappa slår henne")
    assert not any(r.says("Jag förstod inte") for r in replies)
    replies, _ = await answer_until_guidance(chat, replies, REST)
    note = bot.recorder.notes[-1]
    assert "pappa slår henne" in note["summary"]
    assert note["outcome"] == "report"


# --- danger first ---

async def test_the_danger_question_comes_first_from_the_menu_too(chat):
    await chat.say("hej")
    replies = await chat.click(choice("menu", "consult"))
    assert asked(replies) == "danger"
    assert last_card(replies).card_texts()[0] == "Först en sak: är barnet i fara just nu, eller rädd för att gå hem?"


async def test_yes_to_danger_gives_the_112_card_at_once_and_the_consultation_waits(chat, bot):
    await chat.say(BRUISES)
    replies = await chat.say("ja")
    card = last_card(replies)
    assert card.card_texts()[0] == "Ring 112 nu"
    assert {"action": "menu", "choice": "dismiss"} in card.submits()
    assert bot.recorder.notes[-1]["acute"] is True
    replies = await chat.say("ok")
    assert any(r.says("Nu fortsätter vi där vi var.") for r in replies)
    assert asked(replies) == "understood"
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "age" not in questions  # not safe today: no more questions before the advice
    assert any(r.card and r.card_texts()[0] == "Ring 112 nu" for r in replies)
    assert len(bot.recorder.notes) == 1  # one consultation, one note, brought up to date
    assert bot.recorder.notes[0]["outcome"] == "acute"
    assert bot.recorder.notes[0]["district_id"] == "bromma"


async def test_a_text_that_says_the_child_is_afraid_to_go_home_is_answered_like_yes(chat, understanding):
    understanding["rädd"] = Understanding(is_concern=True, categories=(Category.EMOTIONAL,),
                                          signals=("afraid_to_go_home",), safe_today=False)
    replies = await chat.say("Hon är rädd och vill inte gå hem i dag")
    assert last_card(replies).card_texts()[0] == "Ring 112 nu"
    assert not any(r.card and asked([r]) == "danger" for r in replies)


# --- acute, false alarms and resuming ---

async def test_an_acute_opening_gets_112_first_and_a_false_alarm_is_dismissed_with_one_tap(chat, bot):
    replies = await chat.say(STRANGLED)
    card = last_card(replies)
    assert replies[0].card is not None
    assert replies[0].card_texts()[0] == "Ring 112 nu"
    replies = await chat.click({"action": "menu", "choice": "dismiss"})
    assert any(r.says("Okej, tack. Då fortsätter vi där vi var.") for r in replies)
    assert asked(replies) == "understood"  # the description is kept, and danger is answered: no
    await chat.click(choice("understood", "yes"))
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "danger" not in questions
    assert "words" not in questions
    assert len(bot.recorder.notes) == 1
    note = bot.recorder.notes[0]
    assert note["acute"] is False
    assert note["outcome"] in ("report", "consult")
    assert "acute_signal" not in note["reasons"]
    assert card.card_texts()[0] == "Ring 112 nu"


async def test_a_false_alarm_can_be_dismissed_in_words(chat):
    await chat.say(STRANGLED)
    replies = await chat.say("Nej, ingen akut fara")
    assert any(r.says("Då fortsätter vi där vi var") for r in replies)
    assert asked(replies) == "understood"


async def test_acute_in_the_middle_resumes_where_it_was_with_preschool_and_answers(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    await chat.click(choice("words", "skip"))
    await chat.click({"action": "concern", "choices": "emotional"})
    await chat.click(choice("duration", "weeks"))
    replies = await chat.say("Pappan står utanför och hotar att döda henne")
    card = last_card(replies)
    assert card.card_texts()[0] == "Ring 112 nu"
    assert any("Bromma" in t for t in card.card_texts())
    replies = await chat.say("okej")
    assert any(r.says("Nu fortsätter vi där vi var.") for r in replies)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    # What the message added is checked with one tap; then only what was still unknown.
    assert questions in (["child_told"], ["understood", "child_told"]), questions
    assert len(bot.recorder.notes) == 1
    note = bot.recorder.notes[0]
    assert note["district_id"] == "bromma"
    assert note["duration"] == "weeks"
    assert note["acute"] is True


async def test_menu_on_the_acute_card_leaves_and_the_acute_note_stays(chat, bot):
    await chat.say(STRANGLED)
    replies = await chat.click({"action": "menu", "choice": "menu"})
    assert is_menu(replies)
    assert bot.recorder.notes[-1]["acute"] is True


async def test_a_dismiss_button_without_a_consultation_is_answered(chat):
    replies = await chat.click({"action": "menu", "choice": "dismiss"})
    assert any(r.says("bra att det inte är akut") for r in replies)
    assert is_menu(replies)


async def test_help_and_a_language_switch_keep_the_preschool_and_answers(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    await chat.click(choice("words", "skip"))
    await chat.click({"action": "concern", "choices": "emotional"})
    replies = await chat.say("hjälp")
    assert asked(replies) == "duration"
    replies = await chat.say("in english")
    assert last_card(replies).card_texts()[0] == "How long have you been worried?"
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert questions == ["duration", "child_told", "age"]
    assert bot.recorder.notes[-1]["district_id"] == "bromma"
    assert bot.recorder.notes[-1]["lang"] == "en"


async def test_talk_to_a_social_worker_on_the_acute_card_keeps_the_district(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    await chat.say(STRANGLED)
    replies = await chat.click({"action": "menu", "choice": "handoff"})
    assert any(r.says("Får socionomen se ditt namn?") for r in replies)  # not the preschool again


# --- the words that work at every step ---

async def _reach(chat, step: str) -> None:  # type: ignore[no-untyped-def]
    """Bring the chat to *step* by the shortest real path."""
    if step == "menu":
        await chat.say("hej")
        return
    if step in ("faq", "contact"):
        await chat.click(choice("menu", step))
        return
    if step == "paused":
        await chat.say(STRANGLED)
        return
    if step in ("danger", "understood", "place"):
        await chat.say(BRUISES)
        if step != "danger":
            await chat.click(choice("danger", "no"))
        if step == "place":
            await chat.click(choice("understood", "yes"))
        return
    path = ["words", "concern", "duration", "child_told", "age", "final"]
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    answers = {"words": choice("words", "skip"), "concern": {"action": "concern", "choices": "emotional"},
               "duration": choice("duration", "weeks"), "child_told": choice("child_told", "no"),
               "age": choice("age", "3-6")}
    for before in path[:path.index(step)]:
        await chat.click(answers[before])


STEPS = ("menu", "faq", "contact", "danger", "understood", "place", "words", "concern", "duration", "child_told",
         "age", "final", "paused")


MENU_WORDS = ("meny", "tillbaka", "Till menyn", "menu", "back")
STOP_WORDS = ("sluta", "avsluta", "stop", "quit", "avbryt")


def test_every_menu_and_stop_word_is_a_command():
    assert {command_of(word) for word in MENU_WORDS} == {Command.RESTART}
    assert {command_of(word) for word in STOP_WORDS} == {Command.CANCEL}
    assert command_of("jag vill tillbaka till förskolan i morgon") is None  # only whole messages


# Every step, each with another of the words (the words themselves are checked above).
@pytest.mark.parametrize(("index", "step"), list(enumerate(STEPS)))
async def test_menu_words_go_to_the_menu_at_every_step(chat, index, step):
    word = MENU_WORDS[index % len(MENU_WORDS)]
    await _reach(chat, step)
    replies = await chat.say(word)
    assert is_menu(replies), (step, word, texts_of(replies))
    assert not any(r.says("Jag förstod inte") for r in replies)


@pytest.mark.parametrize(("index", "step"), list(enumerate(STEPS)))
async def test_stop_words_end_at_every_step(chat, bot, index, step):
    word = STOP_WORDS[index % len(STOP_WORDS)]
    await _reach(chat, step)
    replies = await chat.say(word)
    said = texts_of(replies)
    if step == "final" and word == "avsluta":
        assert "Tack för att du bryr dig om barnet" in said  # "Avsluta" is that card's own button
    else:
        assert said.startswith(("Okej, jag har", "Det finns inget")), (step, word, said)
    replies = await chat.say("hej")
    assert is_menu(replies)


async def test_avsluta_on_the_final_card_is_its_own_button(chat):
    await _reach(chat, "final")
    replies = await chat.say("avsluta")
    assert any(r.says("Tack för att du bryr dig om barnet") for r in replies)


async def test_cancel_after_a_note_was_kept_says_so_honestly(chat, bot):
    await _reach(chat, "final")
    replies = await chat.say("sluta")
    assert any(r.says("Den avidentifierade anteckningen finns kvar") for r in replies)


# --- stale clicks ---

async def test_a_stale_talk_to_a_social_worker_click_still_acts(chat, bot):
    await _reach(chat, "final")
    await chat.click(choice("final", "finish"))
    await chat.say("hej")
    replies = await chat.click(choice("final", "handoff"))
    assert any(r.says("Den konsultationen är redan avslutad") for r in replies)
    assert any(r.says("Vilken förskola gäller det?") for r in replies)
    assert not is_menu(replies)


async def test_a_stale_click_of_a_finished_question_says_why_and_shows_the_menu(chat):
    await _reach(chat, "final")
    await chat.click(choice("final", "finish"))
    await chat.say("hej")
    replies = await chat.click(choice("duration", "weeks"))
    assert any(r.says("Den knappen hör till något som redan är avslutat.") for r in replies)
    assert is_menu(replies)


async def test_a_stale_click_as_the_very_first_message_is_answered(chat):
    replies = await chat.click(choice("final", "handoff"))
    assert any(r.says("Den konsultationen är redan avslutad") for r in replies)
    assert any(r.says("Vilken förskola gäller det?") for r in replies)


async def test_a_stale_click_after_the_end_says_why_before_the_menu(chat):
    await _reach(chat, "final")
    await chat.click(choice("final", "finish"))
    replies = await chat.click(choice("age", "3-6"))
    assert any(r.says("Den knappen hör till något som redan är avslutat.") for r in replies)
    assert is_menu(replies)


async def test_a_stale_click_mid_consultation_says_so_and_asks_again(chat):
    await _reach(chat, "child_told")
    replies = await chat.click(choice("duration", "months"))
    assert any(r.says("Den knappen hör till något som redan är avslutat.") for r in replies)
    assert asked(replies) == "child_told"


# --- raw text: assessed whole, in memory; only scrubbed text is kept ---

LONG_CALM = ("Barnet leker mest i sandlådan och äter bra på lunchen. Hon har en bästa kompis och sover "
             "lugnt på vilan. ") * 4


async def test_a_disclosure_after_300_characters_reaches_the_assessment_and_the_note(chat, bot):
    text = LONG_CALM + "I dag berättade hon att pappa slår henne med bältet när mamma är borta."
    assert text.index("pappa slår") > 300
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    replies = await chat.say(text)
    replies, _ = await answer_until_guidance(chat, replies, REST)
    note = bot.recorder.notes[-1]
    assert note["outcome"] == "report"
    assert "violence_account" in note["reasons"]
    assert note["summary"].endswith("pappa slår henne med bältet när mamma är borta.")
    assert any("Din oro ska anmälas" in t for r in replies for t in r.card_texts())
    await chat.click(choice("final", "handoff"))
    await chat.click(choice("share_name", "no"))
    handed = bot.handoff.calls[-1].note
    assert handed["summary"].endswith("när mamma är borta.")
    assert "violence_account" in handed["reasons"]


async def test_a_masked_name_never_breaks_a_pattern(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    replies = await chat.say("Pappa Ahmed slår henne")
    replies, _ = await answer_until_guidance(chat, replies, {**REST, "duration": "today"})
    note = bot.recorder.notes[-1]
    assert note["outcome"] == "report"
    assert "Ahmed" not in note["summary"]


SECRET_TEXT = ("Lisa Andersson 201501012384 har blåmärken på ryggen och säger att pappa Mohammed slår henne, "
               "mamma nås på 070-123 45 67")


async def test_the_raw_text_is_never_in_persisted_dialog_state(chat, bot):
    stored: list[str] = []

    async def turn(replies):  # type: ignore[no-untyped-def]
        stored.append(json.dumps(bot.storage.memory, ensure_ascii=False, default=str))
        return replies

    await turn(await chat.say(SECRET_TEXT))
    await turn(await chat.say("Barnet har strypmärken på halsen, Lisa Andersson vågar inte gå hem"))
    await turn(await chat.click({"action": "menu", "choice": "dismiss"}))
    await turn(await chat.click(choice("understood", "yes")))
    await turn(await chat.say(PRESCHOOL))
    await turn(await chat.say("Hon heter Lisa Andersson och mammans nummer är 070-123 45 67"))
    dump = "\n".join(stored)
    for secret in ("Andersson", "201501012384", "070-123 45 67", "Mohammed", SECRET_TEXT):
        assert secret not in dump, secret
    assert "blåmärken på ryggen" in dump  # the scrubbed description is what is kept
    assert "Andersson" not in repr(bot.recorder.notes)


# --- handoffs come back to where the consultation was ---

async def _midway(chat) -> None:  # type: ignore[no-untyped-def]
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say(PRESCHOOL)
    await chat.click(choice("words", "skip"))
    await chat.click({"action": "concern", "choices": "emotional"})


async def test_after_a_handoff_the_next_message_offers_to_resume_where_it_was(chat, bot):
    await _midway(chat)
    replies = await chat.say("jag vill prata med en människa")
    assert asked(replies) == "share_name"  # the district is known: not asked again
    replies = await chat.click(choice("share_name", "no"))
    assert any(r.text == "[handoff engine takes over]" for r in replies)
    assert bot.handoff.calls[-1].note["district_id"] == "bromma"
    # The engine took the conversation; once it has ended, the next message reaches the dialogs.
    replies = await chat.say("hej")
    assert is_menu(replies)
    assert any(r.says("Vi var mitt i en konsultation") for r in replies)
    replies = await chat.click(choice("menu", "resume"))
    assert any(r.says("Nu fortsätter vi där vi var.") for r in replies)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert questions == ["duration", "child_told", "age"]
    assert len(bot.recorder.notes) == 1
    note = bot.recorder.notes[0]
    assert note["handoff_requested"] is True
    assert note["categories"] == ["emotional"]


async def test_a_withdrawn_handoff_resumes_where_it_was_in_the_same_turn(chat, bot):
    await _midway(chat)
    await chat.say("jag vill prata med en människa")
    await chat.click(choice("share_name", "no"))
    # The engine withdraws the request on "avbryt" and gives the turn back: the dialogs do not read the word.
    chat.next_turn_state[RESUME_DIALOGS] = True
    replies = await chat.say("avbryt")
    assert any(r.says("Nu fortsätter vi där vi var.") for r in replies)
    assert not any(r.says("Avbrutet") or r.says("avbryt") for r in replies)
    assert asked(replies) == "duration"  # the next unknown thing, with no tap in between
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert questions == ["duration", "child_told", "age"]
    assert len(bot.recorder.notes) == 1
    assert bot.recorder.notes[0]["categories"] == ["emotional"]


async def test_a_withdrawal_with_no_consultation_waiting_says_how_to_go_on(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.say("prata med en människa")  # from the danger question: nothing said yet, place unknown
    await chat.say(PRESCHOOL)
    await chat.click(choice("share_name", "no"))
    await chat.say("hej")  # the handoff has ended: the menu offers to go on
    await chat.click(choice("menu", "contact"))
    await chat.say("avsluta")
    chat.next_turn_state[RESUME_DIALOGS] = True
    replies = await chat.say("avbryt")
    assert [r.text for r in replies] == ["Skriv när du vill börja igen."]


async def test_a_place_chosen_during_the_handoff_is_the_consultations_place(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    replies = await chat.say("prata med en människa")  # asked before the preschool is known
    assert asked(replies) == "place"
    replies = await chat.say(PRESCHOOL)
    assert asked(replies) == "share_name"
    await chat.click(choice("share_name", "no"))
    assert bot.handoff.calls[-1].note["district_id"] == "bromma"
    assert bot.recorder.notes[-1]["district_id"] == "bromma"  # the consultation's own note knows it too
    chat.next_turn_state[RESUME_DIALOGS] = True
    replies = await chat.say("avbryt")
    assert asked(replies) == "words"  # not the place again
    replies, questions = await answer_until_guidance(chat, await chat.click(choice("words", "skip")), REST)
    assert "place" not in questions
    assert asked(replies) == "final"
    assert any(r.says("Bromma") for r in chat.transcript[-6:])


async def test_a_place_chosen_for_a_refused_handoff_is_kept_too(chat, bot, monkeypatch):
    monkeypatch.setattr("dialogs.handoff.can_hand_off", lambda route: False)
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    await chat.say("prata med en människa")
    replies = await chat.say(PRESCHOOL)
    assert any(r.says("Här är kontakterna i stället") for r in replies)
    assert asked(replies) == "words"


async def test_after_a_handoff_the_menu_offers_to_carry_on_in_words_too(chat, bot):
    await _midway(chat)
    await chat.say("prata med en människa")
    await chat.click(choice("share_name", "yes"))
    replies = await chat.say("hej")
    assert last_card(replies).submits()[-1] == {"action": "menu", "choice": "resume"}
    replies = await chat.say("fortsätt")
    assert asked(replies) == "duration"
    replies = await chat.say("2")  # weeks: the menu's numbers are the usual ones again
    assert asked(replies) == "child_told"


async def test_after_a_handoff_another_menu_choice_leaves_the_consultation(chat, bot):
    await _midway(chat)
    await chat.say("prata med en människa")
    await chat.click(choice("share_name", "yes"))
    await chat.say("hej")
    replies = await chat.click(choice("menu", "contact"))
    assert any(r.says("hitta kontakterna") for r in replies)


async def test_a_refused_handoff_comes_back_to_the_question_it_left(chat, bot, monkeypatch):
    monkeypatch.setattr("dialogs.handoff.can_hand_off", lambda route: False)
    await _midway(chat)
    replies = await chat.say("prata med en människa")
    assert any(r.says("Här är kontakterna i stället") for r in replies)  # the handoff said why
    assert any(r.says("Nu fortsätter vi där vi var.") for r in replies)
    assert asked(replies) == "duration"
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert questions == ["duration", "child_told", "age"]
    assert bot.handoff.calls == []


async def test_a_refused_handoff_at_the_end_offers_the_final_choice_again(chat, bot, monkeypatch):
    monkeypatch.setattr("dialogs.handoff.can_hand_off", lambda route: False)
    await _midway(chat)
    replies, _ = await answer_until_guidance(chat, await chat.click(choice("duration", "weeks")), REST)
    replies = await chat.click(choice("final", "handoff"))
    assert asked(replies) == "final"
    assert sum(1 for r in replies if r.says("Din oro") or r.says("Rådgör med en socionom")) == 0  # no second guidance
    replies = await chat.click(choice("final", "note"))
    assert any(r.card and r.card_texts()[0] == "Konsultationsanteckning (avidentifierad)" for r in replies)
    assert len(bot.recorder.notes) == 1


async def test_a_description_typed_as_a_faq_question_starts_a_consultation_with_it(chat, bot):
    await chat.click(choice("menu", "faq"))
    replies = await chat.say(BRUISES)
    assert any(r.says("Tack för att du berättar") for r in replies)
    assert asked(replies) == "danger"


async def test_place_buttons_work_inside_the_consultation(chat, bot):
    await chat.click(choice("menu", "consult"))
    await chat.click(choice("danger", "no"))
    replies = await chat.click(choice("place", "district"))
    assert asked(replies) == "district"
    replies = await chat.say("Förskolan Solrosen")  # typed where a district was expected: asked again
    await chat.click(choice("district", "farsta"))
    replies = await chat.click(choice("words", "skip"))
    assert asked(replies) == "concern"
    await chat.click(choice("menu", "consult"))  # an old menu button mid-consultation: the menu acts


async def test_the_112_card_comes_before_anything_else_even_the_masking_notice(chat):
    replies = await chat.say("Lisa Andersson, mamma 070-123 45 67, har strypmärken på halsen och vågar inte gå hem")
    assert replies[0].card is not None
    assert replies[0].card_texts()[0] == "Ring 112 nu"
    assert any(r.says("Jag tog bort") for r in replies[1:])


@pytest.mark.parametrize("task", ["contact", "faq"])
async def test_acute_words_in_any_dialog_get_112_first_and_are_kept_for_a_consultation(chat, bot, task):
    await chat.click(choice("menu", task))
    replies = await chat.say(STRANGLED)
    assert replies[0].card is not None
    assert replies[0].card_texts()[0] == "Ring 112 nu"
    assert {"action": "menu", "choice": "dismiss"} in replies[0].submits()
    replies = await chat.click({"action": "menu", "choice": "dismiss"})
    assert asked(replies) == "understood"  # the message became the consultation's description


async def test_a_failing_understanding_never_stops_the_112_card_or_the_consultation(chat, bot, monkeypatch):
    def broken(text: str) -> Understanding:
        raise RuntimeError("engine bug")

    monkeypatch.setattr("dialogs.base.understand", broken)
    monkeypatch.setattr("dialogs.description.understand", broken)
    replies = await chat.say(STRANGLED)  # is_acute still reads it
    assert replies[0].card_texts()[0] == "Ring 112 nu"
    replies = await chat.click({"action": "menu", "choice": "dismiss"})
    replies = await chat.say(PRESCHOOL)
    replies, questions = await answer_until_guidance(chat, replies, REST)
    assert "concern" in questions  # nothing understood, so asked
