"""The administration's view of the routing tables: permission checks, then RoutingStore (which keeps history)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from admin.resources import RESOURCES, Resource
from admin.roles import ForbiddenError, Principal, Role
from admin.text import decision_view, validation_lines
from routing.codecs import MAX_IMPORT_ROWS as MAX_IMPORT_ROWS  # noqa: PLC0414 — re-exported: the admin's import limit (tests lower it)
from routing.codecs import ImportFile, parse_import
from routing.decision import decide_route
from routing.errors import RoutingValidationError, UnknownRecordError
from routing.match import match_district, match_preschool
from routing.model import Directory, stockholm_time
from routing.records import record_json, text_problems
from routing.schema import table_spec
from routing.storage import Change, ImportSummary, RoutingStore
from routing.validation import validation_report

ROUTE_TEST_TEXT_MAX = 200
ACTOR_MAX = 200  # routing_change.actor


def scoped_directory(directory: Directory, principal: Principal) -> Directory:
    """What *principal* may route over: a socionom sees contacts and on-call shifts of their own district only."""
    if principal.role is not Role.SOCIONOM:
        return directory
    own_units = {u.id for u in directory.units if u.district_id is not None and u.district_id == principal.district_id}
    return replace(directory, contacts=tuple(c for c in directory.contacts if c.unit_id in own_units),
                   on_call=tuple(s for s in directory.on_call if s.unit_id in own_units))


class NotFoundError(LookupError):
    """No such table or record."""


def _change_json(change: Change) -> dict[str, Any]:
    return {"id": change.id, "actor": change.actor, "at": change.at.isoformat(), "table": change.table,
            "record_id": change.record_id, "action": change.action, "before": change.before,
            "after": change.after}


class DirectoryAdmin:
    """What a signed-in person may see and change in the routing tables; changes are recorded under their name."""

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._store = RoutingStore(engine, clock=clock) if clock else RoutingStore(engine)

    # -- districts of records ------------------------------------------------------------------------
    async def _unit_districts(self) -> dict[str, str | None]:
        return {u["id"]: u["district_id"] for u in await self._store.records("units")}

    async def district_of(self, resource: Resource, record: Mapping[str, Any],
                          unit_districts: Mapping[str, str | None] | None = None) -> str | None:
        """The district a record belongs to (None for city-wide units, rules and unmapped preschools)."""
        if resource.is_district:
            return str(record.get("id"))
        if resource.own_district:
            return record.get("district_id") or None
        if resource.district_via_unit:
            units = unit_districts if unit_districts is not None else await self._unit_districts()
            return units.get(str(record.get("unit_id")))
        return None

    # -- reading -------------------------------------------------------------------------------------
    def resource(self, table: str) -> Resource:
        """The resource for *table*; NotFoundError otherwise."""
        found = RESOURCES.get(table)
        if found is None:
            raise NotFoundError(table)
        return found

    async def records(self, principal: Principal, table: str, *, query: str = "", district: str = "",
                   without_district: bool = False) -> list[dict[str, Any]]:
        """The records *principal* may read, filtered by free text, district or "utan stadsdel"."""
        resource = self.resource(table)
        records = await self._store.records(table)
        units = await self._unit_districts() if resource.district_via_unit else None
        needle = query.strip().casefold()
        found = []
        for record in records:
            record_district = await self.district_of(resource, record, units)
            if not principal.can_read(table, record_district):
                continue
            if district and record_district != district:
                continue
            if without_district and record_district is not None:
                continue
            if needle and not any(needle in str(v).casefold() for v in record_json(record).values()):
                continue
            found.append(record_json(record) | {"_district": record_district})
        return found

    async def get(self, principal: Principal, table: str, record_id: str) -> dict[str, Any]:
        """One record; NotFoundError or ForbiddenError."""
        resource = self.resource(table)
        record = await self._store.get(table, record_id)
        if record is None:
            raise NotFoundError(f"{table}/{record_id}")
        if not principal.can_read(table, await self.district_of(resource, record)):
            raise ForbiddenError(table)
        return record_json(record)

    async def history(self, principal: Principal, table: str, record_id: str) -> list[dict[str, Any]]:
        """Who changed a record, when, and its state before and after."""
        resource = self.resource(table)
        changes = await self._store.history(table, record_id)
        current = await self._store.get(table, record_id)
        last = current or (changes[0].before if changes else None)
        if last is None:
            raise NotFoundError(f"{table}/{record_id}")
        if not principal.can_read(table, await self.district_of(resource, last)):
            raise ForbiddenError(table)
        return [_change_json(c) for c in changes]

    async def recent_changes(self, principal: Principal, limit: int = 50) -> list[dict[str, Any]]:
        """The newest changes across all tables (admins only)."""
        principal.require_admin()
        return [_change_json(c) for c in await self._store.history(limit=limit)]

    async def choices(self) -> dict[str, list[tuple[str, str]]]:
        """Options for the select fields: districts, units and contacts by id and name."""
        return {
            "district_id": [(d["id"], d["name"]) for d in await self._store.records("districts")],
            "unit_id": [(u["id"], u["name"]) for u in await self._store.records("units")],
            "contact_id": [(c["id"], c["name"]) for c in await self._store.records("contacts")],
        }

    # -- writing -------------------------------------------------------------------------------------
    async def _require_write(self, principal: Principal, resource: Resource, record: Mapping[str, Any]) -> None:
        district = await self.district_of(resource, record)
        principal.require_write(resource.slug, district)
        if resource.slug == "on_call" and record.get("contact_id") and principal.role is not Role.ADMIN:
            # An on-call shift may only name a contact of the editor's own district.
            contact = await self._store.get("contacts", str(record["contact_id"]))
            if contact is not None:
                principal.require_write("contacts", await self.district_of(RESOURCES["contacts"], contact))

    async def create(self, principal: Principal, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Add a record as *principal*; ForbiddenError, or RoutingValidationError with every field problem."""
        resource = self.resource(table)
        if not principal.can_write(table, principal.district_id) and not principal.is_admin:
            raise ForbiddenError(table)
        await self._require_write(principal, resource, values)
        _refuse_unstorable(resource.slug, values)
        return record_json(await self._store.create(table, values, actor=principal.username[:ACTOR_MAX]))

    async def update(self, principal: Principal, table: str, record_id: str,
                     values: Mapping[str, Any]) -> dict[str, Any]:
        """Change a record as *principal*: both its current and its new district must be theirs."""
        resource = self.resource(table)
        current = await self._store.get(table, record_id)
        if current is None:
            raise NotFoundError(f"{table}/{record_id}")
        await self._require_write(principal, resource, current)
        await self._require_write(principal, resource, {**current, **values})
        _refuse_unstorable(resource.slug, values)
        try:
            return record_json(await self._store.update(table, record_id, values,
                                                        actor=principal.username[:ACTOR_MAX]))
        except UnknownRecordError:
            raise NotFoundError(f"{table}/{record_id}") from None

    async def deactivate(self, principal: Principal, table: str, record_id: str) -> dict[str, Any] | None:
        """Deactivate a record, or delete it when its table has no active flag (history keeps it)."""
        resource = self.resource(table)
        current = await self._store.get(table, record_id)
        if current is None:
            raise NotFoundError(f"{table}/{record_id}")
        await self._require_write(principal, resource, current)
        if resource.has_active:
            return record_json(await self._store.deactivate(table, record_id, actor=principal.username[:ACTOR_MAX]))
        await self._store.delete(table, record_id, actor=principal.username[:ACTOR_MAX])
        return None

    # -- import and export ---------------------------------------------------------------------------
    async def import_files(self, principal: Principal, files: Iterable[ImportFile], *,
                           commit: bool) -> ImportSummary:
        """Validate and (with *commit*) apply an import all-or-nothing; admins only."""
        principal.require_admin()
        batches = await asyncio.to_thread(parse_import, list(files))
        actor = principal.username[:ACTOR_MAX]
        if commit:
            return await self._store.import_records(batches, actor=actor)
        # A dry run: the same import inside a transaction that is rolled back, so the preview is exact.
        async with self._engine.connect() as connection:
            transaction = await connection.begin()
            try:
                # RoutingStore is typed for an engine; a connection serves its sessions as well (their bind).
                return await RoutingStore(connection).import_records(  # type: ignore[arg-type]
                    batches, actor=actor)
            finally:
                # The session joins this transaction and never commits it; on a validation error it has
                # already rolled it back itself.
                if transaction.is_active:
                    await transaction.rollback()

    async def export_json(self, principal: Principal) -> dict[str, Any]:
        """Every table as one JSON bundle (admins and district editors)."""
        if principal.role is Role.SOCIONOM:
            raise ForbiddenError("export")
        return await self._store.export_json()

    async def export_csv(self, principal: Principal) -> dict[str, str]:
        """Every table as CSV text keyed by file name."""
        if principal.role is Role.SOCIONOM:
            raise ForbiddenError("export")
        return await self._store.export_csv()

    async def validation_report(self, principal: Principal) -> dict[str, Any]:
        """The routing's gaps (preschools without district, districts without socionom, ...).

        A socionom gets only their own district's gaps about units and contacts (preschools are public).
        """
        directory = await self._store.load_directory()
        report = validation_report(directory)
        if principal.role is Role.SOCIONOM:
            own_units = {u.id for u in directory.units if u.district_id == principal.district_id}
            report = replace(report, districts_without_socionom=[d for d in report.districts_without_socionom
                                                         if d == principal.district_id],
                             units_without_hours=[u for u in report.units_without_hours if u in own_units])
        return report.to_dict() | {"lines": validation_lines(report)}

    # -- route test ----------------------------------------------------------------------------------
    async def route_test(self, principal: Principal, *, preschool: str, concern: str | None, at: datetime | None,
                         district: str | None = None, outcome: str | None = None) -> dict[str, Any]:
        """Match *preschool* text and decide the route at *at*, with the trace (the same code the bot runs).

        A socionom sees only their own district's contacts in the answer (`scoped_directory`).
        """
        directory = scoped_directory(await self._store.load_directory(), principal)
        match = match_preschool(preschool[:ROUTE_TEST_TEXT_MAX], directory.index) if preschool.strip() else None
        # The bot routes only on a confident match; a weak or tied one is asked about first (dialogs/place.py).
        chosen = match.best if match else None
        named_district = match_district(district, directory) if district else None
        if named_district is None and chosen is None and match is not None:
            named_district = match.district
        decision = decide_route(chosen, concern or None, stockholm_time(at) if at else None, directory,
                                district=named_district, outcome=outcome or None)
        return {"match": match.to_dict() if match else None, "decision": decision_view(decision)}


def _refuse_unstorable(table: str, values: Mapping[str, Any]) -> None:
    """RoutingValidationError for control characters or overlong text, before the database refuses them."""
    problems = text_problems(table_spec(table), values)
    if problems:
        raise RoutingValidationError(problems)
