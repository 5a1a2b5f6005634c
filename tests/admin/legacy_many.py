"""hypothesis-jsonschema 0.23 against Hypothesis ≥ 6.16x: its object strategy still calls `many.more()`.

Hypothesis turned `many` into a context manager iterated with `for _ in elements`; hypothesis-jsonschema (used by
schemathesis to generate bodies and parameters) was not updated and fails with "'many' object has no attribute
'more'". `install()` gives hypothesis-jsonschema alone an adapter with the old interface over the new class;
Hypothesis itself is untouched.
"""

from __future__ import annotations

import types
from typing import Any

from hypothesis.internal.conjecture import utils as conjecture_utils


class LegacyMany:
    """The old `more()`/`reject()` interface over the new `many` (one span per element, closed at the end)."""

    def __init__(self, data: Any, **options: Any) -> None:
        self._many = conjecture_utils.many(data, **options)
        self._many.__enter__()
        self._elements = iter(self._many)

    def more(self) -> bool:
        """True while another element should be drawn; closes the collection when done."""
        try:
            next(self._elements)
        except StopIteration:
            self._many.__exit__(None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        """Do not count the current element."""
        self._many.reject(why)


def install() -> None:
    """Point hypothesis-jsonschema's `cu.many` at `LegacyMany` when the installed Hypothesis needs it."""
    from hypothesis_jsonschema import _from_schema

    if hasattr(conjecture_utils.many, "more"):
        return
    shim = types.ModuleType("conjecture_utils_for_hypothesis_jsonschema")
    shim.__dict__.update(vars(conjecture_utils))
    shim.many = LegacyMany  # type: ignore[attr-defined]
    _from_schema.cu = shim  # type: ignore[attr-defined]
