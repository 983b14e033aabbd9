"""Section titles a spreadsheet prints inside a table (`Wealthier Theme`, `BEING HEALTHY`): one run of
words on a line of its own, between the header and the rows or between two groups of rows. They are
rows of their own, never a header's words nor a row's name."""

from __future__ import annotations

from collections.abc import Callable

from extract.model import Line
from extract.read.tables.cells import is_value_like, line_height
from extract.settings import TableSettings

SECTION_LINES = 3  # section titles a spreadsheet prints between its header and its first row


def header_over_sections(
    lines: list[Line], k: int, settings: TableSettings, is_header: Callable[[Line], bool]
) -> int | None:
    """The header line above a few section title lines ending at `k` (each one run of words, tight
    under one another) that stand between a header and the body, or None."""
    j = k
    while j >= 0 and k - j < SECTION_LINES and len(lines[j].cells) == 1 and not is_value_like(lines[j].text):
        gap = (lines[j].top or 0) - (lines[j - 1].bottom or 0) if j > 0 else 0.0
        if gap > settings.row_gap_heights * line_height(lines[j]):
            return None
        j -= 1
    if j < 0 or j == k or not is_header(lines[j]):
        return None
    return j
