"""`fuhe compare`: choosing cells, qualifier-aware ordering, output formats, --from, gates.

The golden file is built from a store populated directly with Document objects, so it tests
compare alone. Regenerate with: FUHE_REGEN_GOLDEN=1 python -m pytest tests/test_compare.py
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fuhe_cli.cli import app
from fuhe_cli.compare import (Cell, compare, display_cell, display_number, display_row_name, facts_from_documents,
                              order)
from fuhe_cli.errors import ExitCode, UsageError
from fuhe_cli.models import Document, Fact, Indicator, Region
from fuhe_cli.store import _INSERT_FACT, Store

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("FUHE_REGEN_GOLDEN") == "1"

SICHUAN = Region(code="510000", name="四川省", level="province")
CHONGQING = Region(code="500000", name="重庆市", level="province")
CHENGDU = Region(code="510100", name="成都市", level="prefecture")

NAMES = {
    "lecture.reach": "宣讲覆盖人次", "training.people": "培训人次", "women_microhome.count": "妇女微家数",
    "mediation.success_rate": "调解成功率", "fundraising.amount": "筹集资金", "employment.jobs": "就业岗位数",
    "uncategorized": "其他",
}


def fact(indicator, value, unit, qualifier="exact", line=1, low=None, high=None, year=None, region=None):
    return Fact(line=line, column=1, text=f"{NAMES[indicator]}{value}", number=str(value), value=value, unit=unit,
                qualifier=qualifier, low=low, high=high, indicator=Indicator(id=indicator, name=NAMES[indicator]),
                region=region, year=year, rule=None if indicator == "uncategorized" else indicator)


def document(path, region, year, facts):
    return Document(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), encoding="utf-8",
                    region=region, year=year, facts=facts)


def fixture_documents() -> list[Document]:
    return [
        document("reports/sichuan-2023.txt", SICHUAN, 2023, [
            fact("lecture.reach", 1300000, "人次", line=5),
            fact("training.people", 5000, "人次", "at_least", line=7),
            fact("women_microhome.count", 2000, "个", "at_most", line=9),
            fact("mediation.success_rate", 91.6, "%", line=11),
            fact("fundraising.amount", 17640000, "元", line=13),
            fact("employment.jobs", 300000, "个", "at_least", line=15),
            fact("employment.jobs", 120000, "个", line=16),            # a part ("其中"): not chosen
            fact("uncategorized", 12338, None, line=20),
            fact("lecture.reach", 4000, "人次", line=22, region=CHENGDU),  # Chengdu's own figure
        ]),
        document("reports/sichuan-2022.txt", SICHUAN, 2022, [
            fact("lecture.reach", 1200000, "人次", line=4),
            fact("training.people", 9000, "人次", line=6),
        ]),
        document("reports/chongqing-2023.txt", CHONGQING, 2023, [
            fact("lecture.reach", 1000000, "人次", "approx", line=3),
            fact("training.people", 8000, "人次", line=6),
            fact("women_microhome.count", 3000, "个", "range", low=3000, high=5000, line=8),
            fact("mediation.success_rate", 95.2, "%", line=10),
            fact("employment.jobs", 350000, "个", line=12),
        ]),
        document("news/chongqing-page.html", CHONGQING, 2023, [
            fact("lecture.reach", 1000000, "人次", "approx", line=40),  # the same figure, reposted
        ]),
    ]


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "fuhe.sqlite")
    with Store.open(path) as store:
        for doc in fixture_documents():
            store.save(doc, "test-rules")
    return path


@pytest.fixture
def regions(monkeypatch):
    """The real gazetteer when it is there; else a stand-in that knows the fixture's regions."""
    try:
        from fuhe_cli.regions import gazetteer

        gazetteer().resolve("sichuan")
        return
    except Exception:
        pass
    import sys
    import types

    from fuhe_cli.errors import UsageError as Unknown

    known = {"sichuan": SICHUAN, "四川": SICHUAN, "510000": SICHUAN, "chongqing": CHONGQING,
             "重庆": CHONGQING, "500000": CHONGQING, "chengdu": CHENGDU, "510100": CHENGDU}

    class Gazetteer:
        def resolve(self, query):
            if query.lower() not in known:
                raise Unknown(f"unknown region {query!r}")
            return known[query.lower()]

        def children(self, region):
            return [CHENGDU] if region.code == "510000" else []

    module = types.ModuleType("fuhe_cli.regions")
    module.gazetteer = lambda: Gazetteer()
    monkeypatch.setitem(sys.modules, "fuhe_cli.regions", module)


