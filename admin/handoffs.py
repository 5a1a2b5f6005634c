"""Ärenden: the handoffs' metadata as the administration may show it, limited by role and district.

Only non-text columns are ever selected: never the note, the relay messages, the route or anything that
identifies the staff member (DOMAIN.md §7). The socionom who took a handoff is shown by name. A handoff is
never shown by its id (which the bot's card buttons carry) but by `admin_ref`, a hash no action accepts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Integer, RowMapping, String, Text, column, select, table
from sqlalchemy.ext.asyncio import AsyncEngine

from admin.directory import NotFoundError
from admin.roles import ForbiddenError, Principal

LIST_LIMIT = 200
PAGE_SIZE = 50
_ZONE = ZoneInfo("Europe/Stockholm")
SHORT_ID = 8
STATES = ("requested", "offered", "escalated", "claimed", "active", "closed", "withdrawn", "expired")

# The handoff's tables as the administration reads them (the bot owns and migrates them; a test checks these
# columns against its declaration). Typed, so that times convert the same way on SQLite and PostgreSQL.
_WHEN = DateTime(timezone=True)
_handoff = table(
    "handoff", column("id", String()), column("admin_ref", String()), column("district_id", String()),
    column("state", String()), column("urgency", String()), column("categories", Text()),
    column("requested_at", _WHEN), column("claimed_at", _WHEN), column("closed_at", _WHEN),
    column("withdrawn_at", _WHEN), column("expired_at", _WHEN), column("claimed_by", String()),
    column("claimer_name", String()), column("outcome", String()), column("rating", Integer()),
    column("message_count", Integer()))
_event = table(
    "handoff_event", column("id", Integer()), column("handoff_id", String()), column("at", _WHEN),
    column("kind", String()), column("from_state", String()), column("to_state", String()),
    column("actor", String()), column("detail", String()))
# The columns this module reads; adding one here is a privacy decision (see the module docstring).
_COLUMNS = (_handoff.c.admin_ref.label("ref"), _handoff.c.district_id, _handoff.c.state, _handoff.c.urgency,
            _handoff.c.categories,
            _handoff.c.requested_at, _handoff.c.claimed_at, _handoff.c.closed_at, _handoff.c.withdrawn_at,
            _handoff.c.expired_at, _handoff.c.claimed_by, _handoff.c.claimer_name, _handoff.c.outcome,
            _handoff.c.rating, _handoff.c.message_count)
_EVENT_COLUMNS = (_event.c.at, _event.c.kind, _event.c.from_state, _event.c.to_state, _event.c.actor,
                  _event.c.detail)


@overload
def _aware(value: datetime) -> datetime: ...


@overload
def _aware(value: datetime | None) -> datetime | None: ...


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone=True columns; the handoff store writes UTC.
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _categories(raw: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


@dataclass(frozen=True)
class HandoffEvent:
    """One step of a handoff's timeline: when, what kind, from and to which state, by whom, a code."""

    at: datetime
    kind: str
    from_state: str | None
    to_state: str | None
    actor: str
    detail: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"at": self.at.isoformat(), "kind": self.kind, "from_state": self.from_state,
                "to_state": self.to_state, "actor": self.actor, "detail": self.detail}


@dataclass(frozen=True)
class HandoffSummary:
    """What the administration may know of one handoff: metadata, never words."""

    id: str
    district_id: str | None
    state: str
    urgency: str
    categories: tuple[str, ...]
    requested_at: datetime
    claimed_at: datetime | None
    closed_at: datetime | None
    ended_at: datetime | None  # closed, withdrawn or expired
    claimer_name: str | None
    outcome: str | None
    rating: int | None
    message_count: int
    mine: bool  # taken by the signed-in person

    @property
    def short_id(self) -> str:
        """The first characters of the id, enough to tell handoffs apart on a page."""
        return self.id[:SHORT_ID]

    @property
    def minutes_to_claim(self) -> float | None:
        """Minutes from the request until someone took it, or None when nobody has."""
        if self.claimed_at is None:
            return None
        return round((self.claimed_at - self.requested_at).total_seconds() / 60, 1)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"id": self.id, "short_id": self.short_id, "district_id": self.district_id, "state": self.state,
                "urgency": self.urgency, "categories": list(self.categories),
                "requested_at": self.requested_at.isoformat(), "claimed_at": _iso(self.claimed_at),
                "closed_at": _iso(self.closed_at), "ended_at": _iso(self.ended_at),
                "minutes_to_claim": self.minutes_to_claim, "claimer_name": self.claimer_name,
                "outcome": self.outcome, "rating": self.rating, "message_count": self.message_count,
                "mine": self.mine}


