"""Whole conversations through the real MainDialog, real routing (demo data) and real knowledge functions."""

from __future__ import annotations

from tests.dialogs.harness import answer_until_guidance, asked, choice, last_card

PRESCHOOL = "Förskola Sagoberget"  # Bromma in the demo data


async def start_consultation(chat) -> None:  # type: ignore[no-untyped-def]
    await chat.say("hej")
    replies = await chat.click(choice("menu", "consult"))
    assert any(r.says("Skriv inte barnets namn") for r in replies)
    assert asked(replies) == "danger"  # danger never waits
    await chat.click(choice("danger", "no"))
    replies = await chat.say(PRESCHOOL)
    assert any(r.says("Bromma") for r in replies)
    assert asked(replies) == "words"


async def test_first_message_acute_gets_112_before_anything_else(chat, bot):
    replies = await chat.say("Pappan hotar att döda barnet, han står utanför nu")
    first = last_card(replies)
    assert first.card_texts()[0] == "Ring 112 nu"
    assert not any(r.says("Vad vill du göra?") for r in replies)


async def test_acute_in_the_middle_of_a_consultation_answers_112_and_keeps_an_acute_note(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Barnet har strypmärken på halsen och vågar inte gå hem")
    card = last_card(replies)
    assert card.card_texts()[0] == "Ring 112 nu"
    assert any("Bromma" in text for text in card.card_texts())
    assert bot.recorder.notes[-1]["acute"] is True
    assert bot.recorder.notes[-1]["outcome"] == "acute"
    assert bot.recorder.notes[-1]["district_id"] is not None


async def test_report_path_with_typed_choices_gives_report_guidance(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Barnet har blåmärken på ryggen och berättar att pappa slår")
    assert asked(replies) == "understood"
    replies = await chat.say("ändra")
    assert asked(replies) == "concern"
    await chat.say("1, 4")  # physical, sexual
    await chat.say("2")  # weeks
    if asked(await chat.say("ja")) == "child_told":  # asked only if the text did not already say it
        await chat.say("ja")
    replies = await chat.say("3-6")
    texts = [t for r in replies for t in r.card_texts()]
    assert "Din oro ska anmälas" in texts
    assert "En konsultation ersätter inte en anmälan." in texts
    assert any(t.startswith("Berätta inte för vårdnadshavarna först") for t in texts)
    assert bot.recorder.notes[-1]["outcome"] == "report"


async def test_consult_path_recommends_consultation_and_never_says_do_not_report(chat, bot):
    await start_consultation(chat)
    replies = await chat.click(choice("words", "skip"))
    replies, questions = await answer_until_guidance(chat, replies, {
        "concern": ["emotional"], "duration": "today", "child_told": "no", "age": "1-3"})
    assert questions == ["concern", "duration", "child_told", "age"]
    texts = " ".join(t for r in replies for t in r.card_texts())
    assert "Rådgör med en socionom" in texts
    assert "anmäl inte" not in texts.lower()
    assert bot.recorder.notes[-1]["outcome"] == "consult"


async def test_support_path_points_to_early_support(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Familjen har nyligen flyttat och föräldrarna verkar trötta")
    replies, _ = await answer_until_guidance(chat, replies, {
        "understood": "yes", "concern": ["family_support"], "duration": "weeks", "child_told": "no", "age": "0-1"})
    texts = " ".join(t for r in replies for t in r.card_texts())
    assert bot.recorder.notes[-1]["outcome"] in ("support", "consult")
    assert "En konsultation ersätter inte en anmälan." in texts


async def test_note_card_and_recorded_note_hold_none_of_the_typed_pii(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Lisa Andersson 201501012384 är ofta hungrig, mamma nås på 070-123 45 67 "
                             "eller lisa.mamma@example.com")
    assert any(r.says("Jag tog bort") for r in replies)
    await answer_until_guidance(chat, replies, {"understood": "yes", "concern": ["neglect"], "duration": "months",
                                                "child_told": "unsure", "age": "3-6"})
    replies = await chat.click(choice("final", "note"))
    note = bot.recorder.notes[-1]
    dumped = repr(note) + " ".join(t for r in replies for t in r.card_texts())
    for secret in ("201501012384", "070-123 45 67", "lisa.mamma@example.com", "Andersson"):
        assert secret not in dumped
    assert set(note) == {"day", "district_id", "age_band", "categories", "signals", "reasons", "summary",
                         "duration", "acute", "outcome", "handoff_requested", "lang"}
    assert note["day"] == "2026-11-24"
    assert last_card(replies).card_texts()[0] == "Konsultationsanteckning (avidentifierad)"


async def test_handoff_after_guidance_passes_the_scrubbed_note_and_the_name_choice(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Kalle Svensson verkar ledsen, pappans mejl är kalle.pappa@example.com")
    await answer_until_guidance(chat, replies, {"understood": "yes", "concern": ["emotional"], "duration": "weeks",
                                                "child_told": "no", "age": "3-6"})
    replies = await chat.click(choice("final", "handoff"))
    assert any(r.says("Får socionomen se ditt namn?") for r in replies)
    replies = await chat.say("nej")
    call = bot.handoff.calls[-1]
    assert call.share_name is False
    assert call.note["handoff_requested"] is True
    assert call.note["id"] == "note-1"
    assert "kalle.pappa@example.com" not in repr(call.note)
    assert "Svensson" not in repr(call.note)
    assert call.route["district"]["name"] == "Bromma"


async def test_talk_to_a_human_mid_consultation_goes_to_the_handoff_offer(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("jag vill prata med en människa")
    assert any(r.says("Får socionomen se ditt namn?") for r in replies)
    await chat.click(choice("share_name", "yes"))
    assert bot.handoff.calls[-1].share_name is True
    assert bot.handoff.calls[-1].note["district_id"] is not None


async def test_ambiguous_preschool_asks_which_one(chat, bot):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("Förskolan Solrosen")
    card = last_card(replies)
    actions = {d["action"] for d in card.submits()}
    assert actions == {"preschool"}
    replies = await chat.say("1")
    assert any(r.card and "Kontakter i" in r.card_texts()[0] for r in replies)


async def test_unknown_preschool_asks_for_the_district_and_accepts_an_old_name(chat, bot):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("Qwxyz förskola")
    assert any(r.says("Vilken stadsdel") for r in replies)
    replies = await chat.say("Rinkeby")
    card = last_card(replies)
    assert card.card_texts()[0] == "Kontakter i Järva"
    assert any("Socialjouren" in t for t in card.card_texts())


async def test_staff_may_just_name_a_district(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("Farsta")
    assert last_card(replies).card_texts()[0] == "Kontakter i Farsta"


async def test_cancel_ends_everything_and_keeps_nothing(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("avbryt")
    assert replies[0].text.startswith("Okej, jag har avbrutit")
    assert bot.recorder.notes == []
    replies = await chat.say("hej")
    assert {"action": "menu", "choice": "consult"} in last_card(replies).submits()


async def test_help_shows_help_then_asks_the_same_question_again(chat):
    await start_consultation(chat)
    replies = await chat.say("hjälp")
    assert replies[0].card_texts()[0] == "Så här fungerar Samråd"
    assert last_card(replies).submits()[-1]["action"] == "words"


async def test_restart_goes_back_to_the_menu(chat):
    await start_consultation(chat)
    replies = await chat.say("börja om")
    assert replies[0].text == "Vi börjar om."
    assert last_card(replies).submits()[0] == choice("menu", "consult")


async def test_faq_hit_shows_the_article(chat, bot):
    await chat.click(choice("menu", "faq"))
    replies = await chat.say("Kan jag anmäla anonymt?")
    texts = last_card(replies).card_texts()
    assert "anonymt" in " ".join(texts).lower()


async def test_question_as_first_message_goes_straight_to_the_faq(chat):
    replies = await chat.say("Kan jag anmäla anonymt som anställd?")
    assert "anonymt" in " ".join(last_card(replies).card_texts()).lower()


async def test_faq_miss_offers_consultation_instead_of_guessing(chat):
    await chat.click(choice("menu", "faq"))
    replies = await chat.say("Vilken färg har stadshusets tak?")
    assert any(r.says("jag vill inte gissa") for r in replies)
    replies = await chat.say("1")
    assert any(r.says("Skriv inte barnets namn") for r in replies)


async def test_english_from_teams_locale(bot):
    chat = bot.new_chat(locale="en-US")
    replies = await chat.say("hello")
    assert last_card(replies).card_texts()[0] == "What would you like to do?"


async def test_in_english_switches_language_mid_flow(chat):
    await start_consultation(chat)
    replies = await chat.say("in english")
    assert replies[0].text == "I'll write in English now."
    assert last_card(replies).card_texts()[0].startswith("In your own words")


async def test_typed_menu_words_and_numbers_work_like_clicks(chat):
    await chat.say("hej")
    replies = await chat.say("2")
    assert any(r.says("hitta kontakterna") for r in replies)
    await chat.say("avbryt")
    await chat.say("hej")
    replies = await chat.say("rådgör")
    assert any(r.says("Skriv inte barnets namn") for r in replies)


async def test_nonsense_at_a_choice_asks_again(chat):
    await start_consultation(chat)
    await chat.click(choice("words", "skip"))
    await chat.click({"action": "concern", "choices": "emotional"})
    replies = await chat.say("blå")
    assert replies[0].text.startswith("Jag förstod inte")
    assert last_card(replies).submits()[0]["action"] == "duration"


async def test_acute_menu_choice_shows_the_acute_card(chat):
    replies = await chat.click(choice("menu", "acute"))
    assert last_card(replies).card_texts()[0] == "Ring 112 nu"


async def test_first_name_before_a_surname_never_reaches_the_note(chat, bot):
    await start_consultation(chat)
    replies = await chat.say("Lisa Andersson är ofta hungrig")
    await answer_until_guidance(chat, replies, {"understood": "yes", "concern": ["neglect"], "duration": "months",
                                                "child_told": "no", "age": "3-6"})
    assert "Lisa" not in repr(bot.recorder.notes[-1])


async def test_acute_at_the_first_message_shows_the_socialjour_number(chat, bot):
    await bot.services.routing.directory()  # loaded at start-up in the app; the lookup is bounded by a timeout
    replies = await chat.say("Pappan är full och ska hämta barnet nu")
    card = last_card(replies)
    assert card.card_texts()[0] == "Ring 112 nu"
    assert any("08-555 099 00" in text for text in card.card_texts())  # the city-wide socialjour (demo)


async def test_the_112_card_goes_out_even_when_routing_fails(bot):
    from dataclasses import replace

    from dialogs.main import MainDialog
    from tests.dialogs.harness import Conversation

    class BrokenRouting:
        async def decide(self, **_kwargs):
            raise ConnectionError("database down")

    services = replace(bot.services, routing=BrokenRouting())
    storage_chat = bot.new_chat()
    chat = Conversation(MainDialog(services), services.user_state, storage_chat._conversation_state)
    card = last_card(await chat.say("Han hotar att döda henne just nu"))
    assert card.card_texts()[0] == "Ring 112 nu"
