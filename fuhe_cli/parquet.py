"""Facts as tables: the Parquet hand-off for pandas, DuckDB, Polars and Excel users.

`fuhe extract --output facts.parquet` writes two files: facts.parquet, one row per fact
(FACT_COLUMNS), and facts.documents.parquet beside it, one row per input file
(DOCUMENT_COLUMNS; a file that could not be read has its error code and message there).
The column lists below are the one place a field is added: its name, its Arrow type and how it
is read from a document and a fact. pyarrow is imported only when a table is made or read, so
`fuhe --help` never pays for it (it comes with the extra: pip install "fuhe[dask]").
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Sequence

from fuhe_cli.errors import UsageError
from fuhe_cli.time_expressions import Period, effective_period, month_text, parse_month

if TYPE_CHECKING:
    from fuhe_cli.models import Document, DocumentError, Fact

FACTS_SCHEMA = "fuhe.facts/1"
EXTRA_HINT = 'pip install "fuhe[dask]"'


def _period_text(period, end: str):
    if period is None:
        return None
    return month_text(period.start if end == "start" else period.end)


def _region(document, fact):
    # A fact without a region of its own belongs to its document's (as in the store).
    return fact.region or document.region


# (column, Arrow type, value from (document, fact)); region and year are the effective ones.
FACT_COLUMNS: list[tuple[str, str, Callable[[Any, Any], Any]]] = [
    ("path", "string", lambda document, fact: document.path),
    ("sha256", "string", lambda document, fact: document.sha256),
    ("line", "int32", lambda document, fact: fact.line),
    ("column", "int32", lambda document, fact: fact.column),
    ("text", "string", lambda document, fact: fact.text),
    ("number", "string", lambda document, fact: fact.number),
    ("value", "float64", lambda document, fact: fact.value),
    ("low", "float64", lambda document, fact: fact.low),
    ("high", "float64", lambda document, fact: fact.high),
    ("unit", "string", lambda document, fact: fact.unit),
    ("qualifier", "string", lambda document, fact: fact.qualifier),
    ("indicator_id", "string", lambda document, fact: fact.indicator.id),
    ("indicator_name", "string", lambda document, fact: fact.indicator.name),
    ("region_code", "string", lambda document, fact: (_region(document, fact) or _NO_REGION).code),
    ("region_name", "string", lambda document, fact: (_region(document, fact) or _NO_REGION).name),
    ("region_level", "string", lambda document, fact: (_region(document, fact) or _NO_REGION).level),
    ("year", "int32", lambda document, fact: fact.year if fact.year is not None else document.year),
    ("period_start", "string", lambda document, fact: _period_text(effective_period(fact, document), "start")),
    ("period_end", "string", lambda document, fact: _period_text(effective_period(fact, document), "end")),
    ("target", "bool_", lambda document, fact: fact.target),
    ("rule", "string", lambda document, fact: fact.rule),
    ("location", "string", lambda document, fact: fact.location),
]

# (column, Arrow type, value from (document, its `Extraction`)); an unreadable file has only
# path, error_code and error_message.
DOCUMENT_COLUMNS: list[tuple[str, str, Callable[[Any, Any], Any]]] = [
    ("path", "string", lambda document, run: document.path),
    ("sha256", "string", lambda document, run: document.sha256),
    ("encoding", "string", lambda document, run: document.encoding),
    ("title", "string", lambda document, run: document.title),
    ("date", "string", lambda document, run: document.date),
    ("region_code", "string", lambda document, run: (document.region or _NO_REGION).code),
    ("region_name", "string", lambda document, run: (document.region or _NO_REGION).name),
    ("region_level", "string", lambda document, run: (document.region or _NO_REGION).level),
    ("year", "int32", lambda document, run: document.year),
    ("period_start", "string", lambda document, run: document.period.start if document.period else None),
    ("period_end", "string", lambda document, run: document.period.end if document.period else None),
    ("fact_count", "int32", lambda document, run: run.fact_count),
    ("warnings", "warnings", lambda document, run: [warning.model_dump() for warning in document.warnings]),
    ("rules_version", "string", lambda document, run: run.rules_version),
    ("error_code", "string", lambda document, run: None),
    ("error_message", "string", lambda document, run: None),
]


@dataclass(frozen=True)
class Extraction:
    """What a document row says beyond the document header: the facts counted over all its
    parts (a huge report streams through in parts) and the rules that extracted it."""

    fact_count: int
    rules_version: Optional[str]


class _NoRegion:
    code = name = level = None


_NO_REGION = _NoRegion()


def require_pyarrow():
    """pyarrow, or a usage error naming the extra (never an ImportError traceback)."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise UsageError(f"Parquet needs pyarrow, which is not installed: {EXTRA_HINT}") from None
    return pyarrow


