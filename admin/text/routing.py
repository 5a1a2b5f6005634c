"""The administration's words for the routing decision, the validation report and field errors (the "test a
route" page, its API, `samrad route`, `samrad routing validate`, forms, imports and `samrad routing import`); part of
admin/text, re-exported there."""

from __future__ import annotations

from typing import Any

from routing.errors import (
    FieldError,
    Problem,
    RoutingError,
    RoutingValidationError,
    UnknownDistrictError,
    UnknownPreschoolError,
    UnknownRecordError,
    UnknownTableError,
)
from routing.route import Reason, RouteDecision, Step, StepCode
from routing.validation import FindingCode, ValidationReport

# The routing decision in words (the "test a route" page, its API and `samrad route`): one line per reason code,
# its detail (a name, a holiday, a time, a rule) in brackets after it.
ROUTE_REASONS: dict[str, str] = {
    "district_from_preschool": "Stadsdel enligt förskolans uppgifter.",
    "district_given": "Stadsdel angiven i samtalet.",
    "district_differs": "Angiven stadsdel skiljer sig från förskolans registrerade stadsdel.",
    "unknown_district": "Förskolan saknar stadsdel — fråga vilken stadsdel förskolan ligger i.",
    "no_preschool": "Ingen förskola vald.",
    "rule": "Ordningen kommer från en routingregel.",
    "default_rule": "Ingen regel passade; standardordningen används (socionom först).",
    "socionom_first": "Socionom i förskolan i stadsdelen — kontakta först.",
    "first_choice": "Förstahandskontakt för enheten.",
    "backup": "Reserv om förstahandskontakten inte svarar.",
    "city_wide": "Stadsövergripande enhet.",
    "on_call": "I beredskap just nu.",
    "available_now": "Enheten har öppet nu.",
    "unit_closed": "Enheten har stängt just nu.",
    "no_socionom": "Stadsdelen saknar aktiv socionom i förskolan.",
    "no_contacts": "Ingen kontakt hittades för den här vägen.",
    "early_support": "Tidigt stöd som familjen kan erbjudas.",
    "recommended_for_family": "Rekommenderas för familjen utifrån bedömningen.",
    "report_to_mottagning": "Mottagning Barn och unga tar emot orosanmälningar för barn som bor i stadsdelen.",
    "report_eservice": "Bor barnet i Stockholms stad kan orosanmälan göras i stadens e-tjänst.",
    "report_where_child_lives": "Anmälan görs där barnet bor — det kan vara en annan stadsdel än förskolans.",
    "report_district_unknown": "Stadsdel okänd — använd e-tjänsten. Anmälan görs där barnet bor.",
    "office_open": "Kontorstid: enheten har öppet nu.",
    "office_closed": "Utanför kontorstid — vid brådskande oro: ring socialjouren.",
    "holiday": "Helgdag eller afton: kontoren har stängt.",
    "short_day": "Dag före helgdag: kortare öppettider.",
    "next_opening": "Nästa öppning.",
    "no_next_opening": "Ingen känd öppning de närmaste veckorna.",
    "socialjour": "Socialjouren tar brådskande ärenden utanför kontorstid.",
    "no_socialjour": "Ingen socialjour finns registrerad.",
    "acute_call_112": "Är barnet i akut fara — ring 112 nu.",
    "acute_now": "Bedömningen är akut: ring 112 först, sedan socialtjänsten (socialjouren utanför kontorstid).",
}
# The decision's trace, one line per step code; lists are joined with ", ", a missing value reads as below.
ROUTE_STEPS: dict[str, str] = {
    "time": "tid: {at} (Europe/Stockholm)",
    "no_preschool": "förskola: ingen vald",
    "preschool": "förskola: {name} ({id}), registrerad stadsdel: {registered}",
    "district_given": "stadsdel: {name} (angiven)",
    "district_from_preschool": "stadsdel: {name} (från förskolan)",
    "district_unknown": "stadsdel: okänd — dialogen behöver fråga",
    "rule": "regel {id}: ({concern}, {outcome}) → {kinds}",
    "default_rule": "ingen regel för ({concern}, {outcome}); standard → {kinds}",
    "units": "enheter {kind}: {names}",
    "no_socionom": "ingen aktiv socionom i förskolan i stadsdelen",
    "contacts": "kontakter: {count}, tillgängliga nu: {available}",
    "early_support": "tidigt stöd: {count} enheter",
    "report": "anmälan: e-tjänst + {intake} mottagning(ar); gäller där barnet bor",
    "office": "kontorstid: öppet, socialjour: {socialjour}",
    "office.closed": "kontorstid: stängt, nästa öppning {next_opening}, socialjour: {socialjour}",
}
ROUTE_STEP_MISSING = {"registered": "saknas", "names": "inga", "next_opening": "okänd", "concern": "*",
                      "outcome": "*"}

