"""Routing tables in the database: CRUD with history, CSV/JSON import and export, validation report."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from routing.errors import FieldError, RoutingValidationError, UnknownRecordError, UnknownTableError
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
from routing.tables import (
    ChangeRow,
    ContactRow,
    DistrictRow,
    HoursExceptionRow,
    OnCallRow,
    OpeningHoursRow,
    PreschoolRow,
    RoutingBase,
    RuleRow,
    UnitRow,
)

BUNDLE_FORMAT = "samrad-routing"
BUNDLE_VERSION = 1
LIST_SEPARATOR = "|"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
_TRUE = {"1", "true", "ja", "yes", "x"}
INT_LIMIT = 2**31 - 1  # an INTEGER column on PostgreSQL
_FALSE = {"0", "false", "nej", "no", ""}


@dataclass(frozen=True)
class FieldSpec:
    """One column as seen by import/export: its type, whether it is required, what it refers to."""

    name: str
    kind: str  # str | optstr | int | bool | time | optime | date | datetime | list
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # name of the table an id must exist in


@dataclass(frozen=True)
class TableSpec:
    """A routing table: its export name, ORM row class and fields (in export column order)."""

    name: str
    row: type[RoutingBase]
    fields: tuple[FieldSpec, ...]

    @property
    def has_active(self) -> bool:
        """True when records are deactivated rather than deleted."""
        return any(f.name == "active" for f in self.fields)

    @property
    def columns(self) -> list[str]:
        """Column names in export order."""
        return [f.name for f in self.fields]


_KINDS = tuple(str(k) for k in UnitKind)
TABLES: tuple[TableSpec, ...] = (
    TableSpec("districts", DistrictRow, (
        FieldSpec("id", "str", True), FieldSpec("name", "str", True), FieldSpec("aliases", "list", default=()),
        FieldSpec("active", "bool", default=True))),
    TableSpec("preschools", PreschoolRow, (
        FieldSpec("id", "str", True), FieldSpec("name", "str", True), FieldSpec("aliases", "list", default=()),
        FieldSpec("operator", "str", True, choices=tuple(str(o) for o in OperatorKind)),
        FieldSpec("address", "str", default=""), FieldSpec("postcode", "str", default=""),
        FieldSpec("skolverket_id", "optstr"), FieldSpec("district_id", "optstr", ref="districts"),
        FieldSpec("active", "bool", default=True), FieldSpec("area", "str", default=""))),
    TableSpec("units", UnitRow, (
        FieldSpec("id", "str", True), FieldSpec("name", "str", True),
        FieldSpec("kind", "str", True, choices=_KINDS), FieldSpec("district_id", "optstr", ref="districts"),
        FieldSpec("phone", "optstr"), FieldSpec("email", "optstr"), FieldSpec("url", "optstr"),
        FieldSpec("teams_channel_id", "optstr"), FieldSpec("address", "optstr"),
        FieldSpec("active", "bool", default=True))),
    TableSpec("contacts", ContactRow, (
        FieldSpec("id", "str", True), FieldSpec("name", "str", True), FieldSpec("role", "str", default=""),
        FieldSpec("unit_id", "str", True, ref="units"), FieldSpec("teams_user_id", "optstr"),
        FieldSpec("teams_channel_id", "optstr"), FieldSpec("email", "optstr"), FieldSpec("phone", "optstr"),
        FieldSpec("priority", "int", default=1), FieldSpec("active", "bool", default=True))),
    TableSpec("opening_hours", OpeningHoursRow, (
        FieldSpec("id", "str", True), FieldSpec("unit_id", "str", True, ref="units"),
        FieldSpec("weekday", "int", True), FieldSpec("opens", "time", True), FieldSpec("closes", "time", True))),
    TableSpec("hours_exceptions", HoursExceptionRow, (
        FieldSpec("id", "str", True), FieldSpec("unit_id", "str", True, ref="units"),
        FieldSpec("day", "date", True), FieldSpec("closed", "bool", default=True),
        FieldSpec("opens", "optime"), FieldSpec("closes", "optime"), FieldSpec("note", "str", default=""))),
    TableSpec("on_call", OnCallRow, (
        FieldSpec("id", "str", True), FieldSpec("contact_id", "str", True, ref="contacts"),
        FieldSpec("unit_id", "str", True, ref="units"), FieldSpec("starts", "datetime", True),
        FieldSpec("ends", "datetime", True))),
    TableSpec("rules", RuleRow, (
        FieldSpec("id", "str", True), FieldSpec("concern", "str", True), FieldSpec("outcome", "str", True),
        FieldSpec("unit_kinds", "list", True), FieldSpec("note", "str", default=""))),
)
SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}


def table_spec(name: str) -> TableSpec:
    """The spec for a table name, its singular, or its SQL name ("preschool", "routing_preschool")."""
    key = name.removeprefix("routing_")
    for spec in TABLES:
        if key in {spec.name, spec.row.__tablename__.removeprefix("routing_")}:
            return spec
    raise UnknownTableError(f"unknown routing table {name!r}; known: {', '.join(SPECS)}")


# ---------------------------------------------------------------- values

def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _parse_value(spec: FieldSpec, raw: Any) -> Any:
    """One field from CSV text or a JSON value; raises ValueError with a message naming what was wrong."""
    if isinstance(raw, str):
        raw = raw.strip()
    empty = raw is None or raw == "" or (spec.kind == "list" and raw == [])
    if empty:
        if spec.required:
            raise ValueError("is required")
        return spec.default
    kind = spec.kind
    if kind in {"str", "optstr"}:
        if not isinstance(raw, str | int):
            raise ValueError(f"must be text, got {raw!r}")
        value = str(raw)
        if spec.choices and value not in spec.choices:
            raise ValueError(f"must be one of {', '.join(spec.choices)}, got {value!r}")
        return value
    if kind == "int":
        if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
            raise ValueError(f"must be a whole number, got {raw!r}")
        try:
            value = int(raw)
        except (TypeError, ValueError, OverflowError):  # OverflowError: Infinity from JSON
            raise ValueError(f"must be a whole number, got {raw!r}") from None
        if not -INT_LIMIT <= value <= INT_LIMIT:
            raise ValueError(f"must be a whole number between {-INT_LIMIT} and {INT_LIMIT}, got {raw!r}")
        return value
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(f"must be true or false, got {raw!r}")
    if kind in {"time", "optime"}:
        if isinstance(raw, time):
            return raw
        try:
            return time.fromisoformat(str(raw).replace(".", ":"))
        except ValueError:
            raise ValueError(f"must be a time like 08:00, got {raw!r}") from None
    if kind == "date":
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw))
        except ValueError:
            raise ValueError(f"must be a date like 2026-12-24, got {raw!r}") from None
    if kind == "datetime":
        try:
            value = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw))
        except ValueError:
            raise ValueError(f"must be a date and time like 2026-12-24T16:30, got {raw!r}") from None
        return _utc(value.replace(tzinfo=STOCKHOLM) if value.tzinfo is None else value)
    if kind == "list":
        items = raw if isinstance(raw, list | tuple) else str(raw).split(LIST_SEPARATOR)
        return tuple(str(item).strip() for item in items if str(item).strip())
    raise AssertionError(kind)


def _text_value(value: Any) -> str:
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


def _json_value(value: Any) -> Any:
    """A record value as JSON."""
    if isinstance(value, tuple | list):
        return list(value)
    if isinstance(value, time | date | datetime):
        return _text_value(value)
    return value


def record_json(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record with JSON-safe values (lists, ISO times in Europe/Stockholm)."""
    return {name: _json_value(value) for name, value in record.items()}


