"""`fuhe check`: every check's positive and negative cases, suppression, project files, formats, exit codes.

Most tests build `Document`s by hand (facts placed on the text they quote) so each check is tested
on its own; `extracting` swaps the reader+extractor for those hand-built documents so the CLI
tests exercise the real command, output and exit codes. The end-to-end tests at the bottom run the
real pipeline over examples/drafts/.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fuhe_cli import check
from fuhe_cli.cli import app
from fuhe_cli.errors import ExitCode, FuheError
from fuhe_cli.models import Document, DocumentError, DocumentWarning, Fact, Indicator, Region

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "examples" / "drafts"

CITY = Region(code="510100", name="成都市", level="prefecture")
MEDIATION = ("mediation.success_rate", "调解成功率")
TRAINING = ("training.participants", "培训人次")
LOANS = ("entrepreneurship.loans", "创业担保贷款")
CLAUSE_BREAKS = "，,。；;：:\n、"


def fact(text: str, figure: str, value, unit, indicator=None, *, qualifier="exact", nth=0,
         region=CITY, year=2023, low=None, high=None) -> Fact:
    """A fact for `figure` where it occurs (the nth time) in `text`, with its clause as context."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    clause = start
    while clause > 0 and text[clause - 1] not in CLAUSE_BREAKS:
        clause -= 1
    indicator_id, name = indicator or ("uncategorized", text[clause:start] or "?")
    return Fact(line=line, column=column, text=text[clause:start + len(figure)], number=figure.rstrip(unit or ""),
                value=value, unit=unit, qualifier=qualifier, low=low, high=high,
                indicator=Indicator(id=indicator_id, name=name),
                rule=indicator_id if indicator else None, region=region, year=year)


def doc(text: str, facts, path="draft.md", warnings=(), region=CITY, year=2023) -> Document:
    return Document(path=path, sha256=f"sha-{path}", region=region, year=year, facts=list(facts),
                    warnings=list(warnings))


class Rule:
    def __init__(self, id, kind, range=None, name=None):
        self.id, self.kind, self.range, self.name = id, kind, range, name or id


class RuleSet:
    version = "test"
    rules = [Rule("mediation.success_rate", "rate", {"min": 0, "max": 100}, "调解成功率"),
             Rule("training.participants", "volume", {"min": 0, "max": None}, "培训人次"),
             Rule("women.share_of_members", "rate", None, "女性委员比例")]


RULES = check.RuleFacts.from_ruleset(RuleSet())


def run_checks(document, text, config=None, **kwargs):
    findings, _ = check.check_document(document, text, config, rules=RULES, **kwargs)
    return findings


def checks_of(findings):
    return [finding.check for finding in findings]


# --- out-of-range ---------------------------------------------------------------------------------
def test_rate_above_100_is_out_of_range():
    text = "全年受理婚姻家庭纠纷312件，调解成功率达120%。"
    findings = run_checks(doc(text, [fact(text, "312件", 312, "件"),
                                     fact(text, "120%", 120, "%", MEDIATION)]), text)
    assert checks_of(findings) == ["out-of-range"]
    assert findings[0].severity == "error"
    assert findings[0].line == 1 and findings[0].column == text.index("120%") + 1
    assert "120%" in findings[0].message and "maximum 100" in findings[0].message


def test_rate_within_range_and_growth_above_100_are_fine():
    text = "调解成功率达98.6%，巾帼志愿者人数同比增长150%。"
    findings = run_checks(doc(text, [fact(text, "98.6%", 98.6, "%", MEDIATION),
                                     fact(text, "150%", 150, "%")]), text)
    assert findings == []


def test_uncategorized_share_above_100_and_rule_kind_rate_without_range():
    text = "农村妇女占比达105%，女性委员比例为-3%。"
    findings = run_checks(doc(text, [fact(text, "105%", 105, "%"),
                                     fact(text, "-3%", -3, "%", ("women.share_of_members", "女性委员比例"))]), text)
    assert checks_of(findings) == ["out-of-range", "out-of-range"]
    assert "minimum 0" in findings[1].message


def test_rule_range_on_volume_is_checked():
    text = "培训妇女-40人次。"
    findings = run_checks(doc(text, [fact(text, "-40人次", -40, "人次", TRAINING)]), text)
    assert checks_of(findings) == ["out-of-range"]


