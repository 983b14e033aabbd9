"""Layouts of issue 8 read in general: KPI tiles, milestone/baseline headers, name-column headers.

Each test builds a small case by hand (a page of positioned cells, or a header) so the rule
is checked apart from any one held-out document.
"""

from __future__ import annotations

import pytest

from extract.model import Cell, Line, Page
from extract.read.kinds import classify_header
from extract.read.tables.grid import Grid
from extract.read.tables.groups import regroup
from extract.read.tables.tiles import kpi_tiles, labelled_figures
from extract.settings import BlockSettings


def _line(top: float, height: float, *cells: tuple[float, str]) -> Line:
    return Line(tuple(Cell(text, x0, x0 + 6.0 * len(text)) for x0, text in cells), top, top + height)


def _tiles_page() -> Page:
    """Two tiles side by side, then a third under the first; titles wrap and differ in length."""
    return Page(
        1,
        [
            _line(20, 14, (40, "Quarterly dashboard")),  # a heading, set apart
            _line(60, 10, (40, "Re-referrals within"), (300, "Children in care")),
            _line(71, 10, (40, "12 months"), (300, "per 10,000")),
            _line(82, 10, (40, "of a previous referral")),
            _line(97, 8, (40, "Q3 2023/24"), (300, "Q3 2023/24")),
            _line(108, 25, (40, "21.4%"), (300, "74.2")),
            _line(136, 9, (44, "Target 22%"), (120, "Previous 23.1%")),
            _line(149, 9, (44, "England 21.5%")),
            _line(200, 10, (40, "Care leavers in suitable accommodation")),
            _line(215, 25, (40, "88%")),
            _line(243, 9, (44, "Same period last year 91%")),
            _line(300, 10, (40, "Source: local data, 31 December 2023.")),
        ],
    )


def test_tiles_give_each_figure_its_title_kind_and_period():
    got = {
        (f.indicator_raw, f.value_kind, f.value_raw, f.period.label)
        for f, _ in kpi_tiles(_tiles_page(), BlockSettings())
    }
    rr = "Re-referrals within 12 months of a previous referral"
    assert got == {
        (rr, "actual", "21.4%", "Q3 2023/24"),
        (rr, "target", "22%", "Q3 2023/24"),
        (rr, "previous_period", "23.1%", None),
        (rr, "national", "21.5%", None),
        ("Children in care per 10,000", "actual", "74.2", "Q3 2023/24"),
        ("Care leavers in suitable accommodation", "actual", "88%", None),
        ("Care leavers in suitable accommodation", "year_ago", "91%", None),
    }


def test_a_tile_may_print_a_trend_word_and_captions_over_their_figures():
    page = Page(
        1,
        [
            _line(60, 10, (40, "Children in need per 10,000")),
            _line(75, 25, (40, "341.2")),
            _line(103, 9, (40, "Improving")),  # the trend beside the figure: no figure of its own
            _line(115, 9, (40, "Target"), (110, "Previous")),  # captions ...
            _line(126, 9, (40, "330"), (112, "352.9")),  # ... over their figures
            _line(180, 10, (40, "Next heading, set apart")),
        ],
    )
    got = {(f.value_kind, f.value_raw) for f, _ in kpi_tiles(page, BlockSettings())}
    assert got == {("actual", "341.2"), ("target", "330"), ("previous_period", "352.9")}


