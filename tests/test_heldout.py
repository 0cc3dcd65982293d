"""A held-out round: ten report styles written after the unseen_facts/unseen_attribution rounds.

Each `tests/fixtures/heldout/NAME.txt` (read as `fuhe extract` reads a file, so the GB18030 one
is decoded by detection) has a `NAME.yaml` listing every fact a reader would take from it: line,
the figure as written (`at`), value, unit, qualifier, indicator id (`uncategorized` when no rule
should name it, `any` when not judged), region (official full name) and year.  A fact matches
when line (±1), value and unit agree, as in scripts/score_gold.py; `doubtful: true` facts are
neither required nor refused.  Everything else a fact carries is then compared; `todo:` on an
expectation marks a known gap (counted in the figures and printed, not failed).

Run as a script for the figures (precision, recall, qualifier / indicator / region / year accuracy):

    .venv/bin/python tests/test_heldout.py [-v]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))
TODO_MARK = " [todo]"


@dataclass
class Outcome:
    name: str
    matched: list = field(default_factory=list)      # (fact, expected), non-doubtful expectations
    extra: list = field(default_factory=list)        # facts no expectation accounts for
    missed: list = field(default_factory=list)       # non-doubtful expectations nobody found

    def mismatches(self) -> dict[str, list[str]]:
        """Per judged field, the matched facts that got it wrong."""
        from fuhe_cli.evaluate import same_value

        out: dict[str, list[str]] = {"qualifier": [], "indicator": [], "region": [], "year": [], "bounds": []}
        for fact, expected in self.matched:
            where = f"L{fact.line} {fact.text}"
            before = {kind: len(items) for kind, items in out.items()}
            if fact.qualifier != expected["qualifier"]:
                out["qualifier"].append(f"{where}: {fact.qualifier}, want {expected['qualifier']}")
            for bound in ("low", "high"):
                if bound in expected and not same_value(getattr(fact, bound), expected[bound]):
                    out["bounds"].append(f"{where}: {bound} {getattr(fact, bound)}, want {expected[bound]}")
            if expected["indicator"] != "any" and fact.indicator.id != expected["indicator"]:
                out["indicator"].append(f"{where}: {fact.indicator.id}, want {expected['indicator']}")
            region = fact.region.name if fact.region else None
            if region != expected["region"]:
                out["region"].append(f"{where}: {region}, want {expected['region']}")
            if fact.year != expected["year"]:
                out["year"].append(f"{where}: {fact.year}, want {expected['year']}")
            if expected.get("todo"):
                for kind, items in out.items():
                    items[before[kind]:] = [f"{item} ({expected['todo']}){TODO_MARK}" for item in items[before[kind]:]]
        return out

    def problems(self) -> list[str]:
        out = [f"extra  L{f.line}: {f.text} -> {f.value} {f.unit} [{f.indicator.id}]" for f in self.extra]
        out += [f"missed L{e['line']}: {e['at']} = {e['value']} {e['unit']} ({e['indicator']})" for e in self.missed]
        for kind, items in self.mismatches().items():
            out += [f"{kind:9} {item}" for item in items if not item.endswith(TODO_MARK)]
        return out

    def todos(self) -> list[str]:
        """Known gaps (`todo:` in the YAML): counted in the figures, reported, not failed."""
        return [f"{kind:9} {item}" for kind, items in self.mismatches().items()
                for item in items if item.endswith(TODO_MARK)]


def expectations(name: str, fixtures: Path = FIXTURES) -> dict:
    return yaml.safe_load((fixtures / f"{name}.yaml").read_text(encoding="utf-8"))


def evaluate(name: str, rules, fixtures: Path = FIXTURES) -> Outcome:
    """Read NAME.txt as `fuhe extract` would, extract it, and pair its facts with NAME.yaml."""
    from fuhe_cli.evaluate import match_facts
    from fuhe_cli.extract import extract_text
    from fuhe_cli.reading import read_source

    source = read_source(str(fixtures / f"{name}.txt"))
    document = extract_text(source.text, f"{name}.txt", rules=rules, encoding=source.encoding)
    outcome = Outcome(name)
    outcome.matched, outcome.extra, outcome.missed = match_facts(document.facts,
                                                                 expectations(name, fixtures)["facts"])
    return outcome


@pytest.mark.parametrize("name", NAMES)
def test_heldout_report(name, rules):
    problems = evaluate(name, rules).problems()
    assert not problems, "\n".join(problems)


def last_fact_year(text: str) -> int | None:
    """The year fuhe gives the last figure of a short text (the year-mechanism tests of each round)."""
    from fuhe_cli.extract import extract_text

    document = extract_text(text)
    assert document.facts, "no figure found"
    return document.facts[-1].year


def assert_well_formed(fixtures: Path, minimum: int) -> None:
    """At least `minimum` reports; every expectation names its figure on the line it claims."""
    from fuhe_cli.reading import read_source

    names = sorted(path.stem for path in fixtures.glob("*.txt"))
    assert len(names) >= minimum
    for name in names:
        lines = read_source(str(fixtures / f"{name}.txt")).text.split("\n")
        for expected in expectations(name, fixtures)["facts"]:
            assert {"line", "at", "value", "unit", "qualifier", "indicator", "region", "year"} <= set(expected)
            assert expected["at"] in lines[expected["line"] - 1], (name, expected)


def test_fixtures_are_well_formed():
    assert_well_formed(FIXTURES, 10)


def test_encoded_fixture_is_really_encoded():
    """h05 is stored as GB18030 so the round also goes through decoding."""
    from fuhe_cli.reading import read_source

    raw = (FIXTURES / "h05_speech.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert read_source(str(FIXTURES / "h05_speech.txt")).encoding in {"gb18030", "gbk", "gb2312"}


# The general mechanisms this round added, one line each: (text, [(value, unit, qualifier)]).
GRAMMAR = [
    ("分别比上年提高1.5、2.2和0.7个百分点", [(1.5, "百分点", "exact"), (2.2, "百分点", "exact"),
                                          (0.7, "百分点", "exact")]),
    ("分别为120、85和60万元", [(1200000, "元", "exact"), (850000, "元", "exact"), (600000, "元", "exact")]),
    ("于2023、2024年分别举办3场", [(3, "场", "exact")]),
    ("1、2号楼共建成站点12个", [(12, "个", "exact")]),
    ("阅读 10万+", []),
    ("在看 2186", []),
    ("推文阅读量达10万+", [(100000, None, "at_least")]),
    ("今年前4个月接待来访236件次", [(236, "件次", "exact")]),
    ("开展为期3个月的专项行动", []),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[text for text, _ in GRAMMAR])
def test_grammar_mechanisms(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(normalise(text).text)]
    assert got == expected


# Years: a paragraph that opens with its period dates the paragraphs after it; a month-only
# signature dates 今年; a title naming a period over a longer subject still gives the period.
YEARS = [
    ("市妇联工作情况\n2024-03-28\n\n2023年，全市妇联扎实开展工作。\n全年培训妇女3400人次。", 2023),
    ("市妇联工作情况\n2024-03-28\n\n全市妇联扎实开展工作。\n全年培训妇女3400人次。", None),
    ("家庭教育专题报告\n嘉兴市妇联\n2023年12月\n\n今年1至11月，开展活动3600余场次。", 2023),
    ("2023年宜昌市妇女儿童发展规划监测统计报告\n\n一、健康\n全市共有儿童之家1392个。", 2023),
]


@pytest.mark.parametrize("text, year", YEARS, ids=range(len(YEARS)))
def test_year_mechanisms(text, year):
    from fuhe_cli.extract import extract_text

    document = extract_text(text)
    assert [fact.year for fact in document.facts][-1] == year


def report(argv: list[str], fixtures: Path = FIXTURES) -> int:
    """Print a round's figures (the script entry of every held-out round)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from fuhe_cli.indicators import load_rules

    rules_set = load_rules(use_env=False)
    verbose = "-v" in argv
    tp = fp = fn = judged = 0
    wrong = {"qualifier": 0, "indicator": 0, "region": 0, "year": 0}
    for name in sorted(path.stem for path in fixtures.glob("*.txt")):
        outcome = evaluate(name, rules_set, fixtures)
        tp += len(outcome.matched)
        fp += len(outcome.extra)
        fn += len(outcome.missed)
        judged += sum(expected["indicator"] != "any" for _, expected in outcome.matched)
        for kind, items in outcome.mismatches().items():
            if kind in wrong:
                wrong[kind] += len(items)
        if verbose:
            print(f"== {name}: {len(outcome.matched)} matched, {len(outcome.extra)} extra, {len(outcome.missed)} missed")
            for problem in outcome.problems() + outcome.todos():
                print("  " + problem)
    print(f"precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}  "
          f"qualifier {1 - wrong['qualifier'] / max(1, tp):.3f}  "
          f"indicator {1 - wrong['indicator'] / max(1, judged):.3f}  "
          f"region {1 - wrong['region'] / max(1, tp):.3f}  year {1 - wrong['year'] / max(1, tp):.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn}, indicator judged on {judged})")
    return 0


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:]))