def documents_path(facts_path: str) -> str:
    """facts.parquet -> facts.documents.parquet (the companion table beside it)."""
    stem = facts_path[:-len(".parquet")] if facts_path.endswith(".parquet") else facts_path
    return stem + ".documents.parquet"


def check_output_path(path: str) -> None:
    if not path.endswith(".parquet"):
        raise UsageError(f"--output {path!r}: the file name must end in .parquet")
    if os.path.isdir(path):
        raise UsageError(f"--output {path!r} is a directory; pass a file name ending in .parquet")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise UsageError(f"--output {path!r}: no such directory {parent}")


def _arrow_type(pa, name: str):
    if name == "warnings":
        return pa.list_(pa.struct([("line", pa.int32()), ("column", pa.int32()),
                                   ("code", pa.string()), ("message", pa.string())]))
    return getattr(pa, name)()


def fact_schema(pa=None):
    pa = pa or require_pyarrow()
    return pa.schema([(name, _arrow_type(pa, kind)) for name, kind, _ in FACT_COLUMNS])


def document_schema(pa=None):
    pa = pa or require_pyarrow()
    return pa.schema([(name, _arrow_type(pa, kind)) for name, kind, _ in DOCUMENT_COLUMNS])


def fact_table(parts: Iterable[Document]):
    """The facts of document parts as one Arrow table of FACT_COLUMNS."""
    pa = require_pyarrow()
    getters = [getter for _, _, getter in FACT_COLUMNS]
    columns: list[list] = [[] for _ in getters]
    for part in parts:
        for fact in part.facts:
            for column, getter in zip(columns, getters):
                column.append(getter(part, fact))
    schema = fact_schema(pa)
    return pa.Table.from_arrays([pa.array(column, type=field.type) for column, field in zip(columns, schema)],
                                schema=schema)


def document_table(documents: Sequence[tuple[Document, Extraction]] = (), errors: Sequence[DocumentError] = ()):
    """One row per document (its header and all its warnings) and per unreadable file."""
    pa = require_pyarrow()
    rows = [[getter(document, run) for _, _, getter in DOCUMENT_COLUMNS] for document, run in documents]
    names = [name for name, _, _ in DOCUMENT_COLUMNS]
    for error in errors:
        row = dict.fromkeys(names)
        row.update(path=error.path, warnings=[], error_code=error.code, error_message=error.message)
        rows.append([row[name] for name in names])
    schema = document_schema(pa)
    return pa.Table.from_arrays([pa.array([row[index] for row in rows], type=field.type)
                                 for index, field in enumerate(schema)], schema=schema)


# --- writing ----------------------------------------------------------------------------------
# Facts buffered before a row group is written: bounded memory, row groups large enough to scan fast.
ROW_GROUP_ROWS = 100_000


class ParquetOutput:
    """facts.parquet and facts.documents.parquet, written as tables arrive.

    Both files are written under temporary names and moved into place by `close()`, so an
    interrupted run never leaves a half-written file where a reader expects a finished one.
    """

    def __init__(self, path: str, rules_version: Optional[str] = None):
        check_output_path(path)
        pa = require_pyarrow()
        import pyarrow.parquet as pq

        from fuhe_cli import __version__

        self.path = path
        self.documents_path = documents_path(path)
        self.rules_version = rules_version
        metadata = {"fuhe.schema": FACTS_SCHEMA, "fuhe_version": __version__}
        self._pa, self._pq = pa, pq
        self._facts_schema = fact_schema(pa).with_metadata(metadata)
        self._documents_schema = document_schema(pa).with_metadata(metadata)
        self._temporary = [f"{path}.tmp-{os.getpid()}", f"{self.documents_path}.tmp-{os.getpid()}"]
        self._facts = pq.ParquetWriter(self._temporary[0], self._facts_schema, compression="zstd")
        self._documents = pq.ParquetWriter(self._temporary[1], self._documents_schema, compression="zstd")
        self._pending: list = []
        self._pending_rows = 0
        self.facts_written = 0
        self.documents_written = 0

    def add_tables(self, facts, documents=None) -> None:
        """Tables made by `fact_table` / `document_table` (e.g. on a Dask worker)."""
        if facts.num_rows:
            self._pending.append(facts)
            self._pending_rows += facts.num_rows
            self.facts_written += facts.num_rows
            if self._pending_rows >= ROW_GROUP_ROWS:
                self._flush()
        if documents is not None and documents.num_rows:
            self._documents.write_table(documents.replace_schema_metadata(self._documents_schema.metadata))
            self.documents_written += documents.num_rows

    def add_document(self, document: Document, rules_version: Optional[str] = None) -> None:
        """A whole document (all its facts)."""
        run = Extraction(fact_count=len(document.facts), rules_version=rules_version or self.rules_version)
        self.add_tables(fact_table([document]), document_table([(document, run)]))

    def _flush(self) -> None:
        if self._pending:
            table = self._pa.concat_tables(self._pending).replace_schema_metadata(self._facts_schema.metadata)
            self._facts.write_table(table, row_group_size=ROW_GROUP_ROWS)
            self._pending, self._pending_rows = [], 0

    def close(self, errors: Sequence[DocumentError] = ()) -> None:
        """Write the unreadable files' rows, finish both files and move them into place."""
        if errors:
            self.add_tables(fact_table([]), document_table(errors=errors))
        self._flush()
        self._facts.close()
        self._documents.close()
        os.replace(self._temporary[0], self.path)
        os.replace(self._temporary[1], self.documents_path)

    def abort(self) -> None:
        for writer in (self._facts, self._documents):
            try:
                writer.close()
            except Exception:
                pass
        for name in self._temporary:
            try:
                os.unlink(name)
            except OSError:
                pass