def test_tiles_captioned_by_a_kind_are_figures_of_the_heading_above():
    """`Latest` and `Statistical neighbours 2017/18` over big figures name no measure: the heading in a larger type
    above the strip does (a line of ordinary type between, breadcrumbs, is passed over); the caption gives the kind
    and period, or the dated end of the line under the figure."""
    page = Page(
        1,
        [
            _line(20, 12, (40, "County Council Performance Dashboard")),  # a banner, ordinary type
            _line(50, 20, (40, "Children Looked After per 10,000 children")),  # the measure's heading
            _line(73, 10, (40, "Best Start in Life > Keeping children safe")),
            _line(100, 10, (45, "Latest"), (250, "Statistical neighbours 2017/18")),
            _line(110, 28, (45, "40.6"), (250, "51")),
            _line(139, 10, (45, "per 10,000 children, December 2018"), (250, "per 10,000 children")),
            _line(180, 10, (40, "Updates")),
        ],
    )
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.period.label) for f, _ in kpi_tiles(page, BlockSettings())}
    name = "Children Looked After per 10,000 children"
    assert got == {
        (name, "actual", "40.6", "December 2018"),
        (name, "statistical_neighbours", "51", "Statistical neighbours 2017/18"),
    }


def test_a_kind_word_ending_a_tiles_own_title_is_no_caption():
    page = Page(
        1,
        [
            _line(10, 20, (40, "Quarterly dashboard")),
            _line(60, 10, (40, "Children in care per 10,000")),
            _line(71, 10, (40, "Latest")),
            _line(82, 28, (40, "74.2")),
            _line(160, 10, (40, "Source: local data, 31 December 2023.")),
        ],
    )
    got = {(f.indicator_raw, f.value_raw) for f, _ in kpi_tiles(page, BlockSettings())}
    assert got == {("Children in care per 10,000 Latest", "74.2")}  # as before captions: not the dashboard's


def test_figures_in_normal_text_or_beside_a_name_are_not_tiles():
    page = Page(
        1,
        [
            _line(60, 10, (40, "Re-referrals within 12 months")),
            _line(71, 10, (40, "21.4%"), (120, "22%")),  # a row of figures at text size
            _line(90, 10, (40, "Children in care")),
            _line(101, 25, (40, "Children in care"), (300, "74.2")),  # big, but with a name beside it
        ],
    )
    assert list(kpi_tiles(page, BlockSettings())) == []


def test_a_tile_label_is_read_with_the_header_vocabulary():
    assert labelled_figures("Target 10% England 10%") == [("Target", "10%", "target"), ("England", "10%", "national")]
    assert labelled_figures("Stat neighbours 9.9%") == [("Stat neighbours", "9.9%", "statistical_neighbours")]
    assert labelled_figures("North East 10%") == [("North East", "10%", "regional")]
    assert labelled_figures("Children in care 74") is None  # a name, not a label
    assert labelled_figures("Target 10% (local)") is None  # words left over: a sentence, not labels


@pytest.mark.parametrize(
    ("header", "role", "kind"),
    [
        ("Key Performance Indicator", "name", None),
        ("Key Performance Indicators", "name", None),
        ("Performance Indicator Description", "name", None),
        ("Performance Measure", "name", None),
        ("Performance", "value", "actual"),  # alone it still heads the actual column
        ("Milestone 3 – Mar 24", "value", "target"),
        ("Milestone – Feb 24", "value", "target"),
        ("Trajectory Q4", "value", "target"),
        ("Baseline (Aug 23)", "value", "actual"),
        ("Year-end 2016/17", "value", "actual"),
        ("Year End", "value", "actual"),
        ("Indicator and Description", "name", None),
        ("Short Term DOT against 2016/17 (Q4)", "value", "previous_period"),
        ("Long Term DOT against Q1 2016/17", "value", "year_ago"),
        ("Direction of travel", "status", None),  # a trend word or arrow, not a figure
        ("Long-term trend", "ignore", None),
    ],
)
def test_plan_headers_are_known(header, role, kind):
    meaning = classify_header(header)
    assert (meaning.role, meaning.kind) == (role, kind)


# -- group header rows and section rows (read/tables/groups.py) ------------------------------------
def _grid(rows: list[list[str]]):
    columns = [(float(100 * c), float(100 * c + 90)) for c in range(len(rows[0]))]
    return Grid("ruled", columns, rows, [" ".join(t for t in r if t) for r in rows], 0, 0.0, 100.0)


