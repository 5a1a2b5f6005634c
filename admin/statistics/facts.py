"""What statistics may know of one consultation and one handoff, and where those facts come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True)
class ConsultationFact:
    """What statistics may know of one consultation: no summary, no ids."""

    day: date
    district_id: str | None
    outcome: str
    acute: bool
    handoff_requested: bool
    age_band: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoffFact:
    """What statistics may know of one handoff: times, outcome and rating."""

    requested_at: datetime
    district_id: str | None
    claimed_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    rating: int | None = None


class StatisticsSource(Protocol):
    """Where the facts come from (the SQL tables in production, lists in tests)."""

    async def consultations(self, since: date | None, until: date | None,
                            district_id: str | None) -> list[ConsultationFact]: ...

    async def handoffs(self, since: date | None, until: date | None,
                       district_id: str | None) -> list[HandoffFact]: ...
