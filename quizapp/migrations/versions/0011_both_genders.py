"""a saved word's gender may be both ("de/het" pakket), which needs six characters

Revision ID: 0011_both_genders
Revises: 0010_interface_language
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_both_genders"
down_revision = "0010_interface_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vocab_items") as batch_op:
        batch_op.alter_column(
            "gender", existing_type=sa.String(length=3), type_=sa.String(length=6)
        )


def downgrade() -> None:
    # A "de/het" word keeps its first gender: three characters hold "de" or "het".
    op.execute("UPDATE vocab_items SET gender = 'de' WHERE gender = 'de/het'")
    with op.batch_alter_table("vocab_items") as batch_op:
        batch_op.alter_column(
            "gender", existing_type=sa.String(length=6), type_=sa.String(length=3)
        )
