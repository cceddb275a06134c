"""The package's shape, checked: no import cycle between modules, the layers of
../shared/design/architecture.md respected, and Arabic only in the language package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "marsad"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, *, runtime_only: bool) -> set[str]:
    """marsad modules ``path`` imports at module level (``runtime_only``: not those under
    ``if TYPE_CHECKING``) — the imports that run when the module is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                if not runtime_only:
                    visit(node.body)
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("marsad"))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in MODULES else node.module)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
    visit(tree.body)
    return {m for m in found if m in MODULES}


def _all_imports(module: str) -> set[str]:
    """The imports that can run: module-level ones and any function's lazy ones (those under
    ``if TYPE_CHECKING`` only name types and are left out)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("marsad"))
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := dfs(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := dfs(node)):
            return found
    return None


def test_no_module_level_import_cycle() -> None:
    # type-only imports count too: a cycle "only for types" still tangles the layers
    graph = {m: {i for i in _imports(p, runtime_only=False) if i != m} for m, p in MODULES.items()}
    assert _cycle(graph) is None, f"import cycle: {' -> '.join(_cycle(graph) or [])}"


LAYERS = {
    # layer: prefixes it must never import (../shared/design/architecture.md, "Never")
    "marsad.doc": ("marsad.annotate", "marsad.events", "marsad.resources", "marsad.store",
                   "marsad.lang", "marsad.coder", "marsad.run", "marsad.cli"),
    "marsad.lang": ("marsad.annotate", "marsad.events", "marsad.store", "marsad.coder",
                    "marsad.run", "marsad.cli", "marsad.resources"),
    "marsad.annotate": ("marsad.store", "marsad.cli", "marsad.run", "marsad.lang.ar"),
    "marsad.events": ("marsad.store", "marsad.cli", "marsad.run", "marsad.lang.ar"),
    "marsad.store": ("marsad.coder", "marsad.annotate", "marsad.events", "marsad.run"),
}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_layer_imports_nothing_it_must_not(layer: str) -> None:
    modules = [m for m in MODULES if m == layer or m.startswith(layer + ".")]
    assert modules, f"no modules under {layer}"
    bad = sorted(f"{m} imports {i}" for m in modules for i in _all_imports(m)
                 if i.startswith(LAYERS[layer]))
    assert not bad, "\n".join(bad)


def _arabic_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value[:40]!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and ARABIC.search(node.value)]


def test_no_arabic_literal_outside_the_language_package() -> None:
    files = [p for p in PACKAGE.rglob("*.py") if "lang" not in p.relative_to(PACKAGE).parts]
    assert files
    found = [hit for p in files for hit in _arabic_literals(p)]
    assert not found, "\n".join(found)


def test_modules_stay_a_few_hundred_lines() -> None:
    long_modules = [f"{p.relative_to(PACKAGE.parent)}: {n} lines" for p in PACKAGE.rglob("*.py")
                    if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500]
    assert not long_modules, "\n".join(long_modules)


def test_functions_fit_on_a_screen() -> None:
    long_functions = [f"{p.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}"
                      for p in PACKAGE.rglob("*.py")
                      for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.end_lineno is not None and node.end_lineno - node.lineno >= 50]
    assert not long_functions, "\n".join(long_functions)
