"""The runtime contract of a row (issue 10, item 4): the typed columns hold only their
vocabulary's words, a word outside it makes the document an `error` naming the parser (never a
silent write), and every Parquet file is read back and checked against its schema."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.errors import SchemaMismatch, VocabularyError
from extract.model import VOCABULARIES, check_vocabulary
from extract.plugins.parser import discover
from extract.run.pipeline import Pipeline
from extract.write import output
from extract.write.output import (
    CATALOGUE_SCHEMA,
    DOCUMENTS_SCHEMA,
    OBSERVATIONS_SCHEMA,
    check_parquet_schema,
    write_atomic,
    write_dataset,
)
from helpers import CASES

# A parser module written into a temporary package: `bad_{field}` writes one figure whose
# `field` is not a word of its vocabulary; `good` writes the same figure correctly.
PARSER_MODULE = """
from extract.model import Period, RawFigure
from extract.plugins.parser import Parser


def figure(**changes):
    args = dict(indicator_raw="Children looked after", value_raw="42", value_kind="actual",
                context="Children looked after 42", source="table", unit=None,
                period=Period("2024", "calendar_year"))
    args.update(changes)
    return RawFigure(**args)


class Good(Parser):
    name = "good"
    version = "1.0"

    def detect(self, document):
        return "CONTRACT-FIXTURE" in document.text

    def parse(self, document, settings):
        yield figure()


def bad(field, value):
    def parse(self, document, settings):
        if field == "period_type":
            yield figure(period=Period("2024", value))
        else:
            yield figure(**{field: value})

    return type(f"Bad_{field}", (Good,), {"name": f"bad_{field}", "parse": parse})


BadKind = bad("value_kind", "guess")
BadUnit = bad("unit", "percentage")
BadPeriod = bad("period_type", "fortnight")
BadSource = bad("source", "footnote")
"""

BAD = {"value_kind": "guess", "unit": "percentage", "period_type": "fortnight", "source": "footnote"}


@pytest.fixture
def parsers(tmp_path, monkeypatch):
    package = tmp_path / "contract_parsers"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "fixture.py").write_text(textwrap.dedent(PARSER_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path))
    return {p.name: p for p in discover("contract_parsers", group=None)}


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "corpus" / "paper.txt"
    path.parent.mkdir()
    path.write_text("CONTRACT-FIXTURE\nChildren looked after\t42\n", encoding="utf-8")
    return path


def test_a_good_parser_row_passes(parsers, document):
    result = Pipeline(parsers=[parsers["good"]]).process(document, document.parent)
    assert result.document["status"] == "ok", result.document["error"]
    assert len(result.observations) == 1


@pytest.mark.parametrize("field", list(BAD))
def test_an_out_of_vocabulary_word_is_an_error_naming_the_parser(parsers, document, field):
    name = f"bad_{field}"
    result = Pipeline(parsers=[parsers[name]]).process(document, document.parent)
    assert result.document["status"] == "error"
    assert result.document["parser"] == name
    error = result.document["error"]
    assert f"parser {name}" in error and field in error and repr(BAD[field]) in error, error
    assert result.observations == [], "a row outside the contract is never written"


def test_a_bad_match_method_is_caught_when_the_observation_is_built(parsers, document, monkeypatch):
    pipeline = Pipeline(parsers=[parsers["good"]])
    real = pipeline.match_rows

    def match_rows(rows, council_hint, title=None):
        return [{**m, "match_method": "guessed"} for m in real(rows, council_hint, title)]

    monkeypatch.setattr(pipeline, "match_rows", match_rows)
    result = pipeline.process(document, document.parent)
    assert result.document["status"] == "error"
    assert "parser good" in result.document["error"] and "match_method" in result.document["error"]
    assert result.observations == []


def test_check_vocabulary_accepts_every_word_and_rejects_others():
    for column, words in VOCABULARIES.items():
        for word in words:
            check_vocabulary({column: word}, "p")
        with pytest.raises(VocabularyError, match=f"parser p wrote {column}"):
            check_vocabulary({column: "not-a-word"}, "p")
        with pytest.raises(VocabularyError):
            check_vocabulary({column: None}, "p")
    check_vocabulary({"unit": None}, "p", nullable=("unit",))


def test_written_parquet_files_have_their_schemas(tmp_path):
    write_dataset(tmp_path, [{"indicator_raw": "x", "flags": ["a"]}], [{"document": "d"}], [])
    for name, schema in [
        ("observations.parquet", OBSERVATIONS_SCHEMA),
        ("documents.parquet", DOCUMENTS_SCHEMA),
        ("catalogue.parquet", CATALOGUE_SCHEMA),
    ]:
        check_parquet_schema(tmp_path / name, schema)  # does not raise
        assert pq.read_schema(tmp_path / name).names == schema.names


def test_a_schema_mismatch_is_an_error_and_leaves_the_old_file(tmp_path):
    path = tmp_path / "t.parquet"
    write_atomic(pa.table({"x": ["kept"]}), path)
    with pytest.raises(SchemaMismatch, match="x is int64, not string"):
        write_atomic(pa.table({"x": [1]}), path, pa.schema([("x", pa.string())]))
    with pytest.raises(SchemaMismatch, match="missing y"):
        write_atomic(pa.table({"x": ["a"]}), path, pa.schema([("x", pa.string()), ("y", pa.string())]))
    assert pq.read_table(path).column("x").to_pylist() == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"], "no temporary file left behind"


def test_a_run_whose_parquet_comes_out_wrong_fails_and_keeps_the_previous_output(tmp_path, monkeypatch):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    shutil.copy(CASES / "welsh_scc_indicators" / "input.txt", corpus / "paper.txt")
    pipeline = Pipeline()
    pipeline.run(corpus, out, workers=1)
    before = pq.read_table(out / "observations.parquet")
    real = output.pq.write_table

    def drops_a_column(table, where, *args, **kwargs):  # a writer that loses observations' last column
        if Path(where).name.startswith(".observations.parquet."):
            table = table.drop_columns([table.column_names[-1]])
        return real(table, where, *args, **kwargs)

    class DropsAColumn(output.pq.ParquetWriter):  # the same fault in the writer that streams by batches
        def __init__(self, where, schema, *args, **kwargs):
            self.drop = Path(where).name.startswith(".observations.parquet.")
            super().__init__(where, schema.remove(len(schema) - 1) if self.drop else schema, *args, **kwargs)

        def write_table(self, table, *args, **kwargs):
            if self.drop:
                table = table.drop_columns([table.column_names[-1]])
            return super().write_table(table, *args, **kwargs)

    monkeypatch.setattr(output.pq, "write_table", drops_a_column)
    monkeypatch.setattr(output.pq, "ParquetWriter", DropsAColumn)
    (corpus / "paper.txt").write_text((corpus / "paper.txt").read_text() + "\n")
    with pytest.raises(SchemaMismatch, match=r"observations\.parquet: .*missing period_basis"):
        pipeline.run(corpus, out, workers=1)
    monkeypatch.undo()
    assert pq.read_table(out / "observations.parquet").equals(before)
    assert output.check_generation(out)[0]
