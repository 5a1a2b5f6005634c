"""Every word the administration shows, in Swedish (it is used by city staff): pages, messages and labels.

Templates read these as `t.NAME` and fill placeholders with the `fill` filter; no template holds prose of its own.
"""

from __future__ import annotations

# The routing decision, the validation report and routing errors in words live beside, in admin/text/routing.py.
from admin.text.routing import (
    FIELD_PROBLEMS as FIELD_PROBLEMS,
)
from admin.text.routing import (
    ROUTE_REASONS as ROUTE_REASONS,
)
from admin.text.routing import (
    ROUTE_STEPS as ROUTE_STEPS,
)
from admin.text.routing import (
    VALIDATION_LINES as VALIDATION_LINES,
)
from admin.text.routing import (
    decision_view as decision_view,
)
from admin.text.routing import (
    field_error as field_error,
)
from admin.text.routing import (
    field_problem as field_problem,
)
from admin.text.routing import (
    route_reason as route_reason,
)
from admin.text.routing import (
    route_step as route_step,
)
from admin.text.routing import (
    routing_error as routing_error,
)
from admin.text.routing import (
    validation_lines as validation_lines,
)

PRODUCT = "Samråd"

# -- sign-in and sessions ---------------------------------------------------------------------------------
SIGNIN = "Logga in"
SIGNIN_INTRO = "Administration av Samråds vägval: stadsdelar, förskolor, enheter, kontakter och jour."
SIGNIN_USERNAME = "Användarnamn"
SIGNIN_PASSWORD = "Lösenord"
SIGNIN_ENTRA = "Logga in med Stockholms stads konto (Entra ID)"
SIGNIN_WRONG = "Fel användarnamn eller lösenord."
SIGNIN_THROTTLED = "För många inloggningsförsök. Vänta {seconds} sekunder och försök igen."
SIGNIN_FORM_EXPIRED = "Formuläret har gått ut. Ladda om inloggningssidan och försök igen."
SIGNIN_FIRST = "Logga in först."
SIGNIN_FIELDS_EXPECTED = "Skicka ett JSON-objekt med username och password som text."
SIGNIN_ENTRA_OFF = "Inloggning med Entra ID är inte konfigurerad."
SIGNIN_ENTRA_DOWN = "Entra ID svarar inte just nu."
SIGNIN_ENTRA_STATE = "Inloggningen gick inte att slutföra (ogiltigt tillstånd). Försök igen."
SIGNIN_ENTRA_FAILED = "Inloggningen med Entra ID misslyckades."
SIGNIN_NO_ROLE = "Ditt konto har ingen roll i Samråds administration."
SIGNIN_INACTIVE = "Kontot är avstängt."
SIGN_OUT = "Logga ut"
CSRF_WRONG = "CSRF-token saknas eller är fel."
CSRF_WRONG_PAGE = "CSRF-token saknas eller är fel. Ladda om sidan och försök igen."

# -- accounts (`samrad admin ...`) ------------------------------------------------------------------------
ACCOUNT_NAME_INVALID = "användarnamnet får inte vara tomt eller innehålla blanksteg"
ACCOUNT_NEEDS_DISTRICT = "rollen {role} kräver en stadsdel (--district)"
ACCOUNT_PASSWORD_SHORT = "lösenordet måste ha minst {length} tecken"
ACCOUNT_AAD_INVALID = "Teams-id:t (--aad-object-id) får inte innehålla blanksteg"
ACCOUNT_EXISTS = "användaren {username!r} finns redan"
ACCOUNT_MISSING = "användaren {username!r} finns inte"
ROLE_UNKNOWN = "okänd roll {role!r}: använd admin, district_editor eller socionom"
ROLES = {"admin": "administratör", "district_editor": "stadsdelsredaktör", "socionom": "socionom"}

# -- what a request may not be --------------------------------------------------------------------------
FORBIDDEN_TITLE = "Inte tillåtet"
FORBIDDEN = "Din roll får inte göra detta."
NOT_FOUND_TITLE = "Finns inte"
NOT_FOUND = "Sidan finns inte. Kontrollera adressen eller gå till startsidan."
RECORD_NOT_FOUND = "Sidan eller posten finns inte."
BAD_REQUEST_TITLE = "Felaktig uppgift"
CONTROL_CHARACTERS = "Adressen innehåller styrtecken (t.ex. NUL) som inte går att använda."
JSON_OBJECT_EXPECTED = "JSON-objekt väntades."
JSON_TOO_DEEP = "JSON-dokumentet är för djupt nästlat."
FIELD_MUST_BE_TEXT = "{field} ska vara text."
DATE_EXPECTED = "{name} ska vara ett datum som 2026-03-01"
DAY_EXPECTED = "{name} ska vara ett datum som 2026-03-04"
DATE_FORMAT = "Datum anges som 2026-03-01."
TIME_EXPECTED = "at ska vara en tid som 2026-03-04T14:30"
TIME_YEARS = "at ska ligga mellan år {first} och {last}"
STATE_EXPECTED = "state ska vara något av {states}"
DAYS_IN_ORDER = "from ska vara samma dag som eller före to"
PAGE_EXPECTED = "page ska vara ett heltal från 1"
FILES_EXPECTED = "files ska vara en lista med 1–{limit} filer: {{name, text}}"
FILE_FIELDS_EXPECTED = "varje fil ska ha name och text"

