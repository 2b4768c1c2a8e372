"""join the vocabulary, classes and security branches into one history

Revision ID: 0005_merge
Revises: 0002_vocab, 0003_classes, 0004_security
"""

revision = "0005_merge"
down_revision = ("0002_vocab", "0003_classes", "0004_security")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
