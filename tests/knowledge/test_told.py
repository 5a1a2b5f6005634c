"""Acute situations told in everyday words (knowledge/reading/told.py, the fresh7 families in the helper's own words)
and their look-alikes: a fresh mark and a child who does not want the adult who collects; sexual signs in a child's
words with the adult close; a bruised baby who cannot crawl; violence heard now; neck marks in a long message; a
parent's farewell with the child; a colleague with the children now; and the report-level families beside them."""

import pytest

from knowledge.assessment import Outcome, assess


@pytest.mark.parametrize("text", [
    "hon har ett nytt blåmärke på kinden idag och säger att hon inte vill att styvpappa kommer och hämtar",
    "he has a fresh mark on his ear and doesn't want his mum to pick him up today",
    "nya brännmärken på armen, han säger att pappa kommer göra det igen",
    "ett färskt märke på halsen och han vägrar ta på sig skorna när vi säger att mamma snart kommer",
    "morbror leker doktor med henne på nätterna och det svider när hon kissar, han är barnvakt ikväll",
    "vid blöjbytet var hon röd i underlivet och skrek 'nej pappa', pappa hämtar om en stund",
    "a girl said her stepdad touches her pee pee in the bath and it hurts, she goes home with him tonight",
    "bebisen på tre månader har nya blåmärken på låren",
    "the baby can't crawl yet and has fresh bruises on her back",
    "en granne säger att det låter som mord i lägenheten just nu och tvååringen är hemma",
    "screaming and banging from the flat right now, the toddler is inside, says the neighbour",
    "vi har planeringsdag på fredag. en fyraåring har rödlila märken runt halsen och säger att mammas kille höll där."
    " vi behöver fler blöjor.",
    "pappan sa i telefon att han och sonen ska försvinna tillsammans och att ingen ska leta efter dem",
    "the mother said she is done with everything and it is the last time we see her and the girl",
    "en kollega slet en treåring i armen och slog honom i morse, hon är ute på promenad med barnen nu",
    "vikarien stängde in en flicka i skrubben idag och jobbar till sex",
    "en tvååring sitter ensam i vagnen utanför affären sen en halvtimme, ingen vuxen syns",
])
def test_told_in_everyday_words_is_acute(text: str) -> None:
    assert assess(text).acute


@pytest.mark.parametrize("text", [
    "han har ett nytt plåster på knät efter fotbollen och vill inte att pappa hämtar för han vill leka klart",
    "hon vägrar ta på sig stövlarna när vi säger att mamma kommer, hon vill spela klart spelet",
    "det svider när hon kissar och läkaren säger att det är urinvägsinfektion",
    "barnen lekte doktor med dockorna i dockvrån",
    "bebisen har ett födelsemärke på armen sedan födseln",
    "det låter som mord när barnen leker rövare på gården",
    "grannen sa att det lät som krig när de borrade förra veckan",
    "hon har röda märken på halsen av halsduken, mamma sa det",
    "en kompis drog i hans tröja så han fick ett rött märke på halsen",
    "pappan sa att han och dottern ska försvinna till stugan tillsammans i sommar",
    "the family is done with everything for the move and will say goodbye on friday",
    "en kollega tröstade en ledsen pojke i morse och är ute på gården med barnen nu",
    "bebisarna sover ensamma i vagnarna på gården efter lunch",
    "barnen bråkar med händerna om spadarna i sandlådan",
])
def test_look_alikes_stay_below_acute(text: str) -> None:
    assert not assess(text).acute


@pytest.mark.parametrize("text", [
    "pappan tog stryptag på mamman i julas sa hon, men nu säger hon att hon överdrev",
    "hon sa att pappa slog henne med bältet i somras men sen sa hon att det var en dröm",
])
def test_a_past_account_taken_back_is_a_report(text: str) -> None:
    assert assess(text).outcome is Outcome.REPORT


def test_an_account_taken_back_with_a_fresh_mark_today_stays_acute() -> None:
    assert assess("han sa att mamma slog honom igår och nu har han nya blåmärken, sen sa han att han hittade på,"
                  " mamma hämtar idag").acute


