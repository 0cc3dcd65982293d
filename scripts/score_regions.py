"""Score region and year attribution against the gold files.

Until the number grammar is trusted, facts are placed at the gold offsets: each gold fact's
`text` is found on its gold line and a stand-in quantity is put on its number.

    python scripts/score_regions.py [--gold DIR] [--seeds DIR] [-v]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass
class StandIn:
    start: int
    end: int


def gold_quantities(text: str, facts: list[dict]) -> list[StandIn]:
    from fuhe_cli.normalise import normalise

    lines = text.split("\n")
    offsets, total = [], 0
    for line in lines:
        offsets.append(total)
        total += len(line) + 1
    out = []
    for fact in facts:
        index = fact["line"] - 1
        line = lines[index] if index < len(lines) else ""
        snippet = normalise(str(fact.get("text", ""))).text
        number = normalise(str(fact.get("number", ""))).text
        at = line.find(snippet) if snippet else -1
        if at < 0:
            at = line.find(number) if number else 0
            at = max(at, 0)
        else:
            inner = snippet.find(number) if number else -1
            at += max(inner, 0)
        start = offsets[index] + at if index < len(offsets) else 0
        out.append(StandIn(start, start + max(len(number), 1)))
    return out


def score(gold_dir: Path, seeds_dir: Path, verbose: bool = False) -> dict:
    import yaml

    from fuhe_cli.attribution import attribute
    from fuhe_cli.normalise import normalise

    totals = {"facts": 0, "region_ok": 0, "year_ok": 0, "docs": 0, "title_ok": 0, "date_ok": 0}
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        raw = (seeds_dir / gold["doc"]).read_text(encoding=gold.get("encoding", "utf-8"))
        text = normalise(raw).text
        facts = gold.get("facts", [])
        result = attribute(text, gold_quantities(text, facts))
        totals["docs"] += 1
        totals["title_ok"] += int((result.title or "") == normalise(gold.get("title") or "").text)
        totals["date_ok"] += int(result.date == (gold.get("date") or None))
        for fact, region, year in zip(facts, result.fact_regions, result.fact_years):
            totals["facts"] += 1
            region_ok = region is not None and region.name == fact["region"]
            year_ok = year == fact.get("year")
            totals["region_ok"] += region_ok
            totals["year_ok"] += year_ok
            if verbose and not (region_ok and year_ok):
                print(f"{gold['doc']}:{fact['line']}: {fact['text']}: region {region.name if region else None}"
                      f" (gold {fact['region']}), year {year} (gold {fact.get('year')})")
    facts = totals["facts"] or 1
    totals["region_accuracy"] = round(totals["region_ok"] / facts, 4)
    totals["year_accuracy"] = round(totals["year_ok"] / facts, 4)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("/work/shared/gold"))
    parser.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    totals = score(args.gold, args.seeds, args.verbose)
    print(" ".join(f"{key}={value}" for key, value in totals.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
