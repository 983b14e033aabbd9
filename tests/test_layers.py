"""The package layout mirrors the data flow, and the imports prove it.

Stages, in order: base (model, settings, errors, mappings) → load → read → plugins (the parser
contract and the parsers themselves) → tidy → write → run → tools → cli. A module may import only
from its own stage or the stages before it, and the module import graph has no cycle, counting the
imports written inside functions (a cycle hidden by a local import is still a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"extract": ROOT / "src" / "extract", "extract_parsers": ROOT / "parsers"}
STAGES = ("base", "load", "read", "plugins", "tidy", "write", "run", "tools", "cli")
MAX_MODULE_LINES = 500


def module_names() -> dict[str, Path]:
    modules = {}
    for package, folder in SOURCES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join((package, *parts))] = path
    return modules


def stage_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "extract_parsers":
        return "plugins"
    if len(parts) == 1 or parts[1] in {"model", "settings", "errors", "mappings"}:
        return "base"
    if parts[1] in STAGES:
        return parts[1]
    raise AssertionError(f"{module} is in no stage: put it in one of the stage packages {STAGES[1:-1]}")


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `module` imports, at top level or inside functions."""
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in _executed_nodes(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            # `import extract.read.tables.grid` names the module; `from x import y` may name a module or a symbol
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def _executed_nodes(tree: ast.AST):
    """Every node, except those under `if TYPE_CHECKING:` (type hints, never imported at run time)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    known = set(modules)
    return {module: imports_of(module, path, known) for module, path in modules.items()}


def test_every_module_is_in_a_stage():
    for module in module_names():
        stage_of(module)


def test_stages_import_only_from_earlier_stages():
    wrong = []
    for module, imported in import_graph().items():
        rank = STAGES.index(stage_of(module))
        for target in sorted(imported):
            if STAGES.index(stage_of(target)) > rank:
                wrong.append(f"{module} ({stage_of(module)}) imports {target} ({stage_of(target)})")
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (as a path that returns to its start), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            # a package's __init__ is imported on the way to its modules; an import of the package
            # itself from one of its modules is what counts, which the graph already holds
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


@pytest.mark.parametrize("module", sorted(m for m in module_names() if m.startswith("extract.")))
def test_no_module_over_500_lines(module):
    lines = len(module_names()[module].read_text().splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines: split it along its sections"


def test_every_package_is_installed():
    """pyproject.toml lists the packages (the engine, parsers and mappings sit in three folders):
    a stage package missing from the list would be missing from a fresh install."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folder = SOURCES["extract"]
    found = {".".join(("extract", *init.parent.relative_to(folder).parts)) for init in folder.rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert listed - found <= {"extract_parsers", "extract_mappings"}, f"not packages: {sorted(listed - found)}"


def test_tests_import_the_installed_parsers_package():
    """Parsers are installed as `extract_parsers`; `parsers.X` imports only when another test has put the repo's root
    on sys.path, and then as a second copy of the module (a test file run alone failed to import it)."""
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found += [f"{path.name}:{node.lineno}" for n in names if n == "parsers" or n.startswith("parsers.")]
    assert not found, f"import extract_parsers, not parsers: {found}"
