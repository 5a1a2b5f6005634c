"""Swedish: the welcome, the menu, the words that work anywhere (help, cancel, restart, language), fallbacks
and the edge's lines for group chats and invokes."""

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
}
