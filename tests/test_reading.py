"""The reading wing as a pipeline: one Document read once, an ordered tuple of stages each usable alone, and
a stage's failure reported against its article (nothing stored, exit 1, a re-run tries it again)."""
from __future__ import annotations

from datetime import date

import ledger.reading.stages as stages_module
from conftest import write
from ledger.reading import Document, Reading, read
from ledger.reading.stages import STAGES, Work, claims, events, figures, speakers

QUARRY = """---
url: https://quarry.example/brask
outlet: Quarry Post
published: 2024-05-02
title: Four hurt in Brask shelling
---
Shelling hit the village of Brask on Wednesday, wounding four farmers, the district governor Oda Lind said.
"""

MILL = """---
url: https://quarry.example/tolle
outlet: Quarry Post
published: 2024-05-03
title: Mill fire in Tolle
---
A fire destroyed the old mill in Tolle on Thursday, the fire brigade said.
"""


def test_reading_stages_are_figures_claims_speakers_events_in_that_order():
    assert STAGES == (figures, claims, speakers, events)


def test_reading_figures_stage_alone_finds_the_count_and_no_claim():
    text = "Shelling hit Brask on Wednesday, wounding four farmers, the governor said."
    work = Work()
    figures(Document.read(text), work)
    assert [(f.metric, f.population, f.low, f.high, f.span.text) for f in work.figures] == [
        ("wounded", "civilians", 4, 4, "four farmers")]
    assert work.claims == [] and work.found == []


def test_reading_events_are_a_stage_that_places_every_claim():
    text = "An air strike hit Brask on Wednesday, killing four farmers, the governor said."
    reading = read(text, outlet="Quarry Post", published=date(2024, 5, 2), location="brask.txt")
    assert reading.problems == ()
    assert [(c.speaker.name, c.content.text) for c in reading.claims] == [
        ("governor", "An air strike hit Brask on Wednesday, killing four farmers")]
    assert [(e.kind, e.date) for e in reading.events] == [("air strike", date(2024, 5, 1))]
    assert reading.claim_events == (0,)


def test_reading_stage_exception_is_a_problem_naming_the_article_and_its_stage():
    def exploding(doc, work):
        raise RuntimeError("cannot read this one\nsecond line")

    reading = read("Five people died, the ministry said.", location="notes/brask.txt",
                   stages=(figures, exploding, speakers))
    assert reading == Reading(problems=reading.problems)
    assert [str(p) for p in reading.problems] == [
        "notes/brask.txt: extraction failed in the exploding stage: RuntimeError: cannot read this one"]


def test_ingest_stage_failure_stores_nothing_exits_1_and_a_rerun_tries_again(ledger, tmp_path, monkeypatch):
    def brask_breaks(doc, work):
        if "Brask" in doc.text:
            raise ValueError("no reading of Brask")

    write(tmp_path / "in" / "brask.txt", QUARRY)
    write(tmp_path / "in" / "tolle.txt", MILL)
    monkeypatch.setattr(stages_module, "STAGES", STAGES[:2] + (brask_breaks,) + STAGES[2:])
    result = ledger("ingest", tmp_path / "in", expect=1)
    assert f"{tmp_path / 'in' / 'brask.txt'}: extraction failed in the brask_breaks stage: " \
           f"ValueError: no reading of Brask" in result.stderr
    assert "articles: 1 new, 0 already present, 1 failed" in result.stderr
    assert [a["title"] for a in ledger.json("articles")] == ["Mill fire in Tolle"]

    monkeypatch.setattr(stages_module, "STAGES", STAGES)
    again = ledger("ingest", tmp_path / "in")
    assert "articles: 1 new, 1 already present, 0 failed" in again.stderr
    assert sorted(a["title"] for a in ledger.json("articles")) == ["Four hurt in Brask shelling", "Mill fire in Tolle"]
    assert [c["mention"] for c in ledger.jsonl("export", "claims", "--format", "jsonl")
            if "Brask" in c["content"]] == ["the district governor Oda Lind"]
