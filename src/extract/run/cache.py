"""Per-document results kept under OUT, so that a re-run redoes only what changed.

    OUT/.extract-cache/parsed/<sha256>-<parsers>.parquet            rows before the catalogue
    OUT/.extract-cache/matched/<sha256>-<parsers>-<catalogue>.parquet  their matches

(Finished rows, matched and dated, are also kept as one columnar store: see store.py. These
per-document files are what a document is finished from again when its store entry cannot
serve: another catalogue, a renamed file, another manifest entry.)
A changed file has a new SHA-256; a changed parser a new <parsers> key (every parser's name
and version: which parser claims a file can change with any of them; and the engine's code, whose
readers and matcher every parser calls, and the settings); a changed catalogue a
new <catalogue> key, which re-matches the cached parse without parsing again. Files are
written under a temporary name and renamed, so a killed run never leaves half a file. A file
that is not what this version wrote (damaged, or put there by something else) is ignored and
the document parsed again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from dataclasses import fields
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.model import DOCUMENT_STATUSES
from extract.run.results import CACHE_DIR, META_KEYS, ParsedDocument
from extract.write.output import OBSERVATIONS_SCHEMA, write_atomic, write_text_atomic

# Bumped when what a cached parse holds changes (2: the report's period and the loader's notes;
# 3: the area and council of a row of an area table; 4: whether that area heads a column;
# 5: the heading over a narrative row and the document's title, the matcher's page context).
CACHE_FORMAT = "5"

# Parsed rows share the observation columns that do not depend on the catalogue or the
# manifest, plus what matching needs; matches are the catalogue-dependent columns.
_PARSED_FROM_OBSERVATIONS = (
    "page", "parser", "parser_version", "section", "indicator_code", "indicator_raw", "period_label",
    "period_type", "period_start", "period_end", "value_kind", "value", "value_raw", "numerator",
    "denominator", "status", "source", "context",
)  # fmt: skip
PARSED_SCHEMA = pa.schema(
    [OBSERVATIONS_SCHEMA.field(name) for name in _PARSED_FROM_OBSERVATIONS]
    + [
        pa.field("fallback", pa.bool_()),
        pa.field("unit_printed", pa.string()),
        pa.field("polarity_printed", pa.string()),
        pa.field("flags_printed", pa.list_(pa.string())),
        pa.field("area", pa.string()),
        pa.field("area_council_id", pa.string()),
        pa.field("area_column", pa.bool_()),
        pa.field("heading", pa.string()),
    ]
)
MATCHED_SCHEMA = pa.schema(
    [OBSERVATIONS_SCHEMA.field(n) for n in ("indicator_id", "match_method", "match_score", "unit", "polarity")]
    # an unmatched row's review-queue candidates: a warm run ranks nothing
    + [pa.field("candidates", pa.list_(pa.struct([("indicator_id", pa.string()), ("score", pa.float64())])))]
)
_DATE_KEYS = ("date_from_parser", "date_from_text")
# Failures that may pass on another try are not cached.
TRANSIENT_STATUSES = {"timeout"}


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@functools.cache
def engine_digest() -> str:
    """A short hash of the engine's code (every module of this package). Parsers are versioned, but
    a document's parse and matches also depend on the readers and the matcher they call: a parse
    cached by another engine is not reused (an upgraded install parses again)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def settings_key(settings) -> str:
    """The settings a document's rows depend on (all but the run's bounds and the report's), as
    text for the parsers key: a parse or match made with other settings is not reused."""
    return repr([getattr(settings, f.name) for f in fields(settings) if f.name not in ("run", "report")])


