"""Benchmark: fuhe's throughput, start-up and memory beside reference points, on one corpus.

    python bench/bench.py                       # 5 MB corpus, 3 runs, every figure of issue 7
    python bench/bench.py --corpus DIR          # build the corpus from your own reports
    python bench/bench.py --varied              # build it from tests/corpus/*.txt and examples/ (varied texts)
    python bench/bench.py --quick               # 1 MB, 1 run, small store and RSS figures
    python bench/bench.py --profile             # also cProfile the library pipeline
    python bench/bench.py --help-timings        # only every command's --help start-up
    python bench/bench.py --dask-mb 36          # also Dask local:1 vs local:2 on ~100 MB (needs fuhe[dask])

The corpus repeats report texts (the bundled examples, or --corpus DIR read the way fuhe reads
them) until it holds --mb million characters; each copy shifts its digits so nothing is cached.
Every throughput line is measured on that same corpus (cn2an.transform on its first 1 M chars,
because it is slow; its rate is per character all the same). Figures are medians of --runs runs.
Wall time on a shared machine is noisy: the load average at start is printed, and commands
also report their CPU time (user + sys of the child processes).
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "bench"))
import naive  # noqa: E402  what a user writes by hand: one regex, then cn2an on the digits

REPORT_SUFFIXES = (".txt", ".htm", ".html", ".md")


# --- corpus -------------------------------------------------------------------------------------
def report_texts(corpus_dir: Path | None) -> list[str]:
    from fuhe_cli.errors import InputError
    from fuhe_cli.reading import read_source

    root = corpus_dir or REPO / "examples"
    paths = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in REPORT_SUFFIXES
                   and not ({"ci", "drafts", "parallel"} & set(p.relative_to(root).parts)))
    texts = []
    for path in paths:
        try:
            texts.append(read_source(str(path)).text)
        except InputError:
            continue
    if not texts:
        raise SystemExit(f"no readable reports under {root}")
    return texts


def varied_texts() -> list[str]:
    """The repository's own texts: the corpus fixtures (reports, news pages, tables, fragments of
    many federations) and the examples. Copied until --mb is reached they repeat far less than a
    few seed reports do, so per-text work and short, figure-dense texts weigh as in real use."""
    from fuhe_cli.errors import InputError
    from fuhe_cli.reading import read_source

    texts = []
    for path in sorted((REPO / "tests" / "corpus").glob("*.txt")):
        try:
            texts.append(read_source(str(path)).text)
        except InputError:
            continue
    return texts + report_texts(None)


def build_corpus(texts: list[str], megabytes: float) -> list[str]:
    """Copies of the reports, digits shifted per copy, until `megabytes` M characters."""
    target = int(megabytes * 1_000_000)
    parts, size, copy = [], 0, 0
    while size < target:
        for text in texts:
            shift = copy % 7
            varied = re.sub(r"[0-9]+", lambda m: str(int(m.group()) + shift) if len(m.group()) < 4 else m.group(),
                            text)
            parts.append(varied)
            size += len(varied) + 1
            copy += 1
            if size >= target:
                break
    return parts


# --- timing -------------------------------------------------------------------------------------
def fresh(text: str) -> str:
    """A new string object with the same characters: per-text caches must not carry over between
    timed runs (repeated runs over one object would flatter fuhe)."""
    return text[:1] + text[1:]


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_rss_kb(pid: int) -> int:
    """Largest VmHWM (peak resident set, KB) of a process and its children, from /proc (0 elsewhere).
    VmHWM starts afresh at exec, unlike ru_maxrss, which also counts the pages the child shared
    with this (large) benchmark process between fork and exec."""
    peak = 0
    pids = [pid]
    try:
        pids += [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        pass
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError, IndexError):
            continue
    return peak


def run_child(args: list[str], env: dict, stdout=subprocess.DEVNULL) -> tuple[float, float, int, int]:
    """(wall s, cpu s of the child and its workers, peak RSS KB of the largest process, exit code)."""
    import threading

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    peak = [0]
    done = threading.Event()

    def watch() -> None:   # polled beside the child, so its wall time is not delayed
        while not done.wait(0.05):
            peak[0] = max(peak[0], _peak_rss_kb(process.pid))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    watcher.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss would count the pages shared with this process before exec: only where no /proc.
    rss = peak[0] if Path("/proc/self/status").exists() else usage.ru_maxrss
    return wall, cpu or (usage.ru_utime + usage.ru_stime), rss, process.returncode


def command_figures(args: list[str], runs: int, env: dict) -> tuple[float, float, int]:
    results = [run_child(args, env) for _ in range(runs)]
    codes = {code for *_, code in results}
    if codes - {0, 1}:
        raise SystemExit(f"{' '.join(args)} exited {codes}")
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def pipeline_stages(corpus: str, rules) -> dict[str, float]:
    """Seconds per stage of extract_text, run stage by stage on the whole corpus."""
    from fuhe_cli.attribution import attribute
    from fuhe_cli.extract import extract_text
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    stages = {}
    clock = time.perf_counter
    start = clock()
    normalised = normalise(fresh(corpus))
    stages["normalise"] = clock() - start
    start = clock()
    quantities = find_quantities(normalised.text)
    stages["find_quantities"] = clock() - start
    start = clock()
    attribute(normalised.text, quantities)
    stages["attribute (regions, years)"] = clock() - start
    start = clock()
    for quantity in quantities:
        rules.classify(normalised.text, quantity)
    stages["rules.classify"] = clock() - start
    start = clock()
    extract_text(fresh(corpus), rules=rules)
    total = clock() - start
    stages["rest (offsets, Fact models)"] = max(0.0, total - sum(stages.values()))
    stages["total extract_text"] = total
    return stages


def write_files(parts: list[str], folder: Path, file_chars: int) -> int:
    """Group reports into files of about `file_chars` characters, each with its own first line so
    the store sees distinct documents; returns the number of files."""
    folder.mkdir(parents=True)
    count, buffer, size = 0, [], 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size >= file_chars:
            (folder / f"r{count:05d}.txt").write_text(f"第{count}份\n" + "\n".join(buffer), encoding="utf-8")
            count, buffer, size = count + 1, [], 0
    if buffer:
        (folder / f"r{count:05d}.txt").write_text(f"第{count}份\n" + "\n".join(buffer), encoding="utf-8")
        count += 1
    return count


PROVINCES = ("110000 120000 130000 140000 150000 210000 220000 230000 310000 320000 330000 340000 350000 "
             "360000 370000 410000 420000 430000 440000 450000 460000 500000 510000 520000 530000 540000 "
             "610000 620000 630000 640000 650000").split()


def build_store(path: Path, texts: list[str], documents: int, rules) -> None:
    """A store of `documents` real extractions, spread over the 31 provinces and 9 years like a
    national collection (so one compare reads about 2/31 of it, as it would in use)."""
    from fuhe_cli.extract import extract_text
    from fuhe_cli.regions import gazetteer
    from fuhe_cli.store import Store

    places = gazetteer()
    regions = [places.get(code) for code in PROVINCES]
    extracted = [extract_text(text, f"seed{index}.txt", rules=rules) for index, text in enumerate(texts)]
    store = Store.open(str(path))
    try:
        for index in range(documents):
            source = extracted[index % len(extracted)]
            region, year = regions[index % len(regions)], 2015 + index % 9
            facts = [fact.model_copy(update={"region": None, "year": None}) for fact in source.facts]
            copy = source.model_copy(update={"path": f"bulk/{index:05d}.txt", "sha256": f"{index:064x}",
                                             "region": region, "year": year, "facts": facts})
            store.save(copy, rules.version)
    finally:
        store.close()


def store_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))   # with -wal and -shm


def print_help_timings(fuhe: list[str], env: dict) -> None:
    """`fuhe CMD --help` for every command: median wall time of 5 (the budget is 0.2 s)."""
    from fuhe_cli.cli import COMMAND_MODULES

    for command in [[]] + [[name] for name in COMMAND_MODULES] + [["rules", "list"], ["rules", "test"]]:
        label = " ".join(["fuhe", *command, "--help"])
        print(f"  {label:40s}{command_figures(fuhe + command + ['--help'], 5, env)[0]:.3f} s")


def dask_scaling(fuhe: list[str], env: dict, texts: list[str], tmp: Path, args) -> None:
    """`fuhe extract --dask local:N --output` for N = 1, 2 on a corpus of --dask-mb M characters,
    with the serial --output run beside it; wall times include starting the local cluster, which is
    also timed alone (a run over one small file)."""
    parts = build_corpus(texts, args.dask_mb)
    chars = sum(len(part) for part in parts)
    folder = tmp / "dask-corpus"
    files = write_files(parts, folder, args.store_file_kb * 1000)
    print(f"\nDask: {chars / 1e6:.1f} M characters ({sum(len(p.encode()) for p in parts) / 1e6:.0f} MB) "
          f"in {files} files, --output facts.parquet (medians of {args.runs})")
    one_file = tmp / "dask-one"
    one_file.mkdir()
    shutil.copy(folder / "r00000.txt", one_file / "r00000.txt")
    walls = {}
    for name, options in (("--jobs 1 (no Dask)", ["--no-save", "--jobs", "1"]),
                          ("--dask local:1", ["--dask", "local:1"]), ("--dask local:2", ["--dask", "local:2"])):
        out = tmp / "facts.parquet"
        runs = [run_child(fuhe + ["extract", str(folder), *options, "--output", str(out)], env)
                for _ in range(args.runs)]
        if any(code not in (0,) for *_, code in runs):
            raise SystemExit(f"fuhe extract {' '.join(options)} exited {[code for *_, code in runs]}")
        wall = statistics.median(r[0] for r in runs)
        start = statistics.median(run_child(fuhe + ["extract", str(one_file), *options, "--output",
                                                    str(tmp / "one.parquet")], env)[0] for _ in range(args.runs))
        walls[name] = wall
        print(f"  {name:20s} {wall:7.2f} s wall, {chars / wall / 1e6:5.2f} M char/s; one small file: {start:5.2f} s")
    print(f"  local:2 against local:1: {walls['--dask local:1'] / walls['--dask local:2']:.2f}x; "
          f"local:2 against --jobs 1: {walls['--jobs 1 (no Dask)'] / walls['--dask local:2']:.2f}x")


def row(name: str, seconds: float, chars: int, reference: float, cpu: float | None = None) -> str:
    cpu_text = f"{cpu:8.2f}" if cpu is not None else " " * 8
    return f"{name:44s} {seconds:8.3f} {cpu_text} {chars / seconds / 1e6:9.2f} {seconds / reference:8.2f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description="fuhe benchmark (issue 7 figures)")
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in M characters")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="folder of reports to build the corpus from")
    parser.add_argument("--varied", action="store_true",
                        help="build the corpus from the repository's own varied texts (tests/corpus/*.txt and "
                             "examples/, a few hundred reports, pages and fragments) instead of --corpus")
    parser.add_argument("--file-kb", type=int, default=50, help="characters per file (thousands) for commands")
    parser.add_argument("--store-mb", type=float, default=36.0,
                        help="store ingest of N M characters (0: skip); 36 M is about 100 MB of UTF-8, the issue's size")
    parser.add_argument("--store-file-kb", type=int, default=12,
                        help="characters per file (thousands) for the store ingest: 12 gives thousands of files")
    parser.add_argument("--store-docs", type=int, default=10_000, help="documents in the compare store (0: skip)")
    parser.add_argument("--rss-mb", type=float, default=50.0, help="peak RSS of one report of N MB (0: skip)")
    parser.add_argument("--dask-mb", type=float, default=0.0,
                        help="Dask scaling: --dask local:1 against local:2 (and --jobs 1) writing Parquet, on N M "
                             "characters in --store-file-kb files (36: about 100 MB of UTF-8; 0: skip; needs fuhe[dask])")
    parser.add_argument("--profile", action="store_true", help="cProfile extract_text on the corpus")
    parser.add_argument("--quick", action="store_true", help="--mb 1 --runs 1 --store-mb 2 --store-docs 1000 --rss-mb 5")
    parser.add_argument("--help-timings", action="store_true", help="only time every command's --help, then stop")
    args = parser.parse_args()
    if args.help_timings:
        print(f"--help of every command (median wall time of 5), load average {os.getloadavg()[0]:.2f}")
        print_help_timings([sys.executable, "-m", "fuhe_cli"], {**os.environ, "PYTHONPATH": str(REPO)})
        return 0
    if args.quick:
        args.mb, args.runs, args.store_mb, args.store_docs, args.rss_mb = 1.0, 1, 2.0, 1000, 5.0

    import cn2an

    from fuhe_cli.extract import extract_text
    from fuhe_cli.indicators import load_rules

    if args.varied:
        texts = varied_texts()
        source = "tests/corpus/ and examples/"
    else:
        texts = report_texts(args.corpus)
        source = args.corpus or "examples/"
    parts = build_corpus(texts, args.mb)
    corpus = "\n".join(parts)
    chars = len(corpus)
    rules = load_rules(use_env=False)
    facts = len(extract_text(corpus, rules=rules).facts)   # also warms every lazy import
    print(f"fuhe benchmark — python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f} at start")
    print(f"corpus: {chars / 1e6:.2f} M characters ({len(corpus.encode()) / 1e6:.1f} MB UTF-8) from "
          f"{len(texts)} report(s) under {source}; {facts} facts "
          f"(one per {chars // max(1, facts)} characters); medians of {args.runs} run(s)\n")

    results: dict[str, tuple[float, float | None]] = {}
    results["bare regex scan"] = (median_time(lambda: sum(1 for _ in naive.PATTERN.finditer(corpus)), args.runs), None)
    results["naive regex + cn2an script"] = (median_time(lambda: sum(1 for _ in naive.figures(corpus)), args.runs), None)
    sample = corpus[:1_000_000]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # cn2an.transform warns on every numeral it cannot read
        seconds = median_time(lambda: cn2an.transform(sample, "cn2an"), 1)
    results["cn2an.transform (first 1 M chars, scaled)"] = (seconds * chars / len(sample), None)
    results["fuhe extract_text, library, 1 core"] = (median_time(lambda: extract_text(fresh(corpus), rules=rules),
                                                                  args.runs), None)

    tmp = Path(tempfile.mkdtemp(prefix="fuhe-bench-"))
    # An installed fuhe starts from bytecode (pip compiles it at install); a source checkout run
    # with PYTHONDONTWRITEBYTECODE would compile every module at every start, so compile once here.
    import compileall

    compileall.compile_dir(str(REPO / "fuhe_cli"), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    fuhe = [sys.executable, "-m", "fuhe_cli"]
    try:
        folder = tmp / "corpus"
        files = write_files(parts, folder, args.file_kb * 1000)
        for jobs in (1, 2):
            wall, cpu, _ = command_figures(fuhe + ["extract", str(folder), "--no-save", "--format", "jsonl",
                                                   "--jobs", str(jobs)], args.runs, env)
            results[f"fuhe extract --no-save --format jsonl --jobs {jobs}"] = (wall, cpu)

        naive_command = [sys.executable, str(REPO / "bench" / "naive.py"), str(folder)]
        results["naive script as a command (bench/naive.py)"] = command_figures(naive_command, args.runs, env)[:2]
        reference = results["naive regex + cn2an script"][0]
        print(f"{'throughput (' + str(files) + ' files for the commands)':44s} {'wall s':>8s} {'cpu s':>8s} "
              f"{'M char/s':>9s} {'vs naive':>9s}")
        for name, (seconds, cpu) in results.items():
            print(row(name, seconds, chars, reference, cpu))
        one = results["fuhe extract --no-save --format jsonl --jobs 1"][0]
        two = results["fuhe extract --no-save --format jsonl --jobs 2"][0]
        print(f"--jobs 2 speed-up: {one / two:.2f}x; fuhe extract --jobs 1 against the naive command "
              f"(both read the files and write JSON lines): "
              f"{one / results['naive script as a command (bench/naive.py)'][0]:.2f}x its wall time")

        print("\nwhere extract_text's time goes (one run, stage by stage)")
        for name, seconds in pipeline_stages(corpus, rules).items():
            print(f"  {name:32s} {seconds:7.3f} s  {chars / max(seconds, 1e-9) / 1e6:7.2f} M char/s")

        print("\nstart-up (median wall time of 5)")
        report = REPO / "examples" / "sichuan-2023.txt"
        if not report.exists():
            report = folder / "r00000.txt"
        print(f"  fuhe --version                          {command_figures(fuhe + ['--version'], 5, env)[0]:.3f} s")
        print_help_timings(fuhe, env)
        print(f"  fuhe extract one report ({report.name})  "
              f"{command_figures(fuhe + ['extract', str(report), '--no-save', '--format', 'json'], 5, env)[0]:.3f} s")

        if args.store_docs:
            db = tmp / "compare.sqlite"
            started = time.perf_counter()
            build_store(db, texts, args.store_docs, rules)
            built = time.perf_counter() - started
            wall, _, _ = command_figures(fuhe + ["compare", "sichuan", "chongqing", "--db", str(db),
                                                 "--format", "json"], 5, env)
            print(f"  fuhe compare sichuan chongqing, store of {args.store_docs} documents  {wall:.3f} s "
                  f"(store built in {built:.1f} s)")

        if args.store_mb:
            store_parts = build_corpus(texts, args.store_mb)
            store_chars = sum(len(part) for part in store_parts)
            store_folder = tmp / "store-corpus"
            store_files = write_files(store_parts, store_folder, args.store_file_kb * 1000)
            print(f"\nstore ingest: {store_chars / 1e6:.1f} M characters "
                  f"({sum(len(p.encode()) for p in store_parts) / 1e6:.0f} MB) in {store_files} files")
            walls = {}
            for jobs in (1, 2):
                db = tmp / f"ingest{jobs}.sqlite"
                runs = []
                for _ in range(args.runs):   # each run into an empty store
                    for old in db.parent.glob(db.name + "*"):
                        old.unlink()
                    runs.append(run_child(fuhe + ["extract", str(store_folder), "--db", str(db),
                                                  "--format", "jsonl", "--jobs", str(jobs)], env)[:3])
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                rss = max(r[2] for r in runs)
                walls[jobs] = wall
                print(f"  --jobs {jobs}: {wall:7.2f} s wall, {cpu:7.2f} s cpu, {store_chars / wall / 1e6:5.2f} M char/s, "
                      f"peak RSS {rss / 1024:.0f} MB, store {store_size(db) / 1e6:.0f} MB "
                      f"(median of {args.runs})")
            print(f"  --jobs 2 speed-up: {walls[1] / walls[2]:.2f}x")

        if args.dask_mb:
            dask_scaling(fuhe, env, texts, tmp, args)

        if args.rss_mb:
            big = tmp / "big-report.txt"
            with big.open("w", encoding="utf-8") as handle:
                written = 0
                while written < args.rss_mb * 1_000_000:
                    for text in texts:
                        data = text + "\n"
                        handle.write(data)
                        written += len(data.encode())
            wall, _, rss, code = run_child(fuhe + ["extract", str(big), "--no-save", "--format", "jsonl"], env)
            print(f"\none {big.stat().st_size / 1e6:.0f} MB report, extract --no-save --format jsonl: {wall:.1f} s, "
                  f"peak RSS {rss / 1024:.0f} MB (exit {code})")

        if args.profile:
            import cProfile
            import pstats

            print("\ncProfile of extract_text over the corpus (top 15 by own time)")
            profiler = cProfile.Profile()
            profiler.runcall(extract_text, corpus, rules=rules)
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
