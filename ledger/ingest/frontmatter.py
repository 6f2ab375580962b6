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
        raise InputError(yaml_problem(exc, text[opening.end():closing.start()])) from exc
    if not isinstance(metadata, dict):
        raise InputError("front matter is not a list of `key: value` lines")
    return metadata, text[closing.end():]


def yaml_problem(exc: yaml.YAMLError, block: str) -> str:
    """PyYAML's error as one line, with the file's line number: its messages span two or more lines ("...
    not allowed\\n  in "<unicode string>", position 8"), which would break the one-line-per-problem report."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        line = mark.line
    elif isinstance(exc, yaml.reader.ReaderError):
        line = block[:exc.position].count("\n")
    else:
        line = None
    where = f" (line {line + 2})" if line is not None else ""
    if isinstance(exc, yaml.reader.ReaderError):
        detail = f"unacceptable character #x{exc.character:04x}: {exc.reason}" if isinstance(exc.character, int) \
            else exc.reason
    else:
        detail = getattr(exc, "problem", None) or str(exc)
    return f"front matter is not valid YAML{where}: {' '.join(str(detail).split())}"
