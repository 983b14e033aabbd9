"""A heading set larger than the paragraphs between it and the table under it.

Public performance pages put each indicator's name in a heading, then a paragraph or two about it,
then the indicator's small table (Angus Council Performs: the heading, two paragraphs, a screen
reader's line announcing the table, `ITEM | YEAR | VALUE | TARGET | ...`). The title reader
(table_model.title_above) looks three lines up and takes no sentence; this one walks further, over
lines of one type size (the body), to the first line set larger: the heading, with the lines of
its size right above it that it wraps from (under half a line apart: a list above the heading in a
like size stands further off). Only a table that needs a title and has none asks.
"""

from __future__ import annotations

from statistics import median

from extract.model import Cell, Line, normalise_space
from extract.read.tables.table_model import title_of
from extract.read.values import parse_cell

# a heading's line is this many times the body's line height at least (a larger type)
HEADING_HEIGHT_FACTOR = 1.4

REACH = 12  # lines of body text walked over at most
LARGER = 1.12  # a heading's type is this much larger than the body's (an 11 pt heading over 10 pt text is not)
SAME = 0.05  # lines of one heading are of one size


def _size(line: Line) -> float | None:
    """The line's height, top of its tallest glyph to the foot of its lowest: its type size as printed (a
    word's own height follows its letters, `of` shorter than `(SPI)`). None for text input."""
    if line.top is None or line.bottom is None or not any(c.words for c in line.cells):
        return None
    return line.bottom - line.top


def heading_above(lines: list[Line], index: int) -> str | None:
    """The name in the nearest heading above line `index`, over at least one line of body text."""
    body: list[float] = []
    k = index
    while k > 0 and len(body) < REACH:
        k -= 1
        size = _size(lines[k])
        if size is None:
            if lines[k].text.strip():
                return None  # text input: no type sizes to tell a heading by
            continue
        if body and size >= LARGER * median(body):
            return _joined_heading(lines, k, size)
        if sum(1 for c in lines[k].cells if parse_cell(c.text).value is not None) >= 2:
            return None  # another table's row: its heading is that table's, not this one's
        body.append(size)
    return None


def _joined_heading(lines: list[Line], last: int, size: float) -> str | None:
    """The heading ending on line `last`, with the lines of its size it wraps from (no gap wider than
    half a line between them)."""
    first = last
    while first > 0:
        above, below = lines[first - 1], lines[first]
        above_size = _size(above)
        if above_size is None or abs(above_size - size) > SAME * size:
            break
        gap = (below.top or 0) - (above.bottom or 0)
        if gap > 0.5 * ((above.bottom or 0) - (above.top or 0)):
            break  # (a wrapped heading's lines touch; a list above it in a like size stands half a line off)
        first -= 1
    if last - first >= 3:
        return None  # four lines and more of large type: a banner or a block of text, not a name
    text = normalise_space(" ".join(lines[i].text for i in range(first, last + 1)))
    joined = Line((Cell(text),), lines[first].top, lines[last].bottom)
    return title_of(joined)
