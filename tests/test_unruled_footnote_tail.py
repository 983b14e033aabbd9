"""Issue 8, a second tool chain (tests/heldout/dev_alt/README.md): the line under an unruled table's last row
is that row's wrapped name only as near as a wrapped cell's next line (read/tables/unruled.py _trim_tail)."""

from __future__ import annotations

from extract.model import Line
from extract.read.tables.unruled import _trim_tail
from extract.settings import TableSettings
from helpers import text_line

SETTINGS = TableSettings()


def line(top: float, *cells: tuple[float, str], height: float = 9.3) -> Line:
    return text_line(top, *cells, height=height, char=4.0, space=2.0)


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
