"""Hostile and broken input: each bad file gets its one-line error, the good ones go in, nothing is half
written, the exit status is 1, and no traceback is shown."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


from conftest import write

LEDGER = str(Path(sys.executable).parent / "ledger")
GOOD = "---\noutlet: Lantern\n---\nThe mayor of Tessin said three people were hurt when the bridge collapsed.\n"


def corpus(folder: Path) -> dict[str, str | None]:
    """Bad (and awkward but good) files, with the one-line error each must give (None: ingested)."""
    write(folder / "good.txt", GOOD)
    write(folder / "binary.txt", bytes(range(256)) * 4)
    write(folder / "latin1.txt", "Le maire a dit: \xab trois bless\xe9s \xbb".encode("latin-1"))
    write(folder / "utf16.txt", ("---\noutlet: Lantern\n---\nThe governor said two shepherds were hurt.\n")
          .encode("utf-16"))
    write(folder / "empty.txt", "")
    write(folder / "blank.md", " \n\t\n \n")
    write(folder / "huge.txt", "The minister said everything was fine. " * 1_400_000)  # ~55 MB
    write(folder / "long_line.txt", "The council said " + "the road was closed and " * 90_000 + "so on.")
    write(folder / "mixed.jsonl", json.dumps({"text": "The police said two men were detained."}) + "\n"
          + '{"text": "broken\n' + json.dumps({"text": "The army said a convoy was hit."}) + "\n")
    write(folder / "array.json", "[1, 2, 3]")
    write(folder / "notext.json", json.dumps({"title": "no body here", "url": "https://example.org"}))
    write(folder / "page.html", "<html><head><title>Bridge</title><script>document.write('pwned')</script>"
                                "</head><body><iframe src='https://evil.example'></iframe><article><p>The mayor "
                                "said the bridge in Ostreva would reopen on Friday after repairs to its "
                                "supports.</p><p>Engineers said the river had risen by two metres.</p>"
                                "</article></body></html>")
    os.symlink(folder, folder / "loop")
    big = "huge.txt"
    return {
        "good.txt": None, "utf16.txt": None, "long_line.txt": None, "page.html": None,
        "binary.txt": "binary data, not text",
        "latin1.txt": "not UTF-8 text (byte 0xab at offset 16)",
        "empty.txt": "empty article: no text", "blank.md": "empty article: no text",
        big: f"file is {(folder / big).stat().st_size / 1e6:.1f} MB, above the 5.2 MB limit (--max-bytes)",
        "mixed.jsonl:2": "not valid JSON: Invalid control character at (column 17)",
        "array.json: item 1": "record is a int, not an object",
        "array.json: item 2": "record is a int, not an object",
        "array.json: item 3": "record is a int, not an object",
        "notext.json": "record has no text field",
        "loop": "folder symlink loop: already read, skipped",
    }


def test_hostile_input_each_bad_file_one_line_the_rest_ingested(tmp_path, db_url):
    folder = tmp_path / "in"
    expected = corpus(folder)
    db = db_url
    result = subprocess.run([LEDGER, "--db", str(db), "ingest", str(folder), str(tmp_path / "missing.txt")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line and not line.startswith("articles:")]
    problems = {line.split(": ", 1)[0].removeprefix(str(folder) + "/"): line.split(": ", 1)[1] for line in lines
                if not line.startswith(f"{folder}/array.json: item")}
    problems.update({line.rsplit(": ", 1)[0].removeprefix(str(folder) + "/"): line.rsplit(": ", 1)[1]
                     for line in lines if line.startswith(f"{folder}/array.json: item")})
    wanted = {k: v for k, v in expected.items() if v is not None}
    wanted[str(tmp_path / "missing.txt")] = "no such file or folder"
    assert problems == wanted
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("articles: 6 new, 0 already present, 12 failed"), summary
    titles = json.loads(subprocess.run([LEDGER, "--db", str(db), "articles", "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    ingested = {Path(a["path"]).name for a in titles}
    assert ingested == {"good.txt", "utf16.txt", "long_line.txt", "page.html", "mixed.jsonl"}
    claims = subprocess.run([LEDGER, "--db", str(db), "export", "claims"], capture_output=True, text=True).stdout
    assert "pwned" not in claims and "evil.example" not in claims


def test_hostile_input_size_limit_is_configurable(ledger, tmp_path):
    path = write(tmp_path / "a.txt", GOOD)
    result = ledger("ingest", "--max-bytes", "20", path, expect=1)
    assert result.stderr.splitlines()[0] == f"{path}: file is 0.0 MB, above the 0.0 MB limit (--max-bytes)"
    ledger("ingest", "--max-bytes", "100000", path)


def test_hostile_input_debug_shows_the_traceback(tmp_path):
    result = subprocess.run([LEDGER, "--debug", "--db", str(tmp_path / "no" / "x.db"), "claims"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_hostile_input_unreadable_file(sqlite_ledger, tmp_path, monkeypatch):
    """A file the user may not read. Root reads everything, so when the tests run as root the kernel's
    permission check is emulated for files whose mode grants no read permission."""
    secret = write(tmp_path / "secret.txt", GOOD)
    good = write(tmp_path / "good.txt", GOOD.replace("three", "four"))
    os.chmod(secret, 0)
    if os.geteuid() == 0:
        real_open = Path.open

        def open_like_a_user(self, *args, **kwargs):
            if self.exists() and not self.stat().st_mode & 0o444:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", open_like_a_user)
    result = sqlite_ledger("ingest", secret, good, expect=1)
    assert result.stderr.splitlines()[0] == f"{secret}: cannot read: permission denied"
    assert "1 new, 0 already present, 1 failed" in result.stderr


def test_hostile_input_closed_pipe_ends_quietly(tmp_path):
    """`ledger export claims | head -1`: the reader stops early; the ledger ends without an error line."""
    db = tmp_path / "x.db"
    articles = "\n".join(json.dumps({"title": f"Report {n}", "published": "2024-05-15",
                                     "text": f"The health ministry said {n + 2} people were killed in the blast."})
                         for n in range(300))
    write(tmp_path / "many.jsonl", articles)
    subprocess.run([LEDGER, "--db", str(db), "ingest", str(tmp_path / "many.jsonl")], check=True, capture_output=True)
    reader = subprocess.Popen([LEDGER, "--db", str(db), "export", "claims"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    first = reader.stdout.readline()
    reader.stdout.close()  # as `head -1` does
    _, stderr = reader.communicate(timeout=60)
    assert json.loads(first)["source"]["name"]
    assert stderr.decode() == ""
    assert reader.returncode in (0, 141)  # 0 when everything fitted in the pipe before it closed
