"""The grid modules on small constructed pages: each rule of the unruled reader on the least
text that shows it (positions in points, top-down, 6 pt type unless said)."""

from __future__ import annotations

from extract.model import Cell, Line, Page, Word
from extract.read.tables.cells import Grid, join_cell_lines
from extract.read.tables.find import join_broken_row
from extract.read.tables.grid import grid_to_table, page_tables
from extract.read.tables.headers import header_row_count
from extract.read.tables.rows import lines_to_rows, name_columns_of
from extract.read.tables.ruled import Region, region_to_grid
from extract.read.tables.table_model import QualityReport, Table, TableRow, build_columns, reclassify_by_content
from extract.read.tables.unruled import (
    _trim_tail,
    data_runs,
    merge_exclusive_columns,
    trailing_header,
    unruled_grids,
)
from extract.read.tables.unruled_header import _year_tail, header_above
from extract.settings import TableSettings
from helpers import text_cell, text_line

SETTINGS = TableSettings()


def cell(x0: float, text: str, top: float, height: float = 6.0) -> Cell:
    return text_cell(x0, text, top, height, char=4.0, space=2.0)


def line(top: float, *cells: tuple[float, str], height: float = 6.0) -> Line:
    return text_line(top, *cells, height=height, char=4.0, space=2.0)


def test_a_year_wrapped_under_its_month_is_a_header_tail_and_joins_without_a_space():
    above = [line(100, (300, "Aug"), (340, "Sep-"))]
    tail = line(106, (301, "-24"), (341, "24"))
    assert _year_tail(tail, above)
    assert not _year_tail(tail, [line(100, (300, "Total"), (340, "Count"))])
    month, year = cell(300, "Aug", 100).words, cell(300, "-24", 106).words
    assert join_cell_lines([list(month), list(year)]) == "Aug-24"
    assert join_cell_lines([list(cell(300, "Target", 100).words), list(year)]) == "Target -24"


def test_interleaved_values_lines_are_one_row_anchored_on_the_lower():
    # `0.22%` and `0.42%` wrap over two lines, centred on a row whose other cells take one
    # line: their first line sits half a line above the one-line cells, their `%` below
    lines = [
        line(100, (200, "0.22"), (240, "0.42")),
        line(104, (20, "5.1"), (60, "Name"), (120, "4%"), (160, "2%")),
        line(108.5, (205, "%"), (245, "%")),
        line(130, (20, "5.2"), (60, "Other"), (120, "3%"), (160, "1%"), (200, "7%"), (240, "9%")),
    ]
    columns = [(20, 32), (60, 84), (120, 128), (160, 168), (200, 216), (240, 256)]
    names = name_columns_of(lines, columns)
    rows, _, _, leading = lines_to_rows(lines, columns, names, SETTINGS)
    assert not leading
    assert rows == [["5.1", "Name", "4%", "2%", "0.22%", "0.42%"], ["5.2", "Other", "3%", "1%", "7%", "9%"]]


def test_rows_a_line_height_apart_are_not_merged():
    lines = [
        line(100, (20, "1"), (60, "Alpha"), (120, "4%")),
        line(108, (20, "2"), (60, "Beta"), (120, "5%")),
    ]
    columns = [(20, 24), (60, 80), (120, 128)]
    rows, _, _, _ = lines_to_rows(lines, columns, name_columns_of(lines, columns), SETTINGS)
    assert [r[1] for r in rows] == ["Alpha", "Beta"]


def _carry(labels: list[str], spans: list[tuple[float, float]]) -> Table:
    return Table(build_columns(labels, spans), [], None, " | ".join(labels), QualityReport())


