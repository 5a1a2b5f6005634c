"""Limits on what one message may carry, so no single message can stall the bot."""

from __future__ import annotations

# One message of free text is at most this many characters. A description of a worry is rarely more than
# a few hundred; 4,000 leaves room for a long account while keeping scrubbing and assessment of one message
# to a few milliseconds. Longer messages get a kind request to shorten them (text key "message.too_long").
MAX_MESSAGE_CHARS = 4000


def is_too_long(text: str | None) -> bool:
    """Whether *text* exceeds the free-text limit of one message."""
    return text is not None and len(text) > MAX_MESSAGE_CHARS