def _check(spec: TableSpec, record: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules beyond types, as (field, message)."""
    problems: list[tuple[str, str]] = []
    if record.get("id") is not None and not _ID.match(str(record["id"])):
        problems.append(("id", "may hold only letters, digits and _ . : - (at most 64)"))
    for name in ("email",):
        if record.get(name) and "@" not in record[name]:
            problems.append((name, f"is not an e-mail address: {record[name]!r}"))
    if spec.name == "contacts" and record.get("priority") is not None and record["priority"] < 1:
        problems.append(("priority", "must be 1 or more (1 = first)"))
    if spec.name == "opening_hours":
        weekday = record.get("weekday")
        if weekday is not None and not 0 <= weekday <= HOLIDAY_WEEKDAY:
            problems.append(("weekday", "must be 0 (Monday) … 6 (Sunday) or 7 (holidays and eves)"))
        opens, closes = record.get("opens"), record.get("closes")
        if opens is not None and closes is not None and not (closes > opens or closes == time(0, 0)):
            problems.append(("closes", "must be after opens (00:00 means midnight)"))
    if spec.name == "hours_exceptions" and record.get("closed") is False:
        for name in ("opens", "closes"):
            if record.get(name) is None:
                problems.append((name, "is required when closed is false"))
        opens, closes = record.get("opens"), record.get("closes")
        if opens is not None and closes is not None and not (closes > opens or closes == time(0, 0)):
            problems.append(("closes", "must be after opens (00:00 means midnight)"))
    if spec.name == "on_call":
        starts, ends = record.get("starts"), record.get("ends")
        if starts is not None and ends is not None and ends <= starts:
            problems.append(("ends", "must be after starts"))
    if spec.name == "rules":
        for kind in record.get("unit_kinds") or ():
            if kind not in _KINDS:
                problems.append(("unit_kinds", f"unknown unit kind {kind!r}; known: {', '.join(_KINDS)}"))
    return problems


def parse_record(spec: TableSpec, raw: Mapping[str, Any], location: str = "",
                 *, partial: bool = False) -> tuple[dict[str, Any], list[FieldError]]:
    """Parse and check one record; every problem is returned, each naming its field."""
    errors: list[FieldError] = []
    record: dict[str, Any] = {}
    unknown = sorted(set(raw) - set(spec.columns))
    errors.extend(FieldError(name, "is not a column of " + spec.name, location) for name in unknown)
    for fspec in spec.fields:
        if partial and fspec.name not in raw:
            continue
        try:
            record[fspec.name] = _parse_value(fspec, raw.get(fspec.name))
        except ValueError as error:
            errors.append(FieldError(fspec.name, str(error), location))
    if not partial:
        errors.extend(FieldError(name, message, location) for name, message in _check(spec, record))
    return record, errors


def _row_record(spec: TableSpec, row: RoutingBase) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for fspec in spec.fields:
        value = getattr(row, fspec.name)
        if fspec.kind == "list":
            value = tuple(v for v in (value or "").split(LIST_SEPARATOR) if v)
        elif fspec.kind == "datetime" and value is not None:
            value = _utc(value)
        record[fspec.name] = value
    return record


def _row_values(spec: TableSpec, record: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for fspec in spec.fields:
        value = record.get(fspec.name)
        if fspec.kind == "list":
            value = LIST_SEPARATOR.join(value or ())
        values[fspec.name] = value
    return values


# ---------------------------------------------------------------- results

@dataclass(frozen=True)
class Change:
    """One history entry."""

    id: int
    actor: str
    at: datetime
    table: str
    record_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class ImportSummary:
    """What an import did, per table: created, updated, unchanged."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, dict[str, int]]:
        """JSON-safe form."""
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@dataclass(frozen=True)
class ValidationReport:
    """Gaps an administrator should fix before the routing can be trusted."""

    preschools_without_district: list[str]
    districts_without_socionom: list[str]
    units_without_hours: list[str]
    has_socialjour: bool

    @property
    def ok(self) -> bool:
        """True when nothing is missing."""
        return not (self.preschools_without_district or self.districts_without_socionom
                    or self.units_without_hours) and self.has_socialjour

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"ok": self.ok, "preschools_without_district": self.preschools_without_district,
                "districts_without_socionom": self.districts_without_socionom,
                "units_without_hours": self.units_without_hours, "has_socialjour": self.has_socialjour}

    def lines(self) -> list[str]:
        """Human-readable summary lines (Swedish)."""
        found = [f"Förskolor utan stadsdel: {len(self.preschools_without_district)}",
                 f"Stadsdelar utan aktiv socionom i förskolan: {len(self.districts_without_socionom)}"
                 + (f" ({', '.join(self.districts_without_socionom)})" if self.districts_without_socionom else ""),
                 f"Enheter utan öppettider: {len(self.units_without_hours)}"
                 + (f" ({', '.join(self.units_without_hours)})" if self.units_without_hours else ""),
                 "Socialjour: " + ("finns" if self.has_socialjour else "SAKNAS")]
        return found


