"""Shared by the tests and scripts/update_golden.py: how a golden case is run and compared.

A case folder (tests/cases/<parser>/) holds one input document and two files about it:
- truth.csv: facts written by reading the input (never from the tool's output), every one of
  which must be found in the rows the pipeline writes (tests/test_golden.py);
- snapshot.csv: every row the pipeline writes today (GOLDEN_COLUMNS), changed only through
  `scripts/update_golden.py CASE --accept`. A snapshot is not a truth: rows known to be wrong
  are listed in the case's KNOWN_WRONG.md.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import pandas as pd

from extract.run.pipeline import Pipeline

CASES = Path(__file__).parent / "cases"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
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


def read_snapshot(case: Path) -> pd.DataFrame:
    frame = pd.read_csv(case / "snapshot.csv", dtype=str, keep_default_na=False)
    return normalise_frame(frame[GOLDEN_COLUMNS])


def read_truth(case: Path) -> pd.DataFrame:
    """A case's hand-written facts; empty cells as None, value/numerator/denominator as floats."""
    frame = pd.read_csv(case / "truth.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == TRUTH_COLUMNS, f"{case.name}/truth.csv: columns must be {TRUTH_COLUMNS}"
    frame = frame.astype(object).where(frame != "", None)
    for c in ("value", "numerator", "denominator"):
        frame[c] = [None if v is None else float(v) for v in frame[c]]
    return frame


@cache
def seed_of_cases() -> dict[str, str]:
    """Case folder name -> name of the corpus file holding the same bytes as its input.txt."""
    corpus = {p.read_bytes(): p.name for p in sorted(CORPUS.glob("*.txt"))}
    out = {}
    for source in sorted(CASES.glob("*/input.txt")):
        name = corpus.get(source.read_bytes())
        if name is not None:
            out[source.parent.name] = name
    return out


def seed_truth() -> pd.DataFrame:
    """The truth rows of every case whose input is a corpus seed, with a `seed` column (the
    corpus file name): what the corpus run and the PDF renderings of the seeds are scored on."""
    frames = []
    for case, seed in seed_of_cases().items():
        if (CASES / case / "truth.csv").exists():
            frames.append(read_truth(CASES / case).assign(seed=seed, case=case))
    return pd.concat(frames, ignore_index=True)


def _number(v) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _same(a, b) -> bool:
    if b is None:
        return True  # not stated in the truth file
    return a is not None and math.isclose(a, b, abs_tol=1e-9)


def _text(v) -> str:
    return v if isinstance(v, str) else ""


def _records(obs) -> list[dict]:
    """Observations as plain dicts (from a DataFrame or a list), with the columns facts test."""
    rows = obs.to_dict("records") if isinstance(obs, pd.DataFrame) else obs
    out = []
    for r in rows:
        end = r.get("period_end")
        end = None if end is None or (isinstance(end, float) and math.isnan(end)) or pd.isna(end) else str(end)
        out.append({
            "value_kind": r.get("value_kind"), "source": r.get("source"), "period_end": end,
            "period_basis": r.get("period_basis"), "indicator_raw": _text(r.get("indicator_raw")),
            "context": _text(r.get("context")), "indicator_code": _text(r.get("indicator_code")),
            "unit": r.get("unit"), "indicator_id": r.get("indicator_id"), "value": _number(r.get("value")),
            "numerator": _number(r.get("numerator")), "denominator": _number(r.get("denominator")),
        })  # fmt: skip
    return out


def facts_found(facts: pd.DataFrame, obs, strict: bool = True) -> list[bool]:
    """For each truth row (TRUTH_COLUMNS), is it among the observations of one document?

    The name is found in indicator_raw or the row's printed context (or equals the code), with
    the kind, source, period end (or no date of its own), value and, where stated, numerator
    and denominator. `strict` also holds the unit and indicator id to the fact where it states
    them (the text case runs); the PDF renderings are scored without them.
    """
    rows = _records(obs)
    return [_fact_in(fact, rows, strict) for fact in facts.to_dict("records")]


def fact_found(fact, obs, strict: bool = True) -> bool:
    """One truth row (a mapping or namedtuple of TRUTH_COLUMNS): see facts_found."""
    fact = fact._asdict() if hasattr(fact, "_asdict") else dict(fact)
    return _fact_in(fact, _records(obs), strict)


def _fact_in(fact: dict, rows: list[dict], strict: bool) -> bool:
    end = fact["period_end"] if isinstance(fact["period_end"], str) and fact["period_end"] else None
    text = fact["indicator_text"]
    value = float(fact["value"])
    numerator, denominator = _number(fact["numerator"]), _number(fact["denominator"])
    unit = fact["unit"] if strict and isinstance(fact["unit"], str) and fact["unit"] else None
    indicator = (
        fact["indicator_id"] if strict and isinstance(fact["indicator_id"], str) and fact["indicator_id"] else None
    )
    for r in rows:
        if r["value_kind"] != fact["value_kind"] or r["source"] != fact["source"]:
            continue
        if end is not None:
            if r["period_end"] != end:
                continue
        # printed without a date: since schema 1.2 it may carry the period it is set against
        elif r["period_end"] is not None and r["period_basis"] not in ("row_actual", "report_period"):
            continue
        if text not in r["indicator_raw"] and text not in r["context"] and r["indicator_code"] != text:
            continue
        if (unit and r["unit"] != unit) or (indicator and r["indicator_id"] != indicator):
            continue
        if (
            r["value"] is not None
            and math.isclose(r["value"], value, abs_tol=1e-9)
            and _same(r["numerator"], numerator)
            and _same(r["denominator"], denominator)
        ):
            return True
    return False


def observations_frame(observations: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(observations)
    if not frame.empty:
        frame["period_end"] = frame.period_end.astype("object")
    return frame
