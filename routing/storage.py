"""The routing tables in SQL: CRUD with history, the all-or-nothing import, export and the directory snapshot."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from routing.codecs import ImportFile, bundle_batches, export_bundle, export_csv_files, parse_import
from routing.errors import FieldError, Problem, RoutingValidationError, UnknownRecordError
from routing.model import Directory
from routing.records import Batch, build_directory, json_value, parse_record, prepare_import, record_json, utc
from routing.schema import LIST_SEPARATOR, TABLES, TableSpec, table_spec
from routing.storage_rows import (
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
from routing.validation import ValidationReport, validation_report

IMPORT_CHUNK = 500  # rows per flush of an import
ROWS: dict[str, type[RoutingBase]] = {
    "districts": DistrictRow, "preschools": PreschoolRow, "units": UnitRow, "contacts": ContactRow,
    "opening_hours": OpeningHoursRow, "hours_exceptions": HoursExceptionRow, "on_call": OnCallRow,
    "rules": RuleRow,
}


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


def _row_record(spec: TableSpec, row: RoutingBase) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for fspec in spec.fields:
        value = getattr(row, fspec.name)
        if fspec.kind == "list":
            value = tuple(v for v in (value or "").split(LIST_SEPARATOR) if v)
        elif fspec.kind == "datetime" and value is not None:
            value = utc(value)
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


def _now() -> datetime:
    return datetime.now(UTC)

async def _insert_many(session: AsyncSession, model: type[RoutingBase], rows: list[dict[str, Any]]) -> None:
    """Insert *rows* of *model* (a routing table or the history) in statements of IMPORT_CHUNK rows each: one
    executemany a chunk instead of the unit of work's bookkeeping a row, the loop free between chunks."""
    for start in range(0, len(rows), IMPORT_CHUNK):
        await session.execute(insert(model), rows[start:start + IMPORT_CHUNK])
        await asyncio.sleep(0)



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
            row = await session.get(ROWS[spec.name], record_id)
            return None if row is None else _row_record(spec, row)

    async def records(self, table: str, *, active_only: bool = False) -> list[dict[str, Any]]:
        """All records of *table* sorted by id."""
        spec = table_spec(table)
        row_type = ROWS[spec.name]
        async with self._sessions() as session:
            rows = (await session.scalars(select(row_type).order_by(row_type.id))).all()  # type: ignore[attr-defined]
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
        return [Change(r.id, r.actor, utc(r.at), r.table_name, r.record_id, r.action,
                       json.loads(r.before) if r.before else None, json.loads(r.after) if r.after else None)
                for r in rows]

    # -- writing

    def _log(self, session: AsyncSession, actor: str, spec: TableSpec, record_id: str, action: str, *,
             before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> None:
        session.add(ChangeRow(**self._change(actor, spec, record_id, action, before=before, after=after)))

    def _change(self, actor: str, spec: TableSpec, record_id: str, action: str, *,
                before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, Any]:
        """The columns of one history row."""
        return {"actor": actor, "at": self._clock(), "table_name": spec.name, "record_id": record_id,
                "action": action,
                "before": None if before is None else json.dumps(record_json(before), ensure_ascii=False),
                "after": None if after is None else json.dumps(record_json(after), ensure_ascii=False)}

    async def _check_refs(self, session: AsyncSession, spec: TableSpec, record: Mapping[str, Any],
                          location: str = "", pending: Mapping[str, set[str]] | None = None) -> list[FieldError]:
        errors = []
        for fspec in spec.fields:
            value = record.get(fspec.name)
            if fspec.ref and value is not None:
                if pending is not None and value in pending.get(fspec.ref, set()):
                    continue
                if await session.get(ROWS[fspec.ref], value) is None:
                    errors.append(FieldError(fspec.name, Problem.UNKNOWN_REFERENCE, location,
                                             {"table": fspec.ref, "value": str(value)}))
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
            if await session.get(ROWS[spec.name], record["id"]) is not None:
                errors.append(FieldError("id", Problem.ID_EXISTS, detail={"table": spec.name, "id": record["id"]}))
            if errors:
                raise RoutingValidationError(errors)
            session.add(ROWS[spec.name](**_row_values(spec, record)))
            self._log(session, actor, spec, record["id"], "create", before=None, after=record)
        return record

    async def update(self, table: str, record_id: str, changes: Mapping[str, Any], *,
                     actor: str) -> dict[str, Any]:
        """Change some fields of a record; raises UnknownRecordError or RoutingValidationError."""
        spec = table_spec(table)
        if "id" in changes and changes["id"] != record_id:
            raise RoutingValidationError([FieldError("id", Problem.ID_IMMUTABLE)])
        async with self._sessions() as session, session.begin():
            row = await session.get(ROWS[spec.name], record_id)
            if row is None:
                raise UnknownRecordError(spec.name, record_id)
            before = _row_record(spec, row)
            raw = {**{k: json_value(v) for k, v in before.items()}, **changes}
            record, errors = parse_record(spec, raw)
            errors += await self._check_refs(session, spec, record)
            if errors:
                raise RoutingValidationError(errors)
            if record != before:
                for name, value in _row_values(spec, record).items():
                    setattr(row, name, value)
                self._log(session, actor, spec, record_id, "update", before=before, after=record)
        return record

    async def deactivate(self, table: str, record_id: str, *, actor: str) -> dict[str, Any]:
        """Mark a record inactive (kept for history); tables without `active` must use `delete`."""
        spec = table_spec(table)
        if not spec.has_active:
            raise RoutingValidationError([FieldError("active", Problem.NO_ACTIVE_FLAG, detail={"table": spec.name})])
        return await self.update(table, record_id, {"active": False}, actor=actor)

    async def delete(self, table: str, record_id: str, *, actor: str) -> None:
        """Remove a record (hours, exceptions, on-call shifts, rules); the history keeps its last state."""
        spec = table_spec(table)
        async with self._sessions() as session, session.begin():
            row = await session.get(ROWS[spec.name], record_id)
            if row is None:
                raise UnknownRecordError(spec.name, record_id)
            before = _row_record(spec, row)
            await session.delete(row)
            self._log(session, actor, spec, record_id, "delete", before=before, after=None)

    # -- import

    async def import_records(self, batches: Iterable[Batch], *, actor: str) -> ImportSummary:
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
            table: str | None = None
            new_rows: list[dict[str, Any]] = []  # the current table's new rows, inserted many at a time
            changes: list[dict[str, Any]] = []
            for number, (spec, _location, record) in enumerate(parsed, start=1):
                if spec.name != table:
                    # Parents reach the database before their children: insert when the table changes.
                    if table is not None:
                        await _insert_many(session, ROWS[table], new_rows)
                    table, new_rows = spec.name, []
                if spec.name not in existing:
                    await session.flush()
                    rows = (await session.scalars(select(ROWS[spec.name]))).all()
                    existing[spec.name] = {row.id: row for row in rows}  # type: ignore[attr-defined]
                elif number % IMPORT_CHUNK == 0:
                    # A bounded unit of work per flush: the ORM's bookkeeping runs on the loop between awaits.
                    await session.flush()
                    await asyncio.sleep(0)
                row = existing[spec.name].get(record["id"])
                if row is None:  # ids are unique per table in an import (prepare_import), so never looked up again
                    new_rows.append(_row_values(spec, record))
                    changes.append(self._change(actor, spec, record["id"], "import-create", before=None,
                                                after=record))
                    summary.created[spec.name] = summary.created.get(spec.name, 0) + 1
                    continue
                before = _row_record(spec, row)
                if before == record:
                    summary.unchanged[spec.name] = summary.unchanged.get(spec.name, 0) + 1
                    continue
                for name, value in _row_values(spec, record).items():
                    setattr(row, name, value)
                changes.append(self._change(actor, spec, record["id"], "import-update", before=before, after=record))
                summary.updated[spec.name] = summary.updated.get(spec.name, 0) + 1
            if table is not None:
                await _insert_many(session, ROWS[table], new_rows)
            await session.flush()
            await _insert_many(session, ChangeRow, changes)
        return summary

    async def _check_import_refs(self, session: AsyncSession, parsed: list[tuple[TableSpec, str, dict[str, Any]]],
                                 pending: Mapping[str, set[str]]) -> list[FieldError]:
        """References of every imported row, checked against ids read once per table (not a query a row)."""
        referenced = {fspec.ref for spec, _location, _record in parsed for fspec in spec.fields if fspec.ref}
        known: dict[str, set[str]] = {}
        for table in referenced:
            ids = (await session.scalars(select(ROWS[table].id))).all()  # type: ignore[attr-defined]
            known[table] = set(ids) | pending.get(table, set())
        errors = []
        for spec, location, record in parsed:
            for fspec in spec.fields:
                value = record.get(fspec.name)
                if fspec.ref and value is not None and value not in known[fspec.ref]:
                    errors.append(FieldError(fspec.name, Problem.UNKNOWN_REFERENCE, location,
                                             {"table": fspec.ref, "value": str(value)}))
        return errors

    async def import_files(self, files: Iterable[ImportFile], *, actor: str) -> ImportSummary:
        """Import table CSVs and JSON bundles (names and texts, read by the caller) in one transaction."""
        batches = await asyncio.to_thread(parse_import, list(files))
        return await self.import_records(batches, actor=actor)

    async def import_json(self, bundle: Mapping[str, Any], *, actor: str) -> ImportSummary:
        """Import an already parsed JSON bundle in one transaction (problems are located as "bundle")."""
        batches, errors = bundle_batches(bundle, "bundle")
        if errors:
            raise RoutingValidationError(errors)
        return await self.import_records(batches, actor=actor)

    # -- export

    async def export_records(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's records, sorted by id."""
        return {spec.name: await self.records(spec.name) for spec in TABLES}

    async def export_json(self) -> dict[str, Any]:
        """The whole routing directory as one JSON-safe bundle."""
        return export_bundle(await self.export_records(), self._clock())

    async def export_csv(self) -> dict[str, str]:
        """Every table as CSV text, keyed by file name (districts.csv …)."""
        return export_csv_files(await self.export_records())

    # -- snapshot and report

    async def load_directory(self) -> Directory:
        """An immutable snapshot of every routing table."""
        return build_directory(await self.export_records())

    async def validation_report(self) -> ValidationReport:
        """Preschools without district, districts without an active socionom, units without hours, socialjour."""
        return validation_report(await self.load_directory())

