"""The values some of the ledger's fields take: claim statuses, reliability grades, date precisions.

Plain data, without the database layer: ``ledger.models`` types its columns with them and the CLI offers
them as choices (``ledger/commands`` reaches the database only through the ``Ledger``).
"""

CLAIM_STATUSES = ("auto", "confirmed", "edited", "rejected")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
DATE_PRECISIONS = ("day", "week", "month", "year")
