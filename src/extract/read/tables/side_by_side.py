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
from extract.read.gutters import crosses, edges, line_part
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
    for edge in edges(lines, _MIN_ROWS + 1):
        i = 0
        while i < len(lines):
            end = i
            while end < len(lines) and not crosses(lines[end], edge):
                end += 1
            if end - i > 2 * _MIN_ROWS:
                # (the left side is asked first, on its own: most runs fail it, and their right sides go unmade)
                lefts = [line_part(ln, edge, right=False) for ln in lines[i:end]]
                if _is_table(lefts, right=False) and _is_table(
                        rights := [line_part(ln, edge, right=True) for ln in lines[i:end]], right=True):
                    return [lines[:i], [ln for ln in lefts if ln is not None],
                            [ln for ln in rights if ln is not None], lines[end:]]  # fmt: skip
            i = max(end, i + 1)
    return None
