"""Issue 8, round 2: a section title that overflows the first column of a ruled table, and a
value column headed by the council's own name."""

from __future__ import annotations

from extract.model import Word
from extract.read.kinds import classify_header
from extract.read.tables.groups import is_section_row
from extract.read.tables.ruled import Edge, Region, edges_to_regions, region_to_grid
from extract.settings import DEFAULT_SETTINGS

# a ruled table of three rows and three columns (x 0-100-200-300, y 0-20-40-60); the middle row's
# cells are merged across the width: its inner rules are not drawn
VERTICALS = [0.0, 100.0, 200.0, 300.0]
HORIZONTALS = [0.0, 20.0, 40.0, 60.0]


def _region(inner_rules_drawn_in_middle_row: bool) -> Region:
    horizontal = [Edge("h", y, 0.0, 300.0) for y in HORIZONTALS]
    vertical = [Edge("v", 0.0, 0.0, 60.0), Edge("v", 300.0, 0.0, 60.0)]
    for x in (100.0, 200.0):
        if inner_rules_drawn_in_middle_row:
            vertical.append(Edge("v", x, 0.0, 60.0))
        else:
            vertical += [Edge("v", x, 0.0, 20.0), Edge("v", x, 40.0, 60.0)]
    (region,) = edges_to_regions(horizontal, vertical, DEFAULT_SETTINGS.tables)
    return region


def _words() -> list[Word]:
    return [
        Word("Indicator", 5, 5, 50, 15),
        Word("Actual", 105, 5, 140, 15),
        Word("Target", 205, 5, 240, 15),
        # a section title running past the first column's border
        Word("Homelessness", 5, 25, 70, 35),
        Word("and", 73, 25, 90, 35),
        Word("housing", 93, 25, 130, 35),
        Word("advice", 133, 25, 165, 35),
        Word("Households", 5, 45, 60, 55),
        Word("87.6", 105, 45, 125, 55),
        Word("75.0", 205, 45, 225, 55),
    ]


def test_title_crossing_an_undrawn_rule_stays_in_its_cell():
    grid = region_to_grid(_region(inner_rules_drawn_in_middle_row=False), _words())
    assert grid is not None
    title = grid.rows[1]
    assert title[0] == "Homelessness and housing advice"
    assert is_section_row(title)  # the title spread over the column it crosses is still one title
    assert grid.rows[2] == ["Households", "87.6", "75.0"]


def test_rules_drawn_in_every_row_still_cut_cells():
    grid = region_to_grid(_region(inner_rules_drawn_in_middle_row=True), _words())
    assert grid is not None
    assert grid.rows[1][0] == "Homelessness and"  # each word in the cell its middle is in


def test_section_row_is_one_title_only():
    assert is_section_row(["Housing – private sector", "", ""])
    assert is_section_row(["Housing advice", "Housing advice", ""])
    assert not is_section_row(["Housing Services", "Homeless presentations", ""])
    assert not is_section_row(["", "2016/17", "2016/17"])


def test_a_column_headed_by_the_council_is_its_actual():
    for label in ("Haringey", "Haringey Council", "Kent County Council"):
        meaning = classify_header(label)
        assert (meaning.role, meaning.kind) == ("value", "actual"), label
    dated = classify_header("Harrow 15/16")
    assert (dated.role, dated.kind, dated.period_label) == ("value", "actual", "Harrow 15/16")
    # a council's name followed by other words names no column of figures
    assert classify_header("Haringey Road Services").role == "ignore"
    assert classify_header("Service Area").role == "ignore"


# A spreadsheet row too short for its wrapped text (LibreOffice keeps the stored row height) prints
# the text over the row's rules: the overflowing lines belong to the cell they continue.
def _two_row_region() -> Region:
    horizontal = [Edge("h", y, 0.0, 200.0) for y in (0.0, 12.0, 24.0, 36.0)]
    vertical = [Edge("v", x, 0.0, 36.0) for x in (0.0, 100.0, 200.0)]
    (region,) = edges_to_regions(horizontal, vertical, DEFAULT_SETTINGS.tables)
    return region


def test_a_wrapped_name_line_across_the_rule_stays_with_its_row():
    words = [
        Word("Measure", 5, 2, 50, 10),
        Word("Actual", 105, 2, 140, 10),
        Word("Rate", 5, 13, 30, 21),
        Word("4.12", 105, 14, 125, 22),
        # the name's second line crosses the rule at 24 and overprints the next row's name
        Word("per", 5, 22, 20, 30),
        Word("Carers", 5, 27, 40, 35),
        Word("78%", 105, 26, 125, 34),
    ]
    grid = region_to_grid(_two_row_region(), words)
    assert grid is not None
    assert grid.rows[1] == ["Rate per", "4.12"]
    assert grid.rows[2] == ["Carers", "78%"]


def test_a_header_line_printed_over_a_figure_continues_the_header():
    words = [
        Word("Measure", 5, 2, 50, 10),
        Word("Wales", 105, -4, 140, 3),  # over the table's top rule: still the header's
        Word("Average", 105, 3, 140, 11),
        Word("2016/17", 105, 12, 140, 20),  # printed over the row's figure
        Word("Rate", 5, 13, 30, 21),
        Word("4.76", 110, 12, 130, 20),
        Word("Carers", 5, 26, 40, 34),
        Word("77%", 110, 26, 130, 34),
    ]
    grid = region_to_grid(_two_row_region(), words)
    assert grid is not None
    assert grid.rows[0] == ["Measure", "Wales Average 2016/17"]
    assert grid.rows[1] == ["Rate", "4.76"]


def test_columns_headed_by_several_councils_are_a_benchmark_not_actuals():
    from extract.read.tables.table_model import build_columns

    own = build_columns(["Indicator", "Harrow 15/16", "Harrow 16/17", "England"])
    assert [c.meaning.kind for c in own] == [None, "actual", "actual", "national"]
    bench = build_columns(["Indicator", "Darlington", "Hartlepool", "Middlesbrough", "England"])
    assert [c.role for c in bench] == ["name", "ignore", "ignore", "ignore", "value"]
