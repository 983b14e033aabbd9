"""Issue 8, round 21 (held-out dev documents added before these rules): English children's services scorecards:
an Excel print whose pledge rows, merged across with no borders, cut the ruled table into regions of several rows
each, and a performance portal's measure page whose breadcrumb trail sits over the measure's name; each dev
document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

import pytest

from extract.model import Cell, Line, Page, Rule, Word
from extract.read.tables.grid import page_grids, page_tables
from extract.read.tables.tiles import BREADCRUMB
from extract.settings import DEFAULT_SETTINGS

XS = [40.0, 300.0, 360.0, 420.0]
HEADER_AND_ROWS = [
    ["Indicator", "Previous", "Q1 2018/19"],
    ["Women booked by 12 weeks", "76%", "89.5%"],
    ["Early years providers good or outstanding", "", "93%"],
]
BELOW = [["Schools good or outstanding", "89%", "86%"], ["Free school meals gap at key stage 2", "25.0%", "23.5%"]]


def _line(texts: list[str], xs: list[float], y: float) -> Line:
    cells = tuple(
        Cell(t, xs[c] + 2, xs[c] + 2 + 5 * len(t), (Word(t, xs[c] + 2, y, xs[c] + 2 + 5 * len(t), y + 8),))
        for c, t in enumerate(texts)
        if t
    )
    return Line(cells, y, y + 8)


def _boxed(rows: list[list[str]], top: float, xs: list[float], height: float = 14.0):
    bottom = top + height * len(rows)
    rules = [Rule("h", xs[0], top + k * height, xs[-1], top + k * height) for k in range(len(rows) + 1)]
    rules += [Rule("v", x, top, x, bottom) for x in xs]
    return rules, [_line(texts, xs, top + k * height + 3) for k, texts in enumerate(rows)]


def _page(below_xs: list[float], below: list[list[str]] = BELOW) -> Page:
    rules, lines = _boxed(HEADER_AND_ROWS, 100.0, XS)
    top = 100.0 + 14.0 * len(HEADER_AND_ROWS)
    lines.append(_line(["Pledge: Children are ready for work and adulthood"], XS, top + 3))  # merged, no borders
    more_rules, more_lines = _boxed(below, top + 14.0, below_xs)
    return Page(number=1, lines=lines + more_lines, rules=rules + more_rules)


def test_rows_boxed_under_a_section_title_on_the_same_columns_join_the_table_above():
    page = _page(XS)
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert len(grids) == 1
    assert grids[0].rows[-3:] == [["Pledge: Children are ready for work and adulthood", "", ""], *BELOW]
    (table,) = page_tables(page, DEFAULT_SETTINGS.tables, 2)
    row = next(r for r in table.rows if r.cells[0] == "Free school meals gap at key stage 2")
    assert row.cells[1:] == ["25.0%", "23.5%"]


def test_rows_boxed_on_other_columns_stay_apart():
    page = _page([40.0, 250.0, 330.0, 420.0])
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert not any("Schools good or outstanding" in " ".join(r) for r in grids[0].rows)


def test_a_boxed_table_with_its_own_header_on_the_same_columns_stays_a_table_of_its_own():
    page = _page(XS, [["Indicator", "2019/20", "2020/21"], ["Re-referrals", "18%", "17%"]])
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert [g.rows[0][0] for g in grids] == ["Indicator", "Indicator"]


@pytest.mark.parametrize(
    ("text", "trail"),
    [
        ("Home > Children and young people > Children's Safeguarding", True),
        ("Council > Performance > Children > Care leavers", True),
        ("Children in care > 2 years", False),  # one step: a name's words
        ("Pupils with 5 > A*-C grades > national average of 52% and above the regional figure of 49%", False),
    ],
)
def test_a_breadcrumb_trail_is_told_from_a_name(text, trail):
    assert bool(BREADCRUMB.fullmatch(text)) is trail