def run(*args):
    return CliRunner().invoke(app, ["compare", *args], env={"COLUMNS": "240"})


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with FUHE_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


# --- ordering ---------------------------------------------------------------------------------
def cell(value, qualifier="exact", low=None, high=None):
    return Cell(value=value, qualifier=qualifier, low=low, high=high, year=2023, sources=[])


@pytest.mark.parametrize("first, second, expected", [
    (cell(300000, "at_least"), cell(350000), "uncertain"),       # ≥30万 vs 35万
    (cell(350000), cell(400000, "at_least"), "less"),            # 35万 vs ≥40万
    (cell(400000, "at_least"), cell(350000), "greater"),
    (cell(350000), cell(350000), "equal"),
    (cell(350000), cell(300000), "greater"),
    (cell(2000, "at_most"), cell(1900), "uncertain"),            # 近2000 vs 1900
    (cell(2000, "at_most"), cell(2001), "less"),
    (cell(1000000, "approx"), cell(1050000), "uncertain"),       # 约100万 vs 105万
    (cell(1000000, "approx"), cell(1300000), "less"),
    (cell(30000, "range", 30000, 50000), cell(60000), "less"),
    (cell(30000, "range", 30000, 50000), cell(40000), "uncertain"),
    (cell(300000, "at_least"), cell(350000, "at_least"), "uncertain"),
])
def test_qualifier_aware_order(first, second, expected):
    assert order(first, second) == expected


@pytest.mark.parametrize("value, unit, qualifier, low, high, expected", [
    (5000, "人次", "exact", None, None, "5000人次"),
    (1300000, "人次", "exact", None, None, "130万人次"),
    (13000, "人", "exact", None, None, "1.3万人"),
    (12345, "人", "exact", None, None, "12345人"),
    (5000, "人次", "at_least", None, None, "≥5000人次"),
    (300000, "个", "at_least", None, None, "≥30万个"),
    (2000, "个", "at_most", None, None, "≤2000个"),
    (1000000, "人次", "approx", None, None, "≈100万人次"),
    (17640000, "元", "exact", None, None, "1764万元"),
    (1260000000, "元", "exact", None, None, "12.6亿元"),
    (3500, "元", "exact", None, None, "0.35万元"),
    (91.6, "%", "exact", None, None, "91.6%"),
    (30000, "人次", "range", 30000, 50000, "3–5万人次"),
    (172000000, "人次", "exact", None, None, "1.72亿人次"),
])
def test_display_units(value, unit, qualifier, low, high, expected):
    assert display_number(value, unit, qualifier, low, high) == expected


