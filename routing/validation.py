"""The validation report: gaps in the routing tables an administrator should fix before the routing is trusted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from routing.model import Directory, UnitKind


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


def validation_report(directory: Directory) -> ValidationReport:
    """Preschools without district, districts without an active socionom, units without hours, socialjour."""
    without_district = sorted(p.id for p in directory.preschools if p.active and p.district_id is None)
    missing_socionom = sorted(
        d.id for d in directory.districts if d.active and not any(
            directory.contacts_of(u.id) for u in directory.units_of(UnitKind.SOCIONOM, d.id)))
    no_hours = sorted(u.id for u in directory.units if u.active and not directory.has_hours(u.id))
    socialjour = any(u.active and u.kind == UnitKind.SOCIALJOUR for u in directory.units)
    return ValidationReport(without_district, missing_socionom, no_hours, socialjour)
