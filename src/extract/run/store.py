"""The assembled store: every document's finished rows, kept as one columnar file for the next run.

    OUT/.extract-cache/assembled/<parsers>-<catalogue>.json   names the store in use
    OUT/.extract-cache/assembled/<token>/rows.parquet         finished rows, document after document
    OUT/.extract-cache/assembled/<token>/documents.parquet    a row per document: its key, where its rows are

A document's finished rows (matched, dated, flagged on their own; before the flags across
documents) depend on its bytes, its path in CORPUS, its manifest entry, the parsers and the
catalogue: the key is a hash of the first three, the pointer file's name holds the last two.
A warm run takes a document's rows from here as Arrow slices: no row becomes a Python object.
A run that changes the store writes a new one by batches and switches the pointer in one
rename, so a killed run leaves the previous store whole.
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import hashlib
import itertools
import json
import secrets
import shutil
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.write.output import BATCH_ROWS, DOCUMENTS_SCHEMA, OBSERVATIONS_SCHEMA, write_stream, write_text_atomic

STORE_DIR = "assembled"
# Rows of a row group of the spill. Documents finish in any order but are read back in file
# order, a slice at a time, and a slice costs the row groups it spans: groups of BATCH_ROWS
# were read again for nearly every document (400 synthetic papers: 40 s and 10 GB in the main
# process); small groups cost a slice about its own rows.
SPILL_GROUP_ROWS = 1024
CANDIDATES_TYPE = pa.list_(pa.struct([("indicator_id", pa.string()), ("score", pa.float64())]))
# the observation columns, and an unmatched row's review-queue candidates (a warm run ranks nothing)
ROWS_SCHEMA = pa.schema([*OBSERVATIONS_SCHEMA, pa.field("candidates", CANDIDATES_TYPE)])
DOCS_SCHEMA = pa.schema([pa.field("key", pa.string()), *DOCUMENTS_SCHEMA])


def document_key(sha: str, rel: str, manifest) -> str:
    """What a document's finished rows depend on besides the parsers and the catalogue."""
    entry = None
    if manifest is not None:
        entry = (manifest.council_id, manifest.report_date.isoformat() if manifest.report_date else None)
    return hashlib.sha256(json.dumps([sha, rel, entry]).encode()).hexdigest()


def release_memory() -> None:
    """Give freed memory back to the system: the rows of many documents pass through the main
    process as Python objects and Arrow buffers, and the allocators keep what they freed, so
    its memory would grow with the corpus though it holds no more than a batch."""
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(Exception):  # glibc only
        ctypes.CDLL(None).malloc_trim(0)


