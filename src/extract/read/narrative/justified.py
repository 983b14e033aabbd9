"""A justified line of a prose column, cut word by word, read as one run again.

A column of justified prose stretches the spaces of a short line to fill the column's width; in a
narrow column a line of a few long words gets spaces wider than the loader's cell gap, so each word
becomes a cell of its own (`adoption | (3%), | in | residential | schools | (2%), | in`) and the
narrative reader takes the line for a table's row and skips it, cutting its sentence in two.

Justification stretches every space of a line alike: a line whose gaps are all about as wide as
one another, which ends at the column's right edge (a justified line fills the column) and holds
more words than figures is one run of prose. A table's row has gaps of unlike widths (a name's
word spaces are narrow, the gaps before its figures wide) or few words. Only the lines of a column
of prose (columns.py) are asked of.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from extract.model import Line, Word, make_cell, make_line

_EVEN = 1.5  # the widest gap of a justified line is at most this many times its narrowest
_SENTENCE_SPACE = 2.5  # the space after a sentence's end: at most this many of the line's narrowest
_MIN_CELLS = 3  # a line cut into this many runs or more (two runs may be a name and its figure)
_EDGE = 3.0  # points: a justified line ends this close to the column's right edge
_WORD = re.compile(r"[A-Za-z]{3,}")  # a word, not a label such as `Q1`
_FIGURE = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]*$")


def rejoin_justified(lines: list[Line]) -> list[Line]:
    """The column's lines with each justified line cut word by word made one cell again."""
    # the column's right edge: where most of its lines end (a page number or a caption below the
    # column may reach further)
    ends = Counter(round(ln.cells[-1].x1) for ln in lines if ln.cells and ln.cells[-1].x1 is not None)
    if not ends:
        return lines
    right = float(ends.most_common(1)[0][0])
    out = lines
    for n, line in enumerate(lines):
        if _cut_justified(line, right):
            if out is lines:
                out = list(lines)
            words = tuple(w for c in line.cells for w in c.words)
            cell = make_cell(" ".join(w.text for w in words), words[0].x0, max(w.x1 for w in words), words)
            out[n] = make_line((cell,), line.top, line.bottom)
    return out


def _cut_justified(line: Line, right: float) -> bool:
    cells = line.cells
    if len(cells) < _MIN_CELLS or any(not c.words or set(map(type, c.words)) != {Word} for c in cells):
        return False
    if (cells[-1].x1 or 0.0) < right - _EDGE:
        return False  # (a justified line fills the column; a paragraph's last line is not cut)
    words = [w for c in cells for w in c.words]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    # (the space after a sentence's end may be set wider: it is not asked to be even)
    spaces = [g for g, a in zip(gaps, words, strict=False) if not _SENTENCE_END.search(a.text)]
    if not spaces or min(spaces) <= 0 or max(spaces) > _EVEN * min(spaces):
        return False
    if max(gaps) > _SENTENCE_SPACE * min(spaces):
        return False
    figures = sum(1 for c in cells if _FIGURE.search(c.text))
    return figures < len(cells) - figures and len(_WORD.findall(line.text)) >= 2
