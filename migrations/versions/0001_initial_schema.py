"""Initial schema: articles, sources and their aliases, events, claims, figures, conflicts, audit log.

The audit log is append-only: triggers refuse UPDATE and DELETE on it, on SQLite and PostgreSQL alike.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 20:51:33.427404
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('record', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article')),
    sa.UniqueConstraint('sha256', name=op.f('uq_article_sha256'))
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_url'), ['url'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=10), nullable=True),
    sa.Column('kind', sa.String(length=60), nullable=True),
    sa.Column('places', sa.JSON(), nullable=False),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('conflicts_stale', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')", name=op.f('ck_event_date_precision')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_date'), ['date'], unique=False)

    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('affiliation_id', sa.Integer(), nullable=True),
    sa.Column('reliability', sa.String(length=1), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('person', 'organisation', 'anonymous', 'outlet')", name=op.f('ck_source_kind')),
    sa.CheckConstraint("reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", name=op.f('ck_source_reliability')),
    sa.CheckConstraint("type IN ('government', 'military', 'militia', 'monitor', 'state_media', 'media', 'official', 'witness', 'other')", name=op.f('ck_source_type')),
    sa.ForeignKeyConstraint(['affiliation_id'], ['source.id'], name=op.f('fk_source_affiliation_id_source'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source')),
    sa.UniqueConstraint('name', name=op.f('uq_source_name'))
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_affiliation_id'), ['affiliation_id'], unique=False)

    op.create_table('claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('via_source_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('mention', sa.Text(), nullable=True),
    sa.Column('mention_start', sa.Integer(), nullable=True),
    sa.Column('mention_end', sa.Integer(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.Column('parts', sa.JSON(), nullable=True),
    sa.Column('context_start', sa.Integer(), nullable=True),
    sa.Column('context_end', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('credibility', sa.Integer(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('direct', 'indirect', 'mixed', 'according_to', 'unattributed_quote', 'outlet')", name=op.f('ck_claim_kind')),
    sa.CheckConstraint("status IN ('auto', 'confirmed', 'edited', 'rejected')", name=op.f('ck_claim_status')),
    sa.CheckConstraint('content_start <= content_end', name=op.f('ck_claim_content_span')),
    sa.CheckConstraint('credibility IS NULL OR credibility BETWEEN 1 AND 6', name=op.f('ck_claim_credibility')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_claim_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_claim_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_claim_source_id_source')),
    sa.ForeignKeyConstraint(['via_source_id'], ['source.id'], name=op.f('fk_claim_via_source_id_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim'))
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_claim_event_source', ['event_id', 'source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_source_id'), ['source_id'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=20), nullable=False),
    sa.Column('population', sa.String(length=60), nullable=True),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('size', sa.Float(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('sides', sa.JSON(), nullable=False),
    sa.Column('compatible', sa.JSON(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_conflict_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict'))
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_event_id'), ['event_id'], unique=False)

    op.create_table('source_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_source_alias_source_id_source'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_alias')),
    sa.UniqueConstraint('alias', name=op.f('uq_source_alias_alias'))
    )
    with op.batch_alter_table('source_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_alias_source_id'), ['source_id'], unique=False)

    op.create_table('conflict_claim',
    sa.Column('conflict_id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_conflict_claim_claim_id_claim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflict.id'], name=op.f('fk_conflict_claim_conflict_id_conflict'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('conflict_id', 'claim_id', name=op.f('pk_conflict_claim'))
    )
    with op.batch_alter_table('conflict_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_claim_claim_id'), ['claim_id'], unique=False)

    op.create_table('figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=20), nullable=False),
    sa.Column('population', sa.String(length=60), nullable=True),
    sa.Column('low', sa.Integer(), nullable=True),
    sa.Column('high', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.String(length=60), nullable=True),
    sa.Column('vague', sa.Boolean(), nullable=False),
    sa.Column('no_figure', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_start', sa.Integer(), nullable=False),
    sa.Column('text_end', sa.Integer(), nullable=False),
    sa.Column('parts', sa.JSON(), nullable=True),
    sa.CheckConstraint("metric IN ('killed', 'wounded', 'missing', 'detained', 'displaced', 'attacks', 'strikes', 'targets', 'troops', 'other')", name=op.f('ck_figure_metric')),
    sa.CheckConstraint('low IS NULL OR high IS NULL OR low <= high', name=op.f('ck_figure_bounds')),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_figure_claim_id_claim'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figure'))
    )
    with op.batch_alter_table('figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figure_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figure_metric'), ['metric'], unique=False)

    make_audit_log_append_only()


def downgrade() -> None:
    drop_audit_log_guard()
    with op.batch_alter_table('figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figure_metric'))
        batch_op.drop_index(batch_op.f('ix_figure_claim_id'))

    op.drop_table('figure')
    with op.batch_alter_table('conflict_claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_claim_claim_id'))

    op.drop_table('conflict_claim')
    with op.batch_alter_table('source_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_alias_source_id'))

    op.drop_table('source_alias')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_event_id'))

    op.drop_table('conflict')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_source_id'))
        batch_op.drop_index('ix_claim_event_source')
        batch_op.drop_index(batch_op.f('ix_claim_article_id'))

    op.drop_table('claim')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_affiliation_id'))

    op.drop_table('source')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_date'))

    op.drop_table('event')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_url'))
        batch_op.drop_index(batch_op.f('ix_article_published'))
        batch_op.drop_index(batch_op.f('ix_article_outlet'))

    op.drop_table('article')


APPEND_ONLY_MESSAGE = "audit_log is append-only"


def make_audit_log_append_only() -> None:
    """Refuse UPDATE and DELETE on audit_log, whatever tool the analyst edits the file with."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END")
        return
    op.execute(f"""CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$""")
    op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()")


def drop_audit_log_guard() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_refuse_change()")
