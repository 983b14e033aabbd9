"""Header labels set at 45 degrees either way, or stacked one upright letter per line (Excel's
"vertical text"), rendered by LibreOffice (issue 8, round 4): each label is read as one word, placed in
the column it stands on (not the columns an angled label leans over), and a column of single digits
drawn one a row stays a column of values."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.load.pdf import load_pdf
from extract.load.rotated import RotatedWord, stacked_letters
from extract.read.tables.grid import page_grids, page_tables
from extract.settings import DEFAULT_SETTINGS

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "rotated_angles"  # made by make.py there (LibreOffice from openpyxl)
DEV = HERE / "heldout" / "dev"
LABELS = ["2015/16 Year End", "2016/17 Target", "2016/17 Year End", "England Average", "RAG"]
KINDS = ["actual", "target", "actual", "national"]


def _page(path: Path):
    return load_pdf(path, path.parent).pages[0]


def _rotated(page) -> list[RotatedWord]:
    return [w for line in page.lines for cell in line.cells for w in cell.words if type(w) is RotatedWord]


def _value_kinds(page) -> list[tuple[str, str | None, str | None]]:
    (table,) = page_tables(page, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
    return [(c.label, c.meaning.kind, c.meaning.period_label) for c in table.columns if c.role == "value"]


@pytest.mark.parametrize(
    "name", ["angled_ccw.pdf", "angled_cw.pdf", "angled_cw_top.pdf", "angled_30_short.pdf", "stacked.pdf"]
)
def test_each_label_is_one_word_standing_in_its_own_column(name):
    # rising to the right (wrapped over two lines; at 30 degrees in a short row, the next column's label
    # drawn beside the last line of this one is not one more line of it), falling to the right (also at
    # the top of a taller row: placed where its line meets the row's bottom rule), or stacked letters
    page = _page(FIXTURES / name)
    words = sorted(_rotated(page), key=lambda w: w.x0)
    expected = LABELS + (["Rank"] if name == "stacked.pdf" else [])
    assert sorted(w.text for w in words) == sorted(expected)
    if name != "angled_cw_top.pdf":  # on the bottom rule: the label's box is in its column
        (grid,) = page_grids(page, DEFAULT_SETTINGS.tables)
        for word, (x0, x1) in zip(words, grid.columns[2:], strict=True):
            assert x0 < (word.x0 + word.x1) / 2 < x1, word.text
    assert [(label, kind) for label, kind, _ in _value_kinds(page)] == list(zip(LABELS, KINDS, strict=False))


def test_single_digits_drawn_one_a_row_stay_values():
    page = _page(FIXTURES / "stacked.pdf")
    assert not any(w.text.replace(" ", "").isdigit() for w in _rotated(page))
    digits = [c.text for line in page.lines for c in line.cells if c.text in {"1", "2", "3"} and c.x0 > 690]
    assert digits == ["1", "2", "3"]


def test_stacked_letters_need_type_set_solid_and_a_letter():
    def glyph(text: str, top: float) -> tuple[str, float, float, float, float]:
        return (text, 100.0, top, 106.0, top + 7.0)

    # `Q3 2020` one letter a line at a 10 pt pitch, a blank line for the space
    word = [glyph(t, top) for t, top in zip("Q32020", (100, 110, 130, 140, 150, 160), strict=True)]
    order = list(range(len(word)))
    assert stacked_letters(word, order, {i: i for i in order}) == [(order, "Q3 2020")]
    # the same letters a table row (18 pt) apart, or digits only: no label
    rows = [glyph(t, 100 + 18 * k) for k, t in enumerate("QAB")]
    assert stacked_letters(rows, [0, 1, 2], {0: 0, 1: 1, 2: 2}) == []
    digits = [glyph(t, 100 + 10 * k) for k, t in enumerate("123")]
    assert stacked_letters(digits, [0, 1, 2], {0: 0, 1: 1, 2: 2}) == []


def test_the_angled_comparator_scorecard_reads_each_column_s_period_or_area():
    # before: every column `national` (all labels run together over a header row with slanted rules)
    kinds = _value_kinds(_page(DEV / "lancashire_csc_2021_22_angled" / "document.pdf"))
    assert kinds == [
        ("Lancashire 2018", "actual", "Lancashire 2018"),
        ("Lancashire 2021/22", "actual", "Lancashire 2021/22"),
        ("North West 2021/22", "regional", "North West 2021/22"),
        ("England 2021/22", "national", "England 2021/22"),
    ]


def test_the_vertical_text_scorecard_reads_as_a_table():
    kinds = _value_kinds(_page(DEV / "darlington_q3_2021_22_vertical_text" / "document.pdf"))
    assert [(label, kind) for label, kind, _ in kinds] == [
        ("Q3 2020/21", "actual"), ("Q3 2021/22", "actual"), ("Target", "target")]


def test_clockwise_labels_in_a_short_row_read_by_position_not_drawing_order():
    # text turned clockwise wraps leftwards: `2016/1` / `7` / `Target`, and LibreOffice draws the `7`
    # before the end of the line above it (read in drawing order: `2016/1` and `7 Target`, two labels)
    page = _page(FIXTURES / "clockwise_short.pdf")
    assert [w.text for w in _rotated(page)] == [
        "201 5/1 6 Yea r En d", "201 6/1 7 Tar get", "201 6/1 7 Yea r En d", "En gla nd Av era ge", "RA G"]
    assert [(label, kind) for label, kind, _ in _value_kinds(page)] == [
        ("2015/16 Year End", "actual"), ("2016/17 Target", "target"), ("2016/17 Year End", "actual"),
        ("England Average", "national")]


def test_the_clockwise_scorecard_reads_each_quarter():
    kinds = _value_kinds(_page(DEV / "darlington_q1_2022_23_clockwise" / "document.pdf"))
    assert [(label, kind) for label, kind, _ in kinds] == [
        ("Q1 2020/21", "actual"), ("Q1 2021/22", "actual"), ("Q1 2022/23", "actual"), ("Threshold", "target")]
