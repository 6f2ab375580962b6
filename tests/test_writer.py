"""The ingest's batch writer: an article refused in a batch never leaves half of itself behind, and the other
articles of the batch go in — on SQLite and PostgreSQL."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

import ledger.ingest.writer as writer_module
from ledger.db import reading
from ledger.errors import SpanError
from ledger.reading.types import Span
from ledger.ingest.article import make_article
from ledger.ingest.run import prepare
from ledger.ingest.writer import BatchWriter
from ledger.models import Article, Claim, Source
from ledger.sources import SourceResolver


def _extraction(n: int):
    text = f"Shelling hit the village of Orvik {n} on Tuesday, wounding {n + 2} shepherds, the governor Ilse Brandt said."
    return prepare(make_article(text, f"report{n}.txt", {"published": "2024-03-06", "title": f"Report {n}"}))


def _counts(engine) -> tuple[int, int, list[str]]:
    with reading(engine) as session:
        return (session.scalar(select(func.count()).select_from(Article)),
                session.scalar(select(func.count()).select_from(Claim)),
                sorted(session.scalars(select(Article.title))))


def test_writer_article_whose_spans_do_not_fit_is_refused_alone(engine):
    good, bad, last = _extraction(1), _extraction(2), _extraction(3)
    claim = bad.claims[0]
    bad.claims[0] = replace(claim, content=Span(claim.content.start, claim.content.end, "not the article's words"))
    writer = BatchWriter(engine, SourceResolver(None))
    for item in (good, bad, last):
        assert writer.add(item) is None  # a batch: nothing written yet
    outcome = writer.flush()
    assert outcome.failed == 1 and "does not fit the article text" in outcome.problems[0].message
    assert outcome.problems[0].location == "report2.txt"
    assert _counts(engine) == (2, 2, ["Report 1", "Report 3"])


def test_writer_article_refused_after_part_of_it_was_written_goes_again_alone(engine, monkeypatch):
    """A refusal in the middle of storing a batch (an article row and a source written, the claims not)
    rolls the batch back and stores its articles one transaction each: the refused one leaves nothing, not
    even a source."""
    real_store = writer_module.store_article
    calls = []

    def store_batch_refusing(session, extractions, resolver):
        calls.append("batch")
        session.add(Article(sha256="0" * 64, text="half", extractor_version="x"))
        session.flush()
        resolver.resolve_many([extractions[1].claims[0].speaker], "test")
        raise SpanError("refused half way")

    def store_refusing_report2(session, extraction, resolver, reextract=False):
        calls.append(extraction.article.location)
        if extraction.article.location == "report2.txt":
            resolver.resolve_many([extraction.claims[0].speaker], "test")
            raise SpanError("refused half way")
        return real_store(session, extraction, resolver, reextract)

    monkeypatch.setattr(writer_module, "store_batch", store_batch_refusing)
    monkeypatch.setattr(writer_module, "store_article", store_refusing_report2)
    writer = BatchWriter(engine, SourceResolver(None))
    for n in (1, 2, 3):
        writer.add(_extraction(n))
    outcome = writer.flush()
    assert calls == ["batch", "report1.txt", "report2.txt", "report3.txt"]
    assert outcome.failed == 1 and outcome.problems[0].message == "refused half way"
    assert [s.article_id for s in outcome.stored] == sorted(s.article_id for s in outcome.stored)
    assert _counts(engine) == (2, 2, ["Report 1", "Report 3"])
    with reading(engine) as session:
        assert session.scalar(select(func.count()).select_from(Source).where(Source.name == "Ilse Brandt")) == 1


def _article(text: str, name: str):
    return prepare(make_article(text, name, {"published": "2024-03-06", "title": name}))


def test_writer_batch_meets_a_source_created_earlier_in_the_same_batch(engine):
    """A batch is resolved as if its articles were written one after another: the acronym the first article
    teaches for a new monitor names the same source in the second, and a spokesman's organisation, created
    in the same batch, is the one recorded as his affiliation."""
    first = _article("The Orvik Casualty Watch (OCW) said five civilians were killed in the shelling of Tarn. "
                     "Orvik Health Authority spokeswoman Mira Dunai said the hospital had treated 12 people.", "a.txt")
    second = _article("OCW said on Thursday that seven civilians died in the shelling of Tarn.", "b.txt")
    writer = BatchWriter(engine, SourceResolver(None))
    writer.add(first)
    writer.add(second)
    outcome = writer.flush()
    assert outcome.failed == 0 and [s.new for s in outcome.stored] == [True, True]
    with reading(engine) as session:
        speakers = session.execute(select(Article.title, Source.name).join(Claim, Claim.article_id == Article.id)
                                   .join(Source, Source.id == Claim.source_id).order_by(Claim.id)).all()
        assert ("b.txt", "Orvik Casualty Watch") in speakers
        assert session.scalar(select(func.count()).select_from(Source).where(Source.name.like("%OCW%"))) == 0
        dunai = session.scalar(select(Source).where(Source.name == "Mira Dunai"))
        assert dunai.affiliation is not None and dunai.affiliation.name == "Orvik Health Authority"


def test_writer_same_text_twice_in_a_batch_is_stored_once(engine):
    text = "The governor Ilse Brandt said three shepherds were wounded near Orvik on Tuesday."
    writer = BatchWriter(engine, SourceResolver(None))
    writer.add(_article(text, "one.txt"))
    writer.add(_article(text, "two.txt"))
    outcome = writer.flush()
    assert [s.new for s in outcome.stored] == [True, False]
    assert outcome.stored[0].article_id == outcome.stored[1].article_id
    assert _counts(engine)[:2] == (1, 1)
