"""An account in the staff member's own words with no worry word the understanding knows ("ont i magen", "tyst",
"pratar inte om hemma") is still their account: at the menu it starts a consultation with it, typed at a question
it feeds the consultation — never "I did not understand". Short replies that answer nothing are still asked again."""

from __future__ import annotations

import pytest

from dialogs.base import ACCOUNT_MIN_WORDS, told_at_length
from knowledge.understanding import understand
from tests.dialogs.harness import answer_until_guidance, asked, choice

PRESCHOOL = "Förskola Sagoberget"  # Bromma in the demo data
REST = {"understood": "yes", "concern": ["emotional"], "duration": "weeks", "child_told": "no", "age": "3-6"}
# Accounts the understanding finds no worry in (checked below, so the test keeps testing the fallback).
QUIET_ACCOUNTS = [
    "han har haft ont i magen och är tyst, pratar inte om hemma. vet inte om det är något",
    "hon pratar inte om helgerna och vill inte rita sin familj",
    "the boy has stopped eating lunch with the others and sits alone in the corner",
]


@pytest.mark.parametrize("account", QUIET_ACCOUNTS)
def test_the_accounts_here_have_no_worry_word_the_understanding_knows(account):
    assert not understand(account).is_concern  # if the lexicon learns them, pick other accounts
    assert told_at_length(account)


@pytest.mark.parametrize("text", ["ok", "jag vet inte", "kanske det", "hmm ja nej", "1 2 3 4 5 6 7", "?? !! .. ,,"])
def test_a_short_reply_or_numbers_are_no_account(text):
    assert not told_at_length(text)


def test_an_account_is_counted_in_words_with_letters():
    assert told_at_length(" ".join(["ord"] * ACCOUNT_MIN_WORDS))
    assert not told_at_length(" ".join(["ord"] * (ACCOUNT_MIN_WORDS - 1) + ["- 12 ?"]))


@pytest.mark.parametrize("account", QUIET_ACCOUNTS)
async def test_an_account_without_worry_words_at_the_menu_starts_a_consultation_with_it(chat, bot, account):
    await chat.say("hej")
    replies = await chat.say(account)
    assert not any(r.says("inte säker på vad du menar") or r.says("not sure what you mean") for r in replies)
    assert asked(replies) == "danger"
    await chat.click(choice("danger", "no"))
    replies = await chat.say(PRESCHOOL)
    await answer_until_guidance(chat, replies, REST)
    note = bot.recorder.notes[-1]
    assert account.split()[3] in note["summary"]  # the account is the note's description (scrubbed, not lost)
    assert note["outcome"] in ("consult", "report")  # never below a consultation


async def test_an_account_typed_at_the_danger_question_is_kept_and_the_question_asked_again(chat, bot):
    await chat.click(choice("menu", "consult"))
    replies = await chat.say(QUIET_ACCOUNTS[0])
    assert not any(r.says("Jag förstod inte") for r in replies)
    assert asked(replies) == "danger"  # danger is still not answered: asked again, first
    await chat.click(choice("danger", "no"))
    replies = await chat.say(PRESCHOOL)
    await answer_until_guidance(chat, replies, REST)
    assert "ont i magen" in bot.recorder.notes[-1]["summary"]


async def test_a_short_reply_that_answers_nothing_is_still_asked_again(chat):
    await chat.click(choice("menu", "consult"))
    replies = await chat.say("jag vet inte riktigt")
    assert any(r.says("Jag förstod inte") for r in replies)
    assert asked(replies) == "danger"
