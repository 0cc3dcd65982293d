"""The store: idempotent saves, replacement, rule changes, concurrency, interruption, bad files."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from fuhe_cli.errors import ExitCode, StoreError, UsageError
from fuhe_cli.models import Document, Fact, Indicator, Region
from fuhe_cli.store import SCHEMA_VERSION, Store

SICHUAN = Region(code="510000", name="四川省", level="province")
CHENGDU = Region(code="510100", name="成都市", level="prefecture")


def make_document(path: str, content: str, figures: list[tuple[str, float]], region=SICHUAN, year=2023) -> Document:
    facts = [
        Fact(line=index + 1, column=1, text=f"{name}{value}", number=str(value), value=value, unit="人次",
             qualifier="exact", indicator=Indicator(id=name, name=name), region=None, year=None, rule=name)
        for index, (name, value) in enumerate(figures)
    ]
    return Document(path=path, sha256=hashlib.sha256(content.encode()).hexdigest(), encoding="utf-8",
                    region=region, year=year, facts=facts)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store.sqlite")


def test_same_content_twice_is_unchanged(db):
    document = make_document("a.txt", "one", [("lecture.reach", 1300000), ("training.people", 5000)])
    with Store.open(db) as store:
        assert store.save(document, "r1") == "added"
        assert store.save(document, "r1") == "unchanged"
        assert store.count_documents() == 1
        assert len(store.facts(["510000"])) == 2


def test_changed_content_at_same_path_replaces_old_facts(db):
    with Store.open(db) as store:
        store.save(make_document("a.txt", "v1", [("lecture.reach", 100), ("old.only", 7)]), "r1")
        assert store.save(make_document("a.txt", "v2", [("lecture.reach", 200)]), "r1") == "replaced"
        facts = store.facts(["510000"])
        assert [(f.indicator.id, f.value) for f in facts] == [("lecture.reach", 200)]
        assert store.count_documents() == 1


def test_rules_version_change_is_detected_and_replaces(db):
    document = make_document("a.txt", "same", [("lecture.reach", 100)])
    with Store.open(db) as store:
        assert store.needs_refresh(document.sha256, "r1")
        store.save(document, "r1")
        assert not store.needs_refresh(document.sha256, "r1")
        assert store.needs_refresh(document.sha256, "r2")
        assert store.save(document, "r2") == "replaced"
        assert not store.needs_refresh(document.sha256, "r2")
        assert len(store.facts(["510000"])) == 1


def test_facts_inherit_document_region_and_year_and_filter(db):
    own = make_document("b.txt", "b", [("lecture.reach", 5)])
    own.facts[0].region = CHENGDU
    own.facts[0].year = 2022
    with Store.open(db) as store:
        store.save(make_document("a.txt", "a", [("lecture.reach", 1), ("training.people", 2)]), "r")
        store.save(own, "r")
        assert [f.value for f in store.facts(["510000"])] == [1, 2]
        assert [f.value for f in store.facts(["510000"], ["training.people"])] == [2]
        assert [f.value for f in store.facts(["510100"], year=2022)] == [5]
        assert store.facts(["510100"], year=2023) == []
        assert isinstance(store.facts(["510000"])[0].value, int)


def test_schema_is_versioned_and_wal(db):
    Store.open(db).close()
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_remove_by_path_and_hash(db):
    with Store.open(db) as store:
        first = make_document("a.txt", "a", [("x", 1)])
        store.save(first, "r")
        store.save(make_document("b.txt", "b", [("x", 2)]), "r")
        assert [d.path for d in store.remove(["a.txt"])] == ["a.txt"]
        second_hash = store.documents()[0].sha256
        assert [d.path for d in store.remove([second_hash[:10]])] == ["b.txt"]
        with pytest.raises(UsageError):
            store.remove(["nope.txt"])
        assert store.count_documents() == 0


def test_corrupt_store_is_a_store_error_and_left_untouched(tmp_path):
    path = tmp_path / "bad.sqlite"
    garbage = b"this is not sqlite at all\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as caught:
        Store.open(str(path))
    assert caught.value.exit_code == ExitCode.INPUT
    assert "corrupt" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == garbage
    with pytest.raises(StoreError):
        Store.open(str(path), readonly=True)


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE mine (x)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a fuhe store"):
        Store.open(str(path))


def test_read_only_store_is_a_store_error(db):
    with Store.open(db) as store:
        store.save(make_document("a.txt", "a", [("x", 1)]), "r")
    os.chmod(db, 0o444)
    try:
        with pytest.raises(StoreError, match="read-only"):
            Store.open(db)
        # Reading still works.
        with Store.open(db, readonly=True) as store:
            assert store.count_documents() == 1
    finally:
        os.chmod(db, 0o644)


def test_missing_store_reads_as_empty_without_creating_it(db):
    with Store.open(db, readonly=True) as store:
        assert store.documents() == []
    assert not os.path.exists(db)


def test_default_location_honours_fuhe_db(monkeypatch, db):
    monkeypatch.setenv("FUHE_DB", db)
    with Store.open(None) as store:
        assert store.path == db


WRITER = textwrap.dedent("""
    import hashlib, sys
    sys.path.insert(0, {root!r})
    from fuhe_cli.models import Document, Fact, Indicator, Region
    from fuhe_cli.store import Store

    db, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    region = Region(code="510000", name="四川省", level="province")
    store = Store.open(db)
    for index in range(count):
        content = f"{{name}}-{{index}}"
        facts = [Fact(line=n + 1, column=1, text="t", number=str(n), value=n, unit="个", qualifier="exact",
                      indicator=Indicator(id=f"i{{n}}", name="n")) for n in range(20)]
        document = Document(path=content + ".txt", sha256=hashlib.sha256(content.encode()).hexdigest(),
                            region=region, year=2023, facts=facts)
        print(store.save(document, "r"), flush=True)
    store.close()
