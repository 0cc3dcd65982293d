"""Accuracy on the hand-checked gold answers in ../shared (skipped cleanly when it is absent)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

pytestmark = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold is absent")


@pytest.fixture(scope="module")
def scores():
    spec = importlib.util.spec_from_file_location("score_gold", REPO / "scripts" / "score_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(SHARED)


def test_facts_are_found_and_read(scores):
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.95, scores
    assert scores["qualifier_accuracy"] >= 0.97, scores


def test_regions_and_years(scores):
    assert scores["region_accuracy"] >= 0.95, scores
    assert scores["year_accuracy"] >= 0.9, scores


def test_indicators_are_named_and_line_up_across_reports(scores):
    assert scores["named_indicator_share"] >= 0.85, scores
    assert scores["keys_aligned"], scores["key_indicators"]
