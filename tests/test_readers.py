"""Reading every input format, and the one-line problem each bad input gives."""
from __future__ import annotations

import io
import json
import os

import pytest

from conftest import write
from ledger.errors import Problem
from ledger.ingest.article import ArticleInput, make_article, normalise_text, parse_published
from ledger.ingest.readers import read_inputs

BODY = 'The ministry said on Tuesday that "three shepherds were hurt" near Varnok.'


def read(*paths, **kw) -> list:
    return list(read_inputs([str(p) for p in paths], **kw))


def test_readers_text_with_front_matter(tmp_path):
    path = write(tmp_path / "a.txt", f"---\nurl: https://example.org/a\noutlet: Daily Lantern\n"
                                     f"published: 2024-03-05\ntitle: Shepherds hurt\nauthor: R. Osei\n---\n{BODY}\n")
    [article] = read(path)
    assert isinstance(article, ArticleInput)
    assert (article.text, article.url, article.outlet, article.published, article.title, article.author) == \
        (BODY, "https://example.org/a", "Daily Lantern", "2024-03-05", "Shepherds hurt", "R. Osei")
    assert article.path == str(path) and not article.title_in_text


def test_readers_plain_text_title_is_first_line(tmp_path):
    [article] = read(write(tmp_path / "b.md", f"Shepherds hurt near Varnok\n\n{BODY}\n"))
    assert article.title == "Shepherds hurt near Varnok"
    assert article.text.startswith("Shepherds hurt near Varnok\n\n") and article.title_in_text


def test_readers_html_main_text_and_metadata(tmp_path):
    page = (f"<html><head><title>Shepherds hurt | Lantern</title><script>alert('x')</script>"
            f'<meta name="author" content="Rosa Osei"><meta property="article:published_time" content="2024-03-05">'
            f"</head><body><nav>Home | World</nav><article><h1>Shepherds hurt</h1><p>{BODY}</p>"
            f"<p>Officials in Varnok said a second convoy had been turned back at the bridge on Monday.</p>"
            f"</article><iframe src='https://ads.example'></iframe></body></html>")
    [article] = read(write(tmp_path / "c.html", page))
    assert isinstance(article, ArticleInput), article
    assert BODY in article.text and "alert" not in article.text and "Home | World" not in article.text
    assert article.published == "2024-03-05" and article.author == "Rosa Osei"


def test_readers_json_object_and_list(tmp_path):
    one = write(tmp_path / "one.json", json.dumps({"text": BODY, "outlet": "Lantern", "published": "2024-03-05"}))
    many = write(tmp_path / "many.json", json.dumps([{"text": BODY + " One."}, {"text": BODY + " Two."}]))
    found = read(one, many)
    assert [a.text[-4:] for a in found] == ["nok.", "One.", "Two."]
    assert found[0].outlet == "Lantern" and found[2].record == 2


def test_readers_jsonl_records_with_line_numbers(tmp_path):
    path = write(tmp_path / "r.jsonl", "\n".join(json.dumps({"text": f"{BODY} {n}", "url": f"u{n}"}) for n in (1, 2)))
    found = read(path)
    assert [(a.url, a.record) for a in found] == [("u1", 1), ("u2", 2)]


def test_readers_folder_recursively_in_name_order_skipping_other_types(tmp_path):
    write(tmp_path / "in" / "b.txt", BODY + " b")
    write(tmp_path / "in" / "sub" / "a.txt", BODY + " a")
    write(tmp_path / "in" / "notes.docx", b"PK\x03\x04")
    write(tmp_path / "in" / ".hidden.txt", BODY)
    found = read(tmp_path / "in")
    assert [os.path.relpath(a.path, tmp_path / "in") for a in found] == ["b.txt", os.path.join("sub", "a.txt")]


