"""Shared by the tests and scripts/update_golden.py: how a golden case is run and compared."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract.pipeline import Pipeline

CASES = Path(__file__).parent / "cases"
GOLDEN_COLUMNS = [
    "indicator_code",
    "indicator_raw",
    "indicator_id",
    "match_method",
    "section",
    "period_label",
    "period_type",
    "period_start",
    "period_end",
    "value_kind",
    "value",
    "value_raw",
    "unit",
    "numerator",
    "denominator",
    "polarity",
    "status",
    "source",
    "council_id",
    "report_date",
    "flags",
]


def case_dirs() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir() and (p / "SOURCE.md").exists())


def case_input(case: Path) -> Path:
    inputs = [p for p in case.iterdir() if p.name.startswith("input.")]
    assert len(inputs) == 1, f"{case} must hold exactly one input.* file"
    return inputs[0]


def run_case(case: Path, pipeline: Pipeline | None = None):
    pipeline = pipeline or Pipeline()
    source = case_input(case)
    return pipeline.process(source, case)


def as_golden_frame(observations: list[dict]) -> pd.DataFrame:
    rows = []
    for o in observations:
        row = {c: o.get(c) for c in GOLDEN_COLUMNS}
        row["flags"] = ";".join(row["flags"] or [])
        for c in ("period_start", "period_end", "report_date"):
            row[c] = row[c].isoformat() if row[c] is not None else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=GOLDEN_COLUMNS)
    return normalise_frame(frame)


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Strings everywhere (numbers in a canonical form), so CSV round trips compare equal."""
    out = frame.copy()
    for c in ("value", "numerator", "denominator"):
        out[c] = [None if pd.isna(v) or v == "" else repr(float(v)) for v in out[c]]
    out = out.astype(object).where(pd.notna(out), None)
    out = out.map(lambda v: None if v == "" else str(v) if v is not None else None)
    return out.reset_index(drop=True)


def read_expected(case: Path) -> pd.DataFrame:
    frame = pd.read_csv(case / "expected.csv", dtype=str, keep_default_na=False)
    return normalise_frame(frame[GOLDEN_COLUMNS])
