"""Region and year of every fact on report styles the seeds do not show.

Each fixture in fixtures/unseen_attribution/ is a report written for these tests (portal news
pages with their navigation and sidebars, digests, a traditional-character re-post, annual
summaries, sign-offs) with a YAML of what a reader would answer: for each figure (`at`: the
figure as written, found in order), its region (official full name) and year. The whole
pipeline runs, as `fuhe extract` does.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fuhe_cli.extract import LineIndex, extract_text

FIXTURES = Path(__file__).parent / "fixtures" / "unseen_attribution"
CASES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def _load(name: str):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    return text, expected


def _facts_by_figure(text: str, document, figures: list[str]):
    """The extracted fact for each figure, looked up in order: same line, text ending with it."""
    lines = LineIndex(text)
    out, cursor = [], 0
    for figure in figures:
        offset = text.index(figure, cursor)
        cursor = offset + len(figure)
        line, _ = lines.locate(offset)
        found = [fact for fact in document.facts if fact.line == line and fact.text.endswith(figure)]
        assert found, f"{figure!r} on line {line} was not extracted"
        out.append(found[0])
    return out


@pytest.mark.parametrize("name", CASES)
def test_fact_regions_and_years(name):
    text, expected = _load(name)
    document = extract_text(text, f"{name}.txt")
    wanted = expected["facts"]
    facts = _facts_by_figure(text, document, [entry["at"] for entry in wanted])
    got = [(entry["at"], fact.region.name if fact.region else None, fact.year)
           for entry, fact in zip(wanted, facts)]
    assert got == [(entry["at"], entry["region"], entry["year"]) for entry in wanted]


@pytest.mark.parametrize("name", CASES)
def test_document_region_date_and_period(name):
    text, expected = _load(name)
    document = extract_text(text, f"{name}.txt")
    if "region" in expected:
        assert (document.region.name if document.region else None) == expected["region"]
    if "date" in expected:
        assert document.date == expected["date"]
    if "year" in expected:
        assert document.year == expected["year"]


def test_fixtures_are_complete():
    assert len(CASES) >= 10
    for name in CASES:
        assert (FIXTURES / f"{name}.yaml").exists(), name
