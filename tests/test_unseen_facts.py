"""Report texts written for this test (not the seeds): every fact, its qualifier and its indicator.

Each `tests/fixtures/unseen_facts/NAME.txt` has a `NAME.yaml` listing the facts a reader would
take from it: line, value, unit, qualifier and indicator id (`uncategorized` when no rule should
name it, `any` when the indicator is not judged).  A fact matches when line (±1), value and unit
agree, as in scripts/score_gold.py.  `doubtful: true` facts are neither required nor refused;
`todo:` marks a known indicator gap (reported by the script, not failed);
`target: true` marks a planned figure (reported like any other fact; see 04_five_year_plan.yaml).

Run as a script for the figures (precision, recall, qualifier accuracy, named share):

    .venv/bin/python tests/test_unseen_facts.py [-v]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "unseen_facts"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


@dataclass
class Outcome:
    name: str
    matched: list = field(default_factory=list)      # (fact, expected) for non-doubtful expectations
    extra: list = field(default_factory=list)        # facts no expectation accounts for
    missed: list = field(default_factory=list)       # non-doubtful expectations nobody found

    def problems(self) -> list[str]:
        from fuhe_cli.evaluate import same_value

        out = [f"extra  L{f.line}: {f.text} -> {f.value} {f.unit} [{f.indicator.id}]" for f in self.extra]
        out += [f"missed L{e['line']}: {e['value']} {e['unit']} ({e['indicator']})" for e in self.missed]
        for fact, expected in self.matched:
            if fact.qualifier != expected["qualifier"]:
                out.append(f"qualifier L{fact.line}: {fact.text} -> {fact.qualifier}, want {expected['qualifier']}")
            for bound in ("low", "high"):
                if bound in expected and not same_value(getattr(fact, bound), expected[bound]):
                    out.append(f"{bound} L{fact.line}: {fact.text} -> {getattr(fact, bound)}, want {expected[bound]}")
            if (expected["indicator"] != "any" and fact.indicator.id != expected["indicator"]
                    and not expected.get("todo")):
                out.append(f"indicator L{fact.line}: {fact.text} -> {fact.indicator.id}, want {expected['indicator']}")
        return out

    def todos(self) -> list[str]:
        """Known indicator gaps (`todo:` in the YAML): reported, not failed."""
        return [f"todo   L{fact.line}: {fact.text} -> {fact.indicator.id}, want {expected['indicator']} "
                f"({expected['todo']})" + (" [now passes]" if fact.indicator.id == expected["indicator"] else "")
                for fact, expected in self.matched if expected.get("todo")]


def evaluate(name: str, rules) -> Outcome:
    from fuhe_cli.extract import extract_text

    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected_facts = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))["facts"]
    document = extract_text(text, f"{name}.txt", rules=rules)
    from fuhe_cli.evaluate import match_facts

    outcome = Outcome(name)
    outcome.matched, outcome.extra, outcome.missed = match_facts(document.facts, expected_facts)
    return outcome


@pytest.mark.parametrize("name", NAMES)
def test_unseen_report(name, rules):
    problems = evaluate(name, rules).problems()
    assert not problems, "\n".join(problems)


def test_same_thing_worded_differently_gets_one_indicator(rules):
    """11 and 12 report the same indicators in different words, line for line."""
    left, right = evaluate("11_alignment_wording", rules), evaluate("12_prefecture_half_year", rules)
    by_left = {e["indicator"]: f.indicator.id for f, e in left.matched if not e.get("todo")}
    by_right = {e["indicator"]: f.indicator.id for f, e in right.matched if not e.get("todo")}
    shared = set(by_left) & set(by_right)
    assert len(shared) >= 12
    # family.model_families.* differ by level on purpose; everything else must line up
    for indicator in shared:
        assert by_left[indicator] == by_right[indicator] == indicator


# The number-grammar mechanisms the fixtures rely on, one line each: (text, [(value, unit, qualifier)]).
GRAMMAR = [
    ("调处家庭矛盾纠纷260余起", [(260, "起", "at_least")]),
    ("受理纠纷78宗", [(78, "宗", "exact")]),
    ("开展婚前辅导360对次", [(360, "对次", "exact")]),
    ("自2024起施行", []),
    ("1对1帮扶", []),
    ("共3条 每页20条 页次：1/1", []),
    ("共12篇 上一页 下一页", []),
    ("共5条 第1页", []),
    ("共8条 1/1页", []),
    ("全年受理信访线索5条", [(5, "条", "exact")]),
    ("全区实现5个100%目标", []),
    ("做到三个100%，即覆盖率100%", [(100, "%", "exact")]),
    ("志愿服务时长突破12万小时", [(120000, "小时", "at_least")]),
    ("参与人数约占注册志愿者总数的六成", [(60, "%", "approx")]),
    ("女职工占职工总数的46.5%", [(46.5, "%", "exact")]),
    ("参与人数达1.2万", [(12000, "人", "exact")]),
    ("1 | 培训人数 | 人次 | 1,200 | +8.5%", [(1200, "人次", "exact"), (8.5, "%", "exact")]),
    ("3 | 项目资金（万元） | 850 |", [(8500000, "元", "exact")]),
    ("4 | 新建妇女微家（个） | 48 |", [(48, "个", "exact")]),
    ("2 | 宣讲场次 | 356 | -3.2%", [(356, "场次", "exact"), (-3.2, "%", "exact")]),
    ("序号 | 年份 | 2023 |", []),
    ("捐款万元", []),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[text for text, _ in GRAMMAR])
def test_grammar_mechanisms(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(normalise(text).text)]
    assert got == expected


def test_fixtures_are_well_formed():
    assert len(NAMES) >= 10
    for name in NAMES:
        data = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
        for expected in data["facts"]:
            assert {"line", "value", "unit", "qualifier", "indicator"} <= set(expected), (name, expected)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from fuhe_cli.indicators import load_rules

    rules_set = load_rules(use_env=False)
    verbose = "-v" in argv
    tp = fp = fn = qualifier_ok = named = judged = indicator_ok = 0
    for name in NAMES:
        outcome = evaluate(name, rules_set)
        tp += len(outcome.matched)
        fp += len(outcome.extra)
        fn += len(outcome.missed)
        for fact, expected in outcome.matched:
            qualifier_ok += fact.qualifier == expected["qualifier"]
            named += fact.indicator.id != "uncategorized"
            if expected["indicator"] != "any":
                judged += 1
                indicator_ok += fact.indicator.id == expected["indicator"]
        if verbose:
            print(f"== {name}: {len(outcome.matched)} matched, {len(outcome.extra)} extra, {len(outcome.missed)} missed")
            for problem in outcome.problems() + outcome.todos():
                print("  " + problem)
    print(f"precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}  "
          f"qualifier {qualifier_ok / max(1, tp):.3f}  named {named / max(1, tp):.3f}  "
          f"indicator {indicator_ok / max(1, judged):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