""")


def _writer_script(tmp_path) -> str:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    return str(script)


def test_two_processes_write_at_once(tmp_path, db):
    script = _writer_script(tmp_path)
    processes = [subprocess.Popen([sys.executable, script, db, name, "40"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for name in ("alpha", "beta")]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert out.split() == ["added"] * 40
    with Store.open(db) as store:
        documents = store.documents()
        assert len(documents) == 80
        assert all(d.fact_count == 20 for d in documents)
        assert len(store.facts(["510000"])) == 80 * 20


def test_killed_writer_leaves_no_partial_document(tmp_path, db):
    script = _writer_script(tmp_path)
    env = dict(os.environ, FUHE_TEST_SLOW_SAVE="0.01")
    process = subprocess.Popen([sys.executable, script, db, "killed", "50"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, text=True)
    # Wait until at least one document is committed, then kill it mid-way through another.
    assert process.stdout.readline().strip() == "added"
    time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    with Store.open(db) as store:
        documents = store.documents()
        assert 1 <= len(documents) < 50
        facts = store.facts(["510000"])
        assert len(facts) == 20 * len(documents)
        per_document = {}
        for fact in facts:
            per_document[fact.path] = per_document.get(fact.path, 0) + 1
        assert sorted(per_document.values()) == [20] * len(documents)


def test_docs_command_lists_and_removes(tmp_path, db):
    from typer.testing import CliRunner

    from fuhe_cli.cli import app

    with Store.open(db) as store:
        store.save(make_document("examples/a.txt", "a", [("x", 1), ("y", 2)]), "r")
        store.save(make_document("examples/b.txt", "b", [("x", 3)], region=CHENGDU, year=2022), "r")
    runner = CliRunner()
    result = runner.invoke(app, ["docs", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema"] == "fuhe.docs/1"
    assert [(d["path"], d["facts"], d["year"]) for d in payload["documents"]] == [
        ("examples/a.txt", 2, 2023), ("examples/b.txt", 1, 2022)]
    assert payload["documents"][1]["region"] == {"code": "510100", "name": "成都市"}

    result = runner.invoke(app, ["docs", "--db", db, "--remove", "examples/a.txt"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["docs", "remove", "--db", db, "missing.txt"])
    # CliRunner bypasses __main__'s error boundary: the FuheError carries the exit code.
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == ExitCode.USAGE
    result = runner.invoke(app, ["docs", "--db", db, "--format", "csv"])
    assert result.stdout.splitlines()[0].startswith("path,")
    assert len(result.stdout.splitlines()) == 2


def _version_one_store(path: str) -> None:
    """A store as fuhe wrote it before facts had periods (schema version 1)."""
    from fuhe_cli.store import APPLICATION_ID, MIGRATIONS

    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("INSERT INTO documents (sha256, path, path_key, year, fact_count, saved_at)"
                       " VALUES ('ab', 'old.txt', 'old.txt', 2022, 2, 'then')")
    for line, year in ((1, 2022), (2, None)):
        connection.execute("INSERT INTO facts (document_id, line, col, text, number, value, unit, qualifier,"
                           " indicator_id, indicator_name, fact_region, region_code, fact_year, year)"
                           " VALUES (1, ?, 1, 't', '5', 5, '人次', 'exact', 'x', 'x', 0, '510000', 0, ?)",
                           (line, year))
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("readonly", [False, True])
def test_a_version_one_store_is_upgraded_in_place_and_loses_nothing(tmp_path, readonly):
    path = str(tmp_path / "old.sqlite")
    _version_one_store(path)
    with Store.open(path, readonly=readonly) as store:
        facts = store.facts(["510000"])
        assert [(f.line, f.year, f.span, f.target) for f in facts] == [(2, None, "undated", False),
                                                                       (1, 2022, "year", False)]
        assert facts[1].period.label() == "2022"
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("SELECT count(*) FROM facts").fetchone()[0] == 2
    connection.close()


def test_periods_and_targets_round_trip_through_the_store(db):
    from fuhe_cli.models import Period

    document = make_document("p.txt", "p", [("training.people", 20), ("training.people", 30)])
    document.facts[0].period = Period(start="2019-01", end="2023-12")
    document.facts[1].period, document.facts[1].target = Period(start="2025-01", end="2025-12"), True
    document.facts[1].year = 2025
    with Store.open(db) as store:
        store.save(document, "r")
        assert [(f.span, f.target) for f in store.facts(["510000"])] == [("year", True), ("years 5", False)]
        assert [f.value for f in store.facts(["510000"], targets=False)] == [20]
        saved = next(store.iter_documents())[0]
        assert [(f.period.start, f.target) for f in saved.facts] == [("2019-01", False), ("2025-01", True)]
