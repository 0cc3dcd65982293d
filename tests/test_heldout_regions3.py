"""Held-out round 3 on region and year attribution: six pages written after heldout_regions and heldout2.

Each `tests/fixtures/heldout_regions3/NAME.txt` has a `NAME.yaml` with the document's expected
region (official full name) and, where the page states them, its date and reporting year, and
every figure a reader would take from it (a region written NAME@PARENT names its parent too, for
names two regions share, e.g. 朝阳区@北京市 / 朝阳区@长春市): line, the figure as written (`at`), value, unit,
qualifier, region and year. Figures are paired with facts as scripts/score_gold.py pairs them
(fuhe_cli.evaluate.match_facts: line ±1, value and unit); indicators are not judged here.

Run as a script for the figures (facts found, region and year accuracy over matched facts):

    .venv/bin/python tests/test_heldout_regions3.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout_regions3"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def expectations(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))


def extract(name: str):
    from fuhe_cli.extract import extract_text
    from fuhe_cli.reading import read_source

    source = read_source(str(FIXTURES / f"{name}.txt"))
    return extract_text(source.text, f"{name}.txt", encoding=source.encoding)


def _name(region, wanted) -> str | None:
    """The region's name, with @PARENT when the expectation is written that way."""
    from fuhe_cli.regions import gazetteer

    if region is None:
        return None
    if isinstance(wanted, str) and "@" in wanted:
        parent = gazetteer().parent(region)
        return f"{region.name}@{parent.name if parent else ''}"
    return region.name


def problems(name: str) -> tuple[list[str], int]:
    """(what is wrong, number of figures judged) for one page."""
    from fuhe_cli.evaluate import match_facts

    expected = expectations(name)
    document = extract(name)
    matched, _, missed = match_facts(document.facts, expected["facts"])
    out = [f"missed L{e['line']}: {e['at']}" for e in missed]
    for fact, wanted in matched:
        region = _name(fact.region, wanted["region"])
        if region != wanted["region"]:
            out.append(f"region L{fact.line} {wanted['at']}: {region}, want {wanted['region']}")
        if fact.year != wanted["year"]:
            out.append(f"year   L{fact.line} {wanted['at']}: {fact.year}, want {wanted['year']}")
    got = {"region": _name(document.region, expected.get("region")),
           "date": document.date, "year": document.year}
    for key in ("region", "date", "year"):
        if key in expected and got[key] != expected[key]:
            out.append(f"document {key}: {got[key]}, want {expected[key]}")
    return out, len(matched)


@pytest.mark.parametrize("name", NAMES)
def test_heldout_regions3(name):
    found, _ = problems(name)
    assert not found, "\n".join(found)


def test_fixtures_are_well_formed():
    """Six pages; every figure is on the line it claims, in reading order."""
    from fuhe_cli.reading import read_source

    assert len(NAMES) >= 6
    for name in NAMES:
        lines = read_source(str(FIXTURES / f"{name}.txt")).text.split("\n")
        expected = expectations(name)
        assert "region" in expected, name
        for fact in expected["facts"]:
            assert {"line", "at", "value", "unit", "qualifier", "region", "year"} <= set(fact)
            assert fact["at"] in lines[fact["line"] - 1], (name, fact)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    verbose = "-v" in argv
    judged = expected_total = wrong_region = wrong_year = missed = documents_wrong = 0
    for name in NAMES:
        found, matched = problems(name)
        judged += matched
        expected_total += sum(not fact.get("doubtful") for fact in expectations(name)["facts"])
        missed += sum(item.startswith("missed") for item in found)
        wrong_region += sum(item.startswith("region") for item in found)
        wrong_year += sum(item.startswith("year") for item in found)
        documents_wrong += sum(item.startswith("document") for item in found)
        if verbose:
            print(f"== {name}: {matched} matched")
            for item in found:
                print("  " + item)
    print(f"recall {judged / max(1, expected_total):.3f}  region {1 - wrong_region / max(1, judged):.3f}  "
          f"year {1 - wrong_year / max(1, judged):.3f}  document fields wrong {documents_wrong}  "
          f"(matched {judged} of {expected_total}, missed {missed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
