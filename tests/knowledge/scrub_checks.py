"""Checks shared by the scrubber's family tests: a secret is gone when no word or digit run of it is left."""

from __future__ import annotations

import re

from knowledge.scrub import scrub


def gone(secret: str, text: str) -> bool:
    """Whether no digit run or word of *secret* is left in *text*."""
    parts = re.findall(r"\w+", secret)
    return not any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) for part in parts)


def assert_masked(text: str, secret: str, kind: str) -> None:
    """*secret* is gone from the scrubbed *text* and *kind* is among the kinds reported."""
    result = scrub(text)
    assert gone(secret, result.text), result.text
    assert kind in result.kinds, (result.text, result.kinds)
