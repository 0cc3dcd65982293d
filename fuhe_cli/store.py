"""The SQLite store: documents keyed by content hash, and their facts.

One transaction per document, so an interrupted `fuhe extract` never leaves half a document;
WAL mode and a busy timeout, so two fuhe processes can write to the same store at once.
A store file fuhe cannot read or write is reported as a `StoreError` and never deleted.
"""
from __future__ import annotations

import itertools
import json
import os
import sqlite3
import stat
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator, Literal, Optional, Sequence

from fuhe_cli.errors import StoreError, UsageError
from fuhe_cli.models import Document, Fact, Indicator, Region
from fuhe_cli.time_expressions import Period, as_model, effective_period, month_text as _month, span_kind

SaveOutcome = Literal["added", "unchanged", "replaced"]

# Marks a SQLite file as a fuhe store ("FUHE" in ASCII), so fuhe never migrates someone else's database.
APPLICATION_ID = 0x46554845
BUSY_TIMEOUT_SECONDS = 10.0

# Test hook: seconds to sleep after each fact insert, inside the document's transaction,
# so a test can kill a writer mid-document.
SLOW_SAVE_ENV = "FUHE_TEST_SLOW_SAVE"

# Each entry takes the schema from version N to N+1; PRAGMA user_version records N.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        sha256        TEXT NOT NULL UNIQUE,
        path          TEXT NOT NULL,
        path_key      TEXT NOT NULL,
        encoding      TEXT,
        title         TEXT,
        date          TEXT,
        region_code   TEXT,
        region_name   TEXT,
        region_level  TEXT,
        year          INTEGER,
        rules_version TEXT,
        fact_count    INTEGER NOT NULL,
        warnings      TEXT NOT NULL DEFAULT '[]',
        saved_at      TEXT NOT NULL
    );
    CREATE INDEX documents_path_key ON documents(path_key);
    -- value/low/high have no declared type so SQLite keeps ints as ints and floats as floats.
    CREATE TABLE facts (
        id             INTEGER PRIMARY KEY,
        document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        line           INTEGER NOT NULL,
        col            INTEGER NOT NULL,
        text           TEXT NOT NULL,
        number         TEXT NOT NULL,
        value,
        unit           TEXT,
        qualifier      TEXT NOT NULL,
        low,
        high,
        indicator_id   TEXT NOT NULL,
        indicator_name TEXT NOT NULL,
        fact_region    INTEGER NOT NULL,   -- 1: the fact names its own region, 0: the document's
        region_code    TEXT,
        region_name    TEXT,
        region_level   TEXT,
        fact_year      INTEGER NOT NULL,   -- 1: the fact states its own year, 0: the document's
        year           INTEGER,
        rule           TEXT
    );
    CREATE INDEX facts_region_indicator_year ON facts(region_code, indicator_id, year);
    CREATE INDEX facts_document ON facts(document_id);
    """,
    # 2: the period a fact covers (a flow's start and end, or the month a stock is counted at),
    # its span kind (what compare lines up: year | months MM-MM | years N | stock | undated) and
    # whether it is a target. A version-1 fact had a year only: it becomes that whole year.
    """
    ALTER TABLE facts ADD COLUMN period_start TEXT;
    ALTER TABLE facts ADD COLUMN period_end TEXT;
    ALTER TABLE facts ADD COLUMN span TEXT NOT NULL DEFAULT 'undated';
    ALTER TABLE facts ADD COLUMN target INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN period_start TEXT;
    ALTER TABLE documents ADD COLUMN period_end TEXT;
    UPDATE facts SET period_start = printf('%04d-01', year), period_end = printf('%04d-12', year),
        span = 'year' WHERE year IS NOT NULL;
    CREATE INDEX facts_region_indicator_span ON facts(region_code, indicator_id, span, period_end);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> str:
    """`FUHE_DB`, else fuhe.sqlite in the user data directory."""
    env = os.environ.get("FUHE_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("fuhe", appauthor=False), "fuhe.sqlite")


def _path_key(path: str) -> str:
    # "The same file" across runs from different working directories.
    if path in ("-", "<stdin>", "<text>") or path.startswith("<"):
        return path
    return os.path.realpath(path)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_INSERT_FACT = ("INSERT INTO facts (document_id, line, col, text, number, value, unit, qualifier, low, high,"
                " indicator_id, indicator_name, fact_region, region_code, region_name, region_level,"
                " fact_year, year, rule, period_start, period_end, span, target)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _slowly(rows: Iterable[tuple], seconds: float) -> Iterator[tuple]:
    """Rows handed over one by one with a pause (SLOW_SAVE_ENV: lets tests kill a save midway)."""
    for row in rows:
        yield row
        time.sleep(seconds)


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A fact as the store returns it: the fact, its effective region and year, and its source."""

    path: str
    sha256: str
    line: int
    column: int
    text: str
    number: str
    value: int | float
    unit: Optional[str]
    qualifier: str
    low: Optional[int | float]
    high: Optional[int | float]
    indicator: Indicator
    region: Optional[Region]
    year: Optional[int]
    rule: Optional[str]
    document_date: Optional[str]
    period: Optional[Period] = None
    target: bool = False

    @property
    def span(self) -> str:
        return span_kind(self.period)


@dataclass(frozen=True)
class StoredDocument:
    sha256: str
    path: str
    encoding: Optional[str]
    title: Optional[str]
    date: Optional[str]
    region: Optional[Region]
    year: Optional[int]
    rules_version: Optional[str]
    fact_count: int
    saved_at: str


def _region(code, name, level) -> Optional[Region]:
    if code is None:
        return None
    return Region(code=code, name=name or code, level=level or "province")


class StoreQueries:
    """The read side of the store: documents and facts as compare, check and export ask for
    them (`Store` holds the connection and the write side)."""

    def _query(self, sql: str, parameters: Sequence = ()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def documents(self) -> list[StoredDocument]:
        """Every stored document, by path."""
        rows = self._query(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY path, sha256").fetchall()
        return [_stored_document(row) for row in rows]

    def count_documents(self) -> int:
        return self._query("SELECT count(*) FROM documents").fetchone()[0]

    def iter_documents(self) -> Iterator[tuple[Document, Optional[str]]]:
        """Every stored document with its facts, as extracted (a fact's own region and year, or
        None where it inherits its document's), and its rules version; by path, one at a time."""
        from fuhe_cli.models import DocumentWarning

        documents = self._query(
            "SELECT id, sha256, path, encoding, title, date, region_code, region_name, region_level, year,"
            " rules_version, warnings, period_start, period_end FROM documents ORDER BY path, sha256").fetchall()
        indicators: dict[tuple, Indicator] = {}
        regions: dict[tuple, Optional[Region]] = {}
        for (document_id, sha256, path, encoding, title, date, code, name, level, year, rules_version,
             warnings, period_start, period_end) in documents:
            facts = []
            for row in self._query(
                    "SELECT line, col, text, number, value, unit, qualifier, low, high, indicator_id,"
                    " indicator_name, fact_region, region_code, region_name, region_level, fact_year, year, rule,"
                    " period_start, period_end, target FROM facts WHERE document_id = ? ORDER BY id", (document_id,)):
                indicator_key = (row[9], row[10])
                if indicator_key not in indicators:
                    indicators[indicator_key] = Indicator(id=row[9], name=row[10])
                region_key = (row[12], row[13], row[14])
                if region_key not in regions:
                    regions[region_key] = _region(*region_key)
                facts.append(Fact(line=row[0], column=row[1], text=row[2], number=row[3], value=row[4],
                                  unit=row[5], qualifier=row[6], low=row[7], high=row[8],
                                  indicator=indicators[indicator_key],
                                  region=regions[region_key] if row[11] else None,
                                  year=row[16] if row[15] else None, rule=row[17],
                                  period=as_model(_period(row[18], row[19])), target=bool(row[20])))
            yield Document(path=path, sha256=sha256, encoding=encoding, title=title, date=date,
                           region=_region(code, name, level), year=year,
                           period=as_model(_period(period_start, period_end)), facts=facts,
                           warnings=[DocumentWarning(**warning) for warning in json.loads(warnings or "[]")]), \
                rules_version

    def facts(self, region_codes: Iterable[str], indicator_ids: Iterable[str] | None = None,
              year: int | None = None, *, latest_only: bool = False, best_only: bool = False,
              categorized_only: bool = False, targets: bool = True) -> list[StoredFact]:
        """Facts whose (effective) region is one of `region_codes`, optionally filtered.

        `latest_only`: per region, indicator and span kind (a year, a part of one, a stock, a run
        of years: what compare lines up), only the facts of the latest period, read through the
        (region_code, indicator_id, span, period_end) index. `best_only` (with `latest_only`): of
        those, only the facts stating the figure compare shows (largest lower bound, then the firmer
        qualifier, then the earliest source), so a store with thousands of reports per region stays
        fast. `targets=False` leaves planned figures out.
        Sorted by region, indicator, span, period, path, line, column: the same store gives the same list.
        """
        codes = list(dict.fromkeys(region_codes))
        if not codes:
            return []
        conditions = [f"f.region_code IN ({','.join('?' * len(codes))})"]
        parameters: list = list(codes)
        indicators = list(dict.fromkeys(indicator_ids or ()))
        if indicators:
            conditions.append(f"f.indicator_id IN ({','.join('?' * len(indicators))})")
            parameters.extend(indicators)
        if categorized_only:
            conditions.append("f.indicator_id != 'uncategorized'")
        if not targets:
            conditions.append("f.target = 0")
        if year is not None:
            conditions.append("f.year = ?")
            parameters.append(year)
        where = " AND ".join(conditions)
        if latest_only and year is None:
            # Two steps, each an index search: the latest period of every (region, indicator, span),
            # then exactly those facts. One joined query scanned every period's facts instead.
            latest = self._query(
                f"SELECT f.region_code, f.indicator_id, f.span, max(f.period_end) FROM facts f WHERE {where}"
                " GROUP BY f.region_code, f.indicator_id, f.span ORDER BY f.region_code, f.indicator_id, f.span",
                parameters).fetchall()
            rows = []
            same_cell = f"{where} AND f.region_code = ? AND f.indicator_id = ? AND f.span = ? AND f.period_end IS ?"
            for quadruple in latest:
                cell_parameters = (*parameters, *quadruple)
                if best_only:
                    # Must agree with compare's choice (compare._choice_key): this only narrows.
                    best = self._query(
                        "SELECT f.value, f.qualifier, f.low, f.high, f.unit FROM facts f"
                        f" JOIN documents d ON d.id = f.document_id WHERE {same_cell} ORDER BY"
                        " (CASE WHEN f.qualifier = 'range' AND f.low IS NOT NULL THEN f.low ELSE f.value END) DESC,"
                        " (CASE f.qualifier WHEN 'exact' THEN 4 WHEN 'at_least' THEN 3 WHEN 'approx' THEN 2"
                        " WHEN 'range' THEN 1 ELSE 0 END) DESC, d.path, f.line LIMIT 1", cell_parameters).fetchone()
                    rows.extend(self._query(
                        f"{FACT_SELECT} WHERE {same_cell} AND f.value IS ? AND f.qualifier = ? AND f.low IS ?"
                        " AND f.high IS ? AND f.unit IS ? ORDER BY d.path, f.line, f.col",
                        (*cell_parameters, *best)).fetchall())
                else:
                    rows.extend(self._query(f"{FACT_SELECT} WHERE {same_cell} ORDER BY d.path, f.line, f.col",
                                            cell_parameters).fetchall())
        else:
            rows = self._query(
                f"{FACT_SELECT} WHERE {where} ORDER BY f.region_code, f.indicator_id, f.span, f.period_end,"
                " d.path, f.line, f.col", parameters).fetchall()
        return _stored_facts(rows)

    def indicator_facts(self, indicator_id: str) -> list[StoredFact]:
        """Every stored fact of one indicator, in every region: `fuhe check --db` sets a figure
        against other reports and other regions of its level. Sorted by region, year, path, line."""
        try:
            rows = self.connection.execute(
                f"{FACT_SELECT} WHERE f.indicator_id = ? AND f.value IS NOT NULL"
                " ORDER BY f.region_code, f.year, d.path, f.line, f.col", (indicator_id,)).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # an empty SQLite file: nothing stored yet
                return []
            raise _store_error(self.path, exc) from None
        return _stored_facts(rows)


class Store(StoreQueries):
    """Documents and facts in one SQLite file. Use `Store.open`, then `close()` (or `with`)."""

    def __init__(self, connection: sqlite3.Connection, path: str, readonly: bool = False):
        self.connection = connection
        self.path = path
        self.readonly = readonly

    # --- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, db_path: str | None = None, *, readonly: bool = False) -> "Store":
        """Open (creating and migrating if needed) the store at `db_path` or the default location.

        `readonly=True` never creates or migrates anything: a missing store reads as empty.
        """
        path = os.path.abspath(os.path.expanduser(db_path or default_db_path()))
        if os.path.isdir(path):
            raise StoreError(f"store {path} is a directory; pass a file path to --db")
        exists = os.path.exists(path)
        if readonly and not exists:
            connection = sqlite3.connect(":memory:")
            store = cls(connection, path, readonly=True)
            store._migrate()
            return store
        if exists and not readonly and not _writable(path):
            raise StoreError(f"store {path} is read-only; make it writable or choose another with --db")
        if not exists:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store directory for {path}: {exc.strerror}") from None
        try:
            if readonly:
                connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS,
                                             isolation_level=None)
            else:
                connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from None
        store = cls(connection, path, readonly=readonly)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            connection.execute("PRAGMA foreign_keys = ON")
            if readonly:
                connection.execute("BEGIN")
                try:
                    store._check_identity()
                    version = connection.execute("PRAGMA user_version").fetchone()[0]
                finally:
                    connection.execute("COMMIT")
                if 0 < version < SCHEMA_VERSION:
                    # An older store is upgraded in place (nothing is dropped) before it is read.
                    connection.close()
                    if not _writable(path):
                        raise StoreError(f"store {path} has schema version {version} and is read-only; "
                                         "make it writable once so fuhe can upgrade it")
                    cls.open(path).close()
                    return cls.open(path, readonly=True)
            else:
                store._migrate()
                _retry_while_locked(lambda: connection.execute("PRAGMA journal_mode = WAL").fetchone())
                connection.execute("PRAGMA synchronous = NORMAL")
        except StoreError:
            connection.close()
            raise
        except sqlite3.Error as exc:
            connection.close()
            raise _store_error(path, exc) from None
        return store

    def _check_identity(self) -> None:
        """Refuse databases that are not fuhe stores, or come from a newer fuhe."""
        connection = self.connection
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if version == 0 and application_id == 0:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path} is an SQLite database but not a fuhe store; "
                                 "it was left untouched (choose another file with --db)")
            return
        if application_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is not a fuhe store; it was left untouched "
                             "(choose another file with --db)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema version {version}, newer than this fuhe "
                             f"understands ({SCHEMA_VERSION}); upgrade fuhe")

    def _migrate(self) -> None:
        """Check identity and bring the schema up to date, under the write lock.

        Holding the lock from the first read means a second fuhe creating the same store at the
        same moment waits, then sees a finished schema.
        """
        connection = self.connection
        _retry_while_locked(lambda: connection.execute("BEGIN IMMEDIATE"))
        try:
            self._check_identity()
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        connection.execute(statement)
            if version < SCHEMA_VERSION:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------
    def needs_refresh(self, sha256: str, rules_version: str) -> bool:
        """True when this content is not stored, or was extracted with other rules."""
        row = self._query("SELECT rules_version FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row is None or row[0] != rules_version

    def save(self, document: Document, rules_version: str) -> SaveOutcome:
        """Save one document and its facts in one transaction.

        Same content and rules: "unchanged" (nothing written). Same content with other rules, or
        new content at a path already stored: "replaced" (old facts gone). Otherwise "added".
        """
        return self.save_parts([document], rules_version)

    def save_parts(self, parts: Iterable[Document], rules_version: str) -> SaveOutcome:
        """Save a document given in parts (a huge report, block by block) in one transaction.

        The first part's header (path, hash, title, region, ...) stands for the document; every
        part's facts and warnings are added. The parts are always consumed, even when unchanged.
        """
        iterator = iter(parts)
        document = next(iterator)
        if not document.sha256:
            raise ValueError("a document needs its sha256 to be stored")
        key = _path_key(document.path)
        slow = float(os.environ.get(SLOW_SAVE_ENV) or 0)
        with self._transaction() as connection:
            same = connection.execute("SELECT id, rules_version FROM documents WHERE sha256 = ?",
                                      (document.sha256,)).fetchone()
            unchanged = same is not None and same[1] == rules_version
            if not unchanged:
                stale = connection.execute("SELECT id FROM documents WHERE path_key = ? AND sha256 != ?",
                                           (key, document.sha256)).fetchall()
                outcome: SaveOutcome = "replaced" if (same is not None or stale) else "added"
                for row in stale + ([same] if same is not None else []):
                    self._delete_document(row[0])
                document_id = self._insert_document(document, key, rules_version)
                fact_count, warnings = 0, []
                for part in itertools.chain([document], iterator):
                    rows = (self._fact_row(document_id, document, fact) for fact in part.facts)
                    connection.executemany(_INSERT_FACT, _slowly(rows, slow) if slow else rows)
                    fact_count += len(part.facts)
                    warnings.extend(warning.model_dump(mode="json") for warning in part.warnings)
                if fact_count != len(document.facts) or len(warnings) != len(document.warnings):
                    connection.execute("UPDATE documents SET fact_count = ?, warnings = ? WHERE id = ?",
                                       (fact_count, json.dumps(warnings, ensure_ascii=False), document_id))
        if unchanged:
            for _ in iterator:  # the caller still sees every part (e.g. to print it)
                pass
            return "unchanged"
        return outcome

    @contextmanager
    def _transaction(self):
        """A write transaction: committed, or rolled back on any failure; SQLite errors become StoreError."""
        if self.readonly:
            raise StoreError(f"store {self.path} was opened read-only")
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def _delete_document(self, document_id: int) -> None:
        self.connection.execute("DELETE FROM facts WHERE document_id = ?", (document_id,))
        self.connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def _insert_document(self, document: Document, key: str, rules_version: str) -> int:
        region = document.region
        cursor = self.connection.execute(
            "INSERT INTO documents (sha256, path, path_key, encoding, title, date, region_code, region_name,"
            " region_level, year, rules_version, fact_count, warnings, saved_at, period_start, period_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.sha256, document.path, key, document.encoding, document.title, document.date,
             region.code if region else None, region.name if region else None, region.level if region else None,
             document.year, rules_version, len(document.facts),
             json.dumps([w.model_dump(mode="json") for w in document.warnings], ensure_ascii=False), _now(),
             document.period.start if document.period else None, document.period.end if document.period else None),
        )
        return cursor.lastrowid

    @staticmethod
    def _fact_row(document_id: int, document: Document, fact: Fact) -> tuple:
        # A fact without its own region or year belongs to its document's: store the effective
        # values (indexed for compare) and whether they were inherited.
        region = fact.region or document.region
        year = fact.year if fact.year is not None else document.year
        period = effective_period(fact, document)
        return (document_id, fact.line, fact.column, fact.text, fact.number, fact.value, fact.unit, fact.qualifier,
                fact.low, fact.high, fact.indicator.id, fact.indicator.name, int(fact.region is not None),
                region.code if region else None, region.name if region else None, region.level if region else None,
                int(fact.year is not None), year, fact.rule,
                _month(period.start) if period else None, _month(period.end) if period else None,
                span_kind(period), int(fact.target))

    def remove(self, keys: Sequence[str]) -> list[StoredDocument]:
        """Remove documents by path (as stored or as a file path) or by sha256 (or a prefix of 8+).

        Raises UsageError naming any key that matches nothing; nothing is removed then.
        """
        with self._transaction():
            matched: dict[int, StoredDocument] = {}
            unmatched = []
            for key in keys:
                rows = self._match(key)
                if not rows:
                    unmatched.append(key)
                for row in rows:
                    matched[row[0]] = _stored_document(row[1:])
            if unmatched:
                raise UsageError("no stored document matches " + ", ".join(unmatched)
                                 + " (see `fuhe docs` for paths and hashes)")
            for document_id in matched:
                self._delete_document(document_id)
        return list(matched.values())

    def _match(self, key: str) -> list[tuple]:
        columns = "id, " + DOCUMENT_COLUMNS
        rows = self.connection.execute(
            f"SELECT {columns} FROM documents WHERE path = ? OR path_key = ? OR sha256 = ?",
            (key, _path_key(key), key.lower())).fetchall()
        if not rows and len(key) >= 8 and all(c in "0123456789abcdefABCDEF" for c in key):
            rows = self.connection.execute(f"SELECT {columns} FROM documents WHERE sha256 LIKE ?",
                                           (key.lower() + "%",)).fetchall()
        return rows

    # --- reading ------------------------------------------------------------------------


