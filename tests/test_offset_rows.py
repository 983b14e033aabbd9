"""Rows whose figures a renderer set off their line (LibreOffice's decimal tabs), header labels
wider than their column, and rows a page broke with figures on both pages: each rule on the
least constructed text that shows it (positions in points, top-down, 6 pt type)."""

from __future__ import annotations

from extract.model import Cell, Line, Page, Word
from extract.read.tables.cells import Grid
from extract.read.tables.find import join_broken_row
from extract.read.tables.grid import grid_to_table, page_tables
from extract.read.tables.headers import header_cells
from extract.read.tables.rows import realign_offset_figures
from extract.read.tables.table_model import QualityReport, Table, TableRow, build_columns
from extract.read.tables.unruled import unruled_grids
from extract.settings import TableSettings
from helpers import text_cell, text_line

SETTINGS = TableSettings()


def cell(x0: float, text: str, top: float, height: float = 6.0) -> Cell:
    return text_cell(x0, text, top, height, char=4.0, space=2.0)


def line(top: float, *cells: tuple[float, str], height: float = 6.0) -> Line:
    return text_line(top, *cells, height=height, char=4.0, space=2.0)


def _offset_rows(offset: float) -> list[Line]:
    """Two rows of a centred table: a name over three lines centred on the labels' line, a
    symbol and a comparator beside it, the figures `offset` points lower."""
    out = []
    for top, name, figures in ((100, ("Referrals", "repeated within", "12 months"), ("28.6%", "26.0%", "21.5%")),
                               (130, ("Initial", "visits in", "time"), ("75.9%", "77.3%", "85.0%"))):
        out.append(line(top, (20, name[0])))
        out.append(line(top + 8, (20, name[1]), (240, "Better"), (300, "20.8%")))
        out.append(line(top + 8 + offset, *((120 + 35 * k, f) for k, f in enumerate(figures))))
        out.append(line(top + 16, (20, name[2])))
    return out


def test_figures_set_half_a_line_below_their_rows_labels_join_the_labels_line():
    lines = _offset_rows(4.0)
    moved = realign_offset_figures(lines, SETTINGS)
    assert len(moved) == len(lines) - 2  # each figures line had nothing else: it goes
    labels = [ln for ln in moved if "Better" in ln.text]
    assert [ln.text for ln in labels] == ["repeated within 28.6% 26.0% 21.5% Better 20.8%",
                                          "visits in 75.9% 77.3% 85.0% Better 20.8%"]
    figure = labels[0].cells[1].words[0]
    assert (figure.top, figure.bottom) == (108.0, 114.0)  # moved onto the labels' line
    grid = unruled_grids(lines, SETTINGS)[0]
    assert [row[0] for row in grid.rows] == ["Referrals repeated within 12 months", "Initial visits in time"]
    assert grid.rows[0][1:4] == ["28.6%", "26.0%", "21.5%"]


def test_figures_on_their_rows_line_or_a_glyph_box_apart_stay():
    on_line = _offset_rows(0.0)
    assert realign_offset_figures(on_line, SETTINGS) is on_line
    tall_glyph = _offset_rows(2.0)  # less than half a line: one line a tall glyph's box split
    assert realign_offset_figures(tall_glyph, SETTINGS) is tall_glyph


def test_figures_offset_in_one_row_only_stay():
    whole = line(130, (20, "Initial visits in time"), (120, "75.9%"), (155, "77.3%"), (190, "85.0%"), (240, "Better"))
    lines = [*_offset_rows(4.0)[:4], whole]
    assert realign_offset_figures(lines, SETTINGS) is lines


def test_figures_beside_a_one_line_label_of_their_own_are_the_rows_line():
    # a two-line cell (`At Sep` over `23`) centred on a row whose one-line cells, figures and
    # `Yes` alike, share one line: nothing is offset
    lines = []
    for top in (100, 130):
        lines += [line(top, (60, "At Sep")), line(top + 4.5, (20, "Name"), (120, "7.3%"), (160, "8.5%"), (240, "Yes")),
                  line(top + 9, (60, "23"))]
    assert realign_offset_figures(lines, SETTINGS) is lines


def test_a_label_wider_than_its_column_heads_the_column_no_other_label_heads():
    columns = [(20.0, 40.0), (60.0, 80.0), (100.0, 120.0)]
    header = [line(100, (20, "Source:"), (100, "National")),
              line(106, (60, "Tolerance"), (100, "average"))]
    # `Data obtained:` (30-84) reaches into the Tolerance column, its middle there: the first column's
    wide = [line(100, (30, "Data obtained:")), line(106, (60, "Tolerance"), (100, "Target"))]
    assert header_cells(header, columns) == ["Source:", "Tolerance", "National average"]
    assert header_cells(wide, columns) == ["Data obtained:", "Tolerance", "Target"]
    # a label over two columns that both have labels of their own under it is a group label
    group = [line(100, (60, "2015/16 results")), line(106, (60, "Target"), (100, "Actual"))]
    assert header_cells(group, columns)[1:] == ["2015/16 results Target", "2015/16 results Actual"]


