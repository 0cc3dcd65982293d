"""Parallel extraction: `--jobs` workers use the caller's rules, and examples/parallel (the pure
extraction mapped over a Dask cluster) fills the store exactly as a serial `fuhe extract` does."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_folders import write_reports  # noqa: E402  (one corpus writer for both)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "parallel" / "extract_folder.py"


def store_rows(db: Path) -> tuple[list, list]:
    """Everything a store holds except row ids and save times, in a stable order."""
    connection = sqlite3.connect(db)
    try:
        documents = connection.execute(
            "SELECT sha256, path, path_key, encoding, title, date, region_code, region_name, region_level,"
            " year, rules_version, fact_count, warnings FROM documents ORDER BY sha256").fetchall()
        facts = connection.execute(
            "SELECT d.sha256, f.line, f.col, f.text, f.number, f.value, f.unit, f.qualifier, f.low, f.high,"
            " f.indicator_id, f.indicator_name, f.fact_region, f.region_code, f.region_name, f.region_level,"
            " f.fact_year, f.year, f.rule FROM facts f JOIN documents d ON d.id = f.document_id"
            " ORDER BY d.sha256, f.line, f.col, f.number").fetchall()
    finally:
        connection.close()
    return documents, facts


def test_parallel_example_fills_the_store_like_a_serial_extract(tmp_path):
    pytest.importorskip("distributed")
    reports = tmp_path / "reports"
    write_reports(reports, 24)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    env.pop("FUHE_RULES", None)

    serial_db, parallel_db = tmp_path / "serial.sqlite", tmp_path / "parallel.sqlite"
    serial = subprocess.run([sys.executable, "-m", "fuhe_cli", "extract", str(reports), "--db", str(serial_db),
                             "--format", "jsonl", "--jobs", "1"], capture_output=True, env=env, cwd=tmp_path,
                            timeout=300)
    assert serial.returncode == 4, serial.stderr.decode()   # broken.txt
    parallel = subprocess.run([sys.executable, str(EXAMPLE), str(reports), "--db", str(parallel_db), "--dask", "local:2"],
                              capture_output=True, env=env, cwd=tmp_path, timeout=300)
    assert parallel.returncode == 4, parallel.stderr.decode()
    assert b"broken.txt" in parallel.stderr and b"saved 24 document(s)" in parallel.stderr

    serial_documents, serial_facts = store_rows(serial_db)
    parallel_documents, parallel_facts = store_rows(parallel_db)
    assert len(serial_documents) == 24
    assert len(serial_facts) >= 24 * 4
    assert parallel_documents == serial_documents
    assert parallel_facts == serial_facts


def test_extract_path_is_pure_and_its_results_travel(tmp_path, rules):
    """The function a distributed engine maps: a path in, a picklable Document (or the error) out."""
    import pickle

    from fuhe_cli.extract import extract_path
    from fuhe_cli.models import DocumentError

    write_reports(tmp_path, 2)
    document = extract_path(str(tmp_path / "county" / "000-report.txt"), rules=rules)
    assert pickle.loads(pickle.dumps(document)) == document
    assert document.facts and document.year == 2016
    error = extract_path(str(tmp_path / "city" / "broken.txt"), rules=rules)
    assert isinstance(error, DocumentError) and error.path.endswith("broken.txt") and "binary" in error.message


def test_parallel_workers_use_the_rules_of_each_call(tmp_path):
    """Workers get the caller's rules (inherited when forked, reloaded otherwise), and a later call
    with other rules does not see the earlier call's."""
    from fuhe_cli.extract import iter_extract_parts
    from fuhe_cli.indicators import load_rules

    user_rules = REPO / "tests" / "fixtures" / "rules" / "user"
    files = []
    for index in range(4):
        path = tmp_path / f"{index}.txt"
        path.write_text(f"四川省妇联开办巾帼厨艺课堂{10 + index}场，开展理论宣讲{60 + index}场。\n", encoding="utf-8")
        files.append(str(path))

    def rule_ids(rules, rule_dirs):
        return {fact.rule for parts in iter_extract_parts(files, rules=rules, rule_dirs=rule_dirs, jobs=2)
                for part in parts for fact in part.facts}

    with_user = rule_ids(load_rules([user_rules], use_env=False), [str(user_rules)])
    shipped = rule_ids(load_rules(use_env=False), [])
    assert "custom.kitchen_classes" in with_user
    assert "custom.kitchen_classes" not in shipped


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_parallel_run_with_unreadable_inputs_shuts_its_pool_down_without_a_traceback(tmp_path):
    # A pool left to close itself at interpreter exit printed "Exception ignored … Bad file
    # descriptor" in some runs; the pool is now shut down and waited for on every path.
    (tmp_path / "good.txt").write_text("全年开展巾帼宣讲320场，覆盖群众4.5万人次。\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    os.mkfifo(tmp_path / "pipe.txt")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(8):
        result = subprocess.run([sys.executable, "-m", "fuhe_cli", "extract", str(tmp_path), "--no-save",
                                 "--jobs", "2", "--format", "jsonl"], capture_output=True, text=True,
                                env=env, timeout=120)
        assert result.returncode == 4
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
        assert "pipe.txt: not a regular file" in result.stderr
