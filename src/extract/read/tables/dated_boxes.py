"""Dashboard rows whose figure sits in a box at the right under its data date, the measure's name at the left.

A performance portal's plan page prints one bordered row per measure: the name (wrapped over one or more lines)
and a status word on the left, and at the right a box holding the date the figure is for (`30 Sep 18`), the big
figure under it, a short label and the status again. There is no header row and no label beside the figure, so
neither the table readers nor the tile readers see it, and the prose reader joins the name with the box's label.

Read here: a line holding only a dated period, then, just under it and in the same columns, a lone figure; the
row's name is the text left of the box from a line or two above the date down to the next such date or to a line
running across the page (a heading). Status words are dropped. Two such rows on a page at least (one alone could be
any figure under a date).

A renderer that drops the boxes' layout (issue 8: LibreOffice Writer/Web) stacks each row: the name and status on a
line, then the date, figure, label and status centred under it. A name that begins below the figure's line is then
the next row's and names nothing here; when no box has a name beside it, each box is named by the lines just over its
date (in the body's type, starting left of the box, under the box above).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.model import Cell, Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import is_status
from extract.read.periods import parse_period
from extract.read.tables.headings import HEADING_HEIGHT_FACTOR
from extract.read.values import infer_unit

_FIGURE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?")
_DATE_LIKE = re.compile(r"[A-Za-z]{3}.*\d|\d.*[A-Za-z]{3}")  # a month or quarter word with a year or day
_DIGIT = re.compile(r"\d")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_MIN_ROWS = 2
_ALIGNED = 12.0  # points: the boxes' left edges differ by no more than this (centred figures of any width)
_ABOVE = 2.0  # line heights: a name may start this far above its date line (a name centred on its row)
_STACKED = 3  # lines: a stacked row's name over its box wraps over this many at most


@dataclass(frozen=True)
class _Box:
    date: int  # index of the date line
    figure: int  # index of the figure's line
    cell: Cell  # the figure
    period: Period
    x0: float  # the box's left edge (the date's and figure's leftmost)


def _only_cell(line: Line) -> Cell | None:
    cells = [c for c in line.cells if c.text.strip()]
    return cells[0] if len(cells) == 1 else None


def _date_like(text: str) -> bool:
    """`_DATE_LIKE.search(text)`, in one pass over each line's text (the pattern's `.*` tries every
    start on a long line of prose with no digit): on a line with no line break, three letters and a
    digit anywhere are in one order or the other."""
    if "\n" in text:
        return _DATE_LIKE.search(text) is not None
    return _DIGIT.search(text) is not None and _THREE_LETTERS.search(text) is not None


def _dated(line: Line) -> Period | None:
    cell = _only_cell(line)
    if cell is None or cell.x0 is None or not _date_like(cell.text):
        return None
    period = parse_period(cell.text.strip())
    return period if period.start is not None and period.type != "unknown" else None


def _figure_under(page: Page, i: int, date: Cell) -> tuple[int, Cell] | None:
    """The lone figure in the date's columns on the next line or the one after it."""
    for j in range(i + 1, min(i + 3, len(page.lines))):
        for cell in page.lines[j].cells:
            if (_FIGURE.fullmatch(cell.text.strip()) and cell.x0 is not None and cell.x1 is not None
                    and date.x0 is not None and date.x1 is not None
                    and cell.x0 < date.x1 and date.x0 < cell.x1):  # fmt: skip
                return j, cell
    return None


def _boxes(page: Page) -> list[_Box]:
    found: list[_Box] = []
    for i, line in enumerate(page.lines):
        period = _dated(line)
        if period is None:
            continue
        date = _only_cell(line)
        under = _figure_under(page, i, date) if date is not None else None
        if under is None or date is None or date.x0 is None:
            continue
        j, cell = under
        found.append(_Box(i, j, cell, period, min(date.x0, cell.x0 or date.x0)))
    return found


