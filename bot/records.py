"""Anonymous consultation notes (konsultationsanteckningar): stored scrubbed, purged on schedule."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation_tables import Base, ConsultationRow
from bot.scrubbing import Scrub
from knowledge.age import AgeBand
from knowledge.assessment import REASON_CODES, Outcome
from knowledge.understanding import SIGNAL_CODES

_consultation = Base.metadata.tables[ConsultationRow.__tablename__]
AGE_BANDS = frozenset(AgeBand)
OUTCOMES = frozenset(Outcome)


class NoteError(ValueError):
    """A consultation note is missing something or carries a value that may not be stored."""


def _clean(note: Mapping[str, Any], today: date, summary: str | None) -> dict[str, Any]:
    """The columns of *note*, with *summary* (already scrubbed) in place of the note's own."""
    outcome = note.get("outcome")
    if outcome not in OUTCOMES:
        raise NoteError(f"outcome must be one of {sorted(OUTCOMES)}, got {outcome!r}")
    age_band = note.get("age_band")
    if age_band is not None and age_band not in AGE_BANDS:
        raise NoteError(f"age_band must be one of {sorted(AGE_BANDS)} or missing, got {age_band!r}")
    categories = note.get("categories") or []
    if not isinstance(categories, list | tuple) or not all(isinstance(c, str) for c in categories):
        raise NoteError("categories must be a list of category codes")
    # Codes only: anything else could carry words from the text, so it is refused rather than stored.
    signals = _codes(note, "signals", SIGNAL_CODES)
    reasons = _codes(note, "reasons", REASON_CODES)
    day = note.get("day")
    return {
        "day": date.fromisoformat(day) if isinstance(day, str) else today,
        "district_id": note.get("district_id"),
        "age_band": age_band,
        "categories": json.dumps(sorted(set(categories))),
        "signals": json.dumps(signals),
        "reasons": json.dumps(reasons),
        "duration": note.get("duration"),
        "acute": bool(note.get("acute")),
        "outcome": outcome,
        "handoff_requested": bool(note.get("handoff_requested")),
        "lang": "en" if note.get("lang") == "en" else "sv",
        "summary": summary,
    }


def _codes(note: Mapping[str, Any], key: str, known: tuple[str, ...]) -> list[str]:
    """The note's list of *key* codes in their canonical order; NoteError for anything not a known code."""
    values = note.get(key) or []
    if not isinstance(values, list | tuple) or any(value not in known for value in values):
        raise NoteError(f"{key} must be a list of codes from {list(known)}")
    return [code for code in known if code in values]


class ConsultationRecords:
    """Stores and reads anonymous consultation notes; implements the dialogs' ConsultationRecorder."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime] = lambda: datetime.now(UTC), *,
                 scrub: Scrub) -> None:
        self._engine = engine
        self._clock = clock
        self._scrub = scrub  # the dialogs' scrubber: it also masks the preschool names of the routing tables

    async def _summary(self, note: Mapping[str, Any]) -> str | None:
        """The note's summary scrubbed again, so that nothing identifying a caller forgot reaches the database."""
        summary = note.get("summary")
        # Never cut: a disclosure at the end of a long description is the part that matters most.
        return None if summary is None else (await self._scrub(str(summary))).text

    async def record(self, note: Mapping[str, Any]) -> str:
        """Store *note* (scrubbing its summary again) and return its random id."""
        now = self._clock()
        values = _clean(note, now.date(), await self._summary(note))
        note_id = uuid.uuid4().hex
        async with self._engine.begin() as connection:
            await connection.execute(insert(_consultation).values(id=note_id, created_at=now, **values))
        return note_id

    async def update(self, note_id: str, note: Mapping[str, Any]) -> None:
        """Bring a stored note up to date with later answers of the same consultation (scrubbed again)."""
        values = _clean(note, self._clock().date(), await self._summary(note))
        if not values["handoff_requested"]:
            del values["handoff_requested"]  # a handoff already marked stays marked
        async with self._engine.begin() as connection:
            await connection.execute(update(_consultation).where(_consultation.c.id == note_id).values(**values))

    async def mark_handoff(self, note_id: str) -> None:
        """Record that this consultation asked for a person."""
        async with self._engine.begin() as connection:
            await connection.execute(update(_consultation).where(_consultation.c.id == note_id)
                                     .values(handoff_requested=True))

    async def get(self, note_id: str) -> dict[str, Any] | None:
        """One note as a plain dict, or None."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(select(_consultation).where(_consultation.c.id == note_id))
                   ).mappings().first()
        if row is None:
            return None
        found = dict(row)
        found["categories"] = json.loads(found["categories"])
        found["signals"] = json.loads(found["signals"] or "[]")
        found["reasons"] = json.loads(found["reasons"] or "[]")
        found["day"] = found["day"].isoformat()
        return found

    async def purge(self, older_than_days: int) -> int:
        """Blank the summaries of notes older than *older_than_days*; counts stay for statistics."""
        cutoff = self._clock() - timedelta(days=older_than_days)
        async with self._engine.begin() as connection:
            result = await connection.execute(
                update(_consultation).where(_consultation.c.created_at < cutoff, _consultation.c.summary.is_not(None))
                .values(summary=None, purged_at=self._clock())
            )
        return result.rowcount