class Segment:
    """A Parquet file of finished rows, read a row group at a time: a slice costs the row
    groups it spans (the groups read last, up to BATCH_ROWS rows per set of columns, are kept
    for the next slices: a small spill is read once, a large one within bounded memory)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = pq.ParquetFile(path)
        sizes = [self.file.metadata.row_group(g).num_rows for g in range(self.file.num_row_groups)]
        self.starts = [0, *itertools.accumulate(sizes)][: len(sizes)]
        self.rows = sum(sizes)
        self._held: dict[tuple[str, ...] | None, OrderedDict[int, pa.Table]] = {}

    def _group(self, group: int, columns: tuple[str, ...] | None) -> pa.Table:
        held = self._held.setdefault(columns, OrderedDict())
        table = held.get(group)
        if table is not None:
            held.move_to_end(group)
            return table
        table = self.file.read_row_group(group, columns=list(columns) if columns else None)
        held[group] = table
        rows = sum(t.num_rows for t in held.values())
        while len(held) > 1 and rows > BATCH_ROWS:  # the least recently used go first
            rows -= held.popitem(last=False)[1].num_rows
        return table

    def slice(self, start: int, count: int, columns: tuple[str, ...] | None = None) -> pa.Table:
        parts = []
        while count > 0:
            group = bisect.bisect_right(self.starts, start) - 1
            table = self._group(group, columns)
            offset = start - self.starts[group]
            take = min(count, table.num_rows - offset)
            parts.append(table.slice(offset, take))
            start, count = start + take, count - take
        if not parts:
            schema = ROWS_SCHEMA if columns is None else pa.schema([ROWS_SCHEMA.field(c) for c in columns])
            return schema.empty_table()
        return parts[0] if len(parts) == 1 else pa.concat_tables(parts)

    def close(self) -> None:
        self._held.clear()
        self.file.close()


class Spill:
    """This run's finished rows, written as they come (in any order) to a file beside the store,
    so that the main process does not hold them: (start, count) says where each table went."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f".spill-{secrets.token_hex(6)}.parquet"
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.Table] = []
        self.rows = self.held = 0

    def add(self, table: pa.Table) -> tuple[int, int]:
        start = self.rows
        self.rows += table.num_rows
        if table.num_rows:
            self.pending.append(table)
            self.held += table.num_rows
            if self.held >= BATCH_ROWS:
                self._flush()
        return start, table.num_rows

    def _flush(self) -> None:
        if not self.pending:
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, ROWS_SCHEMA)
        self.writer.write_table(pa.concat_tables(self.pending), row_group_size=SPILL_GROUP_ROWS)
        self.pending, self.held = [], 0
        release_memory()


    def close(self) -> Segment | None:
        """The rows written, to read back (None when there were none)."""
        self._flush()
        if self.writer is None:
            return None
        self.writer.close()
        return Segment(self.path)

    def remove(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(Exception):
                self.writer.close()
        self.path.unlink(missing_ok=True)


class Store:
    """The store of one parsers' and catalogue's version under OUT's cache folder."""

    def __init__(self, cache_root: Path, parsers_key: str, catalogue_key: str) -> None:
        self.folder = cache_root / STORE_DIR
        self.pointer = self.folder / f"{parsers_key}-{catalogue_key}.json"
        self.rows: Segment | None = None
        self.documents: dict[str, tuple[dict, int, int]] = {}  # key -> (document row, first row, rows)
        self.order: list[str] = []  # keys in the store's order

    def load(self) -> None:
        """Open the store in use (its document list is read; its rows when sliced); a missing,
        damaged or foreign store is an empty one."""
        try:
            token = json.loads(self.pointer.read_text(encoding="utf-8"))["token"]
            folder = self.folder / token
            with pq.ParquetFile(folder / "documents.parquet") as handle:  # (pq.read_table imports pyarrow.dataset)
                docs = handle.read(use_threads=False)
            rows = Segment(folder / "rows.parquet")
        except Exception:  # anything unreadable is no store: its documents are finished again
            return
        if not docs.schema.remove_metadata().equals(DOCS_SCHEMA) or not rows.file.schema_arrow.remove_metadata().equals(
            ROWS_SCHEMA
        ):
            return
        counts = docs.column("observations").to_pylist()
        if sum(counts) != rows.rows:
            return
        start = 0
        for document, count in zip(docs.to_pylist(), counts, strict=True):
            key = document.pop("key")
            self.documents[key] = (document, start, count)
            self.order.append(key)
            start += count
        self.rows = rows

    def slice(self, key: str, columns: tuple[str, ...] | None = None) -> pa.Table:
        _, start, count = self.documents[key]
        assert self.rows is not None
        return self.rows.slice(start, count, columns)

    def write(self, parts: Iterable[tuple[str, dict, pa.Table]], keep: Iterable[str] = ()) -> None:
        """A new store of `parts` (key, document row, finished rows) and of the current store's
        documents `keep`, written by batches; then the pointer switches to it."""
        token = secrets.token_hex(8)
        folder = self.folder / token
        folder.mkdir(parents=True)
        documents: list[dict] = []

        def tables() -> Iterable[pa.Table]:
            for key, document, rows in parts:
                documents.append({"key": key, **document})
                yield rows
            for key in keep:
                documents.append({"key": key, **self.documents[key][0]})
                yield self.slice(key)

        try:
            write_stream(folder / "rows.parquet", ROWS_SCHEMA, tables())
            pq.write_table(pa.Table.from_pylist(documents, schema=DOCS_SCHEMA), folder / "documents.parquet")
            previous = None
            with contextlib.suppress(OSError, ValueError, KeyError):
                previous = self.folder / json.loads(self.pointer.read_text(encoding="utf-8"))["token"]
            write_text_atomic(self.pointer, json.dumps({"token": token}))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if self.rows is not None:
            self.rows.close()
            self.rows = None
        if previous is not None and previous != folder:
            shutil.rmtree(previous, ignore_errors=True)

    def prune(self) -> None:
        """Remove stores no pointer names (other versions' pointers go with their stores) and
        what a killed run spilled."""
        if not self.folder.is_dir():
            return
        for pointer in self.folder.glob("*.json"):
            if pointer != self.pointer:
                pointer.unlink(missing_ok=True)
        for spill in self.folder.glob(".spill-*.parquet"):
            spill.unlink(missing_ok=True)
        named = set()
        with contextlib.suppress(OSError, ValueError, KeyError):
            named.add(json.loads(self.pointer.read_text(encoding="utf-8"))["token"])
        for folder in self.folder.iterdir():
            if folder.is_dir() and folder.name not in named:
                shutil.rmtree(folder, ignore_errors=True)
