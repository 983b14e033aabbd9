"""Round 12 layouts (tests/heldout/README.md): a name cell merged down over two rows of a ruled table,
KPIs written as lines of one spreadsheet cell with their figures stacked a line each, a bulleted
objective under a header, a sheet titled `... / Areas and targets` over bare-period columns."""

from __future__ import annotations

from extract.model import Word
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.tables.headers import header_row_count
from extract.read.tables.ruled import Region, region_to_grid
from extract.read.tables.table_model import Column, targets_by_title


def _word(text: str, x0: float, top: float, width: float = 20.0, height: float = 9.0) -> Word:
    return Word(text, x0, top, x0 + width, top + height)


def _value_column(index: int, label: str) -> Column:
    return Column(index, label, classify_header(label))


def test_a_name_merged_down_over_two_rows_names_both():
    # rules: rows at 0 / 20 / 40 / 60; the rule at 40 is not drawn across the first column (0-100)
    spans = ((0.0, 300.0),), ((0.0, 300.0),), ((100.0, 300.0),), ((0.0, 300.0),)
    region = Region([0.0, 20.0, 40.0, 60.0], [0.0, 100.0, 200.0, 300.0], 0.0, 0.0, 300.0, 60.0,
                    (((0.0, 60.0),),) * 4, spans)
    words = [
        _word("Measure", 5, 5), _word("2007", 110, 5), _word("2008", 210, 5),
        _word("Children", 5, 30), _word("looked", 30, 30), _word("after", 55, 30), _word("290", 110, 30),
        _word("March", 5, 42), _word("80", 210, 45),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    names = [row[0] for row in grid.rows]
    assert names[1] == names[2] == "Children looked after March"


def test_lines_of_one_cell_beside_figures_a_line_each_are_rows():
    region = Region([0.0, 20.0, 80.0], [0.0, 200.0, 260.0, 320.0], 0.0, 0.0, 320.0, 80.0)
    words = [
        _word("KPI", 5, 5), _word("04/05", 205, 5), _word("05/06", 265, 5),
        _word("Objective", 5, 24), _word("KPI", 60, 24),
        _word("First", 5, 36), _word("measure", 30, 36), _word("97", 205, 36), _word("100", 265, 36),
        _word("Second", 5, 48), _word("measure", 40, 48), _word("91", 205, 48), _word("95", 265, 48),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    assert [row for row in grid.rows if row[1]] == [
        ["KPI", "04/05", "05/06"], ["First measure", "97", "100"], ["Second measure", "91", "95"],
    ]


def test_a_count_in_brackets_under_its_percentage_stays_one_cell():
    region = Region([0.0, 20.0, 60.0], [0.0, 200.0, 260.0], 0.0, 0.0, 260.0, 60.0)
    words = [
        _word("Measure", 5, 5), _word("2010", 205, 5),
        _word("Placements", 5, 24), _word("stability", 60, 24), _word("45%", 205, 24), _word("with", 5, 36),
        _word("(12)", 205, 36),
    ]
    grid = region_to_grid(region, words)
    assert grid is not None
    assert len([row for row in grid.rows if row[1]]) == 2  # the header and one row


def test_a_bulleted_objective_under_a_header_is_a_section_not_a_header_line():
    rows = [
        ["Objective / KPI", "04/05", "05/06"],
        ["- To achieve 100% allocation of CPR, LAC KPI :", "", ""],
        ["% of CP cases allocated", "97", "100"],
    ]
    assert header_row_count(rows) == 1


def test_bare_periods_under_a_title_naming_targets_are_targets():
    columns = [Column(0, "KPI", HeaderMeaning("name")), _value_column(1, "04/05"), _value_column(2, "05/06")]
    kinds = [c.meaning.kind for c in targets_by_title(columns, "KEY PERFORMANCE INDICATORS / AREAS AND TARGETS")]
    assert kinds == [None, "target", "target"]


def test_a_title_naming_indicators_and_targets_or_a_plan_changes_nothing():
    columns = [Column(0, "KPI", HeaderMeaning("name")), _value_column(1, "2010/11")]
    for title in ("COUNCIL PLAN – APPENDIX ONE – Key Indicators & Targets", "Council Plan 2010"):
        assert targets_by_title(columns, title)[1].meaning.kind == "actual"


def test_a_table_with_target_columns_keeps_its_dated_columns_actual():
    columns = [Column(0, "KPI", HeaderMeaning("name")), _value_column(1, "2012/13"), _value_column(2, "Target")]
    assert targets_by_title(columns, "Performance and targets")[1].meaning.kind == "actual"


def test_the_councils_own_area_over_a_period_is_its_figure():
    meaning = classify_header("COUNTY 04/05")
    assert (meaning.role, meaning.kind) == ("value", "actual")
    assert classify_header("County").role != "value"