def test_readers_stdin_text_and_json():
    [text] = read_inputs(["-"], stdin=io.BytesIO(f"---\noutlet: Lantern\n---\n{BODY}".encode()))
    assert text.outlet == "Lantern" and text.location == "<stdin>"
    found = list(read_inputs(["-"], stdin=io.BytesIO(b'{"text": "A said B."}\n{"text": "C said D."}\n')))
    assert [a.text for a in found] == ["A said B.", "C said D."]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", "", "empty article: no text"),
    ("blank.txt", "  \n\n \t\n", "empty article: no text"),
    ("bad.txt", b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data, not text"),
    ("list.json", "[1, 2]", None),
    ("scalar.json", "42", "JSON is a int, not an object or a list of objects"),
    ("broken.json", "{\"text\": ", "not valid JSON: Expecting value (line 1, column 10)"),
    ("notext.json", '{"title": "x"}', "record has no text field"),
    ("front.txt", "---\ntitle: [unclosed\n---\nBody", None),
    ("open.txt", "---\ntitle: x\nBody without end", "front matter has no closing --- line"),
    ("date.txt", "---\npublished: someday soon-ish\n---\nBody", "published is not a date: 'someday soon-ish'"),
])
def test_readers_bad_input_gives_one_problem_naming_the_file(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    problems = read(path)
    assert problems and all(isinstance(p, Problem) for p in problems), problems
    assert problems[0].location.startswith(str(path))
    if message:
        assert problems[0].message == message
    assert "\n" not in str(problems[0])


def test_readers_jsonl_broken_line_keeps_the_good_ones(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"text": "A said B."}\n{"text": oops}\n\n[1]\n{"url": "x"}\n{"text": "C said D."}\n')
    found = read(path)
    assert [str(x) for x in found if isinstance(x, Problem)] == [
        f"{path}:2: not valid JSON: Expecting value (column 10)",
        f"{path}:4: record is a list, not an object",
        f"{path}:5: record has no text field"]
    assert [a.text for a in found if isinstance(a, ArticleInput)] == ["A said B.", "C said D."]


def test_readers_missing_path_and_size_limit(tmp_path):
    big = write(tmp_path / "big.txt", "x" * 2000)
    [missing, too_big] = read(tmp_path / "nope.txt", big, max_bytes=1000)
    assert str(missing) == f"{tmp_path / 'nope.txt'}: no such file or folder"
    assert too_big.message == "file is 0.0 MB, above the 0.0 MB limit (--max-bytes)"


def test_readers_utf16_with_bom_is_decoded(tmp_path):
    [article] = read(write(tmp_path / "u.txt", BODY.encode("utf-16")))
    assert article.text == BODY


def test_readers_folder_symlink_loop_reported_once(tmp_path):
    write(tmp_path / "in" / "a.txt", BODY)
    os.symlink(tmp_path / "in", tmp_path / "in" / "loop")
    found = read(tmp_path / "in")
    assert [type(x).__name__ for x in found] == ["Problem", "ArticleInput"]
    assert found[0].message == "folder symlink loop: already read, skipped"


def test_article_normalise_text_keeps_quotes_and_lines():
    raw = "\ufeffTitle  \r\n\r\n\r\n\u201cQuoted,\u201d she said.\t\r\nNext line\n\n\n\n"
    assert normalise_text(raw) == "Title\n\n\u201cQuoted,\u201d she said.\nNext line"


def test_article_text_is_stored_as_given_so_offsets_hold_in_the_original():
    """Spaces at line ends and blank-line runs stay, so an offset into the stored text is the same offset
    in the record as given; only what is not text goes (BOM, CR, blank lines before, blank space after)."""
    raw = "The mayor spoke.  \nNine died, the mayor said.\n\n\n\n\u201cWe mourn,\u201d she said.\n"
    article = make_article(raw, "a.jsonl:1", {})
    assert article.text == raw.rstrip()
    at = raw.index("Nine died")
    assert article.text[at:at + 9] == "Nine died"
    assert make_article("\ufeff\n  \nLine one\r\nLine two \r\n\r\n", "b.txt", {}).text == "Line one\nLine two"


def test_article_identity_ignores_how_the_text_was_spaced():
    tidy = make_article("Nine died, the mayor said.\n\nShe wept.", "a.jsonl:1", {})
    spaced = make_article("Nine died, the mayor said.   \n\n\n\nShe wept.\n", "a.jsonl:2", {})
    assert tidy.text != spaced.text
    assert tidy.sha256 == spaced.sha256


@pytest.mark.parametrize("value, iso", [
    ("2021-02-26", "2021-02-26"), ("2021-02-26T14:05:00Z", "2021-02-26T14:05:00+00:00"),
    ("Feb 26, 2021", "2021-02-26"), ("26 February 2021", "2021-02-26"),
])
def test_article_parse_published_to_iso(value, iso):
    assert parse_published(value) == iso
