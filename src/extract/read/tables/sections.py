"""Section titles a spreadsheet prints inside a table (`Wealthier Theme`, `BEING HEALTHY`): one run of
words on a line of its own, between the header and the rows or between two groups of rows. They are
rows of their own, never a header's words nor a row's name."""

from __future__ import annotations

from collections.abc import Callable

from extract.model import Line
from extract.read.kinds import classify_header
from extract.read.tables.cells import Span, is_value_like, line_height
from extract.settings import TableSettings

SECTION_LINES = 3  # section titles a spreadsheet prints between its header and its first row


def header_over_sections(
    lines: list[Line], k: int, settings: TableSettings, is_header: Callable[[Line], bool],
    columns: list[Span], names: set[int],
) -> int | None:
    """The header line above a few section title lines ending at `k` (each one run of words, tight
    under one another, starting in a column that holds no names: a line starting in the name column is
    a name wrapped over its row's values) that stand between a header and the body, or None."""
    j = k
    while j >= 0 and k - j < SECTION_LINES and len(lines[j].cells) == 1 and not is_value_like(lines[j].text) \
            and starts_outside_names(lines[j], columns, names):
        gap = (lines[j].top or 0) - (lines[j - 1].bottom or 0) if j > 0 else 0.0
        if gap > settings.row_gap_heights * line_height(lines[j]):
            return None
        j -= 1
    if j < 0 or j == k or not is_header(lines[j]):
        return None
    return j


def starts_outside_names(line: Line, columns: list[Span], names: set[int]) -> bool:
    """The line's first words start in a column that holds no names (a section title in the
    spreadsheet's first column, `No.` or `Theme`, running on over the name column)."""
    x0 = line.cells[0].x0 if line.cells else None
    if x0 is None:
        return False
    if columns and x0 < columns[0][0] - 2:
        return True  # left of the body's columns: a first column the rows leave empty
    first = next((c for c, (left, right) in enumerate(columns) if left - 2 <= x0 < right), None)
    return first is not None and first not in names


TITLE_WORDS = 8  # a sheet's title over the first columns
BANNER_WORDS = 6  # a banner is a sentence (`Objective 1 To have successful learners, ...`), not a group's label


def banner_rows(header: list[list[str]]) -> int:
    """Leading header rows that are a banner over the table, not labels of its columns: one run of
    words (six or more, naming no value or period) merged across at least half the columns, above
    the header proper (a plan's objective in a filled row over a scorecard). Read into every column's
    label, it would hide their own words (`Quarter 1 2010/11`)."""
    n = 0
    while n < len(header) - 1:
        row = header[n]
        filled = [t for t in row if t]
        if not filled:
            break
        text = max(set(filled), key=filled.count)
        words = len(text.split())
        across = 2 * filled.count(text) >= len(row) and words >= BANNER_WORDS and classify_header(text).role == "ignore"
        # a sheet's title in its first cell, run over the next ones (`... Corporate Plan 2018/2019: Performance
        # Report`): group labels never start over the names
        titled = len(row) > 2 and row[0] == row[1] == text and len(set(filled)) == 1 and words >= TITLE_WORDS
        if not (across or titled):
            break
        n += 1
    return n
