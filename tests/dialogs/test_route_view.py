"""Dialogs keep a route's plain form in state and read it back once, typed, with `stored_route`."""

from __future__ import annotations

import json
from datetime import datetime

from dialogs.route_view import can_hand_off, entries, route_district_name, shown_reasons, stored_route
from routing.decision import decide_route
from routing.demo import demo_directory
from routing.model import STOCKHOLM

DIRECTORY = demo_directory()
SUNDAY_19 = datetime(2026, 11, 29, 19, 0, tzinfo=STOCKHOLM)


def test_state_keeps_the_plain_form_and_reads_back_the_same_decision():
    decision = decide_route(None, None, SUNDAY_19, DIRECTORY, district=DIRECTORY.district("farsta"))
    kept = json.loads(json.dumps(decision.to_dict()))  # dialog state is JSON
    assert stored_route(kept) == decision
    assert route_district_name(stored_route(kept)) == DIRECTORY.district("farsta").name


def test_no_route_kept_reads_as_none_and_every_reader_takes_none():
    for kept in (None, {}, "", []):
        assert stored_route(kept) is None
    assert entries(None) == []
    assert route_district_name(None) is None
    assert shown_reasons(None) == []
    assert not can_hand_off(None)


def test_a_partial_route_of_an_older_version_reads_what_it_has():
    route = stored_route({"district": {"id": "d"}, "reasons": [{"code": "office_closed", "text": "ord"}],
                          "contacts": [{"name": "Demo", "teams_user_id": "29:x",
                                        "unit": {"kind": "socionom", "name": "Socionom"}}]})
    assert route is not None
    assert route_district_name(route) is None  # a district without a name names none
    assert shown_reasons(route) == ["office_closed"]
    assert can_hand_off(route)
    assert [(e.kind, e.name, e.open_now) for e in entries(route)] == [("socionom", "Demo, Socionom", False)]
