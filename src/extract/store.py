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

import contextlib
import hashlib
import json
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.output import DOCUMENTS_SCHEMA, OBSERVATIONS_SCHEMA, write_text_atomic

STORE_DIR = "assembled"
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


class Store:
    """The store of one parsers' and catalogue's version under OUT's cache folder."""

    def __init__(self, cache_root: Path, parsers_key: str, catalogue_key: str) -> None:
        self.folder = cache_root / STORE_DIR
        self.pointer = self.folder / f"{parsers_key}-{catalogue_key}.json"
        self.rows: pa.Table | None = None
        self.documents: dict[str, tuple[dict, int, int]] = {}  # key -> (document row, first row, rows)
        self.order: list[str] = []  # keys in the store's order

    def load(self) -> None:
        """Read the store in use; a missing, damaged or foreign one is an empty store."""
        try:
            token = json.loads(self.pointer.read_text(encoding="utf-8"))["token"]
            folder = self.folder / token
            docs = pq.read_table(folder / "documents.parquet")
            rows = pq.read_table(folder / "rows.parquet")
        except Exception:
            return
        if not docs.schema.remove_metadata().equals(DOCS_SCHEMA) or not rows.schema.remove_metadata().equals(
            ROWS_SCHEMA
        ):
            return
        counts = docs.column("observations").to_pylist()
        if sum(counts) != rows.num_rows:
            return
        start = 0
        for document, count in zip(docs.to_pylist(), counts, strict=True):
            key = document.pop("key")
            self.documents[key] = (document, start, count)
            self.order.append(key)
            start += count
        self.rows = rows

    def slice(self, key: str) -> pa.Table:
        _, start, count = self.documents[key]
        assert self.rows is not None
        return self.rows.slice(start, count)

    def write(self, parts: Iterable[tuple[str, dict, pa.Table]], keep: Iterable[str] = ()) -> None:
        """A new store of `parts` (key, document row, finished rows) and of the current store's
        documents `keep`, written by batches; then the pointer switches to it."""
        token = secrets.token_hex(8)
        folder = self.folder / token
        folder.mkdir(parents=True)
        documents: list[dict] = []
        try:
            with pq.ParquetWriter(folder / "rows.parquet", ROWS_SCHEMA) as writer:
                for key, document, rows in parts:
                    writer.write_table(rows)
                    documents.append({"key": key, **document})
                for key in keep:
                    writer.write_table(self.slice(key))
                    documents.append({"key": key, **self.documents[key][0]})
            table = pa.Table.from_pylist(documents, schema=DOCS_SCHEMA)
            pq.write_table(table, folder / "documents.parquet")
            previous = self.folder / json.loads(self.pointer.read_text(encoding="utf-8"))["token"] if (
                self.pointer.exists()
            ) else None
            write_text_atomic(self.pointer, json.dumps({"token": token}))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if previous is not None and previous != folder:
            shutil.rmtree(previous, ignore_errors=True)

    def prune(self) -> None:
        """Remove stores no pointer names (other versions' pointers go with their stores)."""
        if not self.folder.is_dir():
            return
        for pointer in self.folder.glob("*.json"):
            if pointer != self.pointer:
                pointer.unlink(missing_ok=True)
        named = set()
        with contextlib.suppress(OSError, ValueError, KeyError):
            named.add(json.loads(self.pointer.read_text(encoding="utf-8"))["token"])
        for folder in self.folder.iterdir():
            if folder.is_dir() and folder.name not in named:
                shutil.rmtree(folder, ignore_errors=True)
