"""Extraction on a Dask cluster: files listed here, read and extracted on the workers.

    fuhe extract reports/ --dask tcp://scheduler:8786 --output facts.parquet
    fuhe extract reports/ --dask local:2 --output facts.parquet     # a local cluster of 2 processes

The client lists the files and groups them into batches of a few MB; each worker reads its
batch with the same `extract_path` as `fuhe extract` and turns the documents into Arrow tables
(`fuhe_cli.parquet`), so only compact columns travel back. The rules are loaded once on the
client and scattered to every worker once (workers need no rule files, and every worker uses
exactly the client's rules). Results are written in input order, so the Parquet output is the
same as a serial `fuhe extract --output`. A batch that fails on a worker (a crash, a lost
worker) becomes one error per file in it; the run goes on.

dask, distributed and pyarrow come with the extra: pip install "fuhe[dask]".
"""
from __future__ import annotations

import os
import threading
import uuid
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

from fuhe_cli.errors import UsageError

# About this many bytes of report files per task: large enough that scheduling costs nothing
# beside extraction (about 1 ms a task against ~0.5 s of work), small enough to balance workers.
BATCH_BYTES = 4_000_000
# Batches in flight per worker thread: keeps workers busy while the client writes, and bounds
# the results held back to restore input order.
IN_FLIGHT_PER_THREAD = 3
CONNECT_TIMEOUT_SECONDS = 10


def require_dask():
    try:
        import distributed
    except ImportError:
        from fuhe_cli.parquet import EXTRA_HINT

        raise UsageError(f"--dask needs dask and distributed, which are not installed: {EXTRA_HINT}") from None
    return distributed


@dataclass
class Cluster:
    """A connected client, and the local cluster it started (if any), closed together."""

    client: object
    local: object = None

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()


def connect(address: str) -> Cluster:
    """`local`, `local:N` (a LocalCluster of N single-threaded worker processes) or a
    scheduler's address (tcp://host:8786)."""
    distributed = require_dask()
    import logging

    if address == "local" or address.startswith("local:"):
        from fuhe_cli.extract import default_jobs

        count = address.partition(":")[2]
        if count and not (count.isdigit() and int(count) > 0):
            raise UsageError(f"--dask {address!r}: write local:N with N a number of workers, e.g. local:2")
        workers = int(count) if count else default_jobs()
        # One thread per process: extraction is pure Python and holds the GIL.
        local = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
        return Cluster(client=distributed.Client(local), local=local)
    if "://" not in address and ":" not in address:
        raise UsageError(f"--dask {address!r}: give a scheduler address (tcp://host:8786), local or local:N")
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}: cannot reach a Dask scheduler there ({exc})") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_SECONDS)
    except (TimeoutError, OSError):
        client.close()
        raise UsageError(f"--dask {address}: no worker joined the scheduler within "
                         f"{CONNECT_TIMEOUT_SECONDS} s") from None
    return Cluster(client=client)


def _worker_fuhe_version() -> str:
    from fuhe_cli import __version__

    return __version__


def check_workers(client) -> None:
    """Every worker must run this fuhe (the extraction and its data come from the package)."""
    from fuhe_cli import __version__

    try:
        versions = client.run(_worker_fuhe_version, on_error="return")
    except Exception as exc:
        raise UsageError(f"--dask: the workers cannot run fuhe ({type(exc).__name__}: {exc}); "
                         "install the same fuhe on every worker") from None
    wrong = {worker: version for worker, version in versions.items() if version != __version__}
    if wrong:
        worker, version = next(iter(wrong.items()))
        raise UsageError(f"--dask: worker {worker} runs fuhe {version!r}, this is fuhe {__version__}; "
                         "install the same fuhe on every worker")


# --- on the workers ---------------------------------------------------------------------------
_local = threading.local()


def _rules_for_this_thread(rules):
    """The scattered rules, one copy per worker thread: a RuleSet keeps per-text memos, so
    threads of one worker (dask worker --nthreads N) must not share one."""
    held = getattr(_local, "rules", None)
    if held is None or held[0] is not rules:
        import pickle

        _local.rules = held = (rules, pickle.loads(pickle.dumps(rules)))
    return held[1]


