"""The reading wing: pure functions from an article to its claims, speakers, figures and events, all with
character offsets into the article text.

    >>> reading = read("Five people died, the ministry said.", location="note.txt")
    >>> [(c.speaker.name, c.content.text) for c in reading.claims], reading.problems
    ([('ministry', 'Five people died')], ())

``read`` (:mod:`ledger.reading.reader`) makes a :class:`~ledger.reading.document.Document` (the text read
once), runs the ordered ``STAGES`` of :mod:`ledger.reading.stages` over it and returns a :class:`Reading`. A
stage's exception becomes a :class:`~ledger.errors.Problem` naming the article instead of claims: the ingest
then stores nothing for that article, reports it and exits non-zero, and a re-run tries it again.

The pipeline is loaded on first use of these names (a module ``__getattr__``): a command that only reads
the database imports the plain values of :mod:`ledger.reading.types` (through the models) without loading
every pattern and lexicon of the reading wing, about a third of a second of its start.
"""
from __future__ import annotations

__all__ = ["Document", "EXTRACTOR_VERSION", "Reading", "STAGES", "read"]


def __getattr__(name: str):
    if name in __all__:
        from ledger.reading import reader

        return getattr(reader, name)
    raise AttributeError(f"module 'ledger.reading' has no attribute {name!r}")
