"""Running feet that print the page's number: page furniture, not the page's text.

A browser prints `https://… 2/4` at every page's foot, a spreadsheet `Page 3 of 12`, a slide
deck its title and the slide's number. Read as text, such a line ends the prose above it (a
sentence the page broke then reads `This is a continual increase https://… 2/4`, and `2` is
taken for its figure) and keeps the sentence's end on the next page from joining it. A line
is furniture when, among the last lines of most pages, a line of the same wording
(digits aside) stands at the same height and holds the page's own number (less a fixed offset
for the whole document: a deck's cover may be unnumbered). Such lines are dropped; a line
holding a number that is not the page's (a table's header or total), a share or a decimal, or
standing alone on its page, never is.
"""

from __future__ import annotations

import re
from collections import defaultdict

from extract.model import Line, Page

_DIGITS = re.compile(r"\d+")
_FIGURE = re.compile(r"%|\d[.,]\d")
_EDGE_LINES = 3  # lines at a page's top and foot where running heads and feet stand
_SAME_HEIGHT = 3.0  # points: a running line stands at the same height on every page
_MIN_PAGES = 3


def drop_numbered_furniture(pages: list[Page]) -> None:
    """Remove the running feet that hold the page number (in place)."""
    if len(pages) < _MIN_PAGES:
        return
    # (wording with digits blanked, offset of the page number, top or foot) -> [(page index, line)]
    seen: dict[tuple[str, int, bool], list[tuple[int, Line]]] = defaultdict(list)
    for k, page in enumerate(pages):
        number = page.number if page.number is not None else k + 1
        n = len(page.lines)
        # (feet only: a running head above a table the page continues is how the table reader
        # knows the page's top, and a sentence the page broke ends above the foot)
        edge = [(i, False) for i in range(max(1, n - _EDGE_LINES), n)]  # (under some text of the page's)
        for i, at_top in edge:
            line = page.lines[i]
            if _FIGURE.search(line.text):
                continue  # a share or a decimal is a figure of the page's, not furniture
            key = _DIGITS.sub("#", line.text)
            for offset in {int(d) - number for d in _DIGITS.findall(line.text) if len(d) <= 4}:
                seen[key, offset, at_top].append((k, line))
    drop: dict[int, set[int]] = defaultdict(set)
    for found in seen.values():
        on = {k for k, _ in found}
        if len(on) < max(_MIN_PAGES, len(pages) / 2):
            continue
        tops = sorted(line.top or 0.0 for _, line in found)
        middle = tops[len(tops) // 2]
        for k, line in found:
            if abs((line.top or 0.0) - middle) <= _SAME_HEIGHT:
                drop[k].add(id(line))
    for k, ids in drop.items():
        page = pages[k]
        page.lines = [line for line in page.lines if id(line) not in ids]
        page.cache.clear()
