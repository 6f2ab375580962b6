"""The ledger's vocabulary: every word list, pattern and table the reading and the reconciler use, as data.

Data only (JSON files, no code): an analyst edits a file here to teach the ledger a cue verb, an event word,
a place or a population, without reading Python. ``ledger.text.data.load`` reads and validates them.
"""
