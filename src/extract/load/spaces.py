"""A run of words the cell gap kept together, split where it holds a gap no space is that wide.

`line_to_cells` parts cells at a gap wider than `cell_gap` type heights. A renderer that pads its
columns narrowly (an HTML table with a few points of padding) leaves the gap between a figure and
the next column's word just under that (`1,210 Tracker`, `983 1,230`), and the two are one cell.
A word space is the same width all over a page set in one font (glyph boxes are font boxes), so
the page measures it: in its runs of three or more words, the narrowest gap of each run is a
space. A gap in a run wider than `column_space_factor` of those spaces (and than `min_column_space`
heights) is no space but a column's padding, and parts the run. Justified prose stretches every
gap of a line alike: a gap no wider than `column_space_factor` times its run's narrowest stays.
Only runs of two or more words are looked at (few on a page), so the cost is small.
Between two figures (`87.1% 91%` in columns padded by 4 pt) the gap parts the run from
`figure_space_factor` spaces: a space inside one cell seldom stands between two figures, and
those that do (`1 234`) are one space wide.
"""

from __future__ import annotations

import itertools
import re

from extract.model import Cell, Line, Word, make_cell, make_line
from extract.settings import PdfSettings

_MIN_SAMPLES = 3  # runs of three or more words a page needs before its word space is trusted
_FIGURE = re.compile(r"[-–(]?[£$€]?\d[\d,]*(?:\.\d+)?[%)]?")  # one figure, as printed in a cell


def page_space(lines: list[Line]) -> float | None:
    """The page's word space in type heights (the median over its runs of three or more upright
    words of the narrowest gap in each), or None when the page has too few such runs."""
    samples: list[float] = []
    for line in lines:
        for cell in line.cells:
            words = cell.words
            if len(words) >= 3 and set(map(type, words)) == {Word}:
                samples.append(min([(b.x0 - a.x1) / max(a.bottom - a.top, b.bottom - b.top, 1.0)
                                    for a, b in itertools.pairwise(words)]))
    if len(samples) < _MIN_SAMPLES:
        return None
    samples.sort()
    return samples[len(samples) // 2]


def split_padded_runs(lines: list[Line], settings: PdfSettings) -> list[Line]:
    """The page's lines with each run parted where a gap is a column's padding, not a space."""
    space = page_space(lines)
    if space is None or space <= 0:
        return lines
    factor = settings.column_space_factor
    floor = max(factor * space, settings.min_column_space)
    figures = (max(settings.figure_space_factor * space, settings.min_column_space), settings.figure_space_factor)
    if floor >= settings.cell_gap:
        floor = float("inf")  # (no gap under the cell gap is wider than that: only figures part)
    if figures[0] >= settings.cell_gap and floor == float("inf"):
        return lines  # (nothing to part)
    out = lines
    for n, line in enumerate(lines):
        if not any(len(c.words) > 1 and _wide_gap(c.words, min(floor, figures[0])) for c in line.cells):
            continue  # (the common line: no run with a gap that wide)
        cells: list[Cell] = []
        for cell in line.cells:
            cells.extend(_parts(cell, floor, factor, figures))
        if len(cells) > len(line.cells):
            if out is lines:
                out = list(lines)
            out[n] = make_line(tuple(cells), line.top, line.bottom)
    return out


def _wide_gap(words: tuple[Word, ...], floor: float) -> bool:
    """Whether a gap between two of the words is wider than `floor` of the taller's height."""
    return any(b.x0 - a.x1 > floor * max(a.bottom - a.top, b.bottom - b.top) for a, b in itertools.pairwise(words))


def _parts(cell: Cell, floor: float, factor: float, figures: tuple[float, float]) -> list[Cell]:
    words = cell.words
    if len(words) < 2 or set(map(type, words)) != {Word}:
        return [cell]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    sizes = [max(a.bottom - a.top, b.bottom - b.top, 1.0) for a, b in itertools.pairwise(words)]
    narrowest = min(g / s for g, s in zip(gaps, sizes, strict=True))
    figure = [bool(_FIGURE.fullmatch(w.text)) for w in words]
    limits = [figures if figure[k] and figure[k + 1] else (floor, factor) for k in range(len(gaps))]
    cuts = [
        k + 1 for k, (g, s, (low, times)) in enumerate(zip(gaps, sizes, limits, strict=True))
        if g > low * s and (len(gaps) == 1 or g > times * narrowest * s)
    ]  # fmt: skip
    if not cuts:
        return [cell]
    parts: list[Cell] = []
    for start, end in zip([0, *cuts], [*cuts, len(words)], strict=True):
        run = words[start:end]
        parts.append(make_cell(" ".join(w.text for w in run), run[0].x0, max(w.x1 for w in run), run))
    return parts
