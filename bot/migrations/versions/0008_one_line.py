"""one line of history: joins the per-package branches (routing, admin, consultation, handoff) into one head

Every later migration revises the one before it, so `alembic heads` shows one revision and `upgrade head`
is the whole schema. Databases created on the old branches upgrade through this merge unchanged.

Revision ID: 0008
Revises: 0007_admin_throttle, 0007_consult_note_understanding, 0007_handoff_outbox, 0007_routing_area
Create Date: 2026-11-29
"""

revision = "0008"
down_revision = ("0007_admin_throttle", "0007_consult_note_understanding", "0007_handoff_outbox",
                 "0007_routing_area")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the merge point only."""


def downgrade() -> None:
    """Nothing to change: the merge point only."""
