"""Every dev held-out document reads every row of its hand-written truth (tests/heldout/README.md).

The blind documents are never read here: benchmarks/bench_heldout.py --split blind scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import bench_heldout

DEV = Path(__file__).resolve().parent / "heldout" / "dev"
DOCUMENTS = sorted(p.name for p in DEV.iterdir() if (p / "truth.csv").exists())


@pytest.fixture(scope="module")
def pipeline():
    from extract.run.pipeline import Pipeline

    return Pipeline()


def test_the_dev_documents_are_found():
    assert len(DOCUMENTS) >= 38, DOCUMENTS


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_dev_document_reads_every_truth_row(slug, pipeline, tmp_path):
    score = bench_heldout().score_folder("dev", DEV / slug, pipeline, tmp_path)
    missing = [t for t, found in zip(score.truths, score.strict_found, strict=True) if found is None]
    assert score.truths and not missing, [(t.indicator, t.value_kind, t.value_raw, t.page) for t in missing]
