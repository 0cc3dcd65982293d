"""The pipeline: envelope, golden output, block-wise extraction of huge reports, parallel runs."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fuhe_cli import extract as extract_module
from fuhe_cli.__main__ import main
from fuhe_cli.extract import extract, extract_text, iter_text_parts, merge_parts
from fuhe_cli.indicators import load_rules

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLDEN = HERE / "golden"
FIXTURE = HERE / "fixtures" / "extract" / "county-report.txt"


def _key(fact):
    return (fact.line, fact.column, fact.value, fact.unit, fact.qualifier, fact.indicator.id,
            fact.region.code if fact.region else None, fact.year)


def test_huge_text_in_blocks_gives_the_same_facts(rules):
    text = FIXTURE.read_text(encoding="utf-8") * 4
    whole = extract_text(text, "r.txt", rules=rules)
    parts = list(iter_text_parts(text, "r.txt", rules=rules, block_chars=300))
    assert len(parts) > 3
    assert {part.sha256 for part in parts} == {whole.sha256}
    merged = merge_parts(parts)
    assert [_key(f) for f in merged.facts] == [_key(f) for f in whole.facts]
    assert len(merged.warnings) == len(whole.warnings)


def test_streamed_json_is_exactly_the_envelope(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(extract_module, "BLOCK_CHARS", 400)  # force multi-part documents
    (tmp_path / "a.txt").write_text(FIXTURE.read_text(encoding="utf-8") * 2, encoding="utf-8")
    (tmp_path / "b.txt").write_text("今后五年，我们将深入实施五大巾帼行动。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    code = main(["extract", str(tmp_path), "--no-save", "--format", "json", "--jobs", "1"])
    streamed = capsys.readouterr().out
    assert code == 4  # c.txt is empty
    expected = extract([str(tmp_path)], rules=load_rules(use_env=False))
    assert streamed == json.dumps(expected.model_dump(mode="json", by_alias=True),
                                  ensure_ascii=False, indent=2) + "\n"
    payload = json.loads(streamed)
    assert [len(doc["facts"]) > 0 for doc in payload["documents"]] == [True, False]
    assert payload["errors"][0]["code"] == "empty"


def test_golden_json(capsys, monkeypatch):
    """`fuhe extract --format json` on a fixed report; FUHE_REGEN_GOLDEN=1 rewrites the golden file."""
    monkeypatch.chdir(REPO)
    relative = str(FIXTURE.relative_to(REPO))
    assert main(["extract", relative, "--no-save", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    payload["fuhe_version"] = "<version>"
    golden = GOLDEN / "extract-county-report.json"
    if os.environ.get("FUHE_REGEN_GOLDEN"):
        golden.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert payload == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_golden_tabular_formats(fmt, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    relative = str(FIXTURE.relative_to(REPO))
    assert main(["extract", relative, "--no-save", "--format", fmt]) == 0
    out = capsys.readouterr().out
    golden = GOLDEN / f"extract-county-report.{fmt}"
    if os.environ.get("FUHE_REGEN_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_parallel_run_equals_serial_run(tmp_path, capsys):
    text = FIXTURE.read_text(encoding="utf-8")
    for index in range(6):
        (tmp_path / f"r{index}.txt").write_text(text.replace("2023", str(2018 + index)), encoding="utf-8")
    assert main(["extract", str(tmp_path), "--no-save", "--format", "jsonl", "--jobs", "1"]) == 0
    serial = capsys.readouterr().out
    assert main(["extract", str(tmp_path), "--no-save", "--format", "jsonl", "--jobs", "2"]) == 0
    assert capsys.readouterr().out == serial
    assert serial.count("\n") >= 6


def test_extract_saves_and_reextracting_is_a_no_op(tmp_path, capsys):
    db = tmp_path / "store.sqlite"
    assert main(["extract", str(FIXTURE), "--db", str(db), "--format", "jsonl"]) == 0
    assert "1 added" in capsys.readouterr().err
    assert main(["extract", str(FIXTURE), "--db", str(db), "--format", "jsonl"]) == 0
    assert "1 unchanged" in capsys.readouterr().err


def test_location_labels_for_paged_sources(rules):
    text = "一、组织建设\n全年新建妇女之家120个。\n"
    document = extract_text(text, "r.pdf", rules=rules, line_labels=["1:1", "1:2"])
    assert [(fact.line, fact.location) for fact in document.facts] == [(2, "1:2")]


# A fact's `text` is the clause before its figure, at most a window long: where the window starts
# inside a number or a word, the snippet starts at that number's start or at the word's end.
SNIPPETS = [
    # the window starts inside 2112名 / 1,860名 / 2018年: the whole number is kept
    ("全区共为2112名困难妇女发放了救助金5.6万元。", 5.6e4, "2112名困难妇女发放了救助金5.6万元"),
    ("全年为1,860名患病困难妇女发放救助金2790万元。", 2.79e7, "1,860名患病困难妇女发放救助金2790万元"),
    ("覆盖率由2018年的61%提高到2022年的87.5%。", 87.5, "2018年的61%提高到2022年的87.5%"),
    # the window starts inside 妇联 (…市妇联系统…): cut after the word, not inside it
    ("今年全市妇联系统全年共完成重点工作任务136项。", 136, "系统全年共完成重点工作任务136项"),
    # a clause shorter than the window is kept whole
    ("全年接待来访55人次，", 55, "全年接待来访55人次"),
]


@pytest.mark.parametrize("text,value,snippet", SNIPPETS, ids=[row[2] for row in SNIPPETS])
def test_snippet_does_not_start_inside_a_number_or_word(rules, text, value, snippet):
    (fact,) = [fact for fact in extract_text(text, rules=rules).facts if fact.value == value]
    assert fact.text == snippet


@pytest.mark.parametrize("value", [1, 98.6, 67520132.32, 1e16, 1.5e17, 0.0001, 0.00005, 1e-05, 1e-09, 0.0, -2.5])
def test_a_fact_in_json_is_written_as_json_dumps_writes_it(value, rules):
    """The JSON output writes facts with pydantic's serializer, which must give json.dumps's bytes
    (indent 2, non-ASCII kept), small floats included (pydantic writes 0.00001 for 1e-05)."""
    from fuhe_cli.render import model_json, to_json

    fact = extract_text("四川省妇联2023年开展“巾帼宣讲”120场，覆盖率达9.5%。\n", "r.txt", rules=rules).facts[0]
    fact = fact.model_copy(update={"value": value, "low": value, "text": "引号\"、反斜杠\\、换行\n和\t制表"})
    expected = json.dumps(fact.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2)
    assert model_json(fact) == expected == to_json(fact.model_dump(mode="json", by_alias=True))
    assert model_json(fact, 8) == expected.replace("\n", "\n" + " " * 8)


@pytest.mark.parametrize("value", [1, 98.6, 67520132.32, 1e16, 1.5e17, 0.0001, 0.00005, 1e-05, 1e-09, 0.0, -2.5,
                                   10**20, None])
def test_a_fact_in_jsonl_is_written_as_the_encoder_writes_its_dump(value, rules):
    """`render.fact_lines` writes each field itself: the bytes of json's encoder over the fact's
    dump, path first; a field of another type (an int subclass, an infinite float) goes that way."""
    from fuhe_cli.models import Period
    from fuhe_cli.render import _encode_line, fact_lines

    def slow(fact):
        return _encode_line({"path": "r.txt", **fact.model_dump(mode="json", exclude={"path"})}) + "\n"

    facts = extract_text("四川省妇联2023年开展“巾帼宣讲”120场，覆盖率达9.5%。\n", "r.txt", rules=rules).facts
    fact = facts[0].model_copy(update={"low": value, "high": value, "text": "引号\"、反斜杠\\、换行\n\x01\u2028和\t制表",
                                       "period": Period(start=None, end="2023-12"), "location": "p3"})
    if value is not None:
        fact = fact.model_copy(update={"value": value})
    for each in [fact, *facts, facts[0].model_copy(update={"line": True, "region": None, "year": None})]:
        assert fact_lines("r.txt", [each]) == slow(each)
    assert fact_lines("r.txt", facts) == "".join(slow(each) for each in facts)


def test_facts_in_jsonl_over_the_corpus_are_written_as_the_encoder_writes_them(rules):
    from fuhe_cli.render import _encode_line, fact_lines

    for path in sorted((HERE / "corpus").glob("*.txt"))[::4]:
        for fact in extract_text(path.read_text(encoding="utf-8"), path.name, rules=rules).facts:
            assert fact_lines(path.name, [fact]) == _encode_line(
                {"path": path.name, **fact.model_dump(mode="json", exclude={"path"})}) + "\n"


def test_a_figure_wrapped_onto_the_next_line_or_page_keeps_its_words_and_its_file_line(rules):
    # A PDF's text layer: lines wrapped at the page width, a page number and a running header
    # between the halves of a sentence. The figure reads its qualifier, indicator and time across
    # the breaks; its line and column are the file's.
    text = (
        "临江县妇联工作简报\n"
        "临江县妇联2025年前三季度工作总结\n"
        "今年以来，县妇联紧扣全县发展大局，团结引领广大妇女建功立业，各项\n"
        "工作有序推进。一、技能培训。1—9月，举办月嫂、育婴等技能培训班\n"
        "18期；三季度，为4600名城乡妇女和困难家庭女性开展“两癌”免费\n"
        "检查，为城乡妇女创业就业发放“巾帼贷”，全年累计发放创业担保贷款\n"
        "— 3 —\n"
        "临江县妇联工作简报\n"
        "920万元，扶持60名妇女创业。二、工作打算。四季度开展宣讲活动不少于\n"
        "25场，确保全年覆盖群众1万人次以上，全面完成年度各项目标任务。\n"
        "— 4 —\n"
    )
    facts = {fact.value: fact for fact in extract_text(text, "r.txt", rules=rules).facts}
    screening = facts[4600]
    assert (screening.line, screening.indicator.id) == (5, "health.cancer_screening")
    assert (screening.period.start, screening.period.end) == ("2025-07", "2025-09")
    loans = facts[9_200_000]
    assert (loans.line, loans.column, loans.indicator.id) == (9, 1, "loans.amount")
    lectures = facts[25]
    assert (lectures.qualifier, lectures.indicator.id) == ("at_least", "lecture.sessions")
