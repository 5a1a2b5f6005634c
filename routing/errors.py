"""Domain errors of the routing package; the edge turns them into friendly text or HTTP errors."""

from __future__ import annotations

from dataclasses import dataclass


class RoutingError(Exception):
    """Base class for routing errors."""


class UnknownPreschoolError(RoutingError, LookupError):
    """No active preschool has the given id."""


class UnknownDistrictError(RoutingError, LookupError):
    """No district has the given id or name."""


class UnknownRecordError(RoutingError, LookupError):
    """A table has no record with the given id."""


class UnknownTableError(RoutingError, ValueError):
    """A table name (or CSV file name) is not one of the routing tables."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; `location` is "file:line" for imports, empty for direct edits."""

    field: str
    message: str
    location: str = ""

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.field}: {self.message}"


class RoutingValidationError(RoutingError, ValueError):
    """Input failed validation; `errors` lists every problem found (not just the first)."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:20])
        more = f" (+{len(self.errors) - 20} more)" if len(self.errors) > 20 else ""
        super().__init__(f"{len(self.errors)} error(s): {shown}{more}")
