"""Rotated header labels in a row too short for them (issue 8, round 3): each label wraps every two
or three letters into lines side by side, wider than its column, and runs into its neighbours. Each
label is still read as one word centred on its own column, and the reader mends its broken words."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.load.pdf import load_pdf
from extract.load.rotated import RotatedWord
from extract.read.kinds import classify_header
from extract.read.tables.grid import page_grids, page_tables
from extract.read.tables.headers import mend_label
from extract.settings import DEFAULT_SETTINGS

HERE = Path(__file__).parent
DEV = HERE / "heldout" / "dev" / "darlington_2018_19_overlapping_rotated" / "document.pdf"
FIXTURE = HERE / "fixtures" / "rotated_overlap" / "short_row.pdf"  # made by make.py there


def _rotated(path: Path) -> list[RotatedWord]:
    page = load_pdf(path, path.parent).pages[0]
    return [w for line in page.lines for cell in line.cells for w in cell.words if isinstance(w, RotatedWord)]


def test_overlapping_labels_are_one_word_each_in_their_own_column():
    words = _rotated(DEV)
    assert [w.text for w in words] == ["Qu art er 3 20 18/ 19", "Qu art er 4 20 18/ 19", "Ta rg et 20 18/ 19", "R A G"]
    page = load_pdf(DEV, DEV.parent).pages[0]
    (grid,) = page_grids(page, DEFAULT_SETTINGS.tables)
    for word, (x0, x1) in zip(words, grid.columns[1:], strict=True):
        assert x0 < (word.x0 + word.x1) / 2 < x1  # centred on its column ...
    assert all(w.x1 - w.x0 > x1 - x0 for w, (x0, x1) in zip(words[:3], grid.columns[1:4], strict=True))  # ... wider


def test_a_label_drawn_over_its_neighbour_keeps_its_own_lines():
    # LibreOffice draws a label's last line (`d` of `End`) after the first line of the next label,
    # printed over it, and a line may be interrupted by another label's glyph
    assert [w.text for w in _rotated(FIXTURE)] == [
        "20 14/ 15 Ye ar En d", "20 15/ 16 Ye ar En d", "20 16/ 17 Ta rg et", "20 16/ 17 Ye ar En d",
        "St ati sti cal Ne ig hb ou rs", "En gl an d Av er ag e", "D OT", "R A G",
    ]


@pytest.mark.parametrize(
    ("broken", "mended"),
    [
        ("Qu art er 3 20 18/ 19", "Quarter 3 2018/19"),
        ("Ta rg et 20 18/ 19", "Target 2018/19"),
        ("20 14/ 15 Ye ar En d", "2014/15 Year End"),
        ("St ati sti cal Ne ig hb ou rs", "Statistical Neighbours"),
        ("R A G", "RAG"),
        ("D OT", "DOT"),
    ],
)
def test_labels_broken_every_few_letters_are_mended(broken, mended):
    assert mend_label(broken) == mended


def test_a_numbered_quarter_with_its_year_is_a_period():
    meaning = classify_header("Quarter 3 2018/19")
    assert (meaning.role, meaning.kind, meaning.period_label) == ("value", "actual", "Quarter 3 2018/19")


def test_the_overlapping_scorecard_reads_as_a_table():
    page = load_pdf(DEV, DEV.parent).pages[0]
    (table,) = page_tables(page, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
    kinds = [(c.label, c.meaning.kind) for c in table.columns if c.role == "value"]
    assert kinds == [("Quarter 3 2018/19", "actual"), ("Quarter 4 2018/19", "actual"), ("Target 2018/19", "target")]
    fixture = load_pdf(FIXTURE, FIXTURE.parent).pages[0]
    (other,) = page_tables(fixture, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
    assert [c.meaning.kind for c in other.columns if c.role == "value"] == [
        "actual", "actual", "target", "actual", "statistical_neighbours", "national"]
