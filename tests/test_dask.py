"""`fuhe extract --dask`: a real scheduler and two workers over TCP on localhost give exactly the
Parquet facts of a serial run; a local cluster too. Skipped where the dask extra is not installed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_folders import write_reports  # noqa: E402  (one corpus writer for both)

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """`dask scheduler` and two `dask worker` processes (one thread each) on 127.0.0.1."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask-logs")
    address = f"tcp://127.0.0.1:{free_port()}"
    dask = [sys.executable, "-m", "dask"]
    processes = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                          "--no-dashboard"], env=ENV, stdout=subprocess.DEVNULL,
                                  stderr=open(logs / "scheduler.log", "wb"))]
    try:
        for index in range(2):
            processes.append(subprocess.Popen(
                dask + ["worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                        "--name", f"fuhe-test-{index}", "--death-timeout", "60"],
                env=ENV, stdout=subprocess.DEVNULL, stderr=open(logs / f"worker{index}.log", "wb")))
        deadline = time.monotonic() + 60
        while True:   # the scheduler is up when its port accepts a connection
            try:
                socket.create_connection(("127.0.0.1", int(address.rsplit(":", 1)[1])), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or processes[0].poll() is not None:
                    pytest.fail("dask scheduler did not start: " + (logs / "scheduler.log").read_text())
                time.sleep(0.2)
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            stop(process)


def fuhe(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fuhe_cli", *args], capture_output=True, cwd=cwd, env=ENV,
                          timeout=300)


def tables(out: Path) -> tuple[list, list]:
    return (pq.read_table(out).to_pylist(),
            pq.read_table(out.with_name(out.name.replace(".parquet", ".documents.parquet"))).to_pylist())


@pytest.fixture(scope="module")
def reports_and_serial(tmp_path_factory):
    work = tmp_path_factory.mktemp("dask-run")
    write_reports(work / "reports", 40)
    serial = fuhe("extract", "reports", "--no-save", "--jobs", "1", "--output", "serial.parquet", cwd=work)
    assert serial.returncode == 4, serial.stderr.decode()      # broken.txt
    return work, tables(work / "serial.parquet")


def test_two_workers_over_tcp_give_the_serial_facts(scheduler, reports_and_serial):
    work, (serial_facts, serial_documents) = reports_and_serial
    result = fuhe("extract", "reports", "--dask", scheduler, "--output", "cluster.parquet", cwd=work)
    assert result.returncode == 4, result.stderr.decode()      # the unreadable file, reported, not fatal
    assert b"broken.txt" in result.stderr and b"Traceback" not in result.stderr
    facts, documents = tables(work / "cluster.parquet")
    assert len(serial_facts) >= 40 * 4
    assert facts == serial_facts
    assert documents == serial_documents
    assert [row["error_code"] for row in documents if row["error_code"]] == ["binary"]
    assert documents[-1]["path"] == os.path.join("reports", "city", "broken.txt")   # paths as listed here


def test_a_second_run_on_the_same_scheduler_uses_its_own_rules(scheduler, reports_and_serial, tmp_path):
    """Rules travel from the client: a rule directory only the client has still applies on the workers."""
    user_rules = REPO / "tests" / "fixtures" / "rules" / "user"
    report = tmp_path / "kitchen.txt"
    report.write_text("四川省妇联开办巾帼厨艺课堂12场，开展理论宣讲60场。\n", encoding="utf-8")
    with_rules = fuhe("extract", str(report), "--dask", scheduler, "--rules", str(user_rules),
                      "--output", "with.parquet", cwd=tmp_path)
    without = fuhe("extract", str(report), "--dask", scheduler, "--output", "without.parquet", cwd=tmp_path)
    assert with_rules.returncode == without.returncode == 0, with_rules.stderr.decode() + without.stderr.decode()
    assert "custom.kitchen_classes" in {row["rule"] for row in tables(tmp_path / "with.parquet")[0]}
    assert "custom.kitchen_classes" not in {row["rule"] for row in tables(tmp_path / "without.parquet")[0]}


def test_a_local_cluster_gives_the_serial_facts(reports_and_serial):
    work, (serial_facts, serial_documents) = reports_and_serial
    result = fuhe("extract", "reports", "--dask", "local:2", "--output", "local.parquet", cwd=work)
    assert result.returncode == 4, result.stderr.decode()
    assert tables(work / "local.parquet") == (serial_facts, serial_documents)


def test_a_scheduler_nobody_listens_on_is_one_usage_line(tmp_path):
    result = fuhe("extract", str(REPO / "examples"), "--dask", f"tcp://127.0.0.1:{free_port()}",
                  "--output", "x.parquet", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "cannot reach a Dask scheduler" in lines[0]
