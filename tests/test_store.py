"""The assembled store (store.py): warm runs read finished rows as columns; subsets keep the rest;
conflicts and the review queue over columns agree with their row-by-row definitions."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.run.cache import Cache
from extract.run.store import ROWS_SCHEMA
from extract.tidy.flags import CONFLICT_COLUMNS, add_conflicts, conflict_mask, flag_conflicts
from extract.write.output import OBSERVATIONS_SCHEMA, generation_id, table_from_rows
from extract.write.review import REVIEW_COLUMNS, QueueBuilder, unmatched_rows, unmatched_table_rows

ROOT = Path(__file__).resolve().parents[1]


def run(corpus: Path, out: Path, *args: str):
    result = CliRunner().invoke(main, [str(corpus), "--out", str(out), "--workers", "1", *args])
    assert result.exit_code == 0, result.output
    return result


def frames(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = pd.read_parquet(out / "documents.parquet").drop(columns=["seconds"])
    return pd.read_parquet(out / "observations.parquet"), docs


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    return root


def test_a_warm_run_reads_no_per_document_cache_and_gives_the_same_outputs(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(corpus, out)
    before = frames(out)
    queue = (out / "unmatched.csv").read_text(encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("a warm run read a per-document cache file")

    monkeypatch.setattr(Cache, "load_parsed", refuse)
    monkeypatch.setattr(Cache, "load_matched", refuse)
    warm = run(corpus, out)
    assert "parsed: 0 documents, re-matched: 0" in warm.output
    after = frames(out)
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])
    assert (out / "unmatched.csv").read_text(encoding="utf-8") == queue
    assert len(list((out / ".extract-cache" / "parsed").glob("*.parquet"))) == 5, "warm runs keep the cache"


def test_a_subset_run_keeps_the_rest_and_prune_deletes_it(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    whole = frames(out)
    subset = tmp_path / "subset"
    subset.mkdir()
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, subset / first.name)
    kept = run(subset, out)
    assert "cache: kept 4 cached documents" in kept.output, kept.output
    assert "the outputs hold only this run's documents" in kept.output  # the dataset is the subset's
    assert "parsed: 0 documents" in kept.output and "parsed: 1 document," not in kept.output
    assert len(pd.read_parquet(out / "documents.parquet")) == 1
    again = run(corpus, out)
    assert "parsed: 0 documents, re-matched: 0" in again.output, "the whole corpus again parses nothing"
    pd.testing.assert_frame_equal(whole[0], frames(out)[0])
    run(subset, out, "--prune")
    assert len(list((out / ".extract-cache" / "parsed").glob("*.parquet"))) == 1
    after_prune = run(corpus, out)
    assert "parsed: 4 documents" in after_prune.output


def test_a_changed_document_is_finished_again_and_the_others_come_from_the_store(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    target = corpus / "004_fc0e892b28d7762b.txt"
    target.write_text(target.read_text().replace("\t7.70", "\t7.90", 1))
    result = run(corpus, out)
    assert "parsed: 1 document," in result.output, result.output
    fresh = tmp_path / "fresh"
    run(corpus, fresh)
    pd.testing.assert_frame_equal(frames(out)[0], frames(fresh)[0])


def _rows(count: int, seed: int = 3) -> list[dict]:
    """Observation rows made to collide: few councils, indicators, dates and values."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        rows.append({
            "council_id": rng.choice(["E1", "E2", None, ""]), "document": rng.choice(["a.txt", "b.txt"]),
            "indicator_id": rng.choice(["x", "y", None]), "indicator_raw": rng.choice(["Name A", "Name B", "C"]),
            "period_type": rng.choice(["year", None]), "period_end": rng.choice([date(2024, 3, 31), None]),
            "value_kind": rng.choice(["actual", "target", "change"]), "source": rng.choice(["table", "official"]),
            "value": rng.choice([1.0, 2.0, None]), "parser": rng.choice(["p", "q"]), "indicator_code": None,
            "unit": "percent", "flags": rng.choice([[], ["ratio_mismatch"], ["conflicting_duplicate"]]),
            "candidates": [{"indicator_id": f"c{n % 4}", "score": 50.0 + n % 7}],
        })  # fmt: skip
    return rows