# The validation report's summary, one line per finding code (with the rows named where they are few).
VALIDATION_LINES: dict[str, str] = {
    "preschool_without_district": "Förskolor utan stadsdel: {count}",
    "district_without_socionom": "Stadsdelar utan aktiv socionom i förskolan: {count}{rows}",
    "unit_without_hours": "Enheter utan öppettider: {count}{rows}",
}
VALIDATION_ROWS = " ({rows})"
VALIDATION_SOCIALJOUR = {True: "Socialjour: finns", False: "Socialjour: SAKNAS"}


def route_reason(reason: Reason) -> str:
    """A reason of the routing decision in words."""
    text = ROUTE_REASONS[reason.code]
    return f"{text} ({reason.detail})" if reason.detail else text


def route_step(step: Step) -> str:
    """A step of the routing decision's trace in words."""
    values = {key: ", ".join(value) if isinstance(value, list) else value for key, value in step.values.items()}
    values = {key: ROUTE_STEP_MISSING.get(key, "") if value is None or value == "" else value
              for key, value in values.items()}
    key = "office.closed" if step.code == StepCode.OFFICE and not step.values.get("open") else str(step.code)
    return ROUTE_STEPS[key].format(**values)


def _worded(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: [{"code": r["code"], "text": route_reason(Reason.from_dict(r))} for r in item]
                if key == "reasons" else _worded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_worded(item) for item in value]
    return value


def decision_view(decision: RouteDecision) -> dict[str, Any]:
    """The decision's plain form with every reason as `{"code", "text"}` and the trace as lines."""
    return {**_worded(decision.to_dict()), "trace": [route_step(step) for step in decision.trace]}


def validation_lines(report: ValidationReport) -> list[str]:
    """The validation report as summary lines: how many of each gap, and which districts and units."""
    rows: dict[str, list[str]] = {code: [] for code in VALIDATION_LINES}
    for finding in report.findings:
        if finding.code in rows and finding.row is not None:
            rows[finding.code].append(finding.row)
    lines = [template.format(count=len(rows[code]),
                             rows=VALIDATION_ROWS.format(rows=", ".join(rows[code])) if rows[code] else "")
             for code, template in VALIDATION_LINES.items()]
    socialjour = not any(f.code == FindingCode.NO_SOCIALJOUR for f in report.findings)
    return [*lines, VALIDATION_SOCIALJOUR[socialjour]]


