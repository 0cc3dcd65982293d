"""fuhe: structured, comparable indicators from women's-federation work reports.

The names below are what a notebook user needs; they are imported lazily so
that `fuhe --version` stays fast.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "extract_text", "parse_number", "load_rules", "Fact", "Document", "__version__"]

_LAZY = {
    "extract": ("fuhe_cli.extract", "extract"),
    "extract_text": ("fuhe_cli.extract", "extract_text"),
    "parse_number": ("fuhe_cli.number_expressions", "parse_number"),
    "load_rules": ("fuhe_cli.indicators", "load_rules"),
    "Fact": ("fuhe_cli.models", "Fact"),
    "Document": ("fuhe_cli.models", "Document"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(name)
