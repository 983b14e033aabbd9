"""Narratives under status-titled names: a measure's name with its RAG word in brackets after it, and under
it a sentence or two about the measure (a council's web page of quarterly narratives):

    Electric Vehicle Charging Points (EVCP's) commissioned (cumulative) (Red)
    135 Electric Vehicle Charging Points were commissioned (installed and ready to use) this year,
    against a target of 156. Project delivery will continue into 2023/24, ...

The bracketed status word closing the name (on its line or alone on the next, when the name wraps) marks
the line as the measure's name, and the first sentence under it states the measure's result: its first
figure that is no date or period is the actual, a `target of N` in it the target. The sentence's other
figures (`comprising of 16 on-street hangars`, `9kg better than our target`) are parts or differences,
not the measure's value, and are left. A page needs two such names at least: one line ending in
`(Green)` is no layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import is_status

MIN_TITLES = 2
MAX_TITLE_WORDS = 25
_STATUS_END = re.compile(r"^(?P<name>.*?)\s*\((?P<status>[A-Za-z]{3,10})\)\s*$")
# a figure: thousands separators, decimals, a per cent sign; never part of a date or code (`2023/24`, `A1`)
_NUMBER = re.compile(r"(?<![\w/.,£$-])[£$]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![\w/])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# the first sentence: up to a full stop before the next capital (never a decimal point); the narrative
# reader's sentences() would drop a leading count as a paragraph number (`135 Electric Vehicle ...`)
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?=\s+[A-Z(]|$)|^.*$")
_TARGET_OF = re.compile(r"\btarget\s+(?:of\s+)?(?P<value>[£$]?\d[\d,]*(?:\.\d+)?%?)", re.I)


_MARKER = re.compile(r"[•●◦▪·*\-–—]+")  # a list item's bullet, in a cell of its own


def _one_cell(line: Line) -> str | None:
    """The line's text when it is one cell, a bullet cell before it apart (`•` | `Name (Green)`)."""
    cells = [c.text for c in line.cells]
    while len(cells) > 1 and _MARKER.fullmatch(cells[0].strip()):
        cells = cells[1:]
    return normalise_space(cells[0]) if len(cells) == 1 else None


def _status_title(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    """The name, its status word and the index of the title's last line, when line i starts one: the
    status closes line i, or the next line when the name wraps (`... traffic reduction` over `methods
    (Green)`, or `(Blue)` alone); a line ending a sentence starts no wrapped name."""
    text = _one_cell(lines[i])
    if text is None:
        return None
    m = _STATUS_END.match(text)
    end = i
    if not (m and m.group("name") and is_status(m.group("status"))):
        after = _one_cell(lines[i + 1]) if i + 1 < len(lines) else None
        if after is None or text.endswith((".", "!", "?", ";", ":")) or not _wraps_into(lines[i], lines[i + 1], after):
            return None
        m = _STATUS_END.match(f"{text} {after}")
        end = i + 1
    if not m or not m.group("name") or not is_status(m.group("status")):
        return None
    name = m.group("name").strip()
    if len(name.split()) > MAX_TITLE_WORDS or name.endswith((".", ":", ";")) or not re.search(r"[A-Za-z]{3}", name):
        return None
    return name, m.group("status"), end


def _wraps_into(line: Line, below: Line, after: str) -> bool:
    """The next line goes on with this one's name: the status alone (`(Blue)`) or words in lower case
    (`methods (Green)`), in the same type; a line in capitals under a heading is a name of its own."""
    if not (re.fullmatch(r"\([A-Za-z]{3,10}\)", after) or after[:1].islower()):
        return False
    if None in (line.top, line.bottom, below.top, below.bottom):
        return True
    high, low = line.bottom - line.top, below.bottom - below.top
    return abs(high - low) <= 0.15 * max(high, low)


def _titles(lines: list[Line], taken: frozenset[int]) -> list[tuple[int, str, str, int]]:
    """(first line, name, status, last line) of each status-titled name, in page order; the line under
    a name is its narrative's, never the start of the next name."""
    titles: list[tuple[int, str, str, int]] = []
    i = 0
    while i < len(lines):
        found = _status_title(lines, i) if i not in taken else None
        if found:
            titles.append((i, *found))
            i = found[2] + 2
        else:
            i += 1
    return titles


def _first_figure(sentence: str) -> str | None:
    for m in _NUMBER.finditer(sentence):
        token = m.group(0)
        if _YEAR.match(token):
            continue  # a year, `in 2023`
        return token
    return None


def status_titled_figures(
    page: Page, taken: frozenset[int] = frozenset(), previous: Page | None = None
) -> Iterator[tuple[RawFigure, set[int]]]:
    """Each titled narrative's actual (and target), with the page lines read for it (name and sentences).
    The names of the previous page count towards the layout's two: a list may end over a page break."""
    lines = page.lines
    titles = _titles(lines, taken)
    if not titles or len(titles) + (len(_titles(previous.lines, frozenset())) if previous else 0) < MIN_TITLES:
        return
    starts = [t[0] for t in titles] + [len(lines)]
    for (start, name, status, end), after in zip(titles, starts[1:], strict=True):
        body = [k for k in range(end + 1, after) if k not in taken and _one_cell(lines[k]) is not None]
        # the narrative: the lines right under the name, up to the next name or a line the page's tables took
        body = [k for n, k in enumerate(body) if k == end + 1 + n]
        if not body:
            continue
        first = _FIRST_SENTENCE.match(normalise_space(" ".join(_one_cell(lines[k]) or "" for k in body))).group(0)
        value = _first_figure(first)
        if value is None:
            continue
        used = set(range(start, end + 1)) | set(body)
        yield RawFigure(
            indicator_raw=name, value_raw=value, value_kind="actual", context=first, section=name,
            page=page.number, status=status, source="narrative", period=Period(None),
        ), used
        target = _TARGET_OF.search(first)
        if target and target.group("value") != value:
            yield RawFigure(
                indicator_raw=name, value_raw=target.group("value"), value_kind="target", context=first,
                section=name, page=page.number, source="narrative", period=Period(None),
            ), used