def test_a_merged_year_over_target_and_actual_dates_both_and_section_rows_are_not_header():
    grid = _grid(
        [
            ["", "", "2015/16", "", "2016/17", "Stat", "Direction of"],  # merged cells land in one column
            ["Measure", "Target", "Actual", "Target", "Actual", "neighbours", "travel"],
            ["Early Help", "", "", "", "", "", ""],  # a section row
            ["Assessments within 35 days", "90%", "85.1%", "90%", "91.2%", "", "Improved"],
        ]
    )
    table = regroup(grid, 2, gave_table=True)
    assert table is not None
    assert [(c.label, c.role, c.meaning.kind) for c in table.columns] == [
        ("Measure", "name", None),
        ("2015/16 Target", "value", "target"),
        ("2015/16 Actual", "value", "actual"),
        ("2016/17 Target", "value", "target"),
        ("2016/17 Actual", "value", "actual"),
        ("Stat neighbours", "value", "statistical_neighbours"),
        ("Direction of travel", "status", None),
    ]
    assert [r.cells[0] for r in table.rows] == ["Early Help", "Assessments within 35 days"]


def test_a_group_label_that_names_nothing_leaves_the_period_columns_alone():
    grid = _grid(
        [
            ["", "Monthly", "position", "Trend"],  # `Monthly position` cut at the column border
            ["Indicator", "Jun-15", "Jul-15", "Direction of travel"],
            ["Youth Justice", "", "", ""],
            ["First time entrants", "583", "492", "Improved"],
        ]
    )
    table = regroup(grid, 2, gave_table=False)
    assert table is not None
    labels = [(c.label, c.meaning.kind, c.meaning.period_label) for c in table.columns]
    assert labels[1] == ("Jun-15", "actual", "Jun-15")
    assert labels[2][1] == "actual" and "Jul-15" in (labels[2][2] or "")


def test_a_plain_header_is_left_to_the_grid_reader():
    grid = _grid([["Indicator", "Q1", "Q2"], ["Re-referrals", "21%", "22%"]])
    assert regroup(grid, 2, gave_table=True) is None


def test_a_projected_figure_under_an_actual_column_is_a_forecast():
    from extract.read.tables.table_model import assemble_table, build_columns
    from extract.read.tables.wide import WideOptions, figures_from_table

    columns = build_columns(["Key Performance Indicator", "Baseline (Aug 23)", "Milestone – Mar 24", "Actual Mar 24"])
    rows = [
        (["EHC assessment requests as a % of population", "0.97%", "1.07%", "1.23% (projected end of year)"], "", 0),
        (["Parent carers rating services good or better", "8%", "15%", "12% (academic year 23/24)"], "", 0),
    ]
    table = assemble_table(columns, rows, None, "")
    got = {
        (f.indicator_raw.split()[0], f.value_raw.split()[0], f.value_kind)
        for f in figures_from_table(table, WideOptions())
    }
    assert got == {
        ("EHC", "0.97%", "actual"),
        ("EHC", "1.07%", "target"),
        ("EHC", "1.23%", "forecast"),
        ("Parent", "8%", "actual"),
        ("Parent", "15%", "target"),
        ("Parent", "12%", "actual"),  # a note that names no kind leaves the column's
    }


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10.9% (academic year 21/22)", ("10.9%", "academic year 21/22")),
        ("642.24 days", ("642.24", "days")),
        ("113 vacancy requests", ("113", "vacancy requests")),
        ("60.9% RED", ("60.9% RED", None)),  # a RAG word is the figure's mark (split_mark), not a unit
        ("12 Improving", ("12 Improving", None)),
        ("6 vacancies were not appointed to", ("6 vacancies were not appointed to", None)),  # a sentence
        ("2068 up to 23/11/2020", ("2068 up to 23/11/2020", None)),
    ],
)
def test_a_figure_keeps_its_note_or_unit_apart(cell, expected):
    from extract.read.tables.wide import split_note

    assert split_note(cell) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Target already achieved in Quarter 1; the target has now been revised upwards to 75%.", "75%"),
        ("The target was reduced to 12 days from April.", "12"),
        ("The target was missed as referrals increased to 30%.", None),  # the target is no subject of `increased`
        ("Re-referrals reduced to 18%, below the target.", None),
        ("The target of 90% was revised to 85%.", None),  # two figures: which is whose is left as words
    ],
)
def test_a_comment_cell_may_state_the_rows_revised_target(text, target):
    from extract.read.tables.wide import _REVISED_TARGET

    found = [m["fig"].strip() for m in _REVISED_TARGET.finditer(text)]
    assert found == ([target] if target else [])


