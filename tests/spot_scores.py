"""Score a PDF rendering of a seed paper against its case's hand-written truth.

Used by tests/test_renderings.py, tests/test_pdf_seeds.py and benchmarks/bench_renderings.py. A
case folder's seed (the corpus file its ``input.txt`` is a copy of) is found by comparing
contents (helpers.seed_of_cases), and the facts of tests/cases/<case>/truth.csv are looked for
in the observations with helpers.fact_found, without holding unit and indicator id to them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract.run.pipeline import Pipeline
from extract.run.results import DocumentResult
from helpers import CASES, facts_found, observations_frame, read_truth, seed_of_cases

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "tests" / "renderings"
__all__ = ["CASES", "RENDERINGS", "process", "renderings", "score_rendering", "score_result", "seed_of_cases"]


def seed_of(case_name: str) -> str:
    seeds = seed_of_cases()
    if case_name not in seeds:
        raise KeyError(f"{case_name}: no tests/cases/{case_name}/input.txt matching a corpus file")
    return seeds[case_name]


def renderings() -> list[Path]:
    """Every committed rendering: tests/renderings/<case>/<rendering>.pdf."""
    return sorted(RENDERINGS.glob("*/*.pdf"))


def process(pdf_path: Path, pipeline: Pipeline) -> DocumentResult:
    pdf_path = Path(pdf_path)
    return pipeline.process(pdf_path, pdf_path.parent)


def score_result(result: DocumentResult, case_name: str) -> tuple[float, pd.DataFrame]:
    """Share of the case's truth rows found in a result, and the truth rows missing."""
    seed_of(case_name)  # a rendering is of a seed paper
    spots = read_truth(CASES / case_name)
    if not result.observations:
        return 0.0, spots
    obs = observations_frame(result.observations)
    found = facts_found(spots, obs, strict=False)
    share = sum(found) / len(found) if found else 1.0
    return share, spots[[not f for f in found]].reset_index(drop=True)


def score_rendering(pdf_path: Path, case_name: str, pipeline: Pipeline) -> tuple[float, pd.DataFrame]:
    """Run the pipeline on one PDF of a case's seed and score it against the spot values."""
    return score_result(process(pdf_path, pipeline), case_name)
