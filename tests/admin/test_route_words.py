"""The routing decision and the validation report in the administrators' words (admin/text.py)."""

import json
from dataclasses import replace
from datetime import datetime

from admin.text import (
    ROUTE_REASONS,
    ROUTE_STEPS,
    VALIDATION_LINES,
    decision_view,
    route_reason,
    validation_lines,
)
from routing.decision import decide_route
from routing.demo import demo_directory
from routing.route import Reason, ReasonCode, StepCode
from routing.validation import FindingCode, ValidationReport

DIRECTORY = demo_directory()
FARSTA_REGNBAGEN = "fsk-555009"


def _decide(at):
    return decision_view(decide_route(DIRECTORY.preschool(FARSTA_REGNBAGEN), None, at, DIRECTORY))


def test_holiday_reason_names_the_day():
    after = _decide(datetime(2026, 6, 19, 10, 0))["after_hours"]
    assert any(r["code"] == "holiday" and "Midsommarafton" in r["text"] for r in after["reasons"])


def test_to_dict_is_json_safe_and_has_a_trace():
    decision = _decide(datetime(2026, 6, 19, 22, 0))
    again = json.loads(json.dumps(decision))
    assert again == decision
    assert len(decision["trace"]) >= 6
    assert decision["trace"][0].startswith("tid: 2026-06-19T22:00:00+02:00")


def test_every_code_has_wording():
    assert set(ROUTE_REASONS) == {str(code) for code in ReasonCode}
    assert {key.split(".")[0] for key in ROUTE_STEPS} == {str(code) for code in StepCode}
    assert set(VALIDATION_LINES) == {str(code) for code in FindingCode} - {"no_socialjour"}


def test_a_reason_shows_its_detail_in_brackets():
    assert route_reason(Reason(ReasonCode.DISTRICT_GIVEN, "Farsta")) == "Stadsdel angiven i samtalet. (Farsta)"
    assert route_reason(Reason(ReasonCode.NO_PRESCHOOL)) == "Ingen förskola vald."


def test_the_trace_reads_as_before():
    without = replace(DIRECTORY, contacts=tuple(c for c in DIRECTORY.contacts if c.unit_id != "farsta-socionom"))
    trace = decision_view(decide_route(DIRECTORY.preschool(FARSTA_REGNBAGEN), None, datetime(2026, 11, 24, 18, 0),
                                       without))["trace"]
    assert trace[1] == "förskola: Förskolan Regnbågen (fsk-555009), registrerad stadsdel: Farsta"
    assert trace[2] == "stadsdel: Farsta (från förskolan)"
    assert "ingen aktiv socionom i förskolan i stadsdelen" in trace
    assert trace[-2] == "anmälan: e-tjänst + 1 mottagning(ar); gäller där barnet bor"
    assert trace[-1] == "kontorstid: stängt, nästa öppning 2026-11-25T08:00:00+01:00, socialjour: 1"


def test_validation_lines_count_and_name_the_gaps():
    report = ValidationReport(["p1", "p2"], ["farsta"], [], has_socialjour=False)
    assert validation_lines(report) == ["Förskolor utan stadsdel: 2",
                                        "Stadsdelar utan aktiv socionom i förskolan: 1 (farsta)",
                                        "Enheter utan öppettider: 0", "Socialjour: SAKNAS"]
    assert [f.code for f in report.findings] == ["preschool_without_district", "preschool_without_district",
                                                 "district_without_socionom", "no_socialjour"]
    assert not report.ok
