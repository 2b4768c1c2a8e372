"""the learner's gloss language, and a pack's translations per paragraph

Revision ID: 0009_languages
Revises: 0008_class_admin
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_languages"
down_revision = "0008_class_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("gloss_language", sa.String(length=8), server_default="en", nullable=False)
        )
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(
            sa.Column("translations", sa.JSON(), server_default="{}", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("translations")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("gloss_language")