def test_a_carried_label_wider_than_its_column_heads_only_the_column_its_middle_is_in():
    carry = Table(build_columns(["Ref", "Data obtained from:", "Statistical"], [(20, 40), (60, 130), (160, 200)]),
                  [], None, "", QualityReport())
    spans = [(20.0, 40.0), (60.0, 80.0), (110.0, 130.0), (160.0, 200.0)]
    grid = Grid("unruled", spans, [["", "", "Tolerance", "Neighbours"], ["1.0", "MIT", "2000", "1600"]],
                ["Tolerance Neighbours", "1.0 MIT 2000 1600"], 1, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None
    assert [c.label for c in table.columns] == ["Ref", "Data obtained from:", "Tolerance", "Statistical Neighbours"]
    assert table.columns[2].meaning.kind == "tolerance"


def _table(labels: list[str], rows: list[list[str]]) -> Table:
    spans = [(20.0 + 40 * k, 50.0 + 40 * k) for k in range(len(labels))]
    return Table(build_columns(labels, spans), [TableRow(r, " ".join(r)) for r in rows], None, "", QualityReport())


def test_a_row_the_page_broke_with_figures_on_both_pages_is_joined():
    labels = ["Indicator", "Actual", "National", "Regional"]
    previous = _table(labels, [["Pupils in good schools", "84.5%", "83.1%", "88.1%"],
                               ["Home educated", "738", "699", "701"],
                               ["Free school meals", "30.6%", "", ""]])
    continued = _table(labels, [["", "", "29.1%", "30.4%"], ["Take-up of meals", "23%", "20.6%", "18.6%"]])
    join_broken_row(previous, continued)
    assert previous.rows[-1].cells == ["Free school meals", "30.6%", "29.1%", "30.4%"]
    assert [r.cells[0] for r in continued.rows] == ["Take-up of meals"]


def test_a_whole_row_at_the_page_top_is_not_joined_to_the_last():
    labels = ["Indicator", "Actual", "National", "Regional"]
    rows = [["Pupils in good schools", "84.5%", "83.1%", "88.1%"], ["Home educated", "738", "699", "701"],
            ["Free school meals", "30.6%", "", ""]]
    # a row of its own with its name beside a last row that lacks only figures: not its end
    named = _table(labels, [["Take-up of meals", "", "20.6%", "18.6%"], ["Absence", "5%", "4%", "6%"]])
    join_broken_row(_table(labels, rows), named)
    assert len(named.rows) == 2
    # figures where the last row has figures: a row of its own
    clash = _table(labels, [["", "23%", "20.6%", "18.6%"], ["Absence", "5%", "4%", "6%"]])
    join_broken_row(_table(labels, rows), clash)
    assert len(clash.rows) == 2


def _tight(top: float, labels: list[tuple[float, str]]) -> Cell:
    """One run of labels, each drawn at its own x with no space glyph between (a printer driver)."""
    words = tuple(Word(text, x, top, x + 4.0 * len(text), top + 6) for x, text in labels)
    return Cell(" ".join(w.text for w in words), words[0].x0, words[-1].x1, words)


def test_a_header_run_of_labels_set_too_tight_to_part_heads_each_its_own_column():
    # `Tolera`/`nce` and `Nationa`/`l`: labels a narrow column broke, their first lines one run
    run = _tight(100, [(60, "Tolera"), (100, "Target"), (140, "Nationa"), (180, "Actual")])
    header = [Line((run,), 100, 106), line(106, (60, "nce"), (140, "l"))]
    body = [line(120, (20, "1.0"), (60, "30%"), (100, "20%"), (140, "25%"), (180, "27%")),
            line(130, (20, "1.1"), (60, "31%"), (100, "21%"), (140, "26%"), (180, "28%"))]
    grid = unruled_grids([*header, *body], SETTINGS)[0]
    assert grid.header_rows == 1
    assert grid.rows[0] == ["", "Tolerance", "Target", "National", "Actual"]
    assert grid.rows[1] == ["1.0", "30%", "20%", "25%", "27%"]
    # a title run over the columns, its words a space apart, is no header
    title = Line((cell(60, "Quarterly performance of the service", 100),), 100, 106)
    grid = unruled_grids([title, *body], SETTINGS)[0]
    assert grid.header_rows == 0


def test_right_aligned_figures_beside_their_left_aligned_label_are_its_column():
    # `Jan-25` set left in its cell, its figures right: no body column sits under the label
    header = [line(100, (20, "Name"), (60, "Target"), (100, "Jan-25"), (160, "Formula"))]
    body = [line(110, (20, "Alpha"), (60, "80%"), (130, "86%"), (160, "5/6")),
            line(120, (20, "Beta"), (60, "90%"), (130, "50%"), (160, "1/2"))]
    grid = unruled_grids([*header, *body], SETTINGS)[0]
    assert grid.rows == [["Name", "Target", "Jan-25", "Formula"], ["Alpha", "80%", "86%", "5/6"],
                         ["Beta", "90%", "50%", "1/2"]]


def test_a_continued_tables_right_aligned_figures_join_the_carried_label_left_of_them():
    carry = Table(build_columns(["Name", "Neighbours", "National"], [(20, 50), (60, 90), (120, 150)]),
                  [TableRow(["Alpha", "312", "333"], "Alpha 312 333")], None, "", QualityReport())
    # `NA` set left under `Neighbours`, figures right, past the label's end and before `National`
    spans = [(20.0, 50.0), (60.0, 70.0), (100.0, 115.0), (120.0, 150.0)]
    grid = Grid("unruled", spans, [["Beta", "NA", "", "70"], ["Gamma", "", "74", "71"]],
                ["Beta NA 70", "Gamma 74 71"], 0, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None and table.continues is carry
    assert [c.label for c in table.columns] == ["Name", "Neighbours", "National"]
    assert [r.cells for r in table.rows] == [["Beta", "NA", "70"], ["Gamma", "74", "71"]]


def test_a_label_line_overlapping_the_headers_last_line_is_the_headers():
    # `Good` / `High/Low` centred on the one-line labels' line, the first row's name wrapped above its values
    lines = [line(100, (60, "Good")), line(104, (20, "Reporting"), (100, "Mar-23"), (140, "Jun-23")),
             line(108, (60, "High/Low")), line(120, (20, "Children open")),
             line(124, (20, "Snapshot"), (60, "Bigger"), (100, "86.5%"), (140, "87.3%")), line(128, (20, "mths")),
             line(140, (20, "Audits"), (60, "Bigger"), (100, "53.0%"), (140, "48.0%"))]
    grid = unruled_grids(lines, SETTINGS)[0]
    assert grid.header_rows == 1 and grid.rows[0][1] == "Good High/Low"
    assert grid.rows[1][1:] == ["Bigger", "86.5%", "87.3%"]


def test_a_header_repeated_whole_after_one_left_alone_at_the_page_foot_is_not_joined_to_it():
    spans = [(20.0, 100.0), (120.0, 140.0), (160.0, 180.0), (200.0, 220.0)]
    labels = ["Indicator", "Period", "Performance", "Target"]
    carry = Table(build_columns(labels, spans), [], None, "", QualityReport())
    grid = Grid("unruled", spans, [labels, ["Uptake", "2023", "93.7%", "95%"]],
                ["Indicator Period Performance Target", "Uptake 2023 93.7% 95%"], 1, 0.0, 0.0)
    table = grid_to_table(grid, 2, carry)
    assert table is not None
    assert [c.label for c in table.columns] == labels
    assert table.columns[1].role == "period"


def test_a_top_aligned_labels_last_line_at_the_headers_pitch_is_the_headers():
    # `Good` / `Performance` / `High/Low` set top-down at the header's pitch, the first row a padding below
    h = 8.9
    lines = [line(100, (100, "Good"), (160, "Mar-23"), (200, "Jun-23"), height=h),
             line(109, (100, "Performance"), (160, "Actual"), height=h), line(118, (100, "High/Low"), height=h),
             line(130, (20, "In care aged"), (100, "Bigger"), (160, "91.1%"), (200, "94.1%"), height=h),
             line(139, (20, "in suitable"), height=h), line(148, (20, "housing"), height=h),
             line(160, (20, "In care at"), (100, "Bigger"), (160, "58.5%"), (200, "52.0%"), height=h),
             line(169, (20, "in training"), height=h)]
    grid = unruled_grids(lines, SETTINGS)[0]
    assert grid.rows[0][1] == "Good Performance High/Low"
    assert grid.rows[1][0] == "In care aged in suitable housing"


def test_a_headerless_table_under_a_pages_prose_does_not_continue_the_last_pages_table():
    labels = ["Area", "Count", "Rate"]
    carry = Table(build_columns(labels, [(20, 80), (120, 140), (160, 180)]),
                  [TableRow(["Arun", "16", "39.2"], "Arun 16 39.2")], None, "", QualityReport())
    rows = [line(300 + 10 * k, (20, name), (120, f"{k + 1}0"), (160, f"{k + 1}.5")) for k, name in
            enumerate(["Crawley", "Horsham", "Worthing"])]
    prose = [line(100 + 14 * k, (20, "A paragraph of prose running across the page about smoking in pregnancy"))
             for k in range(4)]
    top = page_tables(Page(5, [*rows], width=300.0, height=600.0), SETTINGS, 2, carry)
    assert top and top[0].continues is carry  # at the page's top: the table goes on
    below = page_tables(Page(5, [*prose, *rows], width=300.0, height=600.0), SETTINGS, 2, carry)
    assert all(t.continues is None for t in below)