class Cache:
    def __init__(self, out: Path, parsers_version: str, catalogue_version: str) -> None:
        self.root = out / CACHE_DIR
        self.parsers_key = short_hash(f"{parsers_version};cache={CACHE_FORMAT};engine={engine_digest()}")
        self.catalogue_key = catalogue_version
        self.used: set[Path] = set()

    def parsed_path(self, sha: str) -> Path:
        return self.root / "parsed" / f"{sha}-{self.parsers_key}.parquet"

    def matched_path(self, sha: str) -> Path:
        return self.root / "matched" / f"{sha}-{self.parsers_key}-{self.catalogue_key}.parquet"

    def mark_used(self, parsed: ParsedDocument, matched: bool) -> None:
        """Keep from prune what a worker saved for this document (see runner.py)."""
        sha = parsed.meta["sha256"]
        if sha and parsed.meta["status"] not in TRANSIENT_STATUSES:
            self.used.add(self.parsed_path(sha))
            if matched:
                self.used.add(self.matched_path(sha))

    def keep(self, sha: str) -> None:
        """Keep from prune this document's cached parse and matches (its rows came from the store)."""
        self.used.add(self.parsed_path(sha))
        self.used.add(self.matched_path(sha))

    def same_corpus(self, corpus: Path | None) -> bool:
        """Whether this run reads the CORPUS folder the run before it read (see prune); True for
        the first run into OUT, which has nothing else to keep."""
        where = str(Path(os.path.abspath(corpus))) if corpus is not None else None
        try:
            return where is not None and (self.root / "corpus.txt").read_text(encoding="utf-8") == where
        except OSError:
            return True

    # -- parsed -----------------------------------------------------------------------------
    def load_parsed(self, sha: str) -> ParsedDocument | None:
        path = self.parsed_path(sha)
        table = _read(path, PARSED_SCHEMA)
        if table is None:
            return None
        try:
            meta = json.loads(table.schema.metadata[b"extract"])
            if not isinstance(meta, dict) or set(meta) != set(META_KEYS) or meta["status"] not in DOCUMENT_STATUSES:
                return None
            if meta["sha256"] != sha:
                return None
            for key in _DATE_KEYS:
                meta[key] = date.fromisoformat(meta[key]) if meta[key] else None
            rows = table.to_pylist()
        except (KeyError, TypeError, ValueError):
            return None  # not a file this version wrote: parse again
        self.used.add(path)
        return ParsedDocument(meta, rows)

    def save_parsed(self, parsed: ParsedDocument) -> None:
        if parsed.meta["status"] in TRANSIENT_STATUSES or not parsed.meta["sha256"]:
            return
        meta = dict(parsed.meta)
        for key in _DATE_KEYS:
            meta[key] = meta[key].isoformat() if meta[key] else None
        table = pa.Table.from_pylist(parsed.rows, schema=PARSED_SCHEMA)
        table = table.replace_schema_metadata({"extract": json.dumps(meta)})
        path = self.parsed_path(parsed.meta["sha256"])
        write_atomic(table, path, check=False)  # built in PARSED_SCHEMA; load_parsed checks what it reads
        self.used.add(path)

    # -- matched ----------------------------------------------------------------------------
    def load_matched(self, sha: str) -> list[dict] | None:
        path = self.matched_path(sha)
        table = _read(path, MATCHED_SCHEMA)
        if table is None:
            return None
        self.used.add(path)
        return table.to_pylist()

    def save_matched(self, sha: str, matches: list[dict]) -> None:
        path = self.matched_path(sha)
        # built in MATCHED_SCHEMA (no read-back of the file's schema: load_matched checks what it reads)
        write_atomic(pa.Table.from_pylist(matches, schema=MATCHED_SCHEMA), path, check=False)
        self.used.add(path)

    def is_current(self, path: Path) -> bool:
        """A cached result made with this run's parsers (and, for a match, its catalogue)."""
        parts = path.stem.split("-")
        if path.parent.name == "parsed":
            return parts[1:] == [self.parsers_key]
        return parts[1:] == [self.parsers_key, self.catalogue_key]

    def prune(self, corpus: Path | None = None, everything: bool = False) -> tuple[int, int]:
        """Delete what this run did not use, as (removed, kept):

        - results made with other parsers or another catalogue: always;
        - results of documents this run did not read: when `everything` (`--prune`), or when
          this run read the same CORPUS as the run before it (the documents are gone or
          changed). A run of another folder (a subset of the corpus, say) keeps them, so that
          running the whole corpus again parses nothing it has parsed before."""
        marker = self.root / "corpus.txt"
        where = str(Path(os.path.abspath(corpus))) if corpus is not None else None
        same = self.same_corpus(corpus)
        removed = kept = 0
        for path in [*self.root.glob("parsed/*.parquet"), *self.root.glob("matched/*.parquet")]:
            if path in self.used:
                continue
            if everything or same or not self.is_current(path):
                path.unlink(missing_ok=True)
                removed += 1
            elif path.parent.name == "parsed":
                kept += 1
        for tmp in self.root.glob("*/.*.tmp"):  # left by a run that was killed mid-write
            tmp.unlink(missing_ok=True)
        if where is not None and self.root.is_dir():
            with contextlib.suppress(OSError):
                write_text_atomic(marker, where)
        return removed, kept


def _read(path: Path, schema: pa.Schema) -> pa.Table | None:
    """The cached table, or None when it is missing, damaged or not in this version's schema."""
    if not path.is_file():
        return None
    try:
        # one small file: no thread pool (pq.read_table's costs 6x the read itself)
        with pq.ParquetFile(path) as handle:
            table = handle.read(use_threads=False)
    except Exception:  # damaged, truncated or foreign: parse again
        return None
    if not table.schema.remove_metadata().equals(schema):
        return None
    return table