# --- choosing a cell --------------------------------------------------------------------------
def test_latest_year_then_largest_value_then_merged_sources():
    facts = facts_from_documents(fixture_documents())
    result = compare([SICHUAN, CHONGQING], facts)
    rows = {row.indicator.id: row for row in result.rows}
    assert "uncategorized" not in rows
    # 2023 beats 2022 even though 2022's training figure is larger.
    assert (rows["training.people"].cells[0].value, rows["training.people"].cells[0].year) == (5000, 2023)
    # Same year: the total (≥30万) over the part (12万).
    assert rows["employment.jobs"].cells[0].value == 300000
    # Chengdu's own figure is not Sichuan's.
    assert rows["lecture.reach"].cells[0].value == 1300000
    # One figure in two places: one cell, two sources.
    assert [(s.path, s.line) for s in rows["lecture.reach"].cells[1].sources] == [
        ("news/chongqing-page.html", 40), ("reports/chongqing-2023.txt", 3)]
    assert rows["fundraising.amount"].cells[1] is None
    assert rows["employment.jobs"].comparison.order == "uncertain"
    assert rows["women_microhome.count"].comparison.order == "less"
    assert rows["lecture.reach"].comparison.order == "greater"


def test_all_values_keeps_the_others():
    result = compare([SICHUAN, CHONGQING], facts_from_documents(fixture_documents()), all_values=True)
    rows = {row.indicator.id: row for row in result.rows}
    others = rows["training.people"].cells[0].others
    assert [(other.value, other.year) for other in others] == [(9000, 2022)]


