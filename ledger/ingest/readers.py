"""Reading inputs: files, folders and stdin in every supported format, as articles or problems.

``read_inputs`` yields, in a stable order, one ``ArticleInput`` per article and one ``Problem`` per input
that cannot be read, so that the caller ingests the good ones and reports the bad ones. It streams: a JSONL
file is read line by line and a folder walked lazily, so memory does not grow with the size of the input.

Formats: ``.txt``/``.md`` (optional YAML front matter), ``.html``/``.htm``, ``.json`` (an object or a list
of objects) and ``.jsonl`` records with a ``text`` field, folders recursively (files of other types in a
folder are skipped), and ``-`` for standard input (JSON if it starts with ``{`` or ``[``, else text). A file
named explicitly with another suffix is read as text.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from ledger.errors import InputError, Problem, first_line
from ledger.ingest.article import ArticleInput, make_article
from ledger.ingest.frontmatter import split_front_matter
from ledger.ingest.html import read_html
from ledger.ingest.meter import InputMeter

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
JSON_FILE_FACTOR = 20  # a .json file may hold a list of articles: its limit is this many articles' worth
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

Read = ArticleInput | Problem


def read_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None,
                meter: InputMeter | None = None) -> Iterator[Read]:
    """Every article (or problem) from the given paths, in order; folders sorted by name. ``meter`` (see
    ``ledger.ingest.meter``) counts the bytes read, for the progress bar."""
    meter = meter or InputMeter()
    for name in paths:
        if name == STDIN:
            yield from _guarded(STDIN_LOCATION, lambda: read_stdin(stdin or sys.stdin.buffer, max_bytes, meter))
            continue
        path = Path(name)
        if path.is_dir():
            yield from _said_if_empty(walk_folder(path, max_bytes, meter), path_text(path))
        elif path.exists() or path.is_symlink():
            yield from read_file(path, max_bytes, meter)
        else:
            yield Problem(path_text(name), "no such file or folder")


STDIN_LOCATION = "<stdin>"
NESTED_TOO_DEEP = "not valid JSON: nested too deeply"


def path_text(path: Path | str) -> str:
    """A path as the ledger stores and shows it. A name that is not valid UTF-8 (Python holds its bytes as
    lone surrogates, which no database driver can encode) gets those bytes escaped as ``\\xNN``."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _said_if_empty(reads: Iterator[Read], folder: str) -> Iterator[Read]:
    """The folder's reads, or one problem saying it holds no article file (most likely the wrong folder)."""
    empty = True
    for read in reads:
        empty = False
        yield read
    if empty:
        yield Problem(folder, "no articles: no " + ", ".join(sorted(KNOWN_SUFFIXES)) + " files in this folder")


def walk_folder(folder: Path, max_bytes: int, meter: InputMeter | None = None) -> Iterator[Read]:
    """Files of known types under ``folder``, recursively, skipping hidden ones; a symlink that leads
    back into a folder already being walked is reported once instead of looping. A folder that cannot be
    listed and a file that is not a regular file (a FIFO, whose read would block forever, a socket, a
    device) are each a problem: the walk goes on."""
    for found in _walk(folder):
        if isinstance(found, Problem):
            yield found
        else:
            yield from read_file(found, max_bytes, meter)


def known_files(folder: Path) -> list[Path]:
    """The files ``walk_folder`` reads, in its order (the progress bar adds up their sizes first)."""
    return [found for found in _walk(folder) if not isinstance(found, Problem)]


def _walk(folder: Path) -> Iterator[Path | Problem]:
    seen = {os.path.realpath(folder)}
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable.append):
        yield from _unreadable_folders(unreadable)
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            real = os.path.realpath(os.path.join(root, d))
            if real in seen:
                yield Problem(path_text(os.path.join(root, d)), "folder symlink loop: already read, skipped")
                continue
            seen.add(real)
            kept.append(d)
        dirs[:] = kept
        for f in sorted(files):
            path = Path(root, f)
            if not f.startswith(".") and path.suffix.lower() in KNOWN_SUFFIXES:
                kind = _not_regular(path)
                if kind:
                    yield Problem(path_text(path), f"not a regular file ({kind}): skipped, never opened")
                else:
                    yield path
    yield from _unreadable_folders(unreadable)


