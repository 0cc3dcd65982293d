"""Benchmark: fuhe's throughput and start-up beside reference points, on one corpus.

    python bench/bench.py [--mb 5] [--runs 3] [--store-mb 0]

Builds a corpus by repeating the bundled example reports (with per-copy variation so nothing
is cached away), then reports medians of several runs:
  * bare regex scan over the text (the practical ceiling),
  * a naive regex + cn2an script (what a user writes by hand),
  * cn2an.transform over the text,
  * fuhe's library pipeline in-process (extract_text, one core),
  * `fuhe extract --no-save --format jsonl` as a command (one core, then --jobs 2),
  * start-up: `fuhe --version`, `fuhe extract` of one report,
  * optionally (--store-mb N) ingesting N MB into a fresh SQLite store, serial vs --jobs 2.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

NAIVE_PATTERN = re.compile(r"([0-9.]+|[零一二两三四五六七八九十百千万亿]+)(万|亿)?(余|多)?(人次|人|名|个|场|次|家|户|期|元|%)")


def build_corpus(megabytes: float) -> str:
    texts = []
    for path in sorted((REPO / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file() and "ci" not in path.parts:
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    if not texts:
        raise SystemExit("no UTF-8 example reports to build a corpus from")
    target = int(megabytes * 1_000_000)
    parts, size, copy = [], 0, 0
    while size < target:
        for text in texts:
            # vary the figures a little so each copy is new text
            varied = re.sub(r"\d+", lambda m: str(int(m.group()) + copy % 7), text)
            parts.append(varied)
            size += len(varied)
            copy += 1
    return "\n".join(parts)


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_script(text: str) -> int:
    import cn2an

    found = 0
    for match in NAIVE_PATTERN.finditer(text):
        number = match.group(1)
        try:
            value = float(number) if number[0].isdigit() else cn2an.cn2an(number, "smart")
        except (ValueError, KeyError):
            continue
        if match.group(2) == "万":
            value *= 10_000
        found += 1
    return found


def command_time(args: list[str], runs: int, env=None) -> float:
    return median_time(lambda: subprocess.run(args, check=False, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL, env=env), runs)


def main() -> int:
    parser = argparse.ArgumentParser(description="fuhe benchmark")
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of characters")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store-mb", type=float, default=0.0, help="also measure store ingest of N MB")
    args = parser.parse_args()

    import cn2an

    from fuhe_cli.extract import extract_text
    from fuhe_cli.rules import load_rules

    corpus = build_corpus(args.mb)
    chars = len(corpus)
    print(f"corpus: {chars / 1e6:.2f} M characters, medians of {args.runs} runs")
    rules = load_rules(use_env=False)
    extract_text("热身：开展宣讲100场。", rules=rules)  # warm imports

    results = {}
    results["bare regex scan"] = median_time(lambda: sum(1 for _ in NAIVE_PATTERN.finditer(corpus)), args.runs)
    results["naive regex + cn2an"] = median_time(lambda: naive_script(corpus), args.runs)
    results["cn2an.transform"] = median_time(lambda: cn2an.transform(corpus, "cn2an"), 1)
    results["fuhe extract_text (library)"] = median_time(lambda: extract_text(corpus, rules=rules), args.runs)

    tmp = Path(tempfile.mkdtemp(prefix="fuhe-bench-"))
    try:
        corpus_dir = tmp / "corpus"
        corpus_dir.mkdir()
        pieces = 20
        step = chars // pieces + 1
        for index in range(pieces):
            (corpus_dir / f"part{index:03d}.txt").write_text(corpus[index * step:(index + 1) * step], encoding="utf-8")
        fuhe = [sys.executable, "-m", "fuhe_cli"]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        results["fuhe extract --jobs 1 (command)"] = command_time(
            fuhe + ["extract", str(corpus_dir), "--no-save", "--format", "jsonl", "--jobs", "1"], args.runs, env)
        results["fuhe extract --jobs 2 (command)"] = command_time(
            fuhe + ["extract", str(corpus_dir), "--no-save", "--format", "jsonl", "--jobs", "2"], args.runs, env)

        print(f"\n{'throughput':40s} {'seconds':>9s} {'M chars/s':>10s} {'vs naive':>9s}")
        naive = results["naive regex + cn2an"]
        for name, seconds in results.items():
            print(f"{name:40s} {seconds:9.3f} {chars / seconds / 1e6:10.2f} {seconds / naive:8.2f}x")

        one_report = next(p for p in sorted((REPO / "examples").glob("*.txt")))
        print("\nstart-up (median wall time)")
        print(f"  fuhe --version            {command_time(fuhe + ['--version'], 5, env):.3f} s")
        print(f"  fuhe extract one report   "
              f"{command_time(fuhe + ['extract', str(one_report), '--no-save', '--format', 'json'], 5, env):.3f} s")

        if args.store_mb:
            store_corpus = build_corpus(args.store_mb)
            store_dir = tmp / "store-corpus"
            store_dir.mkdir()
            files = max(1, int(args.store_mb * 40))
            step = len(store_corpus) // files + 1
            for index in range(files):
                (store_dir / f"r{index:05d}.txt").write_text(store_corpus[index * step:(index + 1) * step], encoding="utf-8")
            for jobs in (1, 2):
                db = tmp / f"store{jobs}.sqlite"
                seconds = median_time(lambda: (db.unlink(missing_ok=True), subprocess.run(
                    fuhe + ["extract", str(store_dir), "--db", str(db), "--format", "jsonl", "--jobs", str(jobs)],
                    check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)), 1)
                print(f"store ingest {args.store_mb:g} MB in {files} files, --jobs {jobs}: {seconds:.2f} s "
                      f"({len(store_corpus) / seconds / 1e6:.2f} M chars/s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