FACT_SELECT = ("SELECT d.path, d.sha256, f.line, f.col, f.text, f.number, f.value, f.unit, f.qualifier, f.low,"
               " f.high, f.indicator_id, f.indicator_name, f.region_code, f.region_name, f.region_level, f.year,"
               " f.rule, d.date, f.period_start, f.period_end, f.target FROM facts f JOIN documents d ON d.id = f.document_id")


@lru_cache(maxsize=4096)
def _period(start: Optional[str], end: Optional[str]) -> Optional[Period]:
    return Period.from_json({"start": start, "end": end}) if end else None


def _stored_facts(rows: Iterable[Sequence]) -> list[StoredFact]:
    """`StoredFact`s from rows of FACT_SELECT."""
    # One model object per distinct indicator and region: rows repeat them thousands of times.
    indicators_seen: dict[tuple, Indicator] = {}
    regions_seen: dict[tuple, Optional[Region]] = {}
    facts = []
    for row in rows:
        indicator_key = (row[11], row[12])
        indicator = indicators_seen.get(indicator_key)
        if indicator is None:
            indicator = indicators_seen[indicator_key] = Indicator(id=row[11], name=row[12])
        region_key = (row[13], row[14], row[15])
        if region_key not in regions_seen:
            regions_seen[region_key] = _region(*region_key)
        facts.append(StoredFact(path=row[0], sha256=row[1], line=row[2], column=row[3], text=row[4],
                                number=row[5], value=row[6], unit=row[7], qualifier=row[8], low=row[9],
                                high=row[10], indicator=indicator, region=regions_seen[region_key],
                                year=row[16], rule=row[17], document_date=row[18],
                                period=_period(row[19], row[20]), target=bool(row[21])))
    return facts


