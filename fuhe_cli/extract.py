"""The extraction pipeline: text in, facts out.

`extract_text` is pure (no I/O): read → normalise → quantities → indicators → region/year,
so it can run inside any distributed engine. `extract` adds reading files and parallelism.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import os
import re
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from fuhe_cli import __version__
from fuhe_cli.models import Document, DocumentError, DocumentWarning, ExtractResult, Fact

if TYPE_CHECKING:
    from fuhe_cli.reading import SourceText

# How much of the clause before a number is kept in Fact.text: enough to read what is counted.
CONTEXT_CHARS = 14
CLAUSE_BREAKS = set("，,。；;！!？?：:\n\r、（）()“”\"")

REPAIR_MESSAGES = {
    "ideographic-decimal": "ideographic full stop used as a decimal point",
    "mixed-width": "full-width and half-width characters mixed in one number",
    "fullwidth-digits": "full-width digits",
    "stray-space": "space inside a number",
    "separator": "thousands separator",
    "pinyin-noise": "converter noise (pinyin in brackets) removed",
    "traditional": "traditional characters converted to simplified",
}


_PLUS_ONE = (1).__add__


class LineIndex:
    """Offsets in a text → 1-based (line, column)."""

    def __init__(self, text: str):
        # each line starts one past the end of the one before: the running sum of the lengths
        # of the lines (with their newline), in C
        self.starts = [0, *itertools.accumulate(map(_PLUS_ONE, map(len, text.split("\n")[:-1])))]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_NUMBER_CHARS = frozenset("0123456789.")


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding `start` begins, at most CONTEXT_CHARS back — never inside a number
    (the 2名 of 12名 is widened to 12名) or inside a word (cut at the word's end instead)."""
    limit = max(0, start - CONTEXT_CHARS)
    position = start
    while position > limit and text[position - 1] not in CLAUSE_BREAKS:
        position -= 1
    if position == limit and position and text[position - 1] not in CLAUSE_BREAKS:
        if text[position - 1] in _NUMBER_CHARS:
            while position and text[position - 1] in _NUMBER_CHARS:
                position -= 1
        else:
            from fuhe_cli import words

            position = words.boundary_after(text, position, start)
    return position


def _basis(rules, rule_id: str | None) -> str | None:
    rule = rules.get(rule_id) if rule_id else None
    return rule.basis if rule is not None else None


@contextmanager
def _collections_paused():
    """No garbage collection while one text is extracted: the stages make tens of thousands of
    small objects that live until the document is built (quantities, spans, facts), and each
    collection walks all of them again (about 4 % of the time on an 8 M-character report).
    They hold no reference cycles to speak of, so nothing piles up; collection resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Lone surrogates (U+D800..U+DFFF) cannot be encoded; files never decode to them, library callers'
# strings can: each becomes U+FFFD (one character for one, offsets kept), with a warning.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def extract_text(text: str, path: str = "<text>", *, rules=None, encoding: str | None = None,
                 line_labels: list[str] | None = None) -> Document:
    """Extract every quantity of one report's text into a `Document`."""
    with _collections_paused():
        return _extract_text(text, path, rules=rules, encoding=encoding, line_labels=line_labels)