# ---------------------------------------------------------------- import preparation

IMPORT_CHUNK = 500  # rows per flush of an import
MAX_IMPORT_ROWS = 20_000  # rows one import may hold (CSV lines or bundle objects, all files together)
CSV_FIELD_LIMIT = 128 * 1024  # characters in one CSV field (the csv module's own default limit)


class ImportTooLargeError(RoutingValidationError):
    """An import holds more rows than MAX_IMPORT_ROWS; nothing was read beyond the limit."""

    def __init__(self, rows: int, limit: int = MAX_IMPORT_ROWS) -> None:
        self.rows = rows
        self.limit = limit
        super().__init__([FieldError("rows", f"the import has more than {limit} rows; split it into parts")])


def _is_control(char: str) -> bool:
    return (char < " " and char not in "\t\n\r") or "\x7f" <= char <= "\x9f"


def text_problems(spec: TableSpec, raw: Mapping[str, Any], location: str = "") -> list[FieldError]:
    """Values no column can hold: control characters (NUL included) or more characters than the column's.

    Checked before anything reaches the database, where PostgreSQL would refuse them with a server error.
    """
    problems: list[FieldError] = []
    columns = spec.row.__table__.columns  # type: ignore[attr-defined]
    for name, value in raw.items():
        if isinstance(value, list | tuple):
            texts = [str(item) for item in value]
            joined = LIST_SEPARATOR.join(texts)
        elif isinstance(value, str):
            texts, joined = [value], value
        else:
            continue
        if any(_is_control(char) for text in texts for char in text):
            problems.append(FieldError(name, "must not contain control characters", location))
            continue
        length = getattr(columns[name].type, "length", None) if name in columns else None
        if length is not None and len(joined.strip()) > length:
            problems.append(FieldError(name, f"is longer than {length} characters", location))
    return problems


