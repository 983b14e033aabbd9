"""The written dataset obeys SCHEMA.md: columns, types, allowed values, provenance."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.model import (
    DOCUMENT_STATUSES,
    MATCH_METHODS,
    PERIOD_TYPES,
    POLARITIES,
    SOURCES,
    UNITS,
    VALUE_KINDS,
    normalise_space,
)
from extract.write.output import CATALOGUE_SCHEMA, DOCUMENTS_SCHEMA, OBSERVATIONS_SCHEMA

pytestmark = pytest.mark.slow  # every test reads the corpus run

ROOT = Path(__file__).resolve().parents[1]

# SCHEMA.md's observation columns, in order, with their types: the analysts' contract.
CONTRACT = [
    ("council_id", pa.string()), ("council", pa.string()), ("document", pa.string()),
    ("document_sha256", pa.string()), ("page", pa.int32()), ("parser", pa.string()),
    ("parser_version", pa.string()), ("section", pa.string()), ("indicator_code", pa.string()),
    ("indicator_raw", pa.string()), ("indicator_id", pa.string()), ("match_method", pa.string()),
    ("match_score", pa.float64()), ("period_label", pa.string()), ("period_type", pa.string()),
    ("period_start", pa.date32()), ("period_end", pa.date32()), ("value_kind", pa.string()),
    ("value", pa.float64()), ("value_raw", pa.string()), ("unit", pa.string()),
    ("numerator", pa.float64()), ("denominator", pa.float64()), ("polarity", pa.string()),
    ("status", pa.string()), ("source", pa.string()), ("context", pa.string()),
    ("report_date", pa.date32()), ("flags", pa.list_(pa.string())), ("period_basis", pa.string()),
]  # fmt: skip


def test_main_job_exits_zero_and_summarises(corpus_run):
    result, out = corpus_run
    assert result.exit_code == 0, result.output
    assert "documents: 5 (ok 5)" in result.output
    assert "matched:" in result.output and "unmatched names:" in result.output
    for name in ("observations", "documents", "catalogue"):
        assert (out / f"{name}.parquet").exists()


def test_observation_columns_and_types_are_the_contract(corpus_run):
    _, out = corpus_run
    schema = pq.read_schema(out / "observations.parquet")
    assert [(f.name, f.type) for f in schema] == CONTRACT
    assert OBSERVATIONS_SCHEMA.equals(pa.schema(CONTRACT))
    assert pq.read_schema(out / "documents.parquet").names == DOCUMENTS_SCHEMA.names
    assert pq.read_schema(out / "catalogue.parquet").names == CATALOGUE_SCHEMA.names


def test_allowed_values(corpus_run):
    _, out = corpus_run
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    assert len(obs) > 1000
    assert set(obs.value_kind) <= set(VALUE_KINDS)
    assert set(obs.period_type) <= set(PERIOD_TYPES)
    assert set(obs.unit) <= set(UNITS)
    assert set(obs.polarity) <= set(POLARITIES)
    assert set(obs.match_method) <= set(MATCH_METHODS)
    assert set(obs.source) <= set(SOURCES)
    assert obs.match_score.between(0, 100).all()
    assert (obs.indicator_id.isna() == (obs.match_method == "unmatched")).all()
    assert obs.indicator_raw.str.len().gt(0).all()
    assert obs.value_raw.str.strip().str.len().gt(0).all(), "blank cells are not rows"
    assert obs["flags"].map(lambda f: f is not None).all()
    # a value's period end is never before its start
    dated = obs.dropna(subset=["period_start", "period_end"])
    assert (dated.period_start <= dated.period_end).all()
    docs = pq.read_table(out / "documents.parquet").to_pandas()
    assert set(docs.status) <= set(DOCUMENT_STATUSES)
    assert docs.observations.sum() == len(obs)


def test_every_number_is_traceable_to_its_source(corpus_run):
    """value_raw occurs in its context, and the context in the source (whitespace normalised)."""
    _, out = corpus_run
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    sources = {d: normalise_space((ROOT / "corpus" / d).read_text(encoding="utf-8")) for d in obs.document.unique()}
    for row in obs.itertuples():
        assert row.value_raw in row.context, (row.value_raw, row.context)
        assert row.context in sources[row.document], (row.document, row.context)


def test_numbers_read_as_printed(corpus_run):
    _, out = corpus_run
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    pct = obs[obs.value_raw.str.endswith("%") & obs.value.notna()]
    for row in pct.itertuples():
        assert row.value == float(row.value_raw.rstrip("%").replace(",", "")), row.value_raw
    thousands = obs[obs.value_raw == "2,720"]
    assert not thousands.empty and (thousands.value == 2720).all()
    placeholders = obs[obs.value_raw.isin(["TBC", "N/A", "Tracker", "n/a", "NA"])]
    assert not placeholders.empty and placeholders.value.isna().all()
