"""Loading the data files: the word lists, patterns and tables in ``ledger/vocab/``.

Rules are data, kept apart from the code that matches them, so an analyst can read and extend them without
reading Python. This is the one loader: every file is read here, once per process, and checked against its
shape in ``ledger/vocab/schema.json`` (its keys and the type of each), so a mistyped key or a list written
as a string fails at once with the file and key named, instead of as a wrong match deep in a stage.

    >>> check("demo.json", {"words": ["a", 1]}, {"words": "list[str]"})
    Traceback (most recent call last):
    ...
    ValueError: ledger/vocab/demo.json: key 'words': item 2 is int, expected str
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

PACKAGE = "ledger.vocab"
_SCALARS = {"str": (str,), "int": (int,), "number": (int, float), "bool": (bool,), "null": (type(None),),
            "list": (list,), "dict": (dict,)}


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed content of ``ledger/vocab/NAME``, checked against its shape; raises ValueError naming
    the file (and the key, or the line of a JSON syntax error) when it is wrong."""
    return check(name, _read(name), _schema().get(name))


def _read(name: str) -> Any:
    raw = resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"ledger/vocab/{name}: line {exc.lineno}: not valid JSON: {exc.msg}") from None


@lru_cache(maxsize=1)
def _schema() -> dict:
    return _read("schema.json")


def check(name: str, data: Any, shape: dict | str | None) -> Any:
    """``data`` when it has ``shape`` (a type, or a dict of keys to types); else a ValueError naming the
    file and the key. Keys starting with ``_`` are notes and may be added freely (as text)."""
    where = f"ledger/vocab/{name}"
    if shape is None:
        raise ValueError(f"{where}: no shape for this file in ledger/vocab/schema.json")
    if isinstance(shape, str):
        _check_value(where, "the file", data, shape)
        return data
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object of keys, got {_type(data)}")
    for key, kind in shape.items():
        if key not in data:
            raise ValueError(f"{where}: key {key!r} is missing")
        _check_value(where, f"key {key!r}", data[key], kind)
    for key, value in data.items():
        if key.startswith("_"):
            if not isinstance(value, str):
                raise ValueError(f"{where}: key {key!r}: a note must be text, got {_type(value)}")
        elif key not in shape:
            raise ValueError(f"{where}: key {key!r} is unknown (known: {', '.join(sorted(shape))})")
    return data


def _check_value(where: str, what: str, value: Any, kind: str) -> None:
    outer, _, inner = kind.partition("[")
    if not isinstance(value, _SCALARS[outer]) or (outer in ("int", "number") and isinstance(value, bool)):
        raise ValueError(f"{where}: {what}: expected {kind}, got {_type(value)}")
    if not inner:
        return
    allowed = inner.rstrip("]").split("|")
    items = enumerate(value, 1) if outer == "list" else value.items()
    for at, item in items:
        if not any(isinstance(item, _SCALARS[a]) and not (a in ("int", "number") and isinstance(item, bool))
                   for a in allowed):
            label = f"item {at}" if outer == "list" else f"entry {at!r}"
            raise ValueError(f"{where}: {what}: {label} is {_type(item)}, expected {'|'.join(allowed)}")


def _type(value: Any) -> str:
    return "null" if value is None else type(value).__name__