DOCUMENT_COLUMNS = ("sha256, path, encoding, title, date, region_code, region_name, region_level, year,"
                    " rules_version, fact_count, saved_at")


def _stored_document(row: Sequence) -> StoredDocument:
    return StoredDocument(sha256=row[0], path=row[1], encoding=row[2], title=row[3], date=row[4],
                          region=_region(row[5], row[6], row[7]), year=row[8], rules_version=row[9],
                          fact_count=row[10], saved_at=row[11])


def _retry_while_locked(action, timeout: float = BUSY_TIMEOUT_SECONDS):
    # SQLite skips the busy handler in a few cases (changing the journal mode, a lock held while
    # another process creates the file): retry those ourselves, up to the same timeout.
    deadline = time.monotonic() + timeout
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _writable(path: str) -> bool:
    # Permission bits, not os.access: root may write anything, but a file someone made
    # read-only should stay read-only.
    mode = os.stat(path).st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def _store_error(path: str, exc: sqlite3.Error) -> StoreError:
    message = str(exc)
    if "not a database" in message or "malformed" in message or isinstance(exc, sqlite3.DatabaseError) \
            and "corrupt" in message:
        return StoreError(f"store {path} is corrupt or not a fuhe store ({message}); it was left untouched "
                          "(move it aside or choose another file with --db)")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"store {path} is read-only ({message}); make it writable or choose another with --db")
    if "locked" in message or "busy" in message:
        return StoreError(f"store {path} is busy: another fuhe kept it locked for over "
                          f"{BUSY_TIMEOUT_SECONDS:g} s ({message}); try again")
    return StoreError(f"store {path}: {message}")
