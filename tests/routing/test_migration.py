"""Migration 0002 creates exactly what routing/storage_rows.py declares, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from routing.storage_rows import RoutingBase

ROUTING_TABLES = set(RoutingBase.metadata.tables)


def _diff(connection):
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    diffs = compare_metadata(context, RoutingBase.metadata)

    def table_of(diff):
        item = diff[0] if isinstance(diff, list) else diff
        for part in item[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if table is not None:
                return table.name
            if name in ROUTING_TABLES:
                return name
            if isinstance(part, str) and part in ROUTING_TABLES:
                return part
        return None

    # Other packages' tables are in the database too; only routing's must match.
    return [d for d in diffs if table_of(d) in ROUTING_TABLES or (table_of(d) is None and "routing" in repr(d))]


async def test_migration_matches_the_routing_metadata(db):
    async with db.engine.connect() as connection:
        tables = set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
        assert tables >= ROUTING_TABLES
        assert await connection.run_sync(_diff) == []