class ParquetWriter:
    """`fuhe extract --output`: the ExtractWriter interface (start, begin_document, part,
    end_document, finish) over a `ParquetOutput`, so the serial and --jobs paths stream into it."""

    def __init__(self, path: str, rules_version: Optional[str] = None):
        self.output = ParquetOutput(path, rules_version)
        self._header = None
        self._warnings: list = []
        self._facts = 0

    def start(self) -> None:
        pass

    def begin_document(self, part) -> None:
        self._header, self._warnings, self._facts = part, [], 0

    def part(self, part) -> None:
        self.output.add_tables(fact_table([part]))
        self._warnings.extend(part.warnings)
        self._facts += len(part.facts)

    def end_document(self) -> None:
        document = self._header.model_copy(update={"facts": [], "warnings": self._warnings})
        run = Extraction(fact_count=self._facts, rules_version=self.output.rules_version)
        self.output.add_tables(fact_table([]), document_table([(document, run)]))
        self._header = None

    def finish(self, errors) -> None:
        self.output.close(errors)

    def abort(self) -> None:
        self.output.abort()


# --- reading ----------------------------------------------------------------------------------
def is_parquet(path: str) -> bool:
    return path.endswith(".parquet") and os.path.isfile(path)


def _number(value):
    """Values are doubles in Parquet; fuhe's whole numbers are ints (1300000, not 1300000.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def read_facts(path: str, region_codes: Optional[Iterable[str]] = None):
    """`StoredFact`s from a facts.parquet (only the given regions' when `region_codes` is set)."""
    require_pyarrow()
    import pyarrow.parquet as pq

    from fuhe_cli.models import Indicator, Region
    from fuhe_cli.store import StoredFact

    filters = [("region_code", "in", sorted(set(region_codes)))] if region_codes is not None else None
    try:
        table = pq.read_table(path, filters=filters)
    except Exception as exc:   # pyarrow raises several kinds for a file that is not Parquet
        from fuhe_cli.errors import InputError

        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    missing = [name for name, _, _ in FACT_COLUMNS if name not in table.column_names
               and name not in ("location",)]
    if missing:
        from fuhe_cli.errors import InputError

        raise InputError(f"{path}: not a fuhe facts table (no column {', '.join(missing)})")
    dates: dict[str, Optional[str]] = {}
    companion = documents_path(path)
    if os.path.isfile(companion):
        for row in pq.read_table(companion, columns=["sha256", "date"]).to_pylist():
            if row["sha256"]:
                dates[row["sha256"]] = row["date"]
    indicators: dict[tuple, Indicator] = {}
    regions: dict[tuple, Optional[Region]] = {}
    facts = []
    for row in table.to_pylist():
        indicator_key = (row["indicator_id"], row["indicator_name"])
        if indicator_key not in indicators:
            indicators[indicator_key] = Indicator(id=indicator_key[0], name=indicator_key[1])
        region_key = (row["region_code"], row["region_name"], row["region_level"])
        if region_key not in regions:
            regions[region_key] = (Region(code=region_key[0], name=region_key[1] or region_key[0],
                                          level=region_key[2] or "province") if region_key[0] else None)
        facts.append(StoredFact(
            path=row["path"], sha256=row["sha256"] or "", line=row["line"], column=row["column"], text=row["text"],
            number=row["number"], value=_number(row["value"]), unit=row["unit"], qualifier=row["qualifier"],
            low=_number(row["low"]), high=_number(row["high"]), indicator=indicators[indicator_key],
            region=regions[region_key], year=row["year"], rule=row["rule"],
            document_date=dates.get(row["sha256"]),
            period=Period(parse_month(row["period_start"]), parse_month(row["period_end"])) if row["period_end"] else None,
            target=bool(row["target"]),
        ))
    return facts
