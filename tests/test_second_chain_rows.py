"""Issue 8, round 24's second tool chain (Writer/Web, tests/heldout/dev_alt): a padded table's header repeated at the
top of a page over the empty rest of a row the page broke, or set over a single values line at a page's foot, is the
header (unruled_header.py _padded_header); a figure printed with its singular unit (`1 day`) is a figure, so its line
anchors a row (mappings/figure_words.csv); a heading's wrapped last word, alone on its line in the heading's type
(`... April 2022 – March` over `2023`), is no KPI tile's figure (tiles.py _heading_tail)."""

from __future__ import annotations

from extract.model import Line, Page
from extract.read.tables.tiles import kpi_tiles
from extract.read.tables.unruled_header import header_above
from extract.read.values import parse_cell
from extract.settings import DEFAULT_SETTINGS, TableSettings
from helpers import text_line

SETTINGS = TableSettings()
COLUMNS = [(41.0, 285.0), (297.0, 333.0), (348.0, 390.0)]


def line(top: float, *cells: tuple[float, str], height: float = 9.8) -> Line:
    return text_line(top, *cells, height=height, char=4.0, space=2.0)


def _rows(first_top: float) -> list[Line]:
    # rows padded ~29 pt apart (top to top), as Writer/Web prints an HTML table
    names = ("Number of urgent repairs completed", "Number of routine repairs completed",
             "Percentage of emergency repairs completed on time")
    return [line(first_top + 29.05 * k, (41, name), (297, f"{k + 1}0{k}"), (348, f"{k + 2}1{k}"))
            for k, name in enumerate(names)]


def test_a_header_repeated_over_the_empty_rest_of_a_broken_row_is_the_header():
    header = line(43.4, (41, "Performance Indicator"), (297, "2023 - 24"), (348, "2022 -23"), height=7.7)
    lines = [header, *_rows(101.5)]  # one padded row's height of nothing between them
    assert header_above(lines, 1, COLUMNS, {0}, SETTINGS, len(lines)) == (0, 1)
    title = line(43.4, (41, "Responsive Repairs"), height=7.7)  # a line over the names only is no header
    assert header_above([title, *_rows(101.5)], 1, COLUMNS, {0}, SETTINGS, 4) == (1, 1)


def test_a_header_over_a_single_values_line_at_the_page_foot_is_the_header():
    lines = [line(736.1, (54, "Responsive Repairs"), height=15.7),
             line(760.1, (41, "Performance Indicator"), (297, "2023 - 24"), (348, "2022 -23"), height=7.7),
             line(789.2, (41, "Number of emergency repairs completed"), (297, "3042"), (348, "2925"))]
    assert header_above(lines, 2, COLUMNS, {0}, SETTINGS, 3) == (1, 2)
    assert header_above(lines, 2, COLUMNS, {0}, SETTINGS) == (2, 2)  # (where the body ends unknown: as before)


def test_a_figure_with_its_singular_unit_is_a_figure():
    assert parse_cell("1 day").value == 1.0
    assert parse_cell("1 working day").value == 1.0
    assert parse_cell("1 week").value == 1.0


def _page(title_height: float) -> Page:
    text = [line(157.3 + 12 * k, (43, "This page shows progress for the set of performance indicators."), height=12.3)
            for k in range(6)]
    return Page(1, [line(101.0, (43, "Performance Indicators Report April 2022 – March"), height=title_height),
                    line(125.0, (43, "2023"), height=23.4), *text], 595.0, 842.0)


def test_a_headings_wrapped_last_word_is_no_tile():
    assert list(kpi_tiles(_page(23.4), DEFAULT_SETTINGS.blocks)) == []
    # a name in the text's type over a figure set large: a tile
    found = [figure.value_raw for figure, _ in kpi_tiles(_page(12.3), DEFAULT_SETTINGS.blocks)]
    assert found == ["2023"]
