"""Round 20 (tests/heldout/README.md): a table of one year per row behind a column numbering its rows
(`ITEM | YEAR | VALUE | TARGET | BENCHMARK MEDIAN`) under a heading set above paragraphs (transposed.py,
headings.py); a measure's `label | value` box under its name (label_blocks.py)."""

from __future__ import annotations

from extract.read.tables.cells import Grid
from extract.read.tables.grid import grid_to_table
from extract.read.tables.headings import heading_above
from extract.read.tables.label_blocks import label_block_grid
from extract.read.tables.transposed import figures_from_transposed, is_transposed
from helpers import text_line

NAME = "The average number of working days per employee lost through sickness absence for Teachers (SPI)"


def _year_rows(heading: str | None) -> Grid:
    rows = [
        ["ITEM", "YEAR", "VALUE", "TARGET", "BENCHMARK MEDIAN"],
        ["1", "2009/10", "7.34", "Blank", "7.30"],
        ["2", "2010/11", "5.93", "6.10", "6.50"],
        ["3", "2011/12", "6.08", "6.00", "6.34"],
    ]
    columns = [(50.0, 90.0), (90.0, 160.0), (160.0, 230.0), (230.0, 300.0), (300.0, 400.0)]
    return Grid("ruled", columns, rows, [" ".join(r) for r in rows], 1, 300.0, 380.0, heading=heading)


def test_years_behind_a_column_numbering_the_rows_are_the_rows_periods():
    table = grid_to_table(_year_rows(NAME), 2)
    assert table is not None and is_transposed(table)
    got = {(f.indicator_raw, f.value_kind, f.period.label, f.value_raw) for f in figures_from_transposed(table, 1)}
    assert got == {
        (NAME, "actual", "2009/10", "7.34"),
        (NAME, "actual", "2010/11", "5.93"), (NAME, "target", "2010/11", "6.10"),
        (NAME, "actual", "2011/12", "6.08"), (NAME, "target", "2011/12", "6.00"),
    }  # `Blank` is no figure; a median whose area no word says is no measure beside `VALUE | TARGET`


def test_kind_columns_with_no_title_or_heading_give_nothing():
    table = grid_to_table(_year_rows(None), 2)
    assert table is not None and list(figures_from_transposed(table, 1)) == []


def test_a_first_column_of_other_numbers_is_no_counter():
    grid = _year_rows(NAME)
    grid.rows[2][0] = "7"  # 1, 7, 3: figures, not a count of the rows
    table = grid_to_table(grid, 2)
    assert table is None or not is_transposed(table)


def _page_lines(heading_height: float) -> list:
    return [
        text_line(40, (50, "More information on education can be found in the following:"), height=9.3),
        text_line(60, (50, "The average number of working days per employee lost through sickness absence for"),
                  height=heading_height),
        text_line(60 + heading_height + 1, (50, "Teachers (SPI)"), height=heading_height),
        text_line(90, (50, "In 2012/13 sickness absence rose to 6.3 days per teacher from 6.08 the year"), height=9.3),
        text_line(101, (50, "before, missing our target of 5.9 days."), height=9.3),
        text_line(115, (50, "Table to follow showing PI data. The table has 4 columns."), height=9.3),
        text_line(130, (50, "ITEM"), (90, "YEAR"), (160, "VALUE"), height=7.1),
    ]


def test_a_heading_set_larger_above_paragraphs_names_the_table_with_its_wrapped_line():
    assert heading_above(_page_lines(11.2), 6) == NAME


def test_a_line_set_as_the_paragraphs_is_no_heading():
    assert heading_above(_page_lines(9.3), 6) is None


def test_no_heading_is_sought_past_another_tables_rows():
    lines = _page_lines(11.2)
    lines[5] = text_line(115, (50, "Results by year"), height=9.3)  # a caption with no sentence's end
    lines.insert(6, text_line(122, (50, "4"), (90, "2012/13"), (160, "6.30"), height=7.1))
    assert heading_above(lines, 7) is None


def _box(rows: list[list[str]], title: str | None = "Number of visits to libraries - virtual") -> Grid:
    return Grid("ruled", [(50.0, 150.0), (150.0, 400.0)], rows, [" ".join(r) for r in rows], 0, 100.0, 220.0,
                title=title)


BOX = [["Status", ""], ["Data Period", "2014/15"], ["Value", "535,452"], ["Target", "Linked to SPI"],
       ["Long Trend", ""], ["Data Source", "Library and Information Services"]]


def test_a_label_value_box_under_its_name_is_one_row_of_the_name_and_its_figures():
    block = label_block_grid(_box(BOX))
    assert block is not None
    assert block.rows == [["Indicator", "2014/15 Value"], ["Number of visits to libraries - virtual", "535,452"]]


def test_boxes_that_are_no_label_value_block_are_left():
    assert label_block_grid(_box(BOX, title=None)) is None  # nothing names the figures
    assert label_block_grid(_box([r for r in BOX if r[0] != "Data Period"])) is None  # no period
    # a table of names and figures (a long name on the left) is a table like any other
    names = [*BOX, ["Number of children looked after at the end of the year", "312"]]
    assert label_block_grid(_box(names)) is None
