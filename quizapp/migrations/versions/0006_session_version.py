"""a session version per user, so logging out ends the session everywhere

Revision ID: 0006_session_version
Revises: 0005_merge
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_session_version"
down_revision = "0005_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("session_version")
