"""Every table Samråd owns, for Alembic and for schema checks."""

from __future__ import annotations

from sqlalchemy import MetaData


def all_metadata() -> list[MetaData]:
    """The metadata of every package that owns tables (imported lazily so importing this is cheap)."""
    from bot import tables as bot_tables

    found = [bot_tables.Base.metadata]
    # Each feature package adds its metadata here as it gains tables.
    from admin import tables as admin_tables

    found.append(admin_tables.AdminBase.metadata)
    from bot.handoff import tables as handoff_tables

    found.append(handoff_tables.HandoffBase.metadata)
    from routing import storage_rows as routing_rows

    found.append(routing_rows.RoutingBase.metadata)
    return found