# -- every page: the frame, the navigation, shared words ------------------------------------------------
ADMINISTRATION = "Administration"
BRAND = "Samråd admin"
SAVED = "Ändringen är sparad."
TO_START = "Till startsidan"
START = "Start"
IMPORT = "Import"
EXPORT = "Export"
ROUTE_TEST = "Testa vägval"
HANDOFFS = "Ärenden"
STATISTICS = "Statistik"
AUDIT = "Logg"
ALL = "Alla"
DISTRICT = "Stadsdel"
FILTER = "Filtrera"
SHOW = "Visa"
EDIT = "Ändra"
HISTORY = "Historik"
YES = "ja"
NO = "nej"
NONE_MASCULINE = "(ingen)"
NONE_NEUTER = "(inget)"
WHEN = "När"
WHO = "Vem"
MINUTES = "min"
RATING = "{rating} av 5"

# -- start page -------------------------------------------------------------------------------------------
INDEX_HEADING = "Samråd – administration"
VALIDATION = "Valideringsrapport"
VALIDATION_OK = ("Vägvalen är kompletta: alla förskolor har stadsdel, alla stadsdelar har socionom, alla enheter har "
                 "öppettider och socialjouren finns.")
VALIDATION_GAPS = "Vägvalen har luckor som bör åtgärdas innan pilotens förskolor använder boten."
PRESCHOOLS_WITHOUT_DISTRICT = "förskolor utan stadsdel"
DISTRICTS_WITHOUT_SOCIONOM = "stadsdelar utan aktiv socionom"
UNITS_WITHOUT_HOURS = "enheter utan öppettider"
SOCIALJOUR_REGISTERED = "socialjour registrerad"
SOCIALJOUR_YES = "Ja"
SOCIALJOUR_NO = "Nej"
RECENT_CHANGES = "Senaste ändringar"
CHANGE_TABLE = "Tabell"
CHANGE_RECORD = "Post"
CHANGE_ACTION = "Ändring"

# -- a table, a record, its history ---------------------------------------------------------------------
SEARCH = "Sök"
SEARCH_HINT = "namn, id, adress …"
WITHOUT_DISTRICT = "utan stadsdel"
NEW_RECORD = "Ny {singular}"
RECORD_COUNT = "{count} poster"
FIX_MARKED_FIELDS = "Rätta de markerade fälten."
SAVE = "Spara"
DEACTIVATE = "Avaktivera"
DELETE = "Ta bort"
HISTORY_TITLE = "Historik {record_id}"
HISTORY_HEADING = "Historik: {singular} {record_id}"
TO_RECORD = "Till posten"
NO_CHANGES = "Inga ändringar registrerade."
CHANGE_WHAT = "Vad"
CHANGE_FIELD = "Fält"
CHANGE_BEFORE = "Före"
CHANGE_AFTER = "Efter"

# -- import and export ------------------------------------------------------------------------------------
IMPORT_INTRO = ("Ladda upp CSV-filer namngivna efter tabellen (t.ex. {example}) eller ett JSON-paket från Export. "
                "Du ser först vad som ändras; inget sparas förrän du bekräftar. Importen sparas helt eller inte alls.")
IMPORT_STOPPED = "Importen stoppades – inget har ändrats."
IMPORT_FIX_ROWS = "Rätta raderna nedan och försök igen."
IMPORT_LOCATION = "Fil:rad"
IMPORT_FIELD = "Fält"
IMPORT_ERROR = "Fel"
IMPORT_PREVIEW = "Förhandsgranskning"
IMPORT_FILES_LIST = "Filer: {names}"
IMPORT_CONFIRM = "Bekräfta importen"
IMPORT_CANCEL = "Avbryt"
IMPORT_DONE = "Importen är sparad."
IMPORT_FILES = "Filer"
IMPORT_PREVIEW_BUTTON = "Förhandsgranska"
IMPORT_TABLE = "Tabell"
IMPORT_CREATED = "Nya"
IMPORT_UPDATED = "Ändrade"
IMPORT_UNCHANGED = "Oförändrade"
IMPORT_UNREADABLE = "Importen gick inte att läsa. Ladda upp filerna igen."
IMPORT_FILE_TOO_LARGE = "Filen är för stor (högst 5 MB)."
IMPORT_NOT_UTF8 = "{name} är inte UTF-8-text."
IMPORT_NO_FILES = "Välj minst en fil."
IMPORT_TOO_MANY_ROWS = ("Importen har {rows} rader; högst {limit} rader går att importera på en gång. "
                        "Dela upp filen och importera delarna var för sig.")
