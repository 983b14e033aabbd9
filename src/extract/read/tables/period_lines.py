"""A measure's results as `<period>: <figure>` lines under its name (a web page's indicator report):

    Reduction in the Council's Carbon Footprint
    Status: Green
    Current Target: 3550 tonnes (aim to minimise)
    • 2018/19: 4162 tonnes
    • 2019/20: 4065 tonnes

Two or more lines in a run, each one cell whose label before the colon is a period (`2018/19`,
`Q1 2021/22`: a dated column header's meaning, kinds.py) and whose text after it is one figure with
at most a unit word or two, or no figure at all (`Q4 2022/23: To be reported`). Each figure is that
period's value of the measure named by the line above the run's own `Label: text` lines (`Status:`,
`Current Target:`); a target line among those gives the measure's target. Lines joined into one
paragraph, these would be read as a sentence: each figure dated by the next line's period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import classify_header
from extract.read.periods import parse_period

MIN_RUN = 2  # period lines with a figure in a run: one alone is a sentence's or a block's
MAX_TITLE_WORDS = 20
_LABEL_LINE = re.compile(r"^\s*(?:[•●◦▪·*\-–—]\s*)?(?P<label>[^:]{2,40}?)\s*:\s+(?P<rest>\S.*?)\s*$")
# one figure, a unit word or two after it, then at most a bracketed note (`3550 tonnes (aim to minimise)`)
_FIGURE = re.compile(
    r"^(?P<value>[£$]?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?(?:\s+[A-Za-z]{1,12}){0,2})\s*(?:\([^()]*\))?$"
)
_SENTENCE_END = re.compile(r"[.:;]$")


_MARKER = re.compile(r"[•●◦▪·*\-–—]+")  # a list item's bullet, in a cell of its own


def _one_cell(line: Line) -> str | None:
    """The line's text when it is one cell, a bullet cell before it apart (`•` | `2018/19: 4162 tonnes`)."""
    cells = [c.text for c in line.cells]
    while len(cells) > 1 and _MARKER.fullmatch(cells[0].strip()):
        cells = cells[1:]
    return cells[0] if len(cells) == 1 else None


def _label_value(line: Line) -> tuple[str, str] | None:
    text = _one_cell(line)
    if text is None:
        return None
    m = _LABEL_LINE.match(text)
    return (normalise_space(m.group("label")), m.group("rest")) if m else None


def _dated(label: str) -> str | None:
    """The period a label is, when it is one and names no other kind (`2018/19`, `Q1 2021/22`)."""
    meaning = classify_header(label)
    if meaning.role != "value" or meaning.kind != "actual" or meaning.period_label is None:
        return None
    return label if parse_period(label).type != "unknown" else None


def _title(lines: list[Line], above: int) -> tuple[int, list[tuple[str, str]]] | None:
    """The measure's name line over the run, and the `Label: text` lines between them."""
    labelled: list[tuple[str, str]] = []
    k = above
    while k >= 0 and (pair := _label_value(lines[k])) is not None:
        if _dated(pair[0]) is not None:
            return None  # another run of period lines: no name between them
        labelled.append(pair)
        k -= 1
    if k < 0 or (text := _one_cell(lines[k])) is None:
        return None
    text = normalise_space(text)
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or _SENTENCE_END.search(text) or not re.search(r"[A-Za-z]{3}", text):
        return None
    return k, labelled


def period_line_figures(page: Page, taken: frozenset[int] = frozenset()) -> Iterator[tuple[RawFigure, set[int]]]:
    """Each run's figures, with the page lines read for them: the run and its labels; the name's line is
    left to the prose, where it heads the commentary under the run (`... was 54.3% against a target ...`)."""
    lines = page.lines
    i = 0
    while i < len(lines):
        run: list[tuple[int, str, str]] = []
        k = i
        while k < len(lines) and k not in taken and (pair := _label_value(lines[k])) and _dated(pair[0]):
            run.append((k, pair[0], pair[1]))
            k += 1
        figures = [(n, label, m.group("value").strip()) for n, label, rest in run if (m := _FIGURE.match(rest))]
        # every line a figure or none at all (`To be reported`): a line of words with a number is a sentence's
        if len(figures) < MIN_RUN or any(re.search(r"\d", rest) and not _FIGURE.match(rest) for _, _, rest in run):
            i = max(k, i + 1)
            continue
        named = _title(lines, i - 1)
        if named is None or any(n in taken for n in range(named[0], i)):
            i = k
            continue
        title_line, labelled = named
        title = normalise_space(_one_cell(lines[title_line]) or "")
        used = set(range(title_line + 1, k))
        for n, label, value in figures:
            yield RawFigure(
                indicator_raw=title, value_raw=value, value_kind="actual", context=lines[n].text,
                section=title, period=parse_period(label), page=page.number, source="table",
            ), used
        for label, rest in labelled:
            meaning = classify_header(label)
            if meaning.role == "value" and meaning.kind == "target" and (m := _FIGURE.match(rest)):
                period = parse_period(meaning.period_label) if meaning.period_label else Period(None)
                yield RawFigure(
                    indicator_raw=title, value_raw=m.group("value").strip(), value_kind="target",
                    context=f"{label}: {rest}", section=title, period=period, page=page.number, source="table",
                ), used
        i = k
