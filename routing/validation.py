"""The validation report: gaps in the routing tables an administrator should fix before the routing is trusted."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from routing.model import Directory, UnitKind


class FindingCode(StrEnum):
    """What kind of gap a finding is."""

    PRESCHOOL_WITHOUT_DISTRICT = "preschool_without_district"
    DISTRICT_WITHOUT_SOCIONOM = "district_without_socionom"
    UNIT_WITHOUT_HOURS = "unit_without_hours"
    NO_SOCIALJOUR = "no_socialjour"


@dataclass(frozen=True)
class Finding:
    """One gap: its code, the table and row it is in (None: the table as a whole), the field and value missing."""

    code: FindingCode
    table: str
    row: str | None = None
    field: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON-safe form."""
        return {"code": str(self.code), "table": self.table, "row": self.row, "field": self.field,
                "value": self.value}


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
        return not self.findings

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every gap as a code with the table, row and field it concerns, in the order the report lists them."""
        return (*(Finding(FindingCode.PRESCHOOL_WITHOUT_DISTRICT, "preschools", p, "district_id")
                  for p in self.preschools_without_district),
                *(Finding(FindingCode.DISTRICT_WITHOUT_SOCIONOM, "districts", d)
                  for d in self.districts_without_socionom),
                *(Finding(FindingCode.UNIT_WITHOUT_HOURS, "units", u) for u in self.units_without_hours),
                *(() if self.has_socialjour else
                  (Finding(FindingCode.NO_SOCIALJOUR, "units", None, "kind", str(UnitKind.SOCIALJOUR)),)))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"ok": self.ok, "preschools_without_district": self.preschools_without_district,
                "districts_without_socionom": self.districts_without_socionom,
                "units_without_hours": self.units_without_hours, "has_socialjour": self.has_socialjour,
                "findings": [f.to_dict() for f in self.findings]}


def validation_report(directory: Directory) -> ValidationReport:
    """Preschools without district, districts without an active socionom, units without hours, socialjour."""
    without_district = sorted(p.id for p in directory.preschools if p.active and p.district_id is None)
    missing_socionom = sorted(
        d.id for d in directory.districts if d.active and not any(
            directory.contacts_of(u.id) for u in directory.units_of(UnitKind.SOCIONOM, d.id)))
    no_hours = sorted(u.id for u in directory.units if u.active and not directory.has_hours(u.id))
    socialjour = any(u.active and u.kind == UnitKind.SOCIALJOUR for u in directory.units)
    return ValidationReport(without_district, missing_socionom, no_hours, socialjour)
