"""Prose set in columns side by side on a PDF page: a two-column report, or a paragraph with a caption
or commentary box beside it. Read line by line, each printed line mixes the columns (`... feel safe
out` + `Q22. Percentage answering ...`); read column by column, each paragraph is whole again.

A column edge is an x where text starts on many lines and which no text on those lines runs across
(the gutter); the lines on both sides of it must be prose (lower-case words), so that a table's
name and figure columns are never taken apart."""

from __future__ import annotations

import re

from extract.model import Line
from extract.read.gutters import crosses, edges, line_parts
from extract.read.narrative.justified import rejoin_justified

_MIN_LINES = 2  # lines of prose on each side of an edge, at the least
_PROSE = re.compile(r"[a-z]{3,}")


def _prose(text: str) -> bool:
    """Words, not a label or a figure: two lower-case words of three letters or more."""
    return len(_PROSE.findall(text)) >= 2


def _apart(line: Line, edge: float) -> bool:
    """No text of the line runs across the edge, and text on both sides of it is prose on both (a
    table's row of a name and figures is not)."""
    if crosses(line, edge):
        return False
    left, right = line_parts(line, edge)
    return left is None or right is None or (_prose(left.text) and _prose(right.text))


def _run_end(lines: list[Line], start: int, edge: float) -> int:
    """The end of the run of lines from `start` set apart at `edge`."""
    end = start
    while end < len(lines) and _apart(lines[end], edge):
        end += 1
    return end


def _is_prose_columns(run: list[Line], edge: float) -> bool:
    """Two lines or more hold prose on both sides of the edge."""
    parts = [line_parts(ln, edge) for ln in run]
    return sum(1 for left, right in parts if left is not None and right is not None) >= _MIN_LINES


def prose_columns(lines: list[Line]) -> list[Line]:
    """The lines with every run of prose set side by side read column by column: the left column's
    lines, then the right column's (each a line of its own, so its top goes back up the page)."""
    for edge in edges(lines, _MIN_LINES):
        i = 0
        while i < len(lines):
            end = _run_end(lines, i, edge)
            run = lines[i:end]
            if end - i > _MIN_LINES and _is_prose_columns(run, edge):
                parts = [line_parts(ln, edge) for ln in run]
                # (a justified line of a column that the loader cut word by word is one run again)
                lefts = rejoin_justified([left for left, _ in parts if left is not None])
                rights = rejoin_justified([right for _, right in parts if right is not None])
                # (each side may hold columns of its own, and the lines around the run may too)
                return [*prose_columns(lines[:i]), *prose_columns(lefts), *prose_columns(rights),
                        *prose_columns(lines[end:])]  # fmt: skip
            i = max(end, i + 1)
    return lines