def _extract_text(text: str, path: str, *, rules, encoding: str | None, line_labels: list[str] | None) -> Document:
    from fuhe_cli.attribution import attribute
    from fuhe_cli.layout import Layout
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities
    from fuhe_cli.time_expressions import as_model

    if rules is None:
        from fuhe_cli.indicators import load_rules

        rules = load_rules()
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is not None:
        replaced = len(_LONE_SURROGATE.findall(text))
        text = _LONE_SURROGATE.sub("\ufffd", text)
    normalised = normalise(text)
    norm_text = normalised.text
    quantities = find_quantities(norm_text)
    # the document's layout, worked out once: classification reads its articles' places (a
    # county-level city's 市级), attribution everything else
    layout = Layout(norm_text)
    indicators = [rules.classify(norm_text, quantity, layout) for quantity in quantities]
    bases = [_basis(rules, rule_id) for _, rule_id in indicators]
    attribution = attribute(norm_text, quantities, bases, layout)
    lines = LineIndex(text)
    to_original = normalised.to_original

    facts = []
    for index, quantity in enumerate(quantities):
        indicator, rule_id = indicators[index]
        original_start = to_original(quantity.start)
        original_end = to_original(quantity.end)
        context_start = to_original(_clause_start(norm_text, quantity.start))
        line, column = lines.locate(original_start)
        facts.append(Fact(
            line=line, column=column,
            text=text[context_start:original_end].strip(),
            number=quantity.number, value=quantity.value, unit=quantity.unit,
            qualifier=quantity.qualifier, low=quantity.low, high=quantity.high,
            indicator=indicator,
            region=attribution.fact_regions[index],
            year=attribution.fact_years[index],
            period=as_model(attribution.fact_periods[index]),
            target=attribution.fact_targets[index],
            rule=rule_id,
            location=line_labels[line - 1] if line_labels and line <= len(line_labels) else None,
        ))
    facts.sort(key=lambda fact: (fact.line, fact.column))

    warnings = []
    for repair in normalised.repairs:
        if repair.kind in ("traditional", "markup", "numeral-year"):
            continue  # not a defect of the figure itself
        line, column = lines.locate(repair.start)
        warnings.append(DocumentWarning(
            line=line, column=column, code=repair.kind,
            message=f"{REPAIR_MESSAGES.get(repair.kind, repair.kind)}: {text[repair.start:repair.end]!r}",
        ))
    if surrogate is not None:
        line, column = lines.locate(surrogate.start())
        warnings.append(DocumentWarning(line=line, column=column, code="lone-surrogate",
                                        message=f"{replaced} lone surrogate(s) replaced with U+FFFD"))
    warnings.sort(key=lambda warning: (warning.line, warning.column, warning.code))

    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        title=attribution.title,
        date=attribution.date,
        region=attribution.region,
        year=attribution.year,
        period=as_model(attribution.period),
        facts=facts,
        warnings=warnings,
    )


# A text longer than this is extracted block by block (whole lines), so memory stays bounded
# however large the report: facts stream out per block instead of piling up.
BLOCK_CHARS = 250_000


def iter_text_parts(text: str, path: str = "<text>", *, rules=None, encoding: str | None = None,
                    line_labels: list[str] | None = None, block_chars: int | None = None):
    """Yield the document in parts: one part for an ordinary report, one per block for a huge one.

    Every part carries the whole document's header (path, hash, title, date, region, year);
    facts and warnings are the block's, with lines counted from the top of the file. Facts
    whose block names no region or year of their own take the document's.
    """
    block_chars = block_chars or BLOCK_CHARS
    if len(text) <= block_chars:
        yield extract_text(text, path, rules=rules, encoding=encoding, line_labels=line_labels)
        return
    digest = hashlib.sha256()
    for offset in range(0, len(text), block_chars):  # same hash as extract_text, without a full copy
        digest.update(text[offset:offset + block_chars].encode("utf-8", "surrogatepass"))
    sha256 = digest.hexdigest()
    header = None
    start, line_offset, column_offset = 0, 0, 0
    while start < len(text):
        end = _block_end(text, start, block_chars)
        block = text[start:end]
        labels = line_labels[line_offset:] if line_labels else None
        part = extract_text(block, path, rules=rules, encoding=encoding, line_labels=labels)
        if header is None:  # the first block's title, date, region and year are the document's
            header = {"sha256": sha256, "title": part.title, "date": part.date,
                      "region": part.region, "year": part.year, "period": part.period}
        for fact in part.facts:
            if fact.line == 1:
                fact.column += column_offset   # a block cut inside a long line
            fact.line += line_offset
            if fact.region is None:
                fact.region = header["region"]
            if fact.year is None and fact.period is None:
                fact.year, fact.period = header["year"], header["period"]
        for warning in part.warnings:
            if warning.line == 1:
                warning.column += column_offset
            warning.line += line_offset
        yield part.model_copy(update=header)
        del part
        newlines = block.count("\n")
        line_offset += newlines
        column_offset = end - (block.rfind("\n") + 1 + start) if newlines else column_offset + len(block)
        start = end


_SENTENCE_ENDS = re.compile("[。！？；!?;]")


