"""Round 24 (tests/heldout/README.md): a one-row strip boxed on top of a ruled table (read/tables/strips.py) and a
heading at a page's top over its own table, no end of the previous page's last row (read/tables/row_end.py)."""

from __future__ import annotations

from pathlib import Path

from extract.load import load_document
from extract.model import Cell, Line, Word
from extract.read.tables.find import tables_by_page
from extract.read.tables.row_end import heads_table_below
from extract.read.tables.ruled import Region
from extract.read.tables.strips import split_strips
from extract.settings import DEFAULT_SETTINGS

DEV = Path(__file__).parent / "heldout" / "dev"


def _region(verticals: list[tuple[float, list[tuple[float, float]]]], horizontals: list[float]) -> Region:
    return Region(
        horizontals, [x for x, _ in verticals], 36, horizontals[0], 726, horizontals[-1],
        tuple(tuple(spans) for _, spans in verticals), tuple(((36.0, 726.0),) for _ in horizontals),
    )


def test_a_strip_boxed_on_top_is_cut_off_and_left_to_the_lines():
    # `Objective | text` (a rule at 122 in the strip only) over a table ruled at 281 and 332 under it
    region = _region([(36, [(89, 159)]), (122, [(89, 101)]), (281, [(99, 159)]), (332, [(99, 159)]),
                      (726, [(89, 159)])], [89, 100, 110, 129, 147, 158])
    parts = split_strips(region, 3.0)
    assert [(p.top, p.bottom) for p in parts] == [(100, 158)]
    assert parts[0].verticals == [36, 281, 332, 726]


def test_a_group_row_sharing_a_column_rule_is_one_table():
    # `Indicator | 2016/17` merged over two columns: the rule after the name runs through both rows
    region = _region([(36, [(89, 159)]), (122, [(89, 159)]), (281, [(100, 159)]), (726, [(89, 159)])],
                     [89, 100, 110, 129, 147, 158])
    assert split_strips(region, 3.0) == [region]


def test_a_title_row_merged_across_cuts_nothing():
    region = _region([(36, [(89, 159)]), (122, [(100, 159)]), (281, [(100, 159)]), (726, [(89, 159)])],
                     [89, 100, 110, 129, 147, 158])
    assert split_strips(region, 3.0) == [region]


def test_objective_strips_over_pentana_tables_keep_whole_names():
    pdf = DEV / "west_dunbartonshire_strategic_plan_2016_17_objective_tables" / "document.pdf"
    document = load_document(pdf, pdf.parent)
    names = [row.cells[0] for _, table in tables_by_page(document.pages, DEFAULT_SETTINGS) for row in table.rows]
    assert "Number of businesses given advice and assistance to start up through Business Gateway" in names
    assert not any(name.startswith("Objective") for name in names)


def _line(text: str, top: float, bottom: float, x0: float = 40) -> Line:
    return Line((Cell(text, x0, x0 + 100, (Word(text, x0, top, x0 + 100, bottom),)),), top, bottom)


def test_a_larger_line_heads_the_table_below_it():
    rows = [_line("Performance Indicator", 65, 76), _line("Number of ASB cases recorded", 86, 98),
            _line("Number of evictions for ASB", 108, 120)]
    assert heads_table_below(_line("Neighbourhood Management", 39, 53), rows, 59, 125)
    assert not heads_table_below(_line("through Business Gateway", 40, 51), rows, 59, 125)


def test_a_heading_at_the_page_top_ends_no_row_of_the_page_before():
    pdf = DEV / "mansfield_housing_kpis_2023_24_latest_year_first" / "document.pdf"
    document = load_document(pdf, pdf.parent)
    names = [row.cells[0] for _, table in tables_by_page(document.pages, DEFAULT_SETTINGS) for row in table.rows]
    assert "Percentage of routine repairs completed on time" in names
    assert not any("Neighbourhood Management" in name for name in names)
