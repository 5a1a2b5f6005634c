"""`samrad db upgrade` (all Alembic heads) creates exactly the tables every package declares, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData

from bot.schema import all_metadata


def combined() -> MetaData:
    merged = MetaData()
    for metadata in all_metadata():
        for table in metadata.tables.values():
            table.to_metadata(merged)
    return merged


def differences(connection) -> list:  # type: ignore[no-untyped-def]
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    ignored = {"alembic_version"}
    return [diff for diff in compare_metadata(context, combined())
            if not (isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name in ignored)]


async def test_the_migrated_schema_is_exactly_the_declared_one(db):
    async with db.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


def test_every_package_with_tables_is_registered():
    names = {table for metadata in all_metadata() for table in metadata.tables}
    assert {"bot_state", "conversation_reference", "consultation", "handoff", "handoff_message", "admin_user",
            "routing_preschool", "routing_change"} <= names