# --- part-exceeds-whole ---------------------------------------------------------------------------
def test_part_larger_than_total_is_a_finding():
    text = "全年共培训农村妇女300人次，其中建档立卡脱贫户妇女450人次。"
    facts = [fact(text, "300人次", 300, "人次", TRAINING), fact(text, "450人次", 450, "人次", TRAINING)]
    findings = run_checks(doc(text, facts), text)
    assert checks_of(findings) == ["part-exceeds-whole"]
    assert findings[0].column == text.index("450") + 1
    assert "450人次" in findings[0].message and "300人次" in findings[0].message


def test_part_smaller_than_total_and_approximate_total_are_fine():
    text = "组织1100余名巾帼志愿者参与服务，其中468名来自社区。\n共有志愿者约1000人，其中1050人为女性。"
    facts = [fact(text, "1100余名", 1100, "名", qualifier="at_least"), fact(text, "468名", 468, "名"),
             fact(text, "约1000人", 1000, "人", qualifier="approx"), fact(text, "1050人", 1050, "人")]
    assert run_checks(doc(text, facts), text) == []


def test_part_whole_needs_same_unit_and_same_paragraph():
    text = "建成妇女之家80个，其中覆盖群众1200人。\n\n共举办活动50场。\n其中线上活动90场。"
    facts = [fact(text, "80个", 80, "个"), fact(text, "1200人", 1200, "人"),
             fact(text, "50场", 50, "场"), fact(text, "90场", 90, "场")]
    findings = run_checks(doc(text, facts), text)
    # 1200人 is not part of 80个; 90场 is in the same paragraph (lines 3–4) as 50场.
    assert [(finding.check, finding.line) for finding in findings] == [("part-exceeds-whole", 4)]


def test_name_and_width_variants_of_a_unit_compare():
    text = "共发动巾帼志愿者200人，其中党员300名。"
    facts = [fact(text, "200人", 200, "人"), fact(text, "300名", 300, "名")]
    assert checks_of(run_checks(doc(text, facts), text)) == ["part-exceeds-whole"]


# --- conflicting-values ---------------------------------------------------------------------------
def test_same_indicator_twice_with_different_values():
    text = "全市调解成功率达96.2%。\n\n一年来，矛盾纠纷调解成功率为98.5%。"
    facts = [fact(text, "96.2%", 96.2, "%", MEDIATION), fact(text, "98.5%", 98.5, "%", MEDIATION)]
    findings = run_checks(doc(text, facts), text)
    assert checks_of(findings) == ["conflicting-values"]
    assert findings[0].line == 3 and findings[0].severity == "warning"
    assert "96.2%" in findings[0].message and "line 1" in findings[0].message


def test_consistent_repeats_other_regions_years_and_uncategorized_are_fine():
    county = Region(code="510124", name="郫都区", level="county")
    text = ("调解成功率达98%，调解成功率98%。\n郫都区调解成功率91%。\n2022年调解成功率为93%。\n"
            "受理来信120件，接待来访65件。\n培训妇女5000余人次，培训妇女5300人次。")
    facts = [fact(text, "98%", 98, "%", MEDIATION), fact(text, "98%", 98, "%", MEDIATION, nth=1),
             fact(text, "91%", 91, "%", MEDIATION, region=county),
             fact(text, "93%", 93, "%", MEDIATION, year=2022),
             fact(text, "120件", 120, "件"), fact(text, "65件", 65, "件"),
             fact(text, "5000余人次", 5000, "人次", TRAINING, qualifier="at_least"),
             fact(text, "5300人次", 5300, "人次", TRAINING)]
    assert run_checks(doc(text, facts), text) == []


def test_parts_after_qizhong_are_not_conflicts():
    text = "培训妇女3000人次，其中农村妇女1800人次。"
    facts = [fact(text, "3000人次", 3000, "人次", TRAINING), fact(text, "1800人次", 1800, "人次", TRAINING)]
    assert run_checks(doc(text, facts), text) == []


# --- malformed-number -----------------------------------------------------------------------------
def test_document_warnings_become_malformed_number_findings():
    text = "调解成功率达91。6%，培训１2场。"
    warnings = [DocumentWarning(line=1, column=7, code="ideographic-decimal", message="ideographic full stop used as a decimal point: '91。6'"),
                DocumentWarning(line=1, column=14, code="mixed-width", message="mixed: '１2'"),
                DocumentWarning(line=1, column=1, code="separator", message="thousands separator: '1,200'")]
    findings = run_checks(doc(text, [], warnings=warnings), text)
    assert [(finding.check, finding.column) for finding in findings] == [("malformed-number", 7), ("malformed-number", 14)]
    assert "91。6" in findings[0].message


