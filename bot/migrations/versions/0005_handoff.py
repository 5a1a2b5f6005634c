"""handoff to a human: requests, events, relay messages, sent cards

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "handoff",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("district_id", sa.String(64), nullable=True),
        sa.Column("unit_id", sa.String(64), nullable=True),
        sa.Column("consultation_id", sa.String(32), nullable=True),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("share_name", sa.Boolean(), nullable=False),
        sa.Column("staff_id", sa.String(256), nullable=True),
        sa.Column("staff_name", sa.String(256), nullable=True),
        sa.Column("staff_conversation_id", sa.String(512), nullable=True),
        sa.Column("staff_reference", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(256), nullable=True),
        sa.Column("claimer_name", sa.String(256), nullable=True),
        sa.Column("claimer_role", sa.String(128), nullable=True),
        sa.Column("claimer_conversation_id", sa.String(512), nullable=True),
        sa.Column("claimer_reference", sa.Text(), nullable=True),
        _when("requested_at", nullable=False),
        _when("offered_at"),
        _when("escalated_at"),
        _when("claimed_at"),
        _when("active_at"),
        _when("closed_at"),
        _when("withdrawn_at"),
        _when("expired_at"),
        sa.Column("closed_by", sa.String(16), nullable=True),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("message_count", sa.Integer(), nullable=False),
        sa.Column("next_action", sa.String(32), nullable=True),
        _when("next_action_at"),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        _when("lease_until"),
        _when("purged_at"),
        sa.PrimaryKeyConstraint("id", name="pk_handoff"),
    )
    op.create_index("ix_handoff_state", "handoff", ["state"])
    op.create_index("ix_handoff_next_action_at", "handoff", ["next_action_at"])
    op.create_index("ix_handoff_staff_conversation", "handoff", ["staff_conversation_id"])
    op.create_index("ix_handoff_claimed_by", "handoff", ["claimed_by"])
    op.create_index("ix_handoff_requested_at_district", "handoff", ["requested_at", "district_id"])
    op.create_table(
        "handoff_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.String(32), nullable=False),
        _when("at", nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("from_state", sa.String(16), nullable=True),
        sa.Column("to_state", sa.String(16), nullable=True),
        sa.Column("actor", sa.String(16), nullable=False),
        sa.Column("detail", sa.String(256), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_handoff_event"),
    )
    op.create_index("ix_handoff_event_handoff", "handoff_event", ["handoff_id", "id"])
    op.create_table(
        "handoff_message",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.String(32), nullable=False),
        _when("at", nullable=False),
        sa.Column("sender", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kinds", sa.String(256), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_handoff_message"),
    )
    op.create_index("ix_handoff_message_handoff", "handoff_message", ["handoff_id", "id"])
    op.create_table(
        "handoff_notice",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(256), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(512), nullable=False),
        sa.Column("activity_id", sa.String(256), nullable=True),
        sa.Column("lang", sa.String(2), nullable=False),
        _when("sent_at", nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_handoff_notice"),
    )
    op.create_index("ix_handoff_notice_handoff", "handoff_notice", ["handoff_id"])


def downgrade() -> None:
    op.drop_index("ix_handoff_notice_handoff", table_name="handoff_notice")
    op.drop_table("handoff_notice")
    op.drop_index("ix_handoff_message_handoff", table_name="handoff_message")
    op.drop_table("handoff_message")
    op.drop_index("ix_handoff_event_handoff", table_name="handoff_event")
    op.drop_table("handoff_event")
    for name in ("ix_handoff_requested_at_district", "ix_handoff_claimed_by", "ix_handoff_staff_conversation",
                 "ix_handoff_next_action_at", "ix_handoff_state"):
        op.drop_index(name, table_name="handoff")
    op.drop_table("handoff")
