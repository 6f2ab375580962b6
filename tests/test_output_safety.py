"""What the ledger prints cannot be steered by the articles it prints: terminal escapes, emoji codes, rich
markup, Markdown links and images, bidi overrides and very long queries from article data or file names
are shown as text (or refused in one line); options with a fixed set of values list their choices."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import write

LEDGER = str(Path(sys.executable).parent / "ledger")
ESC = "\x1b"
STEERING = [ESC, "\x07", "\x9b", "\u202e", "\u2066"]

HOSTILE = """---
outlet: "Evil\\e[2J Post :fire: [bold]loud[/bold]"
title: "Depot\\e]2;owned\\a strike"
published: 2024-06-04
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday, the Valdorian Observatory for Civil Rights said.
"""
MILITIA = """---
outlet: Meridian Wire
published: 2024-06-05
---
The Kessel Brigades said two of its fighters were killed in a drone strike on a depot in Belmora on Monday.
"""


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([LEDGER, "--db", str(db), *args], capture_output=True, text=True, timeout=300)


def no_steering(*texts: str) -> bool:
    return not any(c in text for text in texts for c in STEERING)


@pytest.fixture
def hostile(sqlite_ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "hostile.txt", HOSTILE), write(tmp_path / "militia.txt", MILITIA)
    sqlite_ledger("ingest", "hostile.txt", "militia.txt")
    return sqlite_ledger


# ------------------------------------------------------------------ terminal output


def test_tables_show_control_characters_as_escapes(hostile):
    out = hostile("articles").stdout
    [row] = [line for line in out.splitlines() if line.startswith("│ 1 ")]
    assert [cell.strip() for cell in row.strip("│").split("│")] == [
        "1", "2024-06-04", "Evil\\x1b[2J Post :fire: [bold]loud[/bold]", "Depot\\x1b]2;owned\\x07 strike", "1",
        "hostile.txt"]
    assert no_steering(out)
    hits = hostile("search", "Belmora").stdout
    assert "Evil\\x1b[2J" in hits and no_steering(hits)


def test_conflicts_table_shows_control_characters_as_escapes(hostile):
    out = hostile("conflicts").stdout
    [row] = [line for line in out.splitlines() if "killed fighters 6+" in line]
    assert "│ Evil\\x1b[2J Post :fire:" in row
    assert no_steering(out)


def test_show_article_prints_data_as_text_not_escapes_emoji_or_markup(hostile):
    out = hostile("show", "article", "1").stdout
    lines = out.splitlines()
    assert lines[0] == "article 1: Depot\\x1b]2;owned\\x07 strike"
    assert lines[1] == "  Evil\\x1b[2J Post :fire: [bold]loud[/bold], 2024-06-04, hostile.txt"
    claim = hostile("show", "claim", "1").stdout.splitlines()
    assert claim[5] == "article 1: Depot\\x1b]2;owned\\x07 strike"
    assert no_steering(out, *claim)


def test_error_lines_keep_emoji_codes_and_markup_as_written(hostile):
    result = hostile("claims", "--source", "killed:three:fighters", expect=1)
    assert result.stderr == "error: no source named 'killed:three:fighters' (see `ledger sources`)\n"
    result = hostile("claims", "--source", "[bold]x[/bold] :fire:", expect=1)
    assert result.stderr == "error: no source named '[bold]x[/bold] :fire:' (see `ledger sources`)\n"


def test_figure_with_a_word_for_bounds_is_a_usage_error_without_emoji(hostile):
    result = hostile("claims", "edit", "1", "--figure", "killed:three:fighters", expect=2)
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--figure': figure 'killed:three:fighters': "
                                              "bounds must look like 5, 5+, <=7 or 4-7")


def test_each_problem_is_one_line_whatever_the_file_name(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", MILITIA)
    write(folder / "bad\nname.txt", bytes(range(256)))
    write(folder / f"evil{ESC}[2J{ESC}]2;owned\x07.txt", bytes(range(256)))
    write(folder / "flipped\u202etxt.md", bytes(range(256)))
    write(folder / "yaml.txt", "---\ntitle: fine\noutlet: Lan\x01tern\n---\nThe mayor said the bridge was closed.\n")
    result = run("ingest", str(folder), db=tmp_path / "l.db")
    assert result.returncode == 1
    problems = sorted(line for line in result.stderr.splitlines() if not line.startswith("articles:"))
    assert problems == sorted([
        f"{folder}/bad\\nname.txt: binary data, not text",
        f"{folder}/evil\\x1b[2J\\x1b]2;owned\\x07.txt: binary data, not text",
        f"{folder}/flipped\\u202etxt.md: binary data, not text",
        f"{folder}/yaml.txt: front matter is not valid YAML (line 3): unacceptable character #x0001: special "
        "characters are not allowed",
    ])
    assert no_steering(result.stderr)
    assert json.loads(run("articles", "--format", "json", db=tmp_path / "l.db").stdout)[0]["outlet"] == "Meridian Wire"


# ------------------------------------------------------------------ data formats


def test_json_escapes_every_control_character_and_line_separator(sqlite_ledger, tmp_path):
    text = "The Kessel Brigades said two of its fighters were killed.\u2028Nobody else was hurt in Belmora."
    article = {"text": text, "outlet": "Wire\x9b2J", "title": "Depot\x7f"}
    sqlite_ledger("ingest", write(tmp_path / "a.jsonl", json.dumps(article) + "\n"))
    out = sqlite_ledger("articles", "--format", "json").stdout
    assert '"outlet": "Wire\\u009b2J"' in out and '"title": "Depot\\u007f"' in out
    [row] = json.loads(out)
    assert (row["outlet"], row["title"]) == ("Wire\x9b2J", "Depot\x7f")  # the data is exact
    lines = sqlite_ledger("search", "Belmora", "--in", "articles", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 1 and "\u2028Nobody" in json.loads(lines[0])["snippet"]


def test_csv_is_exact_in_a_pipe_and_escaped_on_a_terminal(hostile):
    piped = hostile("articles", "--format", "csv").stdout
    assert "Evil\x1b[2J Post" in piped  # data formats keep the data
    leader, follower = os.openpty()
    try:
        subprocess.run([LEDGER, "--db", hostile.db, "articles", "--format", "csv"], stdout=follower, timeout=300,
                       check=True)
        shown = os.read(leader, 65536).decode()
    finally:
        os.close(leader)
        os.close(follower)
    assert "Evil\\x1b[2J Post :fire: [bold]loud[/bold],Depot\\x1b]2;owned\\x07 strike," in shown
    assert no_steering(shown)


# ------------------------------------------------------------------ Markdown and HTML

INJECTING = """---
outlet: "Harbour [x](http://evil) Times"
published: 2024-06-04
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday ![img](http://evil/p.png), the Valdorian Observatory for Civil Rights said.
"""


def links_and_images(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found = []
    for token in tokens:
        for child in [token, *(token.children or [])]:
            if child.type in ("link_open", "image", "html_inline", "html_block"):
                found.append(child.type)
    return found


def test_conflicts_markdown_cannot_carry_links_or_images(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "monitor.txt", INJECTING), write(tmp_path / "militia.txt", MILITIA))
    md = ledger("conflicts", "--format", "md").stdout
    assert links_and_images(md) == []
    row = next(line for line in md.splitlines() if line.startswith("| Valdorian"))
    assert row == ("| Valdorian Observatory for Civil Rights | killed fighters 6+ | Harbour \\[x\\](http\\://evil) "
                   "Times | 2024-06-04 | #1 At least six fighters were killed in a drone strike on a depot in Belmora "
                   "on Monday !\\[img\\](http\\://evil/p.png) |")


def test_html_report_shows_bidi_overrides_as_escapes(sqlite_ledger, tmp_path):
    article = MILITIA.replace("Meridian Wire", '"Meridian \\u202eeriW\\u202c \\u2067Wire\\u2069"')
    sqlite_ledger("ingest", write(tmp_path / "bidi.txt", article))
    html = sqlite_ledger("report").stdout
    assert "Meridian \\u202eeriW\\u202c \\u2067Wire\\u2069" in html
    assert not any(chr(c) in html for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    md = sqlite_ledger("report", "--format", "md").stdout
    assert "Meridian \\\\u202eeriW\\\\u202c \\\\u2067Wire\\\\u2069" in md and no_steering(md)


# ------------------------------------------------------------------ search


def test_search_takes_the_first_64_words_and_says_so(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "monitor.txt", INJECTING), write(tmp_path / "militia.txt", MILITIA))

    def found(result):
        return [(hit["kind"], hit["id"]) for hit in json.loads(result.stdout)]

    alone = found(ledger("search", "fighters", "--format", "json"))
    assert sorted(alone) == [("article", 1), ("article", 2), ("claim", 1), ("claim", 2)]
    result = ledger("search", " ".join(["fighters"] * 100), "--format", "json")
    assert result.stderr == "warning: a search takes at most 64 words; the last 36 were left out\n"
    assert found(result) == alone
    quiet = ledger("search", " ".join(["fighters"] * 64), "--format", "json")
    assert quiet.stderr == "" and found(quiet) == alone


def test_capped_query_cuts_a_phrase_where_the_limit_falls():
    from ledger.search import MAX_WORDS, capped

    words = " ".join(f"w{n}" for n in range(MAX_WORDS - 2)) + ' "drone strike on Belmora" depot'
    query, dropped = capped(words)
    assert query.endswith('w61 "drone strike"') and dropped == 3
    assert capped("drone strike") == ("drone strike", 0)


# ------------------------------------------------------------------ options with a fixed set of values


@pytest.fixture
def strike(sqlite_ledger, tmp_path):
    sqlite_ledger("ingest", write(tmp_path / "monitor.txt", INJECTING), write(tmp_path / "militia.txt", MILITIA))
    return sqlite_ledger


FIXED_VALUES = [  # each option, and where the project defines its values
    (["claims", "--kind"], "ledger.reading.types", "CLAIM_KINDS"),
    (["claims", "--metric"], "ledger.reading.types", "METRICS"),
    (["claims", "--status"], "ledger.models", "CLAIM_STATUSES"),
    (["conflicts", "--severity"], "ledger.reconcile", "SEVERITY_LEVELS"),
    (["log", "--entity"], "ledger.review.audit", "ENTITIES"),
    (["search", "drone", "--in"], "ledger.search", "SCOPES"),
    (["events", "rename", "1", "Depot strike", "--precision"], "ledger.models", "DATE_PRECISIONS"),
]


@pytest.mark.parametrize("command,module,name", FIXED_VALUES, ids=[" ".join(c) for c, _, _ in FIXED_VALUES])
def test_fixed_value_options_list_their_choices(strike, command, module, name):
    vocabulary = tuple(getattr(importlib.import_module(module), name))
    option = command[-1]
    result = strike(*command, "nonsense", expect=2)
    assert result.stderr.splitlines()[-1] == (f"Error: Invalid value for '{option}': Value error, 'nonsense' is not "
                                              f"one of {', '.join(map(repr, vocabulary))}.")
    for value in vocabulary:
        strike(*command, value, "--format", "json") if command[0] != "events" else strike(*command, value)
    assert "|".join(vocabulary) in " ".join(strike(*command[:-1], "--help").stdout.split())


def test_claim_kind_in_edit_and_add_is_checked(strike):
    result = strike("claims", "edit", "1", "--kind", "rumour", expect=2)
    assert "'rumour' is not one of 'direct', 'indirect'," in result.stderr
    strike("claims", "edit", "1", "--kind", "according_to")
    assert strike.json("claims", "--kind", "according_to")[0]["id"] == 1


def test_figure_population_is_one_the_ledger_counts(strike):
    from ledger.reading.figures.figure_nouns import populations
    from ledger.reconcile.populations import names

    result = strike("claims", "edit", "1", "--figure", "killed:6:militants", expect=2)
    error = result.stderr.splitlines()[-1]
    assert error.startswith("Error: Invalid value for '--figure': figure 'killed:6:militants': population 'militants' "
                            "is not one the ledger counts ('militants' is counted as fighters); write one of people, "
                            "civilians, children, women, journalists, medics, patients, combatants, fighters, soldiers, personnel, police, ")
    assert error.endswith("or a kind of attack (rocket/missile/drone/mortar/suicide/bomb/car bomb/grenade/artillery/"
                          "militia/insurgent/terrorist followed by attacks/assaults/ambushes/bombings)")
    named, kinds = populations()
    every = list(dict.fromkeys(names() + named)) + [f"{kind} {noun}" for kinds_, nouns in kinds
                                                    for kind in kinds_ for noun in nouns]
    strike("claims", "edit", "1", *(a for p in every for a in ("--figure", f"killed:6:{p}")))
    [claim] = strike.json("claims", "--article", "1")
    assert [f["population"] for f in claim["figures"]] == every