def prepare_import(batches: list[tuple[str, str, list[tuple[str, Mapping[str, Any]]]]]
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
                    errors.append(FieldError("id", f"{record_id!r} also on {seen[spec.name, record_id]}", location))
                seen[spec.name, record_id] = location
                pending.setdefault(spec.name, set()).add(record_id)
            parsed.append((spec, location, record))
    return parsed, errors, pending


# ---------------------------------------------------------------- the store

def _now() -> datetime:
    return datetime.now(UTC)


class RoutingStore:
    """Reads and writes the routing tables; every change is recorded in `routing_change`."""

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = _now) -> None:
        self._engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._clock = clock

    # -- reading

    async def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        """The record with *record_id* in *table*, or None."""
        spec = table_spec(table)
        async with self._sessions() as session:
            row = await session.get(spec.row, record_id)
            return None if row is None else _row_record(spec, row)

    async def records(self, table: str, *, active_only: bool = False) -> list[dict[str, Any]]:
        """All records of *table* sorted by id."""
        spec = table_spec(table)
        async with self._sessions() as session:
            rows = (await session.scalars(select(spec.row).order_by(spec.row.id))).all()  # type: ignore[attr-defined]
        records = [_row_record(spec, row) for row in rows]
        return [r for r in records if r.get("active", True)] if active_only else records

    async def is_empty(self) -> bool:
        """True when there are no districts and no preschools."""
        async with self._sessions() as session:
            districts = await session.scalar(select(func.count()).select_from(DistrictRow))
            preschools = await session.scalar(select(func.count()).select_from(PreschoolRow))
        return not districts and not preschools

    async def history(self, table: str | None = None, record_id: str | None = None,
                      limit: int = 200) -> list[Change]:
        """Changes, newest first, optionally for one table and record."""
        query = select(ChangeRow).order_by(ChangeRow.id.desc()).limit(limit)
        if table is not None:
            query = query.where(ChangeRow.table_name == table_spec(table).name)
        if record_id is not None:
            query = query.where(ChangeRow.record_id == record_id)
        async with self._sessions() as session:
            rows = (await session.scalars(query)).all()
        return [Change(r.id, r.actor, _utc(r.at), r.table_name, r.record_id, r.action,
                       json.loads(r.before) if r.before else None, json.loads(r.after) if r.after else None)
                for r in rows]

    # -- writing

    def _log(self, session: AsyncSession, actor: str, spec: TableSpec, record_id: str, action: str,
             before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> None:
        session.add(ChangeRow(
            actor=actor, at=self._clock(), table_name=spec.name, record_id=record_id, action=action,
            before=None if before is None else json.dumps(record_json(before), ensure_ascii=False),
            after=None if after is None else json.dumps(record_json(after), ensure_ascii=False)))

    async def _check_refs(self, session: AsyncSession, spec: TableSpec, record: Mapping[str, Any],
                          location: str = "", pending: Mapping[str, set[str]] | None = None) -> list[FieldError]:
        errors = []
        for fspec in spec.fields:
            value = record.get(fspec.name)
            if fspec.ref and value is not None:
                if pending is not None and value in pending.get(fspec.ref, set()):
                    continue
                if await session.get(SPECS[fspec.ref].row, value) is None:
                    errors.append(FieldError(fspec.name, f"no {fspec.ref} record with id {value!r}", location))
        return errors

    async def create(self, table: str, values: Mapping[str, Any], *, actor: str) -> dict[str, Any]:
        """Add a record (an id is generated when none is given); raises RoutingValidationError."""
        spec = table_spec(table)
        values = dict(values)
        if not values.get("id"):
            values["id"] = uuid.uuid4().hex[:16]
        record, errors = parse_record(spec, values)
        async with self._sessions() as session, session.begin():
            errors += await self._check_refs(session, spec, record)
            if await session.get(spec.row, record["id"]) is not None:
                errors.append(FieldError("id", f"{record['id']!r} already exists in {spec.name}"))
            if errors:
                raise RoutingValidationError(errors)
            session.add(spec.row(**_row_values(spec, record)))
            self._log(session, actor, spec, record["id"], "create", None, record)
        return record

    async def update(self, table: str, record_id: str, changes: Mapping[str, Any], *,
                     actor: str) -> dict[str, Any]:
        """Change some fields of a record; raises UnknownRecordError or RoutingValidationError."""
        spec = table_spec(table)
        if "id" in changes and changes["id"] != record_id:
            raise RoutingValidationError([FieldError("id", "cannot be changed")])
        async with self._sessions() as session, session.begin():
            row = await session.get(spec.row, record_id)
            if row is None:
                raise UnknownRecordError(f"no {spec.name} record with id {record_id!r}")
            before = _row_record(spec, row)
            raw = {**{k: _json_value(v) for k, v in before.items()}, **changes}
            record, errors = parse_record(spec, raw)
            errors += await self._check_refs(session, spec, record)
            if errors:
                raise RoutingValidationError(errors)
            if record != before:
                for name, value in _row_values(spec, record).items():
                    setattr(row, name, value)
                self._log(session, actor, spec, record_id, "update", before, record)
        return record

    async def deactivate(self, table: str, record_id: str, *, actor: str) -> dict[str, Any]:
        """Mark a record inactive (kept for history); tables without `active` must use `delete`."""
        spec = table_spec(table)
        if not spec.has_active:
            raise RoutingValidationError([FieldError("active", f"{spec.name} has no active flag; delete instead")])
        return await self.update(table, record_id, {"active": False}, actor=actor)

    async def delete(self, table: str, record_id: str, *, actor: str) -> None:
        """Remove a record (hours, exceptions, on-call shifts, rules); the history keeps its last state."""
        spec = table_spec(table)
        async with self._sessions() as session, session.begin():
            row = await session.get(spec.row, record_id)
            if row is None:
                raise UnknownRecordError(f"no {spec.name} record with id {record_id!r}")
            before = _row_record(spec, row)
            await session.delete(row)
            self._log(session, actor, spec, record_id, "delete", before, None)

    # -- import

    async def import_records(self, batches: Iterable[tuple[str, str, list[tuple[str, Mapping[str, Any]]]]],
                             *, actor: str) -> ImportSummary:
        """Import (table, source name, [(location, raw record)]) batches all-or-nothing.

        Records are upserted by id; records not in the input are left alone. Every bad row is reported.
        Parsing runs in a worker thread and rows reach the database in chunks, so the event loop (and the
        bot's turns on it) is never held for the length of the whole import.
        """
        parsed, errors, pending = await asyncio.to_thread(prepare_import, list(batches))
        summary = ImportSummary()
        async with self._sessions() as session, session.begin():
            errors.extend(await self._check_import_refs(session, parsed, pending))
            if errors:
                raise RoutingValidationError(errors)
            existing: dict[str, dict[str, RoutingBase]] = {}
            for number, (spec, _location, record) in enumerate(parsed, start=1):
                if spec.name not in existing:
                    # Parents reach the database before their children: flush when the table changes.
                    await session.flush()
                    rows = (await session.scalars(select(spec.row))).all()
                    existing[spec.name] = {row.id: row for row in rows}  # type: ignore[attr-defined]
                elif number % IMPORT_CHUNK == 0:
                    # A bounded unit of work per flush: the ORM's bookkeeping runs on the loop between awaits.
                    await session.flush()
                    await asyncio.sleep(0)
                row = existing[spec.name].get(record["id"])
                if row is None:
                    new = spec.row(**_row_values(spec, record))
                    session.add(new)
                    existing[spec.name][record["id"]] = new
                    self._log(session, actor, spec, record["id"], "import-create", None, record)
                    summary.created[spec.name] = summary.created.get(spec.name, 0) + 1
                    continue
                before = _row_record(spec, row)
                if before == record:
                    summary.unchanged[spec.name] = summary.unchanged.get(spec.name, 0) + 1
                    continue
                for name, value in _row_values(spec, record).items():
                    setattr(row, name, value)
                self._log(session, actor, spec, record["id"], "import-update", before, record)
                summary.updated[spec.name] = summary.updated.get(spec.name, 0) + 1
        return summary

    async def _check_import_refs(self, session: AsyncSession, parsed: list[tuple[TableSpec, str, dict[str, Any]]],
                                 pending: Mapping[str, set[str]]) -> list[FieldError]:
        """References of every imported row, checked against ids read once per table (not a query a row)."""
        referenced = {fspec.ref for spec, _location, _record in parsed for fspec in spec.fields if fspec.ref}
        known: dict[str, set[str]] = {}
        for table in referenced:
            ids = (await session.scalars(select(SPECS[table].row.id))).all()  # type: ignore[attr-defined]
            known[table] = set(ids) | pending.get(table, set())
        errors = []
        for spec, location, record in parsed:
            for fspec in spec.fields:
                value = record.get(fspec.name)
                if fspec.ref and value is not None and value not in known[fspec.ref]:
                    errors.append(FieldError(fspec.name, f"no {fspec.ref} record with id {value!r}", location))
        return errors

    async def import_csv(self, paths: Path | str | Iterable[Path | str], *, actor: str) -> ImportSummary:
        """Import CSV files named after their tables (districts.csv, preschools.csv …) in one transaction."""
        files = [Path(paths)] if isinstance(paths, Path | str) else [Path(p) for p in paths]
        batches = []
        for name, text in await asyncio.to_thread(_read_files, files, "*.csv"):
            spec = table_spec(Path(name).stem)
            batches.append((spec, name, read_csv(text, name, spec)))
        batches.sort(key=lambda b: TABLES.index(b[0]))
        return await self.import_records(((s.name, n, rows) for s, n, rows in batches), actor=actor)

    async def import_json(self, source: Path | str | Mapping[str, Any], *, actor: str) -> ImportSummary:
        """Import a JSON bundle (a file or an already parsed mapping) in one transaction."""
        name = Path(source).name if isinstance(source, Path | str) else "bundle"
        item_lines: dict[tuple[str, int], int] = {}
        if isinstance(source, Path | str):
            text = (await asyncio.to_thread(_read_files, [Path(source)], "*.json"))[0][1]
            try:
                bundle = json.loads(text)
            except json.JSONDecodeError as error:
                raise RoutingValidationError([FieldError("json", error.msg, f"{name}:{error.lineno}")]) from None
            item_lines = json_item_lines(text)
        else:
            bundle = source
        errors: list[FieldError] = []
        if not isinstance(bundle, Mapping):
            raise RoutingValidationError([FieldError("json", "a bundle must be a JSON object", name)])
        if bundle.get("format", BUNDLE_FORMAT) != BUNDLE_FORMAT:
            errors.append(FieldError("format", f"must be {BUNDLE_FORMAT!r}", name))
        known = {"format", "version", "exported_at", *SPECS}
        errors.extend(FieldError(key, "is not a routing table", name) for key in bundle if key not in known)
        batches = []
        for spec in TABLES:
            items = bundle.get(spec.name, [])
            if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
                errors.append(FieldError(spec.name, "must be a list of objects", name))
                continue
            batches.append((spec.name, name, [(json_location(name, spec.name, i, item_lines), item)
                                              for i, item in enumerate(items)]))
        if errors:
            raise RoutingValidationError(errors)
        return await self.import_records(batches, actor=actor)

    async def import_file(self, path: Path | str, *, actor: str) -> ImportSummary:
        """Import a .json bundle, a table .csv, or a folder of table CSVs."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            return await self.import_json(path, actor=actor)
        return await self.import_csv(path, actor=actor)

    # -- export

    async def export_records(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's records, sorted by id."""
        return {spec.name: await self.records(spec.name) for spec in TABLES}

    async def export_json(self) -> dict[str, Any]:
        """The whole routing directory as one JSON-safe bundle."""
        bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION,
                                  "exported_at": self._clock().isoformat()}
        for name, records in (await self.export_records()).items():
            bundle[name] = [record_json(r) for r in records]
        return bundle

    async def export_csv(self) -> dict[str, str]:
        """Every table as CSV text, keyed by file name (districts.csv …)."""
        return {f"{name}.csv": write_csv(SPECS[name], records)
                for name, records in (await self.export_records()).items()}

    # -- snapshot and report

    async def load_directory(self) -> Directory:
        """An immutable snapshot of every routing table."""
        return build_directory(await self.export_records())

    async def validation_report(self) -> ValidationReport:
        """Preschools without district, districts without an active socionom, units without hours, socialjour."""
        return validation_report(await self.load_directory())


