"""packs made in the browser: their owner, published or not, and every saved version

Revision ID: 0007_web_packs
Revises: 0006_session_version
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_web_packs"
down_revision = "0006_session_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_packs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=100), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_web_packs_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_packs")),
        sa.UniqueConstraint("pack_id", name=op.f("uq_web_packs_pack_id")),
    )
    with op.batch_alter_table("web_packs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_packs_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "web_pack_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("web_pack_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["web_pack_id"],
            ["web_packs.id"],
            name=op.f("fk_web_pack_versions_web_pack_id_web_packs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_web_pack_versions_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_pack_versions")),
        sa.UniqueConstraint(
            "web_pack_id", "number", name=op.f("uq_web_pack_versions_web_pack_id_number")
        ),
    )
    with op.batch_alter_table("web_pack_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_web_pack_versions_web_pack_id"), ["web_pack_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_web_pack_versions_author_id"), ["author_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("web_pack_versions")
    op.drop_table("web_packs")
