"""Writing the dataset: the one place that knows the Parquet schemas of SCHEMA.md, and how
OUT holds one run's outputs as one generation.

    OUT/.generations/<id>/   observations.parquet, documents.parquet, catalogue.parquet,
                             unmatched.csv, report.html and generation.json (the manifest)
    OUT/.current             symbolic link to the generation in use
    OUT/observations.parquet symbolic link to .current/observations.parquet (and so on)
    OUT/.extract.lock        held by the run writing OUT; names its pid

A run writes a whole new generation folder, then switches `.current` with one rename: a run
killed at any moment, or a full disk, leaves OUT showing the previous generation complete,
never a mix. generation.json lists every file with its size and SHA-256 (`check_generation`).
The previous generation is kept until the next run (a reader may still have it open).
"""

from __future__ import annotations

import operator
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import SchemaMismatch
from extract.write.generations import (  # noqa: F401 - re-exported: OUT's generations are part of writing
    CURRENT,
    DERIVED_FILES,
    GENERATIONS,
    LOCK_NAME,
    MANIFEST,
    OUTPUT_FILES,
    SCHEMA_VERSION,
    Generation,
    RunLock,
    _fsync,
    adopt_legacy_files,
    check_generation,
    clean_stale,
    commit_derived,
    current_generation,
    ensure_links,
    file_sha256,
    generation_id,
    readable_mode,
    remove_old_generations,
    write_text_atomic,
)  # fmt: skip

OBSERVATIONS_SCHEMA = pa.schema(
    [
        ("council_id", pa.string()),
        ("council", pa.string()),
        ("document", pa.string()),
        ("document_sha256", pa.string()),
        ("page", pa.int32()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("section", pa.string()),
        ("indicator_code", pa.string()),
        ("indicator_raw", pa.string()),
        ("indicator_id", pa.string()),
        ("match_method", pa.string()),
        ("match_score", pa.float64()),
        ("period_label", pa.string()),
        ("period_type", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("value_kind", pa.string()),
        ("value", pa.float64()),
        ("value_raw", pa.string()),
        ("unit", pa.string()),
        ("numerator", pa.float64()),
        ("denominator", pa.float64()),
        ("polarity", pa.string()),
        ("status", pa.string()),
        ("source", pa.string()),
        ("context", pa.string()),
        ("report_date", pa.date32()),
        ("flags", pa.list_(pa.string())),
        ("period_basis", pa.string()),
    ]
)

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("document_sha256", pa.string()),
        ("bytes", pa.int64()),
        ("pages", pa.int32()),
        ("council_id", pa.string()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("observations", pa.int64()),
        ("seconds", pa.float64()),
        ("notes", pa.string()),
    ]
)

CATALOGUE_SCHEMA = pa.schema(
    [
        ("indicator_id", pa.string()),
        ("name", pa.string()),
        ("definition", pa.string()),
        ("unit", pa.string()),
        ("polarity", pa.string()),
        ("domain", pa.string()),
        ("welsh_code", pa.string()),
        ("dfe_dashboard_measure", pa.string()),
        ("lait_measure", pa.string()),
        ("official_codes", pa.string()),  # 1.4: "SCC/010|NI 65", `|`-separated
    ]
)


def table_from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    names = schema.names
    try:  # rows that hold every column (a run's observations): transposed in C
        values = list(zip(*map(operator.itemgetter(*names), rows), strict=True)) if len(names) > 1 and rows else None
    except KeyError:
        values = None
    if values is not None:
        columns = dict(zip(names, map(list, values), strict=True))
    else:
        columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    try:
        return pa.Table.from_pydict(columns, schema=schema)
    except (UnicodeEncodeError, pa.ArrowInvalid):  # text that is not valid Unicode (lone surrogates)
        return pa.Table.from_pydict({k: [_printable(v) for v in vs] for k, vs in columns.items()}, schema=schema)


def _printable(value):
    """Text any writer accepts: characters that cannot be UTF-8 (lone surrogates) as `\\udce9`."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def check_parquet_schema(path: str | Path, schema: pa.Schema, name: str | None = None) -> None:
    """Read back a written Parquet file's schema and compare it with the one it must have
    (names, types and order; metadata aside). Raises SchemaMismatch naming the difference."""
    written = pq.read_schema(path).remove_metadata()
    want = schema.remove_metadata()
    if written.equals(want):
        return
    got_fields = {f.name: f.type for f in written}
    want_fields = {f.name: f.type for f in want}
    problems = [f"missing {n}" for n in want_fields if n not in got_fields]
    problems += [f"unexpected {n}" for n in got_fields if n not in want_fields]
    problems += [
        f"{n} is {got_fields[n]}, not {t}" for n, t in want_fields.items() if n in got_fields and got_fields[n] != t
    ]
    if not problems:
        problems = [f"columns in the order {written.names}, not {want.names}"]
    raise SchemaMismatch(f"{name or Path(path).name}: the written schema differs from its own: {'; '.join(problems)}")


def write_atomic(table: pa.Table, path: Path, schema: pa.Schema | None = None, check: bool = True) -> None:
    """Write `table` to `path` in one rename, after checking the file's schema as written against
    `schema` (default: the table's own). A mismatch raises SchemaMismatch and leaves `path` as it was.
    check=False skips the read-back, for a file whose reader checks its schema whenever it reads
    it (the per-document cache, run/cache.py: a table built in its own schema is written in it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        if check:
            check_parquet_schema(tmp, schema if schema is not None else table.schema, path.name)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Rows a row group of a streamed file holds: the writer's memory is this many rows, whatever the corpus.
BATCH_ROWS = 65_536


def rebatch(tables: Iterable[pa.Table], rows: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """The rows of `tables` in order, as tables of exactly `rows` rows (the last: what is left),
    so that a file's row groups do not depend on how its rows arrived."""
    pending: list[pa.Table] = []
    held = 0
    for table in tables:
        if not table.num_rows:
            continue
        pending.append(table)
        held += table.num_rows
        while held >= rows:
            joined = pa.concat_tables(pending)
            yield joined.slice(0, rows)
            rest = joined.slice(rows)
            pending, held = ([rest] if rest.num_rows else []), rest.num_rows
    if held:
        yield pa.concat_tables(pending)


def write_stream(path: Path, schema: pa.Schema, tables: Iterable[pa.Table]) -> int:
    """Write `tables` (in `schema`) to `path` by batches, check the file's schema as written and
    rename it into place: memory holds one batch, not the file. Returns the rows written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    written = 0
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in rebatch(tables):
                writer.write_table(batch)
                written += batch.num_rows
        check_parquet_schema(tmp, schema, path.name)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


def write_dataset(
    out: Path, observations: list[dict] | None, documents: list[dict], catalogue: list[dict]
) -> None:
    """The three Parquet files from rows (observations None: written already, by write_stream)."""
    # Build every table first: a schema error must not leave a mix of old and new files.
    schemas = {
        "observations.parquet": OBSERVATIONS_SCHEMA,
        "documents.parquet": DOCUMENTS_SCHEMA,
        "catalogue.parquet": CATALOGUE_SCHEMA,
    }
    rows = {"observations.parquet": observations, "documents.parquet": documents, "catalogue.parquet": catalogue}
    tables = {name: table_from_rows(rows[name], schema) for name, schema in schemas.items() if rows[name] is not None}
    for name, table in tables.items():
        write_atomic(table, out / name, schemas[name])  # each file read back and checked


# -- one run at a time ------------------------------------------------------------------------
