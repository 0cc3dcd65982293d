"""Every runtime dependency declared in pyproject.toml is imported by the shipped code (fuhe_cli),
and every third-party package fuhe_cli imports is declared (a dependency, or in a feature extra such
as `dask`); test-only libraries stay in the `test` extra."""
from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib")


def normalised(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {normalised(re.match(r"[A-Za-z0-9_.-]+", requirement).group()) for requirement in requirements}


def imported_top_modules() -> set[str]:
    """Top-level modules imported anywhere in fuhe_cli, lazy imports inside functions included."""
    modules = set()
    for path in (REPO / "fuhe_cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"fuhe_cli"}


def optional_extras() -> set[str]:
    """The packages of the extras that add features (not `test`): fuhe_cli may import those lazily."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set().union(*(declared(extra) for extra in project["optional-dependencies"] if extra != "test"))


def imported_distributions() -> set[str]:
    # The installed metadata maps import names to distributions: yaml -> PyYAML, docx -> python-docx;
    # a module of an extra that is not installed here goes by its own name (distributed, pyarrow).
    owners = packages_distributions()
    found = set()
    for module in imported_top_modules():
        found.update(normalised(dist) for dist in owners.get(module, [module]))
    return found


def test_every_runtime_dependency_is_imported_by_fuhe_cli():
    unused = declared() - imported_distributions()
    assert not unused, f"declared in pyproject but never imported by fuhe_cli: {sorted(unused)}"


def test_every_package_fuhe_cli_imports_is_declared():
    undeclared = imported_distributions() - declared() - optional_extras()
    assert not undeclared, f"imported by fuhe_cli but neither a dependency nor in an extra: {sorted(undeclared)}"


def test_test_only_libraries_are_not_runtime_dependencies():
    assert not declared("test") & declared()
    assert not declared("test") & imported_distributions()
