"""Fill a fuhe store from a Dask cluster: workers read and extract, this process saves.

    python examples/parallel/extract_folder.py REPORTS_DIR --db fuhe.sqlite [--dask local:2 | tcp://host:8786]

`fuhe extract --dask ADDRESS --output facts.parquet` is the command for corpora; it writes
Parquet. This example shows the library underneath for a store instead: `extract_path` is pure
(a file in, a `Document` out, or the `DocumentError` that says why it could not be read), so the
cluster maps it over the files and this process, the store's single writer, saves each
`Document` in input order. The store ends up exactly as after
`fuhe extract REPORTS_DIR --db fuhe.sqlite`. The rules are loaded here and scattered to every
worker once, so workers use exactly these rules (the store records their hash).

Needs the extra: pip install "fuhe[dask]".
"""
from __future__ import annotations

import argparse
import sys

from fuhe_cli.cluster import connect
from fuhe_cli.extract import extract_path, input_files
from fuhe_cli.models import DocumentError
from fuhe_cli.indicators import load_rules
from fuhe_cli.store import Store


def extract_folder(folders: list[str], db: str, address: str = "local",
                   rule_dirs: tuple[str, ...] = ()) -> tuple[int, int]:
    """Extract every report under `folders` into the store `db`; returns (saved, unreadable)."""
    rules = load_rules(rule_dirs)
    paths = input_files(folders)
    saved = failed = 0
    cluster = connect(address)
    store = Store.open(db)
    try:
        client = cluster.client
        shared_rules = client.scatter(rules, broadcast=True, hash=False)
        # client.map keeps one future per file; gathering them in order keeps the store's order.
        futures = client.map(extract_path, paths, rules=shared_rules, pure=False)
        for future in futures:
            result = future.result()
            future.release()
            if isinstance(result, DocumentError):
                failed += 1
                print(f"skipped {result.message}", file=sys.stderr)
                continue
            store.save(result, rules.version)
            saved += 1
    finally:
        store.close()
        cluster.close()
    return saved, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="report files or folders")
    parser.add_argument("--db", required=True, help="store file to fill")
    parser.add_argument("--dask", default="local", help="scheduler address, local or local:N (default: local)")
    parser.add_argument("--rules", action="append", default=[], help="extra rule directory")
    args = parser.parse_args(argv)
    saved, failed = extract_folder(args.folders, args.db, args.dask, tuple(args.rules))
    print(f"saved {saved} document(s) to {args.db}; {failed} unreadable", file=sys.stderr)
    return 4 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
