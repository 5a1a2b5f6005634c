"""The codes of the route decision and their readers: why a route is as it is (`Reason`) and how it was reached
(`Step`), each a stable code with structured detail, plus the tolerant readers of stored parts that
`routing.route` shares. The wording lives at the edges: `dialogs/text` (staff) and `admin/text` (administrators).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from routing.model import STOCKHOLM

_Code = TypeVar("_Code", bound=StrEnum)
_Read = TypeVar("_Read")


def read_code(codes: type[_Code], value: object) -> _Code | None:
    """*value* as one of *codes*, or None when this version does not know it."""
    if not isinstance(value, str):
        return None
    try:
        return codes(value)
    except ValueError:
        return None


def read_mapping(value: object) -> Mapping[str, Any]:
    """*value* if it is a mapping (a stored object), else an empty one."""
    return value if isinstance(value, Mapping) else {}


def read_each(values: object, read: Callable[[Mapping[str, Any]], _Read | None]) -> tuple[_Read, ...]:
    """*read* over the stored objects in the list *values*, leaving out what is not an object or cannot be read."""
    if not isinstance(values, list | tuple):
        return ()
    return tuple(found for value in values if isinstance(value, Mapping) and (found := read(value)) is not None)


class ReasonCode(StrEnum):
    """Why the decision holds an entry (or lacks one)."""

    DISTRICT_FROM_PRESCHOOL = "district_from_preschool"
    DISTRICT_GIVEN = "district_given"
    DISTRICT_DIFFERS = "district_differs"
    UNKNOWN_DISTRICT = "unknown_district"
    NO_PRESCHOOL = "no_preschool"
    RULE = "rule"
    DEFAULT_RULE = "default_rule"
    SOCIONOM_FIRST = "socionom_first"
    FIRST_CHOICE = "first_choice"
    BACKUP = "backup"
    CITY_WIDE = "city_wide"
    ON_CALL = "on_call"
    AVAILABLE_NOW = "available_now"
    UNIT_CLOSED = "unit_closed"
    NO_SOCIONOM = "no_socionom"
    NO_CONTACTS = "no_contacts"
    EARLY_SUPPORT = "early_support"
    RECOMMENDED_FOR_FAMILY = "recommended_for_family"
    REPORT_TO_MOTTAGNING = "report_to_mottagning"
    REPORT_ESERVICE = "report_eservice"
    REPORT_WHERE_CHILD_LIVES = "report_where_child_lives"
    REPORT_DISTRICT_UNKNOWN = "report_district_unknown"
    OFFICE_OPEN = "office_open"
    OFFICE_CLOSED = "office_closed"
    HOLIDAY = "holiday"
    SHORT_DAY = "short_day"
    NEXT_OPENING = "next_opening"
    NO_NEXT_OPENING = "no_next_opening"
    SOCIALJOUR = "socialjour"
    NO_SOCIALJOUR = "no_socialjour"
    ACUTE_CALL_112 = "acute_call_112"
    ACUTE_NOW = "acute_now"


@dataclass(frozen=True)
class Reason:
    """A stable code and its detail: a name, a holiday, an ISO time or a rule's "concern/outcome"."""

    code: ReasonCode
    detail: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """`{"code", "detail"}`."""
        return {"code": str(self.code), "detail": self.detail}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """The reason `to_dict` wrote (a stored "text" of older versions is ignored)."""
        return cls(ReasonCode(data["code"]), data.get("detail"))

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> Reason | None:
        """The stored reason, or None when its code is one this version does not know."""
        code = read_code(ReasonCode, data.get("code"))
        return None if code is None else cls(code, data.get("detail"))


class StepCode(StrEnum):
    """One step of the trace that shows how the decision was reached."""

    TIME = "time"
    NO_PRESCHOOL = "no_preschool"
    PRESCHOOL = "preschool"
    DISTRICT_GIVEN = "district_given"
    DISTRICT_FROM_PRESCHOOL = "district_from_preschool"
    DISTRICT_UNKNOWN = "district_unknown"
    RULE = "rule"
    DEFAULT_RULE = "default_rule"
    UNITS = "units"
    NO_SOCIONOM = "no_socionom"
    CONTACTS = "contacts"
    EARLY_SUPPORT = "early_support"
    REPORT = "report"
    OFFICE = "office"


StepValue = str | int | bool | list[str] | None


@dataclass(frozen=True)
class Step:
    """A step of the trace with the values it names (ids, names, counts, ISO times)."""

    code: StepCode
    values: Mapping[str, StepValue] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """`{"code", "values"}`."""
        return {"code": str(self.code), "values": dict(self.values)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        """The step `to_dict` wrote."""
        return cls(StepCode(data["code"]), dict(data.get("values") or {}))

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> Step | None:
        """The stored step, or None when its code is one this version does not know."""
        code = read_code(StepCode, data.get("code"))
        return None if code is None else cls(code, dict(read_mapping(data.get("values"))))


def iso(at: datetime | None) -> str | None:
    """*at* as an ISO time in Europe/Stockholm, or None."""
    return None if at is None else at.astimezone(STOCKHOLM).isoformat()


def read_time(value: object) -> datetime | None:
    """A stored ISO time; None when missing or malformed."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


