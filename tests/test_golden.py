"""One golden case per real document: the rows the pipeline writes must equal expected.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import as_golden_frame, case_dirs, read_expected, run_case

CASES = case_dirs()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case, pipeline):
    result = run_case(case, pipeline)
    assert result.document["status"] == "ok", result.document["error"]
    assert result.document["parser"] == case.name, "a case folder is named after the parser that reads it"
    actual = as_golden_frame(result.observations)
    expected = read_expected(case)
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False)


def test_every_parser_has_a_golden_case(pipeline):
    names = {p.name for p in pipeline.parsers}
    assert names <= {c.name for c in CASES}
