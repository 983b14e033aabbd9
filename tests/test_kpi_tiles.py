"""KPI tiles (an HTML dashboard saved as PDF): each tile's name, its headline figure printed
bare, and its labelled values under it, tiles side by side (parsers/generic.py kpi_blocks)."""

from __future__ import annotations

import sys
from pathlib import Path

from extract.model import Cell, Line, Page, Word
from extract.settings import BlockSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extract_parsers.generic import kpi_blocks


def line(top: float, *cells: tuple[float, str], height: float = 8.0) -> Line:
    out = []
    for x0, text in cells:
        x1 = x0 + 5.0 * len(text)
        out.append(Cell(text, x0, x1, (Word(text, x0, top, x1, top + height),)))
    return Line(tuple(out), top, top + height)


def test_a_tiles_bare_headline_figure_is_its_actual():
    page = Page(1, [
        line(100, (40, "Children with a plan"), (240, "Care leavers in touch")),
        line(111, (40, "Q2 2024/25"), (240, "Q2 2024/25")),
        line(122, (40, "22.2%"), (240, "91%"), height=14.0),
        line(139, (40, "Target: 25%"), (240, "Target: 95%")),
        line(150, (40, "Previous: 21.9%"), (240, "Previous: 90%")),
    ], width=595.0, height=842.0)
    got = {(f.indicator_raw, f.value_kind, f.value_raw) for f, _ in kpi_blocks(page, BlockSettings())}
    assert ("Children with a plan", "actual", "22.2%") in got
    assert ("Children with a plan", "target", "25%") in got
    assert ("Care leavers in touch", "actual", "91%") in got
    assert ("Care leavers in touch", "previous_period", "90%") in got


def test_a_labelled_actual_wins_over_a_bare_figure_and_a_bare_year_is_no_figure():
    page = Page(1, [
        line(100, (40, "Children with a plan")),
        line(111, (40, "2024")),
        line(122, (40, "Latest: 22.2%  Target: 25%")),
    ], width=595.0, height=842.0)
    got = {(f.value_kind, f.value_raw) for f, _ in kpi_blocks(page, BlockSettings())}
    assert got == {("actual", "22.2%"), ("target", "25%")}


# HTML dashboards of KPI tiles, saved as PDF by Chromium (tests/fixtures/tiles/*.html):
#   chromium --headless --no-sandbox --no-pdf-header-footer --print-to-pdf=NAME.pdf NAME.html
TILES = Path(__file__).parent / "fixtures" / "tiles"


def _read(pipeline, name: str) -> set[tuple[str, str, str]]:
    pdf = TILES / name
    result = pipeline.process(pdf, pdf.parent)
    assert result.document["status"] == "ok" and result.document["parser"] == "generic"
    return {(o["indicator_raw"], o["value_kind"], o["value_raw"]) for o in result.observations}


def test_tiles_with_a_headline_figure_and_stacked_labelled_values(pipeline):
    got = _read(pipeline, "stacked_labels.pdf")
    assert {
        ("Children looked after per 10,000", "actual", "108"),
        ("Children looked after per 10,000", "target", "100"),
        ("Children looked after per 10,000", "previous_year", "104"),
        ("Care leavers in education, employment or training", "national", "56%"),
        ("Assessments completed within 45 days", "national", "82%"),
        ("Children on a child protection plan for 2+ years", "year_ago", "2.4%"),
        ("Early help assessments", "actual", "1,284"),
    } <= got
    assert len(got) == 17  # every tile's figures, nothing else


def test_tiles_with_labels_over_their_values(pipeline):
    got = _read(pipeline, "labels_over_values.pdf")
    assert got == {
        ("Children in care placed within 20 miles", "actual", "72%"),
        ("Children in care placed within 20 miles", "target", "80%"),
        ("Children in care placed within 20 miles", "previous_period", "70%"),
        ("Care leavers in suitable accommodation", "actual", "91.5%"),
        ("Care leavers in suitable accommodation", "target", "90%"),
        ("Care leavers in suitable accommodation", "national", "88%"),
        ("Adoptions within 18 months", "actual", "64%"),
        ("Adoptions within 18 months", "target", "70%"),
    }
