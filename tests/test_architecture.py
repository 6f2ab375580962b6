"""The shape of the package: no import cycle between packages, and no import of a ledger module hidden
inside a function (the usual way to paper over such a cycle). Read from the source with ``ast``, so the
test sees every import, including those that run only in some branch."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "ledger"

# Imports allowed inside a function: heavy third-party modules most commands never need, loaded when used.
# Never a ledger module.
LAZY_THIRD_PARTY = {
    "alembic": "alembic loads slowly; only schema upgrades need it",
    "alembic.config": "as alembic",
    "dateparser": "about half a second to import; only dates in a format the ledger does not parse itself",
    "trafilatura": "about a second to import; only HTML inputs",
    "rich.text": "only the terminal rendering of a passage",
    "sqlalchemy.dialects.postgresql": "the dialect of the engine in use, one of two",
    "sqlalchemy.dialects.sqlite": "the dialect of the engine in use, one of two",
    "re": "re's private parser, read in a guarded block that falls back when it changes",
}
# ``ledger.commands`` imports lazily so that ``ledger --help`` stays fast; the library face (``Ledger``)
# gives each command one method to call, after which this exception goes.
LAZY_LEDGER_IMPORTS_ALLOWED_IN = ("ledger.commands",)
LAZY_LEDGER_IMPORTS = {
    ("ledger", "ledger.library"): "`from ledger import Ledger` is loaded on first use (a module __getattr__), so "
                                  "that importing a pure part of the package does not load the database layer",
    ("ledger.reading", "ledger.reading.reader"): "`from ledger.reading import read` loads the pipeline on first "
                                                 "use, so that the models' import of ledger.reading.types does not",
    ("ledger.reading.events", "ledger.reading.events.grouping"): "as ledger.reading: the event reading loads "
                                                                 "when first used",
    ("ledger.library", "ledger.ingest.run"): "only an ingest needs the reading wing (a third of a second to load): "
                                             "the commands that only read the ledger start without it",
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()
PACKAGES = {name for name, path in MODULES.items() if path.name == "__init__.py"}


def _imports(name: str, path: Path) -> list[tuple[str, ast.AST, bool]]:
    """(module imported, node, inside a function) for every import of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - child.level + 1] + ([base] if base else []))
                for alias in child.names:  # ``from ledger.reading import stages``: the module ledger.reading.stages
                    sub = f"{base}.{alias.name}"
                    found.append((sub if sub in MODULES else base, child, in_function))
            visit(child, inside)

    visit(tree, False)
    return found


def _node(module: str) -> str:
    """The graph node of a module: its package, unless the package holds subpackages (``ledger``,
    ``ledger.reading``), whose own modules each stand alone beside their subpackages."""
    if module in PACKAGES:
        return module
    package = module.rpartition(".")[0]
    has_subpackages = any(p.startswith(package + ".") for p in PACKAGES)
    return module if has_subpackages else package


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {_node(name): set() for name in MODULES}
    for name, path in MODULES.items():
        for target, _, _ in _imports(name, path):
            if target in MODULES and _node(target) != _node(name):
                graph[_node(name)].add(_node(target))
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_architecture_has_no_import_cycle_between_packages():
    graph = _package_graph()
    assert {"ledger.text", "ledger.reading.claims", "ledger.reading.events", "ledger.reconcile"} <= set(graph)
    assert _cycles(graph) == []


def test_architecture_text_knows_no_domain_and_vocab_holds_no_code():
    graph = _package_graph()
    assert graph["ledger.text"] == set()  # ledger.text imports nothing of the ledger
    assert [p.name for p in (ROOT / "vocab").glob("*.py")] == ["__init__.py"]
    assert "import" not in (ROOT / "vocab" / "__init__.py").read_text(encoding="utf-8")


def test_architecture_reading_is_pure():
    """The reading wing reads text: no database, no ingest, no reconciler, no CLI."""
    reading = {n for n in MODULES if n.startswith("ledger.reading")}
    for name in reading:
        for target, _, _ in _imports(name, MODULES[name]):
            assert not target.startswith(("sqlalchemy", "ledger.db", "ledger.models", "ledger.ingest",
                                          "ledger.reconcile", "ledger.commands", "typer")), (name, target)


def test_architecture_no_function_local_import_of_a_ledger_module():
    hidden = []
    for name, path in MODULES.items():
        for target, node, in_function in _imports(name, path):
            if not in_function:
                continue
            if target.startswith("ledger"):
                if not name.startswith(LAZY_LEDGER_IMPORTS_ALLOWED_IN) and (name, target) not in LAZY_LEDGER_IMPORTS:
                    hidden.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {target}")
            elif target not in LAZY_THIRD_PARTY and target.split(".")[0] not in LAZY_THIRD_PARTY:
                hidden.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {target} (not in LAZY_THIRD_PARTY)")
    assert hidden == []


def test_architecture_cycle_detection_finds_a_planted_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
