"""Text machinery with no domain knowledge: spans, paragraphs and sentences, phrase lists compiled as tries,
anchor scanning and the loader of the data files in ``ledger/vocab/``. Nothing here knows what a claim,
a figure or an event is; the reading wing (``ledger.reading``) builds on it."""
