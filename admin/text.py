"""The administration's own user-facing texts (Swedish; the administration is used by city staff)."""

from __future__ import annotations

SIGNIN_WRONG = "Fel användarnamn eller lösenord."
SIGNIN_THROTTLED = "För många inloggningsförsök. Vänta {seconds} sekunder och försök igen."
SIGNIN_FORM_EXPIRED = "Formuläret har gått ut. Ladda om inloggningssidan och försök igen."
SIGNIN_FIRST = "Logga in först."
JSON_OBJECT_EXPECTED = "JSON-objekt väntades."
JSON_TOO_DEEP = "JSON-dokumentet är för djupt nästlat."
FIELD_MUST_BE_TEXT = "{field} ska vara text."
IMPORT_TOO_MANY_ROWS = ("Importen har {rows} rader; högst {limit} rader går att importera på en gång. "
                        "Dela upp filen och importera delarna var för sig.")
IMPORT_FIELD_TOO_LONG = "ett fält är längre än {limit} tecken"
IMPORT_UNTERMINATED_QUOTE = "ett citattecken (\") öppnas men stängs aldrig"
IMPORT_UNREADABLE_CSV = "filen går inte att läsa som CSV: {problem}"
SIGNIN_FIELDS_EXPECTED = "Skicka ett JSON-objekt med username och password som text."
CONTROL_CHARACTERS = "Adressen innehåller styrtecken (t.ex. NUL) som inte går att använda."
NOT_FOUND_TITLE = "Finns inte"
NOT_FOUND = "Sidan finns inte. Kontrollera adressen eller gå till startsidan."

# The routing tables: plural and singular name, then each field's label (and help) in the order the form shows
# them. The fields themselves (kind, required, choices) come from routing/schema.py.
ID_HELP = "Kort, stabilt id (bokstäver, siffror, bindestreck)."
TABLES: dict[str, tuple[str, str, dict[str, str | tuple[str, str]]]] = {
    "districts": ("Stadsdelar", "stadsdel", {
        "id": ("Id", ID_HELP), "name": "Namn",
        "aliases": ("Andra namn", "Gamla och informella namn, ett per rad (t.ex. Rinkeby)."), "active": "Aktiv"}),
    "preschools": ("Förskolor", "förskola", {
        "id": ("Id", ID_HELP), "name": "Namn", "operator": "Huvudman", "address": "Adress", "postcode": "Postnummer",
        "skolverket_id": "Skolenhetskod", "district_id": "Stadsdel",
        "area": ("Område", "Stadsdelsområdet som personalen säger (t.ex. Sätra, Långbro); "
                           "hjälper boten att hitta rätt förskola."),
        "aliases": "Andra namn", "active": "Aktiv"}),
    "units": ("Enheter", "enhet", {
        "id": ("Id", ID_HELP), "name": "Namn", "kind": "Typ",
        "district_id": ("Stadsdel", "Tom för stadsövergripande enheter (t.ex. socialjouren)."),
        "phone": "Telefon", "email": "E-post", "url": "Webbadress", "teams_channel_id": "Teams-kanal",
        "address": "Adress", "active": "Aktiv"}),
    "contacts": ("Kontakter", "kontakt", {
        "id": ("Id", ID_HELP), "name": "Namn", "role": "Roll", "unit_id": "Enhet",
        "teams_user_id": "Teams-användare (AAD-id)", "teams_channel_id": "Teams-kanal", "email": "E-post",
        "phone": "Telefon", "priority": ("Prioritet", "1 tillfrågas först, högre nummer är reserver."),
        "active": "Aktiv"}),
    "opening_hours": ("Öppettider", "öppettid", {
        "id": ("Id", ID_HELP), "unit_id": "Enhet", "weekday": "Veckodag", "opens": "Öppnar",
        "closes": ("Stänger", "00:00 = midnatt.")}),
    "hours_exceptions": ("Undantag", "undantag", {
        "id": ("Id", ID_HELP), "unit_id": "Enhet", "day": "Datum", "closed": "Stängt hela dagen", "opens": "Öppnar",
        "closes": "Stänger", "note": "Anteckning"}),
    "on_call": ("Jour", "jourpass", {
        "id": ("Id", ID_HELP), "contact_id": "Kontakt", "unit_id": "Enhet", "starts": "Börjar", "ends": "Slutar"}),
    "rules": ("Regler", "regel", {
        "id": ("Id", ID_HELP), "concern": ("Orosområde", "Kategori eller * för alla."),
        "outcome": ("Utfall", "acute, report, consult, support eller *."),
        "unit_kinds": ("Enhetstyper i ordning", "En per rad, t.ex. socionom."), "note": "Anteckning"}),
}
# Labels of the values a select offers, by field name; a field without choices in the schema offers these.
CHOICES: dict[str, dict[str, str]] = {
    "weekday": {"0": "måndag", "1": "tisdag", "2": "onsdag", "3": "torsdag", "4": "fredag", "5": "lördag",
                "6": "söndag", "7": "helgdag/afton"},
    "kind": {"socionom": "socionom i förskolan", "mottagning": "mottagning Barn och unga",
             "foraldraradgivning": "föräldrarådgivning", "familjecentral": "familjecentral",
             "oppen_forskola": "öppen förskola", "socialjour": "socialjour"},
    "operator": {"Kommunal": "kommunal", "Enskild": "enskild"},
}

# Statistics: the report's tables, their columns and the words in their cells (outcome and category codes in the
# cells and headers are labelled by the pages with OUTCOMES and CATEGORIES below).
STAT_NO_DISTRICT = "(ingen stadsdel)"
STAT_UNKNOWN_AGE = "okänd"
STAT_ONGOING = "pågår"
STAT_RATING = "{rating} av 5"
STAT_MINUTES = "min"
STAT_TITLES = {
    "consultations": "Konsultationer per stadsdel och månad",
    "outcomes": "Utfall (hela perioden)",
    "categories": "Orosområden (hela perioden)",
    "age_bands": "Åldersgrupp (hela perioden)",
    "handoffs": "Överlämningar per stadsdel och månad",
    "handoff_outcomes": "Överlämningar: utfall",
    "ratings": "Betyg från förskolepersonal",
}
STAT_MONTH = "Månad"
STAT_DISTRICT = "Stadsdel"
STAT_TOTAL = "Totalt"
STAT_ACUTE = "Akut"
STAT_HANDOFF_REQUESTED = "Överlämning begärd"
STAT_OUTCOME = "Utfall"
STAT_COUNT = "Antal"
STAT_CATEGORY = "Område"
STAT_AGE = "Ålder"
STAT_REQUESTED = "Begärda"
STAT_CLAIMED = "Tagna"
STAT_CLOSED = "Avslutade"
STAT_MINUTES_TO_CLAIM = "Tid till tagen (median)"
STAT_RATING_MEDIAN = "Betyg (median)"
STAT_RATING_COLUMN = "Betyg"
