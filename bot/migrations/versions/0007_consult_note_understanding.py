"""consultation notes keep the understanding as codes: signals and reasons (no text)

Revision ID: 0007_consult_note_understanding
Revises: 0004
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_consult_note_understanding"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consultation") as batch:
        batch.add_column(sa.Column("signals", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reasons", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consultation") as batch:
        batch.drop_column("reasons")
        batch.drop_column("signals")