def test_an_update_column_is_the_rows_comment():
    assert classify_header("Update").role == "comment"
    assert classify_header("Progress update").role == "comment"


def _small_table(header: list[str], rows: list[list[str]]):
    from extract.read.tables.table_model import Column, QualityReport, Table, TableRow

    columns = [Column(i, label, classify_header(label)) for i, label in enumerate(header)]
    body = [TableRow(cells, " ".join(cells)) for cells in rows]
    return Table(columns, body, "Age profile of children looked after", " ".join(header), QualityReport())


def test_a_first_column_of_short_labels_names_the_rows_when_no_column_is_headed_as_names():
    from extract.read.tables.wide import WideOptions, figures_from_table

    table = _small_table(["Age group", "Knowsley 2008", "England 2007"],
                         [["Aged 0-4", "24%", "19%"], ["Aged 16+", "12%", "20%"]])
    got = {(f.indicator_raw, f.value_kind, f.value_raw) for f in figures_from_table(table, WideOptions(page=1))}
    assert got == {("Aged 0-4", "actual", "24%"), ("Aged 0-4", "national", "19%"),
                   ("Aged 16+", "actual", "12%"), ("Aged 16+", "national", "20%")}
    # bare bands down the first column (`0-4`, `5-9`) name nothing
    table = _small_table(["Age", "Knowsley 2008", "England 2007"], [["0-4", "24%", "19%"], ["5-9", "12%", "20%"]])
    assert not {f.indicator_raw for f in figures_from_table(table, WideOptions(page=1))} & {"0-4", "5-9"}


def test_a_tile_figure_heading_its_sentence_takes_the_name_and_comparisons_from_it():
    """Round 17: big figures three across, each over the small sentence that finishes it; no name above."""
    page = Page(
        1,
        [
            _line(20, 14, (40, "Summary")),
            _line(60, 25, (40, "48.5%"), (300, "£1,078,929")),
            _line(88, 10, (40, "of total waste was recycled"), (300, "of welfare fund spend, against")),
            _line(99, 10, (40, "against a 50% target"), (300, "a target of £1,064,220")),
            _line(140, 25, (40, "4,275")),
            _line(168, 10, (40, "requests were answered in 2016/17,")),
            _line(179, 10, (40, "from 4,100 in 2015/16")),
        ],
    )
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.period.label) for f, _ in kpi_tiles(page, BlockSettings())}
    assert got == {
        ("of total waste was recycled", "actual", "48.5%", None),
        ("of total waste was recycled", "target", "50%", None),
        ("of welfare fund spend", "actual", "£1,078,929", None),
        ("of welfare fund spend", "target", "£1,064,220", None),
        ("requests were answered", "actual", "4,275", "2016/17"),
        ("requests were answered", "actual", "4,100", "2015/16"),
    }


def test_a_tile_figure_over_a_capitalised_line_is_still_unnamed():
    page = Page(1, [_line(60, 25, (40, "74.2")), _line(88, 10, (40, "Source: local data, 31 December 2023."))])
    assert list(kpi_tiles(page, BlockSettings())) == []


def test_a_year_over_the_word_measure_is_that_years_actual():
    assert classify_header("2017/18 Measure").kind == "actual"
    assert classify_header("Measure").role == "name"
