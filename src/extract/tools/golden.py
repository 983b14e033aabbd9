"""Golden cases: how a case folder is run, written and compared.

A case folder (tests/cases/<parser>/) holds one input document (`input.*`) and files about it:
- truth.csv (TRUTH_COLUMNS): facts written by reading the input, never from the tool's output;
- snapshot.csv (GOLDEN_COLUMNS): every row the pipeline writes today, changed only through
  `scripts/update_golden.py CASE --accept`;
- known_wrong.csv (KNOWN_WRONG_COLUMNS): snapshot rows checked against the input and known to be
  wrong, each with the reason, referenced by content.

Used by scripts/update_golden.py, `extract new-parser` (the headers it writes) and the tests,
so that none of them reads another's source.
"""

from __future__ import annotations

import difflib
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from extract.run.pipeline import Pipeline
from extract.run.results import DocumentResult

TRUTH_COLUMNS = [
    "indicator_text",  # as printed: found in indicator_raw or context, or equal to indicator_code
    "value_kind",
    "period_end",  # ISO date, or empty when printed without a date
    "value",
    "unit",  # empty: not checked
    "numerator",  # empty: not checked
    "denominator",
    "indicator_id",  # empty: not checked
    "source",  # table or narrative
]
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
# a wrong row is named by what it says (line numbers shift whenever another row changes)
KNOWN_WRONG_KEY = ["indicator_raw", "value_raw", "value_kind", "period_end"]
KNOWN_WRONG_COLUMNS = [*KNOWN_WRONG_KEY, "reason"]


def case_dirs(cases: Path) -> list[Path]:
    """Every case folder under `cases` (one holding a SOURCE.md), by name."""
    return sorted(p for p in cases.iterdir() if p.is_dir() and (p / "SOURCE.md").exists())


def case_input(case: Path) -> Path:
    inputs = [p for p in case.iterdir() if p.name.startswith("input.")]
    if len(inputs) != 1:
        raise ValueError(f"{case} must hold exactly one input.* file, found {len(inputs)}")
    return inputs[0]


def run_case(case: Path, pipeline: Pipeline | None = None) -> DocumentResult:
    """The pipeline's result for the case's input."""
    pipeline = pipeline or Pipeline()
    return pipeline.process(case_input(case), case)


def as_golden_frame(observations: Iterable[dict]) -> pd.DataFrame:
    rows = []
    for o in observations:
        row = {c: o.get(c) for c in GOLDEN_COLUMNS}
        row["flags"] = ";".join(row["flags"] or [])
        for c in ("period_start", "period_end", "report_date"):
            row[c] = row[c].isoformat() if row[c] is not None else None
        rows.append(row)
    return normalise_frame(pd.DataFrame(rows, columns=GOLDEN_COLUMNS))


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Strings everywhere (numbers in a canonical form), so CSV round trips compare equal."""
    out = frame.copy()
    for c in ("value", "numerator", "denominator"):
        if c in out:
            out[c] = [None if pd.isna(v) or v == "" else repr(float(v)) for v in out[c]]
    out = out.astype(object).where(pd.notna(out), None)
    out = out.map(lambda v: None if v == "" else str(v) if v is not None else None)
    return out.reset_index(drop=True)


def read_snapshot(case: Path) -> pd.DataFrame:
    frame = pd.read_csv(case / "snapshot.csv", dtype=str, keep_default_na=False)
    return normalise_frame(frame[GOLDEN_COLUMNS])


def frame_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def snapshot_diff(case: Path, new: str) -> list[str]:
    """The unified diff from the case's snapshot.csv (empty when absent) to `new`."""
    path = case / "snapshot.csv"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    return list(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{case.name}/snapshot.csv", "pipeline")
    )


def read_known_wrong(case: Path) -> pd.DataFrame:
    """The case's known_wrong.csv (KNOWN_WRONG_COLUMNS; empty cells as None); no file, no rows."""
    path = case / "known_wrong.csv"
    if not path.exists():
        return pd.DataFrame(columns=KNOWN_WRONG_COLUMNS)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != KNOWN_WRONG_COLUMNS:
        raise ValueError(f"{path}: columns must be {KNOWN_WRONG_COLUMNS}, got {list(frame.columns)}")
    return frame.astype(object).where(frame != "", None)


def known_wrong_missing(known: pd.DataFrame, snapshot: pd.DataFrame) -> pd.DataFrame:
    """The rows of `known` no longer in `snapshot` (compared on KNOWN_WRONG_KEY): fixed rows.
    A key listed n times needs n rows in the snapshot."""
    left = Counter(_keys(snapshot))
    missing = []
    for key in _keys(known):
        missing.append(left[key] == 0)
        left[key] -= 1
    return known[missing]


def _keys(frame: pd.DataFrame) -> list[tuple]:
    cells = frame[KNOWN_WRONG_KEY].astype(object).where(frame[KNOWN_WRONG_KEY].notna(), None)
    return [tuple(None if v in ("", None) else str(v) for v in row) for row in cells.itertuples(index=False)]
