"""The routing tables as the administration shows them: the routing schema's fields with the admin's Swedish labels."""

from __future__ import annotations

from dataclasses import dataclass

from admin import text
from routing.schema import TABLES, FieldSpec, TableSpec

# Form input kinds (text, int, bool, select, time, date, datetime, list) of the schema's field kinds.
_INPUT = {"str": "text", "optstr": "text", "int": "int", "bool": "bool", "time": "time", "optime": "time",
          "date": "date", "datetime": "datetime", "list": "list"}
# The form always asks for these, although the schema has a default for imports (a new contact starts at 1).
_ALWAYS_ASKED = frozenset({("contacts", "priority")})
# The columns each table's list shows.
_LIST_COLUMNS = {
    "districts": ("id", "name", "aliases", "active"),
    "preschools": ("id", "name", "operator", "district_id", "area", "address", "active"),
    "units": ("id", "name", "kind", "district_id", "phone", "active"),
    "contacts": ("id", "name", "role", "unit_id", "priority", "phone", "active"),
    "opening_hours": ("id", "unit_id", "weekday", "opens", "closes"),
    "hours_exceptions": ("id", "unit_id", "day", "closed", "opens", "closes", "note"),
    "on_call": ("id", "contact_id", "unit_id", "starts", "ends"),
    "rules": ("id", "concern", "outcome", "unit_kinds", "note"),
}


@dataclass(frozen=True)
class Field:
    """One editable field: name, Swedish label, kind (text, int, bool, select, time, date, datetime, list)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Resource:
    """One routing table in the administration."""

    slug: str  # URL segment and RoutingStore table name
    label: str  # plural, for headings and the navigation
    singular: str
    fields: tuple[Field, ...]
    columns: tuple[str, ...]  # shown in the list
    has_active: bool = True  # False: "deactivate" removes the record (it has no active flag)
    district_via_unit: bool = False  # district = the district of the record's unit
    own_district: bool = False  # district = the record's own district_id (None for city-wide)
    is_district: bool = False  # the districts table: district = the record's id

    def field(self, name: str) -> Field | None:
        """The field called *name*, if any."""
        return next((f for f in self.fields if f.name == name), None)


def _field(table: TableSpec, spec: FieldSpec, wording: str | tuple[str, str]) -> Field:
    """The form field of a schema field: a select when it has choices or refers to a table."""
    label, help_text = (wording, "") if isinstance(wording, str) else wording
    labels = text.CHOICES.get(spec.name, {})
    choices = tuple((value, labels.get(value, value)) for value in spec.choices or tuple(labels))
    kind = "select" if choices or spec.ref else _INPUT[spec.kind]
    required = spec.required or (table.name, spec.name) in _ALWAYS_ASKED
    return Field(spec.name, label, kind, required, choices, help_text)


def _resource(table: TableSpec) -> Resource:
    """The administration's view of a schema table, its fields in the order of the admin's labels."""
    label, singular, fields = text.TABLES[table.name]
    specs = {spec.name: spec for spec in table.fields}
    return Resource(
        table.name, label, singular, tuple(_field(table, specs[name], wording) for name, wording in fields.items()),
        _LIST_COLUMNS[table.name], has_active=table.has_active,
        district_via_unit=table.field("unit_id") is not None,
        own_district=table.field("district_id") is not None, is_district=table.name == "districts")


RESOURCES: dict[str, Resource] = {table.name: _resource(table) for table in TABLES}


def resource(slug: str) -> Resource | None:
    """The resource called *slug*, if any."""
    return RESOURCES.get(slug)
