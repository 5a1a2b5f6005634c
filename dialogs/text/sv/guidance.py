"""Swedish: the guidance card, the contacts, the final choice and the consultation note."""

TEXT: dict[str, str] = {
    # Guidance
    "guidance.title.acute": "Ring 112 nu",
    "guidance.title.report": "Din oro ska anmälas",
    "guidance.title.consult": "Rådgör med en socionom",
    "guidance.title.support": "Familjen kan behöva stöd",
    "guidance.lead.acute": "Det du beskriver kan betyda att barnet är i akut fara. Ring 112 nu.",
    "guidance.lead.report": (
        "Det du beskriver är en sådan oro som ska anmälas till socialtjänsten genast. "
        "Du behöver inte ha bevis — det är socialtjänsten som utreder, inte du."
    ),
    "guidance.lead.consult": (
        "Det är inte självklart vad som gäller här, så jag rekommenderar att du rådgör med en socionom. "
        "Misstänker du att barnet far illa ska du anmäla genast, även utan att rådgöra först. "
        "Finns oron kvar efter samtalet ska du anmäla."
    ),
    "guidance.lead.support": (
        "Det du beskriver låter som att familjen behöver stöd. Du kan tipsa föräldrarna om stödet nedan. "
        "Misstänker du ändå att barnet far illa ska du anmäla genast — du behöver inte vara säker. "
        "Är du osäker kan du rådgöra anonymt med en socionom."
    ),
    "guidance.why": "Varför jag säger så",
    "guidance.next": "Det här kan du göra nu",
    "guidance.next.acute": "Ring 112. Ring sedan socialtjänsten, eller socialjouren utanför kontorstid.",
    "guidance.next.report": "Gör en orosanmälan genast, i e-tjänsten eller per telefon.",
    "guidance.next.consult": (
        "Rådgör anonymt med en socionom. Som anställd kan du inte anmäla anonymt, men du kan rådgöra "
        "anonymt först. Nämn inte barnets namn: går barnet att identifiera kan socialtjänsten behöva "
        "behandla samtalet som en anmälan."
    ),
    "guidance.next.support": "Berätta för föräldrarna om stödet nedan. Det är frivilligt för familjen.",
    "guidance.duty": (
        "Anmälningsskyldigheten är personlig: din chef kan skriva under med dig men inte ta över den. "
        "Se {law}."
    ),
    "guidance.where": "Anmälan görs där barnet bor. Det kan vara en annan stadsdel eller kommun än förskolans.",
    "guidance.not_replace": "En konsultation ersätter inte en anmälan.",
    "guidance.guardians.no": (
        "Berätta inte för vårdnadshavarna först. Vid misstanke om våld, sexuella övergrepp eller "
        "hedersrelaterat våld och förtryck rådgör du med socialtjänsten först — de avgör när och hur "
        "vårdnadshavarna får veta."
    ),
    "guidance.guardians.yes": (
        "Ofta kan det vara bra att berätta för vårdnadshavarna att förskolan är orolig och vad ni tänker "
        "göra. Det avgör du, gärna tillsammans med socialtjänsten. Gäller oron våld, sexuella övergrepp "
        "eller hedersrelaterat våld och förtryck ska du inte berätta för dem först. Du behöver inte "
        "vårdnadshavarnas lov för att anmäla."
    ),
    "guidance.contacts": "Kontakter i {district}",
    "guidance.eservice": "Gör en orosanmälan (e-tjänst)",
    "guidance.decide": "Det är du som bestämmer vad du gör.",
    "contact.socionom": "Socionom",
    "contact.mottagning": "Mottagning Barn och unga",
    "contact.foraldraradgivning": "Föräldrarådgivning",
    "contact.familjecentral": "Familjecentral",
    "contact.oppen_forskola": "Öppen förskola",
    "contact.socialjour": "Socialjouren",
    "contact.open_now": "öppet nu",
    "contact.opens": "stängt nu, öppnar {when}",
    "contact.closed_now": "stängt just nu",
    "contact.none": "Jag har inga kontaktuppgifter för {district} ännu. Ring stadens växel eller socialjouren.",
    # Final choice
    "final.ask": "Vad vill du göra nu?",
    "final.handoff": "Prata med en socionom nu",
    "final.note": "Få en konsultationsanteckning (avidentifierad)",
    "final.finish": "Avsluta",
    "final.bye": "Tack för att du bryr dig om barnet. Skriv när du vill, så börjar vi om.",
    "note.title": "Konsultationsanteckning (avidentifierad)",
    "note.lead": (
        "Anteckningen är avidentifierad: jag har tagit bort de namn, personnummer, adresser och telefonnummer "
        "jag hittade. Den kan hjälpa dig att minnas."
    ),
    "note.day": "Datum",
    "note.district": "Stadsdel",
    "note.age": "Ålder",
    "note.categories": "Oro",
    "note.duration": "Hur länge",
    "note.outcome": "Vägledning",
    "note.id": "Anteckningens id",
    "outcome.acute": "Akut — ring 112",
    "outcome.report": "Anmäl",
    "outcome.consult": "Rådgör med socionom",
    "outcome.support": "Tipsa om stöd",
    # Contact
    "contact.intro": "Jag hjälper dig att hitta kontakterna för din förskola.",
    "contact.done": "Vill du något mer kan du skriva när som helst.",
}