def _height(page: Page) -> float:
    heights = sorted(ln.bottom - ln.top for ln in page.lines if ln.top is not None and ln.bottom is not None)
    return heights[len(heights) // 2] if heights else 10.0


def _name(page: Page, box: _Box, start: int, end: int, left: float) -> tuple[str, set[int]]:
    """The text left of the box on lines start..end-1 (status words dropped), and the lines of the row.

    A name beside its box begins beside the figure or above it; one beginning below the figure's line is the next
    row's (rows stacked name over box, as a renderer that drops the boxes' layout prints them): no name then.
    """
    parts: list[str] = []
    taken: set[int] = set()
    below = page.lines[box.figure].bottom
    for k in range(start, end):
        taken.add(k)
        for cell in page.lines[k].cells:
            text = cell.text.strip()
            if not text or cell.x1 is None or cell.x1 >= box.x0 or is_status(text):
                continue
            if _FIGURE.fullmatch(text) or (_DATE_LIKE.fullmatch(text) and parse_period(text).start is not None):
                return "", taken  # a figure or a date at the left: tiles side by side, not a name beside its box
            top = page.lines[k].top
            if not parts and below is not None and top is not None and top >= below:
                return "", taken  # the name starts under the figure: another row's
            parts.append(text)
    return normalise_space(" ".join(parts)), taken


def _across(line: Line, box_x0: float, left: float) -> bool:
    """A line running from the name's side into the box's columns: a heading or a paragraph, not the row's."""
    return any(c.x0 is not None and c.x1 is not None and c.x0 < left + (box_x0 - left) / 2 and c.x1 > box_x0
               for c in line.cells)


def _stacked_start(page: Page, box: _Box, floor: int, height: float, left: float) -> int:
    """The first of the lines just above the date holding the row's name when rows are stacked (name over box):
    lines starting nearer the page's left than the box, in the body's type, up to _STACKED of them, under the
    box above."""
    start = box.date
    while start > floor and box.date - start < _STACKED:
        line = page.lines[start - 1]
        first = next((c for c in line.cells if c.text.strip()), None)
        if (first is None or first.x0 is None or first.x0 >= left + (box.x0 - left) / 2 or line.top is None
                or line.bottom is None or line.bottom - line.top > HEADING_HEIGHT_FACTOR * height):  # fmt: skip
            break  # the box above's label or status (centred on it), a heading in a larger type, or a blank
        start -= 1
    return start


def _stacked_name(page: Page, start: int, date: int) -> str:
    parts = [c.text.strip() for k in range(start, date) for c in page.lines[k].cells]
    return normalise_space(" ".join(t for t in parts if t and not is_status(t)))


def _stacked_rows(page: Page, boxes: list[_Box], height: float) -> Iterator[tuple[str, set[int]]]:
    """Each box's name and lines when every row is stacked: the name over the box, the box's lines down to the
    next row's name."""
    left = min((c.x0 for ln in page.lines for c in ln.cells if c.x0 is not None), default=0.0)
    starts = [_stacked_start(page, box, boxes[n - 1].figure + 1 if n else 0, height, left)
              for n, box in enumerate(boxes)]
    for n, box in enumerate(boxes):
        end = starts[n + 1] if n + 1 < len(boxes) else len(page.lines)
        yield _stacked_name(page, starts[n], box.date), set(range(starts[n], end))


def _beside_rows(page: Page, boxes: list[_Box], height: float) -> Iterator[tuple[str, set[int]]]:
    """Each box's name (text left of it, or "") and the lines of its row."""
    left = min((c.x0 for ln in page.lines for c in ln.cells if c.x0 is not None), default=0.0)
    previous_end = 0
    for n, box in enumerate(boxes):
        top = page.lines[box.date].top
        start = box.date
        while (start > previous_end and top is not None and page.lines[start - 1].top is not None
               and page.lines[start - 1].top >= top - _ABOVE * height
               and not _across(page.lines[start - 1], box.x0, left)):  # fmt: skip
            start -= 1
        limit = boxes[n + 1].date if n + 1 < len(boxes) else len(page.lines)
        end = box.date + 1
        while end < limit and not _across(page.lines[end], box.x0, left):
            end += 1
        previous_end = end
        yield _name(page, box, start, end, left)


def _named(name: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3}", name))


def dated_box_rows(page: Page, taken_before: frozenset[int] = frozenset()) -> Iterator[tuple[RawFigure, set[int]]]:
    """Each dated box's figure named by the text left of it (or, every row stacked, over it), with the row's lines."""
    boxes = [b for b in _boxes(page) if b.date not in taken_before and b.figure not in taken_before]
    if len(boxes) < _MIN_ROWS or max(b.x0 for b in boxes) - min(b.x0 for b in boxes) > _ALIGNED:
        return  # the boxes stand in one column at the right, one under another
    height = _height(page)
    rows = list(_beside_rows(page, boxes, height))
    if not any(_named(name) for name, _ in rows):  # no name beside any box: rows stacked, each name over its box
        rows = list(_stacked_rows(page, boxes, height))
    for box, (name, lines) in zip(boxes, rows, strict=True):
        if not _named(name):
            continue
        value = box.cell.text.strip()
        context = " | ".join(page.lines[k].text for k in sorted(lines))
        figure = RawFigure(indicator_raw=name, value_raw=value, value_kind="actual", context=context,
                           period=box.period, page=page.number, section=name, source="table",
                           unit=infer_unit(value, name))  # (`72.0%`: printed; `0.53`: none)
        yield figure, lines
