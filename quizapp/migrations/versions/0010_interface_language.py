"""the interface's language per user (null: the browser's)

Revision ID: 0010_interface_language
Revises: 0009_languages
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_interface_language"
down_revision = "0009_languages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("interface_language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("interface_language")
