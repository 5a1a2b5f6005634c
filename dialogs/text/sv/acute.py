"""Swedish: acute danger — 112 first, then the social services' numbers."""

TEXT: dict[str, str] = {
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
}
