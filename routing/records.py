"""Records of the routing tables as plain dicts: parsed and checked against the schema, written as text or JSON.

Pure CPU work: storage, import and the administration share these rules, and `build_directory` turns
parsed records into the `Directory` the bot routes over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from routing.errors import Detail, FieldError, FieldValueError, Problem, RoutingValidationError
from routing.model import (
    HOLIDAY_WEEKDAY,
    STOCKHOLM,
    Contact,
    Directory,
    District,
    HoursException,
    OnCallShift,
    OpeningHours,
    OperatorKind,
    Preschool,
    Rule,
    Unit,
    UnitKind,
)
from routing.schema import LIST_SEPARATOR, TABLES, UNIT_KINDS, FieldSpec, TableSpec, table_spec

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
_TRUE = {"1", "true", "ja", "yes", "x"}
INT_LIMIT = 2**31 - 1  # an INTEGER column on PostgreSQL
_FALSE = {"0", "false", "nej", "no", ""}
SHOWN_LIMIT = 80  # characters of a bad value an error repeats

Batch = tuple[str, str, list[tuple[str, Mapping[str, Any]]]]  # (table, source name, [(location, raw record)])


def utc(value: datetime) -> datetime:
    """*value* in UTC; a naive value is taken to be UTC already (as SQLite returns stored times)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _shown(raw: Any) -> str:
    """A value as an error shows it: as typed, cut short (an error must not echo a megabyte back)."""
    text = raw if isinstance(raw, str) else repr(raw)
    return text if len(text) <= SHOWN_LIMIT else text[:SHOWN_LIMIT] + "…"


def _text(spec: FieldSpec, raw: Any) -> str:
    if not isinstance(raw, str | int):
        raise FieldValueError(Problem.NOT_TEXT, value=_shown(raw))
    text_value = str(raw)
    if spec.choices and text_value not in spec.choices:
        raise FieldValueError(Problem.NOT_CHOICE, choices=", ".join(spec.choices), value=_shown(text_value))
    return text_value


def _int(_spec: FieldSpec, raw: Any) -> int:
    if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
        raise FieldValueError(Problem.NOT_WHOLE_NUMBER, value=_shown(raw))
    try:
        number = int(raw)
    except (TypeError, ValueError, OverflowError):  # OverflowError: Infinity from JSON
        raise FieldValueError(Problem.NOT_WHOLE_NUMBER, value=_shown(raw)) from None
    if not -INT_LIMIT <= number <= INT_LIMIT:
        raise FieldValueError(Problem.NUMBER_RANGE, low=-INT_LIMIT, high=INT_LIMIT, value=_shown(raw))
    return number


def _bool(_spec: FieldSpec, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldValueError(Problem.NOT_BOOLEAN, value=_shown(raw))


def _time(_spec: FieldSpec, raw: Any) -> time:
    if isinstance(raw, time):
        return raw
    try:
        return time.fromisoformat(str(raw).replace(".", ":"))
    except ValueError:
        raise FieldValueError(Problem.NOT_TIME, value=_shown(raw)) from None


def _date(_spec: FieldSpec, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise FieldValueError(Problem.NOT_DATE, value=_shown(raw)) from None


def _datetime(_spec: FieldSpec, raw: Any) -> datetime:
    try:
        moment = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw))
    except ValueError:
        raise FieldValueError(Problem.NOT_DATETIME, value=_shown(raw)) from None
    return utc(moment.replace(tzinfo=STOCKHOLM) if moment.tzinfo is None else moment)


def _list(_spec: FieldSpec, raw: Any) -> tuple[str, ...]:
    items = raw if isinstance(raw, list | tuple) else str(raw).split(LIST_SEPARATOR)
    return tuple(str(item).strip() for item in items if str(item).strip())


# How each field kind is read from CSV text or a JSON value.
_PARSERS: dict[str, Callable[[FieldSpec, Any], Any]] = {
    "str": _text, "optstr": _text, "int": _int, "bool": _bool, "time": _time, "optime": _time, "date": _date,
    "datetime": _datetime, "list": _list,
}


