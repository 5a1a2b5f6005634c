"""JSON log lines carry whitelisted fields only, and never an exception's message."""

import json
import logging

from bot.logs import JsonFormatter


def _fail() -> None:
    raise ValueError("Pappan heter Ali Hassan, 070-123 45 67")


def test_extras_outside_the_whitelist_and_exception_messages_are_dropped():
    try:
        _fail()
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "turn failed", (), exc_info=True)
        import sys

        record.exc_info = sys.exc_info()
    record.text = "Barnet heter Lisa"
    record.event = "turn_failed"
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["event"] == "turn_failed"
    assert entry["error_type"] == "ValueError"
    assert entry["traceback"]
    assert "text" not in entry
    assert "Ali Hassan" not in line
    assert "070-123" not in line
    assert "Lisa" not in line


def test_libraries_that_log_parameters_or_bodies_are_kept_quiet_even_at_debug():
    from bot.logs import QUIET_LIBRARIES, configure_logging

    configure_logging("DEBUG")
    try:
        assert logging.getLogger().level == logging.DEBUG
        for name in QUIET_LIBRARIES:
            assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        assert not logging.getLogger("msrest.http_logger").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("sqlalchemy.engine.Engine").isEnabledFor(logging.INFO)
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_samrad", False)]:
            root.removeHandler(handler)
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.NOTSET)
