"""claim ledger: who said what about which event, with which figures, and where the accounts disagree.

The library's face is :class:`ledger.library.Ledger` (``from ledger import Ledger``). It is loaded on first
use, so that importing a pure part of the package (the extractor, the reconciler) does not load the
database layer.
"""

__version__ = "0.1.0"

__all__ = ["Ledger", "__version__"]


def __getattr__(name: str):
    if name == "Ledger":
        from ledger.library import Ledger

        return Ledger
    raise AttributeError(f"module 'ledger' has no attribute {name!r}")
