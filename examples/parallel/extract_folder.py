"""Run fuhe's pure extraction over a folder with a process pool and merge the results into a store.

    python examples/parallel/extract_folder.py REPORTS_DIR --db fuhe.sqlite [--jobs 4]

`fuhe_cli.extract.extract_text` is pure (text in, `Document` out), so any engine that can map a
function over files can run it: here the standard library's multiprocessing. Workers read and
extract; the parent is the store's single writer and saves each `Document` in input order, so the
store ends up exactly as after `fuhe extract REPORTS_DIR --db fuhe.sqlite`.

The same shape on a cluster (dask.bag, Spark, Ray ...): map `extract_one` over the paths,
collect the Documents (they are pydantic models: `doc.model_dump_json()` travels anywhere) and
save them from one process with `Store.open(db).save(doc, rules.version)`. Keep rules identical on
every worker: `rules.version` is a hash of the rule files, and the store records it.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys

from fuhe_cli.errors import InputError
from fuhe_cli.extract import extract_text
from fuhe_cli.reading import iter_input_paths, read_source
from fuhe_cli.indicators import load_rules
from fuhe_cli.store import Store

_rules = None


def _load_worker_rules(rule_dirs: tuple[str, ...]) -> None:
    global _rules
    _rules = load_rules(rule_dirs)


def extract_one(path: str):
    """Read one report and extract it: a `Document`, or (path, message) when it cannot be read."""
    try:
        source = read_source(path)
    except InputError as exc:
        return path, str(exc)
    return extract_text(source.text, source.path, rules=_rules, encoding=source.encoding,
                        line_labels=source.line_labels)


def extract_folder(folders: list[str], db: str, jobs: int, rule_dirs: tuple[str, ...] = ()) -> tuple[int, int]:
    """Extract every report under `folders` into the store `db`; returns (saved, unreadable)."""
    rules = load_rules(rule_dirs)
    paths = list(iter_input_paths(folders))
    saved = failed = 0
    store = Store.open(db)
    try:
        with multiprocessing.Pool(jobs, initializer=_load_worker_rules, initargs=(rule_dirs,)) as pool:
            # imap keeps input order; a modest chunksize amortises the pickling of small reports.
            for result in pool.imap(extract_one, paths, chunksize=max(1, min(16, len(paths) // (jobs * 4)))):
                if isinstance(result, tuple):
                    failed += 1
                    print(f"skipped {result[1]}", file=sys.stderr)
                    continue
                store.save(result, rules.version)
                saved += 1
    finally:
        store.close()
    return saved, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="report files or folders")
    parser.add_argument("--db", required=True, help="store file to fill")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--rules", action="append", default=[], help="extra rule directory")
    args = parser.parse_args(argv)
    saved, failed = extract_folder(args.folders, args.db, args.jobs, tuple(args.rules))
    print(f"saved {saved} document(s) to {args.db}; {failed} unreadable", file=sys.stderr)
    return 4 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