def test_no_warnings_no_malformed_number():
    text = "调解成功率达91.6%。"
    assert run_checks(doc(text, [fact(text, "91.6%", 91.6, "%", MEDIATION)]), text) == []


# --- required-indicator ---------------------------------------------------------------------------
def project(tmp_path: Path, body: str) -> check.ProjectConfig:
    path = tmp_path / ".fuhe.yaml"
    path.write_text(body, encoding="utf-8")
    return check.load_project(str(path))


REQUIRED = """\
required:
  - kind: 年度总结
    files: ["*年度总结*.md"]
    indicators: [mediation.success_rate, training.participants]
"""


def test_required_indicator_missing_in_a_matching_report(tmp_path):
    config = project(tmp_path, REQUIRED)
    text = "全年调解成功率98%。"
    document = doc(text, [fact(text, "98%", 98, "%", MEDIATION)], path=str(tmp_path / "2023年度总结.md"))
    findings = run_checks(document, text, config)
    assert [(finding.check, finding.line, finding.indicator) for finding in findings] == \
        [("required-indicator", 1, "training.participants")]


def test_required_indicator_present_or_report_of_another_kind(tmp_path):
    config = project(tmp_path, REQUIRED)
    text = "调解成功率98%，培训妇女300人次。"
    facts = [fact(text, "98%", 98, "%", MEDIATION), fact(text, "300人次", 300, "人次", TRAINING)]
    assert run_checks(doc(text, facts, path=str(tmp_path / "2023年度总结.md")), text, config) == []
    assert run_checks(doc("无数字。", [], path=str(tmp_path / "三八节活动简报.md")), "无数字。", config) == []


# --- conflicting-values across the store, magnitude-outlier ----------------------------------------
def make_store(tmp_path: Path, rows):
    """A store file with the store's schema; rows: (path, region_code, level, year, indicator, value, unit)."""
    from fuhe_cli.store import Store

    db = tmp_path / "fuhe.sqlite"
    store = Store.open(str(db))
    for number, (path, code, level, year, indicator, value, unit) in enumerate(rows):
        region = Region(code=code, name=f"地区{code}", level=level)
        document = Document(path=path, sha256=f"sha{number}", region=region, year=year, facts=[
            Fact(line=3, column=5, text=f"{value}{unit}", number=str(value), value=value, unit=unit,
                 qualifier="exact", indicator=Indicator(id=indicator, name=indicator), rule=indicator,
                 region=region, year=year)])
        store.save(document, "test")
    store.close()
    return str(db)


def test_conflict_with_another_report_in_the_store(tmp_path):
    db = make_store(tmp_path, [("reports/成都市2023年工作总结.md", "510100", "prefecture", 2023,
                                "mediation.success_rate", 97.1, "%"),
                               ("reports/成都市2022年工作总结.md", "510100", "prefecture", 2022,
                                "mediation.success_rate", 90, "%")])
    text = "调解成功率达98.6%。"
    from fuhe_cli.store import Store

    store = Store.open(db, readonly=True)
    try:
        result = check.check_documents([(doc(text, [fact(text, "98.6%", 98.6, "%", MEDIATION)]), text)],
                                       store=store)
        agreeing = "调解成功率97.1%。"
        same = check.check_documents([(doc(agreeing, [fact(agreeing, "97.1%", 97.1, "%", MEDIATION)]), agreeing)],
                                     store=store)
    finally:
        store.close()
    assert checks_of(result.findings) == ["conflicting-values"]
    assert "成都市2023年工作总结.md:3" in result.findings[0].message
    assert same.findings == []


def outlier_store(tmp_path):
    rows = [(f"reports/county{code}.md", code, "county", 2023, "entrepreneurship.loans", value, "元")
            for code, value in (("510104", 3_000_000), ("510105", 2_500_000), ("510106", 4_200_000),
                                ("510107", 3_600_000))]
    rows.append(("reports/city.md", "510100", "prefecture", 2023, "entrepreneurship.loans", 9e9, "元"))
    return make_store(tmp_path, rows)


def test_magnitude_outlier_against_same_level_regions(tmp_path):
    from fuhe_cli.store import Store

    county = Region(code="510108", name="成华区", level="county")
    # 3.3亿 against a median of 330万 is exactly 100x: not yet an outlier; 5亿 is.
    text = "发放创业担保贷款5亿元。\n另发放贴息资金350万元。\n累计发放3.3亿元。"
    facts = [fact(text, "5亿元", 500_000_000, "元", LOANS, region=county),
             fact(text, "3.3亿元", 330_000_000, "元", LOANS, region=county, year=2024),
             fact(text, "350万元", 3_500_000, "元", LOANS, region=county, nth=0)]
    store = Store.open(outlier_store(tmp_path), readonly=True)
    try:
        result = check.check_documents([(doc(text, facts, region=county), text)], store=store)
    finally:
        store.close()
    findings = [finding for finding in result.findings if finding.check == "magnitude-outlier"]
    assert [finding.line for finding in findings] == [1]
    assert "152x the median 3300000元 of 4 figure(s) from 4 other county-level region(s) in 2023" \
        in findings[0].message, findings[0].message


