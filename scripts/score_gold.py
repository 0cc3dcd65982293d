"""Score fuhe against hand-checked gold answers (../shared/gold by default).

A fact matches a gold fact when line (±1), value and unit agree. Gold facts marked
`doubtful: true` are neither rewarded nor punished.

    python scripts/score_gold.py [--shared ../shared] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def score(shared: Path, verbose: bool = False) -> dict:
    from fuhe_cli.evaluate import match_facts
    from fuhe_cli.extract import extract_path
    from fuhe_cli.indicators import load_rules

    rules = load_rules(use_env=False)
    totals = {"tp": 0, "fp": 0, "fn": 0, "qualifier_ok": 0, "region_ok": 0, "region_n": 0,
              "named": 0, "year_ok": 0}
    keyed: dict[str, set[str]] = {}
    for gold_path in sorted((shared / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        doc = extract_path(str(shared / "seeds" / gold["doc"]), rules=rules)
        scored, extra, missed = match_facts(doc.facts, gold.get("facts") or [])
        totals["tp"] += len(scored)
        totals["fn"] += len(missed)
        totals["fp"] += len(extra)
        for fact, expected in scored:
            totals["qualifier_ok"] += fact.qualifier == expected["qualifier"]
            totals["region_n"] += 1
            totals["region_ok"] += bool(fact.region) and fact.region.name == expected.get("region")
            totals["named"] += fact.indicator.id != "uncategorized"
            totals["year_ok"] += fact.year == expected.get("year")
            if expected.get("key"):
                keyed.setdefault(expected["key"], set()).add(fact.indicator.id)
        if verbose:
            print(f"== {gold['doc']}: {len(scored)} matched, {len(extra)} extra, {len(missed)} missed")
            for fact in extra:
                print(f"  extra  L{fact.line}: {fact.text} -> {fact.value} {fact.unit} ({fact.qualifier})")
            for expected in missed:
                print(f"  missed L{expected['line']}: {expected['text']} -> {expected['value']} {expected['unit']}")
            for fact, expected in scored:
                problems = []
                if fact.qualifier != expected["qualifier"]:
                    problems.append(f"qualifier {fact.qualifier} != {expected['qualifier']}")
                if not fact.region or fact.region.name != expected.get("region"):
                    problems.append(f"region {fact.region.name if fact.region else None} != {expected.get('region')}")
                if fact.year != expected.get("year"):
                    problems.append(f"year {fact.year} != {expected.get('year')}")
                if fact.indicator.id == "uncategorized":
                    problems.append(f"uncategorized ({fact.indicator.name})")
                if problems:
                    print(f"  L{fact.line} {fact.text}: " + "; ".join(problems))
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    keys_aligned = all(len(ids) == 1 and "uncategorized" not in ids for ids in keyed.values())
    distinct = len({next(iter(ids)) for ids in keyed.values() if len(ids) == 1}) == len(keyed)
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "qualifier_accuracy": round(totals["qualifier_ok"] / tp, 4) if tp else 0.0,
        "region_accuracy": round(totals["region_ok"] / totals["region_n"], 4) if totals["region_n"] else 0.0,
        "year_accuracy": round(totals["year_ok"] / tp, 4) if tp else 0.0,
        "named_indicator_share": round(totals["named"] / tp, 4) if tp else 0.0,
        "keys_aligned": keys_aligned and distinct,
        "key_indicators": {key: sorted(ids) for key, ids in sorted(keyed.items())},
        "matched": tp, "extra": fp, "missed": fn,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "gold").is_dir():
        print(f"no gold answers under {shared}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    print(json.dumps(score(shared, args.verbose), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
