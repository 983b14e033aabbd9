"""The hand-written truth of the seed cases (tests/cases/<case>/truth.csv, written by reading the
seeds, not the code) holds in the dataset a corpus run writes: the same facts as the case runs,
through workers, cache and Parquet."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from helpers import facts_found, seed_truth

pytestmark = pytest.mark.slow  # reads the corpus run


def test_every_seed_truth_row_is_in_the_corpus_run(corpus_run):
    _, out = corpus_run
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    obs["period_end"] = obs.period_end.astype("object")
    truth = seed_truth()
    assert set(truth.seed) <= set(obs.document), "every seed case's input is a corpus file"
    by_document = {name: rows for name, rows in obs.groupby("document")}
    found = [f for seed, facts in truth.groupby("seed", sort=False) for f in facts_found(facts, by_document[seed])]
    truth = pd.concat([facts for _, facts in truth.groupby("seed", sort=False)])
    missing = truth[[not f for f in found]]
    report = missing[["case", "indicator_text", "value_kind", "period_end", "value"]].to_string()
    assert missing.empty, f"{len(missing)} of {len(truth)} facts not found:\n{report}"