IMPORT_MORE_THAN = "fler än {limit}"
EXPORT_BUNDLE = "Hela katalogen som JSON-paket"
EXPORT_ONE_TABLE = "En tabell som CSV"
EXPORT_REIMPORT = "Filerna kan redigeras och läsas in igen under Import."

# -- route test -------------------------------------------------------------------------------------------
ROUTE_TEST_INTRO = ("Samma beslut som boten fattar: vilken förskola som matchar, vem som ska kontaktas och varför. "
                    "Skriv inga uppgifter om barn.")
ROUTE_TEST_PRESCHOOL = "Förskola (som personalen skulle skriva)"
ROUTE_TEST_CONCERN = "Orosområde"
ROUTE_TEST_OUTCOME = "Bedömning"
ROUTE_TEST_DISTRICT = "Stadsdel (om personalen anger en)"
ROUTE_TEST_AT = "Tidpunkt (tom = nu)"
ROUTE_TEST_RUN = "Testa"
ROUTE_TEST_MATCH = "Matchning"
ROUTE_TEST_AMBIGUOUS = ("Flera förskolor är nästan lika bra – boten frågar vilken som avses och väljer ingen av dem "
                        "förrän personalen svarat. Beslutet nedan gäller utan förskola.")
ROUTE_TEST_UNSURE = ("Osäker träff – boten frågar först ”Menar du {name}?” och väljer den bara om personalen svarar "
                     "ja. Beslutet nedan gäller utan förskola.")
ROUTE_TEST_CONFIDENT = "Säker träff – boten väljer {name} utan att fråga."
ROUTE_TEST_NO_MATCH = "Ingen förskola matchade."
ROUTE_TEST_DECISION = "Beslut"
ROUTE_TEST_DECIDED_DISTRICT = "Stadsdel:"
ROUTE_TEST_UNKNOWN_DISTRICT = "okänd"
ROUTE_TEST_ORDER = "ordning:"
ROUTE_TEST_CONTACT = "Kontakt"
ROUTE_TEST_UNIT = "Enhet"
ROUTE_TEST_PHONE = "Telefon"
ROUTE_TEST_NOW = "Nu"
ROUTE_TEST_WHY = "Varför"
ROUTE_TEST_AVAILABLE = "tillgänglig"
ROUTE_TEST_CLOSED = "stängt"
ROUTE_TEST_REASONS = "Skäl"
ROUTE_TEST_TRACE = "Spår"
ROUTE_TEST_JSON = "JSON"

# -- statistics page --------------------------------------------------------------------------------------
STATISTICS_HEADING = "Statistik för utvärderingen"
STATISTICS_INTRO = ("Endast sammanräknade uppgifter. Antal under 5 visas som <5. Ett x är ett antal på 5 eller fler "
                    "som döljs för att ett <5 inte ska gå att räkna fram ur summorna. Perioden räknas i hela månader, "
                    "så att dagar inte kan räknas fram genom att jämföra perioder. Ingen text från konsultationer "
                    "visas.")
STATISTICS_SINCE = "Från"
STATISTICS_UNTIL = "Till"
STATISTICS_CSV = "Ladda ner CSV"
STATISTICS_EMPTY = "Inga uppgifter för perioden."

# -- handoffs (ärenden) -----------------------------------------------------------------------------------
HANDOFFS_INTRO = ("Överlämningar till socionom{where}. Här visas bara uppgifter om ärendet: tider, status, "
                  "orosområden och utfall. Anteckningen, meddelandena och vem i personalen som frågade visas aldrig. "
                  "Tider i svensk tid; {limit} per sida, nyast först.")
HANDOFFS_IN_OWN_DISTRICT = " i din stadsdel"
HANDOFFS_FROM = "Från dag"
HANDOFFS_TO = "Till dag"
HANDOFFS_MINE = "bara mina ärenden"
HANDOFFS_NOT_LINKED = ("Ditt konto är inte kopplat till ditt Teams-konto, så dina egna ärenden går inte att hitta. "
                       "Be en administratör koppla kontot (samrad admin create-user … --aad-object-id) eller logga in "
                       "med Entra ID.")
