"""routing: a preschool's area (stadsdel, the part of town staff name), for matching and for admins to edit

Revision ID: 0007_routing_area
Revises: 0002
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_routing_area"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("routing_preschool") as batch:
        batch.add_column(sa.Column("area", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("routing_preschool") as batch:
        batch.drop_column("area")
