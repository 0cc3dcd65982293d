"""Every runtime dependency declared in pyproject.toml is imported by the shipped code (fuhe_cli),
and every third-party package fuhe_cli imports is declared; test-only libraries stay in the `test`
extra."""
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


def imported_distributions() -> set[str]:
    # The installed metadata maps import names to distributions: yaml -> PyYAML, docx -> python-docx.
    owners = packages_distributions()
    found = set()
    for module in imported_top_modules():
        if module not in owners and normalised(module) in declared("dask"):
            found.add(normalised(module))    # an optional extra that is not installed here
            continue
        assert module in owners, f"fuhe_cli imports {module}, which no installed distribution provides"
        found.update(normalised(dist) for dist in owners[module])
    return found


def test_every_runtime_dependency_is_imported_by_fuhe_cli():
    unused = declared() - imported_distributions()
    assert not unused, f"declared in pyproject but never imported by fuhe_cli: {sorted(unused)}"


def test_every_package_fuhe_cli_imports_is_a_runtime_dependency():
    # The `dask` extra's packages are imported lazily, only by --dask and Parquet output.
    undeclared = imported_distributions() - declared() - declared("dask")
    assert not undeclared, f"imported by fuhe_cli but not a runtime or dask-extra dependency: {sorted(undeclared)}"


def test_test_only_libraries_are_not_runtime_dependencies():
    assert not declared("test") & declared()
    assert not declared("test") & imported_distributions()
