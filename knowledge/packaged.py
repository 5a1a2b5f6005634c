"""Files shipped inside the knowledge package (lexicon, name lists, law, guidance content), read the one way."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's safe loader when PyYAML was built with it: the same documents, parsed in a tenth of the time (the
# lexicon is read at every start of the service and of each worker).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def packaged_yaml(path: str) -> Any:
    """The YAML document at *path* inside the knowledge package (e.g. "data/concepts.yaml"), safely parsed."""
    return yaml.load(resources.files("knowledge").joinpath(path).read_text("utf-8"), Loader=_LOADER)