def test_magnitude_outlier_needs_three_comparison_values(tmp_path):
    from fuhe_cli.store import Store

    rows = [(f"r{code}.md", code, "county", 2023, "entrepreneurship.loans", 3_000_000, "元")
            for code in ("510104", "510105")]
    county = Region(code="510108", name="成华区", level="county")
    text = "发放创业担保贷款3.3亿元。"
    store = Store.open(make_store(tmp_path, rows), readonly=True)
    try:
        result = check.check_documents([(doc(text, [fact(text, "3.3亿元", 330_000_000, "元", LOANS, region=county)],
                                             region=county), text)], store=store)
    finally:
        store.close()
    assert result.findings == []


# --- suppression ----------------------------------------------------------------------------------
def test_inline_ignore_on_the_line_or_the_line_before():
    text = ("调解成功率达120%。<!-- fuhe-ignore: out-of-range -->\n"
            "<!-- fuhe-ignore: out-of-range, part-exceeds-whole -->\n调解成功率达130%。\n"
            "调解成功率达140%。<!-- fuhe-ignore: malformed-number -->")
    facts = [fact(text, "120%", 120, "%", MEDIATION), fact(text, "130%", 130, "%", MEDIATION),
             fact(text, "140%", 140, "%", MEDIATION)]
    config = check.ProjectConfig(disable=["conflicting-values"])
    findings, suppressed = check.check_document(doc(text, facts), text, config, rules=RULES)
    assert [(finding.check, finding.line) for finding in findings] == [("out-of-range", 4)]
    assert suppressed == 2


def lint_file(tmp_path: Path, name: str, content: str) -> list[tuple[str, int]]:
    """Real reading and extraction of one draft, then every check: (check, line) per finding."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = check.check_paths([str(path)], config_path=None)
    return [(finding.check, finding.line) for finding in result.findings]


@pytest.mark.parametrize("comment", ["<!-- fuhe-ignore: out-of-range -->", "<!-- fuhe: ignore out-of-range -->",
                                     "<!-- fuhe-ignore -->", "<!-- fuhe: ignore -->"])
def test_inline_ignore_works_in_html_drafts(tmp_path, comment):
    page = ("<html><body>\n<p>全市调解成功率达120%。" + comment + "</p>\n"
            "<p>全区开展活动20场。</p>\n<p>全县调解成功率达130%。</p>\n</body></html>\n")
    # the comment silences its line and the next, not line 4
    assert lint_file(tmp_path, "draft.html", page) == [("out-of-range", 4)]


def test_inline_ignore_of_another_check_does_not_silence_in_html(tmp_path):
    page = "<p>全市调解成功率达120%。<!-- fuhe-ignore: malformed-number --></p>\n"
    assert lint_file(tmp_path, "draft.html", page) == [("out-of-range", 1)]


def test_html_comments_of_fuhe_do_not_change_the_facts():
    from fuhe_cli.reading import html_to_text

    page = "<p>开展活动20场。<!-- fuhe-ignore --></p><!-- 其他注释 30场 -->"
    text = html_to_text(page)
    assert len(text) == len(page) and "<!-- fuhe-ignore -->" in text and "30场" not in text


@pytest.mark.parametrize("sentence, flagged", [
    ("共培训妇女1200人次，其中农村妇女700人次、城镇妇女650人次。", True),
    ("共培训妇女1200人次，其中农村妇女700人次、城镇妇女500人次。", False),
    ("共培训妇女1200余人次，其中农村妇女700人次、城镇妇女550人次。", False),    # 1200余 may be 1250
    ("共有会员1000人，其中女性会员占60%、农村会员占50%。", False),            # shares overlap by nature
    ("全年共服务1200人次，其中开展讲座700场、服务城镇妇女650人次。", False),   # parts of different units
])
def test_parts_that_together_exceed_the_whole(tmp_path, sentence, flagged):
    found = lint_file(tmp_path, "draft.txt", sentence + "\n")
    assert (("part-exceeds-whole", 1) in found) is flagged, found


def test_one_part_larger_than_the_whole_is_reported_once(tmp_path):
    found = lint_file(tmp_path, "draft.txt", "共培训妇女300人次，其中农村妇女450人次、城镇妇女100人次。\n")
    assert found.count(("part-exceeds-whole", 1)) == 1


def test_project_ignore_disable_and_severity(tmp_path):
    config = project(tmp_path, """\
