"""`samrad db upgrade` (the one Alembic head) creates exactly the tables every package declares, on both databases."""

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


def test_history_has_one_head():
    """New migrations go on one line after the merge 0008: a second head (a branch per package) fails here."""
    from alembic.script import ScriptDirectory

    from bot.database import alembic_config

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert script.get_revision(script.get_current_head()).revision >= "0008"


async def test_a_database_on_the_old_branches_upgrades_through_the_merge(tmp_path):
    import asyncio

    from sqlalchemy import text

    from bot.database import create_engine, upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    old_heads = ["0007_admin_throttle", "0007_consult_note_understanding", "0007_handoff_outbox",
                 "0007_routing_area"]
    for head in old_heads:
        await asyncio.to_thread(upgrade, url, None, head)
    await asyncio.to_thread(upgrade, url)
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            versions = [row[0] for row in await connection.execute(text("select version_num from alembic_version"))]
    finally:
        await engine.dispose()
    from alembic.script import ScriptDirectory

    from bot.database import alembic_config

    assert versions == [ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()]