def test_conflicts_over_columns_are_those_of_the_row_by_row_rule():
    rows = _rows(400)
    table = table_from_rows(rows, ROWS_SCHEMA)
    flagged = add_conflicts(table, conflict_mask(table.select(list(CONFLICT_COLUMNS))))
    # a number standing for each document's path decides the same
    numbers = pa.array([0 if r["document"] == "a.txt" else 1 for r in rows], pa.int32())
    by_number = table.select(list(CONFLICT_COLUMNS)).drop_columns(["document"]).append_column("document", numbers)
    assert (conflict_mask(by_number) == conflict_mask(table.select(list(CONFLICT_COLUMNS)))).all()
    flag_conflicts(rows)
    assert flagged.column("flags").to_pylist() == [r["flags"] for r in rows]
    assert any("conflicting_duplicate" in r["flags"] for r in rows)


def test_the_review_queue_over_columns_is_that_of_the_rows():
    rows = [r for r in _rows(300) if r["indicator_id"] is None]
    table = table_from_rows(rows, ROWS_SCHEMA).select(list(REVIEW_COLUMNS))
    known: dict = {}
    for r in rows:
        known.setdefault(r["indicator_raw"], r["candidates"])

    def no_ranking(*args, **kwargs):
        raise AssertionError("every name's candidates are known")

    class Matcher:
        match = staticmethod(no_ranking)

    expected = unmatched_rows(rows, Matcher(), lambda *a: None, set(), known)
    assert unmatched_table_rows(table, Matcher(), lambda *a: None, set()) == expected
    queue = QueueBuilder()  # the same rows in pieces, as a run reads them
    for start in range(0, table.num_rows, 37):
        queue.add(table.slice(start, 37))
    assert queue.rows(Matcher(), lambda *a: None, set()) == expected
    assert unmatched_table_rows(None, Matcher(), lambda *a: None, set()) == []


def test_store_rows_are_the_observation_columns_and_candidates():
    assert ROWS_SCHEMA.names == [*OBSERVATIONS_SCHEMA.names, "candidates"]
    assert isinstance(ROWS_SCHEMA.field("candidates").type, pa.ListType)


def test_generation_names_sort_in_the_order_they_are_made():
    # CI once made a generation at 15:40:44 whose fraction was read in the next second, so it
    # sorted before the one it followed and the previous generation was removed as "older"
    second = 1_796_226_044 * 1_000_000_000
    names = [generation_id(second + 987_270_705, 7), generation_id(second + 1_000_000_001, 7)]
    assert names == sorted(names) and names[0].startswith("20261202T154044.987270705")
    behind = generation_id(second, 8, newest=names[-1])  # the clock stepped back
    assert behind > names[-1] and behind.endswith("-8")
    assert generation_id(second + 5, 9, newest=behind) > behind
    assert generation_id(second + 5, 9, newest=None) < names[0]


def test_an_unchanged_run_links_the_outputs_and_a_damaged_one_is_written_again(corpus, tmp_path):
    import os

    out = tmp_path / "out"
    run(corpus, out)
    first = os.path.realpath(out / "observations.parquet")
    before = frames(out)
    run(corpus, out)
    second = os.path.realpath(out / "observations.parquet")
    assert second != first and os.stat(second).st_ino == os.stat(first).st_ino, "the same file, linked"
    with open(second, "r+b") as fh:  # damaged in place (bytes flipped): the manifest no longer matches
        fh.seek(-20, os.SEEK_END)
        damaged = bytes(b ^ 0xFF for b in fh.read(8))
        fh.seek(-20, os.SEEK_END)
        fh.write(damaged)
    run(corpus, out)
    third = os.path.realpath(out / "observations.parquet")
    assert os.stat(third).st_ino != os.stat(second).st_ino, "written again, not linked"
    pd.testing.assert_frame_equal(before[0], frames(out)[0])


def test_a_damaged_store_is_no_store(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    before = frames(out)
    for rows in (out / ".extract-cache" / "assembled").glob("*/rows.parquet"):
        rows.write_bytes(rows.read_bytes()[:100])
    again = run(corpus, out, "--force")  # --force: the outputs are written again, not linked
    assert "parsed: 5 documents" in again.output
    pd.testing.assert_frame_equal(before[0], frames(out)[0])
    for rows in (out / ".extract-cache" / "assembled").glob("*/rows.parquet"):
        rows.write_bytes(b"not parquet")
    warm = run(corpus, out)
    assert "parsed: 0 documents, re-matched: 0" in warm.output, "finished again from the per-document cache"
    pd.testing.assert_frame_equal(before[0], frames(out)[0])
