"""Property tests for inbound activities: every malformed one is a 400, every control character is removed.

Hypothesis builds activities with missing fields, wrong types, deep JSON, huge text, NUL and other control
characters; the pure check runs many examples, the HTTP one fewer (each posts to the real app).
"""

from __future__ import annotations

from typing import Any

import pytest
from botbuilder.schema import Activity
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import create_app
from bot.inbound import ACCOUNT_FIELDS, LIST_FIELDS, MAX_DEPTH, STRING_FIELDS, ActivityError, check_activity
from bot.settings import Settings
from routing.demo import load_demo
from tests import teams

SERVICE_URL = "https://smba.trafficmanager.net/emea/"
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
# Text as staff write it, plus every control character and a terminal escape sequence now and then.
free_text = st.lists(st.one_of(st.characters(codec="utf-8"), st.sampled_from(CONTROL), st.just("\x1b[2J")),
                     max_size=300).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    free_text)
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(free_text, inner, max_size=4)),
                           max_leaves=12)
not_a_string = st.one_of(st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                         st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=5), scalars, max_size=3))
not_an_object = st.one_of(st.booleans(), st.integers(), free_text.filter(bool), st.lists(scalars, min_size=1,
                                                                                        max_size=3))


def deep(depth: int) -> Any:
    value: Any = "x"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


@st.composite
def well_formed(draw: st.DrawFn) -> dict[str, Any]:
    """A message Teams could send: any text (control characters included), any JSON value, a named sender."""
    activity = teams.message(SERVICE_URL, draw(free_text),
                             sender=teams.user(name=draw(free_text)), locale=draw(st.sampled_from(["sv-SE", "en-US"])))
    if draw(st.booleans()):
        activity["value"] = draw(st.dictionaries(free_text, json_values, max_size=4))
    return activity


@st.composite
def malformed(draw: st.DrawFn) -> dict[str, Any] | Any:
    """A well-formed activity with one thing broken."""
    activity = draw(well_formed())
    kind = draw(st.sampled_from(["missing", "string", "account", "list", "deep", "not_object", "service_url"]))
    if kind == "missing":
        activity.pop(draw(st.sampled_from(["type", "serviceUrl", "conversation", "from"])))
    elif kind == "string":
        activity[draw(st.sampled_from(STRING_FIELDS))] = draw(not_a_string)
    elif kind == "account":
        field = draw(st.sampled_from(ACCOUNT_FIELDS))
        if draw(st.booleans()):
            activity[field] = draw(not_an_object)
        else:
            activity[field] = {**activity[field], "id": draw(not_a_string)}
    elif kind == "list":
        activity[draw(st.sampled_from(LIST_FIELDS))] = draw(st.one_of(
            not_an_object.filter(lambda v: not isinstance(v, list)),
            st.lists(st.one_of(st.integers(), free_text, st.lists(st.integers())), min_size=1, max_size=3)))
    elif kind == "deep":
        activity[draw(st.sampled_from(["value", "channelData"]))] = {
            "k": deep(draw(st.integers(min_value=MAX_DEPTH, max_value=MAX_DEPTH * 8)))}
    elif kind == "service_url":
        activity["serviceUrl"] = draw(st.sampled_from(["", "x", "ftp://h/", "http://", "http://[::1", "//h/p",
                                                       "javascript:alert(1)"]))
    else:
        return draw(not_an_object)
    return activity


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [*value.keys(), *(s for item in value.values() for s in strings_in(item))]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


@settings(max_examples=400, deadline=None, database=None)
@given(activity=malformed())
def test_every_malformed_activity_is_refused_with_a_reason(activity):
    with pytest.raises(ActivityError) as refused:
        check_activity(activity)
    assert str(refused.value)


@settings(max_examples=400, deadline=None, database=None)
@given(activity=well_formed())
def test_every_well_formed_activity_is_accepted_without_control_characters(activity):
    cleaned = check_activity(activity)
    assert not any(c in s for s in strings_in(cleaned) for c in CONTROL)
    assert Activity().deserialize(cleaned).type == "message"


def test_huge_text_is_accepted_by_the_check_and_left_to_the_size_limit():
    assert len(check_activity(teams.message(SERVICE_URL, "a-" * 200_000))["text"]) == 400_000


@pytest.fixture
async def client(aiohttp_client, sqlite_db, connector):  # type: ignore[no-untyped-def]
    await load_demo(sqlite_db.engine)
    app = create_app(Settings(database_url=sqlite_db.url))
    return await aiohttp_client(app)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(activity=malformed())
async def test_malformed_activities_over_http_get_400_and_reach_nobody(client, connector, activity):
    if isinstance(activity, dict) and isinstance(activity.get("serviceUrl"), str) and "smba" in activity["serviceUrl"]:
        activity["serviceUrl"] = connector.url
    before = len(connector.sent)
    response = await client.post("/api/messages", json=activity)
    assert response.status == 400, await response.text()
    assert len(connector.sent) == before


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(activity=well_formed())
async def test_well_formed_activities_with_control_characters_are_answered_cleanly(client, connector, activity):
    activity["serviceUrl"] = connector.url
    before = len(connector.sent)
    response = await client.post("/api/messages", json=activity)
    assert response.status in (200, 201), await response.text()
    sent = connector.sent[before:]
    assert sent  # the bot answered
    assert not any(c in s for item in sent for s in strings_in(item.body) for c in CONTROL)
