"""The package's layout: the stages in order, imports at the top of modules, flowing one way, no cycle."""

import ast
from pathlib import Path

import pytest

from helpers.paths import ROOT

PACKAGE = ROOT / "helpers"

#: Every module of ``helpers``, in the order the stages run: a module may import only modules listed before it.
#: A package's ``__init__`` (``helpers.align``) comes after its modules, since it re-exports them.
ORDER = [
    # the bottom: paths, column names, patterns, vocabularies, parameters, caches, fetches, CSV writing
    "helpers", "helpers.paths", "helpers.columns", "helpers.frames", "helpers.patterns", "helpers.cache", "helpers.vocab",
    "helpers.params", "helpers.npm", "helpers.export", "helpers.errors", "helpers.publish",
    # 1 text: read, cut, parse
    "helpers.text", "helpers.text.reader", "helpers.text.segment", "helpers.text.variants", "helpers.text.parse",
    # 2 tables: mentions (and the gazetteer's tokenizer), claims, every table of a document
    "helpers.tables", "helpers.tables.entities", "helpers.tables.claims", "helpers.tables.ties",
    "helpers.tables.discover",
    "helpers.tables.extract",
    # 3 align: dictionaries, evidence, decoder, links, evaluation
    "helpers.align.dictionary", "helpers.align.ecdict", "helpers.align.numbers", "helpers.align.kind",
    "helpers.align.evidence",
    "helpers.align.decode",
    "helpers.align.link", "helpers.align.evaluate", "helpers.align",
    # 4 framing: themes, labs, shifts
    "helpers.framing", "helpers.framing.themes", "helpers.framing.labs", "helpers.framing.shifts", "helpers.framing.caveats", "helpers.framing.reliability",
    # 5 the whole analysis
    "helpers.pipeline",
    # 6 render: figures, prose, the report
    "helpers.render", "helpers.render.fonts", "helpers.render.errors", "helpers.render.assets",
    "helpers.render.notebooks", "helpers.render.browser", "helpers.render.pages", "helpers.render.figures",
    "helpers.render.tables", "helpers.render.narrative", "helpers.render.deck", "helpers.render.conclusions",
    "helpers.render.runner", "helpers.render.kernels", "helpers.render.report",
    # 7 drivers
    "helpers.corpus_pool", "helpers.corpus", "helpers.cli", "helpers.__main__",
]
RANK = {name: k for k, name in enumerate(ORDER)}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolve(node: ast.ImportFrom | ast.Import, module: str, is_package: bool, known: set[str]) -> list[str]:
    """The project modules an import statement loads (``from . import npm`` → helpers.npm)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "helpers"]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "helpers":
        return []
    found = [target]
    found += [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
    return found


def import_graph() -> tuple[dict[str, set[str]], list[str]]:
    """Edges module → project modules it imports, and every project import found inside a function or class."""
    modules = project_modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    nested: list[str] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        graph[name] = set()
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[name].update(t for t in resolve(node, name, is_package, known) if t != name)
        for outer in ast.walk(tree):
            if isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for node in ast.walk(outer):
                    if isinstance(node, (ast.Import, ast.ImportFrom)) and resolve(node, name, is_package, known):
                        nested.append(f"{name}:{node.lineno}")
    return graph, nested


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_every_module_has_its_place_in_the_stages():
    assert sorted(set(project_modules()) - set(ORDER)) == []


def test_imports_flow_from_earlier_stages_to_later_ones():
    graph, _ = import_graph()
    backwards = sorted(f"{a} imports {b}" for a, targets in graph.items() for b in targets
                       if b in RANK and a in RANK and RANK[b] >= RANK[a])
    assert backwards == []


def test_there_is_no_import_cycle():
    graph, _ = import_graph()
    assert find_cycle(graph) is None


def test_project_imports_sit_at_the_top_of_modules():
    _, nested = import_graph()
    assert nested == []


@pytest.mark.parametrize("graph, cycle", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ({"a": {"b"}, "b": set(), "c": {"a"}}, None),
    ({"a": {"a"}}, ["a", "a"]),
])
def test_the_cycle_finder_finds_cycles(graph, cycle):
    assert find_cycle(graph) == cycle


def test_the_walk_sees_relative_imports_and_submodules():
    known = {"helpers.render.report", "helpers.npm", "helpers.render", "helpers"}
    node = ast.parse("from .. import npm").body[0]
    assert resolve(node, "helpers.render.report", False, known) == ["helpers", "helpers.npm"]
    node = ast.parse("from .report import build_report").body[0]
    assert resolve(node, "helpers.render", True, known) == ["helpers.render.report"]


def test_no_test_turns_a_broken_project_import_into_a_skip():
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("importorskip", "find_spec") \
                    and node.args and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith("helpers"):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_doctests_run_with_the_tests():
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "--doctest-modules" in config and '"helpers"' in config.split("testpaths", 1)[1].splitlines()[0]
