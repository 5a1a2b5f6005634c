"""Swedish: the wording of knowledge.assessment.REASON_CODES and of the routing reasons shown to staff."""

REASONS: dict[str, str] = {
    "acute_signal": "Det du skrev kan betyda att barnet är i akut fara.",
    "unsafe_today": "Du tror inte att barnet är tryggt i dag.",
    "category_found": "Det du beskriver är ett tecken på att ett barn kan fara illa.",
    "serious_category": (
        "Det gäller våld, sexuella övergrepp eller hedersrelaterat våld och förtryck — sådant ska anmälas."
    ),
    "violence_account": "Det finns en berättelse om våld.",
    "child_told": "Barnet har själv berättat. Det är det tydligaste tecknet.",
    "persistent_concern": "Oron har funnits en tid.",
    "only_support_needs": (
        "Jag känner inte igen tecken på att barnet far illa i det du beskriver — det låter som att familjen "
        "behöver stöd."
    ),
    "unsure_recommend_consult": "Det är inte självklart — då är en konsultation ett bra nästa steg.",
    "no_harm_found_recommend_consult": (
        "Jag kände inte igen något tecken på att barnet far illa, men din oro räknas. Rådgör gärna med "
        "en socionom."
    ),
    # --- understanding engine (issue #10): reasons added with the new assessment; keep this block together.
    "witnessed_violence": "Barnet lever med våld mellan vuxna hemma. Att se eller höra våld är i sig skäl att anmäla.",
    "retracted_still_reportable": (
        "Barnet har berättat och sedan tagit tillbaka. Det som sades först räknas ändå — det är skäl att anmäla."
    ),
    "injury_of_concern": (
        "Skadorna har ett mönster, en förklaring som ändras eller ser ut som brännskador — det är skäl att anmäla."
    ),
    "intoxicated_with_child": "En vårdnadshavare har varit påverkad när hen tagit hand om barnet.",
    "honour_or_fgm": (
        "Det kan gälla hedersrelaterat våld och förtryck eller könsstympning. Berätta inte för vårdnadshavarna "
        "först — rådgör med socialtjänsten."
    ),
    "staff_suspected": (
        "Det gäller en kollega eller vikarie. Berätta för rektorn, som ska informera huvudmannen. Är det ett brott: "
        "polisen (akut: 112). Din anmälan till socialtjänsten gäller ändå."
    ),
    # --- end of the understanding block
    "office_closed": "Socialtjänstens kontor har stängt just nu — vid brådskande oro: ring socialjouren.",
    "holiday": "Det är helgdag och kontoren har stängt.",
    "no_socionom": "Stadsdelen har ingen socionom i förskolan ännu — kontakta mottagningen.",
}