def _unreadable_folders(errors: list[OSError]) -> Iterator[Problem]:
    for exc in errors:
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        yield Problem(path_text(exc.filename or "?"), f"cannot read folder: {reason}")
    errors.clear()


def _not_regular(path: Path) -> str | None:
    """What kind of file ``path`` is if not a regular one (symlinks followed); None for a regular file or
    one that cannot be looked at (reading it then says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def read_file(path: Path, max_bytes: int, meter: InputMeter | None = None) -> Iterator[Read]:
    meter = meter or InputMeter()
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _guarded(path_text(path), lambda: read_jsonl_file(path, max_bytes, meter))
        return
    limit = max_bytes * JSON_FILE_FACTOR if suffix in JSON_SUFFIXES else max_bytes

    def document() -> Iterator[Read]:
        data = read_bytes(path, limit)
        meter.count(len(data))
        yield from _read_document(path, suffix, data, max_bytes)

    yield from _guarded(path_text(path), document)


def _guarded(location: str, produce) -> Iterator[Read]:
    """Run a reader, turning an error that stops the whole input into one Problem. Any exception, not
    only the ones foreseen: whatever goes wrong reading one input is that input's problem, never the run's."""
    try:
        yield from produce()
    except InputError as exc:
        yield Problem(location, str(exc))
    except Exception as exc:  # noqa: BLE001 - an unforeseen failure of one input
        yield Problem(location, f"cannot read: {type(exc).__name__}: {first_line(exc)}")


def read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"file is {size / 1e6:.1f} MB, above the {limit / 1e6:.1f} MB limit (--max-bytes)")
        with path.open("rb") as fh:
            return fh.read(limit + 1)
    except PermissionError as exc:
        raise InputError("cannot read: permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("not valid UTF-16 text despite its byte-order mark") from exc
    if b"\x00" in data[:65536]:
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc


def _read_document(path: Path, suffix: str, data: bytes, max_bytes: int) -> Iterator[Read]:
    if suffix in JSON_SUFFIXES:
        yield from read_json_document(decode(data), path_text(path), max_bytes)
    elif suffix in HTML_SUFFIXES:
        decode(data)  # refuses binary and non-UTF-8 pages with the same messages as text files
        text, metadata = read_html(data)
        yield make_article(text, path_text(path), metadata, path=path_text(path))
    else:
        yield text_article(decode(data), path_text(path), path=path_text(path))


def text_article(raw: str, location: str, path: str | None = None) -> ArticleInput:
    """A text article: YAML front matter if present, else the first line is the title."""
    metadata, body = split_front_matter(raw.lstrip("\ufeff"))
    if metadata is not None:
        return make_article(body, location, metadata, path=path)
    article = make_article(body, location, {}, path=path, title_in_text=True)
    head = article.text.split("\n", 1)[0].strip()
    article.title = head if len(head) <= 300 else head[:297].rsplit(" ", 1)[0] + "..."
    return article


def read_json_document(raw: str, location: str, max_bytes: int) -> Iterator[Read]:
    """A ``.json`` file: one object, or a list of objects (each an article)."""
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(NESTED_TOO_DEEP) from exc
    if isinstance(document, dict):
        yield json_article(document, location, max_bytes)
    elif isinstance(document, list):
        for n, item in enumerate(document, 1):
            yield _record_or_problem(item, f"{location}: item {n}", max_bytes, location, n)
    else:
        raise InputError(f"JSON is a {type(document).__name__}, not an object or a list of objects")


def read_jsonl_file(path: Path, max_bytes: int, meter: InputMeter | None = None) -> Iterator[Read]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        yield from read_jsonl_lines(fh, path_text(path), max_bytes, meter)


def read_jsonl_lines(lines: BinaryIO, location: str, max_bytes: int,
                     meter: InputMeter | None = None) -> Iterator[Read]:
    """JSONL records, one per line, each checked on its own: a broken line is a problem, the rest go in."""
    meter = meter or InputMeter()
    for n, line in enumerate(lines, 1):
        meter.count(len(line))
        where = f"{location}:{n}"
        if len(line) > max_bytes:
            yield Problem(where, f"line is {len(line) / 1e6:.1f} MB, above the {max_bytes / 1e6:.1f} MB limit")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(decode(line))
        except InputError as exc:
            yield Problem(where, str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Problem(where, NESTED_TOO_DEEP)
            continue
        yield _record_or_problem(record, where, max_bytes, location, n)


def _record_or_problem(item: object, where: str, max_bytes: int, path: str, record: int) -> Read:
    try:
        return json_article(item, where, max_bytes, path=path, record=record)
    except InputError as exc:
        return Problem(where, str(exc))
    except Exception as exc:  # noqa: BLE001 - one record's unforeseen failure is that record's problem
        return Problem(where, f"cannot read: {type(exc).__name__}: {first_line(exc)}")


def json_article(item: object, location: str, max_bytes: int, path: str | None = None,
                 record: int | None = None) -> ArticleInput:
    """One JSON record as an article: an object with a non-empty ``text`` and optional metadata."""
    if not isinstance(item, dict):
        raise InputError(f"record is a {type(item).__name__}, not an object")
    text = item.get("text")
    if text is None:
        raise InputError("record has no text field")
    if not isinstance(text, str):
        raise InputError(f"text field is a {type(text).__name__}, not a string")
    if len(text) > max_bytes:
        raise InputError(f"text is above the {max_bytes / 1e6:.1f} MB limit (--max-bytes)")
    return make_article(text, location, item, path=path or location, record=record)


def read_stdin(stream: BinaryIO, max_bytes: int, meter: InputMeter | None = None) -> Iterator[Read]:
    """Standard input: JSON or JSONL when it starts with ``{`` or ``[``, else one text article."""
    meter = meter or InputMeter()
    data = stream.read(max_bytes * JSON_FILE_FACTOR + 1)
    if len(data) > max_bytes * JSON_FILE_FACTOR:
        raise InputError(f"standard input is above the {max_bytes * JSON_FILE_FACTOR / 1e6:.0f} MB limit")
    raw = decode(data)
    head = raw.lstrip("\ufeff \t\r\n")[:1]
    if head == "[" or (head == "{" and _is_single_json(raw)):
        meter.count(len(data))
        yield from read_json_document(raw, STDIN_LOCATION, max_bytes)
    elif head == "{":
        yield from read_jsonl_lines(io.BytesIO(raw.encode("utf-8")), STDIN_LOCATION, max_bytes, meter)
    else:
        if len(data) > max_bytes:
            raise InputError(f"article is above the {max_bytes / 1e6:.1f} MB limit (--max-bytes)")
        meter.count(len(data))
        yield text_article(raw, STDIN_LOCATION)


def _is_single_json(raw: str) -> bool:
    try:
        json.loads(raw)
        return True
    except (json.JSONDecodeError, RecursionError):
        return False


def measure(paths: list[str], stdin: BinaryIO | None = None) -> InputMeter:
    """A meter whose total is the size of everything under ``paths`` (None if one of them is a pipe)."""
    total: int | None = 0
    for name in paths:
        if name == STDIN:
            size = _stdin_size(stdin or sys.stdin.buffer)
            total = None if size is None or total is None else total + size
            continue
        path = Path(name)
        files = known_files(path) if path.is_dir() else [path]
        for file in files:
            try:
                size = file.stat().st_size
            except OSError:  # reported by the reader; counts as nothing here
                size = 0
            total = None if total is None else total + size
    return InputMeter(total=total)


def _stdin_size(stream: BinaryIO) -> int | None:
    """Bytes left on standard input when it is a regular file, else None (a pipe, a terminal)."""
    try:
        descriptor = stream.fileno()
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return None
        return info.st_size - os.lseek(descriptor, 0, os.SEEK_CUR)
    except (OSError, ValueError, AttributeError):
        return None
