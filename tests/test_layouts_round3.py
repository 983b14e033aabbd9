"""Issue 8, round 3 (held-out dev documents added before these rules): a comment merged across a
whole ruled table, value headers broken by a rotated header row too short for them, and a
`Previous report` column; each dev document's hand-written truth is read in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.load.pdf import load_pdf
from extract.model import Word
from extract.read.kinds import classify_header
from extract.read.tables.grid import page_grids, page_tables
from extract.read.tables.headers import mend_label
from extract.read.tables.ruled import Edge, edges_to_regions, region_to_grid
from extract.settings import DEFAULT_SETTINGS

HERE = Path(__file__).parent
DEV = HERE / "heldout" / "dev"


def _page(slug: str, number: int = 1):
    path = DEV / slug / "document.pdf"
    return load_pdf(path, path.parent).pages[number - 1]


# -- a cell merged over the whole table is a row of its own ---------------------------------


def _three_column_region():
    # x 0-100-200-300, y 0-20-40-60; the middle row's inner rules are not drawn (merged across)
    horizontal = [Edge("h", y, 0.0, 300.0) for y in (0.0, 20.0, 40.0, 60.0)]
    vertical = [Edge("v", 0.0, 0.0, 60.0), Edge("v", 300.0, 0.0, 60.0)]
    for x in (100.0, 200.0):
        vertical += [Edge("v", x, 0.0, 20.0), Edge("v", x, 40.0, 60.0)]
    (region,) = edges_to_regions(horizontal, vertical, DEFAULT_SETTINGS.tables)
    return region


def _row_words(texts: list[str], top: float) -> list[Word]:
    words, x = [], 5.0
    for text in texts:
        words.append(Word(text, x, top, x + 8 * len(text), top + 10))
        x += 8 * len(text) + 6
    return words


def test_a_comment_merged_across_the_table_stays_in_its_first_column():
    header = [Word("Indicator", 5, 5, 60, 15), Word("2014/15", 105, 5, 150, 15), Word("2015/16", 205, 5, 250, 15)]
    comment = _row_words(["Comment:", "progress", "reduced", "as", "the", "families'", "needs", "grew"], 25)
    assert max(w.x1 for w in comment) > 200  # its words reach into the last column
    figures = [Word("Households", 5, 45, 60, 55), Word("30.8", 105, 45, 125, 55), Word("25.3", 205, 45, 225, 55)]
    grid = region_to_grid(_three_column_region(), header + comment + figures)
    assert grid is not None
    assert grid.rows[1][0].startswith("Comment:") and grid.rows[1][1:] == ["", ""]
    assert grid.rows[2] == ["Households", "30.8", "25.3"]


def test_a_short_group_heading_still_heads_the_columns_it_spans():
    # `Outturn` merged over the two year columns (the rule between them drawn below it only)
    horizontal = [Edge("h", y, 0.0, 300.0) for y in (0.0, 20.0, 40.0, 60.0)]
    vertical = [
        Edge("v", 0.0, 0.0, 60.0),
        Edge("v", 100.0, 0.0, 60.0),
        Edge("v", 200.0, 20.0, 60.0),
        Edge("v", 300.0, 0.0, 60.0),
    ]
    (region,) = edges_to_regions(horizontal, vertical, DEFAULT_SETTINGS.tables)
    words = [
        Word("Indicator", 5, 5, 60, 15),
        Word("Outturn", 170, 5, 230, 15),
        Word("2014/15", 105, 25, 150, 35),
        Word("2015/16", 205, 25, 250, 35),
        Word("Households", 5, 45, 60, 55),
        Word("30.8", 105, 45, 125, 55),
        Word("25.3", 205, 45, 225, 55),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    assert grid.rows[0] == ["Indicator", "Outturn", "Outturn"]


def test_gwynedd_comment_rows_do_not_start_a_new_table():
    page = _page("gwynedd_children_performance_2015_16")
    (table, *rest) = page_tables(page, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
    assert not rest  # the last comment row (a ruled region of its own) makes no table
    kinds = {c.label: c.meaning.kind for c in table.columns if c.role == "value"}
    assert kinds["2013/14"] == kinds["2014/15"] == kinds["2015/16"] == "actual"
    names = [row.cells[1] for row in table.rows if row.cells[2]]
    assert names[-1] == "Percentage of young people 16-18 not in education, work or training"
    assert any(row.cells[0].startswith("Comment:") and not any(row.cells[2:5]) for row in table.rows)


# -- value headers broken by a rotated header row too short for them ------------------------


@pytest.mark.parametrize(
    ("broken", "mended", "kind"),
    [
        ("Performance Targ et 2017 /18", "Performance Target 2017/18", "target"),
        ("Year End 2019/2 0", "Year End 2019/20", "actual"),
        ("Target 2019/2 0", "Target 2019/20", "target"),
    ],
)
def test_a_broken_value_header_is_mended(broken, mended, kind):
    assert mend_label(broken) == mended
    assert classify_header(mended).kind == kind


@pytest.mark.parametrize("label", ["Q1 2017/18", "Same period last year", "Statistical neighbours", "Target"])
def test_an_unbroken_value_header_is_kept(label):
    assert mend_label(label) == label


def test_rotated_headers_in_a_short_row_name_their_columns():
    for slug, expected in (
        ("darlington_year_end_2019_20_short_rotated", {"Year End 2019/20": "actual", "Target 2019/20": "target"}),
        (
            "darlington_q4_2017_18_merged_rotated",
            {"Performance Target 2017/18": "target", "Performance Year End 2016/17": "actual"},
        ),
    ):
        page = _page(slug)
        tables = page_tables(page, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
        labels = {c.label: c.meaning.kind for t in tables for c in t.columns if c.role == "value"}
        for label, kind in expected.items():
            assert labels.get(label) == kind, (slug, labels)


def test_inspect_still_shows_the_rotated_grid():
    page = _page("darlington_q4_2017_18_merged_rotated")
    (grid,) = page_grids(page, DEFAULT_SETTINGS.tables)
    assert grid.method == "ruled" and len(grid.columns) == 6
    assert any("Targ" in cell for cell in grid.rows[1])


# -- a previous-report column, and a table that crosses a page --------------------------------


def test_previous_report_heads_the_previous_period():
    assert classify_header("Previous report").kind == "previous_period"
    assert classify_header("Last update").kind == "previous_period"


def test_a_threshold_column_heads_targets():
    # Darlington's Excel scorecards print their target levels under `Threshold`
    assert classify_header("Threshold").kind == "target"


# (every truth row of the round-3 dev documents: tests/test_heldout_dev.py)


# -- header words met in the round-3 layouts ----------------------------------------------------


def test_a_welsh_family_column_is_the_statistical_neighbours():
    page = _page("gwynedd_children_performance_2015_16")
    (table,) = page_tables(page, DEFAULT_SETTINGS.tables, DEFAULT_SETTINGS.tables.min_value_columns)
    kinds = {c.label: c.meaning.kind for c in table.columns}
    assert kinds["Family (2015/16)"] == "statistical_neighbours"
    assert classify_header("Family average").kind == "statistical_neighbours"


@pytest.mark.parametrize("label", ["Welsh average 2016/17", "All Wales", "Wales average"])
def test_the_welsh_average_is_the_comparator_above_a_welsh_council(label):
    assert classify_header(label).kind == "regional"


@pytest.mark.parametrize(
    ("label", "period_type"),
    [
        ("Qtr 2 2017/18", "quarter"),
        ("Quarter 3 2018/19", "quarter"),
        ("Quarter 1", None),
        ("As at 31 Dec 2023", "point_in_time"),
    ],
)
def test_numbered_quarters_and_dated_columns_are_actuals(label, period_type):
    from extract.read.periods import parse_period

    meaning = classify_header(label)
    assert (meaning.role, meaning.kind, meaning.period_label) == ("value", "actual", label)
    if period_type:
        assert parse_period(label).type == period_type


def test_labels_run_together_across_the_header_are_not_spread_as_one_heading():
    # text set at an angle across a short header row reads as one run over every value column:
    # spread, it would head each of them with the same jumble (every column `England Average`)
    horizontal = [Edge("h", y, 0.0, 400.0) for y in (0.0, 20.0, 40.0)]
    vertical = [Edge("v", x, 0.0, 40.0) for x in (0.0, 100.0, 200.0, 300.0, 400.0)]
    (region,) = edges_to_regions(horizontal, vertical, DEFAULT_SETTINGS.tables)
    jumble = [Word("2014/15 Year 2015/16 Year 2016/17 Target England Average", 105, 5, 395, 15)]
    body = [
        Word("Households", 5, 25, 60, 35),
        Word("30.7%", 105, 25, 130, 35),
        Word("24%", 205, 25, 225, 35),
        Word("22.3%", 305, 25, 330, 35),
    ]
    grid = region_to_grid(region, jumble + body)
    assert grid is not None
    assert grid.rows[0][2].startswith("2014/15") and grid.rows[0][1] == grid.rows[0][3] == ""


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Y&H", "regional"),
        ("NW Average", "regional"),
        ("East of England", "regional"),
        ("EoE", "regional"),
        ("Yorks and Humber", "regional"),
        ("Eng", "national"),
        ("England", "national"),
    ],
)
def test_english_regions_printed_short_are_regional_comparators(label, kind):
    assert classify_header(label).kind == kind


@pytest.mark.parametrize("label", ["Southend", "Sept", "Network", "Seen"])
def test_words_beginning_like_a_region_are_not_comparators(label):
    assert classify_header(label).kind != "regional"
