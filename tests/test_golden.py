"""One golden case per real document (tests/cases/<parser>/):

- truth.csv: facts written by reading the input; every one must be found in the output;
- snapshot.csv: the whole output today; a change to it goes through scripts/update_golden.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import as_golden_frame, case_dirs, facts_found, observations_frame, read_snapshot, read_truth, run_case

CASES = case_dirs()


@pytest.fixture(scope="module")
def results(pipeline):
    return {c.name: run_case(c, pipeline) for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_snapshot(case, results):
    result = results[case.name]
    assert result.document["status"] == "ok", result.document["error"]
    assert result.document["parser"] == case.name, "a case folder is named after the parser that reads it"
    actual = as_golden_frame(result.observations)
    expected = read_snapshot(case)
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_truth_row_holds(case, results):
    truth = read_truth(case)
    assert len(truth) >= 10, f"{case.name}/truth.csv: write at least ten facts by reading the input"
    obs = observations_frame(results[case.name].observations)
    missing = truth[[not found for found in facts_found(truth, obs)]]
    assert missing.empty, f"{len(missing)} of {len(truth)} facts not found:\n{missing.to_string()}"


def test_every_parser_has_a_golden_case(pipeline):
    names = {p.name for p in pipeline.parsers}
    assert names <= {c.name for c in CASES}
