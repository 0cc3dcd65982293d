"""Score the report corpus: `tests/corpus/NAME.txt` against what a reader takes from it, `NAME.yaml`.

Every corpus test uses this one scorer.  `tests/corpus/index.yaml` puts each text in a suite, and
the suite says what its answers state: the keys every answer carries, whether the answers list
every figure of the text (`complete`: then a figure nobody expects is an error), and whether the
document's own `region`, `date` and `year` (top-level keys of the YAML) are judged.

A text is read as `fuhe extract` reads a file (so a GB18030 text is decoded by detection) and
extracted with the shipped rules.  An answer with a `line` is paired with a fact as
scripts/score_gold.py pairs them (fuhe_cli.evaluate.match_facts: line ±1, value and unit); an
answer with only `at` (the figure as written) is found in reading order, and its fact is the one
on that line whose text ends with it.  Then every field the answer gives is compared:
`qualifier`, `low`/`high`, `indicator` (`any`: not judged; `uncategorized`: no rule may name
it), `region` (official full name; `NAME@PARENT` names the parent too), `year`, and the optional
`period` (null or {start: 'YYYY-MM' | null, end: ...}) and `target` (bool), which are judged once
facts carry them.

- `doubtful: true`: the answer is neither required nor refused.
- `todo: '...'` on an answer: a known gap.  Its wrong fields are counted in the figures and
  printed, not failed; a `todo` that starts with `missed` also lets the answer go unfound.
- `known_extra: [{line, value, unit, todo}]`: figures fuhe takes that are not facts; counted as
  extra in the figures, not failed.
- `document_todo: {year: '...'}` (top level): a known gap in a document field; counted and printed,
  not failed, and stale (failing) once fuhe gets the field right.

Run as a script for the figures (precision, recall, qualifier / indicator / region / year
accuracy) over the whole corpus, per suite and per kind of report (the name's first word):

    .venv/bin/python tests/corpus_scoring.py [-v] [NAME ...]   (NAME: a text, or a suite for all its texts)
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
TODO_MARK = " [todo]"
FIELDS = ("qualifier", "bounds", "indicator", "region", "year", "period", "target")
DOCUMENT_FIELDS = ("region", "date", "year")


@dataclass(frozen=True)
class Suite:
    name: str
    about: str
    answers: tuple[str, ...]     # keys every answer of the suite carries
    complete: bool               # the answers list every figure of the text
    document: bool               # the YAML's top-level region / date / year are judged
    minimum: int                 # at least this many texts
    texts: tuple[str, ...]
    requires: tuple[str, ...] = ()   # top-level keys every YAML of the suite gives


def suites() -> dict[str, Suite]:
    index = yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))
    return {name: Suite(name, entry["about"], tuple(entry["answers"]), entry["complete"],
                        entry["document"], entry["minimum"], tuple(entry.get("texts") or ()),
                        tuple(entry.get("requires") or ()))
            for name, entry in index["suites"].items()}


def suite_of(name: str) -> Suite:
    return next(suite for suite in suites().values() if name in suite.texts)


def names() -> list[str]:
    return sorted(text for suite in suites().values() for text in suite.texts)


def kind_of(name: str) -> str:
    """The kind of report a text is, by the first word of its name (summary, news, digest, ...)."""
    return name.split("_", 1)[0]


def expectations(name: str) -> dict:
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def read(name: str):
    from fuhe_cli.reading import read_source

    return read_source(str(CORPUS / f"{name}.txt"))


def fact_ending_with(facts, figure: str, line: int | None = None):
    """The first fact whose text ends with the figure as written (on `line`, when given)."""
    return next((fact for fact in facts if fact.text.endswith(figure)
                 and (line is None or fact.line == line)), None)


def region_name(region, wanted) -> str | None:
    """The region's name, with @PARENT when the answer is written that way."""
    from fuhe_cli.regions import gazetteer

    if region is None:
        return None
    if isinstance(wanted, str) and "@" in wanted:
        parent = gazetteer().parent(region)
        return f"{region.name}@{parent.name if parent else ''}"
    return region.name