def _block_end(text: str, start: int, block_chars: int) -> int:
    """Where the block from `start` ends: after the first line end past `block_chars`; in a line
    far longer than that (minified HTML, a PDF text layer), after the first sentence end past
    it, so a single-line report costs what the same report with line breaks does."""
    end = text.find("\n", start + block_chars, start + 2 * block_chars)
    if end != -1:
        return end + 1
    if len(text) <= start + 2 * block_chars:
        end = text.find("\n", start + block_chars)
        return len(text) if end == -1 else end + 1
    sentence = _SENTENCE_ENDS.search(text, start + block_chars, start + 2 * block_chars)
    return sentence.end() if sentence else start + 2 * block_chars


def merge_parts(parts) -> Document:
    """One Document from the parts of `iter_text_parts`."""
    parts = list(parts)
    first = parts[0]
    if len(parts) == 1:
        return first
    return first.model_copy(update={
        "facts": [fact for part in parts for fact in part.facts],
        "warnings": [warning for part in parts for warning in part.warnings],
    })


def read_report(path: str, encoding: str | None = None, *,
                stdin_name: str | None = None) -> SourceText | DocumentError:
    """Read one file; an unreadable one comes back as its `DocumentError`, so the run goes on.
    `stdin_name`: what '-' is called in documents and messages."""
    from fuhe_cli.errors import InputError
    from fuhe_cli.reading import read_source

    try:
        return read_source(path, encoding=encoding, stdin_name=stdin_name)
    except InputError as exc:
        name = stdin_name if path == "-" and stdin_name else path
        return DocumentError(path=name, code=getattr(exc, "code", "unreadable"), message=str(exc))


def warn_repairs(source: SourceText) -> None:
    """A warning on stderr for each repair reading made (stray NUL bytes …)."""
    if source.repairs:
        from fuhe_cli import console

        for repair in source.repairs:
            console.warn(f"{source.path}: {repair}")


def iter_path_parts(path: str, *, rules=None, encoding: str | None = None, stdin_name: str | None = None):
    """Read one file and yield its document parts; an unreadable file yields one `DocumentError`."""
    source = read_report(path, encoding=encoding, stdin_name=stdin_name)
    if isinstance(source, DocumentError):
        yield source
        return
    warn_repairs(source)
    yield from iter_text_parts(source.text, source.path, rules=rules, encoding=source.encoding,
                               line_labels=source.line_labels)


def extract_path(path: str, *, rules=None, encoding: str | None = None) -> Document | DocumentError:
    """Read and extract one file; an unreadable file comes back as a `DocumentError`."""
    parts = list(iter_path_parts(path, rules=rules, encoding=encoding))
    return parts[0] if isinstance(parts[0], DocumentError) else merge_parts(parts)


# --- parallel extraction -------------------------------------------------------------
_worker_rules = None
# Files handed to a worker at a time: few enough that the workers finish together and the
# parent writes results as they come, not in bursts at the end.
CHUNK_FILES = 4


def _init_worker(rule_dirs: tuple[str, ...], inherited: bool) -> None:
    global _worker_rules
    import signal

    from fuhe_cli.indicators import load_rules

    # Ctrl-C and a closed pipe are the parent's to handle; it cancels the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    if not inherited:   # a forked worker already holds the parent's rules
        _worker_rules = load_rules(rule_dirs)


