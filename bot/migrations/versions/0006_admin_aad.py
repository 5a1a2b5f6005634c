"""administration: link an account to its Teams (Entra ID) object id

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("admin_user") as batch:
        batch.add_column(sa.Column("aad_object_id", sa.String(256), nullable=True))
    op.create_index("ix_admin_user_aad_object_id", "admin_user", ["aad_object_id"])


def downgrade() -> None:
    op.drop_index("ix_admin_user_aad_object_id", table_name="admin_user")
    with op.batch_alter_table("admin_user") as batch:
        batch.drop_column("aad_object_id")
