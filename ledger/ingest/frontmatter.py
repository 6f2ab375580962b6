"""YAML front matter: the metadata block between two ``---`` lines at the top of a text article.

A block that lost its opening ``---`` (``url:``, ``outlet:``, ``published:`` lines, then ``---``) is still
front matter: read as the article's text, it would become claims of the article ("outlet: Lantern").
"""
from __future__ import annotations

import re

import yaml

from ledger.errors import InputError, first_line

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t].*)?")
_METADATA_KEYS = {"url", "outlet", "published", "title", "author"}


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """The metadata and the body of a text article; ``(None, text)`` when there is no front matter.

    >>> split_front_matter("---\\ntitle: Strike\\n---\\nBody.")
    ({'title': 'Strike'}, 'Body.')
    """
    opening = _OPENING.match(text)
    start = opening.end() if opening else _bare_block(text)
    if start is None:
        return None, text
    closing = _CLOSING.search(text, start)
    if not closing:
        raise InputError("front matter has no closing --- line")
    try:
        metadata = yaml.safe_load(text[start:closing.start()]) or {}
    except yaml.YAMLError as exc:
        raise InputError(yaml_problem(exc, text[start:closing.start()], 1 + bool(opening))) from exc
    except Exception as exc:  # noqa: BLE001 - PyYAML raises ValueError for an impossible date (2024-13-45)
        raise InputError(f"front matter cannot be read: {first_line(exc)}") from exc
    if not isinstance(metadata, dict):
        raise InputError("front matter is not a list of `key: value` lines")
    return metadata, text[closing.end():]


def _bare_block(text: str) -> int | None:
    """0 when ``text`` starts with front matter that lost its opening ``---``: only ``key: value`` lines,
    one of them a metadata key of the ledger's, up to a ``---`` line. Else None (no front matter)."""
    closing = _CLOSING.search(text)
    if not closing or closing.start() == 0:
        return None
    lines = text[:closing.start()].splitlines()
    if not all(_KEY_LINE.fullmatch(line.rstrip()) for line in lines):
        return None
    keys = {line.split(":", 1)[0].lower() for line in lines}
    return 0 if keys & _METADATA_KEYS else None


def yaml_problem(exc: yaml.YAMLError, block: str, offset: int = 2) -> str:
    """PyYAML's error as one line, with the file's line number: its messages span two or more lines ("...
    not allowed\\n  in "<unicode string>", position 8"), which would break the one-line-per-problem report. ``offset`` is the file line of the block's first line
    (2 after an opening ``---``, 1 for a block that lost it)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        line = mark.line
    elif isinstance(exc, yaml.reader.ReaderError):
        line = block[:exc.position].count("\n")
    else:
        line = None
    where = f" (line {line + offset})" if line is not None else ""
    if isinstance(exc, yaml.reader.ReaderError):
        detail = f"unacceptable character #x{exc.character:04x}: {exc.reason}" if isinstance(exc.character, int) \
            else exc.reason
    else:
        detail = getattr(exc, "problem", None) or str(exc)
    return f"front matter is not valid YAML{where}: {' '.join(str(detail).split())}"
