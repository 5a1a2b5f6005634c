"""Every Swedish string Samråd's dialogs say; the English module has the same keys and placeholders."""

TEXT: dict[str, str] = {
    # Welcome and menu
    "welcome.title": "Hej! Jag är Samråd.",
    "welcome.body": (
        "Jag hjälper dig som arbetar i förskolan när du är orolig för ett barn. "
        "Du behöver inte vara säker — det räcker att du är orolig."
    ),
    "welcome.anonymity": (
        "Du kan rådgöra anonymt: jag frågar aldrig efter barnets namn. Jag tar bort namn, personnummer, "
        "adresser och telefonnummer innan något sparas — skriv ändå inte barnets namn."
    ),
    "welcome.acute": "Är barnet i akut fara — ring 112 nu.",
    "menu.title": "Vad vill du göra?",
    "menu.consult": "Rådgör om ett barn",
    "menu.contact": "Hitta min kontakt",
    "menu.faq": "Ställ en fråga",
    "menu.acute": "Akut fara",
    "menu.handoff": "Prata med en människa",
    "menu.words.consult": "rådgör|rådgöra|konsultation|orolig|oro",
    "menu.words.contact": "kontakt|hitta kontakt|min kontakt|telefonnummer|nummer",
    "menu.words.faq": "fråga|frågor|ställ en fråga",
    "menu.words.acute": "akut|akut fara",
    "choice.hint": "Du kan också svara med siffran eller ordet.",
    "choice.retry": "Jag förstod inte riktigt. Välj ett av alternativen, eller skriv siffran framför det.",
    "choice.none_selected": "Välj minst ett alternativ, eller skriv siffrorna, till exempel 1, 3.",
    # Interruptions
    "help.title": "Så här fungerar Samråd",
    "help.body": (
        "Jag hjälper dig att tänka igenom en oro för ett barn, hitta rätt kontakt och svara på frågor "
        "om anmälningsskyldigheten. Du kan skriva när som helst:"
    ),
    "help.cancel": "**avbryt** eller **sluta** — avsluta det vi håller på med",
    "help.restart": "**meny** — tillbaka till menyn (eller **börja om**)",
    "help.human": "**prata med en människa** — få kontakt med en socionom",
    "help.language": "**in english** — byt till engelska",
    "help.acute": "Är barnet i akut fara — ring 112 nu.",
    "help.back": "Nu fortsätter vi där vi var.",
    "cancel.done": "Okej, jag har avbrutit. Inget av det du skrev sparades. Skriv när du vill börja igen.",
    "cancel.nothing": "Det finns inget att avbryta just nu.",
    "restart.done": "Vi börjar om.",
    "language.switched": "Nu skriver jag på svenska.",
    # Acute
    "acute.title": "Ring 112 nu",
    "acute.body": "Är barnet i akut fara — ring 112 nu. Vänta inte, och fråga inte ut barnet.",
    "acute.social": "Ring sedan socialtjänsten. Utanför kontorstid: ring socialjouren.",
    "acute.social_known": "Ring sedan socialtjänsten i {district}:",
    "acute.report": "Gör också en orosanmälan så snart du kan. Anmälan görs där barnet bor.",
    "acute.after": "När barnet är i säkerhet kan du skriva till mig igen.",
    "acute.handoff": "Prata med en socionom",
    "acute.menu": "Till menyn",
    "acute.open_now": "Öppet nu",
    "acute.closed_now": "Stängt just nu",
    "acute.opens": "öppnar {when}",
    "acute.label.mottagning": "Mottagning",
    "acute.label.socialjour": "Socialjour",
    "acute.pick_district": "Vilken stadsdel gäller det? Välj den, så visar jag numret till socialtjänsten där.",
    "acute.pick_button": "Välj stadsdel",
    # Consultation: anonymity and place
    "consult.intro": (
        "Vi rådgör anonymt. Du behöver inte vara säker — det räcker att du är orolig. "
        "Skriv inte barnets namn eller något annat som kan peka ut barnet."
    ),
    "place.ask": "Vilken förskola gäller det? Skriv förskolans namn — eller stadsdelen, om du hellre vill det.",
    "place.why": "Jag frågar bara för att hitta rätt kontakter. I anteckningen står stadsdelen, inte förskolan.",
    "place.placeholder": "Förskolans namn eller stadsdel",
    "place.send": "Skicka",
    "place.district_only": "Jag vill hellre välja stadsdel",
    "place.ambiguous": "Jag hittade flera förskolor som liknar det du skrev. Vilken menar du?",
    "place.preschool_option": "{where} — {name}",
    "place.where_area": "{district}, {area}",
    "place.where_street": "{place} · {street}",
    "place.narrow": "Skriv gärna området eller gatan, så hittar jag rätt.",
    "place.narrow_placeholder": "Område eller gata, t.ex. Tallkrogen",
    "place.confirm": "Menar du {name} i {district}?",
    "place.confirm_no_district": "Menar du {name}?",
    "place.confirm_yes": "Ja, den",
    "place.confirm_no": "Nej",
    "place.district_unknown": "stadsdel okänd",
    "place.none_of_these": "Ingen av dem",
    "place.unknown": "Jag hittade ingen förskola med det namnet. Vilken stadsdel ligger förskolan i?",
    "place.district_ask": "Vilken stadsdel ligger förskolan i?",
    "place.found": "Då gäller det {district}.",
    # Concern
    "concern.ask": "Vad handlar din oro om? Välj ett eller flera.",
    "concern.send": "Gå vidare",
    "category.physical": "Blåmärken eller andra skador",
    "category.neglect": "Barnets grundläggande behov (mat, kläder, hygien, vård)",
    "category.emotional": "Barnets mående eller beteende",
    "category.sexual": "Något sexuellt som oroar",
    "category.parent": "Förälderns mående, missbruk eller psykisk ohälsa",
    "category.domestic_violence": "Våld i familjen",
    "category.honour": "Hedersrelaterat våld och förtryck",
    "category.family_support": "Familjen behöver stöd",
    "words.ask": (
        "Berätta med egna ord vad du har sett eller hört. Jag tar bort namn, personnummer, adresser och "
        "telefonnummer innan något sparas — skriv ändå inte barnets namn eller något annat som kan peka ut "
        "barnet."
    ),
    "words.skip": "Hoppa över",
    "words.placeholder": "Det här har jag sett eller hört …",
    "words.masked": "Jag tog bort {kinds} ur det du skrev innan jag sparade något.",
    "pii.personnummer": "personnummer",
    "pii.phone": "telefonnummer",
    "pii.email": "e-postadresser",
    "pii.address": "adresser",
    "pii.postcode": "postnummer",
    "pii.name": "namn",
    "pii.birthdate": "födelsedatum",
    "pii.age": "exakt ålder",
    "pii.preschool": "förskolans namn",
    "pii.group": "avdelningens namn",
    "list.and": "och",
    # Questions
    "q.duration": "Hur länge har du varit orolig?",
    "q.duration.today": "Det hände i dag",
    "q.duration.weeks": "Några veckor",
    "q.duration.months": "Flera månader",
    "q.duration.unknown": "Vet inte",
    "q.child_told": "Har barnet själv sagt något om det?",
    "q.safe_today": "Tror du att barnet är tryggt i dag, när det går hem?",
    "q.yes": "Ja",
    "q.no": "Nej",
    "q.unsure": "Vet inte",
    "q.age": "Hur gammalt är barnet ungefär?",
    "q.age.0-1": "0–1 år",
    "q.age.1-3": "1–3 år",
    "q.age.3-6": "3–6 år",
    # --- consultation: words first, danger first, resume (branch consult) — begin ---
    "danger.ask": "Först en sak: är barnet i fara just nu, eller rädd för att gå hem?",
    "danger.yes": "Ja",
    "danger.no": "Nej",
    "danger.unsure": "Vet inte",
    "understood.lead": "Jag uppfattade: {items}",
    "understood.ask": "Stämmer det? Du kan ändra om jag har missförstått.",
    "understood.yes": "Stämmer",
    "understood.change": "Ändra",
    "understood.words.yes": "stämmer|ja|japp|det stämmer|rätt|yes|correct",
    "understood.words.change": "ändra|nej|fel|det stämmer inte|change|no",
    "understood.changing": "Okej, då frågar jag i stället.",
    "understood.category.physical": "blåmärken eller skador",
    "understood.category.neglect": "barnets grundläggande behov",
    "understood.category.emotional": "barnets mående eller beteende",
    "understood.category.sexual": "något sexuellt",
    "understood.category.parent": "förälderns mående eller missbruk",
    "understood.category.domestic_violence": "våld i familjen",
    "understood.category.honour": "hedersrelaterat våld och förtryck",
    "understood.category.family_support": "familjen behöver stöd",
    "understood.signal.injury": "skador eller märken",
    "understood.signal.child_told": "barnet har berättat",
    "understood.signal.retracted": "barnet har tagit tillbaka det",
    "understood.signal.ongoing_now": "pågår nu",
    "understood.signal.afraid_to_go_home": "rädd för att gå hem",
    "understood.signal.intoxicated_now": "en vuxen är påverkad nu",
    "understood.signal.staff_suspected": "någon i personalen misstänks",
    "understood.signal.witnessed_violence": "barnet ser eller hör våld hemma",
    "understood.signal.repeated": "har hänt flera gånger",
    "understood.duration.today": "hände i dag",
    "understood.duration.weeks": "några veckor",
    "understood.duration.months": "flera månader",
    "understood.age.0-1": "under 1 år",
    "understood.age.1-3": "1–3 år",
    "understood.age.3-6": "3–6 år",
    "understood.safe": "barnet är tryggt i dag",
    "consult.thanks": "Tack för att du berättar. Jag ställer bara de frågor jag inte redan har svar på.",
    "acute.dismiss": "Nej, ingen akut fara",
    "acute.words.dismiss": (
        "nej ingen akut fara|ingen akut fara|ingen fara|inte akut|det ar inte akut|falsklarm|falskt alarm|"
        "no danger|no acute danger|not acute|false alarm|no, no acute danger"
    ),
    "acute.dismissed": "Okej, tack. Då fortsätter vi där vi var.",
    "acute.dismissed_menu": "Okej, bra att det inte är akut.",
    "acute.paused": "När du är redo kan du skriva till mig igen, så fortsätter vi där vi var.",
    "cancel.note_kept": (
        "Okej, jag har avslutat. Den avidentifierade anteckningen finns kvar, inget annat av det du "
        "skrev sparades. Skriv när du vill börja igen."
    ),
    "stale.click": "Den knappen hör till något som redan är avslutat.",
    "stale.handoff": "Den konsultationen är redan avslutad, men du kan fortfarande prata med en socionom.",
    "resume.ask": "Vi var mitt i en konsultation. Du kan fortsätta där vi var, eller välja något annat.",
    "resume.yes": "Fortsätt där vi var",
    "resume.words.yes": "fortsätt|fortsatt",
    "resume.nothing": "Skriv när du vill börja igen.",
    # --- consultation — end ---
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
    # Contact
    "contact.intro": "Jag hjälper dig att hitta kontakterna för din förskola.",
    "contact.done": "Vill du något mer kan du skriva när som helst.",
    # FAQ
    "faq.ask": "Vad undrar du? Skriv din fråga.",
    "faq.placeholder": "Till exempel: Kan jag anmäla anonymt?",
    "faq.miss": (
        "Jag har inget bra svar på den frågan, och jag vill inte gissa. Vill du rådgöra med en "
        "socionom i stället?"
    ),
    "faq.miss.consult": "Ja, rådgör om ett barn",
    "faq.miss.no": "Nej tack",
    "faq.more": "Ställ en fråga till",
    "faq.done": "Skriv när du vill.",
    # Fallbacks
    "fallback.unknown": "Jag är inte säker på vad du menar. Här är vad jag kan hjälpa till med.",
    "message.too_long": (
        "Ditt meddelande är längre än jag kan ta emot ({limit} tecken). Skriv gärna det viktigaste kortare, "
        "så fortsätter vi. Är ett barn i fara just nu: ring 112."
    ),
    "error": "Något gick fel hos mig. Försök igen om en stund.",
    # --- edge: private chats and invokes (bot/handler.py; owned by edge) — begin ---
    "private.only": (
        "Om barn rådgör jag bara i en personlig chatt, där ingen annan läser. Jag har inte sparat något av "
        "det som skrevs här."
    ),
    "private.open": "Öppna en personlig chatt med Samråd",
    "invoke.answered": "Jag svarar i chatten.",
    # --- edge — end ---
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

# Wording of knowledge.assessment.REASON_CODES and of the routing reasons shown to staff.
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
