"""A botbuilder `Storage` over the SQL state store: the SDK's state objects as JSON documents with eTags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from copy import copy
from typing import Any

from botbuilder.core import Storage

from bot.state_store import EtagConflictError, StateStore
from bot.teams import state_codec

__all__ = ["EtagConflictError", "SqlStorage"]


def _etag_of(item: Any) -> str | None:
    if isinstance(item, Mapping):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _with_etag(item: Any, etag: str) -> Any:
    if isinstance(item, dict):
        item["e_tag"] = etag
    else:
        item.e_tag = etag
    return item


def _document(change: Any) -> str:
    """*change* without its eTag, as a jsonpickle document (which restores botbuilder's state classes)."""
    if isinstance(change, dict):
        return state_codec.encode({key: value for key, value in change.items() if key != "e_tag"})
    if hasattr(change, "e_tag"):
        item = copy(change)  # shallow: encoding reads, never changes, what the item holds
        del item.e_tag
        return state_codec.encode(item)
    return state_codec.encode(change)


class SqlStorage(Storage):
    """Stores botbuilder state items in SQL; a write with a stale eTag raises `EtagConflictError`."""

    def __init__(self, store: StateStore) -> None:
        self.store = store

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        """The stored items for *keys* (unknown keys are absent), each carrying its current eTag."""
        if keys is None:
            raise Exception("Keys are required when reading")  # noqa: TRY002 — type and message fixed by botbuilder's StorageBaseTests
        stored = await self.store.read(keys)
        return {key: _with_etag(state_codec.decode(document), etag)
                for key, (document, etag) in stored.items()}

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        """Write all *changes* in one transaction; `*` or no eTag overwrites, any other eTag must match."""
        if changes is None:
            raise Exception("Changes are required when writing")  # noqa: TRY002 — type and message fixed by botbuilder's StorageBaseTests
        if not changes:
            return
        for key, change in changes.items():
            if _etag_of(change) == "":
                raise EtagConflictError(f"storage write for {key!r}: eTag is empty")
        await self.store.write({key: (_document(change), _etag_of(change)) for key, change in dict(changes).items()})

    async def delete(self, keys: Iterable[str]) -> None:
        """Remove *keys*; unknown keys are ignored."""
        await self.store.delete(keys or [])
