"""Acute situations told in other words (knowledge/reading/disclosure.py, the fresh6 families A–D in the helper's
own words): sexual abuse in a child's words with that adult close, strangling told by finger prints or a hold until
someone went limp, a hurt child who dreads being collected, killing in a paraphrase, a banned ex at the gate; and
the look-alikes that stay below acute (stories, jokes with tickling, a message that says it is not urgent)."""

import pytest

from knowledge.assessment import assess
from knowledge.reading import read


@pytest.mark.parametrize("text", [
    "pojken sa att pappas kompis sätter sin snopp i munnen på honom när mamma är på jobbet, kompisen hämtar idag",
    "she said uncle shows her his willy and takes her hand down there, he lives with them",
    "hon får inte berätta vad farbror gör på nätterna och hon kan inte sitta idag",
    "barnen säger att vikarien leker doktor och känner på snippan i vilrummet, han är kvar på avdelningen",
    "han har fingeravtryk på halsen idag",
    "the dad held his hand over her nose and mouth until she went limp, she told us",
    "hon har ett blåmärke på kinden och gråter när vi pratar om hämtningen",
    "he has welts on his legs and says mum's boyfriend will do it more tonight",
    "han var utelåst på balkongen hela natten och är blå om läpparna",
    "pappan sa att dottern förtjänar att dö för att hon skämt ut familjen",
    "mum says her ex threatened to finish them all off this weekend",
    "exmannen har kontaktförbud men står vid staketet och skriker att han ska ta barnen",
    "the ex with a restraining order is at the gate and wants to pick up the kids",
    "han har en blåtira och gråter när vi pratar om att styvpappa ska hämta",
    "farbror sa att han ska se till att hon aldrig kommer hem levande",
    "hon säger att mamma gör det igen ikväll, hon har brännmärken på armen",
    "pojken har röda prickar runt ögonen och hes röst, säger att pappa klämde om strupen",
])
def test_told_in_other_words_is_acute(text: str) -> None:
    assert assess(text).acute


@pytest.mark.parametrize("text", [
    "två barn lekte doktor med leksaksväskan och lyssnade på varandras hjärtan",
    "vi läste en saga om en drake som ville döda prinsen, barnen skrattade",
    "farfar säger på skoj att han ska döda henne när han kittlar henne, båda skrattar",
    "inget akut, men efter brandövningen sa en pojke att alla kommer dö om huset brinner",
    "mamma höll för näsan tills hon svalde medicinen, berättade hon och skrattade",
    "kontaktförbudet är upphävt sedan i våras och pappa står vid grinden och väntar på sin son",
    "han gömmer sig under bordet när vi leker kurragömma",
    "vi ska göra det igen ikväll, pysslet var så roligt",
    "de ska göra slut på glassen i kväll sa pappa",
    "pappa höll för hennes mun tills hon slutade skratta på skoj",
    "grandad tickles her and says he'll kill her with kisses",
    "han gömmer sig alltid i kojan när det är dags att gå hem, han vill leka mer",
    "hon kissade på sig på gården idag, pappa kommer med nya byxor",
    "pappan har kontaktförbud mot mamman men får hämta barnen, han står vid grinden",
    "dad said he will finish off the cake tonight with the kids",
    "mamma sa att pappa ska utrota alla ogräs i trädgården ikväll",
    "she has a bruise on her shin and says they are going swimming again tonight",
    "she has a sore throat and a hoarse voice, dad says she had a cold",
    "pappa tar hennes hand och går dit varje morgon, sen hämtar han henne",
    "min kollega lekte doktor med barnen och tittade i deras öron, hon är kvar här idag",
    "he said his dad will hurt his feelings more tonight if he loses at chess, laughing",
    "pappa sa att blommorna inte kommer överleva helgen",
])
def test_look_alikes_are_not_acute(text: str) -> None:
    assert not assess(text).acute


@pytest.mark.parametrize("text", [
    "Jag hörde morbror säga i telefonen 'om hon pratar med polisen så slaktar vi henne', han hämtar barnen nu.",
    "Jag hörde pappan säga i telefon 'kommer du hem ikväll så är du död', han hämtar sonen om en kvart.",
])
def test_a_killing_said_in_the_first_person_by_an_adult_heard_is_acute(text: str) -> None:
    assert "threat_to_kill" in read(text).acute, text


@pytest.mark.parametrize("text", [
    "Kocken sa att vi slaktar grisen till julbordet.",
    "Barnen lekte tafatt och ropade 'du är död' till varandra.",
    "Mamma sa att ungarna gör kål på henne varje morgon.",
])
def test_a_killing_word_said_of_a_pig_or_in_play_is_no_threat(text: str) -> None:
    assert "threat_to_kill" not in read(text).acute, text
