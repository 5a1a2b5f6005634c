"""Domain errors of the routing package; the edge turns them into friendly text or HTTP errors."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class RoutingError(Exception):
    """Base class for routing errors."""


class UnknownPreschoolError(RoutingError, LookupError):
    """No active preschool has the given id."""

    def __init__(self, preschool_id: str) -> None:
        self.preschool_id = preschool_id
        super().__init__(f"unknown preschool {preschool_id!r}")


class UnknownDistrictError(RoutingError, LookupError):
    """No district has the given id or name."""

    def __init__(self, district: str) -> None:
        self.district = district
        super().__init__(f"unknown district {district!r}")


class UnknownRecordError(RoutingError, LookupError):
    """A table has no record with the given id."""

    def __init__(self, table: str, record_id: str) -> None:
        self.table, self.record_id = table, record_id
        super().__init__(f"unknown {table} record {record_id!r}")


class UnknownTableError(RoutingError, ValueError):
    """A table name (or CSV file name) is not one of the routing tables."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name, self.known = name, known
        super().__init__(f"unknown routing table {name!r}")


class Problem(StrEnum):
    """What is wrong with a field. The domain names the problem and its detail; the administration words it
    (admin/text: `field_error`), so the same error reads alike in the pages, the API and the CLI."""

    # a value of the wrong kind (detail: value; choices for NOT_CHOICE; low, high for NUMBER_RANGE)
    REQUIRED = "required"
    NOT_TEXT = "not_text"
    NOT_CHOICE = "not_choice"
    NOT_WHOLE_NUMBER = "not_whole_number"
    NUMBER_RANGE = "number_range"
    NOT_BOOLEAN = "not_boolean"
    NOT_TIME = "not_time"
    NOT_DATE = "not_date"
    NOT_DATETIME = "not_datetime"
    # rules beyond the kind of a value
    UNKNOWN_COLUMN = "unknown_column"  # table
    BAD_ID = "bad_id"
    NOT_EMAIL = "not_email"  # value
    PRIORITY_MIN = "priority_min"
    WEEKDAY_RANGE = "weekday_range"
    CLOSES_BEFORE_OPENS = "closes_before_opens"
    REQUIRED_WHEN_OPEN = "required_when_open"
    ENDS_BEFORE_STARTS = "ends_before_starts"
    UNKNOWN_UNIT_KIND = "unknown_unit_kind"  # value, known
    CONTROL_CHARACTERS = "control_characters"
    TOO_LONG = "too_long"  # limit
    DUPLICATE_ID = "duplicate_id"  # id, other (the location of the first)
    # records and the database
    UNKNOWN_REFERENCE = "unknown_reference"  # table, value
    ID_EXISTS = "id_exists"  # table, id
    ID_IMMUTABLE = "id_immutable"
    NO_ACTIVE_FLAG = "no_active_flag"  # table
    # files to import
    TOO_MANY_ROWS = "too_many_rows"  # limit
    NUL_CHARACTERS = "nul_characters"
    UNREADABLE_FILE = "unreadable_file"  # reason (the system's own words)
    JSON_SYNTAX = "json_syntax"  # reason (the json module's own words)
    JSON_TOO_DEEP = "json_too_deep"
    BUNDLE_NOT_OBJECT = "bundle_not_object"
    BUNDLE_FORMAT = "bundle_format"  # expected
    NOT_A_TABLE = "not_a_table"
    NOT_A_LIST = "not_a_list"
    FILE_NAME = "file_name"
    MISSING_COLUMN = "missing_column"
    CSV_FIELD_TOO_LONG = "csv_field_too_long"  # limit
    CSV_UNCLOSED_QUOTE = "csv_unclosed_quote"
    CSV_TEXT_AFTER_QUOTE = "csv_text_after_quote"
    CSV_UNREADABLE = "csv_unreadable"  # reason (the csv module's own words)


Detail = Mapping[str, str | int]


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: its code and detail (the value, a limit, a table); `location` is "file:line"
    for imports, empty for direct edits."""

    field: str
    code: Problem
    location: str = ""
    detail: Detail = dataclasses.field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        """A plain form for logs and exception text; people read `admin.text.field_error`."""
        where = f"{self.location}: " if self.location else ""
        shown = ", ".join(f"{key}={value!r}" for key, value in self.detail.items())
        return f"{where}{self.field}: {self.code}" + (f" ({shown})" if shown else "")


class FieldValueError(ValueError):
    """A value a field cannot hold (raised while parsing one value; the record parser names the field)."""

    def __init__(self, code: Problem, **detail: str | int) -> None:
        self.code = code
        self.detail: Detail = detail
        super().__init__(str(code))


class RoutingValidationError(RoutingError, ValueError):
    """Input failed validation; `errors` lists every problem found (not just the first)."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:20])
        more = f" (+{len(self.errors) - 20} more)" if len(self.errors) > 20 else ""
        super().__init__(f"{len(self.errors)} error(s): {shown}{more}")
