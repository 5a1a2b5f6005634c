"""Dialog state as JSON documents, in jsonpickle's format, without jsonpickle's cost on the common shapes.

botbuilder keeps dialog state as plain dicts and lists inside two classes of its own (`DialogState`,
`DialogInstance`); jsonpickle walks every value of it through a general object graph machinery, and botbuilder's
`CachedBotState` did so three times a turn to see whether state changed. Here plain JSON values and those two
classes are written and read directly, in exactly the document jsonpickle writes (`{"py/object": "module.Class",
...attributes}`); anything else (a tuple, a set, another object, a non-string key, a float that is not finite) is
handed to jsonpickle for that value only, so every document either side wrote reads the same on the other.

Reading builds objects only of the two known classes; any other `py/` marker goes to jsonpickle as before.
"""

from __future__ import annotations

import json
import math
from typing import Any

from botbuilder.dialogs import DialogInstance, DialogState
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler

# The classes written and read here; jsonpickle names a class by module and qualified name.
KNOWN: dict[str, type[Any]] = {f"{cls.__module__}.{cls.__qualname__}": cls for cls in (DialogState, DialogInstance)}
_NAME_OF: dict[type[Any], str] = {cls: name for name, cls in KNOWN.items()}
_SCALARS = (str, int, bool, type(None))
MARKER = "py/"


def _pickled(value: Any) -> Any:
    return Pickler(make_refs=False, unpicklable=True).flatten(value, reset=True)


def flatten(value: Any) -> Any:
    """*value* as the JSON-ready structure jsonpickle's `Pickler(make_refs=False).flatten` makes of it."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is float:
        return value if math.isfinite(value) else _pickled(value)
    if kind is list:
        return [flatten(item) for item in value]
    if kind is dict:
        if all(type(key) is str for key in value):
            return {key: flatten(item) for key, item in value.items()}
        return _pickled(value)
    name = _NAME_OF.get(kind)
    if name is not None and kind.__getstate__ is object.__getstate__ and kind.__reduce_ex__ is object.__reduce_ex__:
        return {"py/object": name, **{key: flatten(item) for key, item in vars(value).items()}}
    return _pickled(value)


def encode(value: Any) -> str:
    """*value* as the document jsonpickle's `encode(value, make_refs=False, unpicklable=True)` writes."""
    try:
        return json.dumps(flatten(value))
    except RecursionError:  # a cycle: jsonpickle writes it its own way (repr at the repeat)
        return json.dumps(_pickled(value))


def restore(value: Any) -> Any:
    """A value read from JSON, with the known classes rebuilt; other `py/` markers are restored by jsonpickle."""
    kind = type(value)
    if kind is list:
        return [restore(item) for item in value]
    if kind is not dict:
        return value
    if any(key.startswith(MARKER) for key in value):
        cls = KNOWN.get(value.get("py/object", ""))
        others = [key for key in value if key.startswith(MARKER) and key != "py/object"]
        if cls is None or others:
            return Unpickler().restore(value, reset=True)
        instance = object.__new__(cls)  # as jsonpickle does: no __init__, the attributes follow
        instance.__dict__.update({key: restore(item) for key, item in value.items() if key != "py/object"})
        return instance
    return {key: restore(item) for key, item in value.items()}


def decode(document: str) -> Any:
    """A stored document as the objects it was written from."""
    return restore(json.loads(document))
