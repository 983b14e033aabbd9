"""A box of captioned figures under a measure's heading: `Latest performance | Target` over `266 | 203`.

Measure pages print each measure as a heading, a paragraph defining it, then a small box whose cells
caption its figures by kind and hold the figures under the captions, maybe a period or a status word
under each figure:

    Juvenile first time offenders                      (a heading, set larger than the text)
    This measure is the number of young people ...     (its definition)
    Latest performance      Target
          266                 203
    October 2015 – September 2016   Not achieved

The box names no measure (no cell of it has a name): it is the heading's. Tiles (tiles.py) read such
captions over figures set much larger than the text; this reads them at any size, but only under a
heading: the nearest line above, within a block title's reach, set in a type larger than the lines
between it and the box, short and ending no sentence. With no such heading the figures are left.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from extract.model import Cell, Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import classify_header
from extract.read.periods import parse_period
from extract.settings import BlockSettings

_FIGURE = r"-?£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?"
_VALUE_ONLY = re.compile(rf"^\s*({_FIGURE})\s*$")
_FIGURE_IN = re.compile(r"\d")
HEADING_HEIGHT = 1.1  # a heading stands this many times the height of the lines between it and the box
HEADING_WORDS = 12  # a heading is short
PARAGRAPH_GAP = 0.8  # line heights: a wider gap above a line sets it apart from the one above


def _height(line: Line) -> float:
    return max((line.bottom or 0.0) - (line.top or 0.0), 0.0)


def _cells(line: Line) -> list[Cell]:
    return [c for c in line.cells if c.text.strip()]


def _captions(upper: list[Cell], lower: list[Cell]) -> list[tuple[str, str, str]] | None:
    """(caption, figure, kind) when each cell of `upper` is a kind's caption (`Target`, `Latest performance`)
    standing over one figure of `lower`, and the lines hold nothing else."""
    if not upper or len(upper) != len(lower):
        return None
    found = []
    for caption, value in zip(upper, lower, strict=True):
        m = _VALUE_ONLY.match(value.text)
        if m is None or _FIGURE_IN.search(caption.text):
            return None  # (the cheap tests first: most line pairs are prose, and a caption is classified)
        meaning = classify_header(caption.text)
        if meaning.role != "value" or meaning.kind is None:
            return None
        if caption.x0 is None or caption.x1 is None or value.x0 is None or value.x1 is None:
            return None
        if min(caption.x1, value.x1) - max(caption.x0, value.x0) <= 0:
            return None
        found.append((normalise_space(caption.text), m.group(1).strip(), meaning.kind))
    # one figure per kind: two `Latest` captions are two measures' boxes side by side
    return found if len({kind for _, _, kind in found}) == len(found) else None


def _gap(upper: Line, lower: Line) -> float:
    return (lower.top or 0.0) - (upper.bottom or 0.0)


def _title_shaped(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= HEADING_WORDS and not re.search(r"[.:;!?]$", text) and not _VALUE_ONLY.match(text)


def _heading(page: Page, caption_line: int, settings: BlockSettings) -> tuple[str, int] | None:
    """The heading naming the box: the line right above it, set larger than the page's usual lines and the
    captions, or the line above the one paragraph between (its lines set close, a gap wider than a
    paragraph's line spacing above it), set larger than that paragraph; short, with no sentence's end."""
    lines = page.lines
    k = caption_line - 1
    if k < 0:
        return None
    text = normalise_space(lines[k].text)
    usual = statistics.median(_height(ln) for ln in lines if _height(ln) > 0)
    if _height(lines[k]) >= HEADING_HEIGHT * max(usual, _height(lines[caption_line])):
        return (text, k) if _title_shaped(text) else None
    paragraph = [_height(lines[k])]
    while k > 0 and caption_line - k < settings.title_lines:
        spacing = PARAGRAPH_GAP * statistics.median(paragraph)
        if _gap(lines[k - 1], lines[k]) > spacing:
            break  # set apart: the line above the paragraph
        k -= 1
        paragraph.append(_height(lines[k]))
    k -= 1
    if k < 0 or caption_line - k > settings.title_lines:
        return None
    text = normalise_space(lines[k].text)
    if any(_VALUE_ONLY.match(c.text) for c in _cells(lines[k])):
        return None  # the figures of another box above
    tall = _height(lines[k]) >= HEADING_HEIGHT * statistics.median(paragraph)
    return (text, k) if tall and _title_shaped(text) else None


def _period_under(page: Page, figure_line: int, cell: Cell) -> Period | None:
    """The period printed under a figure (`October 2015 – September 2016`), else None."""
    if figure_line + 1 >= len(page.lines):
        return None
    under = [c for c in _cells(page.lines[figure_line + 1])
             if c.x0 is not None and c.x1 is not None and cell.x0 is not None and cell.x1 is not None
             and min(c.x1, cell.x1) - max(c.x0, cell.x0) > 0]
    text = normalise_space(" ".join(c.text for c in under))
    period = parse_period(text) if text else None
    return period if period is not None and period.end is not None else None


def caption_box_figures(page: Page, settings: BlockSettings, taken: frozenset[int]) -> Iterator[
        tuple[RawFigure, set[int]]]:
    """Each captioned box's figures under the heading that names them (module docstring), with the page
    lines the box took; lines already read as tiles or blocks (`taken`) are left."""
    lines = page.lines
    for i in range(1, len(lines)):
        if i in taken or i - 1 in taken:
            continue
        upper, lower = _cells(lines[i - 1]), _cells(lines[i])
        found = _captions(upper, lower)
        if found is None:
            continue
        heading = _heading(page, i - 1, settings)
        if heading is None:
            continue
        name, _ = heading
        used = {i - 1, i}
        for (caption, figure, kind), cell in zip(found, lower, strict=True):
            period = _period_under(page, i, cell) if kind == "actual" else None
            if period is not None:
                used.add(i + 1)
            yield (
                RawFigure(
                    indicator_raw=name,
                    value_raw=figure,
                    value_kind=kind,  # type: ignore[arg-type]
                    context=f"{caption} {figure}",
                    section=name,
                    period=period or Period(None),
                    page=page.number,
                    source="table",
                ),
                used,
            )
