"""classes and class memberships; an index for the teacher dashboard

Revision ID: 0003_classes
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_classes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school_classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("join_code", sa.String(length=12), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_school_classes_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_classes")),
        sa.UniqueConstraint("join_code", name=op.f("uq_school_classes_join_code")),
    )
    with op.batch_alter_table("school_classes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_school_classes_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "class_memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_classes.id"],
            name=op.f("fk_class_memberships_class_id_school_classes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_class_memberships_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_memberships")),
        sa.UniqueConstraint(
            "class_id", "user_id", name=op.f("uq_class_memberships_class_id_user_id")
        ),
    )
    with op.batch_alter_table("class_memberships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_class_memberships_class_id"), ["class_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_class_memberships_user_id"), ["user_id"], unique=False
        )

    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attempts_user_article_finished",
            ["user_id", "article_id", "finished_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_attempts_user_article_finished")
    with op.batch_alter_table("class_memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_memberships_user_id"))
        batch_op.drop_index(batch_op.f("ix_class_memberships_class_id"))
    op.drop_table("class_memberships")
    with op.batch_alter_table("school_classes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_classes_owner_id"))
    op.drop_table("school_classes")
