"""handoff: durable outbox, the socionom's language and focus, idle timer, admin reference

Revision ID: 0007_handoff_outbox
Revises: 0005
Create Date: 2026-11-29
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0007_handoff_outbox"
down_revision = "0005"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("handoff") as batch:
        batch.add_column(sa.Column("claimer_lang", sa.String(2), nullable=True))
        batch.add_column(_when("focus_at"))
        batch.add_column(_when("last_message_at"))
        batch.add_column(sa.Column("admin_ref", sa.String(32), nullable=True))
    handoff = sa.table("handoff", sa.column("id", sa.String), sa.column("admin_ref", sa.String))
    connection = op.get_bind()
    for (handoff_id,) in connection.execute(sa.select(handoff.c.id)).all():
        # Same derivation as bot.handoff.store.admin_ref.
        ref = hashlib.sha256(f"samrad-admin:{handoff_id}".encode()).hexdigest()[:20]
        connection.execute(sa.update(handoff).where(handoff.c.id == handoff_id).values(admin_ref=ref))
    op.create_index("ix_handoff_admin_ref", "handoff", ["admin_ref"], unique=True)
    op.create_table(
        "handoff_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.String(32), nullable=False),
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        _when("created_at", nullable=False),
        _when("due_at", nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("sent_at"),
        _when("failed_at"),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        _when("lease_until"),
        sa.Column("error_type", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_handoff_outbox"),
        sa.UniqueConstraint("handoff_id", "key", name="uq_handoff_outbox_handoff_key"),
    )
    op.create_index("ix_handoff_outbox_pending", "handoff_outbox", ["sent_at", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_handoff_outbox_pending", table_name="handoff_outbox")
    op.drop_table("handoff_outbox")
    op.drop_index("ix_handoff_admin_ref", table_name="handoff")
    with op.batch_alter_table("handoff") as batch:
        for name in ("admin_ref", "last_message_at", "focus_at", "claimer_lang"):
            batch.drop_column(name)
