"""vocabulary: saved words, FSRS cards, review log, review settings

Revision ID: 0002_vocab
Revises: 0001
Create Date: 2026-11-27 19:50:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0002_vocab'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vocab_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('lemma', sa.String(length=100), nullable=False),
    sa.Column('form', sa.String(length=100), nullable=False),
    sa.Column('meaning', sa.Text(), nullable=False),
    sa.Column('own_meaning', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('gender', sa.String(length=3), nullable=True),
    sa.Column('level', sa.String(length=2), nullable=True),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('sentence_index', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_vocab_items_article_id_articles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_vocab_items_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vocab_items')),
    sa.UniqueConstraint('user_id', 'lemma', name=op.f('uq_vocab_items_user_id_lemma'))
    )
    op.create_index(op.f('ix_vocab_items_article_id'), 'vocab_items', ['article_id'], unique=False)
    op.create_index(op.f('ix_vocab_items_user_id'), 'vocab_items', ['user_id'], unique=False)
    op.create_table('vocab_settings',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('desired_retention', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_vocab_settings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_vocab_settings'))
    )
    op.create_table('vocab_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=12), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_review', sa.DateTime(timezone=True), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['vocab_items.id'], name=op.f('fk_vocab_cards_item_id_vocab_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vocab_cards')),
    sa.UniqueConstraint('item_id', 'direction', name=op.f('uq_vocab_cards_item_id_direction'))
    )
    op.create_index(op.f('ix_vocab_cards_due'), 'vocab_cards', ['due'], unique=False)
    op.create_index(op.f('ix_vocab_cards_item_id'), 'vocab_cards', ['item_id'], unique=False)
    op.create_table('vocab_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('lemma', sa.String(length=100), nullable=False),
    sa.Column('direction', sa.String(length=12), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('typed', sa.String(length=200), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_before', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['vocab_cards.id'], name=op.f('fk_vocab_reviews_card_id_vocab_cards'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_vocab_reviews_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vocab_reviews'))
    )
    op.create_index(op.f('ix_vocab_reviews_card_id'), 'vocab_reviews', ['card_id'], unique=False)
    op.create_index(op.f('ix_vocab_reviews_reviewed_at'), 'vocab_reviews', ['reviewed_at'], unique=False)
    op.create_index(op.f('ix_vocab_reviews_user_id'), 'vocab_reviews', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_vocab_reviews_user_id'), table_name='vocab_reviews')
    op.drop_index(op.f('ix_vocab_reviews_reviewed_at'), table_name='vocab_reviews')
    op.drop_index(op.f('ix_vocab_reviews_card_id'), table_name='vocab_reviews')
    op.drop_table('vocab_reviews')
    op.drop_index(op.f('ix_vocab_cards_item_id'), table_name='vocab_cards')
    op.drop_index(op.f('ix_vocab_cards_due'), table_name='vocab_cards')
    op.drop_table('vocab_cards')
    op.drop_table('vocab_settings')
    op.drop_index(op.f('ix_vocab_items_user_id'), table_name='vocab_items')
    op.drop_index(op.f('ix_vocab_items_article_id'), table_name='vocab_items')
    op.drop_table('vocab_items')