def _period(value):
    """A period as {start, end}, whether the fact holds a model, a mapping or nothing."""
    if value is None:
        return None
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    return {"start": value.get("start"), "end": value.get("end")}


@dataclass
class Outcome:
    name: str
    suite: Suite
    matched: list = field(default_factory=list)      # (fact, answer), non-doubtful answers
    extra: list = field(default_factory=list)        # facts no answer accounts for (complete suites)
    known_extra: list = field(default_factory=list)  # the extra facts `known_extra:` names
    missed: list = field(default_factory=list)       # non-doubtful answers nobody found
    document: list = field(default_factory=list)     # wrong document fields
    document_todos: list = field(default_factory=list)        # wrong ones with a document_todo note
    stale_document_todos: list = field(default_factory=list)  # notes on fields now right
    unjudged: set = field(default_factory=set)       # answer keys facts do not carry yet

    def mismatches(self) -> dict[str, list[str]]:
        """Per judged field, the matched facts that got it wrong (a `todo` answer's marked)."""
        out: dict[str, list[str]] = {kind: [] for kind in FIELDS}
        for fact, expected in self.matched:
            for kind, item in self._wrong(fact, expected):
                out[kind].append(f"{item} ({expected['todo']}){TODO_MARK}" if expected.get("todo") else item)
        return out

    def stale_todos(self) -> list[str]:
        """`todo` answers fuhe now gets right: the note must go, or it hides the next regression."""
        return [f"L{fact.line} {fact.text}: {expected['todo']}" for fact, expected in self.matched
                if expected.get("todo") and not self._wrong(fact, expected)] \
            + [f"document {item}" for item in self.stale_document_todos]

    def _wrong(self, fact, expected: dict) -> list[tuple[str, str]]:
        """(field, what is wrong) for each judged field of one matched fact that fuhe got wrong."""
        from fuhe_cli.evaluate import same_value

        where = f"L{fact.line} {fact.text}"
        out = []
        if "qualifier" in expected and fact.qualifier != expected["qualifier"]:
            out.append(("qualifier", f"{where}: {fact.qualifier}, want {expected['qualifier']}"))
        for bound in ("low", "high"):
            if bound in expected and not same_value(getattr(fact, bound), expected[bound]):
                out.append(("bounds", f"{where}: {bound} {getattr(fact, bound)}, want {expected[bound]}"))
        if expected.get("indicator", "any") != "any" and fact.indicator.id != expected["indicator"]:
            out.append(("indicator", f"{where}: {fact.indicator.id}, want {expected['indicator']}"))
        if "region" in expected:
            region = region_name(fact.region, expected["region"])
            if region != expected["region"]:
                out.append(("region", f"{where}: {region}, want {expected['region']}"))
        if "year" in expected and fact.year != expected["year"]:
            out.append(("year", f"{where}: {fact.year}, want {expected['year']}"))
        for key in ("period", "target"):
            if key not in expected:
                continue
            if not hasattr(fact, key):
                self.unjudged.add(key)
                continue
            got = _period(fact.period) if key == "period" else fact.target
            want = _period(expected[key]) if key == "period" else expected[key]
            if got != want:
                out.append((key, f"{where}: {got}, want {want}"))
        return out

    def problems(self) -> list[str]:
        """What fails the text's test (the document's own fields are `document`, a test of their own)."""
        out = [f"extra  L{f.line}: {f.text} -> {f.value} {f.unit} [{f.indicator.id}]"
               for f in self.extra if all(f is not known for known in self.known_extra)]
        out += [f"missed {_answer(e)}" for e in self.missed if not _tolerated_miss(e)]
        for kind, items in self.mismatches().items():
            out += [f"{kind:9} {item}" for item in items if not item.endswith(TODO_MARK)]
        return out

    def todos(self) -> list[str]:
        """Known gaps: counted in the figures and printed, not failed."""
        out = [f"{kind:9} {item}" for kind, items in self.mismatches().items()
               for item in items if item.endswith(TODO_MARK)]
        out += [f"missed {_answer(e)} ({e['todo']}){TODO_MARK}" for e in self.missed if _tolerated_miss(e)]
        return out + [f"extra  L{f.line}: {f.text} -> {f.value} {f.unit}{TODO_MARK}" for f in self.known_extra]


