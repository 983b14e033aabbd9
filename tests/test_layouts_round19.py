"""Round 19 (tests/heldout/README.md): a two-letter code run into its number before a name (`NI116`, `TC01`);
a footnote mark after a name; a box of kind captions over figures under the heading of its measure
(caption_boxes.py)."""

from __future__ import annotations

from extract.model import Cell, Line, Page
from extract.read.tables.caption_boxes import caption_box_figures
from extract.read.tables.wide import DEFAULT_CODE_RE, split_code, trim_name
from extract.settings import BlockSettings


def test_a_two_letter_code_run_into_its_number_leads_the_name():
    assert split_code("NI116 Proportion of children in poverty", DEFAULT_CODE_RE) == (
        "NI116", "Proportion of children in poverty")
    assert split_code("TC01 Under 18 conception RATE", DEFAULT_CODE_RE) == ("TC01", "Under 18 conception RATE")
    assert split_code("NI102b Achievement gap between pupils", DEFAULT_CODE_RE)[0] == "NI102b"
    # a key stage, or one digit (a chemical's), is the name's own
    assert split_code("KS22 Attainment", DEFAULT_CODE_RE)[0] is None
    assert split_code("CO2 Emissions per resident", DEFAULT_CODE_RE)[0] is None
    assert split_code("KS2 Reading, writing and maths", DEFAULT_CODE_RE)[0] is None


def test_a_footnote_mark_after_a_name_is_no_part_of_it():
    assert trim_name("Percentage of Contact Centre Customer Satisfaction *") == (
        "Percentage of Contact Centre Customer Satisfaction")
    assert trim_name("Children in care†") == "Children in care"
    assert trim_name("Number of 5* hotels") == "Number of 5* hotels"


def _line(cells: list[tuple[str, float, float]], top: float, height: float) -> Line:
    return Line(tuple(Cell(t, x0, x1) for t, x0, x1 in cells), top, top + height)


def _measure_page(heading_height: float = 11.0) -> Page:
    return Page(1, [
        _line([("Protecting the public", 51, 160)], 53, 10.3),
        _line([("Juvenile first time offenders", 51, 251)], 68, heading_height),
        _line([("This measure is the number of young people who receive their first reprimand", 51, 510)], 93, 9.3),
        _line([("counted over a rolling twelve months. A lower figure is better.", 51, 437)], 106, 9.3),
        _line([("Latest performance", 123, 215), ("Target", 400, 431)], 130, 9.4),
        _line([("266", 152, 186), ("203", 399, 432)], 144, 14.2),
        _line([("October 2015 – September 2016", 104, 235), ("Not achieved", 389, 442)], 165, 8.4),
        _line([("About the latest performance", 51, 204)], 176, 10.3),
        _line([("The number entering the justice system is higher than the target.", 51, 536)], 197, 9.3),
    ])


def test_captioned_figures_are_named_by_the_heading_above_their_box():
    got = {(f.indicator_raw, f.value_kind, f.value_raw, f.period.label)
           for f, _ in caption_box_figures(_measure_page(), BlockSettings(), frozenset())}
    assert got == {
        ("Juvenile first time offenders", "actual", "266", "October 2015 – September 2016"),
        ("Juvenile first time offenders", "target", "203", None),
    }


def test_captioned_figures_with_no_heading_above_are_left():
    # the heading set no larger than the definition under it: nothing names the box
    assert list(caption_box_figures(_measure_page(heading_height=9.3), BlockSettings(), frozenset())) == []
    # lines already read as a tile or a block are left
    assert list(caption_box_figures(_measure_page(), BlockSettings(), frozenset({4, 5}))) == []


def test_two_captions_of_one_kind_are_no_box():
    page = Page(1, [
        _line([("Children in care", 51, 200)], 60, 12.0),
        _line([("Latest", 60, 100), ("Latest", 300, 340)], 90, 9.3),
        _line([("81.0%", 60, 100), ("94.9%", 300, 340)], 104, 9.3),
    ])
    assert list(caption_box_figures(page, BlockSettings(), frozenset())) == []


def test_a_heading_right_above_the_captions_names_the_box():
    page = Page(1, [
        _line([("Children in care per 10,000", 51, 260)], 60, 12.5),
        _line([("Previous quarter", 60, 140), ("Latest", 200, 240), ("Target", 300, 340)], 78, 9.3),
        _line([("71.2", 80, 110), ("73.4", 205, 235), ("70", 305, 325)], 92, 9.3),
        _line([("The rate rose in the quarter as more children entered care than left it.", 51, 500)], 120, 9.3),
        _line([("Placements are reviewed each month by the service.", 51, 400)], 134, 9.3),
    ])
    got = {(f.indicator_raw, f.value_kind, f.value_raw)
           for f, _ in caption_box_figures(page, BlockSettings(), frozenset())}
    assert got == {
        ("Children in care per 10,000", "previous_period", "71.2"),
        ("Children in care per 10,000", "actual", "73.4"),
        ("Children in care per 10,000", "target", "70"),
    }
