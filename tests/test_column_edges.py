"""Tables as a second tool chain prints them (Word → HTML → Chromium, Excel → PDF), on synthetic lines
and rules as the loader gives them: header labels set one plain space apart over left-aligned columns,
each starting where its column's figures start; a ruled header whose column rules start a little above
the rule under a merged group cell and run past the outer rule; a padded row with one figure under the
header; rows under a boxed header that go on past a section title."""

from __future__ import annotations

from extract.model import Cell, Line, Page, Rule, Word
from extract.read.tables.grid import page_grids
from extract.read.tables.ruled import edges_to_regions, region_to_grid, rules_to_edges
from extract.read.tables.unruled import unruled_grids
from extract.settings import DEFAULT_SETTINGS
from helpers import text_line

HEIGHT = 10.0
SPACE = 2.5  # a plain space: less than the gap that parts two cells


def _run(top: float, parts: list[tuple[float, float, str]]) -> Cell:
    """One run of words: each part (x0, x1, text) its words spread over x0..x1, a plain space apart."""
    words: list[Word] = []
    for x0, x1, text in parts:
        runs = text.split()
        letters = sum(len(r) for r in runs)
        char = (x1 - x0 - SPACE * (len(runs) - 1)) / letters
        x = x0
        for run in runs:
            words.append(Word(run, x, top, x + char * len(run), top + HEIGHT))
            x += char * len(run) + SPACE
    return Cell(" ".join(p[2] for p in parts), words[0].x0, words[-1].x1, tuple(words))


def _cell(x0: float, text: str, top: float) -> Cell:
    return _run(top, [(x0, x0 + 4.5 * len(text), text)])


def _line(top: float, *cells: Cell) -> Line:
    return Line(tuple(cells), top, top + HEIGHT)


def test_labels_a_space_apart_part_at_their_columns_left_edges():
    starts = [176.0, 295.0, 414.0]
    header = [
        _line(140.0, _run(140.0, [(starts[0], starts[1] - SPACE, "Rate per 10,000"),
                                  (starts[1], starts[2] - 60.0, "With SEN support")]),
              _cell(starts[2], "Eligible for", 140.0)),
        _line(152.0, _cell(starts[0], "(31 March 2022)", 152.0), _cell(starts[1], "(2021)", 152.0),
              _cell(starts[2], "FSM (2021)", 152.0)),
    ]
    rows = [("County Durham", "372", "22%", "73%"), ("North East", "470.7", "20.2%", "65.2%"),
            ("Statistical neighbours", "444.8", "20.4%", "63.8%"), ("England", "334.3", "20.9%", "56.8%")]
    body = [_line(180.0 + 28.0 * i, _cell(57.0, name, 180.0 + 28.0 * i),
                  *(_cell(x, v, 180.0 + 28.0 * i) for x, v in zip(starts, values, strict=True)))
            for i, (name, *values) in enumerate(rows)]
    grids = unruled_grids(header + body, DEFAULT_SETTINGS.tables, 2)
    assert len(grids) == 1
    assert grids[0].rows[0] == ["", "Rate per 10,000 (31 March 2022)", "With SEN support (2021)",
                                "Eligible for FSM (2021)"]
    assert grids[0].rows[1] == ["County Durham", "372", "22%", "73%"]


def test_a_group_cell_merged_though_column_rules_start_just_above_its_rule():
    # outer rules at 45 and 75 with every column rule from 43.7 (drawn past the top one); the rule
    # under `Targets` at 59.8 spans its three columns, whose inner rules start at 58.7, above it
    xs = [0.0, 363.6, 433.5, 496.4, 559.3, 622.2]
    rules = [Rule("h", -1.0, 44.8, 623.0, 44.8), Rule("h", 432.4, 59.8, 623.3, 59.8),
             Rule("h", -1.0, 74.7, 623.0, 74.7)]
    rules += [Rule("v", x, 58.7 if x in (496.4, 559.3) else 43.7, x, 75.8) for x in xs]
    words = [Word("Targets", 511.6, 49.2, 544.1, 58.1), Word("Baseline", 380.0, 56.4, 417.1, 64.8),
             Word("2008/9", 451.2, 63.9, 478.7, 70.6), Word("2009/10", 511.6, 63.9, 544.2, 70.6),
             Word("2010/11", 574.5, 63.9, 607.1, 70.6), Word("Indicator", 1.0, 56.4, 40.0, 64.8)]
    h, v = rules_to_edges(rules, DEFAULT_SETTINGS.tables)
    (region,) = edges_to_regions(h, v, DEFAULT_SETTINGS.tables)
    grid = region_to_grid(region, words)
    assert grid is not None
    assert grid.rows[0] == ["", "", "Targets", "Targets", "Targets"]
    assert grid.rows[1] == ["Indicator", "Baseline", "2008/9", "2009/10", "2010/11"]