def _answer(expected: dict) -> str:
    where = f"L{expected['line']}: " if "line" in expected else ""
    figure = expected.get("at", f"{expected.get('value')} {expected.get('unit')}")
    return f"{where}{figure} ({expected.get('indicator', expected.get('region'))})"


def _tolerated_miss(expected: dict) -> bool:
    return str(expected.get("todo") or "").startswith("missed")


def _pair_by_figure(text: str, facts, answers: list[dict]):
    """Answers without a line: each `at` is found after the previous one; its fact is on that line."""
    matched, missed, used, cursor = [], [], set(), 0
    for expected in answers:
        offset = text.find(expected["at"], cursor)
        fact = None
        if offset >= 0:
            cursor = offset + len(expected["at"])
            fact = fact_ending_with(facts, expected["at"], line=text.count("\n", 0, offset) + 1)
        if fact is None:
            missed.append(expected)
        else:
            used.add(id(fact))
            if not expected.get("doubtful"):
                matched.append((fact, expected))
    return matched, [fact for fact in facts if id(fact) not in used], missed


def evaluate(name: str, rules=None) -> Outcome:
    """Read NAME.txt as `fuhe extract` would, extract it, and judge it against NAME.yaml."""
    from fuhe_cli.evaluate import match_facts, same_value
    from fuhe_cli.extract import extract_text

    suite = suite_of(name)
    expected = expectations(name)
    source = read(name)
    document = extract_text(source.text, f"{name}.txt", rules=rules, encoding=source.encoding)
    answers = expected["facts"]
    outcome = Outcome(name, suite)
    if all("line" in answer for answer in answers):
        outcome.matched, outcome.extra, outcome.missed = match_facts(document.facts, answers)
    else:
        outcome.matched, outcome.extra, outcome.missed = _pair_by_figure(source.text, document.facts, answers)
    if not suite.complete:
        outcome.extra = []
    known = list(expected.get("known_extra") or [])
    for fact in outcome.extra:
        hit = next((k for k in known if k["line"] == fact.line and same_value(k["value"], fact.value)
                    and str(k.get("unit")) == str(fact.unit)), None)
        if hit is not None:
            known.remove(hit)
            outcome.known_extra.append(fact)
    if suite.document:
        got = {"region": region_name(document.region, expected.get("region")),
               "date": document.date, "year": document.year}
        notes = expected.get("document_todo") or {}
        wrong = [key for key in DOCUMENT_FIELDS if key in expected and got[key] != expected[key]]
        outcome.document = [f"{key}: {got[key]}, want {expected[key]}" for key in wrong if key not in notes]
        outcome.document_todos = [f"{key}: {got[key]}, want {expected[key]} ({notes[key]}){TODO_MARK}"
                                  for key in wrong if key in notes]
        outcome.stale_document_todos = [f"{key}: {notes[key]}" for key in notes if key not in wrong]
    return outcome


def region_and_year_misses(text: str, expected) -> list[str]:
    """For a short report-shaped text and its [(figure, region, year)]: the figures whose first
    fact (the one whose text ends with the figure) has another region or year, or is missing."""
    from fuhe_cli.extract import extract_text

    facts = extract_text(text).facts
    misses = []
    for figure, region, year in expected:
        found = [fact for fact in facts if fact.text.endswith(figure)]
        got = (found[0].region.name if found[0].region else None, found[0].year) if found else "missing"
        if got != (region, year):
            misses.append(f"{figure}: {got}, want {(region, year)}")
    return misses


