"""Readable placeholders in ``--help``: ``--event EVENT_ID``, ``PATH...``, ``[table|json]``.

typer 0.2x writes the Python type where a value goes (``--event <list[int]>``, ``words <str>``) and wraps
required arguments in braces in the usage line (``{paths}...``). The ledger's commands use these classes
instead: a placeholder is the parameter's ``metavar`` when it has one, else a name from ``NAMES`` (by
parameter name), else the parameter's name in capitals; choices are listed in brackets; arguments read
as in every other Unix tool (``PATH...``, ``[EVENT_ID]...``). tests/test_docs.py walks every command's help
and fails on a type or brace placeholder.
"""
from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

# Placeholders by parameter name where the name in capitals would not say what to give.
NAMES = {
    "event": "EVENT_ID", "events": "EVENT_ID", "article": "ARTICLE_ID", "article_id": "ARTICLE_ID",
    "claim_id": "CLAIM_ID", "claims": "CLAIM_ID", "ids": "CLAIM_ID", "entry": "ENTRY_ID",
    "since": "DATE", "until": "DATE", "date": "DATE", "as_of": "DATE", "scope": "SCOPE",
    "start": "OFFSET", "end": "OFFSET", "paths": "PATH", "path": "PATH", "db": "PATH_OR_URL",
    "who": "NAME", "jobs": "N", "max_bytes": "BYTES", "limit": "N", "id": "ID", "reliability": "GRADE",
}


def placeholder(param: Any) -> str:
    """What the help shows where the parameter's value goes."""
    if param.metavar:
        return param.metavar
    described = param.type_descriptor
    if described.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in described.choices or ()) + "]"
    return NAMES.get(param.name or "", (param.name or "value").upper())


class LedgerArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the placeholder says it

    @property
    def display_name_raw(self) -> str:
        return placeholder(self)

    def _rich_display_name(self) -> str:
        return placeholder(self) + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = placeholder(self) + ("..." if self.nargs != 1 else "")
        return name if self.required else f"[{name}]"


class LedgerOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        return placeholder(self)


def readable(params: list[Any]) -> None:
    """Give typer's parameters the ledger's placeholders (their behaviour is unchanged)."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = LedgerArgument
        elif type(param) is TyperOption:
            param.__class__ = LedgerOption


class LedgerCommand(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        readable(self.params)


class LedgerGroup(TyperGroup):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        readable(self.params)
