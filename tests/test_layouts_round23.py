"""Round 23 (tests/heldout/README.md): dashboard rows of a measure's name at the left beside a box at the right of
the data date over the figure (read/tables/dated_boxes.py)."""

from __future__ import annotations

from extract.model import Cell, Line, Page
from extract.read.tables.dated_boxes import dated_box_rows


def _line(top: float, *cells: tuple[str, float, float]) -> Line:
    return Line(tuple(Cell(text, x0, x1) for text, x0, x1 in cells), top, top + 9)


def _row(top: float, name: str, value: str) -> list[Line]:
    return [
        _line(top, ("30 Sep 18", 449, 485)),
        _line(top + 9, (name, 43, 335), (value, 444, 489)),
        _line(top + 26, ("Amber", 54, 78)),
        _line(top + 28, ("short label of it", 395, 539)),
        _line(top + 38, ("Amber", 458, 481)),
    ]


def test_a_name_beside_its_dated_box_names_the_figure():
    lines = [_line(20, ("A heading running across the whole page width", 34, 552))]
    lines += _row(50, "Children achieving a good level of development", "72.0%")
    lines += _row(120, "Pupils achieving level 3 by 19", "70.1%")
    page = Page(1, lines, width=595, height=842)
    found = [(f.indicator_raw, f.value_raw, f.period.label) for f, _ in dated_box_rows(page)]
    assert found == [
        ("Children achieving a good level of development", "72.0%", "30 Sep 18"),
        ("Pupils achieving level 3 by 19", "70.1%", "30 Sep 18"),
    ]


def test_tiles_side_by_side_are_no_rows():
    # a figure or a date at the left of the box: a tile grid, each tile with its own figure
    lines = []
    for top in (50, 120):
        lines += [
            _line(top, ("Mar 2019", 60, 100), ("Mar 2019", 449, 485)),
            _line(top + 9, ("55%", 60, 100), ("72.0%", 444, 489)),
            _line(top + 26, ("Children in care", 43, 200), ("Care leavers", 395, 539)),
        ]
    assert list(dated_box_rows(Page(1, lines, width=595, height=842))) == []


def test_one_dated_figure_alone_is_no_dashboard():
    page = Page(1, _row(50, "Children achieving a good level of development", "72.0%"), width=595, height=842)
    assert list(dated_box_rows(page)) == []


def test_a_polarity_note_names_no_figure():
    from extract.read.narrative import extract_narrative

    text = "Smaller values are best\n\nOur goal\n\nAt the end of 2015/16, the total percentage figure stood at 4.1%."
    names = [f.indicator_raw for f in extract_narrative(text, strict=True)]
    assert names and "Smaller values are best" not in names


def test_a_period_corner_header_is_no_block_title():
    from pathlib import Path

    from extract.load import load_document
    from extract.read.tables.blocks import kpi_blocks
    from extract.settings import Settings

    pdf = Path(__file__).parent / "heldout" / "dev" / "central_bedfordshire_portal_2019_measure_page" / "document.pdf"
    page = load_document(pdf, pdf.parent).pages[0]
    titles = [f.indicator_raw for f, _ in kpi_blocks(page, Settings().blocks, frozenset(), None)]
    assert "Period" not in titles


def _stacked(status: bool) -> list[Line]:
    lines = [_line(20, ("A heading in a larger type over the rows", 48, 354))]
    lines[0] = Line(lines[0].cells, 20, 35)
    for top, name, value in ((50, "Pupils receiving a standard pass in English and Maths", "69.4%"),
                             (160, "Progress 8", "0.53"), (270, "Pupils achieving level 3 by 19", "70.1%")):
        lines += [
            _line(top, (name, 53, 251), ("Green", 260, 282)),
            _line(top + 25, ("30 Sep 18", 280, 316)),
            _line(top + 45, (value, 275, 320)),
            _line(top + 70, ("a label of it", 216, 379)),
        ]
        lines += [_line(top + 88, ("Green", 289, 312))] if status else []
    return lines


def test_stacked_rows_are_named_over_their_box_never_by_the_next_row():
    # issue 8, a second renderer: each row stacked (name and status, then date, figure, label and status centred
    # under it); a short name of the next row, below this row's figure, is no name for this one
    for status in (True, False):
        found = [(f.indicator_raw, f.value_raw) for f, _ in dated_box_rows(Page(1, _stacked(status), 595, 842))]
        assert found == [("Pupils receiving a standard pass in English and Maths", "69.4%"),
                         ("Progress 8", "0.53"), ("Pupils achieving level 3 by 19", "70.1%")]