def well_formed_problems(name: str) -> list[str]:
    """What is wrong with a text's answers: missing keys, or a figure not on the line it claims."""
    suite = suite_of(name)
    expected = expectations(name)
    lines = read(name).text.split("\n")
    out = []
    out += [f"no document {key}" for key in suite.requires if key not in expected]
    for answer in expected["facts"]:
        missing = set(suite.answers) - set(answer)
        if missing:
            out.append(f"{answer}: no {', '.join(sorted(missing))}")
        if "line" in answer and "at" in answer and not (
                0 < answer["line"] <= len(lines) and answer["at"] in lines[answer["line"] - 1]):
            out.append(f"{answer}: {answer['at']!r} is not on line {answer['line']}")
    for known in expected.get("known_extra") or []:
        if not {"line", "value", "unit", "todo"} <= set(known):
            out.append(f"known_extra {known}: needs line, value, unit and todo")
    return out


@dataclass
class Figures:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    named: int = 0
    judged: dict = field(default_factory=lambda: defaultdict(int))
    wrong: dict = field(default_factory=lambda: defaultdict(int))
    documents_wrong: int = 0

    def add(self, outcome: Outcome) -> None:
        self.tp += len(outcome.matched)
        self.fp += len(outcome.extra)
        self.fn += len(outcome.missed)
        self.documents_wrong += len(outcome.document) + len(outcome.document_todos)
        for fact, expected in outcome.matched:
            self.named += fact.indicator.id != "uncategorized"
            self.judged["qualifier"] += "qualifier" in expected
            self.judged["indicator"] += expected.get("indicator", "any") != "any"
            for key in ("region", "year", "period", "target"):
                self.judged[key] += key in expected and key not in outcome.unjudged
        for kind, items in outcome.mismatches().items():
            self.wrong[kind] += len(items)

    def line(self) -> str:
        accuracy = "  ".join(f"{kind} {1 - self.wrong[kind] / self.judged[kind]:.3f}"
                             for kind in ("qualifier", "indicator", "region", "year", "period", "target")
                             if self.judged[kind])
        return (f"precision {self.tp / max(1, self.tp + self.fp):.3f}  recall {self.tp / max(1, self.tp + self.fn):.3f}  "
                f"{accuracy}  named {self.named / max(1, self.tp):.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn}; judged: "
                + ", ".join(f"{kind} {count}" for kind, count in self.judged.items() if count)
                + f"; document fields wrong {self.documents_wrong})")


def report(argv: list[str]) -> int:
    """Print the figures for the whole corpus, per suite and per kind of report."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from fuhe_cli import load_rules

    rules = load_rules(use_env=False)
    verbose = "-v" in argv
    every_suite = suites()
    chosen = [text for arg in argv if not arg.startswith("-")
              for text in (every_suite[arg].texts if arg in every_suite else [arg])] or names()
    total, by_suite, by_kind = Figures(), defaultdict(Figures), defaultdict(Figures)
    for name in chosen:
        outcome = evaluate(name, rules)
        for figures in (total, by_suite[outcome.suite.name], by_kind[kind_of(name)]):
            figures.add(outcome)
        if verbose:
            print(f"== {name} ({outcome.suite.name}): {len(outcome.matched)} matched, "
                  f"{len(outcome.extra)} extra, {len(outcome.missed)} missed")
            for problem in outcome.problems() + [f"document {item}" for item in outcome.document + outcome.document_todos] \
                    + outcome.todos():
                print("  " + problem)
    print(f"corpus ({len(chosen)} texts): {total.line()}")
    for title, groups in (("suite", by_suite), ("kind", by_kind)):
        for group in sorted(groups):
            print(f"  {title} {group}: {groups[group].line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:]))