def test_a_page_top_row_of_words_under_value_columns_ends_the_carried_header():
    spans = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0)]
    carry = _carry(["Title", "Actual", "Result 12 Months"], spans)
    assert carry.columns[2].meaning.kind != "year_ago"
    grid = Grid("unruled", spans, [["", "", "Ago"], ["SCC/001 Plans", "55.0", "61.4"]],
                ["Ago", "SCC/001 Plans 55.0 61.4"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None and len(table.rows) == 1
    assert table.columns[2].label == "Result 12 Months Ago"
    assert table.columns[2].meaning.kind == "year_ago"
    assert carry.columns[2].meaning.kind == "year_ago"


def test_a_broken_rows_end_under_the_name_column_is_no_header_foot():
    spans = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0)]
    carry = _carry(["Title", "Actual", "Target"], spans)
    grid = Grid("unruled", spans, [["worker - LAC", "", ""], ["SCC/001 Plans", "55.0", "61.4"]],
                ["worker - LAC", "SCC/001 Plans 55.0 61.4"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None and [c.label for c in table.columns] == ["Title", "Actual", "Target"]
    assert table.rows[0].cells[0] == "worker - LAC"


def test_a_wrapped_last_name_at_the_column_pitch_stays_and_a_heading_after_a_wider_one_does_not():
    # names wrap at an 8.6 pt pitch beside values centred between their lines
    lines = [
        line(100.0, (20, "Visits in")),
        line(104.3, (120, "75.9%"), (160, "77.3%")),
        line(108.6, (20, "time")),
        line(117.2, (20, "Decisions made")),
        line(121.5, (120, "66.9%"), (160, "69.0%")),
        line(125.8, (20, "within time for")),
        line(134.4, (20, "all contacts")),
        line(144.5, (20, "Children in Care")),  # a heading: a 10 pt pitch
    ]
    assert _trim_tail(lines, 0, 4, len(lines), SETTINGS) == 7


def test_a_heading_in_a_larger_type_ends_the_body_but_a_taller_wrapped_name_does_not():
    lines = [
        line(94.0, (20, "Rate of children"), height=6.0),
        line(100.0, (120, "1.0"), (160, "2.0"), height=4.6),
        line(103.0, (20, "(per 10,000)"), height=6.0),
        line(111.0, (20, "Heading"), height=9.3),
    ]
    assert _trim_tail(lines, 0, 1, 3, SETTINGS) == 3
    assert _trim_tail(lines, 0, 1, 4, SETTINGS) == 3


def test_one_figure_in_a_header_over_many_columns_is_a_wrapped_label():
    lines = [
        line(100, (170, "Result")),
        line(106, (120, "Previous"), (172, "12")),
        line(112, (20, "Title"), (60, "Actual"), (90, "Target"), (170, "Months")),
        line(118, (172, "Ago")),
        line(126, (20, "SCC/020 Visits"), (60, "87.00"), (90, "78.30"), (120, "82.70"), (170, "79.7")),
        line(134, (20, "SCC/021 Reviews"), (60, "96.50"), (90, "90.00"), (120, "96.90"), (170, "97.2")),
    ]
    columns = [(20, 76), (60, 80), (90, 110), (120, 140), (170, 186)]
    start, end = header_above(lines, 4, columns, {0}, SETTINGS)
    assert (start, end) == (0, 4)


def test_a_column_of_words_off_the_values_lines_is_a_name_column_and_not_merged():
    # `Bigger is` / `Better` centred on a row whose name takes one line: never on its line
    lines = [
        line(100, (60, "Bigger is")),
        line(104, (20, "Visits"), (120, "75.9%"), (160, "77.3%")),
        line(108, (60, "Better")),
        line(120, (60, "Smaller is")),
        line(124, (20, "Absence"), (120, "18.6%"), (160, "19.7%")),
        line(128, (60, "Better")),
    ]
    columns = [(20, 48), (60, 102), (120, 140), (160, 180)]
    assert name_columns_of(lines, columns) == {0, 1}
    header = [line(90, (60, "Polarity"), (120, "Mar-23"), (160, "Jun-23"))]
    assert merge_exclusive_columns(lines, columns, header) == columns


def test_the_last_row_at_the_page_foot_may_be_cut_by_the_page():
    # the last row's name runs on over the page: what this page shows starts at its values
    lines = [
        line(100, (20, "SCC/013bii")),
        line(108, (20, "children")),
        line(112, (120, "0.00"), (160, "0.7")),
        line(116, (20, "allocated")),
        line(124, (20, "worker - LAC")),
        line(132, (20, "SCC/013biii"), (120, "23.50"), (160, "32.4")),
        line(140, (20, "of children")),
        line(148, (20, "allocated to")),
    ]
    columns = [(20, 80), (120, 140), (160, 176)]
    names = name_columns_of(lines, columns)
    rows, _, _, _ = lines_to_rows(lines, columns, names, SETTINGS, open_end=True)
    assert rows[0][0] == "SCC/013bii children allocated worker - LAC"
    assert rows[1][0] == "SCC/013biii of children allocated to"


def test_without_a_header_lines_above_the_first_row_are_the_previous_pages_row():
    lines = [
        line(73.4, (20, "been subject to")),
        line(82.0, (20, "a previous CP")),
        line(90.5, (20, "plan")),
        line(103.9, (20, "% of CP with an")),
        line(108.4, (120, "85%"), (160, "95%")),
        line(112.5, (20, "up to date visit")),
        line(130.2, (20, "Children looked")),
        line(138.7, (20, "after at period"), (120, "70"), (160, "60")),
        line(147.3, (20, "end (per 10,000)")),
    ]
    columns = [(20, 90), (120, 132), (160, 172)]
    names = name_columns_of(lines, columns)
    rows, _, _, leading = lines_to_rows(lines, columns, names, SETTINGS, headed=False)
    assert leading
    assert [r[0] for r in rows] == ["been subject to a previous CP plan", "% of CP with an up to date visit",
                                    "Children looked after at period end (per 10,000)"]


def test_unruled_grid_takes_a_header_foot_above_the_first_row_into_the_header():
    lines = [
        line(90, (60, "Good"), (120, "Mar-23"), (160, "Jun-23")),
        line(96, (60, "High/Low")),
        line(104, (20, "%")),
        line(112, (20, "Children")),
        line(116, (60, "Bigger is")),
        line(120, (20, "Open to"), (120, "86.5%"), (160, "87.3%")),
        line(124, (60, "Better")),
        line(128, (20, "care")),
        line(136, (20, "leavers")),
        line(150, (20, "Name")),
        line(158, (20, "two"), (60, "Smaller"), (120, "53.0%"), (160, "48.0%")),
        line(166, (20, "lines")),
    ]
    grids = unruled_grids(lines, SETTINGS)
    assert len(grids) == 1
    grid = grids[0]
    assert grid.rows[0][1] == "Good High/Low"
    assert grid.rows[1][:2] == ["% Children Open to care leavers", "Bigger is Better"]


def test_a_ruled_grid_of_header_rows_only_is_a_header_alone():
    rows = [["Reference", "Jul-24", "Aug-24"], ["", "Actual", "Actual"]]
    assert header_row_count(rows) == 2
    assert header_row_count([["Name", "Actual", "Target"], ["Visits", "75%", "80%"]]) == 1
    # a repeated header over the end of a row the page broke (`0.43` of a wrapped formula)
    broken_end = ["Health Assessments due", "", "%", "0.43"]
    assert header_row_count([["Measure", "Jul-24", "Aug-24", ""], ["", "Actual", "Actual", "Formula"], broken_end,
                             ["6.12 Dental checks", "56%", "52.9%", "319/589"]]) == 2


def test_a_header_broken_by_the_page_is_finished_by_the_next_pages_header_foot():
    spans = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0)]
    carry = _carry(["Title", "Previous Perio", "Result 12 Mont"], spans)  # a header alone: no rows
    grid = Grid("ruled", spans, [["", "d", "hs Ago"], ["SCC/001 Plans", "55.0", "61.4"]],
                ["d hs Ago", "SCC/001 Plans 55.0 61.4"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None
    assert [c.label for c in table.columns] == ["Title", "Previous Period", "Result 12 Months Ago"]
    assert [c.meaning.kind for c in table.columns[1:]] == ["previous_period", "year_ago"]
    assert table.rows[0].cells == ["SCC/001 Plans", "55.0", "61.4"]


def test_a_ruled_continuation_keeps_the_figureless_end_of_a_broken_row_as_its_first_row():
    spans = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0)]
    carry = _carry(["Title", "Actual", "Target"], spans)
    carry.rows.append(TableRow(["% Children open", "86.5", "90.0"], "% Children open 86.5 90.0"))
    grid = Grid("ruled", spans, [["to Social Care", "%", "%"], ["Audits", "53.0%", "65.0%"]],
                ["to Social Care % %", "Audits 53.0% 65.0%"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None and table.continues is carry
    join_broken_row(carry, table)
    assert carry.rows[-1].cells == ["% Children open to Social Care", "86.5%", "90.0%"]
    assert [r.cells[0] for r in table.rows] == ["Audits"]


def test_cell_lines_broken_inside_a_word_or_after_a_slash_join_without_a_space():
    def words(text: str, x0: float, top: float) -> list[Word]:
        return list(cell(x0, text, top).words)

    broken = [words("employment/educa", 20, 100), words("tion/training", 20, 106)]
    assert join_cell_lines(broken) == "employment/education/training"
    slash = [words("employment/education/", 20, 100), words("training", 20, 106)]
    assert join_cell_lines(slash) == "employment/education/training"
    assert join_cell_lines([words("Rate per", 20, 100), words("month", 20, 106)]) == "Rate per month"
    assert join_cell_lines([words("for 3-4-", 20, 100), words("year-olds", 20, 106)]) == "for 3-4-year-olds"
    assert join_cell_lines([words("NE", 20, 100), words("ave", 20, 106), words("rag", 20, 112), words("e", 20, 118)]) \
        == "NE average"
    # a short word of indicator names (mappings/wrap_words.csv) under a word that filled the cell is a word
    assert join_cell_lines([words("Children", 20, 100), words("open to", 20, 106)]) == "Children open to"
    assert join_cell_lines([words("Actu", 20, 100), words("al", 20, 106)]) == "Actual"
    compound = [words("employment/educati", 20, 100), words("on/training", 20, 106)]
    assert join_cell_lines(compound) == "employment/education/training"


def test_a_column_compared_with_a_period_holds_that_periods_figures():
    columns = build_columns(["Indicator", "2017/18 Q1 Performance", "Short Term DOT against 2016/17 (Q4)",
                             "Long Term DOT against Q1 2016/17", "Notes against 2016"])
    rows = [["Foster carers", "78", "↑ 77", "↓ 81", "see note"], ["Leavers", "60.9%", "↓ 67.2%", "↓ 62.3%", "n/a"]]
    out = reclassify_by_content(columns, rows)
    assert (out[2].meaning.kind, out[2].meaning.period_label) == ("previous_period", "2016/17 (Q4)")
    assert (out[3].meaning.kind, out[3].meaning.period_label) == ("year_ago", "Q1 2016/17")
    assert out[4].role in ("ignore", "comment")  # words, not figures


def test_a_headerless_table_at_a_page_top_takes_the_carried_columns_when_its_own_are_fewer():
    # a period printed tight against its figure: this page's few rows leave no gap between them
    lines = [
        line(100, (20, "Alpha"), (100, "Q1"), (111, "7.3%"), (140, "2.0")),
        line(120, (20, "Beta"), (100, "Q2"), (111, "8.1%"), (140, "4.0")),
    ]
    own = unruled_grids(lines, SETTINGS)
    assert len(own) == 1 and len(own[0].columns) == 3
    carried = [(20.0, 60.0), (100.0, 108.0), (111.0, 127.0), (140.0, 152.0)]
    grid = unruled_grids(lines, SETTINGS, 2, carried)[0]
    assert grid.columns == carried
    assert [row[1:] for row in grid.rows] == [["Q1", "7.3%", "2.0"], ["Q2", "8.1%", "4.0"]]
    below = [line(ln.top + 300, *((c.x0, c.text) for c in ln.cells)) for ln in lines]
    assert len(unruled_grids([*lines, *below], SETTINGS, 2, carried)[1].columns) == 3  # only the first table


def test_a_figure_wrapped_over_two_lines_around_the_values_line_leaves_it_the_anchor():
    # `12.82` wrapped as `12.8` over `2`: its two lines straddle the one-line cells' line
    lines = [
        line(100, (200, "12.8"), (240, "12.7")),
        line(104, (20, "6.14"), (60, "Score"), (120, "17"), (160, "14")),
        line(108.5, (205, "2"), (245, "6")),
        line(130, (20, "6.15"), (60, "Plans"), (120, "90"), (160, "95"), (200, "96"), (240, "97")),
    ]
    columns = [(20, 36), (60, 80), (120, 128), (160, 168), (200, 216), (240, 256)]
    rows, _, _, _ = lines_to_rows(lines, columns, name_columns_of(lines, columns), SETTINGS)
    assert rows == [["6.14", "Score", "17", "14", "12.82", "12.76"], ["6.15", "Plans", "90", "95", "96", "97"]]


def test_a_headerless_row_takes_its_columns_from_all_its_lines():
    # a page's only row: a period and a word wrapped around the one-line figures
    lines = [
        line(73.5, (157, "16-17-year-olds"), height=6.5),
        line(78.1, (226, "Apr-Jun"), (297, "Tracke"), height=6.5),
        line(82.8, (157, "in an"), (262, "7.3%"), (347, "8.5%"), (391, "4.8%"), height=5.1),
        line(87.6, (232, "23"), (297, "r"), height=5.0),
        line(92.0, (157, "apprenticeship"), height=6.5),
    ]
    grids = unruled_grids(lines, SETTINGS)
    assert len(grids) == 1
    assert grids[0].rows == [["16-17-year-olds in an apprenticeship", "Apr-Jun 23", "7.3%", "Tracker", "8.5%", "4.8%"]]


def test_a_label_over_several_columns_with_labels_under_it_heads_each_of_them():
    # an Excel group cell merged over two columns, no rules printed
    lines = [
        line(90, (20, "Indicator"), (107, "2015/16"), (167, "2016/17")),
        line(98, (100, "Target"), (130, "Actual"), (160, "Target"), (190, "Actual")),
        line(110, (20, "Visits"), (100, "80%"), (130, "75%"), (160, "85%"), (190, "79%")),
        line(120, (20, "Reviews"), (100, "90%"), (130, "88%"), (160, "90%"), (190, "91%")),
    ]
    grid = unruled_grids(lines, SETTINGS)[0]
    assert grid.rows[0] == ["Indicator", "2015/16 Target", "2015/16 Actual", "2016/17 Target", "2016/17 Actual"]


def test_a_ruled_label_crossing_a_column_rule_heads_each_merged_column():
    region = Region([90.0, 98.0, 106.0, 114.0], [10.0, 90.0, 120.0, 150.0], 10.0, 90.0, 150.0, 114.0)
    words = [
        Word("Indicator", 20, 91, 56, 97), Word("2015/16", 106, 91, 134, 97),
        Word("Target", 95, 99, 115, 105), Word("Actual", 125, 99, 145, 105),
        Word("Visits", 20, 107, 44, 113), Word("80%", 95, 107, 107, 113), Word("75%", 125, 107, 137, 113),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    assert grid.rows[0] == ["Indicator", "2015/16", "2015/16"]
    assert grid.rows[2] == ["Visits", "80%", "75%"]


def test_a_run_of_bare_month_columns_holding_figures_are_the_months_actuals():
    columns = build_columns(["Indicator", "Apr", "May", "Jun", "Target", "May", "Notes"])
    rows = [["Visits", "80%", "82%", "85%", "90%", "see", "ok"], ["Reviews", "12", "14", "", "15", "x", ""]]
    out = reclassify_by_content(columns, rows)
    assert [(c.role, c.meaning.kind) for c in out[1:4]] == [("value", "actual")] * 3
    assert out[1].meaning.period_label == "Apr"
    assert out[5].role == "ignore"  # a lone month label over words


def test_a_comment_column_wrapped_round_a_fraction_is_words_and_a_long_wrap_stays_in_the_body():
    name = ["CSPI 01 The %", "of initial", "assessments", "that were", "completed in", "the year",
            "where there", "is evidence", "that the", "child has", "been seen", "alone by the", "worker"]
    lines = [line(100, (20, name[0]), (120, "49.10"), (160, "50.00"), (200, "566/1153"))]
    lines += [line(100 + 8 * k, (20, text), (200, "of these")) for k, text in enumerate(name[1:], start=1)]
    lines += [line(210, (20, "CSPI02 The"), (120, "92.50"), (160, "90.00"), (200, "1066/1153"))]
    columns = [(20, 80), (120, 140), (160, 180), (200, 248)]
    assert name_columns_of(lines, columns) == {0, 3}
    assert data_runs(lines, SETTINGS) == [(0, len(lines))]  # twelve wrapped lines past the values


def test_a_first_rows_taller_name_line_under_the_header_does_not_end_the_header():
    # line heights follow the glyphs: `Early` (with a descender) is taller than `2021/2`; the
    # header is the labels and the first row's upper lines, which the first row reclaims
    lines = [
        line(136, (20, "Indicator"), (130, "Period"), (180, "Actual"), (230, "Target"), height=5.5),
        line(146.5, (20, "Children in the Early"), height=7.0),
        line(156.4, (20, "Years Foundation"), height=5.5),
        line(161.3, (130, "2021/2"), (230, "Track"), height=5.5),
        line(166.3, (20, "Stage achieving a"), (180, "64.5%"), (235, "n/a"), height=7.0),
    ]
    columns = [(20, 102.0), (130, 158.0), (180, 200.0), (230, 258.0)]
    assert header_above(lines, 4, columns, {0}, SETTINGS) == (0, 4)
    lines[0] = line(126, (20, "Education KPIs"), height=9.3)  # a heading in a larger type is not
    assert header_above(lines, 4, columns, {0}, SETTINGS)[0] == 1


def test_the_end_of_a_row_alone_at_a_page_top_ends_the_carried_tables_last_row():
    spans = [(140.0, 220.0), (230.0, 256.0), (280.0, 296.0)]
    carry = _carry(["Indicator", "Period", "Actual"], spans)
    carry.rows.append(TableRow(["Families on our Stronger", "Q1", "983"], "Families on our Stronger Q1 983"))
    page = Page(15, [
        line(73.5, (144, "Families Programme"), height=6.5),
        line(78.1, (233, "2023/2"), height=5.2),
        line(82.8, (144, "attaining outcomes"), height=6.5),
        line(87.7, (233, "4"), height=4.8),
        line(102.5, (72, "Education KPIs"), height=7.3),  # a heading after a gap
    ], width=595.0, height=842.0)
    tables = page_tables(page, SETTINGS, 2, carry)
    assert tables and tables[0].continues is carry
    join_broken_row(carry, tables[0])
    name = "Families on our Stronger Families Programme attaining outcomes"
    assert carry.rows[-1].cells == [name, "Q1 2023/24", "983"]
    assert not page_tables(page, SETTINGS, 2, None)  # nothing to continue


def test_a_value_labelled_column_of_names_is_the_name_column_when_the_table_has_none():
    columns = build_columns(["Performance", "Target", "Actual"])
    assert columns[0].role == "value"  # the label reads as a figure's
    rows = [["Children seen within 20 days", "90%", "85%"], ["Assessments completed on time", "85%", "80%"]]
    out = reclassify_by_content(columns, rows)
    assert [c.role for c in out] == ["name", "value", "value"]
    named = build_columns(["Indicator", "Performance", "Actual"])
    rows = [["Visits", "Children seen within 20 days", "85%"]]
    assert [c.role for c in reclassify_by_content(named, rows)][:2] == ["name", "value"]  # one name column only


def test_milestone_and_trajectory_columns_of_figures_are_interim_targets():
    columns = build_columns(["Measure", "Milestone Mar-24", "Milestone Sep-24", "Trajectory", "Milestone notes"])
    rows = [["EHCPs issued in 20 weeks", "40%", "50%", "60%", "on track"], ["Reviews on time", "70%", "75%", "80%", ""]]
    out = reclassify_by_content(columns, rows)
    assert [(c.role, c.meaning.kind) for c in out[1:4]] == [("value", "target")] * 3
    assert out[1].meaning.period_label == "Milestone Mar-24"
    assert out[4].role in ("ignore", "comment")  # words, not figures


def test_a_continuation_keeps_every_carried_column_even_one_it_leaves_empty():
    carried = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0), (200.0, 220.0)]
    carry = _carry(["Indicator", "Dec-23", "Actual Mar-24", ""], carried)
    carry.rows.append(TableRow(["Visits", "22.3%", "", "30.1%"], "Visits 22.3% 30.1%"))
    # this page's rows print the latest figure one column right, as the carried rows did
    grid = Grid("ruled", [(20.0, 100.0), (120.0, 140.0), (200.0, 220.0)], [["Absence", "19.7%", "18.6%"]],
                ["Absence 19.7% 18.6%"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry, repair_shifts=True)
    assert table is not None
    assert [c.label for c in table.columns] == ["Indicator", "Dec-23", "Actual Mar-24", ""]
    assert table.rows[0].cells == ["Absence", "19.7%", "18.6%", ""]  # moved back under its label


def test_a_header_at_the_page_foot_keeps_the_top_of_a_label_over_its_own_column():
    lines = [
        line(690, (72, "Employability and Skills KPIs"), height=9.3),
        line(715.3, (342, "12"), height=4.9),
        line(719.7, (162, "Indicator"), (258, "Actual"), (300, "Target"), (334, "months"), (377, "National")),
        line(728.9, (340, "earlier"), (377, "average")),
    ]
    grid = trailing_header(lines, SETTINGS, 2)
    assert grid is not None and "12 months earlier" in grid.rows[0]
    assert grid.title == "Employability and Skills KPIs"


def test_words_a_narrow_column_ran_together_in_a_header_are_split_where_that_names_a_column():
    from extract.read.tables.headers import mend_label

    assert mend_label("Nationalaverage") == "National average"  # `National` over `average`
    assert mend_label("Regionalaverage") == "Regional average"
    assert mend_label("Perfor mance") == "Performance"  # and the other way round
    assert mend_label("Improvementarea") == "Improvementarea"  # no split names a column: left as printed


def test_a_run_over_two_columns_splits_where_a_wide_header_word_reaches_past_the_boundary():
    from extract.read.tables.cells import line_columns

    columns = [(278.0, 293.0), (312.0, 329.0)]  # the figures' extents: a header word is wider
    national, july = Word("National", 278.0, 10.0, 305.0, 18.9), Word("Jul-24", 312.0, 10.0, 334.0, 18.9)
    run = Line((Cell("National Jul-24", 278.0, 334.0, (national, july)),), top=10.0, bottom=18.9)
    assert line_columns(run, columns) == {0: [national], 1: [july]}
    # a plain space at the column change: one label over the boundary, placed whole by its middle
    ne, average = Word("NE", 296.0, 10.0, 306.0, 18.9), Word("average", 308.0, 10.0, 336.0, 18.9)
    label = Line((Cell("NE average", 296.0, 336.0, (ne, average)),), top=10.0, bottom=18.9)
    assert line_columns(label, columns) == {1: [ne, average]}


def test_a_continued_tables_first_row_with_its_own_code_is_no_broken_rows_end():
    # its figures all placeholders (`TBC`, `NA`): still a row of its own, its code beside the last row's
    spans = [(20.0, 40.0), (50.0, 100.0), (120.0, 140.0), (160.0, 180.0)]
    carry = _carry(["Reference", "Measure", "Target", "Actual"], spans)
    assert carry.columns[0].role == "code"
    carry.rows.append(TableRow(["4.1", "% of CIN visited", "90%", "93%"], "4.1 % of CIN visited 90% 93%"))
    table = _carry(["Reference", "Measure", "Target", "Actual"], spans)
    table.rows.append(TableRow(["4.2", "% of young people", "TBC", "NA"], "4.2 % of young people TBC NA"))
    join_broken_row(carry, table)
    assert carry.rows[-1].cells == ["4.1", "% of CIN visited", "90%", "93%"]
    assert [r.cells[0] for r in table.rows] == ["4.2"]


def test_a_cell_centred_across_the_first_values_line_is_the_first_rows_not_the_headers():
    # the last column's two lines (`=` formula) straddle the first row's values line; the labels
    # over pairs of columns (figures right, `NA` left in each) are two words of one run
    lines = [
        line(100, (20, "Ref"), (60, "Target"), (120, "Statistical"), (200, "Actual"), (240, "Formula")),
        text_line(106, (120, "Neighbours National"), height=6.0, char=4.0, space=4.0),  # (words set apart)
        line(112, (120, "2023/24"), (172, "2023/24")),
        line(120, (20, "Rate of")),
        line(123, (240, "(42/146)*100 =")),
        line(126, (20, "4.0"), (60, "250"), (150, "312"), (190, "333"), (200, "287")),
        line(129, (240, "287")),
        line(132, (20, "4.1"), (60, "80%"), (120, "NA"), (172, "NA"), (200, "93%")),
    ]
    columns = [(20, 32), (60, 72), (120, 128), (150, 162), (172, 180), (190, 202), (210, 222), (240, 300)]
    assert header_above(lines, 5, columns, {0}, SETTINGS) == (0, 3)


def test_a_one_line_body_keeps_its_wrapped_name_and_its_header_over_a_short_foot_line():
    # `earlier` (no ascender) has a box shorter than its type: the gap under it is measured in
    # the body's type; a body of one values line keeps the name lines that follow it tightly
    lines = [
        line(100, (20, "Indicator"), (70, "Actual"), (110, "12"), height=7.5),
        line(110, (110, "months"), height=7.5),
        line(120, (110, "earlier"), height=5.9),
        line(136.0, (20, "Children and"), (70, "4,489"), (110, "4,038"), height=6.8),
        line(146.6, (20, "young people"), height=7.5),
        line(157.1, (20, "with an EHCP"), height=5.9),
    ]
    assert data_runs(lines, SETTINGS) == [(3, 6)]
    columns = [(20, 68), (70, 90), (110, 138)]
    assert header_above(lines, 3, columns, {0}, SETTINGS) == (0, 3)


def test_a_header_row_with_a_stray_figure_among_its_value_labels_is_no_data_line():
    # a symbol column's label a font maps to `0`, and the `12` of `12 months earlier`
    lines = [
        line(100, (10, "0"), (30, "Indicator"), (90, "Actual"), (130, "Target"), (170, "12"), (210, "National")),
        line(108, (170, "months"), (210, "average")),
        line(116, (170, "earlier")),
        line(126, (30, "Apprentices"), (90, "7.3%"), (130, "8.0%"), (170, "8.5%"), (210, "4.8%")),
    ]
    assert data_runs(lines, SETTINGS) == [(3, 4)]


def test_a_centred_row_never_reaches_past_the_next_rows_values_line():
    # a Word table re-distilled by Ghostscript: font-box glyphs (7.9 pt tall at 8.5 pt) under a
    # page-broken row's five leading lines; lumping them, and the next row's name, into the first
    # row cost less than leaving them to the previous page until rows were held apart
    tall = 7.92
    names = [(73.84, "someone other"), (85.14, "than a social"), (96.34, "worker -"), (107.64, "Children in"),
             (118.84, "Need"), (130.34, "SCC/014 % of"), (141.64, "initial child"), (152.84, "protection"),
             (164.15, "conferences"), (175.34, "held within"), (186.64, "timescale"), (198.14, "SCC/015 % of"),
             (209.34, "initial core group"), (220.64, "meetings held"), (231.84, "within timescale"),
             (243.34, "SCC/016 % of"), (254.64, "reviews of"), (265.84, "children in need"),
             (277.14, "plans carried out")]
    values = [(158.44, "100.00", "96.00"), (214.94, "99.30", "96.00"), (259.74, "89.60", "90.00")]
    lines = [text_line(top, (72, text), height=tall) for top, text in names]
    lines += [text_line(top, (200, a), (240, b), height=tall) for top, a, b in values]
    lines.sort(key=lambda ln: ln.top)
    columns = [(72, 190), (200, 230), (240, 270)]
    rows, _, alignment, leading = lines_to_rows(lines, columns, name_columns_of(lines, columns), SETTINGS,
                                                headed=False)
    assert alignment == "centre" and leading
    assert [r[0] for r in rows] == [
        "someone other than a social worker - Children in Need",
        "SCC/014 % of initial child protection conferences held within timescale",
        "SCC/015 % of initial core group meetings held within timescale",
        "SCC/016 % of reviews of children in need plans carried out",
    ]
