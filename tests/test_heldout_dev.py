"""Every dev held-out document reads every row of its hand-written truth (tests/heldout/README.md).

The blind documents are never read here: benchmarks/bench_heldout.py --split blind scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import bench_heldout

DEV = Path(__file__).resolve().parent / "heldout" / "dev"
DOCUMENTS = sorted(p.name for p in DEV.iterdir() if (p / "truth.csv").exists())

# Truth rows a dev document is known not to give yet, each with why: the test fails when one is
# read (take it off the list) as much as when another goes missing.
KNOWN_MISSES: dict[str, set[tuple[str, str, str, int]]] = {
    # the last slide's figure stands alone, with no label or comparison beside it
    "rbwm_ipmr_q2_2015_16_slides": {("Library and museum income", "actual", "£146,987", 5)},
    # a bare count in a sentence (`20 Local Area Agreement indicators achieved ...`) is a figure the reader
    # of documents of unknown format leaves; the four percentages under their headings are read
    "herefordshire_corporate_2008_09_side_box": {
        ("LAA indicators achieving their Year 1 target", "actual", "20", 1),
    },
    # a labelled figure under a sentence that holds a figure of its own: the block reader looks for its
    # title above and stops at the sentence's figure (the table under a figure-less sentence is read)
    "isle_of_wight_qpmr_numbered_sections": {
        ("Performance indicators achieving quarterly targets", "previous_period", "61%", 1),
    },
    # the RAG bands are the columns and the quarters the rows: the table reader takes the band headers
    # for value kinds (`target`, `variance`) and the quarters for the names
    "medway_council_plan_rag_band_columns": {
        (band, "actual", figure, 1)
        for band, figures in (
            ("Green: achieved or outperformed target", ("36", "32", "42")),
            ("Amber: below target but within acceptable variance", ("4", "4", "5")),
            ("Red: outside acceptable variance", ("11", "11", "12")),
        )
        for figure in figures
    },
}


@pytest.fixture(scope="module")
def pipeline():
    from extract.run.pipeline import Pipeline

    return Pipeline()


def test_the_dev_documents_are_found():
    assert len(DOCUMENTS) >= 48, DOCUMENTS


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_dev_document_reads_every_truth_row(slug, pipeline, tmp_path):
    score = bench_heldout().score_folder("dev", DEV / slug, pipeline, tmp_path)
    missing = {(t.indicator, t.value_kind, t.value_raw, t.page)
               for t, found in zip(score.truths, score.strict_found, strict=True) if found is None}  # fmt: skip
    assert score.truths and missing == KNOWN_MISSES.get(slug, set()), sorted(missing)
