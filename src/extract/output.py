"""Writing the dataset: the one place that knows the Parquet schemas of SCHEMA.md.

Every file is written under a temporary name in the output folder and renamed into place,
so a run stopped at any moment leaves the previous file whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

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
    ]
)


def table_from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def readable_mode(path: str | Path) -> None:
    """mkstemp makes private files; outputs get the permissions of an ordinary new file."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        readable_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_dataset(out: Path, observations: list[dict], documents: list[dict], catalogue: list[dict]) -> None:
    # Build every table first: a schema error must not leave a mix of old and new files.
    tables = {
        "observations.parquet": table_from_rows(observations, OBSERVATIONS_SCHEMA),
        "documents.parquet": table_from_rows(documents, DOCUMENTS_SCHEMA),
        "catalogue.parquet": table_from_rows(catalogue, CATALOGUE_SCHEMA),
    }
    for name, table in tables.items():
        write_atomic(table, out / name)
