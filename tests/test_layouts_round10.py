"""Issue 8, round 10 (held-out dev documents added before these rules): Welsh measure tables and Excel year-end
scorecards: a header cell saying the same thing in Welsh and English side by side with no slash, a `Q2 (half
year)` column, and rows boxed on their own under a ruled table (a spreadsheet's section rows merged across with
no borders cut the rules); each dev document's truth is checked by tests/test_heldout_dev.py."""

from __future__ import annotations

import pytest

from extract.model import Cell, Line, Page, Rule, Word
from extract.read.kinds import classify_header
from extract.read.tables.grid import page_grids, page_tables
from extract.settings import DEFAULT_SETTINGS

# -- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "role"),
    [("Mesur Measure", "name"), ("Dangosydd Indicator", "name"), ("Statws Status", "status"),
     ("CAG RAG", "status")],
)
def test_a_label_said_in_welsh_beside_english_reads_as_either_half(label, role):
    assert classify_header(label).role == role


@pytest.mark.parametrize("label", ["Measure owner", "Lead officer", "Indicator Target", "Measure Status"])
def test_a_label_whose_words_say_two_things_stays_unread(label):
    # (`Indicator Target` and `Measure Status` name two roles; an owner or an officer names none of ours)
    assert classify_header(label).role in ("ignore", "value")
    assert classify_header(label).role != "name"


def test_a_long_run_of_words_is_no_label_said_twice():
    label = "Measure " * 5 + "Indicator " * 5
    assert classify_header(label.strip()).role == "ignore"


def test_a_half_year_column_holds_the_half_year_actual():
    meaning = classify_header("Q2 (half year)")
    assert (meaning.role, meaning.kind, meaning.period_label) == ("value", "actual", "Q2 (half year)")
    assert classify_header("Half year target").kind == "target"  # a target stays a target


# -- rows boxed on their own under a ruled table -----------------------------------------------------------


def _boxed(rows: list[list[str]], top: float, xs: list[float], height: float = 14.0):
    """Rules and lines of a boxed grid: one row of cells per `rows` item, column edges at `xs`."""
    bottom = top + height * len(rows)
    rules = [Rule("h", xs[0], top + k * height, xs[-1], top + k * height) for k in range(len(rows) + 1)]
    rules += [Rule("v", x, top, x, bottom) for x in xs]
    return rules, [_line(texts, xs, top + k * height + 3) for k, texts in enumerate(rows)]


def _line(texts: list[str], xs: list[float], y: float) -> Line:
    cells = tuple(
        Cell(t, xs[c] + 2, xs[c] + 2 + 5 * len(t), (Word(t, xs[c] + 2, y, xs[c] + 2 + 5 * len(t), y + 8),))
        for c, t in enumerate(texts)
        if t
    )
    return Line(cells, y, y + 8)


XS = [40.0, 300.0, 360.0, 420.0]
TABLE = [
    ["Performance measure", "Target", "Half year"],
    ["Clean ups delivered", "90", "56"],
    ["Other activity delivered", "150", "509"],
]


def _page(below: list[list[str]], section: str | None, gap: float = 14.0) -> Page:
    rules, lines = _boxed(TABLE, 100.0, XS)
    top = 100.0 + 14.0 * len(TABLE)
    if section is not None:  # a title merged across, no borders: the rules stop above it and start again below
        lines.append(_line([section], XS, top + 3))
    more_rules, more_lines = _boxed(below, top + gap, XS)
    return Page(number=1, lines=lines + more_lines, rules=rules + more_rules)


def test_a_row_boxed_on_its_own_under_a_section_title_joins_the_table_above():
    page = _page([["Number of reportable incidents", "", "9"]], "2. Resources and well-being")
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert len(grids) == 1
    assert grids[0].rows[-2:] == [["2. Resources and well-being", "", ""], ["Number of reportable incidents", "", "9"]]
    (table,) = page_tables(page, DEFAULT_SETTINGS.tables, 2)
    row = next(r for r in table.rows if r.cells[0] == "Number of reportable incidents")
    assert row.cells[2] == "9"  # under `Half year`, where its cell sits


def test_a_row_boxed_far_below_the_table_stays_apart():
    page = _page([["Number of reportable incidents", "", "9"]], None, gap=200.0)
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert not any("Number of reportable incidents" in " ".join(r) for r in grids[0].rows)


def test_a_boxed_table_with_its_own_header_under_a_table_is_a_table_of_its_own():
    page = _page([["Indicator", "2019/20", "2020/21"], ["Re-referrals", "18%", "17%"]], "Part B")
    grids = page_grids(page, DEFAULT_SETTINGS.tables, 2)
    assert [g.rows[0][0] for g in grids] == ["Performance measure", "Indicator"]
