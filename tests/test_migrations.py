"""The schema's alembic revisions, on SQLite and PostgreSQL (in the manner of pytest-alembic)."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from ledger.db import alembic_config, create_ledger_engine, current_revision, database_url, head_revision, \
    open_ledger, run_alembic, upgrade
from ledger.models import Base, outside_models


def test_migrations_single_head():
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_migrations_head_read_without_alembic_is_alembics_head():
    """The open-time check reads the head from the revision files; it must be alembic's."""
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_migrations_current_revision_is_what_alembic_reads(engine):
    with engine.connect() as connection:
        assert current_revision(engine) == MigrationContext.configure(connection).get_current_revision()


def test_migrations_every_revision_has_a_downgrade():
    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        assert "def downgrade" in open(script.path).read(), script.path


def test_migrations_upgrade_from_empty_creates_every_table(db_url):
    engine = create_ledger_engine(database_url(db_url))
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_migrations_models_match_the_migrated_schema(db_url):
    engine = open_ledger(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_name": lambda name, type_, parent: not outside_models(name)})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migrations_downgrade_to_base_and_back(db_url):
    engine = open_ledger(db_url)
    revisions = [s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    for revision in revisions[1:]:  # step down one revision at a time, then all the way
        run_alembic(engine, "downgrade", revision)
        assert current_revision(engine) == revision
    run_alembic(engine, "downgrade", "base")
    assert current_revision(engine) is None
    assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_migrations_audit_log_is_append_only(engine):
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO audit_log (at, who, action, entity) "
                                "VALUES ('2024-01-01 00:00:00', 'ana', 'test', 'claim')"))
    for statement in ("UPDATE audit_log SET who = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as connection:
                connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT who FROM audit_log")).scalars().all() == ["ana"]


def test_migrations_open_twice_is_a_no_op(db_url):
    first = open_ledger(db_url)
    first.dispose()
    second = open_ledger(db_url)
    assert current_revision(second) == head_revision()


_ARTICLE = text("INSERT INTO article (sha256, published, text, extractor_version, ingested_at) "
                "VALUES (:sha, :published, 'Body.', 'test', '2026-01-01 00:00:00')")


def test_migrations_0006_keeps_published_precision_and_back(db_url):
    """0006 adds article.published_precision: rows stored before get 'day' where they have a date (the
    ledger stored only days until then), none where undated; the views show it; the downgrade removes it."""
    engine = open_ledger(db_url)
    run_alembic(engine, "downgrade", "0005")
    assert "published_precision" not in {c["name"] for c in inspect(engine).get_columns("article")}
    with engine.begin() as connection:
        connection.execute(_ARTICLE, {"sha": "a" * 64, "published": "2021-06-28"})
        connection.execute(_ARTICLE, {"sha": "b" * 64, "published": "2021-06-28T10:00:00"})
        connection.execute(_ARTICLE, {"sha": "c" * 64, "published": None})
    run_alembic(engine, "upgrade", "0006")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT sha256, published_precision FROM article ORDER BY sha256")).all()
        assert [tuple(r) for r in rows] == [("a" * 64, "day"), ("b" * 64, "day"), ("c" * 64, None)]
        for view in ("claims_flat", "figures_flat", "conflicts_flat"):
            assert "published_precision" in {c["name"] for c in inspect(connection).get_columns(view)}
    run_alembic(engine, "downgrade", "0005")
    assert "published_precision" not in {c["name"] for c in inspect(engine).get_columns("article")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims_flat")).scalar_one() == 0
        assert "published_precision" not in {c["name"] for c in inspect(connection).get_columns("claims_flat")}
    engine.dispose()


def test_migrations_views_list_figures_by_span_then_metric(db_url):
    """Two figures of one span (a party declining to give killed and wounded figures) are listed killed
    first, whatever order they were stored in."""
    engine = open_ledger(db_url)
    with engine.begin() as connection:
        connection.execute(_ARTICLE, {"sha": "a" * 64, "published": "2021"})
        article = connection.execute(text("SELECT id FROM article")).scalar_one()
        connection.execute(text("INSERT INTO source (name, type, kind, created_at) VALUES ('Belmora Council', "
                                "'government', 'organisation', '2026-01-01 00:00:00')"))
        source = connection.execute(text("SELECT id FROM source")).scalar_one()
        connection.execute(text(
            "INSERT INTO claim (article_id, source_id, kind, content, content_start, content_end, status, "
            "extractor_version, created_at) VALUES (:a, :s, 'indirect', 'Body', 0, 4, 'auto', 'test', "
            "'2026-01-01 00:00:00')"), {"a": article, "s": source})
        claim = connection.execute(text("SELECT id FROM claim")).scalar_one()
        for metric in ("wounded", "killed"):
            connection.execute(text(
                "INSERT INTO figure (claim_id, metric, text, text_start, text_end, vague, no_figure) "
                "VALUES (:c, :m, 'Body', 0, 4, false, true)"), {"c": claim, "m": metric})
    with engine.connect() as connection:
        assert connection.execute(text("SELECT figures FROM claims_flat")).scalar_one() == \
            "killed no figure; wounded no figure"
        assert connection.execute(text("SELECT published_precision FROM claims_flat")).scalar_one() is None
    engine.dispose()