def parse_value(spec: FieldSpec, raw: Any) -> Any:
    """One field from CSV text or a JSON value; raises FieldValueError naming what was wrong."""
    if isinstance(raw, str):
        raw = raw.strip()
    empty = raw is None or raw == "" or (spec.kind == "list" and raw == [])
    if empty:
        if spec.required:
            raise FieldValueError(Problem.REQUIRED)
        return spec.default
    return _PARSERS[spec.kind](spec, raw)


def text_value(value: Any) -> str:
    """A record value as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime):
        return value.astimezone(STOCKHOLM).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    """A record value as JSON."""
    if isinstance(value, tuple | list):
        return list(value)
    if isinstance(value, time | date | datetime):
        return text_value(value)
    return value


def record_json(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record with JSON-safe values (lists, ISO times in Europe/Stockholm)."""
    return {name: json_value(value) for name, value in record.items()}


def _check(spec: TableSpec, record: dict[str, Any]) -> list[tuple[str, Problem, Detail]]:
    """Rules beyond types, as (field, problem, detail)."""
    problems: list[tuple[str, Problem, Detail]] = []
    if record.get("id") is not None and not _ID.match(str(record["id"])):
        problems.append(("id", Problem.BAD_ID, {}))
    for name in ("email",):
        if record.get(name) and "@" not in record[name]:
            problems.append((name, Problem.NOT_EMAIL, {"value": _shown(record[name])}))
    if spec.name == "contacts" and record.get("priority") is not None and record["priority"] < 1:
        problems.append(("priority", Problem.PRIORITY_MIN, {}))
    if spec.name == "opening_hours":
        weekday = record.get("weekday")
        if weekday is not None and not 0 <= weekday <= HOLIDAY_WEEKDAY:
            problems.append(("weekday", Problem.WEEKDAY_RANGE, {}))
        opens, closes = record.get("opens"), record.get("closes")
        if opens is not None and closes is not None and not (closes > opens or closes == time(0, 0)):
            problems.append(("closes", Problem.CLOSES_BEFORE_OPENS, {}))
    if spec.name == "hours_exceptions" and record.get("closed") is False:
        for name in ("opens", "closes"):
            if record.get(name) is None:
                problems.append((name, Problem.REQUIRED_WHEN_OPEN, {}))
        opens, closes = record.get("opens"), record.get("closes")
        if opens is not None and closes is not None and not (closes > opens or closes == time(0, 0)):
            problems.append(("closes", Problem.CLOSES_BEFORE_OPENS, {}))
    if spec.name == "on_call":
        starts, ends = record.get("starts"), record.get("ends")
        if starts is not None and ends is not None and ends <= starts:
            problems.append(("ends", Problem.ENDS_BEFORE_STARTS, {}))
    if spec.name == "rules":
        for kind in record.get("unit_kinds") or ():
            if kind not in UNIT_KINDS:
                problems.append(("unit_kinds", Problem.UNKNOWN_UNIT_KIND,
                                 {"value": _shown(kind), "known": ", ".join(UNIT_KINDS)}))
    return problems


def parse_record(spec: TableSpec, raw: Mapping[str, Any], location: str = "",
                 *, partial: bool = False) -> tuple[dict[str, Any], list[FieldError]]:
    """Parse and check one record; every problem is returned, each naming its field."""
    errors: list[FieldError] = []
    record: dict[str, Any] = {}
    unknown = sorted(set(raw) - set(spec.columns))
    errors.extend(FieldError(name, Problem.UNKNOWN_COLUMN, location, {"table": spec.name}) for name in unknown)
    for fspec in spec.fields:
        if partial and fspec.name not in raw:
            continue
        try:
            record[fspec.name] = parse_value(fspec, raw.get(fspec.name))
        except FieldValueError as error:
            errors.append(FieldError(fspec.name, error.code, location, error.detail))
    if not partial:
        errors.extend(FieldError(name, code, location, detail) for name, code, detail in _check(spec, record))
    return record, errors


def _is_control(char: str) -> bool:
    return (char < " " and char not in "\t\n\r") or "\x7f" <= char <= "\x9f"


