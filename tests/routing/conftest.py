"""Routing fixtures: the demo directory built once, without a database."""

from __future__ import annotations

import pytest

from routing.demo import demo_directory
from routing.model import Directory


@pytest.fixture(scope="session")
def directory() -> Directory:
    """The demo data as an immutable snapshot (shared; it cannot change)."""
    return demo_directory()
