"""Issue 8, round 8 (held-out dev documents added before these rules): KPI tables as councils publish them:
a header of measures over rows of periods with no rules, a code column before the name column, a three-row
header of group / period / kind, a header grouping periods under `Performance` and `Targets` over a notes
column with figures, cells of `words = figure`, and a ruled table of one figure per measure beside a long
comment; each dev document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

import pytest

from extract.model import Word
from extract.read.kinds import classify_header
from extract.read.tables.cells import Grid
from extract.read.tables.grid import grid_to_table
from extract.read.tables.ruled import Region, region_to_grid
from extract.read.tables.table_model import build_columns, reclassify_by_content
from extract.read.tables.transposed import is_transposed
from extract.read.tables.unruled import unruled_grids
from extract.read.tables.wide import equals_pairs
from extract.settings import TableSettings
from helpers import text_line as line

SETTINGS = TableSettings()

# -- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Targets 2005/06", "target"),
        ("Targets", "target"),
        ("2005-06 out-turn", "actual"),
        ("Out-turn", "actual"),
        ("IPF group average", "comparator_group"),
        ("Family group average", "statistical_neighbours"),
    ],
)
def test_plural_targets_a_hyphened_out_turn_and_a_group_average_are_value_columns(label, kind):
    meaning = classify_header(label)
    assert (meaning.role, meaning.kind) == ("value", kind)


@pytest.mark.parametrize("label", ["PAF ref", "KPI ref", "Ref no", "Reference number", "NPI/LPI", "Measure code"])
def test_a_reference_column_however_prefixed_holds_the_code(label):
    assert classify_header(label).role == "code"


@pytest.mark.parametrize(("label", "role"), [("PI", "name"), ("Target ref", "value"), ("Indicator", "name")])
def test_a_name_or_a_kind_is_no_reference_column(label, role):
    assert classify_header(label).role == role


def test_the_code_column_before_the_name_column_gives_each_figure_its_code():
    from extract.read.tables.wide import WideOptions, figures_from_table

    rows = [["NPI/LPI", "Performance Indicators", "2013/14 Actual", "2014/15 Target"],
            ["LPI0541", "Council tax collected", "98.57%", "98.65%"], ["LPI0542", "Business rates collected",
                                                                       "99.43%", "99.44%"]]
    grid = Grid("ruled", [(10.0, 60.0), (60.0, 200.0), (200.0, 250.0), (250.0, 300.0)], rows,
                [" ".join(r) for r in rows], 0, 90.0, 130.0)
    table = grid_to_table(grid, 2)
    assert table is not None
    got = {(f.indicator_code, f.indicator_raw, f.value_raw) for f in figures_from_table(table, WideOptions(page=1))}
    assert got == {("LPI0541", "Council tax collected", "98.57%"), ("LPI0541", "Council tax collected", "98.65%"),
                   ("LPI0542", "Business rates collected", "99.43%"), ("LPI0542", "Business rates collected", "99.44%")}


# -- cells of `words = figure` ---------------------------------------------------------------------------


def test_a_cell_of_figures_each_after_its_words_and_an_equals_sign_gives_each_its_kind():
    got = equals_pairs("Apr – Dec = 1,856 Full year projection = 2,475", "actual")
    assert got == [("actual", "1,856"), ("forecast", "2,475")]


@pytest.mark.parametrize(
    "text", ["319/589 = 0.542", "588/1837 = 0.32", "Therefore 566 were seen alone by a worker = 64.8%", "1,856"]
)
def test_a_formula_or_a_sentence_is_no_cell_of_labelled_figures(text):
    assert equals_pairs(text, "actual") is None


def test_a_column_of_labelled_figures_stays_a_value_column_and_a_column_of_formulas_does_not():
    columns = build_columns(["Indicator", "Performance 2005/06", "Rate"])
    rows = [["Properties secured", "Apr – Dec = 1,856 Full year projection = 2,475", "588/1837 = 0.32"],
            ["Residents feeling safe", "62%", "319/589 = 0.54"]]
    roles = [c.role for c in reclassify_by_content(columns, rows)]
    assert roles == ["name", "value", "formula"]


# -- a kind over the columns a ruled cell is merged across --------------------------------------------------


def _group_region(group: str) -> list[list[str]]:
    # the column rules at x 120 and 150 are not drawn in the top row: its cell spans three columns
    spans = (((90.0, 122.0),), ((90.0, 122.0),), ((98.0, 122.0),), ((98.0, 122.0),), ((90.0, 122.0),))
    region = Region([90.0, 98.0, 106.0, 114.0, 122.0], [10.0, 90.0, 120.0, 150.0, 180.0], 10.0, 90.0, 180.0, 122.0,
                    spans)
    words = [
        Word("Indicator", 20, 91, 56, 97), Word(group, 124, 91, 146, 97),
        Word("2005/06", 95, 99, 115, 105), Word("2006/07", 125, 99, 145, 105), Word("2007/08", 155, 99, 175, 105),
        Word("Visits", 20, 107, 44, 113), Word("10", 95, 107, 103, 113), Word("12", 125, 107, 133, 113),
        Word("14", 155, 107, 163, 113),
        Word("Reviews", 20, 115, 48, 121), Word("20", 95, 115, 103, 121), Word("22", 125, 115, 133, 121),
        Word("24", 155, 115, 163, 121),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    return grid.rows


def test_a_kind_centred_in_a_ruled_cell_merged_over_three_columns_heads_each_though_it_crosses_no_rule():
    rows = _group_region("Targets")
    assert rows[0] == ["Indicator", "Targets", "Targets", "Targets"]
    assert rows[2] == ["Visits", "10", "12", "14"]


def test_a_word_naming_no_kind_stays_in_the_first_column_of_its_merged_cell():
    assert _group_region("Notes")[0] == ["Indicator", "Notes", "", ""]


# -- a ruled table of one figure per measure ------------------------------------------------------------


def _one_figure_grid(header: list[str], figures: tuple[str, str]) -> Grid:
    rows = [header,
            ["Cases open to Children's Services", figures[0], "All cases are allocated to a named social worker."],
            ["Cases held open on a child in need basis", figures[1], "82% of all open cases (3,045 of 3,711)."]]
    return Grid("ruled", [(10.0, 200.0), (200.0, 260.0), (260.0, 500.0)], rows, [" ".join(r) for r in rows], 0,
                90.0, 140.0)


def test_a_ruled_table_with_a_names_column_and_one_figures_column_is_a_kpi_table():
    table = grid_to_table(_one_figure_grid(["Measure", "At 31 July 2014", "Comment"], ("3,711", "3,045")), 2)
    assert table is not None
    assert [c.role for c in table.columns] == ["name", "value", "comment"]
    assert [r.cells[1] for r in table.rows] == ["3,711", "3,045"]


@pytest.mark.parametrize(
    ("header", "figures"),
    [
        (["", "At 31 July 2014", "Comment"], ("3,711", "3,045")),  # no column headed as the names
        (["Measure", "At 31 July 2014", "Comment"], ("3,711", "see note")),  # a name without its figure
    ],
)
def test_one_figures_column_without_a_names_header_or_with_a_name_unfigured_is_no_table(header, figures):
    assert grid_to_table(_one_figure_grid(header, figures), 2) is None


# -- measures as column headers, periods down the side, no rules ---------------------------------------------


def test_an_unruled_header_of_measures_over_rows_of_periods_is_kept_and_read_turned():
    lines = [
        line(90, (20, "Year"), (120, "Contacts received"), (240, "Referrals received")),
        line(104, (20, "2016/17"), (120, "9,861"), (240, "2,219")),
        line(116, (20, "2017/18"), (120, "9,645"), (240, "1,580")),
    ]
    grid = unruled_grids(lines, SETTINGS)[0]
    assert grid.header_rows == 1
    assert grid.rows[0][1:] == ["Contacts received", "Referrals received"]
    table = grid_to_table(grid, 2)
    assert table is not None and is_transposed(table)


def test_an_unruled_header_naming_no_values_over_rows_of_names_is_no_header():
    lines = [
        line(90, (20, "Service"), (120, "Contacts received"), (240, "Referrals received")),
        line(104, (20, "Police"), (120, "9,861"), (240, "2,219")),
        line(116, (20, "Schools"), (120, "9,645"), (240, "1,580")),
    ]
    assert unruled_grids(lines, SETTINGS)[0].header_rows == 0


# -- a section title merged over every column at the top of a page a table continues on -------------------------


def test_a_ruled_row_whose_one_cell_spans_every_column_is_marked_spanning():
    spans = (((90.0, 114.0),), ((98.0, 114.0),), ((98.0, 114.0),), ((90.0, 114.0),))
    region = Region([90.0, 98.0, 106.0, 114.0], [10.0, 90.0, 120.0, 150.0], 10.0, 90.0, 150.0, 114.0, spans)
    words = [Word("Taxes", 20, 91, 40, 97),
             Word("Council", 20, 99, 48, 105), Word("98%", 95, 99, 107, 105), Word("99%", 125, 99, 137, 105),
             Word("Rates", 20, 107, 40, 113), Word("97%", 95, 107, 107, 113), Word("96%", 125, 107, 137, 113)]
    grid = region_to_grid(region, words)
    assert grid is not None and grid.spanning == (0,)
    assert grid.rows[0] == ["Taxes", "", ""]


def _continued(spanning: tuple[int, ...]):
    columns = [(10.0, 90.0), (90.0, 120.0), (120.0, 150.0)]
    head = [["Indicator", "2013/14 Actual", "2014/15 Target"], ["Visits", "10", "12"], ["Reviews", "20", "22"]]
    carry = grid_to_table(Grid("ruled", columns, head, [" ".join(r) for r in head], 0, 90.0, 120.0), 2)
    rows = [["Taxes", "", ""], ["Council tax collected", "98%", "99%"], ["Business rates collected", "97%", "96%"]]
    grid = Grid("ruled", columns, rows, [" ".join(r) for r in rows], 0, 40.0, 70.0, spanning=spanning)
    return carry, grid_to_table(grid, 2, carry)


def test_a_spanning_title_atop_a_continued_table_is_the_section_of_its_rows_not_the_end_of_the_last_row():
    carry, table = _continued((0,))
    assert table is not None and table.continues is carry
    assert table.section == "Taxes"
    assert [r.cells[0] for r in table.rows] == ["Council tax collected", "Business rates collected"]


def test_words_atop_a_continued_table_in_a_cell_with_its_rules_stay_a_row_a_broken_one_may_end():
    _, table = _continued(())
    assert table is not None and table.rows[0].cells[0] == "Taxes"


# -- a comment cell's sentences are the comment's, not prose --------------------------------------------------


def test_the_figures_in_a_table_s_comment_cells_are_not_read_as_sentences():
    from pathlib import Path

    from extract.load import load_document
    from extract.settings import Settings
    from extract_parsers.generic import Generic

    folder = Path(__file__).parent / "heldout" / "dev" / "oxfordshire_paf_2005_06_code_then_name"
    figures = list(Generic().parse(load_document(folder / "document.pdf", folder), Settings()))
    # `12% is average within our comparator group ...` wraps over three lines of its cell, one cell a line
    assert sorted((f.value_raw, f.source) for f in figures) == [
        ("12%", "table"), ("56%", "table"), ("65.2%", "table"), ("71.3%", "table")]


# -- areas down the side, measures across ----------------------------------------------------------------------


def _areas_table(first: str, labels: list[str], rows: list[list[str]]):
    header = [first, *labels]
    body = [header, *rows]
    columns = [(10.0 + 100.0 * k, 110.0 + 100.0 * k) for k in range(len(header))]
    grid = Grid("ruled", columns, body, [" ".join(r) for r in body], 0, 90.0, 150.0)
    return grid_to_table(grid, 2)


def test_a_table_of_areas_down_and_measures_across_gives_each_area_its_kind_under_the_measure_s_name():
    from extract.read.tables.wide import WideOptions, figures_from_table

    table = _areas_table("Area", ["Re-referrals within 12 months", "Children in need per 10,000 (31 March 2022)"],
                         [["Lancashire", "19.1%", "372"], ["North West", "22%", "470.7"],
                          ["Statistical neighbours", "21.0%", "444.8"], ["England", "21.5%", "334.3"]])
    assert table is not None
    got = {(f.indicator_raw, f.value_kind, f.value_raw) for f in figures_from_table(table, WideOptions(page=1))}
    assert got == {
        ("Re-referrals within 12 months", "actual", "19.1%"), ("Re-referrals within 12 months", "regional", "22%"),
        ("Re-referrals within 12 months", "statistical_neighbours", "21.0%"),
        ("Re-referrals within 12 months", "national", "21.5%"),
        ("Children in need per 10,000 (31 March 2022)", "actual", "372"),
        ("Children in need per 10,000 (31 March 2022)", "regional", "470.7"),
        ("Children in need per 10,000 (31 March 2022)", "statistical_neighbours", "444.8"),
        ("Children in need per 10,000 (31 March 2022)", "national", "334.3"),
    }
    dated = [f for f in figures_from_table(table, WideOptions(page=1)) if f.indicator_raw.endswith("2022)")]
    assert {str(f.period.end) for f in dated} == {"2022-03-31"}
    assert {f.council_id for f in dated if f.value_kind == "actual"} != {None}


def test_rows_of_things_that_are_no_areas_under_measures_make_no_table():
    assert _areas_table("Service", ["Contacts received", "Referrals received"],
                        [["Police", "9,861", "2,219"], ["Schools", "9,645", "1,580"]]) is None


def test_an_area_table_with_confidence_limits_is_a_statistics_series_not_measures():
    from extract.read.tables.wide import WideOptions, figures_from_table

    table = _areas_table("Area", ["Crude rate per 100,000 0-15 yr olds", "95% LCI", "95% UCI"],
                         [["West Sussex", "17.4", "13.8", "21.7"], ["England", "17.4", "16.9", "17.9"]])
    assert table is None or not list(figures_from_table(table, WideOptions(page=1)))


def test_areas_down_under_a_header_naming_a_value_column_are_left_to_the_other_readers():
    # a single `Value` column beside counts and denominators: not a table of measures across
    assert _areas_table("Area Name", ["Count", "Value"], [["West Sussex", "7,763", "88.6"],
                                                          ["England", "525,083", "82.3"]]) is None


def test_an_unruled_header_of_measures_over_rows_of_areas_is_kept():
    lines = [
        line(90, (20, "Area"), (120, "Re-referrals"), (240, "Assessments")),
        line(104, (20, "Lancashire"), (120, "19.1%"), (240, "90%")),
        line(116, (20, "England"), (120, "21.5%"), (240, "84.5%")),
    ]
    grid = unruled_grids(lines, SETTINGS)[0]
    assert grid.header_rows == 1 and grid.rows[0][1:] == ["Re-referrals", "Assessments"]


# -- a comment column beside the figures, unruled and unlabelled ------------------------------------------------


def test_an_unlabelled_comment_column_centred_beside_a_figures_column_stays_a_column_of_its_own():
    def at(top: float, *cells: tuple[float, str]):
        return line(top, *cells, height=6.0, char=4.0, space=2.0)

    lines = [
        at(90, (20, "Indicator"), (200, "Actual"), (260, "Previous quarter")),
        at(102, (340, "12 of 63 referrals took more")),
        at(108, (20, "Referrals in one day"), (200, "81.0%"), (260, "79.6%")),
        at(114, (340, "than one day in August.")),
        at(128, (340, "Within the 18% threshold and")),
        at(134, (20, "Re-referrals"), (200, "15.3%"), (260, "16.1%")),
        at(140, (340, "better than the year before.")),
    ]
    grid = unruled_grids(lines, SETTINGS)[0]
    # the comment's lines never share one with the figures (both centred): still not one column
    assert [r[2] for r in grid.rows[1:]] == ["79.6%", "16.1%"]
    assert grid.rows[1][3] == "12 of 63 referrals took more than one day in August."
