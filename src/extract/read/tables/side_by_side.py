"""Unruled tables set side by side on a page: two small tables, each under its own title and
header (`Proportion of infants receiving a 6 to 8 week review` left, `... Ages and Stages
Questionnaire` right), whose rows may not even share their lines. Read line by line, each printed
line mixes both tables; read side by side, each table is whole again.

An edge is an x where a cell other than a line's first starts on several lines and which no text
of a run of lines runs across (the gutter). The run is two tables only when each side holds rows
of its own: lines of figures after a name (the right side's names are several and none a RAG word
or a symbol: a status column before more figures is one table's, not a table), and above its first
row a line of its own (a title or a header). A single table's column gaps fail one of these."""

from __future__ import annotations

from extract.model import Line
from extract.read.gutters import ALIGNED, edges, line_part
from extract.read.kinds import is_status
from extract.read.tables.cells import is_data_line, is_value_like

_MIN_ROWS = 2  # rows of figures on each side, at the least


def _named_rows(side: list[Line | None]) -> tuple[int, set[str], int | None]:
    """(rows of figures after a name, the names, the index of the first such row) of one side."""
    names: set[str] = set()
    count, first = 0, None
    for k, line in enumerate(side):
        if line is None or len(line.cells) < 2 or not is_data_line(line):
            continue
        name = line.cells[0].text.strip()
        if is_value_like(name) or not any(ch.isalpha() for ch in name):
            continue
        count += 1
        names.add(name)
        first = k if first is None else first
    return count, names, first


def _is_table(side: list[Line | None], right: bool) -> bool:
    count, names, first = _named_rows(side)
    if count < _MIN_ROWS or first is None:
        return False
    if right and (len(names) < _MIN_ROWS or any(is_status(n) for n in names)):
        return False
    return any(line is not None and not is_data_line(line) for line in side[:first])  # its own title or header


def side_by_side(lines: list[Line]) -> list[list[Line]] | None:
    """The lines split into the tables set side by side in them: [lines before, left side, right
    side, lines after] (each side may be split again), or None when no two tables stand side by side."""
    # each line's cells as (x0, x1), for `crosses` asked of every line at every edge; and its second
    # cell from the left and from the right (as line_part cuts them): a side's row has two cells on
    # its side of the edge (a name and a figure), so a run of lines where fewer than _MIN_ROWS lines
    # have two on each side holds no two tables, and its sides are not made (most runs of most pages)
    found = edges(lines, _MIN_ROWS + 1)
    if not found:
        return None
    spans = [[(c.x0, c.x1) for c in ln.cells if c.x0 is not None and c.x1 is not None] for ln in lines]
    seconds = [_second_starts(ln) for ln in lines]
    second_left, second_right = [s[0] for s in seconds], [s[1] for s in seconds]
    for edge in found:
        low, high = edge - ALIGNED, edge + ALIGNED  # (as crosses and line_part take them)
        crossed = [any(x0 < low and x1 > high for x0, x1 in cells) for cells in spans]
        i = 0
        while i < len(lines):
            end = i
            while end < len(lines) and not crossed[end]:
                end += 1
            if end - i > 2 * _MIN_ROWS and _two_cells_a_side(second_left[i:end], second_right[i:end], low):
                # (the left side is asked first, on its own: most runs fail it, and their right sides go unmade)
                lefts = [line_part(ln, edge, right=False) for ln in lines[i:end]]
                if _is_table(lefts, right=False) and _is_table(
                        rights := [line_part(ln, edge, right=True) for ln in lines[i:end]], right=True):
                    return [lines[:i], [ln for ln in lefts if ln is not None],
                            [ln for ln in rights if ln is not None], lines[end:]]  # fmt: skip
            i = max(end, i + 1)
    return None


def _second_starts(line: Line) -> tuple[float | None, float | None]:
    """Where the line's second cell from the left and second from the right start (None, None for a
    line of one cell): the line has two cells left of a cut when the first is left of it, two from it
    on when the second is at or right of it. A NaN (which sorts out of order) makes the line count on
    both sides of every cut."""
    starts = sorted([c.x0 or 0.0 for c in line.cells])
    if len(starts) < 2:
        return None, None
    if any(x != x for x in starts):
        return float("-inf"), float("inf")
    return starts[1], starts[-2]


def _two_cells_a_side(second_left: list[float | None], second_right: list[float | None], cut: float) -> bool:
    """Whether _MIN_ROWS lines or more have two cells left of the cut, and as many two from it on."""
    left = sum(1 for x in second_left if x is not None and x < cut)
    right = sum(1 for x in second_right if x is not None and x >= cut)
    return left >= _MIN_ROWS and right >= _MIN_ROWS
