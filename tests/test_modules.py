"""The run's modules (issue 10): flat, each under 500 lines, and no import cycle among them,
hidden in a function or not (type hints under TYPE_CHECKING aside)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "extract"
# the run's modules: assembling, caching, writing, reporting (the readers are other issues' modules)
RUN_MODULES = ("assembly", "cache", "cli", "corpus", "flags", "output", "pipeline", "report", "report_charts",
               "results", "review", "runner", "store", "workers")  # fmt: skip
MAX_LINES = 500


def imports(module: str) -> set[str]:
    """The extract modules `module` imports anywhere, except under `if TYPE_CHECKING:`."""
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    hints = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test)
             for n in ast.walk(node)}  # fmt: skip
    found = set()
    for node in ast.walk(tree):
        if id(node) in hints:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extract."):
            found.add(node.module.removeprefix("extract."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("extract.") for a in node.names if a.name.startswith("extract."))
    return found


def test_the_run_modules_are_short():
    lines = {m: len((SRC / f"{m}.py").read_text(encoding="utf-8").splitlines()) for m in RUN_MODULES}
    long = {m: n for m, n in lines.items() if n >= MAX_LINES}
    assert not long, f"modules of {MAX_LINES} lines or more: {long}"


def test_no_import_cycle_among_the_run_modules():
    graph = {m: imports(m) for m in RUN_MODULES}
    assert "runner" not in graph["workers"] and "pipeline" not in graph["runner"]
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            assert state.get(other) != 1, "import cycle: " + " -> ".join([*path, module, other])
            if other in graph and other not in state:
                visit(other, [*path, module])
        state[module] = 2

    for module in RUN_MODULES:
        if module not in state:
            visit(module, [])
