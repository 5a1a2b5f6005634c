"""Structured (JSON-lines) logging that never carries message text."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime

# Fields a log record may carry as `extra=`; anything else is dropped so free text cannot slip in.
ALLOWED_EXTRA = frozenset({
    "event", "activity_type", "channel_id", "conversation_kind", "dialog", "step", "status", "code",
    "district", "outcome", "handoff_id", "duration_ms", "count", "path", "method", "error_type", "kinds",
    "consultation_id", "state", "actor", "table", "record_id", "role", "traceback", "messages", "handoffs",
    "notes",
})


def error_fields(error: BaseException) -> dict[str, object]:
    """Log fields for *error* without its message (messages may quote what a user wrote): type and frames."""
    return {
        "error_type": type(error).__name__,
        "traceback": [f"{frame.filename}:{frame.lineno} in {frame.name}"
                      for frame in traceback.extract_tb(error.__traceback__)],
    }


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and whitelisted extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ALLOWED_EXTRA:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[1] is not None:
            # The exception type and traceback lines only: exception messages may quote user input.
            entry.update(error_fields(record.exc_info[1]))
        return json.dumps(entry, ensure_ascii=False, default=str)


# Libraries that log SQL parameters or HTTP bodies (i.e. message text) at DEBUG: never below WARNING.
QUIET_LIBRARIES = ("aiosqlite", "sqlalchemy", "asyncpg", "msrest", "urllib3", "botframework", "msal",
                   "aiohttp.client")


def configure_logging(level: str = "INFO") -> None:
    """Send JSON log lines to stderr at *level*; idempotent. Chatty libraries stay at WARNING."""
    root = logging.getLogger()
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in list(root.handlers):
        if getattr(handler, "_samrad", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._samrad = True  # type: ignore[attr-defined]
    root.addHandler(handler)
