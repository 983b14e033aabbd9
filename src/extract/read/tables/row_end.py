"""A heading at the top of a page is no end of the previous page's last row.

The rest of a row the page broke is printed at the next page's top in the table's own type; a line set
larger than the rows of the table under it (`Neighbourhood Management` over its own `Performance Indicator |
2023 - 24 | 2022 - 23` table, a web page's section heading) heads that table.
"""

from __future__ import annotations

from statistics import median

from extract.model import Line
from extract.read.tables.headings import LARGER


def _size(line: Line) -> float | None:
    """The line's printed height (its type size); None for text input."""
    if line.top is None or line.bottom is None or not any(c.words for c in line.cells):
        return None
    return line.bottom - line.top


def heads_table_below(line: Line, lines: list[Line], top: float, bottom: float) -> bool:
    """`line` is set larger than the lines of the table between `top` and `bottom` (two at least)."""
    size = _size(line)
    if size is None:
        return False
    sizes = [s for ln in lines if top - 1 <= (ln.top or 0) and (ln.bottom or 0) <= bottom + 1
             and (s := _size(ln)) is not None]
    return len(sizes) >= 2 and size >= LARGER * median(sizes)
