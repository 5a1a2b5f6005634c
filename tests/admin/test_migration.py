"""Migrations 0003 + 0006 create exactly what admin/account_tables.py declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from admin.account_tables import AdminBase

ADMIN_TABLES = set(AdminBase.metadata.tables)


def _diff(connection):  # type: ignore[no-untyped-def]
    context = MigrationContext.configure(connection, opts={"compare_type": True})

    def table_of(diff):  # type: ignore[no-untyped-def]
        item = diff[0] if isinstance(diff, list) else diff
        for part in item[1:]:
            table = getattr(part, "table", None)
            if table is not None:
                return table.name
            if isinstance(part, str) and part in ADMIN_TABLES:
                return part
            if getattr(part, "name", None) in ADMIN_TABLES:
                return part.name
        return None

    # Other packages' tables are in the database too; only the administration's must match.
    return [d for d in compare_metadata(context, AdminBase.metadata) if table_of(d) in ADMIN_TABLES]


async def test_admin_migrations_match_the_tables(db) -> None:  # type: ignore[no-untyped-def]
    async with db.engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
