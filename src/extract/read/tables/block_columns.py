"""Where a KPI block's column is among blocks side by side (blocks.py): the text layer of a second tool
chain may interleave the columns' lines, or run the titles of blocks side by side into one line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

INDENT = 12.0  # points: values may be set in from their title's left edge (a table cell's or a box's padding)
HANGING = 4 * INDENT  # points: how far left of its values a definition list's term (or a boxed name) may start


class _Span(Protocol):
    x0: float
    x1: float
    text: str


class _Line(Protocol):
    top: float | None
    bottom: float | None


def covered(cells: Sequence[_Span], line: _Line, x0: float, below_top: float | None, min_gap: float,
            gap: float) -> bool:
    """Words from left of the block's column (starting at x0) running on across it, as tight above the title
    as its own lines: titles of blocks side by side the text layer ran into one line (`Statutory ... within
    Statutory ... within` over `15 working days | 10 working days`)."""
    height = max((line.bottom or 0) - (line.top or 0), 1.0)
    return below_top is not None and below_top - (line.bottom or 0) <= min(gap * height, 1.8 * min_gap + 1.0) \
        and any(c.x0 < x0 - INDENT < x0 + INDENT < c.x1 and re.search("[A-Za-z]{3}", c.text) for c in cells)


def beside_only(cells: Sequence[_Span], x0: float) -> bool:
    """Words all well clear of the block's column (starting at x0), left or right: a line of the blocks
    beside only, their lines interleaved with this block's."""
    return bool(cells) and all(c.x1 <= x0 - INDENT or c.x0 >= x0 + HANGING for c in cells)
