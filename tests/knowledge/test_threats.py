"""Acute threats told without a killing word (knowledge/reading/threats.py, the fresh5 families, in the lead's
helpers' own words): a parent who would die with the child, a child about to be taken, an adult at the door or
heard hitting down the phone, a violent adult waiting outside, an intoxicated adult leaving in other words, a
colleague still with the children; and their look-alikes, which stay below acute."""

import pytest

from knowledge.assessment import assess


@pytest.mark.parametrize("text", [
    "pappan ringde och sa att barnen ska följa med honom i döden, han är på väg hit",
    "mum keeps texting that she wants to end it all and take the baby with her, she's due to pick up in an hour",
    "flickan säger att styvpappan har sagt att mamma dör om hon berättar något",
    "ingen har hämtat ettåringen och pappan svarar inte, han skrev att han inte orkar leva längre",
    "dad doesn't have custody and says he is coming now to take her and we'll never find her",
    "exets bröder har skrivit till mamman att de vet var hon bor och att de kommer och tar barnen ikväll",
    "pappa inte får träffa barn, han säga han komma nu ta barn",
    "hennes exman står och skriker utanför fönstret och försöker komma in, barnen är rädda",
    "on the phone with her mum we could hear a man yelling and someone being hit, then the line went dead",
    "pappan slog mamman i går kväll enligt grannen, nu står han utanför och väntar på sonen",
    "pappan är långt ifrån nykter och vill bära ut lillan till bilen nu",
    "dad reeks of beer, the engine's running outside and he wants to take his son right now",
    "mamma luktade vin i hallen nyss och hon har bilnycklarna i handen, de ska åka direkt",
    "vikarien från bemanningen stängde in en ettåring i ett mörkt rum som straff och är kvar på avdelningen",
    "our new trainee was caught photographing the kids on the changing table, he's still on shift",
    "i kväll försvinner hon och hennes två döttrar för alltid, skrev mamman till oss",
    "mamma har sagt att hon ska hoppa från bron med bebisen",
    "he said he'd drive the car into the lake with the kids, he's here to pick them up",
    "mamman sa att om hon inte får behålla barnen så tar hon dem med sig i graven",
    "en man i en bil försökte locka med sig ett barn vid staketet, han står kvar utanför",
    "en vikarie har skickat bilder på barnen i badet till en okänd man, hon är här nu",
    "en okänd man lyfte över en pojke över staketet och gick iväg med honom nyss",
    "pappa sa i telefon: om ni inte lämnar ut barnen så kommer jag och tar dem med våld",
    "we can hear him yelling and hitting her on speakerphone right now",
    "morbror ska hämta flickan idag och flyga till ett annat land, pappa vet ingenting",
    "her aunt is collecting her today to fly to Iraq, mum doesn't know",
])
def test_a_threat_without_the_usual_words_is_acute(text: str) -> None:
    assert assess(text).outcome == "acute", text


@pytest.mark.parametrize("text", [
    "vi läste en bok där mamman och barnet dör tillsammans, flera barn blev ledsna",
    "mamma säger att hon vill dö av trötthet, hon hämtar idag som vanligt",
    "vi måste vattna blommorna annars dör de, sa flickan",
    "mamman sa att hon aldrig vill se honom igen efter skilsmässan, pappan hämtar idag enligt schemat",
    "mormor kommer och hämtar barnen idag, mamma har ringt",
    "barnen lekte tjuv och polis och kidnappade nallen",
    "pojken bankar på dörren till toaletten och skriker att han vill in",
    "barnen gömmer sig i kojan och skriker av skratt nu",
    "Barnet berättar att sambon skriker att han ska slå sönder saker, och att han själv gömmer sig under sängen",
    "grannen har hört slag genom väggen flera nätter",
    "mamman var full igår, nu hämtar mormor",
    "pappan var inte nykter på julfesten förra året, idag hämtade han som vanligt",
    "en vikarie drog en pojke i armen för tre veckor sedan, hon jobbar inte här längre, vi har pratat med rektor",
    "en man bankar på dörren, det är brevbäraren med ett paket",
    "mamman sa att hon vill sova för alltid, hon är så trött efter nattjobbet, hon hämtar nu",
    "vikarien låste in leksakerna i förrådet och är kvar på avdelningen",
    "the kids are hiding in the den and screaming with joy right now",
    "mamma vet inte vad hon ska göra, mormor hämtar idag och de åker till Turkiet i sommar",
    "mormor hämtar idag och de flyger till Turkiet på semester, mamma vet om det",
    "de ska vara tillsammans för alltid, sa mamman om sin nya kille, hon hämtar idag",
    "flickan säger att hon och nallen ska sova tillsammans för alltid",
    "pojken somnade i vagnen, pappa sa att han och lillebror kunde sova för alltid efter utflykten",
    "the boy says his grandpa died and is gone forever, he is sad today",
    "vi kommer och tar er, ropade barnen när de lekte kull",
    "pappan körde in i väggen i garaget med barnen i bilen, ingen blev skadad",
    "fröken lockar med sig barnen till matsalen med en sång nu",
    "föräldrarna visade bilder på barnen i badet från semestern",
    "the neighbour's dog is banging on the door and barking, the kids are scared",
    "pappa tog flickan från gården nyss, han hämtade lite tidigare idag",
    "mormor gick iväg med pojken nyss, mamma hade ringt och sagt att hon hämtar",
    "mamman kom in med barnvagnen, hon sa att hon var förkyld och sluddrade lite av febern",
    "pappan har umgängesförbud men det gäller inte längre, han hämtar idag med mammas lov",
])
def test_a_look_alike_is_not_acute(text: str) -> None:
    assert assess(text).outcome != "acute", text


@pytest.mark.parametrize("text", [
    "mamma skriver att hon är inlåst av sin man och att han själv hämtar dottern idag",
    "mamman ringde och viskade att pappan har låst in henne i lägenheten och att han är på väg hit för att hämta sonen",
])
def test_a_mother_locked_in_while_her_partner_collects_is_acute(text: str) -> None:
    assert assess(text).outcome == "acute", text
