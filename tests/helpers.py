"""What the tests share about golden cases (the case format itself is extract.tools.golden's).

A case folder (tests/cases/<parser>/) holds one input document and files about it:
- truth.csv: facts written by reading the input (never from the tool's output), every one of
  which must be found in the rows the pipeline writes (tests/test_golden.py);
- snapshot.csv: every row the pipeline writes today (GOLDEN_COLUMNS), changed only through
  `scripts/update_golden.py CASE --accept`. A snapshot is not a truth: rows known to be wrong
  are listed in the case's known_wrong.csv (tests/test_known_wrong.py).
"""

from __future__ import annotations

import importlib.util
import math
import sys
from functools import cache
from pathlib import Path

import pandas as pd

from extract.tools import golden
from extract.tools.golden import GOLDEN_COLUMNS, TRUTH_COLUMNS, as_golden_frame, case_input, read_snapshot, run_case

CASES = Path(__file__).parent / "cases"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
__all__ = [
    "CASES",
    "CORPUS",
    "GOLDEN_COLUMNS",
    "TRUTH_COLUMNS",
    "as_golden_frame",
    "bench_heldout",
    "case_dirs",
    "case_input",
    "fact_found",
    "facts_found",
    "observations_frame",
    "read_snapshot",
    "read_truth",
    "run_case",
    "seed_of_cases",
    "seed_truth",
]  # fmt: skip


def case_dirs() -> list[Path]:
    """Every case folder of tests/cases: the tests derive their case and seed lists from these."""
    return golden.case_dirs(CASES)


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


def bench_heldout():
    """benchmarks/bench_heldout.py as a module: the held-out dev tests score a document as it does."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_heldout.py"
    if "bench_heldout" in sys.modules:
        return sys.modules["bench_heldout"]
    spec = importlib.util.spec_from_file_location("bench_heldout", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_heldout"] = module
    spec.loader.exec_module(module)
    return module


# -- synthetic PDF lines for reader tests ------------------------------------------------------------
def text_cell(x0: float, text: str, top: float, height: float = 8.0, char: float = 5.0, space: float = 5.0):
    """A cell at `x0` whose words (one per whitespace-separated run) are `char` points a letter
    wide, `space` points apart, all `height` tall."""
    from extract.model import Cell, Word

    words, x = [], x0
    for run in text.split():
        words.append(Word(run, x, top, x + char * len(run), top + height))
        x += char * len(run) + space
    return Cell(text, x0, words[-1].x1, tuple(words))


def text_line(top: float, *cells: tuple[float, str], height: float = 8.0, char: float = 5.0, space: float = 5.0):
    """A line of `text_cell`s: (x0, text) each."""
    from extract.model import Line

    return Line(tuple(text_cell(x0, text, top, height, char, space) for x0, text in cells), top, top + height)
