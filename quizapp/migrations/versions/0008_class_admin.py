"""assignments, regrades, archived classes, passwords a learner must change

Revision ID: 0008_class_admin
Revises: 0007_web_packs
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_class_admin"
down_revision = "0007_web_packs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    with op.batch_alter_table("school_classes") as batch_op:
        batch_op.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.Integer(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_assignments_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_by"],
            ["users.id"],
            name=op.f("fk_assignments_assigned_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_classes.id"],
            name=op.f("fk_assignments_class_id_school_classes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint("class_id", "article_id", name=op.f("uq_assignments_class_id_article_id")),
    )
    for column in ("article_id", "assigned_by", "class_id"):
        op.create_index(op.f(f"ix_assignments_{column}"), "assignments", [column])
    op.create_table(
        "regrades",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("regraded_by", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("old_score", sa.Float(), nullable=False),
        sa.Column("old_max_score", sa.Float(), nullable=False),
        sa.Column("new_score", sa.Float(), nullable=False),
        sa.Column("new_max_score", sa.Float(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["attempts.id"],
            name=op.f("fk_regrades_attempt_id_attempts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["regraded_by"],
            ["users.id"],
            name=op.f("fk_regrades_regraded_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regrades")),
    )
    for column in ("attempt_id", "regraded_by"):
        op.create_index(op.f(f"ix_regrades_{column}"), "regrades", [column])


def downgrade() -> None:
    op.drop_table("regrades")
    op.drop_table("assignments")
    with op.batch_alter_table("school_classes") as batch_op:
        batch_op.drop_column("archived_at")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("must_change_password")
