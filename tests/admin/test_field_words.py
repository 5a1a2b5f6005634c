"""Field errors: the domain names a problem code and its detail; the administration words it in Swedish, the same
in the pages, the API and the CLI (issue #13 item 4)."""

import ast
import string
from pathlib import Path

import pytest

from admin.text import FIELD_PROBLEMS, field_error, field_problem, routing_error
from routing.codecs import ImportFile, parse_import
from routing.errors import FieldError, Problem, RoutingValidationError, UnknownRecordError, UnknownTableError
from routing.records import SHOWN_LIMIT, parse_record
from routing.schema import table_spec

ROOT = Path(__file__).resolve().parents[2]


def test_every_problem_has_swedish_words_and_nothing_else_does():
    assert set(FIELD_PROBLEMS) == set(Problem)


@pytest.mark.parametrize("code", list(Problem))
def test_each_wording_names_only_detail_the_domain_gives(code):
    """Each placeholder of a wording is one of the detail keys the domain attaches to that code somewhere."""
    placeholders = {name for _, name, _, _ in string.Formatter().parse(FIELD_PROBLEMS[code]) if name}
    given = _detail_keys_in_routing().get(str(code), set())
    assert placeholders <= given, f"{code}: wording uses {placeholders - given} the domain never gives"


def _detail_keys_in_routing() -> dict[str, set[str]]:
    """Problem code → the detail keys given with it, read from every FieldError/FieldValueError in the sources."""
    keys: dict[str, set[str]] = {}
    sources = [*(ROOT / "routing").rglob("*.py"), ROOT / "bot" / "commands" / "routing.py"]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            codes = [a.attr for a in ast.walk(node) if isinstance(a, ast.Attribute)
                     and isinstance(a.value, ast.Name) and a.value.id == "Problem"]
            found = {k.value for d in ast.walk(node) if isinstance(d, ast.Dict) for k in d.keys
                     if isinstance(k, ast.Constant)}
            found |= {k.arg for k in node.keywords if k.arg and k.arg not in {"detail"}}
            for code in codes:
                keys.setdefault(Problem[code].value, set()).update(found)
    _csv_problem = {"csv_field_too_long": {"limit"}, "csv_unreadable": {"reason"}}  # returned as (code, detail)
    for code, names in _csv_problem.items():
        keys.setdefault(code, set()).update(names)
    return keys


def _errors(table: str, raw: dict) -> dict[str, FieldError]:
    _record, errors = parse_record(table_spec(table), raw)
    return {e.field: e for e in errors}


def test_a_bad_value_is_a_code_with_the_value_as_detail():
    errors = _errors("contacts", {"id": "c-1", "name": "", "unit_id": "u", "priority": "först", "email": "nej"})
    assert errors["name"].code == Problem.REQUIRED
    assert errors["priority"].code == Problem.NOT_WHOLE_NUMBER
    assert errors["priority"].detail == {"value": "först"}
    assert field_problem(errors["priority"]) == "måste vara ett heltal, inte 'först'"
    assert errors["email"].code == Problem.NOT_EMAIL
    assert field_problem(errors["email"]) == "är ingen e-postadress: 'nej'"


def test_rules_beyond_the_kind_of_value_have_codes():
    errors = _errors("opening_hours", {"id": "h", "unit_id": "u", "weekday": 9, "opens": "17:00", "closes": "08:00"})
    assert (errors["weekday"].code, errors["closes"].code) == (Problem.WEEKDAY_RANGE, Problem.CLOSES_BEFORE_OPENS)
    assert field_problem(errors["closes"]) == "måste vara efter öppningstiden (00:00 betyder midnatt)"


def test_a_huge_bad_value_is_not_echoed_whole():
    errors = _errors("contacts", {"id": "c-1", "name": "n", "unit_id": "u", "priority": "9" * 5000 + "x"})
    shown = errors["priority"].detail["value"]
    assert isinstance(shown, str)
    assert len(shown) == SHOWN_LIMIT + 1
    assert shown.endswith("…")


def test_import_problems_read_with_their_place():
    with pytest.raises(RoutingValidationError) as caught:
        parse_import([ImportFile("c.json", "{\n nope"), ImportFile("whatever.csv", "a\n"),
                      ImportFile("districts.csv", 'id,name\nx,"never closed\n')])
    lines = sorted(field_error(e) for e in caught.value.errors)
    assert lines[0].startswith("c.json:2: json: är inte giltig JSON: ")
    assert lines[1] == 'districts.csv:2: csv: ett citattecken (") öppnar ett fält som aldrig stängs'
    assert lines[2] == "whatever.csv: file: namnge filen efter sin tabell, t.ex. contacts.csv"


def test_the_plain_form_for_logs_names_code_and_detail():
    error = FieldError("priority", Problem.NOT_WHOLE_NUMBER, "contacts.csv:4", {"value": "x"})
    assert str(error) == "contacts.csv:4: priority: not_whole_number (value='x')"


def test_what_was_not_found_reads_in_swedish():
    with pytest.raises(UnknownTableError) as caught:
        table_spec("kontakter")
    assert routing_error(caught.value).startswith("'kontakter' är ingen routingtabell; tabellerna är districts, ")
    assert routing_error(UnknownRecordError("units", "u-9")) == "Ingen post i units har id 'u-9'."
    error = RoutingValidationError([FieldError("id", Problem.ID_IMMUTABLE)])
    assert routing_error(error) == "1 fel, inget ändrades:\n  id: kan inte ändras"
