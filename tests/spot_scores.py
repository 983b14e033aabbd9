"""Score a PDF rendering of a seed paper against the hand-checked spot values.

Used by tests/test_renderings.py and benchmarks/bench_renderings.py. A case folder's seed (the
corpus file its ``input.txt`` is a copy of) is found by comparing contents, and the spot values
of that seed (tests/spot_values.csv) are looked for in the observations with the rule of
tests/test_spot_values.py.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
from test_spot_values import SPOTS, _found

from extract.pipeline import DocumentResult, Pipeline

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
CORPUS = ROOT / "corpus"
RENDERINGS = ROOT / "tests" / "renderings"
SPOT_COLUMNS = ["seed", "indicator_text", "value_kind", "period_end", "value", "numerator", "denominator", "source"]


@cache
def seed_of_cases() -> dict[str, str]:
    """Case folder name -> name of the corpus file holding the same text as its input.txt."""
    corpus = {p.read_bytes(): p.name for p in sorted(CORPUS.glob("*.txt"))}
    out = {}
    for source in sorted(CASES.glob("*/input.txt")):
        name = corpus.get(source.read_bytes())
        if name is not None:
            out[source.parent.name] = name
    return out


def seed_of(case_name: str) -> str:
    seeds = seed_of_cases()
    if case_name not in seeds:
        raise KeyError(f"{case_name}: no tests/cases/{case_name}/input.txt matching a corpus file")
    return seeds[case_name]


@cache
def spot_list() -> pd.DataFrame:
    return pd.read_csv(SPOTS, dtype={"period_end": str})


def renderings() -> list[Path]:
    """Every committed rendering: tests/renderings/<case>/<rendering>.pdf."""
    return sorted(RENDERINGS.glob("*/*.pdf"))


def process(pdf_path: Path, pipeline: Pipeline) -> DocumentResult:
    pdf_path = Path(pdf_path)
    return pipeline.process(pdf_path, pdf_path.parent)


def score_result(result: DocumentResult, case_name: str) -> tuple[float, pd.DataFrame]:
    """Share of the case's seed's spot values found in a result, and the spot rows missing."""
    seed = seed_of(case_name)
    spots = spot_list()
    spots = spots[spots.seed == seed].reset_index(drop=True)
    if not result.observations:
        return 0.0, spots
    obs = pd.DataFrame(result.observations)
    obs["document"] = seed
    obs["period_end"] = obs.period_end.astype("object")
    found = [_found(s, obs) for s in spots.itertuples()]
    share = sum(found) / len(found) if found else 1.0
    return share, spots[[not f for f in found]].reset_index(drop=True)


def score_rendering(pdf_path: Path, case_name: str, pipeline: Pipeline) -> tuple[float, pd.DataFrame]:
    """Run the pipeline on one PDF of a case's seed and score it against the spot values."""
    return score_result(process(pdf_path, pipeline), case_name)
