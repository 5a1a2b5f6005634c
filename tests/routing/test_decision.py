"""decide_route: contacts, early support, where the report goes, after-hours advice, reasons and trace."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from routing.decision import ESERVICE_URL, decide_route
from routing.match import match_district
from routing.model import HoursException, OnCallShift
from routing.route import RouteDecision

STHLM = ZoneInfo("Europe/Stockholm")
FARSTA_REGNBAGEN = "fsk-555009"


def _codes(reasons):
    return {r["code"] for r in reasons}


def _decide(directory, at, preschool_id=FARSTA_REGNBAGEN, **kwargs):
    return decide_route(directory.preschool(preschool_id), None, at, directory, **kwargs).to_dict()


def test_office_hours_socionom_first_then_backup_then_mottagning(directory):
    decision = _decide(directory, datetime(2026, 11, 24, 10, 0))
    contacts = decision["contacts"]
    assert [c["id"] for c in contacts] == ["farsta-socionom-1", "farsta-socionom-2", "farsta-mottagning-1"]
    assert all(c["available_now"] for c in contacts)
    assert "socionom_first" in _codes(contacts[0]["reasons"])
    assert "backup" in _codes(contacts[1]["reasons"])
    assert decision["after_hours"]["open_now"] is True
    assert decision["district"] == {"id": "farsta", "name": "Farsta"}


def test_report_goes_to_mottagning_and_eservice_with_child_lives_caveat(directory):
    report = _decide(directory, datetime(2026, 11, 24, 10, 0))["report"]
    assert report["eservice_url"] == ESERVICE_URL
    assert [u["id"] for u in report["units"]] == ["farsta-mottagning"]
    assert "report_where_child_lives" in _codes(report["reasons"])


def test_early_support_units_of_the_district(directory):
    early = _decide(directory, datetime(2026, 11, 24, 10, 0), outcome="support")["early_support"]
    assert [u["kind"] for u in early] == ["foraldraradgivning", "familjecentral", "oppen_forskola"]
    assert all(u["district_id"] == "farsta" for u in early)
    assert all("recommended_for_family" in _codes(u["reasons"]) for u in early)


@pytest.mark.parametrize(("at", "open_now", "next_opening", "reason"), [
    # midsommarafton (a Friday): closed all day, next opening Monday
    (datetime(2026, 6, 19, 10, 0), False, datetime(2026, 6, 22, 8, 0), "holiday"),
    # a Sunday night
    (datetime(2026, 11, 22, 23, 30), False, datetime(2026, 11, 23, 8, 0), "office_closed"),
    # the day before julafton: an ordinary day …
    (datetime(2026, 12, 23, 10, 0), True, None, "office_open"),
    # … but after closing the next opening is after Christmas (24, 25, 26 and the weekend closed)
    (datetime(2026, 12, 23, 17, 0), False, datetime(2026, 12, 28, 8, 0), "office_closed"),
    # julafton itself
    (datetime(2026, 12, 24, 10, 0), False, datetime(2026, 12, 28, 8, 0), "holiday"),
    # nyårsafton and nyårsdagen
    (datetime(2026, 12, 31, 9, 0), False, datetime(2027, 1, 4, 8, 0), "holiday"),
    # dag före helgdag (30 April): short day, closed after 13:00
    (datetime(2026, 4, 30, 12, 0), True, None, "short_day"),
    (datetime(2026, 4, 30, 13, 30), False, datetime(2026, 5, 4, 8, 0), "short_day"),
    # weekday evening, and the minute of closing counts as closed
    (datetime(2026, 11, 24, 16, 30), False, datetime(2026, 11, 25, 8, 0), "office_closed"),
    (datetime(2026, 11, 24, 8, 0), True, None, "office_open"),
])
def test_after_hours(directory, at, open_now, next_opening, reason):
    after = _decide(directory, at)["after_hours"]
    assert after["open_now"] is open_now
    assert after["next_opening"] == (next_opening.replace(tzinfo=STHLM).isoformat() if next_opening else None)
    assert reason in _codes(after["reasons"])
    assert after["acute_number"] == "112"
    assert "acute_call_112" in _codes(after["reasons"])
    # socialjouren answers exactly when the office does not
    assert after["socialjour"][0]["open_now"] is (not open_now)


def test_socialjour_takes_over_when_offices_close_early_on_a_short_day(directory):
    jour = _decide(directory, datetime(2026, 4, 30, 12, 0))["after_hours"]["socialjour"][0]
    assert jour["open_now"] is False
    assert jour["next_opening"] == datetime(2026, 4, 30, 13, 0, tzinfo=STHLM).isoformat()


def test_holiday_reason_carries_the_day_as_detail(directory):
    after = _decide(directory, datetime(2026, 6, 19, 10, 0))["after_hours"]
    assert {"code": "holiday", "detail": "Midsommarafton"} in after["reasons"]


def test_aware_and_naive_times_mean_the_same_instant(directory):
    naive = _decide(directory, datetime(2026, 11, 24, 16, 15))
    aware = _decide(directory, datetime(2026, 11, 24, 15, 15, tzinfo=UTC))
    assert naive == aware
    assert naive["after_hours"]["open_now"] is True


def test_preschool_without_district_says_unknown_district(directory):
    orphan = next(p for p in directory.preschools if p.district_id is None)
    decision = decide_route(orphan, None, datetime(2026, 11, 24, 10, 0), directory).to_dict()
    assert decision["district"] is None
    assert decision["district_known"] is False
    assert "unknown_district" in _codes(decision["reasons"])
    assert decision["report"]["units"] == []
    assert "report_district_unknown" in _codes(decision["report"]["reasons"])
    assert decision["report"]["eservice_url"] == ESERVICE_URL


def test_district_given_in_the_dialog_wins_and_old_names_work(directory):
    orphan = next(p for p in directory.preschools if p.district_id is None)
    district = match_district("Rinkeby", directory)
    decision = decide_route(orphan, None, datetime(2026, 11, 24, 10, 0), directory, district=district).to_dict()
    assert decision["district"]["id"] == "jarva"
    assert decision["contacts"][0]["id"] == "jarva-socionom-1"
    assert "district_given" in _codes(decision["reasons"])


def test_acute_outcome_puts_socialjour_first_and_says_112(directory):
    decision = _decide(directory, datetime(2026, 11, 22, 23, 30), outcome="acute")
    assert decision["unit_kinds"][0] == "socialjour"
    assert decision["contacts"][0]["unit"]["kind"] == "socialjour"
    assert decision["contacts"][0]["available_now"] is True
    assert "acute_now" in _codes(decision["after_hours"]["reasons"])


def test_on_call_contact_is_available_outside_office_hours(directory):
    shift = OnCallShift("s1", "farsta-socionom-2", "farsta-socionom", datetime(2026, 11, 24, 16, 0, tzinfo=STHLM),
                        datetime(2026, 11, 24, 20, 0, tzinfo=STHLM))
    with_shift = replace(directory, on_call=(shift,))
    contacts = _decide(with_shift, datetime(2026, 11, 24, 18, 0))["contacts"]
    by_id = {c["id"]: c for c in contacts}
    assert by_id["farsta-socionom-2"]["available_now"] is True
    assert "on_call" in _codes(by_id["farsta-socionom-2"]["reasons"])
    assert by_id["farsta-socionom-1"]["available_now"] is False


def test_dated_exception_closes_a_unit(directory):
    closed = HoursException("x1", "farsta-socionom", date(2026, 11, 24), closed=True, note="Planeringsdag")
    special = HoursException("x2", "farsta-mottagning", date(2026, 11, 24), closed=False,
                             opens=time(10, 0), closes=time(12, 0))
    changed = replace(directory, exceptions=(closed, special))
    contacts = {c["id"]: c for c in _decide(changed, datetime(2026, 11, 24, 9, 0))["contacts"]}
    assert contacts["farsta-socionom-1"]["available_now"] is False
    assert contacts["farsta-mottagning-1"]["available_now"] is False
    contacts = {c["id"]: c for c in _decide(changed, datetime(2026, 11, 24, 11, 0))["contacts"]}
    assert contacts["farsta-mottagning-1"]["available_now"] is True


def test_family_support_rule_adds_early_support_kinds(directory):
    decision = decide_route(directory.preschool(FARSTA_REGNBAGEN), "family_support",
                            datetime(2026, 11, 24, 10, 0), directory)
    assert [str(k) for k in decision.unit_kinds] == ["socionom", "foraldraradgivning", "familjecentral",
                                                     "oppen_forskola"]
    assert "rule" in {r.code for r in decision.reasons}


def test_district_without_socionom_is_flagged(directory):
    without = replace(directory, contacts=tuple(c for c in directory.contacts if c.unit_id != "farsta-socionom"))
    decision = _decide(without, datetime(2026, 11, 24, 10, 0))
    assert "no_socionom" in _codes(decision["reasons"])
    assert decision["contacts"][0]["id"] == "farsta-mottagning-1"


def test_to_dict_is_json_safe_and_reads_back_as_the_same_decision(directory):
    decision = decide_route(directory.preschool(FARSTA_REGNBAGEN), "neglect", datetime(2026, 6, 19, 22, 0),
                            directory)
    stored = json.loads(json.dumps(decision.to_dict()))
    assert stored == decision.to_dict()
    assert RouteDecision.from_dict(stored) == decision
    assert [step["code"] for step in stored["trace"]][:3] == ["time", "preschool", "district_from_preschool"]


def test_a_stored_route_of_an_older_version_still_reads(directory):
    stored = _decide(directory, datetime(2026, 11, 24, 10, 0))
    for contact in stored["contacts"]:
        del contact["on_call"]
        contact["reasons"] = [{"code": r["code"], "text": "ord"} for r in contact["reasons"]]
    stored["trace"] = ["tid: 2026-11-24T10:00:00+01:00 (Europe/Stockholm)"]
    decision = RouteDecision.from_dict(stored)
    assert decision.trace == ()
    assert not any(c.on_call for c in decision.contacts)
    assert decision.contacts[0].contact.id == "farsta-socionom-1"
    assert RouteDecision.from_dict({}).contacts == ()
    assert RouteDecision.from_dict({}).after_hours.open_now


def test_a_stored_route_with_parts_this_version_cannot_read_still_reads(directory):
    """Dialog state and the handoff row outlive a deployment: what cannot be read is left out, never an error."""
    stored = _decide(directory, datetime(2026, 11, 24, 10, 0))
    whole = RouteDecision.from_dict(stored)
    stored["reasons"].append({"code": "a_code_of_a_later_version"})
    stored["reasons"].append("not an object")
    stored["contacts"].append({"id": "x", "name": "No unit"})
    stored["contacts"].append({"id": "y", "name": "Unknown kind", "unit": {"id": "u", "kind": "later_kind"}})
    stored["report"]["units"].append({"id": "z", "name": "No kind"})
    stored["after_hours"]["next_opening"] = "not a time"
    stored["unit_kinds"].append("later_kind")
    stored["trace"].append({"code": "a_step_of_a_later_version", "values": {}})
    stored["early_support"] = None
    stored["preschool"] = "not an object"
    decision = RouteDecision.from_dict(stored)
    assert decision.reasons == whole.reasons
    assert decision.contacts == whole.contacts
    assert decision.report == whole.report
    assert decision.after_hours.next_opening is None
    assert decision.unit_kinds == whole.unit_kinds
    assert decision.trace == whole.trace
    assert decision.early_support == ()
    assert decision.preschool is None
    assert decision.district == whole.district


def test_the_on_call_flag_says_who_is_on_call(directory):
    shift = OnCallShift("s1", "farsta-socionom-2", "farsta-socionom", datetime(2026, 11, 24, 16, 0, tzinfo=STHLM),
                        datetime(2026, 11, 24, 20, 0, tzinfo=STHLM))
    decision = decide_route(directory.preschool(FARSTA_REGNBAGEN), None, datetime(2026, 11, 24, 18, 0),
                            replace(directory, on_call=(shift,)))
    assert [c.contact.id for c in decision.contacts if c.on_call] == ["farsta-socionom-2"]
    assert RouteDecision.from_dict(decision.to_dict()) == decision


def test_no_preschool_and_no_district(directory):
    decision = decide_route(None, None, datetime(2026, 11, 24, 10, 0), directory).to_dict()
    assert {"no_preschool", "unknown_district"} <= _codes(decision["reasons"])
    assert decision["after_hours"]["socialjour"][0]["id"] == "socialjour"