@pytest.mark.parametrize("text", [
    "en praktikant fotade barnen när de bytte om med sin mobil, en förälder såg det, han har slutat",
    "en tidigare kollega klämde en flickas hals när hon grät, hon jobbar på en annan förskola nu",
    "min kollega vrålar rakt i ansiktet på de minsta tills de tystnar",
])
def test_a_colleagues_harm_not_now_is_a_staff_report(text: str) -> None:
    result = assess(text)
    assert result.outcome is Outcome.REPORT
    assert result.staff_suspected


@pytest.mark.parametrize("text", [
    "han säger att mamma och hennes kille bråkar med händerna på kvällarna",
    "she says dad and mum fight with their fists when they think she is asleep",
])
def test_violence_between_the_adults_in_everyday_words_is_a_report_not_told_first(text: str) -> None:
    result = assess(text)
    assert result.outcome is Outcome.REPORT
    assert not result.tell_guardians_first


def test_a_harsh_tone_alone_is_a_consultation() -> None:
    assert assess("en kollega är ibland lite kort i tonen med barnen, inget mer").outcome is Outcome.CONSULT


def test_bruises_shaped_like_fingers_are_a_report() -> None:
    assert assess("two bruises on his upper arm shaped like fingers").outcome is Outcome.REPORT


_CHATTER_BEFORE = ("Hej! Jag är vikarie här sedan en vecka och har några frågor om rutinerna. Vi hade vattenlek i morse"
                   " och läste en saga om en varg. ")
_CHATTER_AFTER = " Sen undrar jag var vi beställer nya blöjor. Tack!"


@pytest.mark.parametrize("news", [
    "Ingen har hämtat tvååringen och klockan är halv sju, vi når ingen av föräldrarna.",
    "Hon säger att det svider i snippan och att styvpappa gjorde det, han hämtar idag.",
    "Han har ett nytt blåmärke på kinden och vill inte att pappa hämtar idag.",
    "Mammans förra sambo bultar på grinden och skriker, vi har tagit in alla barn.",
])
def test_news_buried_in_a_long_message_is_not_lost(news: str) -> None:
    assert assess(_CHATTER_BEFORE + news + _CHATTER_AFTER).acute


@pytest.mark.parametrize("news", [
    "Barnen lekte doktor med dockorna i dockvrån.",
    "En pojke sa efter brandövningen att alla kommer dö i elden, han var rädd.",
])
def test_a_long_message_read_in_pieces_keeps_its_look_alikes_calm(news: str) -> None:
    assert not assess("Ingen akut fråga, bara funderingar. " + _CHATTER_BEFORE + news + _CHATTER_AFTER).acute


def test_pieces_are_runs_of_three_sentences_with_the_framing_sentence() -> None:
    from knowledge.reading.chunks import acute_in_pieces

    seen: list[str] = []

    def acute_of(piece: str) -> list[str]:
        seen.append(piece)
        return ["x"] if "d" in piece else []

    text = "Inte akut. b. c. d. e"
    assert acute_in_pieces(text, acute_of, lambda sentence: sentence == "Inte akut") == ["x"]
    assert seen[0] == "Inte akut. b. c."
    assert len(seen) == 3
    assert acute_in_pieces("a. b. c", acute_of, lambda sentence: False) == []


def test_a_parents_bleeding_beside_a_childs_fear_of_telling_is_witnessed_violence() -> None:
    result = assess("flickan sa att pappa slår sönder saker och att mamma gråter och blöder, hon var rädd när hon"
                    " berättade")
    assert result.outcome is Outcome.REPORT
    assert "witnessed_violence" in result.reasons


def test_the_childs_own_bleeding_with_dread_of_the_collector_stays_acute() -> None:
    assert assess("hon blöder från näsan idag och säger att mamma gjorde det, hon vill inte att mamma hämtar").acute


def test_an_old_mark_with_fear_now_is_a_report_and_yesterdays_stays_acute() -> None:
    assert assess("i somras slog pappa henne med ett bälte och vi såg ett märke på armen. Hon kissar på sig när"
                  " pappa kommer").outcome is Outcome.REPORT
    assert assess("igår slog mamma henne med ett bälte och hon har märken på armen, hon vill inte åka hem med"
                  " mamma").acute
