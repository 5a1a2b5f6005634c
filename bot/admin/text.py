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
