"""The docs are tested: every table, column and view is documented for analysts, every command has help
and a README entry, the README's reconciliation levels are the reconciler's own, the packaging lists every
package, and the README's walk-through commands run."""
from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ledger.models import Base

REPO = Path(__file__).resolve().parent.parent
SCHEMA = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
VIEWS = ("claims_flat", "figures_flat", "conflicts_flat", "sources_summary", "estimates_flat", "totals_flat")


@pytest.mark.parametrize("table", sorted(Base.metadata.tables))
def test_docs_schema_documents_every_table_and_column(table):
    section = SCHEMA.split(f"### `{table}`", 1)
    assert len(section) == 2 or f"`{table}`" in SCHEMA, f"docs/schema.md has no section for {table}"
    for column in Base.metadata.tables[table].columns:
        assert f"`{column.name}`" in SCHEMA, f"docs/schema.md does not mention {table}.{column.name}"


@pytest.mark.parametrize("view", VIEWS)
def test_docs_schema_documents_every_view(view):
    assert f"`{view}`" in SCHEMA


def test_docs_views_in_schema_are_the_migrated_ones(engine):
    from sqlalchemy import inspect

    assert set(inspect(engine).get_view_names()) == set(VIEWS)


def commands(app, prefix=()):
    """Every command path of the typer app, groups included."""
    import typer.main

    group = typer.main.get_command(app)
    found = []

    def walk(command, path):
        subcommands = getattr(command, "commands", {})
        if path:
            found.append(path)
        for name, sub in subcommands.items():
            walk(sub, (*path, name))

    walk(group, tuple(prefix))
    return found


def test_docs_every_command_has_help_and_a_readme_entry():
    from cli import app

    runner = CliRunner()
    for path in commands(app):
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout, path
        top = path[0]
        assert f"`{top}" in README, f"README does not list `{top}`"


def test_docs_readme_reconciliation_levels_are_the_reconcilers():
    from ledger.reconcile import SEVERITY_LEVELS

    flat = " ".join(README.split())
    for level, text in SEVERITY_LEVELS.items():
        assert f"**{level}**: {' '.join(text.split())}" in flat, f"README's text for {level} is out of date"


def test_docs_readme_starts_with_the_two_commands():
    block = README.split("```", 2)[1].splitlines()[1:]
    lines = [line for line in block if line.strip()]
    assert len(lines) == 2
    assert "pip install ." in lines[0] and "ingest examples/" in lines[0]
    assert 'pip install ".[test]"' in lines[1] and "pytest" in lines[1]


def test_docs_pyproject_lists_every_package():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "ledger").rglob("__init__.py")}
    assert found - {"ledger.migrations"} <= listed
    assert "ledger.migrations" in listed and config["package-dir"]["ledger.migrations"] == "migrations"


def walkthrough() -> list[tuple[list[str], list[str]]]:
    """The `$ ledger ...` lines of the README's console blocks, each with the output shown under it."""
    steps: list[tuple[list[str], list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ ledger "):
                steps.append((shlex.split(line[2:]), []))
            elif steps and line.strip():
                steps[-1][1].append(line.rstrip())
    return steps


def shown_in_order(shown: list[str], output: str) -> bool:
    """Whether the README's lines appear in the real output in the same order ("..." stands for lines left
    out); a line of the README must be a whole line of the output."""
    actual = [line.rstrip() for line in output.splitlines()]
    at = 0
    for line in shown:
        if line == "...":
            continue
        try:
            at = actual.index(line, at) + 1
        except ValueError:
            return False
    return True


def test_docs_readme_walkthrough_runs_and_shows_real_output(tmp_path, monkeypatch):
    from cli import app

    monkeypatch.chdir(REPO)
    runner = CliRunner()
    steps = walkthrough()
    assert steps and steps[0][0][1:4] == ["--db", "example.db", "ingest"]
    assert sum(len(shown) for _, shown in steps) >= 15  # the walk through shows output, not only commands
    for argv, shown in steps:
        argv = [str(tmp_path / a) if a == "example.db" else a for a in argv[1:]]
        result = runner.invoke(app, argv)
        assert result.exit_code == 0, (argv, result.stdout, result.stderr)
        assert shown_in_order(shown, result.stdout + result.stderr), (argv, shown, result.stdout, result.stderr)


def test_docs_shown_in_order_rejects_what_the_output_lacks():
    assert shown_in_order(["a", "...", "c"], "a\nb\nc\n")
    assert not shown_in_order(["c", "a"], "a\nb\nc\n")
    assert not shown_in_order(["a b"], "a b c\n")


# What typer and click print where a value goes when nobody named it: Python types (<str>, <list[int]>),
# required arguments in braces ({paths}), click's type names (TEXT, INTEGER).
RAW_PLACEHOLDER = re.compile(r"<(?:str|int|float|bool|path|[a-z_]*\[[^\]]*\]|[a-z]+(?:\|[a-z]+)+)>"
                             r"|\{[a-z_]+\}|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN|FILENAME)\b")


def test_docs_help_placeholders_are_readable():
    """Every command's --help names what goes where: `--event EVENT_ID`, `PATH...`, `[table|json]`."""
    from cli import app

    runner = CliRunner()
    for path in [(), *commands(app)]:
        text = runner.invoke(app, [*path, "--help"]).stdout
        raw = [line.strip() for line in text.splitlines() if RAW_PLACEHOLDER.search(line)]
        assert not raw, (path, raw)
    assert "Usage: root ingest [OPTIONS] PATH..." in runner.invoke(app, ["ingest", "--help"]).stdout
    assert "-e, --event EVENT_ID" in runner.invoke(app, ["conflicts", "--help"]).stdout


def test_docs_raw_placeholder_pattern_catches_typers_defaults():
    for raw in ("--event <list[int]>", "words <str>", "Usage: ledger ingest {paths}...", "--source TEXT",
                "-f, --format <table|json>"):
        assert RAW_PLACEHOLDER.search(raw), raw
    for readable in ("--event EVENT_ID", "PATH...", "a list of {name, type, aliases}", "[table|json]"):
        assert not RAW_PLACEHOLDER.search(readable), readable


def test_docs_shell_completion_is_on():
    """`ledger --install-completion` exists, and the shell asks the ledger for commands and choices."""
    import subprocess
    import sys

    from cli import app

    assert "--install-completion" in CliRunner().invoke(app, ["--help"]).stdout
    ledger = str(Path(sys.executable).parent / "ledger")
    environment = {"_LEDGER_COMPLETE": "complete_bash", "COMP_WORDS": "ledger conflicts --format ", "COMP_CWORD": "3",
                   "PATH": "/usr/bin:/bin"}
    answer = subprocess.run([ledger], env=environment, capture_output=True, text=True, timeout=60)
    assert answer.stdout.split() == ["table", "json", "jsonl", "csv", "md"]


def python_examples() -> list[tuple[str, list[str]]]:
    """The README's ```python blocks, each with the ```text block after it: what the code prints."""
    return [(code, shown.splitlines())
            for code, shown in re.findall(r"```python\n(.*?)```\n[^`]*```text\n(.*?)```", README, flags=re.S)]


def test_docs_readme_python_example_runs_and_prints_what_it_shows(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    examples = python_examples()
    assert examples and all(len(shown) >= 5 for _, shown in examples)
    for code, shown in examples:
        code = code.replace('"example.db"', repr(str(tmp_path / "example.db")))
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
        printed = capsys.readouterr().out
        assert shown_in_order(shown, printed), (shown, printed)
