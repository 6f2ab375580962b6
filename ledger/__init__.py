"""claim ledger: who said what about which event, with which figures, and where the accounts disagree."""

__version__ = "0.1.0"
