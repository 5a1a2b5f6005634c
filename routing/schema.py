"""The routing tables as one schema: each table's fields with kind, requiredness, choices, reference and length.

Import, export, the storage and the administration's forms and API all read their tables from here;
`routing/storage_rows.py` holds the SQL rows that store them (a test keeps the two in agreement).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from routing.errors import UnknownTableError
from routing.model import OperatorKind, UnitKind

LIST_SEPARATOR = "|"  # between the items of a list field, in CSV cells and in SQL columns
UNIT_KINDS = tuple(str(k) for k in UnitKind)
OPERATORS = tuple(str(o) for o in OperatorKind)


@dataclass(frozen=True)
class FieldSpec:
    """One column: its kind, whether it is required, its choices, what it refers to and its longest text."""

    name: str
    kind: str  # str | optstr | int | bool | time | optime | date | datetime | list
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # name of the table an id must exist in
    length: int | None = None  # most characters the column holds (a list: joined with "|")


@dataclass(frozen=True)
class TableSpec:
    """A routing table: its export name, its SQL name and its fields (in export column order)."""

    name: str
    sql_name: str
    fields: tuple[FieldSpec, ...]

    @property
    def has_active(self) -> bool:
        """True when records are deactivated rather than deleted."""
        return any(f.name == "active" for f in self.fields)

    @property
    def columns(self) -> list[str]:
        """Column names in export order."""
        return [f.name for f in self.fields]

    def field(self, name: str) -> FieldSpec | None:
        """The field called *name*, if any."""
        return next((f for f in self.fields if f.name == name), None)


def _id() -> FieldSpec:
    return FieldSpec("id", "str", True, length=64)


def _active() -> FieldSpec:
    return FieldSpec("active", "bool", default=True)


def _ref(name: str, table: str, *, required: bool) -> FieldSpec:
    return FieldSpec(name, "str" if required else "optstr", required, ref=table, length=64)


TABLES: tuple[TableSpec, ...] = (
    TableSpec("districts", "routing_district", (
        _id(), FieldSpec("name", "str", True, length=200), FieldSpec("aliases", "list", default=()), _active())),
    TableSpec("preschools", "routing_preschool", (
        _id(), FieldSpec("name", "str", True, length=300), FieldSpec("aliases", "list", default=()),
        FieldSpec("operator", "str", True, choices=OPERATORS, length=16),
        FieldSpec("address", "str", default="", length=300), FieldSpec("postcode", "str", default="", length=16),
        FieldSpec("skolverket_id", "optstr", length=32), _ref("district_id", "districts", required=False),
        _active(), FieldSpec("area", "str", default="", length=200))),
    TableSpec("units", "routing_unit", (
        _id(), FieldSpec("name", "str", True, length=300),
        FieldSpec("kind", "str", True, choices=UNIT_KINDS, length=32),
        _ref("district_id", "districts", required=False),
        FieldSpec("phone", "optstr", length=64), FieldSpec("email", "optstr", length=254),
        FieldSpec("url", "optstr", length=500), FieldSpec("teams_channel_id", "optstr", length=256),
        FieldSpec("address", "optstr", length=300), _active())),
    TableSpec("contacts", "routing_contact", (
        _id(), FieldSpec("name", "str", True, length=200), FieldSpec("role", "str", default="", length=200),
        _ref("unit_id", "units", required=True), FieldSpec("teams_user_id", "optstr", length=64),
        FieldSpec("teams_channel_id", "optstr", length=256), FieldSpec("email", "optstr", length=254),
        FieldSpec("phone", "optstr", length=64), FieldSpec("priority", "int", default=1), _active())),
    TableSpec("opening_hours", "routing_opening_hours", (
        _id(), _ref("unit_id", "units", required=True),
        FieldSpec("weekday", "int", True), FieldSpec("opens", "time", True), FieldSpec("closes", "time", True))),
    TableSpec("hours_exceptions", "routing_hours_exception", (
        _id(), _ref("unit_id", "units", required=True),
        FieldSpec("day", "date", True), FieldSpec("closed", "bool", default=True),
        FieldSpec("opens", "optime"), FieldSpec("closes", "optime"),
        FieldSpec("note", "str", default="", length=300))),
    TableSpec("on_call", "routing_on_call", (
        _id(), _ref("contact_id", "contacts", required=True), _ref("unit_id", "units", required=True),
        FieldSpec("starts", "datetime", True), FieldSpec("ends", "datetime", True))),
    TableSpec("rules", "routing_rule", (
        _id(), FieldSpec("concern", "str", True, length=64), FieldSpec("outcome", "str", True, length=32),
        FieldSpec("unit_kinds", "list", True, length=300), FieldSpec("note", "str", default="", length=300))),
)
SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}


def table_spec(name: str) -> TableSpec:
    """The spec for a table name, its singular, or its SQL name ("preschool", "routing_preschool")."""
    key = name.removeprefix("routing_")
    for spec in TABLES:
        if key in {spec.name, spec.sql_name.removeprefix("routing_")}:
            return spec
    raise UnknownTableError(name, tuple(SPECS))
