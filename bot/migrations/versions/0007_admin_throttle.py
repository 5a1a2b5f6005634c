"""administration: the sign-in throttle, shared by every process in the database

Revision ID: 0007_admin_throttle
Revises: 0006
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_admin_throttle"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_throttle",
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_started", sa.Float(), nullable=False),
        sa.Column("blocked_until", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name="pk_admin_throttle"),
    )
    op.create_index("ix_admin_throttle_window_started", "admin_throttle", ["window_started"])


def downgrade() -> None:
    op.drop_index("ix_admin_throttle_window_started", table_name="admin_throttle")
    op.drop_table("admin_throttle")