def extract_batch(files: Sequence[tuple[str, str]], rules, encoding: Optional[str] = None):
    """Read and extract (display path, path to read) pairs on a worker:
    (facts table, documents table, [DocumentError]) in the batch's order."""
    from fuhe_cli.extract import iter_path_parts
    from fuhe_cli.models import DocumentError
    from fuhe_cli.parquet import Extraction, document_table, fact_table
    import pyarrow as pa

    rules = _rules_for_this_thread(rules)
    fact_tables, documents, errors = [], [], []
    for shown, read in files:
        warnings, facts, header = [], 0, None
        for part in iter_path_parts(read, rules=rules, encoding=encoding):
            if isinstance(part, DocumentError):
                errors.append(part.model_copy(update={"path": shown, "message": part.message.replace(read, shown)}))
                break
            part = part.model_copy(update={"path": shown})
            header = header or part
            fact_tables.append(fact_table([part]))
            warnings.extend(part.warnings)
            facts += len(part.facts)
        if header is not None:
            documents.append((header.model_copy(update={"facts": [], "warnings": warnings}),
                              Extraction(fact_count=facts, rules_version=rules.version)))
    facts_table = pa.concat_tables(fact_tables) if fact_tables else fact_table([])
    return facts_table, document_table(documents), errors


# --- on the client ----------------------------------------------------------------------------
def batches(files: Sequence[str], workers: int) -> list[list[tuple[str, str]]]:
    """Consecutive files grouped by size: at most BATCH_BYTES each, and at least about four
    batches per worker so the last ones do not leave workers idle."""
    sizes = []
    for path in files:
        try:
            sizes.append(os.path.getsize(path))
        except OSError:
            sizes.append(0)     # the worker reports why it cannot be read
    limit = max(1, min(BATCH_BYTES, sum(sizes) // max(1, workers * 4)))
    groups: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for path, file_size in zip(files, sizes):
        if current and size + file_size > limit:
            groups.append(current)
            current, size = [], 0
        current.append((path, os.path.abspath(path)))
        size += file_size
    if current:
        groups.append(current)
    return groups


def iter_batch_results(cluster: Cluster, files: Sequence[str], rules, *, encoding: Optional[str] = None,
                       on_batch: Optional[Callable[[int], None]] = None) -> Iterator[tuple]:
    """(facts table, documents table, errors) per batch, in input order."""
    distributed = require_dask()
    client = cluster.client
    check_workers(client)
    threads = sum(client.nthreads().values()) or 1
    groups = batches(files, threads)
    shared_rules = client.scatter(rules, broadcast=True, hash=False)
    window = max(2, threads * IN_FLIGHT_PER_THREAD)
    futures: dict[str, int] = {}          # key -> batch index
    done: dict[int, tuple] = {}
    completed = distributed.as_completed()
    submitted = next_out = 0
    run = uuid.uuid4().hex     # task keys unique per run: a shared scheduler may hold older ones

    def submit() -> None:
        nonlocal submitted
        while submitted < len(groups) and len(futures) + len(done) < window:
            future = client.submit(extract_batch, groups[submitted], shared_rules, encoding,
                                   key=f"fuhe-extract-{run}-{submitted}")
            futures[future.key] = submitted
            completed.add(future)
            submitted += 1

    submit()
    for future in completed:
        index = futures.pop(future.key)
        try:
            done[index] = future.result()
        except Exception as exc:   # the batch failed on its worker: its files are errors, the run goes on
            done[index] = _failed_batch(groups[index], exc)
        future.release()
        if on_batch is not None:
            on_batch(len(groups[index]))
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
        submit()
    while next_out in done:
        yield done.pop(next_out)
        next_out += 1


def _failed_batch(group: Sequence[tuple[str, str]], exc: BaseException) -> tuple:
    from fuhe_cli.models import DocumentError
    from fuhe_cli.parquet import document_table, fact_table

    message = f"{type(exc).__name__}: {exc}".strip()
    errors = [DocumentError(path=shown, code="worker-failed", message=f"{shown}: failed on a Dask worker ({message})")
              for shown, _ in group]
    return fact_table([]), document_table(), errors