@dataclass(frozen=True)
class HandoffPage:
    """One page of a listing, and whether there is a next one."""

    handoffs: list[HandoffSummary]
    page: int
    has_next: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"handoffs": [h.to_dict() for h in self.handoffs], "page": self.page,
                "next_page": self.page + 1 if self.has_next else None}


@dataclass(frozen=True)
class HandoffDetail:
    """One handoff's metadata and its timeline."""

    handoff: HandoffSummary
    events: list[HandoffEvent]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"handoff": self.handoff.to_dict(), "events": [e.to_dict() for e in self.events]}


def _summary(row: RowMapping, principal: Principal) -> HandoffSummary:
    ended = row["closed_at"] or row["withdrawn_at"] or row["expired_at"]
    return HandoffSummary(
        id=row["ref"] or "", district_id=row["district_id"], state=row["state"], urgency=row["urgency"],
        categories=_categories(row["categories"]), requested_at=_aware(row["requested_at"]),
        claimed_at=_aware(row["claimed_at"]), closed_at=_aware(row["closed_at"]), ended_at=_aware(ended),
        claimer_name=row["claimer_name"], outcome=row["outcome"], rating=row["rating"],
        message_count=row["message_count"] or 0,
        mine=principal.aad_object_id is not None and row["claimed_by"] == principal.aad_object_id)


def visible_district(principal: Principal, asked: str | None) -> str | None:
    """The district a listing is limited to: any (or *asked*) for admins, else the person's own district.

    Raises `ForbiddenError` when a district-bound person asks for another district.
    """
    if principal.is_admin:
        return asked or None
    if asked and asked != principal.district_id:
        raise ForbiddenError("handoffs")
    return principal.district_id


class HandoffReader:
    """Reads handoff metadata for the administration; every query is limited by the caller's role."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def list(self, principal: Principal, *, district: str | None = None, state: str | None = None,
                   mine: bool = False, since: date | None = None, until: date | None = None,
                   limit: int = LIST_LIMIT, offset: int = 0) -> list[HandoffSummary]:
        """The newest handoffs the caller may see, optionally one district, one state, only their own, and
        requested between the days *since* and *until* (inclusive, Stockholm time)."""
        if state and state not in STATES:
            raise ValueError(state)
        query = (select(*_COLUMNS).order_by(_handoff.c.requested_at.desc(), _handoff.c.id)
                 .limit(limit).offset(max(0, offset)))
        where = visible_district(principal, district)
        if where is not None or not principal.is_admin:
            # A district-bound account without a district sees nothing rather than everything.
            query = query.where(_handoff.c.district_id == where)
        if state:
            query = query.where(_handoff.c.state == state)
        if since is not None:
            query = query.where(_handoff.c.requested_at >= datetime.combine(since, time(0), _ZONE).astimezone(UTC))
        if until is not None:
            end = datetime.combine(until + timedelta(days=1), time(0), _ZONE).astimezone(UTC)
            query = query.where(_handoff.c.requested_at < end)
        if mine:
            if principal.aad_object_id is None:
                return []
            query = query.where(_handoff.c.claimed_by == principal.aad_object_id)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [_summary(row, principal) for row in rows]

    async def page(self, principal: Principal, *, page: int = 1, per_page: int = PAGE_SIZE,
                   **filters: Any) -> HandoffPage:
        """Page *page* (from 1) of `list` with *filters*."""
        page = max(1, page)
        found = await self.list(principal, limit=per_page + 1, offset=(page - 1) * per_page, **filters)
        return HandoffPage(found[:per_page], page, len(found) > per_page)

    async def get(self, principal: Principal, ref: str) -> HandoffDetail:
        """One handoff (by its `admin_ref`) and its events; `NotFoundError` when it does not exist or lies outside the
        caller's district."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(*_COLUMNS, _handoff.c.id.label("handoff_id"))
                                            .where(_handoff.c.admin_ref == ref))).mappings().first()
            if row is None or not (principal.is_admin or (row["district_id"] is not None
                                                          and row["district_id"] == principal.district_id)):
                # Another district's handoff is reported as missing: its existence is not the caller's business.
                raise NotFoundError(ref)
            events = (await connection.execute(select(*_EVENT_COLUMNS).where(_event.c.handoff_id == row["handoff_id"])
                                               .order_by(_event.c.id))).mappings().all()
        return HandoffDetail(_summary(row, principal),
                             [HandoffEvent(_aware(e["at"]), e["kind"], e["from_state"], e["to_state"],
                                           e["actor"], e["detail"]) for e in events])
