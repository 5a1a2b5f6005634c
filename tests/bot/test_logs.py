"""JSON log lines carry whitelisted fields only, and never an exception's message."""

import json
import logging

from bot.logs import JsonFormatter


def test_extras_outside_the_whitelist_and_exception_messages_are_dropped():
    try:
        raise ValueError("Pappan heter Ali Hassan, 070-123 45 67")
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "turn failed", (), exc_info=True)
        import sys

        record.exc_info = sys.exc_info()
    record.text = "Barnet heter Lisa"
    record.event = "turn_failed"
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["event"] == "turn_failed" and entry["error_type"] == "ValueError"
    assert entry["traceback"] and "text" not in entry
    assert "Ali Hassan" not in line and "070-123" not in line and "Lisa" not in line
