"""`RoutingService`: the routing façade dialogs and the edge use (cached snapshot, match, decide)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from routing.decision import ESERVICE_URL, decide_route
from routing.errors import UnknownDistrictError, UnknownPreschoolError
from routing.match import MatchResult, match_district, match_preschool
from routing.model import STOCKHOLM, Directory
from routing.route import RouteDecision
from routing.storage import RoutingStore

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine


def _now() -> datetime:
    return datetime.now(STOCKHOLM)


class RoutingService:
    """Matches preschools and decides routes over a snapshot loaded once and kept until `reload()`."""

    def __init__(self, engine: AsyncEngine, *, eservice_url: str = ESERVICE_URL,
                 clock: Callable[[], datetime] = _now) -> None:
        self.store = RoutingStore(engine)
        self._eservice_url = eservice_url
        self._clock = clock
        self._directory: Directory | None = None
        self._lock = asyncio.Lock()

    async def _snapshot(self) -> Directory:
        """The cached snapshot, loaded from the database on first use or after `reload()` (no index built)."""
        if self._directory is None:
            async with self._lock:
                if self._directory is None:
                    self._directory = await self.store.load_directory()
        return self._directory

    async def directory(self) -> Directory:
        """The cached snapshot with its matching index built (warm-up calls this before the first user)."""
        directory = await self._snapshot()
        _ = directory.index
        return directory

    def reload(self) -> None:
        """Forget the snapshot; the next call loads the tables again (call after admin changes)."""
        self._directory = None

    async def match(self, text: str, *, limit: int = 5) -> MatchResult:
        """Preschools matching *text*, best first (see `match_preschool`)."""
        directory = await self.directory()
        return match_preschool(text, directory.index, limit=limit)

    async def decide(self, preschool_id: str | None = None, district_id: str | None = None,
                     concern: str | None = None, outcome: str | None = None,
                     at: datetime | None = None) -> RouteDecision:
        """The route for a preschool and/or district; `district_id` may also be a district name or old name.

        Raises UnknownPreschoolError or UnknownDistrictError for ids that do not exist.
        """
        # Deciding needs no matching index: the acute card's lookup must not wait for one to be built.
        directory = await self._snapshot()
        preschool = None
        if preschool_id is not None:
            preschool = directory.preschool(preschool_id)
            if preschool is None:
                raise UnknownPreschoolError(preschool_id)
        district = None
        if district_id is not None:
            district = directory.district(district_id) or match_district(district_id, directory)
            if district is None:
                raise UnknownDistrictError(district_id)
        return decide_route(preschool, concern, at if at is not None else self._clock(), directory,
                            district=district, outcome=outcome, eservice_url=self._eservice_url)