# --- the command ------------------------------------------------------------------------------
def test_compare_json_golden(db, regions):
    result = run("sichuan", "chongqing", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema"] == "fuhe.compare/1"
    assert payload["regions"] == [{"code": "510000", "name": "四川省"}, {"code": "500000", "name": "重庆市"}]
    check_golden("compare_sichuan_chongqing.json", result.stdout)


def test_compare_json_matches_its_schema(db, regions):
    jsonschema = pytest.importorskip("jsonschema")
    from fuhe_cli.compare import CompareResult

    payload = json.loads(run("sichuan", "chongqing", "--db", db, "--format", "json").stdout)
    jsonschema.validate(payload, CompareResult.model_json_schema(by_alias=True))


def test_compare_csv_md_and_sources(db, regions):
    result = run("sichuan", "chongqing", "--db", db, "--format", "csv", "--bom", "--sources")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeffindicator,name,四川省,四川省 sources,重庆市,重庆市 sources,difference")
    lines = {line.split(",")[0].lstrip("\ufeff"): line for line in result.stdout.splitlines()}
    assert lines["lecture.reach"] == ("lecture.reach,宣讲覆盖人次,130万人次 (2023),reports/sichuan-2023.txt:5,"
                                      "≈100万人次 (2023),news/chongqing-page.html:40; reports/chongqing-2023.txt:3,"
                                      "≈+30万人次 (×1.3)")
    assert lines["employment.jobs"].endswith(",uncertain")
    assert lines["women_microhome.count"].split(",")[2:5:2] == ["≤2000个 (2023)", "3000–5000个 (2023)"]
    md = run("sichuan", "chongqing", "--db", db, "--format", "md").stdout
    assert md.splitlines()[0] == "| indicator | name | 四川省 | 重庆市 | difference (四川省 − 重庆市) |"
    assert "| mediation.success_rate | 调解成功率 | 91.6% (2023) | 95.2% (2023) | −3.6个百分点 |" in md


def test_table_and_chart_render(db, regions):
    result = run("sichuan", "chongqing", "--db", db, "--chart", "--sources")
    assert result.exit_code == 0, result.output
    assert "130万人次 (2023)" in result.stdout and "reports/sichuan-2023.txt:5" in result.stdout
    assert "█" in result.stdout and "uncertain" in result.stdout


def test_year_and_indicator_filters(db, regions):
    payload = json.loads(run("sichuan", "chongqing", "--db", db, "--format", "json", "--year", "2022").stdout)
    assert [(row["indicator"]["id"], row["cells"][1]) for row in payload["rows"]] == [
        ("lecture.reach", None), ("training.people", None)]
    payload = json.loads(run("sichuan", "chongqing", "--db", db, "--format", "json",
                             "-i", "training.people", "-i", "mediation.success_rate").stdout)
    assert [row["indicator"]["id"] for row in payload["rows"]] == ["mediation.success_rate", "training.people"]


def test_empty_region_notes_and_fail_on_missing(db, regions):
    result = run("sichuan", "chongqing", "--db", db, "--year", "2022", "--format", "json")
    assert result.exit_code == 0
    assert "no facts for 重庆市 (500000)" in result.stderr and "fuhe extract FILE" in result.stderr
    result = run("sichuan", "chongqing", "--db", db, "--fail-on", "missing", "--format", "json")
    assert result.exit_code == ExitCode.GATE      # fundraising is Sichuan-only
    result = run("sichuan", "chongqing", "--db", db, "--fail-on", "missing", "-i", "lecture.reach")
    assert result.exit_code == 0


def test_include_children_adds_columns_never_sums(db, regions):
    payload = json.loads(run("sichuan", "chongqing", "--db", db, "--format", "json", "--include-children").stdout)
    codes = [region["code"] for region in payload["regions"]]
    assert codes[:2] == ["510000", "510100"] and codes[-1] == "500000"
    row = next(row for row in payload["rows"] if row["indicator"]["id"] == "lecture.reach")
    assert [cell["value"] if cell else None for cell in row["cells"]] == [1300000, 4000, 1000000]


def test_usage_errors(db, regions):
    result = run("sichuan", "--db", db)
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == ExitCode.USAGE
    result = run("sichuan", "nowhere-at-all", "--db", db)
    assert isinstance(result.exception, UsageError)
    result = run("sichuan", "510000", "--db", db)
    assert isinstance(result.exception, UsageError)


def test_missing_store_is_empty_not_created(tmp_path, regions):
    path = tmp_path / "none.sqlite"
    result = run("sichuan", "chongqing", "--db", str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rows"] == []
    assert not path.exists()


def test_corrupt_store_is_exit_4(tmp_path, regions):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"garbage" * 1000)
    result = run("sichuan", "chongqing", "--db", str(path))
    assert result.exception is not None and result.exception.exit_code == ExitCode.INPUT


def test_from_files_skips_the_store(tmp_path, monkeypatch, regions):
    from fuhe_cli import extract as extract_module
    from fuhe_cli.models import ExtractResult

    seen = []

    def fake_extract(paths, **kwargs):
        seen.append(list(paths))
        return ExtractResult(fuhe_version="test", documents=fixture_documents())

    monkeypatch.setattr(extract_module, "extract", fake_extract)
    monkeypatch.setenv("FUHE_DB", str(tmp_path / "never.sqlite"))
    result = run("sichuan", "chongqing", "--from", "reports", "--from", "news", "--format", "json")
    assert result.exit_code == 0, result.output
    assert seen == [["reports", "news"]]
    assert not (tmp_path / "never.sqlite").exists()
    stored = json.loads(result.stdout)
    assert len(stored["rows"]) == 6


def test_compare_from_bundled_examples():
    """End to end: the bundled examples give Sichuan and Chongqing at least 5 shared indicators."""
    examples = Path(__file__).parent.parent / "examples"
    result = run("sichuan", "chongqing", "--from", str(examples), "--format", "json")
    assert result.exit_code in (0, ExitCode.INPUT), result.output
    payload = json.loads(result.stdout)
    shared = [row for row in payload["rows"] if all(cell is not None for cell in row["cells"])]
    assert len(shared) >= 5, [row["indicator"]["id"] for row in payload["rows"]]


def test_compare_over_a_large_store_uses_the_index(tmp_path):
    # Its speed (10,000 documents, <= 0.5 s) is measured by bench/bench.py, not asserted here.
    path = str(tmp_path / "big.sqlite")
    store = Store.open(path)
    regions = [SICHUAN, CHONGQING] + [Region(code=f"{code}0000", name=f"省{code}", level="province")
                                     for code in range(11, 65)]
    ids = list(NAMES)[:-1]
    store.connection.execute("BEGIN")
    for index in range(2000):
        region = regions[index % len(regions)]
        doc = document(f"bulk/{index}.txt", region, 2015 + index % 9,
                       [fact(ids[(index + k) % len(ids)], 1000 + index + k, "个", line=k + 1) for k in range(30)])
        document_id = store._insert_document(doc, doc.path, "r")
        for item in doc.facts:
            store.connection.execute(_INSERT_FACT, Store._fact_row(document_id, doc, item))
    store.connection.execute("COMMIT")
    store.close()

    with Store.open(path, readonly=True) as store:
        # The query `fuhe compare` runs.
        facts = store.facts(["510000", "500000"], latest_only=True, categorized_only=True)
        plan = " ".join(str(row) for row in store.connection.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM facts WHERE region_code = ? AND indicator_id = ?", ("510000", ids[0])))
    result = compare([SICHUAN, CHONGQING], facts)
    assert len(result.rows) == len(ids) and all(all(row.cells) for row in result.rows)
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


@pytest.mark.parametrize("number, value, qualifier, expected", [
    ("30余万", 300000, "at_least", (300000, 400000)),
    ("4.8万余", 48000, "at_least", (48000, 49000)),
    ("860余", 860, "at_least", (860, 870)),
    ("1,200余", 1200, "at_least", (1200, 1300)),
    ("近2000", 2000, "at_most", (1000, 2000)),
    ("超过30万", 300000, "at_least", None),      # open-ended
    ("30万以上", 300000, "at_least", None),
    ("百万余", 1000000, "at_least", None),        # not arabic digits: no claim
])
def test_written_bounds(number, value, qualifier, expected):
    from fuhe_cli.compare import written_bounds

    bounds = written_bounds(number, value, qualifier)
    if expected is None:
        assert bounds is None
    else:
        assert bounds[0] == expected[0] and expected[1] - 1 < bounds[1] <= expected[1]


@pytest.mark.parametrize("first, second, expected", [
    (("30余万", 300000, "at_least"), ("35万", 350000, "exact"), "uncertain"),
    (("30余万", 300000, "at_least"), ("40万", 400000, "exact"), "less"),
    (("8.6万", 86000, "exact"), ("6万余", 60000, "at_least"), "greater"),
    (("8.6万", 86000, "exact"), ("超过6万", 60000, "at_least"), "uncertain"),
    (("35万", 350000, "exact"), ("40余万", 400000, "at_least"), "less"),
])
def test_order_uses_what_the_number_says(first, second, expected):
    def stored(number, value, qualifier):
        facts = facts_from_documents([document("x.txt", SICHUAN, 2023, [fact("lecture.reach", value, "人次", qualifier)])])
        facts = [type(f)(**{**{slot: getattr(f, slot) for slot in f.__slots__}, "number": number}) for f in facts]
        return compare([SICHUAN], facts).rows[0].cells[0]

    assert order(stored(*first), stored(*second)) == expected


def test_store_shortcut_agrees_with_the_full_choice(db):
    """Store.facts(best_only=True) only narrows: the result equals choosing over every fact."""
    regions = [SICHUAN, CHONGQING, CHENGDU]
    with Store.open(db, readonly=True) as store:
        narrowed = store.facts([r.code for r in regions], latest_only=True, best_only=True, categorized_only=True)
        everything = store.facts([r.code for r in regions])
    assert len(narrowed) < len(everything)
    assert compare(regions, narrowed) == compare(regions, everything)
    assert compare(regions, everything) == compare(regions, facts_from_documents(fixture_documents()))


def _with_period(made: Fact, start, end, target=False, year=None) -> Fact:
    from fuhe_cli.models import Period

    made.period, made.target, made.year = Period(start=start, end=end), target, year
    return made


def test_a_five_year_total_never_stands_beside_one_years_figure():
    documents = [
        document("deyang-2023.txt", SICHUAN, 2023, [
            _with_period(fact("training.people", 200000, "人次", line=3), "2019-01", "2023-12"),
            _with_period(fact("training.people", 9000, "人次", line=8), "2024-01", "2024-12", target=True, year=2024),
        ]),
        document("mianyang-2023.txt", CHONGQING, 2023, [
            fact("training.people", 41000, "人次", line=4, year=2023),
            _with_period(fact("women_microhome.count", 230, "个", line=6), None, "2024-06", year=2024),
        ]),
    ]
    result = compare([SICHUAN, CHONGQING], facts_from_documents(documents))
    rows = [(row.indicator.id, row.span, [None if c is None else c.value for c in row.cells]) for row in result.rows]
    assert rows == [("training.people", "year", [None, 41000]),
                    ("training.people", "years 5", [200000, None]),
                    ("women_microhome.count", "stock", [None, 230])]
    five_year = result.rows[1]
    assert display_cell(five_year.cells[0], five_year.unit) == "20万人次 (2019–2023)"
    assert display_row_name(five_year) == "培训人次 (5-year total)"
    assert display_cell(result.rows[2].cells[1], "个") == "230个 (at 2024-06)"
    assert five_year.comparison is None          # nothing to compare it with

    planned = compare([SICHUAN, CHONGQING], facts_from_documents(documents), targets=True, year=2024)
    assert [(row.span, [c and c.target for c in row.cells]) for row in planned.rows] == [
        ("year", [True, None]), ("stock", [None, False])]
    assert display_cell(planned.rows[0].cells[0], "人次") == "9000人次 (2024) target"


def test_compare_json_cells_carry_period_and_target(db, regions):
    payload = json.loads(run("sichuan", "chongqing", "--db", db, "--format", "json").stdout)
    cell = next(c for row in payload["rows"] for c in row["cells"] if c)
    assert {"period", "target"} <= set(cell) and cell["target"] is False
    assert all(row["span"] == "year" for row in payload["rows"])


@pytest.mark.parametrize("selector, start, end", [
    ("2024", (2024, 1), (2024, 12)), ("2024H1", (2024, 1), (2024, 6)), ("2024h2", (2024, 7), (2024, 12)),
    ("2023Q3", (2023, 7), (2023, 9)), ("2019-2023", (2019, 1), (2023, 12)),
    ("2024-01..2024-06", (2024, 1), (2024, 6)), ("2024-06", None, (2024, 6)),
])
def test_period_selectors(selector, start, end):
    from fuhe_cli.compare import parse_period_selector
    from fuhe_cli.time_expressions import Period as TimePeriod

    assert parse_period_selector(selector) == TimePeriod(start, end)


def test_a_bad_period_selector_is_a_usage_error():
    from fuhe_cli.compare import parse_period_selector

    with pytest.raises(UsageError):
        parse_period_selector("last year")


def test_period_selects_one_span_and_the_stocks_counted_at_its_end():
    from fuhe_cli.compare import parse_period_selector

    documents = [
        document("a-2024h1.txt", SICHUAN, 2024, [
            _with_period(fact("training.people", 3000, "人次", line=2), "2024-01", "2024-06", year=2024),
            _with_period(fact("women_microhome.count", 230, "个", line=3), None, "2024-06", year=2024),
        ]),
        document("a-2023.txt", SICHUAN, 2023, [fact("training.people", 8000, "人次", line=2, year=2023)]),
        document("b-2024h1.txt", CHONGQING, 2024, [
            _with_period(fact("training.people", 2600, "人次", line=2), "2024-01", "2024-06", year=2024),
        ]),
    ]
    result = compare([SICHUAN, CHONGQING], facts_from_documents(documents), period=parse_period_selector("2024H1"))
    assert [(row.indicator.id, row.span, [c and c.value for c in row.cells]) for row in result.rows] == [
        ("training.people", "months 01-06", [3000, 2600]), ("women_microhome.count", "stock", [230, None])]
