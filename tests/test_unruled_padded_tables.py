"""Issue 8, a second tool chain (tests/heldout/dev_alt/README.md): LibreOffice Writer/Web prints an HTML table
unruled, its rows padded apart and its narrow cells wrapped. The line under the last row is that row's wrapped
name only as near as a wrapped cell's next line (read/tables/unruled.py _trim_tail); the header's rows are padded
as the body's, and a year span its column broke (`2012/1` over `3`) is a header label (unruled_header.py). A figure
it sets large enough for a tile keeps the range of dates under it as its period (tiles.py)."""

from __future__ import annotations

from extract.model import Line
from extract.read.tables.headers import header_cells, mend_label
from extract.read.tables.unruled import _trim_tail
from extract.read.tables.unruled_header import _year_tail, data_at, header_above
from extract.settings import TableSettings
from helpers import text_line

SETTINGS = TableSettings()


def line(top: float, *cells: tuple[float, str], height: float = 9.3, space: float = 2.0) -> Line:
    return text_line(top, *cells, height=height, char=4.0, space=space)


def _padded_rows(footnote_top: float) -> list[Line]:
    # Writer/Web's unruled table: rows padded ~28 pt apart, names wrapped 11.5 pt apart around their values
    return [
        line(303.6, (41, "Percentage of Contact Centre Customer Satisfaction *"), (320, "N/A"), (356, "90.6%")),
        line(332.0, (41, "Percentage of users satisfied with the overall quality of")),
        line(338.0, (320, "78.5%"), (356, "77%"), height=7.1),
        line(343.5, (41, "FifeDirect (SOCITM/Neilson user survey)")),
        line(372.0, (41, "Percentage of Solace/LGBF benchmarked indicators in the")),
        line(377.9, (320, "38.2%"), (356, "34.5%"), height=7.1),
        line(383.5, (41, "top half of all councils' performance")),
        line(footnote_top, (40, "* Contact Centre customer satisfaction survey."), height=8.0),
    ]


def test_a_footnote_a_row_pitch_under_the_last_wrapped_name_is_not_the_rows():
    lines = _padded_rows(410.1)
    assert _trim_tail(lines, 0, 5, len(lines), SETTINGS) == 7


def test_the_last_names_next_line_at_the_wrapped_pitch_stays():
    lines = _padded_rows(395.0)  # 11.5 pt under `top half of ...`: the name's next line
    assert _trim_tail(lines, 0, 5, len(lines), SETTINGS) == 8


COLUMNS = [(41.0, 301.0), (320.0, 348.0), (356.0, 384.0), (392.0, 421.0), (429.0, 457.0), (465.0, 504.0),
           (517.0, 537.0)]


def _padded_header() -> list[Line]:
    # the year row's cells wrap (`2012/1` over `3`, the spans written as one run over four columns) beside
    # `2016/17` centred between their lines; `Performance`, the name column's label, centred over both header rows
    return [
        line(235.2, (321, "2012/1 2013/1 2014/1 2015/1"), height=7.4, space=12.0),
        line(240.9, (472, "2016/17"), (518, "2016/17"), height=7.4),
        line(246.9, (334, "3"), (370, "4"), (406, "5"), (443, "6"), height=7.1),
        line(255.1, (148, "Performance"), height=7.3),
        line(275.1, (323, "Value"), (360, "Value"), (396, "Value"), (432, "Value"), (476, "Value"), (520, "Target")),
        line(303.6, (41, "Percentage satisfied *"), (320, "N/A"), (356, "90.6%"), (392, "79.2%"), (429, "75.6%"),
             (465, "-"), (517, "90%")),
        line(332.0, (41, "Percentage of users satisfied with")),
        line(338.0, (320, "78.5%"), (356, "77%"), (392, "69.1%"), (429, "67.7%"), (465, "65%"), (517, "80%"),
             height=7.1),
        line(343.5, (41, "FifeDirect")),
        line(372.0, (41, "Percentage of Solace/LGBF indicators")),
        line(377.9, (320, "38.2%"), (356, "34.5%"), (392, "46.3%"), (429, "52.55"), (517, "50%"), height=7.1),
        line(383.5, (41, "in the top half")),
    ]


def test_a_year_spans_last_digits_under_the_spans_a_column_broke_are_a_header_tail():
    lines = _padded_header()
    assert _year_tail(lines[2], lines[:2]) and not data_at(lines, 2)
    assert not _year_tail(lines[2], [line(235.2, (321, "Total Count"), height=7.4)])


def test_a_padded_header_row_over_the_next_is_the_headers():
    lines = _padded_header()
    start, end = header_above(lines, 5, COLUMNS, {0}, SETTINGS)
    assert (start, end) == (0, 5)
    labels = [mend_label(t) for t in header_cells(lines[start:end], COLUMNS)]
    assert labels == ["Performance", "2012/13 Value", "2013/14 Value", "2014/15 Value", "2015/16 Value",
                      "2016/17 Value", "2016/17 Target"]


def test_a_tiles_period_line_keeps_a_range_of_two_dates():
    # Lincolnshire's measure page in Writer/Web sets the figure large enough for a tile: the line under it is a
    # rolling year, `October 2015 – September 2016`, not a part ending `– September 2016`
    from extract.read.tables.tiles import _last_dated_part

    assert _last_dated_part("October 2015 – September 2016") == "October 2015 – September 2016"
    assert _last_dated_part("per 10,000 children, December 2018") == "December 2018"
    assert _last_dated_part("Rate – December 2018") == "December 2018"
    assert _last_dated_part("Q3 – 2017/18") == "2017/18"
