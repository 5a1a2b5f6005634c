"""routing: districts, preschools, units, contacts, hours, on-call, rules, change history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "routing_district",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_routing_district"),
    )
    op.create_table(
        "routing_preschool",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("operator", sa.String(16), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("postcode", sa.String(16), nullable=False),
        sa.Column("skolverket_id", sa.String(32), nullable=True),
        sa.Column("district_id", sa.String(64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["district_id"], ["routing_district.id"],
                                name="fk_routing_preschool_district_id_routing_district"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_preschool"),
    )
    op.create_index("ix_routing_preschool_district_id", "routing_preschool", ["district_id"])
    op.create_table(
        "routing_unit",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("district_id", sa.String(64), nullable=True),
        sa.Column("phone", sa.String(64), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("teams_channel_id", sa.String(256), nullable=True),
        sa.Column("address", sa.String(300), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["district_id"], ["routing_district.id"],
                                name="fk_routing_unit_district_id_routing_district"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_unit"),
    )
    op.create_index("ix_routing_unit_district_id", "routing_unit", ["district_id"])
    op.create_table(
        "routing_contact",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("teams_user_id", sa.String(64), nullable=True),
        sa.Column("teams_channel_id", sa.String(256), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("phone", sa.String(64), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["routing_unit.id"], name="fk_routing_contact_unit_id_routing_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_contact"),
    )
    op.create_index("ix_routing_contact_unit_id", "routing_contact", ["unit_id"])
    op.create_table(
        "routing_opening_hours",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["routing_unit.id"],
                                name="fk_routing_opening_hours_unit_id_routing_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_opening_hours"),
    )
    op.create_index("ix_routing_opening_hours_unit_id", "routing_opening_hours", ["unit_id"])
    op.create_table(
        "routing_hours_exception",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=True),
        sa.Column("closes", sa.Time(), nullable=True),
        sa.Column("note", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["routing_unit.id"],
                                name="fk_routing_hours_exception_unit_id_routing_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_hours_exception"),
    )
    op.create_index("ix_routing_hours_exception_unit_id", "routing_hours_exception", ["unit_id"])
    op.create_table(
        "routing_on_call",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("contact_id", sa.String(64), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("starts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["routing_contact.id"],
                                name="fk_routing_on_call_contact_id_routing_contact"),
        sa.ForeignKeyConstraint(["unit_id"], ["routing_unit.id"], name="fk_routing_on_call_unit_id_routing_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_routing_on_call"),
    )
    op.create_index("ix_routing_on_call_unit_id", "routing_on_call", ["unit_id"])
    op.create_table(
        "routing_rule",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("concern", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("unit_kinds", sa.String(300), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_routing_rule"),
    )
    op.create_table(
        "routing_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_routing_change"),
    )
    op.create_index("ix_routing_change_record", "routing_change", ["table_name", "record_id"])


def downgrade() -> None:
    op.drop_index("ix_routing_change_record", table_name="routing_change")
    op.drop_table("routing_change")
    op.drop_table("routing_rule")
    op.drop_index("ix_routing_on_call_unit_id", table_name="routing_on_call")
    op.drop_table("routing_on_call")
    op.drop_index("ix_routing_hours_exception_unit_id", table_name="routing_hours_exception")
    op.drop_table("routing_hours_exception")
    op.drop_index("ix_routing_opening_hours_unit_id", table_name="routing_opening_hours")
    op.drop_table("routing_opening_hours")
    op.drop_index("ix_routing_contact_unit_id", table_name="routing_contact")
    op.drop_table("routing_contact")
    op.drop_index("ix_routing_unit_district_id", table_name="routing_unit")
    op.drop_table("routing_unit")
    op.drop_index("ix_routing_preschool_district_id", table_name="routing_preschool")
    op.drop_table("routing_preschool")
    op.drop_table("routing_district")
