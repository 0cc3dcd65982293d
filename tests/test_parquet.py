"""The Parquet hand-off: `fuhe extract --output`, `fuhe export`, `fuhe compare --from X.parquet`,
and a clear usage error where the extra is not installed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuhe_cli.__main__ import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def fuhe(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fuhe_cli", *args], capture_output=True, cwd=cwd, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"})


def jsonl_rows(*args: str) -> list[dict]:
    result = fuhe("extract", *args, "--no-save", "--format", "jsonl", "--jobs", "1")
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_extract_output_holds_every_fact_of_the_jsonl_output(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    result = fuhe("extract", str(EXAMPLES), "--no-save", "--jobs", "1", "--output", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""                       # the facts went to the file
    facts = pq.read_table(out).to_pylist()
    expected = jsonl_rows(str(EXAMPLES))
    assert len(facts) == len(expected) > 100
    for row, fact in zip(facts, expected):
        region = fact["region"] or {}
        assert (row["path"], row["line"], row["column"], row["text"], row["number"]) == \
            (fact["path"], fact["line"], fact["column"], fact["text"], fact["number"])
        assert row["value"] == fact["value"] and row["low"] == fact["low"] and row["high"] == fact["high"]
        assert (row["unit"], row["qualifier"], row["indicator_id"], row["indicator_name"], row["rule"]) == \
            (fact["unit"], fact["qualifier"], fact["indicator"]["id"], fact["indicator"]["name"], fact["rule"])
        assert (row["region_code"], row["region_name"], row["year"]) == (region.get("code"), region.get("name"),
                                                                          fact["year"])
    documents = pq.read_table(tmp_path / "facts.documents.parquet").to_pylist()
    envelope = json.loads(fuhe("extract", str(EXAMPLES), "--no-save", "--format", "json").stdout)
    assert [row["path"] for row in documents] == [document["path"] for document in envelope["documents"]]
    for row, document in zip(documents, envelope["documents"]):
        assert (row["sha256"], row["title"], row["date"], row["encoding"], row["fact_count"]) == \
            (document["sha256"], document["title"], document["date"], document["encoding"], len(document["facts"]))
        assert row["warnings"] == document["warnings"]
        assert row["error_code"] is None
    assert pq.read_schema(out).metadata[b"fuhe.schema"] == b"fuhe.facts/1"


def test_unreadable_files_are_document_rows_with_their_error_and_exit_4(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "good.txt").write_text("四川省妇联2023年开展家庭教育讲座260场。\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out" / "facts.parquet"
    out.parent.mkdir()
    result = fuhe("extract", str(tmp_path / "broken.txt"), str(tmp_path / "good.txt"), "--no-save",
                  "--output", str(out))
    assert result.returncode == 4
    assert b"broken.txt" in result.stderr and b"Traceback" not in result.stderr
    documents = pq.read_table(out.parent / "facts.documents.parquet").to_pylist()
    assert [(Path(row["path"]).name, row["error_code"]) for row in documents] == [("good.txt", None),
                                                                                  ("broken.txt", "binary")]
    assert pq.read_table(out).num_rows == 1
    assert sorted(os.listdir(out.parent)) == ["facts.documents.parquet", "facts.parquet"]   # no temporary left


def test_export_writes_the_store_as_extract_output_does(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    db = tmp_path / "store.sqlite"
    assert fuhe("extract", str(EXAMPLES), "--db", str(db), "--output", str(tmp_path / "extracted.parquet")) \
        .returncode == 0
    result = fuhe("export", "--format", "parquet", "--db", str(db), "--output", str(tmp_path / "exported.parquet"))
    assert result.returncode == 0, result.stderr.decode()
    for name in ("{}.parquet", "{}.documents.parquet"):
        exported = pq.read_table(tmp_path / name.format("exported")).to_pylist()
        extracted = pq.read_table(tmp_path / name.format("extracted")).to_pylist()
        assert exported == extracted and exported


def test_compare_from_parquet_equals_compare_from_the_reports(tmp_path):
    pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert fuhe("extract", str(EXAMPLES), "--no-save", "--output", str(out)).returncode == 0
    for options in ([], ["--all", "--sources"], ["--include-children"]):
        from_reports = fuhe("compare", "sichuan", "chongqing", "--from", str(EXAMPLES), "--format", "json", *options)
        from_table = fuhe("compare", "sichuan", "chongqing", "--from", str(out), "--format", "json", *options)
        assert from_table.returncode == from_reports.returncode == 0
        assert from_table.stdout == from_reports.stdout
        assert json.loads(from_table.stdout)["rows"]


def test_a_file_that_is_not_parquet_is_one_line_and_exit_4(tmp_path):
    pytest.importorskip("pyarrow.parquet")
    fake = tmp_path / "facts.parquet"
    fake.write_text("not parquet", encoding="utf-8")
    result = fuhe("compare", "sichuan", "chongqing", "--from", str(fake))
    assert result.returncode == 4
    assert b"not a readable Parquet file" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [
    ["extract", "examples", "--no-save", "--output", "{tmp}/facts.parquet"],
    ["extract", "examples", "--dask", "local:1", "--output", "{tmp}/facts.parquet"],
    ["export", "--output", "{tmp}/facts.parquet"],
])
def test_without_the_extra_parquet_and_dask_are_one_usage_line(args, tmp_path, monkeypatch, capsys):
    for module in ("pyarrow", "pyarrow.parquet", "distributed", "dask"):
        monkeypatch.setitem(sys.modules, module, None)     # import fails as if not installed
    assert main([arg.format(tmp=tmp_path) for arg in args]) == 2
    err = capsys.readouterr().err
    assert 'pip install "fuhe[dask]"' in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("args, message", [
    (["extract", "examples", "--no-save", "--output", "facts.csv"], "must end in .parquet"),
    (["extract", "examples", "--dask", "local:2"], "add --output"),
    (["extract", "examples", "--dask", "local:two", "--output", "x.parquet"], "local:N"),
    (["extract", "-", "--dask", "local:2", "--output", "x.parquet"], "standard input"),
])
def test_bad_output_and_dask_options_are_usage_errors(args, message, capsys):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_help_imports_neither_dask_nor_pyarrow():
    for args in (["--help"], ["extract", "--help"], ["export", "--help"]):
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "fuhe_cli", *args], capture_output=True,
                                text=True, cwd=REPO, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 0
        imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
        assert not imported & {"dask", "distributed", "pyarrow"}, args
