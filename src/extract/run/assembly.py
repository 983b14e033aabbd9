"""Where each document's finished rows are during a run, read back in file order as Arrow tables.

A document's rows are either in the assembled store (store.py: finished by an earlier run, a
key) or in this run's spill file (finished now, as (start, count)). Nothing holds all rows:
they are read back a row group at a time, for the columns asked, in file order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

import extract.tidy.flags
import extract.write.output
import extract.write.review
from extract.run.store import ROWS_SCHEMA, Segment, Spill, Store
from extract.tidy.flags import CONFLICT_COLUMNS, conflict_mask

Source = str | tuple[int, int] | None  # a store key, (start, count) in the spill, or not yet known
# the code that turns finished rows into the outputs (with the module that calls it: see inputs)
OUTPUT_CODE = (extract.tidy.flags, extract.write.output, extract.write.review)


class Assembly:
    def __init__(self, store: Store, spill: Spill, size: int) -> None:
        self.store, self.spill = store, spill
        self.spilled: Segment | None = None  # the spill, once closed
        self.documents: list[dict | None] = [None] * size
        self.sources: list[Source] = [None] * size
        self.keys: list[str | None] = [None] * size  # the store key of each document that may be stored

    def tables(self, columns: tuple[str, ...] | None = None) -> Iterator[pa.Table]:
        """Every document's finished rows in file order (columns: only those)."""
        for source in self.sources:
            if isinstance(source, str):
                yield self.store.slice(source, columns)
            elif source is not None and source[1] and self.spilled is not None:
                yield self.spilled.slice(source[0], source[1], columns)
            else:
                schema = ROWS_SCHEMA if columns is None else pa.schema([ROWS_SCHEMA.field(c) for c in columns])
                yield schema.empty_table()

    def conflicts(self) -> np.ndarray:
        """conflicting_duplicate for every row in file order, decided on a few columns of all rows
        (a document's number stands for its path: the council of a document without one)."""
        columns = tuple(c for c in CONFLICT_COLUMNS if c != "document")
        parts = []
        for number, table in enumerate(self.tables(columns)):
            if table.num_rows:
                parts.append(table.append_column("document", pa.array(np.full(table.num_rows, number, np.int32))))
        return conflict_mask(pa.concat_tables(parts).combine_chunks()) if parts else np.zeros(0, dtype=bool)

    def inputs(self, versions: tuple[str, ...]) -> str | None:
        """What the outputs are made from, as a hash: each document's store key (its rows are, or
        will be after this run, the store's under that key) or, for a file that could not be read,
        its document row; and the versions and the code that turn rows into outputs. None when a
        document has neither (a `timeout`, which is not stored)."""
        digest = hashlib.sha256(json.dumps(versions).encode())
        for module in OUTPUT_CODE:
            digest.update(Path(module.__file__).read_bytes())
        digest.update(Path(__file__).read_bytes())
        for key, document in zip(self.keys, self.documents, strict=True):
            if key is not None:
                digest.update(key.encode())
            elif document is not None and not document["document_sha256"]:
                digest.update(json.dumps(document, sort_keys=True, default=str).encode())
            else:
                return None
        return digest.hexdigest()

    def store_changed(self, keep_others: bool) -> bool:
        """Whether the store must be written again: documents finished in this run, or the
        store's documents this run did not use, to drop (unless kept: see Cache.prune)."""
        if any(isinstance(s, tuple) and k is not None for s, k in zip(self.sources, self.keys, strict=True)):
            return True
        used = {k for k in self.keys if k is not None}
        return not keep_others and any(k not in used for k in self.store.order)

    def write_store(self, keep_others: bool) -> None:
        used = {k for k in self.keys if k is not None}
        others = [k for k in self.store.order if k not in used] if keep_others else []
        parts = (
            (key, document, table)
            for key, document, table in zip(self.keys, self.documents, self.tables(), strict=True)
            if key is not None and document is not None
        )
        self.store.write(parts, keep=others)

    def close(self) -> None:
        if self.spilled is not None:
            self.spilled.close()
        self.spill.remove()
