"""Gutters: the x on a PDF page where a run of lines parts into two columns side by side (prose in
columns, small tables two across). An edge is where cells other than a line's first start on
several lines; a line crosses it when one of its cells runs over it."""

from __future__ import annotations

from collections import Counter

from extract.model import Line

ALIGNED = 3.0  # points: a column's lines start this close to one another and to the edge


def crosses(line: Line, edge: float) -> bool:
    return any(c.x0 is not None and c.x1 is not None and c.x0 < edge - ALIGNED and c.x1 > edge + ALIGNED
               for c in line.cells)  # fmt: skip


def line_parts(line: Line, edge: float) -> tuple[Line | None, Line | None]:
    """The line's cells left of the edge and from it on, each as a line of its own (None when empty)."""
    left = tuple(c for c in line.cells if (c.x0 or 0.0) < edge - ALIGNED)
    right = tuple(c for c in line.cells if (c.x0 or 0.0) >= edge - ALIGNED)
    return (Line(left, line.top, line.bottom) if left else None, Line(right, line.top, line.bottom) if right else None)


def line_part(line: Line, edge: float, right: bool) -> Line | None:
    """One of line_parts: the cells left of the edge, or from it on (`right`)."""
    cut = edge - ALIGNED
    cells = tuple(c for c in line.cells if ((c.x0 or 0.0) >= cut) is right)
    return Line(cells, line.top, line.bottom) if cells else None


def edges(lines: list[Line], min_lines: int) -> list[float]:
    """Where a cell other than a line's first starts on `min_lines` lines or more, most often first."""
    starts = Counter(round(c.x0) for ln in lines for c in ln.cells[1:] if c.x0 is not None)
    return [float(x) for x, n in starts.most_common() if n >= min_lines]
