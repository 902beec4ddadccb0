"""Every module of newsnlp imports on its own and in any order: no import cycle."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsnlp"


def module_files() -> dict[str, tuple[Path, bool]]:
    """Every module of newsnlp by dotted name: (its file, whether it is a package)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue  # ``python -m newsnlp``: runs the CLI when imported
        package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if package else parts)] = (path, package)
    return modules


MODULES = module_files()


def imported(module: str) -> set[str]:
    """The newsnlp modules ``module`` imports, at its top level or inside its functions (a lazy
    import is a cycle too: it only moves the failure to the first call); ``from . import x``
    counts as importing the module ``x`` when there is one, else the package."""
    path, package = MODULES[module]
    base = module.split(".") if package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = base[: len(base) - node.level + 1]
                target = ".".join(parent + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                found.add(sub if (sub := f"{target}.{alias.name}") in MODULES else target)
    return {name for name in found if name in MODULES and name != module}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_module_list_is_complete() -> None:
    assert {"newsnlp", "newsnlp.api", "newsnlp.pipeline", "newsnlp.percentages.reading"} <= set(
        MODULES
    )


def test_no_module_imports_itself_back_through_others() -> None:
    graph = {module: imported(module) for module in MODULES}
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def run(code: str) -> subprocess.CompletedProcess[str]:
    paths = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )


def test_every_module_imports_in_a_fresh_process_in_alphabetical_order() -> None:
    names = sorted(MODULES)
    result = run(
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(len([n for n in sys.modules if n.startswith('newsnlp')]))\n"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) >= len(names)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="imports each module in a forked child")
def test_each_module_imports_alone() -> None:
    """Each module first, in a child forked from a process that has imported the third-party
    libraries but no newsnlp module (as a fresh interpreter would, without paying for their
    import once per module)."""
    result = run(
        "import importlib, os, sys, traceback\n"
        "import numpy, pydantic, pymorphy3, razdel, slovnet, spacy, spacy.tokens\n"
        "assert not [n for n in sys.modules if n.startswith('newsnlp')]\n"
        "failed = []\n"
        f"for name in {sorted(MODULES)!r}:\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except BaseException:\n"
        "            traceback.print_exc()\n"
        "            os._exit(1)\n"
        "        os._exit(0)\n"
        "    if os.waitpid(pid, 0)[1] != 0:\n"
        "        failed.append(name)\n"
        "print(failed)\n"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]", result.stderr[-3000:]


def private_imports(module: str) -> list[str]:
    """The ``_private`` names ``module`` imports from a module of another package (a top-level
    module of newsnlp is a package of its own here; modules of one sub-package such as
    ``percentages`` may share theirs)."""
    path, package = MODULES[module]
    base = module.split(".") if package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            target = ".".join(
                base[: len(base) - node.level + 1] + ([node.module] if node.module else [])
            )
        else:
            target = node.module or ""
        if not target.startswith("newsnlp"):
            continue
        shared = ".".join(base) == target.rpartition(".")[0] != "newsnlp"
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__") and not shared:
                found.append(f"{module}: from {target} import {alias.name}")
    return found


def test_no_module_imports_a_private_name_of_another_package() -> None:
    assert [line for module in sorted(MODULES) for line in private_imports(module)] == []
