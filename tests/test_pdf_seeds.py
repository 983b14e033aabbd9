"""The seed formats read from PDF give the same figures as from text.

Every seed is rendered in every style of tests/pdf_render.py (ruled, unruled, landscape,
wrapped cells, tables split over pages) and run through the pipeline; the hand-checked
truth rows of each case (tests/cases/<case>/truth.csv) must be found, and the rows must agree with the text
run's rows. Thresholds are floors just under what the reader achieves today (measured 2026-12-02: 99.3 %
of the truth rows overall, 94.9 % on the worst rendering; recall 96.3 %, precision 97.6 % against the
text rows): raise them when the reader improves, never lower them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from extract.model import normalise_space
from helpers import case_dirs, run_case, seed_of_cases
from pdf_render import STYLES, render_text_to_pdf
from spot_scores import score_result

pytestmark = pytest.mark.slow

# every case whose input is a seed paper of the corpus (derived from the case folders)
CASES = {c.name: c for c in case_dirs() if c.name in seed_of_cases()}


def test_the_seed_cases_are_found():
    # the lists above are derived by content: an empty derivation would make the tests below vacuous
    assert len(CASES) >= 5, sorted(seed_of_cases())


def _key(o: dict) -> tuple:
    # names compared without spaces: where a narrow column wraps a name changes its spacing
    name = normalise_space(o["indicator_raw"]).replace(" ", "").lower()
    return (name, o["value_kind"], o["period_end"], o["value_raw"])


@pytest.fixture(scope="module")
def pdf_results(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("seed_pdfs")
    results = {}
    for name, case in CASES.items():
        text = (case / "input.txt").read_text(encoding="utf-8")
        for style in STYLES:
            pdf = render_text_to_pdf(text, out / f"{name}-{style}.pdf", style)
            results[name, style] = pipeline.process(pdf, out)
    return results


@pytest.mark.parametrize("name", list(CASES))
def test_each_rendering_is_claimed_by_its_parser_with_pages(pdf_results, name):
    for style in STYLES:
        result = pdf_results[name, style]
        assert result.document["status"] == "ok", (style, result.document["error"])
        assert result.document["parser"] == name
        assert result.document["pages"] >= 1
        assert all(o["page"] is not None and o["page"] >= 1 for o in result.observations)


def test_truth_rows_are_found_in_the_pdfs(pdf_results):
    shares = {}
    for (name, style), result in pdf_results.items():
        shares[name, style] = score_result(result, name)[0]
    overall = sum(shares.values()) / len(shares)
    assert overall >= 0.99, shares
    assert min(shares.values()) >= 0.945, shares


def test_pdf_rows_agree_with_text_rows(pdf_results, pipeline):
    for name, case in CASES.items():
        text_rows = Counter(_key(o) for o in run_case(case, pipeline).observations)
        for style in STYLES:
            pdf_rows = Counter(_key(o) for o in pdf_results[name, style].observations)
            common = sum((text_rows & pdf_rows).values())
            recall = common / sum(text_rows.values())
            precision = common / max(1, sum(pdf_rows.values()))
            assert recall >= 0.96, (name, style, recall)
            assert precision >= 0.975, (name, style, precision)
