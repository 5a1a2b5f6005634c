"""Every table Samråd owns, for Alembic and for schema checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import MetaData


def all_metadata() -> list[MetaData]:
    """The metadata of every package that owns tables (imported lazily so importing this is cheap)."""
    from bot import conversation_tables

    found = [conversation_tables.Base.metadata]
    # Each feature package adds its metadata here as it gains tables.
    from admin import account_tables as admin_tables

    found.append(admin_tables.AdminBase.metadata)
    from bot.handoff import handoff_tables

    found.append(handoff_tables.HandoffBase.metadata)
    from routing import storage_rows as routing_rows

    found.append(routing_rows.RoutingBase.metadata)
    return found
