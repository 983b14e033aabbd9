"""Rows known to be wrong stay listed only while they are in the snapshot.

tests/cases/<case>/known_wrong.csv names snapshot rows checked against the input and found
wrong (by content: indicator_raw, value_raw, value_kind, period_end; line numbers shift), each
with the reason. When the engine fixes or changes such a row, the list is out of date: this test
fails and names the row to remove, so the list always describes the snapshot it sits beside.
"""

from __future__ import annotations

import pandas as pd
import pytest

from extract.tools.golden import KNOWN_WRONG_COLUMNS, known_wrong_missing, read_known_wrong
from helpers import case_dirs, read_snapshot

CASES = case_dirs()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_known_wrong_row_is_still_in_the_snapshot(case):
    known = read_known_wrong(case)
    assert known.reason.notna().all(), f"{case.name}/known_wrong.csv: every row says why it is wrong"
    missing = known_wrong_missing(known, read_snapshot(case))
    rows = "\n".join(f"  {r.indicator_raw!r} {r.value_raw} {r.value_kind} {r.period_end}" for r in missing.itertuples())
    assert missing.empty, f"row fixed: remove it from {case.name}/known_wrong.csv (not in snapshot.csv):\n{rows}"


def test_a_fixed_row_is_reported():
    snapshot = pd.DataFrame(
        [["Dental checks", "93%", "actual", "2014-03-31"], ["Dental checks", "93%", "actual", "2014-03-31"],
         ["This", "58%", "national", None]],
        columns=KNOWN_WRONG_COLUMNS[:4],
    )  # fmt: skip
    known = pd.DataFrame(
        [["Dental checks", "93%", "actual", "2014-03-31", "two rows"],
         ["Dental checks", "93%", "actual", "2014-03-31", "two rows"],
         ["This", "58%", "national", None, "a pronoun as the name"]],
        columns=KNOWN_WRONG_COLUMNS,
    )  # fmt: skip
    assert known_wrong_missing(known, snapshot).empty
    # one of the two duplicates fixed; the undated row now dated: both reported
    fixed = snapshot.iloc[[0, 2]].assign(period_end=["2014-03-31", "2014-03-31"])
    assert len(known_wrong_missing(known, fixed)) == 2

