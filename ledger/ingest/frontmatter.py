"""YAML front matter: the metadata block between two ``---`` lines at the top of a text article."""
from __future__ import annotations

import re

import yaml

from ledger.errors import InputError

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """The metadata and the body of a text article; ``(None, text)`` when there is no front matter.

    >>> split_front_matter("---\\ntitle: Strike\\n---\\nBody.")
    ({'title': 'Strike'}, 'Body.')
    """
    opening = _OPENING.match(text)
    if not opening:
        return None, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError("front matter has no closing --- line")
    try:
        metadata = yaml.safe_load(text[opening.end():closing.start()]) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise InputError(f"front matter is not valid YAML{line}: {getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(metadata, dict):
        raise InputError("front matter is not a list of `key: value` lines")
    return metadata, text[closing.end():]
