"""Test-wide safety: no test reads the user's store or rule directories."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_store_and_rules(tmp_path_factory, monkeypatch):
    # A test that forgets --db or --no-save writes here, never into the user data directory.
    monkeypatch.setenv("FUHE_DB", str(tmp_path_factory.mktemp("store") / "fuhe.sqlite"))
    monkeypatch.delenv("FUHE_RULES", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def rules():
    """The shipped rules only (no FUHE_RULES), loaded once for the whole run."""
    from fuhe_cli.indicators import load_rules

    return load_rules(use_env=False)