def build_directory(data: Mapping[str, list[dict[str, Any]]]) -> Directory:
    """A `Directory` from parsed records per table (as `RoutingStore.export_records` returns them)."""
    data = {spec.name: list(data.get(spec.name, ())) for spec in TABLES}
    return Directory(
            districts=tuple(District(r["id"], r["name"], tuple(r["aliases"]), r["active"])
                            for r in data["districts"]),
            preschools=tuple(Preschool(r["id"], r["name"], OperatorKind(r["operator"]), r["address"] or "",
                                       r["postcode"] or "", r["skolverket_id"], r["district_id"],
                                       tuple(r["aliases"]), r["active"], r.get("area") or "")
                            for r in data["preschools"]),
            units=tuple(Unit(r["id"], r["name"], UnitKind(r["kind"]), r["district_id"], r["phone"], r["email"],
                             r["url"], r["teams_channel_id"], r["address"], r["active"]) for r in data["units"]),
            contacts=tuple(Contact(r["id"], r["name"], r["unit_id"], r["role"] or "", r["teams_user_id"],
                                   r["teams_channel_id"], r["email"], r["phone"], r["priority"], r["active"])
                           for r in data["contacts"]),
            hours=tuple(OpeningHours(r["id"], r["unit_id"], r["weekday"], r["opens"], r["closes"])
                        for r in data["opening_hours"]),
            exceptions=tuple(HoursException(r["id"], r["unit_id"], r["day"], r["closed"], r["opens"], r["closes"],
                                            r["note"] or "") for r in data["hours_exceptions"]),
            on_call=tuple(OnCallShift(r["id"], r["contact_id"], r["unit_id"], r["starts"].astimezone(STOCKHOLM),
                                      r["ends"].astimezone(STOCKHOLM)) for r in data["on_call"]),
            rules=tuple(Rule(r["id"], r["concern"], r["outcome"], tuple(UnitKind(k) for k in r["unit_kinds"]),
                             r["note"] or "") for r in data["rules"]),
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


def validation_report(directory: Directory) -> ValidationReport:
    """Preschools without district, districts without an active socionom, units without hours, socialjour."""
    without_district = sorted(p.id for p in directory.preschools if p.active and p.district_id is None)
    missing_socionom = sorted(
        d.id for d in directory.districts if d.active and not any(
            directory.contacts_of(u.id) for u in directory.units_of(UnitKind.SOCIONOM, d.id)))
    no_hours = sorted(u.id for u in directory.units if u.active and not directory.has_hours(u.id))
    socialjour = any(u.active and u.kind == UnitKind.SOCIALJOUR for u in directory.units)
    return ValidationReport(without_district, missing_socionom, no_hours, socialjour)


# ---------------------------------------------------------------- files

def json_location(name: str, table: str, index: int, lines: Mapping[tuple[str, int], int]) -> str:
    line = lines.get((table, index))
    return f"{name}:{line} ({table}[{index}])" if line else f"{name}: {table}[{index}]"


def json_item_lines(text: str) -> dict[tuple[str, int], int]:
    """(table, index) → the line where that object of a JSON bundle starts; strings are skipped properly."""
    lines: dict[tuple[str, int], int] = {}
    depth, line, index = 0, 1, -1
    key: str | None = None
    table: str | None = None
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "\n":
            line += 1
        elif char == '"':
            end = position + 1
            while end < length and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if depth == 1:
                key = text[position + 1:end]
            position = end
        elif char in "{[":
            if depth == 1 and char == "[":
                table, index = key, -1
            elif depth == 2 and char == "{" and table is not None:
                index += 1
                lines[(table, index)] = line
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 1:
                table = None
        position += 1
    return lines


def _read_files(paths: list[Path], pattern: str) -> list[tuple[str, str]]:
    """(file name, text) of each path; a folder stands for its files matching *pattern*."""
    found: list[tuple[str, str]] = []
    for path in paths:
        for file in sorted(path.glob(pattern)) if path.is_dir() else [path]:
            try:
                found.append((file.name, file.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError) as error:
                raise RoutingValidationError([FieldError("file", str(error), file.name)]) from None
    return found


# ---------------------------------------------------------------- CSV

def read_csv(text: str, source: str, spec: TableSpec, *,
             max_rows: int = MAX_IMPORT_ROWS) -> list[tuple[str, dict[str, str]]]:
    """Rows of CSV *text* as (location "file:line", raw values); a bad header is an error for line 1.

    Raises RoutingValidationError for text the csv module cannot read (a field over CSV_FIELD_LIMIT, a quote
    never closed), naming the line, and ImportTooLargeError past *max_rows* rows (reading stops there).
    """
    # strict: a quote that is never closed, or text after a closing quote, is an error, not a silently
    # swallowed rest of the file.
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows = []
    start = 2
    try:
        header = reader.fieldnames or []
        missing = [f.name for f in spec.fields if f.required and f.name not in header]
        if missing:
            raise RoutingValidationError([FieldError(name, "column is missing from the header", f"{source}:1")
                                          for name in missing])
        for raw in reader:
            if len(rows) >= max_rows:
                raise ImportTooLargeError(len(rows) + 1, max_rows)
            extra = raw.pop(None, None)  # type: ignore[call-overload]
            location = f"{source}:{start}"
            start = reader.line_num + 1
            values = {k: _uncell(v or "") for k, v in raw.items() if k is not None}
            if extra:
                values["(extra columns)"] = LIST_SEPARATOR.join(extra)
            rows.append((location, values))
    except csv.Error as error:
        raise RoutingValidationError([FieldError("csv", _csv_problem(error), f"{source}:{start}")]) from None
    return rows


def _csv_problem(error: csv.Error) -> str:
    """The csv module's complaint in the words of an import error."""
    message = str(error)
    if "field larger than field limit" in message:
        return f"a field is longer than {CSV_FIELD_LIMIT} characters"
    if "unexpected end of data" in message or "EOF" in message:
        return "a quote (\") opens a field that is never closed"
    if "expected after" in message:
        return "text follows the quote (\") that closes a field; put the whole field in quotes"
    return f"the file cannot be read as CSV: {message}"


FORMULA_STARTS = "=+-@\t\r"


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula: one starting with = + - @ gets a leading '."""
    if value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def _uncell(value: str) -> str:
    """The value `_cell` neutralised, so an exported file imports unchanged ("'+46 8…" is "+46 8…")."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def write_csv(spec: TableSpec, records: Iterable[Mapping[str, Any]]) -> str:
    """Records as CSV text with a header row in the spec's column order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.columns)
    for record in records:
        writer.writerow([_cell(_text_value(record.get(name))) for name in spec.columns])
    return out.getvalue()