def text_problems(spec: TableSpec, raw: Mapping[str, Any], location: str = "") -> list[FieldError]:
    """Values no column can hold: control characters (NUL included) or more characters than the column's.

    Checked before anything reaches the database, where PostgreSQL would refuse them with a server error.
    """
    problems: list[FieldError] = []
    for name, value in raw.items():
        if isinstance(value, list | tuple):
            texts = [str(item) for item in value]
            joined = LIST_SEPARATOR.join(texts)
        elif isinstance(value, str):
            texts, joined = [value], value
        else:
            continue
        if any(_is_control(char) for text in texts for char in text):
            problems.append(FieldError(name, Problem.CONTROL_CHARACTERS, location))
            continue
        fspec = spec.field(name)
        length = fspec.length if fspec is not None else None
        if length is not None and len(joined.strip()) > length:
            problems.append(FieldError(name, Problem.TOO_LONG, location, {"limit": length}))
    return problems


def prepare_import(batches: list[Batch]
                   ) -> tuple[list[tuple[TableSpec, str, dict[str, Any]]], list[FieldError], dict[str, set[str]]]:
    """Parse every row of an import (pure CPU work, run off the loop): parsed rows, problems, ids per table."""
    parsed: list[tuple[TableSpec, str, dict[str, Any]]] = []
    errors: list[FieldError] = []
    pending: dict[str, set[str]] = {}
    seen: dict[tuple[str, str], str] = {}
    for table, _source, rows in batches:
        spec = table_spec(table)
        for location, raw in rows:
            unsafe = text_problems(spec, raw, location)
            if unsafe:
                errors.extend(unsafe)
                continue
            record, problems = parse_record(spec, raw, location)
            errors.extend(problems)
            record_id = record.get("id")
            if record_id is not None:
                if (spec.name, record_id) in seen:
                    errors.append(FieldError("id", Problem.DUPLICATE_ID, location,
                                             {"id": record_id, "other": seen[spec.name, record_id]}))
                seen[spec.name, record_id] = location
                pending.setdefault(spec.name, set()).add(record_id)
            parsed.append((spec, location, record))
    return parsed, errors, pending


def build_directory(data: Mapping[str, list[dict[str, Any]]]) -> Directory:
    """A `Directory` from parsed records per table (as `RoutingStore.export_records` returns them).

    Record fields and model fields share their names; only the values the model types differently are converted.
    """
    data = {spec.name: list(data.get(spec.name, ())) for spec in TABLES}
    return Directory(
        districts=tuple(District(**(r | {"aliases": tuple(r["aliases"])})) for r in data["districts"]),
        preschools=tuple(Preschool(**(r | {
            "operator": OperatorKind(r["operator"]), "aliases": tuple(r["aliases"]), "address": r["address"] or "",
            "postcode": r["postcode"] or "", "area": r.get("area") or ""})) for r in data["preschools"]),
        units=tuple(Unit(**(r | {"kind": UnitKind(r["kind"])})) for r in data["units"]),
        contacts=tuple(Contact(**(r | {"role": r["role"] or ""})) for r in data["contacts"]),
        hours=tuple(OpeningHours(**r) for r in data["opening_hours"]),
        exceptions=tuple(HoursException(**(r | {"note": r["note"] or ""})) for r in data["hours_exceptions"]),
        on_call=tuple(OnCallShift(**(r | {"starts": r["starts"].astimezone(STOCKHOLM),
                                          "ends": r["ends"].astimezone(STOCKHOLM)})) for r in data["on_call"]),
        rules=tuple(Rule(**(r | {"unit_kinds": tuple(UnitKind(k) for k in r["unit_kinds"]), "note": r["note"] or ""}))
                    for r in data["rules"]),
    )


def directory_from_bundle(bundle: Mapping[str, Any]) -> Directory:
    """A `Directory` straight from a JSON bundle, without a database; raises RoutingValidationError."""
    data: dict[str, list[dict[str, Any]]] = {}
    errors: list[FieldError] = []
    for spec in TABLES:
        for position, raw in enumerate(bundle.get(spec.name, [])):
            record, problems = parse_record(spec, raw, f"{spec.name}[{position}]")
            errors.extend(problems)
            data.setdefault(spec.name, []).append(record)
    if errors:
        raise RoutingValidationError(errors)
    return build_directory(data)