def _exit_with_parent() -> None:
    """A worker whose parent died (killed, or SIGPIPE) must not live on holding stderr."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _extract_in_worker(args: tuple[str, str | None]):
    path, encoding = args
    return extract_path(path, rules=_worker_rules, encoding=encoding)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def input_files(paths: Sequence[str]) -> list[str]:
    """Expand directories into report files (see `reading.iter_input_paths`)."""
    from fuhe_cli.reading import iter_input_paths

    return list(iter_input_paths(list(paths)))


def iter_extract_parts(files: Sequence[str], *, encoding: str | None = None, rule_dirs: Sequence[str] = (),
                       rules=None, jobs: int = 1,
                       stdin_name: str | None = None) -> Iterable[Iterable[Document] | DocumentError]:
    """Per input file (already expanded, see `input_files`), in order whatever `jobs` is: its
    document parts, or its error.  '-' (stdin) is called `stdin_name` when one is given.

    Serially the parts of a huge file are produced lazily (bounded memory); parallel workers
    return whole documents.
    """
    if jobs <= 1 or len(files) < 2 or "-" in files:
        if rules is None:
            from fuhe_cli.indicators import load_rules

            rules = load_rules(rule_dirs)
        for path in files:
            parts = iter_path_parts(path, rules=rules, encoding=encoding, stdin_name=stdin_name)
            first = next(parts)
            if isinstance(first, DocumentError):
                yield first
            else:
                yield itertools.chain([first], parts)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_rules
    context = multiprocessing.get_context()
    _worker_rules = rules   # what forked workers start with; others load the same rule dirs
    inherited = rules is not None and context.get_start_method() == "fork"
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(tuple(str(d) for d in rule_dirs), inherited))
    finished = False
    try:
        # map keeps input order, so a parallel run prints exactly what a serial run does.
        for result in pool.map(_extract_in_worker, [(path, encoding) for path in files],
                               chunksize=max(1, min(CHUNK_FILES, len(files) // (jobs * 4)))):
            yield result if isinstance(result, DocumentError) else [result]
        finished = True
    finally:
        _shut_down(pool, finished)


def _shut_down(pool, finished: bool) -> None:
    """Close the pool on every path, and wait for it: a pool left to close itself at interpreter
    exit writes to a pipe it has already closed ("Exception ignored … Bad file descriptor")."""
    if not finished:
        # interrupted, or the reader of our output went away: drop queued work, stop running work
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True)


def extract(paths: Sequence[str], *, encoding: str | None = None, rule_dirs: Sequence[str] = (),
            rules=None, jobs: int = 1, stdin_name: str | None = None,
            on_result: Callable[[Document | DocumentError], None] | None = None) -> ExtractResult:
    """Extract facts from files and directories into one `ExtractResult` envelope."""
    documents: list[Document] = []
    errors: list[DocumentError] = []
    for parts in iter_extract_parts(input_files(paths), encoding=encoding, rule_dirs=rule_dirs,
                                    rules=rules, jobs=jobs, stdin_name=stdin_name):
        result = parts if isinstance(parts, DocumentError) else merge_parts(parts)
        if on_result is not None:
            on_result(result)
        if isinstance(result, DocumentError):
            errors.append(result)
        else:
            documents.append(result)
    return ExtractResult(fuhe_version=__version__, documents=documents, errors=errors)


@dataclass
class ExtractRun:
    """What a streamed `extract_into` leaves to report once the output is written."""

    errors: list[DocumentError] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)       # Store.save_parts outcome per document
    empty: list[str] = field(default_factory=list)          # paths of documents without a fact
    warnings: int = 0                                       # repaired numbers, over all documents


def extract_into(files: Sequence[str], writer, *, store=None, rules=None, encoding: str | None = None,
                 rule_dirs: Sequence[str] = (), jobs: int = 1, stdin_name: str | None = None,
                 on_error: Callable[[DocumentError], None] | None = None,
                 on_file: Callable[[], None] | None = None) -> ExtractRun:
    """Extract files in order, handing each document's parts to `writer` (begin_document, part,
    end_document) as they go by and, with a store, saving them in the same pass.

    Nothing piles up: a huge report streams from the reader through the writer into the store.
    """
    if rules is None:
        from fuhe_cli.indicators import load_rules

        rules = load_rules(rule_dirs)
    run = ExtractRun()

    def written(parts, seen: dict):
        for index, part in enumerate(parts):
            if index == 0:
                writer.begin_document(part)
            writer.part(part)
            seen["path"] = part.path
            seen["facts"] += len(part.facts)
            seen["warnings"] += len(part.warnings)
            yield part
        writer.end_document()

    for item in iter_extract_parts(files, encoding=encoding, rule_dirs=rule_dirs,
                                   rules=rules, jobs=jobs, stdin_name=stdin_name):
        if on_file is not None:
            on_file()
        if isinstance(item, DocumentError):
            if on_error is not None:
                on_error(item)
            run.errors.append(item)
            continue
        seen = {"facts": 0, "warnings": 0, "path": None}
        if store is not None:
            # the store consumes the parts inside its transaction
            run.outcomes.append(store.save_parts(written(item, seen), rules.version))
        else:
            for _ in written(item, seen):
                pass
        if not seen["facts"]:
            run.empty.append(seen["path"])
        run.warnings += seen["warnings"]
    return run
