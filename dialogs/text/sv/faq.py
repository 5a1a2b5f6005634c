"""Swedish: questions about the duty to report (FAQ)."""

TEXT: dict[str, str] = {
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
}