HANDOFFS_PAGE = "Sida {page}: {count} ärenden"
HANDOFFS_NONE = "Inga ärenden."
HANDOFFS_PAGES = "Sidor"
HANDOFFS_PREVIOUS = "Föregående sida"
HANDOFFS_NEXT = "Nästa sida"
HANDOFF = "Ärende {short_id}"
HANDOFF_ALL = "Alla ärenden"
HANDOFF_INTRO = ("Bara uppgifter om ärendet visas. Anteckningen, meddelandena och vem i personalen som frågade visas "
                 "aldrig. Tider i svensk tid.")
HANDOFF_ID = "Ärende-id"
HANDOFF_COLUMN = "Ärende"
HANDOFF_STATE = "Status"
HANDOFF_URGENCY = "Brådska"
HANDOFF_CATEGORIES = "Orosområden"
HANDOFF_REQUESTED = "Begärt"
HANDOFF_CLAIMED = "Taget"
HANDOFF_MINUTES_TO_CLAIM = "Tid till taget"
HANDOFF_CLOSED = "Avslutat"
HANDOFF_ENDED = "Slut ({state})"
HANDOFF_CLAIMER = "Taget av"
HANDOFF_YOU = "(du)"
HANDOFF_OUTCOME = "Utfall"
HANDOFF_RATING = "Betyg"
HANDOFF_RATING_FROM_STAFF = "Betyg från personalen"
HANDOFF_MESSAGES = "Meddelanden"
HANDOFF_MESSAGE_COUNT = "Antal meddelanden"
HANDOFF_EVENTS = "Händelser"
HANDOFF_EVENT = "Händelse"
HANDOFF_EVENT_FROM = "Från"
HANDOFF_EVENT_TO = "Till"
HANDOFF_EVENT_BY = "Av"
HANDOFF_EVENT_CODE = "Kod"
HANDOFF_NO_EVENTS = "Inga händelser."
HANDOFF_STATES = {"requested": "Begärt", "offered": "Erbjudet", "escalated": "Skickat vidare", "claimed": "Taget",
                  "active": "Pågår", "closed": "Avslutat", "withdrawn": "Återkallat", "expired": "Ingen tog det"}
URGENCIES = {"acute": "Akut", "high": "Hög", "normal": "Normal"}
ACTORS = {"staff": "personalen", "socionom": "socionomen", "timer": "tidtagaren", "system": "systemet"}
EVENT_KINDS = {"transition": "Statusbyte", "notified": "Avisering skickad", "told_staff": "Personalen informerad",
               "acute": "Akut fara upptäckt", "claim_lost": "Någon annan hann före",
               "claim_refused": "Nekad: förfrågan var inte till den personen",
               "waits_for_opening": "Väntar på öppning", "outcome": "Utfall satt",
               "rated": "Betyg lämnat"}

# -- audit log --------------------------------------------------------------------------------------------
AUDIT_HEADING = "Inloggningar och kontoändringar"
AUDIT_INTRO = "Ändringar i vägvalen syns under varje posts historik och på startsidan."
AUDIT_EVENT = "Händelse"
AUDIT_IP = "IP"
AUDIT_DETAIL = "Detaljer"

# -- the bot's codes as the administration words them ---------------------------------------------------
OUTCOMES = {"acute": "Akut — ring 112", "report": "Anmäl", "consult": "Rådgör med socionom",
            "support": "Tipsa om stöd"}
CATEGORIES = {
    "physical": "Blåmärken eller andra skador",
    "neglect": "Barnets grundläggande behov (mat, kläder, hygien, vård)",
    "emotional": "Barnets mående eller beteende",
    "sexual": "Något sexuellt som oroar",
    "parent": "Förälderns mående, missbruk eller psykisk ohälsa",
    "domestic_violence": "Våld i familjen",
    "honour": "Hedersrelaterat våld och förtryck",
    "family_support": "Familjen behöver stöd",
}
# How a socionom closed a handoff.
HANDOFF_OUTCOMES = {"report": "Anmälan rekommenderas", "early_support": "Tidigt stöd",
                    "observe": "Fortsätt observera", "no_action": "Ingen vidare åtgärd"}

# -- the routing tables ----------------------------------------------------------------------------------
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


# -- statistics report -----------------------------------------------------------------------------------
# Statistics: the report's tables, their columns and the words in their cells (outcome and category codes in the
# cells and headers are labelled by the pages with `code_label`).
STAT_NO_DISTRICT = "(ingen stadsdel)"
STAT_UNKNOWN_AGE = "okänd"
STAT_ONGOING = "pågår"
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


def code_label(code: object) -> object:
    """The wording of an outcome, concern category or handoff outcome code; anything else as it is."""
    for labels in (OUTCOMES, CATEGORIES, HANDOFF_OUTCOMES):
        if isinstance(code, str) and code in labels:
            return labels[code]
    return code