# A field error in words, one line per problem code; its detail (a value, a limit, a table) fills the braces.
FIELD_PROBLEMS: dict[Problem, str] = {
    Problem.REQUIRED: "måste fyllas i",
    Problem.NOT_TEXT: "måste vara text, inte {value}",
    Problem.NOT_CHOICE: "måste vara ett av {choices}, inte {value!r}",
    Problem.NOT_WHOLE_NUMBER: "måste vara ett heltal, inte {value!r}",
    Problem.NUMBER_RANGE: "måste vara ett heltal mellan {low} och {high}, inte {value!r}",
    Problem.NOT_BOOLEAN: "måste vara ja eller nej (true/false), inte {value!r}",
    Problem.NOT_TIME: "måste vara en tid som 08:00, inte {value!r}",
    Problem.NOT_DATE: "måste vara ett datum som 2026-12-24, inte {value!r}",
    Problem.NOT_DATETIME: "måste vara datum och tid som 2026-12-24T16:30, inte {value!r}",
    Problem.UNKNOWN_COLUMN: "är ingen kolumn i {table}",
    Problem.BAD_ID: "får bara innehålla bokstäver, siffror och _ . : - (högst 64 tecken)",
    Problem.NOT_EMAIL: "är ingen e-postadress: {value!r}",
    Problem.PRIORITY_MIN: "måste vara 1 eller mer (1 = först)",
    Problem.WEEKDAY_RANGE: "måste vara 0 (måndag) … 6 (söndag) eller 7 (helgdagar och aftnar)",
    Problem.CLOSES_BEFORE_OPENS: "måste vara efter öppningstiden (00:00 betyder midnatt)",
    Problem.REQUIRED_WHEN_OPEN: "måste fyllas i när dagen inte är stängd",
    Problem.ENDS_BEFORE_STARTS: "måste vara efter starttiden",
    Problem.UNKNOWN_UNIT_KIND: "okänd enhetstyp {value!r}; kända: {known}",
    Problem.CONTROL_CHARACTERS: "får inte innehålla styrtecken (control characters)",
    Problem.TOO_LONG: "är längre än {limit} tecken",
    Problem.DUPLICATE_ID: "{id!r} finns också på {other}",
    Problem.UNKNOWN_REFERENCE: "ingen post i {table} har id {value!r}",
    Problem.ID_EXISTS: "{id!r} finns redan i {table}",
    Problem.ID_IMMUTABLE: "kan inte ändras",
    Problem.NO_ACTIVE_FLAG: "{table} har ingen aktiv-markering; ta bort posten i stället",
    Problem.TOO_MANY_ROWS: "importen har fler än {limit} rader; dela upp den",
    Problem.NUL_CHARACTERS: "innehåller NUL-tecken; spara den som vanlig UTF-8-text",
    Problem.UNREADABLE_FILE: "gick inte att läsa: {reason}",
    Problem.JSON_SYNTAX: "är inte giltig JSON: {reason}",
    Problem.JSON_TOO_DEEP: "är för djupt nästlad",
    Problem.BUNDLE_NOT_OBJECT: "ett JSON-paket måste vara ett objekt",
    Problem.BUNDLE_FORMAT: "måste vara {expected!r}",
    Problem.NOT_A_TABLE: "är ingen routingtabell",
    Problem.NOT_A_LIST: "måste vara en lista av objekt",
    Problem.FILE_NAME: "namnge filen efter sin tabell, t.ex. contacts.csv",
    Problem.MISSING_COLUMN: "kolumnen saknas i rubrikraden",
    Problem.CSV_FIELD_TOO_LONG: "ett fält är längre än {limit} tecken",
    Problem.CSV_UNCLOSED_QUOTE: "ett citattecken (\") öppnar ett fält som aldrig stängs",
    Problem.CSV_TEXT_AFTER_QUOTE: ("text följer efter citattecknet (\") som stänger ett fält; "
                                   "sätt hela fältet inom citattecken"),
    Problem.CSV_UNREADABLE: "filen går inte att läsa som CSV: {reason}",
}


def field_problem(error: FieldError) -> str:
    """What is wrong with the field, in words (without the field's name or the location)."""
    return FIELD_PROBLEMS[error.code].format(**error.detail)


def field_error(error: FieldError) -> str:
    """The whole error on one line, as the CLI prints it: "contacts.csv:4: email: är ingen e-postadress: 'x'"."""
    where = f"{error.location}: " if error.location else ""
    return f"{where}{error.field}: {field_problem(error)}"


UNKNOWN_PRESCHOOL = "Ingen förskola har id {id!r}."
UNKNOWN_DISTRICT = "Ingen stadsdel heter {name!r}."
UNKNOWN_RECORD = "Ingen post i {table} har id {id!r}."
UNKNOWN_TABLE = "{name!r} är ingen routingtabell; tabellerna är {known}."
VALIDATION_FAILED = "{count} fel, inget ändrades:"


def routing_error(error: RoutingError) -> str:
    """A routing error in words: what was not found, or every field error on its own line."""
    if isinstance(error, RoutingValidationError):
        return "\n".join([VALIDATION_FAILED.format(count=len(error.errors)),
                          *(f"  {field_error(e)}" for e in error.errors)])
    if isinstance(error, UnknownPreschoolError):
        return UNKNOWN_PRESCHOOL.format(id=error.preschool_id)
    if isinstance(error, UnknownDistrictError):
        return UNKNOWN_DISTRICT.format(name=error.district)
    if isinstance(error, UnknownRecordError):
        return UNKNOWN_RECORD.format(table=error.table, id=error.record_id)
    if isinstance(error, UnknownTableError):
        return UNKNOWN_TABLE.format(name=error.name, known=", ".join(error.known))
    return str(error)
