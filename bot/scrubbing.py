"""The place-aware scrubber: masks the names of Stockholm's preschools too, rebuilt after every routing reload."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.logs import error_fields
from knowledge.scrub import Scrubbed, Scrubber, scrub
from routing.model import Directory

log = logging.getLogger(__name__)

Scrub = Callable[[str], Awaitable[Scrubbed]]  # what every part that keeps or forwards text is given


class DirectorySource(Protocol):
    """The routing service: the current snapshot of the routing tables."""

    async def directory(self) -> Directory: ...


class PlaceScrubber:
    """An async `scrub(text)` that knows the preschool names of the current routing snapshot.

    The `Scrubber` (a token index over every preschool name and alias) is built once per snapshot: after
    `RoutingService.reload()` the next call sees a new directory object and builds a new index. If the
    directory cannot be loaded, the default scrubber (no preschool names) still masks everything else.
    """

    def __init__(self, routing: DirectorySource) -> None:
        self._routing = routing
        self._directory: Directory | None = None
        self._scrubber: Scrubber | None = None

    async def __call__(self, text: str) -> Scrubbed:
        """Mask personal data and preschool names in *text*."""
        scrubber = await self.scrubber()
        return scrubber.scrub(text) if scrubber is not None else scrub(text)

    async def scrubber(self) -> Scrubber | None:
        """The scrubber for the current snapshot (None when the directory cannot be loaded)."""
        try:
            directory = await self._routing.directory()
        except Exception as error:  # masking must never wait for or fail on the routing tables
            log.warning("scrubbing without preschool names", extra={"event": "scrub_places_unavailable",
                                                                     **error_fields(error)})
            return self._scrubber
        if directory is not self._directory or self._scrubber is None:
            self._scrubber = Scrubber(place_names(directory))
            self._directory = directory
        return self._scrubber


def place_names(directory: Directory) -> list[str]:
    """Every preschool's name and aliases in *directory*."""
    names: list[str] = []
    for preschool in directory.preschools:
        names.append(preschool.name)
        names.extend(preschool.aliases)
    return names