disable: [conflicting-values]
severity: {out-of-range: warning}
ignore:
  - {path: "drafts/*.md", line: 2, check: out-of-range}
""")
    text = "调解成功率达120%。\n调解成功率达130%。"
    facts = [fact(text, "120%", 120, "%", MEDIATION), fact(text, "130%", 130, "%", MEDIATION)]
    findings, suppressed = check.check_document(doc(text, facts, path=str(tmp_path / "drafts" / "a.md")), text,
                                                config, rules=RULES)
    assert [(finding.check, finding.line, finding.severity) for finding in findings] == [("out-of-range", 1, "warning")]
    assert suppressed == 1


# --- project file validation ----------------------------------------------------------------------
@pytest.mark.parametrize("body, line, words", [
    ("disable: [out-of-rang]\n", 1, "did you mean 'out-of-range'"),
    ("severity:\n  out-of-range: fatal\n", 2, "severity.out-of-range"),
    ("ignore:\n  - path: a.md\n    lines: 3\n", 3, "did you mean 'line'"),
    ("required:\n  - kind: 年度总结\n    indicators: [a]\n", 2, "files"),
    ("disable: [out-of-range\n", 2, "invalid YAML"),
    ("- just a list\n", 1, "mapping"),
    ("# comment\nroot: /elsewhere\n", 2, "root: Extra inputs are not permitted"),
    ("options:\n  magnitude-outlier: {factor: 0.5}\n", 2, "options.magnitude-outlier.factor"),
])
def test_invalid_project_file_names_path_and_line(tmp_path, body, line, words):
    with pytest.raises(FuheError) as raised:
        project(tmp_path, body)
    assert raised.value.exit_code == ExitCode.INVALID_RULES
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / '.fuhe.yaml'}:{line}: "), message
    assert words in message


def test_project_file_is_found_by_walking_up(tmp_path):
    (tmp_path / ".fuhe.yaml").write_text("disable: [magnitude-outlier]\n", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = check.ProjectLocator().for_report(str(nested / "draft.md"))
    assert config.disable == ["magnitude-outlier"] and config.root == str(tmp_path)


# --- the CLI: formats and exit codes --------------------------------------------------------------
runner = CliRunner()


@pytest.fixture
def extracting(monkeypatch):
    """Serve hand-built documents for files by name, instead of the real reader and extractor."""
    documents: dict[str, tuple[list, list]] = {}

    def fake_extract(path, ruleset, encoding=None, stdin_name=None):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return DocumentError(path=path, code="unreadable", message=f"{path}: cannot read: {exc}")
        facts, warnings = documents.get(Path(path).name, ([], []))
        built = [fact(text, *spec[:-1], **spec[-1]) if isinstance(spec[-1], dict) else fact(text, *spec)
                 for spec in facts]
        return Document(path=path, sha256=f"sha-{path}", region=CITY, year=2023, facts=built,
                        warnings=warnings), text

    monkeypatch.setattr(check, "read_and_extract", fake_extract)
    import fuhe_cli.indicators as indicators

    monkeypatch.setattr(indicators, "load_rules", lambda rule_dirs=(): RuleSet())
    return documents


def write_drafts(tmp_path: Path, extracting, *, with_warning=True) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "bad.md").write_text("# 草稿\n\n调解成功率达120%，共培训200人次，其中农村妇女260人次。\n", encoding="utf-8")
    extracting["bad.md"] = ([("120%", 120, "%", MEDIATION), ("200人次", 200, "人次"), ("260人次", 260, "人次")], [])
    (folder / "warn.md").write_text("# 草稿\n\n调解成功率达91。6%。\n", encoding="utf-8")
    extracting["warn.md"] = ([("91。6%", 91.6, "%", MEDIATION)],
                             [DocumentWarning(line=3, column=7, code="ideographic-decimal",
                                              message="ideographic full stop used as a decimal point: '91。6'")]
                             if with_warning else [])
    return folder


def invoke(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def test_json_envelope_is_sorted_and_versioned(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    result = invoke(folder, "--format", "json")
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert list(payload)[:2] == ["schema", "fuhe_version"] and payload["schema"] == "fuhe.check/1"
    found = [(Path(item["path"]).name, item["line"], item["check"]) for item in payload["findings"]]
    assert found == [("bad.md", 3, "out-of-range"), ("bad.md", 3, "part-exceeds-whole"),
                     ("warn.md", 3, "malformed-number")]
    assert payload["summary"]["errors"] == 2 and payload["summary"]["warnings"] == 1
    assert payload["summary"]["files"] == 2
    # Deterministic: the same run prints the same bytes.
    assert invoke(folder, "--format", "json").stdout == result.stdout


def test_jsonl_one_finding_per_line(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    lines = invoke(folder, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["check"] for line in lines] == ["out-of-range", "part-exceeds-whole", "malformed-number"]


GITHUB = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=fuhe ([a-z-]+)::(.+)$")


def test_github_annotations_parse(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    lines = invoke(folder, "--format", "github").stdout.splitlines()
    parsed = [GITHUB.match(line) for line in lines]
    assert all(parsed), lines
    assert [(match.group(1), match.group(3), match.group(5)) for match in parsed] == [
        ("error", "3", "out-of-range"), ("error", "3", "part-exceeds-whole"), ("warning", "3", "malformed-number")]
    assert parsed[0].group(2).endswith("drafts/bad.md")


def test_github_escapes_properties_and_data():
    result = check.CheckResult(fuhe_version="0", findings=[check.Finding(
        path="a,b:c.md", line=1, column=2, check="out-of-range", severity="error", message="100% of\nit")])
    assert check.github_annotations(result) == [
        "::error file=a%2Cb%3Ac.md,line=1,col=2,title=fuhe out-of-range::100%25 of%0Ait"]


def test_sarif_has_the_required_keys(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    log = json.loads(invoke(folder, "--format", "sarif").stdout)
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "fuhe"
    assert [rule["id"] for rule in rules] == list(check.CHECKS)
    assert {"shortDescription", "fullDescription", "defaultConfiguration"} <= set(rules[0])
    assert len(run["results"]) == 3
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in ("error", "warning") and item["message"]["text"]
        location = item["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/") or os.path.isabs(str(folder))
        assert "\\" not in location["artifactLocation"]["uri"]
        assert location["region"]["startLine"] == 3 and location["region"]["startColumn"] >= 1


def test_table_output_for_people(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    result = invoke(folder)
    assert result.exit_code == 1
    assert "out-of-range" in result.stdout and "part-exceeds-whole" in result.stdout


@pytest.mark.parametrize("fail_on, with_warning, code", [
    ("error", True, 1), ("warning", True, 1), ("never", True, 0),
])
def test_fail_on_levels_with_errors(tmp_path, extracting, fail_on, with_warning, code):
    folder = write_drafts(tmp_path, extracting, with_warning=with_warning)
    assert invoke(folder, "--fail-on", fail_on).exit_code == code


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on_levels_with_only_warnings(tmp_path, extracting, fail_on, code):
    folder = write_drafts(tmp_path, extracting)
    result = invoke(folder / "warn.md", "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == code
    assert json.loads(result.stdout)["summary"]["warnings"] == 1


def test_clean_draft_exits_0(tmp_path, extracting):
    path = tmp_path / "clean.md"
    path.write_text("调解成功率达97.5%。\n", encoding="utf-8")
    extracting["clean.md"] = ([("97.5%", 97.5, "%", MEDIATION)], [])
    result = invoke(path, "--fail-on", "warning", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []


def test_project_file_changes_the_gate(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    (folder / ".fuhe.yaml").write_text(
        "severity: {out-of-range: warning}\nignore:\n  - {path: bad.md, check: part-exceeds-whole}\n", encoding="utf-8")
    result = invoke(folder, "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [item["check"] for item in payload["findings"]] == ["out-of-range", "malformed-number"]
    assert payload["summary"]["suppressed"] == 1


def test_inline_suppression_through_the_cli(tmp_path, extracting):
    path = tmp_path / "note.md"
    path.write_text("<!-- fuhe-ignore: out-of-range -->\n调解成功率达120%。\n", encoding="utf-8")
    extracting["note.md"] = ([("120%", 120, "%", MEDIATION)], [])
    assert invoke(path).exit_code == 0


def test_invalid_project_file_exits_3(tmp_path, extracting):
    from fuhe_cli.__main__ import main

    folder = write_drafts(tmp_path, extracting)
    config = folder / ".fuhe.yaml"
    config.write_text("disable: [out-of-range]\nseverity:\n  part-exceeds-whole: loud\n", encoding="utf-8")
    assert main(["check", str(folder)]) == 3
    result = invoke(folder)
    assert result.exit_code != 0 and isinstance(result.exception, FuheError)
    assert str(result.exception).startswith(f"{config}:3: ")


def test_explicit_config_overrides_the_nearest(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    (folder / ".fuhe.yaml").write_text("disable: [nonsense]\n", encoding="utf-8")
    other = tmp_path / "ci.yaml"
    other.write_text("disable: [out-of-range, part-exceeds-whole]\n", encoding="utf-8")
    assert invoke(folder, "--config", other).exit_code == 0


def test_unreadable_input_exits_4_after_checking_the_rest(tmp_path, extracting, capsys):
    from fuhe_cli.__main__ import main

    folder = write_drafts(tmp_path, extracting)
    (folder / "broken.md").write_bytes(b"\xff\xfe\xfa broken")
    code = main(["check", str(folder), "--format", "json", "--fail-on", "never"])
    captured = capsys.readouterr()
    assert code == 4
    payload = json.loads(captured.out)
    assert len(payload["findings"]) == 3 and payload["errors"][0]["path"].endswith("broken.md")
    assert "broken.md" in captured.err


def test_check_schema_is_published():
    result = runner.invoke(app, ["schema", "check"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"findings", "summary", "schema"} <= set(schema["properties"])


def test_help_ends_with_an_example():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0 and "Example: fuhe check" in result.stdout


# --- end to end over examples/drafts (the real reader, extractor and rules) ------------------------
def _pipeline_ready() -> bool:
    try:
        from fuhe_cli.extract import extract_text

        document = extract_text("全年调解成功率达98.6%。", "probe.md")
    except Exception:
        return False
    return any(fact.unit == "%" for fact in document.facts)


pipeline = pytest.mark.skipif(not _pipeline_ready(), reason="extraction pipeline not implemented yet")


@pipeline
def test_example_drafts_have_their_deliberate_problems():
    result = runner.invoke(app, ["check", str(DRAFTS), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    found = {(Path(item["path"]).name, item["check"]) for item in json.loads(result.stdout)["findings"]}
    checks = {name for _, name in found}
    assert {"out-of-range", "part-exceeds-whole", "conflicting-values", "malformed-number",
            "required-indicator"} <= checks, found
    assert not any(name.startswith("clean") for name, _ in found), found


@pipeline
def test_example_clean_draft_passes_the_strictest_gate():
    clean = sorted(DRAFTS.glob("clean*.md"))
    assert clean
    result = runner.invoke(app, ["check", *map(str, clean), "--fail-on", "warning", "--format", "json"])
    assert result.exit_code == 0, result.stdout


def test_required_indicator_must_name_a_loaded_rule(tmp_path, extracting):
    folder = write_drafts(tmp_path, extracting)
    (folder / ".fuhe.yaml").write_text(
        "required:\n  - kind: 年度总结\n    files: ['*.md']\n    indicators:\n      - training.participants\n"
        "      - mediation.sucess_rate\n", encoding="utf-8")
    result = invoke(folder)
    assert isinstance(result.exception, FuheError) and result.exception.exit_code == ExitCode.INVALID_RULES
    assert str(result.exception) == (f"{folder / '.fuhe.yaml'}:6: required: no rule has the id or name "
                                     "'mediation.sucess_rate' (did you mean 'mediation.success_rate'?)")


def test_shipped_rules_give_kinds_and_ranges():
    from fuhe_cli.indicators import load_rules

    rules = check.RuleFacts.from_ruleset(load_rules(use_env=False))
    assert rules.kinds["mediation.success_rate"] == "rate"
    assert rules.ranges["mediation.success_rate"] == (0, 100)


@pipeline
def test_example_drafts_findings_exactly():
    result = runner.invoke(app, ["check", str(DRAFTS), "--format", "json", "--fail-on", "never"])
    found = [(Path(item["path"]).name, item["line"], item["check"], item["severity"])
             for item in json.loads(result.stdout)["findings"]]
    assert found == [
        ("2023年度总结-初稿.md", 1, "required-indicator", "error"),
        ("2023年度总结-初稿.md", 9, "part-exceeds-whole", "error"),
        ("2023年度总结-初稿.md", 21, "conflicting-values", "error"),   # raised by the project file
        ("三八节活动简报-初稿.md", 7, "malformed-number", "warning"),
        ("三八节活动简报-初稿.md", 9, "out-of-range", "error"),
        ("三八节活动简报-初稿.md", 11, "malformed-number", "warning"),
        ("三八节活动简报-初稿.md", 13, "part-exceeds-whole", "error"),
    ]


@pipeline
@pytest.mark.parametrize("text, expected", [
    ("2023年，成都市妇联全年婚姻家庭纠纷调解成功率达120%。", ["out-of-range"]),
    ("2023年，成都市巾帼志愿者人数同比增长150%。", []),
    ("2023年，成都市妇联共培训农村妇女300人次，其中脱贫户妇女450人次。", ["part-exceeds-whole"]),
    ("2023年，成都市妇联组织1100余名巾帼志愿者开展服务，其中468名为党员。", []),
    ("2023年，成都市婚姻家庭纠纷调解成功率达97.2%。\n\n全年成都市调解成功率为93.5%。", ["conflicting-values"]),
    ("2023年，成都市婚姻家庭纠纷调解成功率达97.2%。\n\n全年成都市调解成功率为97.2%。", []),
    ("2023年，成都市婚姻家庭纠纷调解成功率达91。6%。", ["malformed-number"]),
    ("2023年，成都市婚姻家庭纠纷调解成功率达91.6%。", []),
])
def test_real_pipeline_cases(tmp_path, text, expected):
    path = tmp_path / "draft.md"
    path.write_text(text + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert [item["check"] for item in json.loads(result.stdout)["findings"]] == expected


@pipeline
def test_conflict_across_reports_through_extract_and_the_store(tmp_path):
    db = str(tmp_path / "fuhe.sqlite")
    published = tmp_path / "published.md"
    published.write_text("2023年，成都市婚姻家庭纠纷调解成功率达97.2%。\n", encoding="utf-8")
    draft = tmp_path / "draft" / "draft.md"
    draft.parent.mkdir()
    draft.write_text("2023年，成都市婚姻家庭纠纷调解成功率达93.5%。\n", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(published), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["check", str(draft), "--db", db, "--format", "json", "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [item["check"] for item in findings] == ["conflicting-values"]
    assert "published.md:1" in findings[0]["message"]
    # Without --db the draft on its own is clean.
    assert runner.invoke(app, ["check", str(draft), "--fail-on", "warning"]).exit_code == 0


def test_undated_figures_belong_to_the_year_most_figures_state():
    text = "2023年调解成功率达97.2%。\n\n调解成功率为93.5%。\n\n2021年调解成功率为90%。"
    facts = [fact(text, "97.2%", 97.2, "%", MEDIATION), fact(text, "93.5%", 93.5, "%", MEDIATION, year=None),
             fact(text, "90%", 90, "%", MEDIATION, year=2021)]
    document = doc(text, facts, year=None)
    assert check.report_year(document) == 2023
    facts[2] = fact(text, "90%", 90, "%", MEDIATION, year=2023)
    findings = run_checks(doc(text, facts, year=None), text)
    assert [(finding.check, finding.line) for finding in findings] == [("conflicting-values", 3), ("conflicting-values", 5)]


def test_a_breakdown_in_one_paragraph_is_not_a_conflict():
    text = "全市16个县（市、区）、189个乡镇和5858个村完成妇联换届。\n\n全市共有16个县完成换届，另有18个县正在筹备。"
    org = ("org.reelection_units", "完成妇联换届的组织数")
    facts = [fact(text, "16个", 16, "个", org), fact(text, "189个", 189, "个", org), fact(text, "5858个", 5858, "个", org),
             fact(text, "16个", 16, "个", org, nth=1), fact(text, "18个", 18, "个", org)]
    findings = run_checks(doc(text, facts), text)
    # Only the restatement in the second paragraph that disagrees with the first is reported.
    assert [(finding.check, finding.line, finding.figure) for finding in findings] == [("conflicting-values", 3, "18个")]


# --- conflicting-values between periods -------------------------------------------------------------
STOCKS_AND_FLOWS = """某区妇联2024年上半年工作情况

一、阵地建设
上半年，全区新建妇女微家26个。全区建成妇女微家320个。
二、数据
截至2024年6月底，全区妇女微家达到230个。
三、下半年打算
力争妇女微家达到260个。
"""


def test_two_stocks_at_one_date_conflict_but_a_flow_and_a_plan_do_not(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(STOCKS_AND_FLOWS, encoding="utf-8")
    result = invoke(draft, "--format", "json")
    payload = json.loads(result.stdout)
    found = [(item["line"], item["check"]) for item in payload["findings"] if item["check"] == "conflicting-values"]
    assert found == [(6, "conflicting-values")], payload["findings"]
    assert "2024-06" in next(item["message"] for item in payload["findings"] if item["line"] == 6)
