"""Swedish: the handoff to a socionom — asking for one, and the relay both ways."""

TEXT: dict[str, str] = {
    # Handoff
    "handoff.share_name": (
        "Får socionomen se ditt namn? Med ditt namn kan socionomen höra av sig till dig; utan det är du "
        "anonym. Skriv inte barnets namn eller något som kan identifiera barnet."
    ),
    "handoff.share_yes": "Ja, visa mitt namn",
    "handoff.share_no": "Nej, jag vill vara anonym",
    "handoff.unavailable": (
        "Det finns ingen socionom i {district} som jag kan skicka en förfrågan till via Teams. Här är "
        "kontakterna i stället — ring eller mejla dem."
    ),
    # --- handoff relay (bot/handoff; owned by the handoff engineer) — begin ---
    "relay.sent": (
        "Jag har skickat din förfrågan till socionomerna i {district}. Du får besked här när någon tar "
        "ärendet. Skriv **avbryt** om du vill dra tillbaka förfrågan."
    ),
    "relay.sent_on_call": "Jag har skickat din förfrågan till den socionom som har jour för {district}.",
    "relay.already_waiting": "Du har redan en förfrågan som väntar. Skriv **avbryt** om du vill dra tillbaka den.",
    "relay.waiting": (
        "Din förfrågan väntar fortfarande på en socionom. Jag säger till här så fort någon tar den. "
        "Skriv **avbryt** för att dra tillbaka den."
    ),
    "relay.withdraw_button": "Dra tillbaka förfrågan",
    "relay.withdrawn": "Din förfrågan är tillbakadragen.",
    "relay.closed_hours": (
        "Socionomerna i {district} har stängt just nu. De öppnar igen {opens}. Förfrågan ligger kvar till "
        "dess."
    ),
    "relay.closed_hours_unknown": (
        "Socionomerna i {district} har stängt just nu. Förfrågan ligger kvar tills någon kan ta "
        "den."
    ),
    "relay.acute_advice": (
        "Är barnet i akut fara — ring 112 nu. Är det brådskande utanför kontorstid: ring socialjouren{phone}."
    ),
    "relay.escalated_backup": "Ingen har tagit ärendet ännu. Jag har nu frågat fler socionomer i {district}.",
    "relay.waits_overnight": (
        "Ingen har hunnit ta ärendet, och socionomerna i {district} har stängt nu. Förfrågan ligger kvar och går "
        "till dem när de öppnar {opens}. Du kan dra tillbaka den när som helst — skriv **avbryt**."
    ),
    "relay.escalated_channel": "Ingen har tagit ärendet ännu. Jag har nu skickat förfrågan till hela enhetens kanal.",
    "relay.expired": (
        "Tyvärr kunde ingen socionom ta ärendet just nu. Är barnet i akut fara — ring 112 nu. "
        "Ring mottagningen i {district} direkt{phone}, eller socialjouren utanför kontorstid. "
        "En konsultation ersätter inte en anmälan: misstänker du att barnet far illa ska du anmäla."
    ),
    "relay.claimed_staff": (
        "{name} ({role}) har tagit ditt ärende. Skriv här så skickar jag det vidare. "
        "Skriv **avsluta** när ni är klara."
    ),
    "relay.privacy": (
        "Skriv inte barnets namn eller något som kan identifiera barnet. Jag tar bort namn, personnummer, "
        "adresser och telefonnummer innan något skickas vidare, men jag kan missa något. Går barnet att "
        "identifiera kan "
        "socialtjänsten behöva behandla samtalet som en anmälan."
    ),
    "relay.claimed_you": (
        "Du har tagit ärendet. Du pratar nu med {who}. Skriv här så skickar jag det vidare. "
        "Skriv **avsluta** när ni är klara."
    ),
    "relay.staff_anonymous": "personal på förskolan i {district}",
    "relay.unknown_district": "okänd stadsdel",
    "relay.default_role": "socionom",
    "relay.already_taken": "Ärendet är redan taget av {name}.",
    "relay.already_taken_unknown": "Ärendet är redan taget.",
    "relay.gone": "Förfrågan är inte längre aktuell.",
    "relay.from": "**{who}:** {text}",
    "relay.masked": "(Jag tog bort uppgifter som kan identifiera någon innan meddelandet skickades vidare.)",
    "relay.end_button": "Avsluta samtalet",
    "relay.ended_staff": "Samtalet är avslutat. Du får nästa steg här när socionomen har valt utfall.",
    "relay.ended_by_socionom": "{name} har avslutat samtalet. Du får nästa steg strax.",
    "relay.ended_by_staff": "Personalen har avslutat samtalet. Välj utfall nedan.",
    "relay.acute_flag": "Obs: personalens meddelande innehöll tecken på akut fara. Jag har uppmanat hen att ringa 112.",
    "relay.words.end": "avsluta|avsluta samtalet|klar|end|end chat",
    "relay.words.withdraw": "avbryt|dra tillbaka|ångra|cancel|withdraw",
    "relay.weekdays": "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag",
    "relay.opens_at": "{weekday} {day}/{month} kl. {time}",
    "relay.offer.title": "Ny förfrågan om konsultation",
    "relay.offer.district": "Stadsdel",
    "relay.offer.time": "Inkom",
    "relay.offer.categories": "Oron gäller",
    "relay.offer.urgency": "Brådska",
    "relay.offer.backup": "Ingen har tagit ärendet på {minutes} minuter.",
    "relay.offer.privacy": (
        "Inget som kan identifiera barnet eller personalen visas här. Anteckningen visas för den som "
        "tar ärendet."
    ),
    "relay.claim": "Ta ärendet",
    "relay.taken": "Taget av {name}",
    "relay.card_withdrawn": "Förfrågan återkallades av personalen.",
    "relay.card_expired": "Ingen tog ärendet i tid; personalen har fått andra kontaktvägar.",
    "relay.urgency.acute": "Akut",
    "relay.urgency.high": "Hög",
    "relay.urgency.normal": "Normal",
    "relay.note.title": "Konsultationsanteckning (avidentifierad)",
    "relay.note.age": "Ålder",
    "relay.note.duration": "Hur länge",
    "relay.note.guidance": "Samråds bedömning",
    "relay.note.summary": "Sammanfattning",
    "relay.note.day": "Dag",
    "relay.note.signals": "Tecken",
    "relay.note.reasons": "Vad Samråd sa till personalen",
    "relay.outcome.ask": "Hur avslutas ärendet? Personalen får nästa steg utifrån ditt val.",
    "relay.outcome.report": "Anmälan rekommenderas",
    "relay.outcome.early_support": "Tidigt stöd",
    "relay.outcome.observe": "Fortsätt observera",
    "relay.outcome.no_action": "Ingen vidare åtgärd",
    "relay.outcome.saved": "Tack, utfallet är sparat och personalen har fått nästa steg.",
    "relay.result.title": "Nästa steg efter samtalet",
    "relay.result.outcome": "Socionomens bedömning: {outcome}",
    "relay.next.report": (
        "Gör en orosanmälan nu. Anmälan görs där barnet bor. Anmälningsskyldigheten är personlig — "
        "en konsultation ersätter inte en anmälan."
    ),
    "relay.next.report_link": "Gör en orosanmälan i e-tjänsten",
    "relay.next.intake": "Mottagningen i {district}: {phone}",
    "relay.next.early_support": (
        "Familjen kan få tidigt stöd. Misstänker du ändå att barnet far illa ska du anmäla — en "
        "konsultation ersätter inte en anmälan. Tipsa vårdnadshavarna om:"
    ),
    "relay.next.observe": (
        "Fortsätt observera och skriv ner vad du ser och hör, med datum. En konsultation ersätter inte "
        "en anmälan: misstänker du att barnet far illa ska du anmäla, också om oron växer eller något "
        "nytt händer."
    ),
    "relay.next.no_action": (
        "Socionomen ser inget behov av fler åtgärder just nu. En konsultation ersätter inte en anmälan: "
        "misstänker du ändå att barnet far illa ska du anmäla. Om något nytt händer kan du alltid "
        "rådgöra igen."
    ),
    "relay.rate.ask": "Hur mycket hjälp fick du? (1 = ingen, 5 = mycket)",
    "relay.rate.thanks": "Tack för ditt betyg!",
    "relay.after_hours": (
        "Socionomerna i {district} har stängt nu. Din förfrågan är sparad och väntar: den skickas till dem när "
        "de öppnar {opens}, och du får besked här när någon tar den. Du kan dra tillbaka den när som helst — "
        "skriv **avbryt** eller tryck på knappen."
    ),
    "relay.waiting_for_opening": (
        "Din förfrågan väntar på att socionomerna i {district} öppnar {opens}. Jag säger till här så fort "
        "någon tar den. Skriv **avbryt** för att dra tillbaka den."
    ),
    "relay.claim_refused": (
        "Du kan inte ta det här ärendet: förfrågan skickades inte till dig. Bara den som fick förfrågan, "
        "eller kanalen där den lades upp, kan ta den."
    ),
    "relay.claim_refused_own": "Det här är din egen förfrågan, så du kan inte ta den själv. En socionom tar den.",
    "relay.idle_closed_staff": (
        "Samtalet med socionomen är avslutat eftersom ingen har skrivit på {duration}. En konsultation ersätter "
        "inte en anmälan: misstänker du att barnet far illa ska du anmäla. Du kan alltid be om en socionom igen."
    ),
    "relay.idle_closed_socionom": "Samtalet är avslutat eftersom ingen har skrivit på {duration}.",
    "relay.duration.hours": "{n} timmar",
    "relay.duration.hour": "en timme",
    "relay.duration.minutes": "{n} minuter",
    "relay.focus.ask": "Du har flera pågående samtal. Vilket ska meddelandet gå till?",
    "relay.focus.option": "{who}, frågade {when}",
    "relay.focus.set": "Dina meddelanden går nu till: {label}.",
    "relay.offer.after_hours": "Förfrågan kom {when}, utanför kontorstid, och har väntat på att ni öppnar.",
    # --- handoff relay — end ---
}
