"""The administration's words for the routing decision and the validation report (the "test a route" page, its
API, `samrad route` and `samrad routing validate`); part of admin/text, re-exported there."""

from __future__ import annotations

from typing import Any

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
