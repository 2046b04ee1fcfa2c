"""Every module of the package imports on its own, in any order, in a fresh interpreter, and no
two modules import each other (a cycle hidden inside a function still counts)."""

from __future__ import annotations

import ast
import pkgutil
import random
import subprocess
import sys
from pathlib import Path

import citekit

PACKAGE = Path(citekit.__file__).parent


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], prefix="citekit."))


def test_every_module_imports_in_random_orders_in_a_fresh_interpreter():
    modules = _modules()
    assert "citekit.config" in modules and "citekit.text.identifiers" in modules
    for seed in (1, 2, 3):
        order = modules[:]
        random.Random(seed).shuffle(order)
        code = (
            "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, *order], capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"seed {seed}: {done.stderr[-2000:]}"


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The citekit modules ``name`` (its file ``path``) imports, wherever the import statement
    stands (at the top, in a function, under TYPE_CHECKING)."""
    is_package = path.name == "__init__.py"
    parts = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("citekit"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("citekit"):
                continue
            for alias in node.names:  # "from . import rules" imports the module, not "."
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in modules else target)
    return out


def _graph() -> dict[str, set[str]]:
    files = {}
    for name in _modules() + ["citekit"]:
        rel = name.split(".")[1:]
        path = PACKAGE.joinpath(*rel)
        files[name] = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    # (a compiled extension module, parser/_crftag, has no source to read: it imports nothing)
    files = {name: path for name, path in files.items() if path.is_file()}
    return {
        name: {d for d in _imports(path, name, set(files)) if d in files and d != name}
        for name, path in files.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for dep in sorted(graph.get(node, ())):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in on_stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_even_through_lazy_imports():
    cycles = _cycles(_graph())
    assert not cycles, "\n".join(" <-> ".join(c) for c in cycles)
