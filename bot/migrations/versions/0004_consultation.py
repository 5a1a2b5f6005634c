"""consultation notes (avidentifierade)

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("district_id", sa.String(64), nullable=True),
        sa.Column("age_band", sa.String(8), nullable=True),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("duration", sa.String(16), nullable=True),
        sa.Column("acute", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("handoff_requested", sa.Boolean(), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_consultation"),
    )
    op.create_index("ix_consultation_day_district", "consultation", ["day", "district_id"])


def downgrade() -> None:
    op.drop_index("ix_consultation_day_district", table_name="consultation")
    op.drop_table("consultation")
