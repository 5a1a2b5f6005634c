"""bot state and conversation references

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bot_state",
        sa.Column("key", sa.String(512), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("etag", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_bot_state"),
    )
    op.create_table(
        "conversation_reference",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(256), nullable=False),
        sa.Column("tenant_id", sa.String(64), nullable=True),
        sa.Column("conversation_id", sa.String(512), nullable=False),
        sa.Column("service_url", sa.String(512), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("display_name", sa.String(256), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversation_reference"),
        sa.UniqueConstraint("kind", "target_id", name="uq_conversation_reference_kind_target"),
    )
    op.create_index("ix_conversation_reference_conversation", "conversation_reference", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_conversation_reference_conversation", table_name="conversation_reference")
    op.drop_table("conversation_reference")
    op.drop_table("bot_state")
