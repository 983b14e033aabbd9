"""Sentences a page break cut: the prose lines that end a sentence at the top of a page go
back to the page where the sentence began, so the narrative reader sees it whole.

A PDF page is read on its own, and a sentence that runs over a page break reaches the
narrative reader as two fragments (`... compared to previous years (2022/23, 84.6% in 72hrs`
on one page, `with 59.1% engagement and ...).` on the next): neither says what its figures
measure. Where a page's last prose line stops mid-sentence and the next page opens with the
sentence's end (lower case, a figure or a bracket first, no table cells), those opening lines
move to the end of the page before, placed below its last line. Their figures are then read
on the page where their sentence begins (the page a reader is sent to). Tables are untouched:
only full-width single-run lines of prose move.
"""

from __future__ import annotations

import itertools
import re

from extract.model import Cell, Line, Page, Word
from extract.settings import PdfSettings

_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]*$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)
_CONTINUES = re.compile(r"^[a-z0-9(£$%]")


def join_broken_sentences(pages: list[Page], settings: PdfSettings) -> None:
    """Move the end of a sentence a page break cut to the page where it began (in place)."""
    for before, after in itertools.pairwise(pages):
        last = _last_prose(before, settings)
        if last is None or _SENTENCE_END.search(last.text) or not after.lines:
            continue
        take = _sentence_end(after, settings)
        if not take:
            continue
        # placed a line below the last line (readers expect a page's lines top-down)
        shift = 2 * (last.bottom or 0.0) - (last.top or 0.0) - (after.lines[0].top or 0.0)
        moved = [_shifted(line, shift) for line in after.lines[:take]]
        before.lines = [*before.lines, *moved]
        after.lines = after.lines[take:]
        before.cache.clear()
        after.cache.clear()


def _last_prose(page: Page, settings: PdfSettings) -> Line | None:
    """The page's last line unless a page number: a line of prose as wide as the text allows."""
    # (from the foot up: only the last line that is no page number is asked of)
    last = next((ln for ln in reversed(page.lines) if not _PAGE_NUMBER.match(ln.text)), None)
    if last is None or not _is_prose(last, page, settings):
        return None
    return last


def _sentence_end(page: Page, settings: PdfSettings) -> int:
    """How many of the page's first lines end the sentence the page before left open (0 if it
    does not open with one): prose lines up to the first that ends a sentence."""
    first = page.lines[0]
    if not _CONTINUES.match(first.text) or len(first.cells) != 1:
        return 0
    for k, line in enumerate(page.lines[: settings.sentence_join_lines]):
        if len(line.cells) != 1:
            return 0
        if _SENTENCE_END.search(line.text):
            return k + 1
        if not _is_prose(line, page, settings):
            return 0
    return 0


def _is_prose(line: Line, page: Page, settings: PdfSettings) -> bool:
    """A single run as wide as a share of the page's text, and at least half that share of the
    page (a landscape page may set its prose in a column narrower than half the page; a
    table's wrapped name is narrower still)."""
    if len(line.cells) != 1 or not page.width:
        return False
    cell = line.cells[0]
    width = (cell.x1 or 0.0) - (cell.x0 or 0.0)
    share = settings.prose_line_width
    # (half the page first: the page's text width reads every cell)
    return width >= share / 2 * page.width and width >= share * _text_width(page)


def _text_width(page: Page) -> float:
    """From the left edge of the page's text to its right edge (the page's width if it has none)."""
    edges = [(c.x0, c.x1) for ln in page.lines for c in ln.cells if c.x0 is not None and c.x1 is not None]
    if not edges:
        return page.width or 0.0
    return max(x1 for _, x1 in edges) - min(x0 for x0, _ in edges)


def _shifted(line: Line, dy: float) -> Line:
    cells = tuple(
        Cell(c.text, c.x0, c.x1, tuple(Word(w.text, w.x0, w.top + dy, w.x1, w.bottom + dy) for w in c.words))
        for c in line.cells
    )
    return Line(cells, (line.top or 0.0) + dy, (line.bottom or 0.0) + dy)