def test_a_padded_row_with_one_figure_is_a_row_not_a_header_line():
    # an Excel sheet printed without its grid: rows padded apart, the first row's only figure in one month
    cols = {"name": 10.0, "polarity": 220.0, "Apr-15": 280.0, "May-15": 330.0, "Jun-15": 380.0,
            "Jul-15": 430.0, "travel": 500.0}
    lines = [
        text_line(35.0, (380.0, "2015/16")),
        text_line(48.6, (cols["name"] + 60, "Indicator"), (cols["polarity"], "Polarity"),
                  *((cols[m], m) for m in ("Apr-15", "May-15", "Jun-15", "Jul-15")), (cols["travel"], "Direction"),
                  space=2.0),
        text_line(63.5, (cols["name"], "Number of notifications received"), (cols["polarity"], "Info"),
                  (cols["Jul-15"], "818"), space=2.0),
        text_line(78.3, (cols["name"], "Percentage completed in time"), (cols["polarity"], "High"),
                  (cols["Jun-15"], "56.3%"), (cols["Jul-15"], "63.7%"), (cols["travel"], "Improved"), space=2.0),
        text_line(93.2, (cols["name"], "First time entrants"), (cols["polarity"], "Low"),
                  (cols["Jun-15"], "583"), (cols["Jul-15"], "492"), (cols["travel"], "Improved"), space=2.0),
    ]
    grids = unruled_grids(lines, DEFAULT_SETTINGS.tables, 2)
    assert len(grids) == 1
    grid = grids[0]
    assert grid.header_rows == 1
    assert [label.split()[-1] for label in grid.rows[0][2:6]] == ["Apr-15", "May-15", "Jun-15", "Jul-15"]
    assert grid.rows[1] == ["Number of notifications received", "Info", "", "", "", "818", ""]
    assert grid.rows[2][0] == "Percentage completed in time"
    assert len(grid.rows) == 4


def test_rows_under_a_boxed_header_go_on_past_a_section_title():
    # a sheet whose header row alone is boxed: its rows run on under it, section titles between them
    xs = [0.0, 35.0, 244.7, 293.6, 370.5, 440.4, 510.3, 720.0]
    rules = [Rule("h", -1.0, 29.8, 721.0, 29.8), Rule("h", 369.4, 44.6, 511.4, 44.6),
             Rule("h", -1.0, 59.5, 721.0, 59.5)]
    rules += [Rule("v", x, 43.5 if x == 440.4 else 28.7, x, 60.6) for x in xs]
    lines = [
        text_line(3.0, (1.0, "Plan Performance Review 2006/07"), space=2.0),
        text_line(33.8, (424.1, "2006/07"), space=2.0),
        text_line(41.6, (1.0, "No."), (82.8, "Key performance indicator"), (252.4, "Good is"),
                  (313.5, "Baseline"), (591.9, "Comments"), space=2.0),
        text_line(49.0, (391.7, "Target"), (461.6, "Actual"), space=2.0),
        text_line(64.6, (1.0, "BEING HEALTHY"), space=2.0),
        text_line(78.4, (10.3, "1.1"), (36.0, "Obese children under 11"), (260.2, "Low"), (304.2, "4.6%"),
                  (375.9, "No target"), (467.4, "N/A"), space=2.0),
        text_line(93.2, (10.3, "1.2"), (36.0, "Schools achieving status"), (258.8, "High"), (324.9, "0%"),
                  (395.4, "60%"), (465.3, "55%"), space=2.0),
        text_line(109.3, (1.0, "STAYING ACTIVE"), space=2.0),
        text_line(123.0, (10.3, "2.1"), (36.0, "Pupils who travel actively"), (258.8, "High"), (317.7, "56.5%"),
                  (395.4, "58%"), (465.3, "66%"), space=2.0),
    ]
    page = Page(1, lines, 721.0, 135.0, rules)
    grids = page_grids(page, DEFAULT_SETTINGS.tables)
    assert len(grids) == 1
    rows = grids[0].rows[grids[0].header_rows:]
    assert [row[0] for row in rows][-2:] == ["STAYING ACTIVE", "2.1"]
    assert rows[-1][3:6] == ["56.5%", "58%", "66%"]
