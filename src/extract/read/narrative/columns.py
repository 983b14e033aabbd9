"""Prose set side by side on a PDF page: a paragraph in the left column and another beside it (a
caption, a commentary box), wrapping over the same lines. Read line by line, each printed line
mixes the two (`... feel safe out` + `Q22. Percentage answering ...`); read column by column,
each paragraph is whole again."""

from __future__ import annotations

import re

from extract.model import Line

_ALIGNED = 3.0  # points: a column's lines start this close to one another
_PROSE_CELL = re.compile(r"[a-z]{3,}.*\s.*[a-z]{2,}|[a-z]{4,}[.,;:]?$")  # lower-case words, not a label or a figure


def _prose_cell(text: str) -> bool:
    return bool(_PROSE_CELL.search(text)) and not re.fullmatch(r"[\d\s.,%£+-]*", text)


def _side_by_side(upper: Line, lower: Line) -> bool:
    """Two lines each holding the same number (two or more) of prose runs, every run after the first
    starting where the one above it starts: the columns of a page's prose."""
    if len(upper.cells) < 2 or len(upper.cells) != len(lower.cells):
        return False
    if not all(_prose_cell(c.text) for c in (*upper.cells, *lower.cells)):
        return False
    return all(
        a.x0 is not None and b.x0 is not None and abs(a.x0 - b.x0) <= _ALIGNED
        for a, b in zip(upper.cells[1:], lower.cells[1:], strict=True)
    )


def prose_columns(lines: list[Line]) -> list[Line]:
    """The lines with every run of prose set side by side read column by column: the left column's
    lines, then the next column's (each a line of its own, so its top goes back up the page)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _side_by_side(lines[j], lines[j + 1]):
            j += 1
        if j == i:
            out.append(lines[i])
        else:
            run = lines[i : j + 1]
            for c in range(len(run[0].cells)):
                out.extend(Line((ln.cells[c],), ln.top, ln.bottom) for ln in run)
        i = j + 1
    return out
