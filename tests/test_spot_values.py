"""Hand-checked spot values (tests/spot_values.csv, written by reading the seeds, not the code)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

SPOTS = Path(__file__).parent / "spot_values.csv"


def _same(a, b) -> bool:
    if b is None or (isinstance(b, float) and math.isnan(b)):
        return True  # not stated in the spot list
    return a is not None and not (isinstance(a, float) and math.isnan(a)) and math.isclose(a, b, abs_tol=1e-9)


def _found(spot, obs: pd.DataFrame) -> bool:
    rows = obs[(obs.document == spot.seed) & (obs.value_kind == spot.value_kind) & (obs.source == spot.source)]
    if isinstance(spot.period_end, str) and spot.period_end:
        rows = rows[rows.period_end.astype(str) == spot.period_end]
    else:  # printed without a date: since schema 1.2 it may carry the period it is set against
        inferred = rows.period_basis.isin(["row_actual", "report_period"]) if "period_basis" in rows else False
        rows = rows[rows.period_end.isna() | inferred]
    text = spot.indicator_text
    rows = rows[
        rows.indicator_raw.str.contains(text, regex=False)
        | rows.context.str.contains(text, regex=False)
        | (rows.indicator_code.fillna("") == text)
    ]
    for row in rows.itertuples():
        if (
            row.value is not None
            and math.isclose(row.value, float(spot.value), abs_tol=1e-9)
            and _same(row.numerator, spot.numerator)
            and _same(row.denominator, spot.denominator)
        ):
            return True
    return False


def test_hand_checked_spot_values_are_found(corpus_run):
    _, out = corpus_run
    obs = pq.read_table(out / "observations.parquet").to_pandas()
    obs["period_end"] = obs.period_end.astype("object")
    spots = pd.read_csv(SPOTS, dtype={"period_end": str})
    found = [_found(s, obs) for s in spots.itertuples()]
    spots["found"] = found
    share = sum(found) / len(found)
    by_seed = spots.groupby("seed").found.mean()
    missing = spots[~spots.found]
    report = missing[["seed", "indicator_text", "value_kind", "period_end", "value"]].to_string()
    assert share >= 0.97, f"{share:.1%} found; missing:\n{report}"
    assert (by_seed >= 0.9).all(), f"{by_seed}\nmissing:\n{report}"
