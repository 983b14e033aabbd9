"""KPI tiles: a title, a big figure and small labelled figures (`Target 85%`, `England 10%`) side by side.

Dashboards print each indicator as a tile: its name over a figure set much larger than the
text, maybe a period line between them, and labels under the figure. Tiles stand in rows, so
a line holding only big figures is a row of tiles; each figure's tile reaches halfway to the
figures on its left and right. A label's kind comes from the
header vocabulary (mappings/header_words.csv), as a column header's does, so `Stat neighbours`,
`North East` or `Same period last year` need no list of their own.

A tile captioned by a kind instead of a name (`Latest`, `Statistical neighbours 2017/18`, `Target`
over its figure) is one of the measure's figures: the measure is named by the heading set in a
larger type above the row of tiles, and the tile's caption gives the figure's kind and period.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from extract.model import Cell, Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import classify_header, is_status
from extract.read.periods import parse_period
from extract.read.tables.tile_sentences import read_tile_sentence
from extract.settings import BlockSettings

_FIGURE = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?"
_VALUE_ONLY = re.compile(rf"^\s*(£?{_FIGURE})\s*$")  # (pounds: `£1,078,929` heading a tile)
_LABELLED = re.compile(rf"([A-Za-z][A-Za-z '’/&.-]*?)\s*:?\s*({_FIGURE})(?![\w/.-])")
_FIGURE_IN = re.compile(r"\d")
_RAG = re.compile(r"(red|amber|green|on\s+target|off\s+target|improv\w*|declin\w*|stable)", re.I)
_PERIOD_WORDS = 5  # a period line is short (`2020/21 year end`, `Q3 2023/24`); a longer line is a title
# a web page's trail (`Home > Children and young people > Safeguarding`): navigation over a measure's
# name, never a word of it
BREADCRUMB = re.compile(r"[^>%]{1,50}(?:\s>\s[^>%]{1,50}){2,}")  # short steps, no figure
DATED_KINDS = {"actual", "target", "tolerance", "intervention", "forecast"}  # take the tile's period


@dataclass(frozen=True)
class _Tile:
    line: int
    x0: float  # the tile's reach: halfway to the figure on its left ...
    x1: float  # ... and halfway to the figure on its right
    figure: str


def _height(line: Line) -> float:
    return max((line.bottom or 0.0) - (line.top or 0.0), 0.0)


def _gap(upper: Line, lower: Line) -> float:
    return (lower.top or 0.0) - (upper.bottom or 0.0)


def _cell_objects_in(line: Line, x0: float, x1: float) -> list[Cell]:
    return [c for c in line.cells if c.text.strip() and c.x0 is not None and x0 <= c.x0 < x1]


def _cells_in(line: Line, x0: float, x1: float) -> list[str]:
    return [c.text.strip() for c in _cell_objects_in(line, x0, x1)]


def _tiles_on(page: Page, settings: BlockSettings) -> list[_Tile]:
    heights = [_height(ln) for ln in page.lines if _height(ln) > 0]
    if not heights:
        return []
    usual = statistics.median(heights)
    tiles: list[tuple[int, Cell]] = []
    for i, line in enumerate(page.lines):
        cells = [c for c in line.cells if c.text.strip()]
        if not cells or _height(line) < settings.tile_figure_height * usual:
            continue
        if not all(_VALUE_ONLY.match(c.text) and c.x0 is not None and c.x1 is not None for c in cells):
            continue  # a big heading, or a row with a name: not a row of tiles
        if i and _heading_tail(page.lines[i - 1], line, cells):
            continue
        for cell in cells:
            tiles.append((i, cell))
    return [_bounded(i, cell, tiles, page) for i, cell in tiles]


def _heading_tail(above: Line, line: Line, cells: list[Cell]) -> bool:
    """A figure alone on the line under a line of words in its own type size, as tight as the lines
    of one paragraph: a heading's wrapped last word (`Report April 2022 – March` over `2023`), no
    tile's figure, which stands much larger than its name."""
    height = _height(line)
    words = [c for c in above.cells if c.text.strip()]
    return len(cells) == 1 and bool(words) and not any(_VALUE_ONLY.match(c.text) for c in words) \
        and abs(_height(above) - height) <= 0.15 * height and _gap(above, line) <= 0.5 * height


def _bounded(i: int, cell: Cell, tiles: list[tuple[int, Cell]], page: Page) -> _Tile:
    """A figure's tile: halfway across the gap to the nearest figures left and right of it among
    the figures of its row, a row being the figures whose lines overlap its own (a title starts
    at its tile's edge, left of a centred figure; figures of one row may sit on different lines
    when their sizes or the labels under them differ)."""
    top, bottom = page.lines[i].top or 0.0, page.lines[i].bottom or 0.0
    row = [c for k, c in tiles if (page.lines[k].top or 0.0) < bottom and (page.lines[k].bottom or 0.0) > top]
    left = max((c.x1 for c in row if c.x1 <= cell.x0), default=None)  # type: ignore[operator]
    right = min((c.x0 for c in row if c.x0 >= cell.x1), default=None)  # type: ignore[operator]
    x0 = (left + cell.x0) / 2 if left is not None else float("-inf")  # type: ignore[operator]
    x1 = (cell.x1 + right) / 2 if right is not None else float("inf")  # type: ignore[operator]
    return _Tile(i, x0, x1, _VALUE_ONLY.match(cell.text).group(1).strip())  # type: ignore[union-attr]


def labelled_figures(text: str) -> list[tuple[str, str, str]] | None:
    """(label, figure, kind) of a cell that is labelled figures and nothing else, else None:
    `Target 10% England 10%` → target 10%, national 10%."""
    found = []
    for m in _LABELLED.finditer(text):
        label = normalise_space(m.group(1))
        meaning = classify_header(label)
        if meaning.role != "value" or meaning.kind is None:
            return None
        found.append((label, m.group(2).strip(), meaning.kind))
    rest = _LABELLED.sub(" ", text)
    return found if found and not re.search(r"[A-Za-z0-9]", rest) else None


def _title_and_period(page: Page, tile: _Tile, settings: BlockSettings) -> tuple[str, str | None, set[int]]:
    lines = page.lines
    title: list[str] = []
    used: set[int] = set()
    period = None
    for k in range(tile.line - 1, max(-1, tile.line - 1 - settings.title_lines), -1):
        # the gap to the next line of the page, whichever tile it belongs to: tiles in a row are
        # set on a common grid, so a short title leaves its column empty beside a longer one
        if _gap(lines[k], lines[k + 1]) > settings.tile_gap * max(_height(lines[k]), 1.0):
            break  # set apart: a heading
        texts = _cells_in(lines[k], tile.x0, tile.x1)
        if not texts:
            continue
        text = normalise_space(" ".join(texts))
        if any(_VALUE_ONLY.match(t) or labelled_figures(t) for t in texts) or BREADCRUMB.fullmatch(text):
            break  # the figures of the tile above, or the page's trail over the measure's name
        if not title and period is None and len(text.split()) <= _PERIOD_WORDS and parse_period(text).type != "unknown":
            period = text
        else:
            title.insert(0, text)
        used.add(k)
    return normalise_space(" ".join(title)), period, used


def _label_kind(text: str) -> str | None:
    """The kind a caption names when it stands alone (`Target`, `Previous quarter`), else None."""
    meaning = classify_header(text)
    return meaning.kind if meaning.role == "value" and not _FIGURE_IN.search(text) else None


def _captions_over_figures(upper: list[Cell], lower: list[Cell]) -> list[tuple[str, str, str]] | None:
    """Captions on one line over their figures on the next (`Target  Previous` over `85%  80%`)."""
    if not upper or len(upper) != len(lower):
        return None
    found = []
    for caption, value in zip(upper, lower, strict=True):
        kind = _label_kind(caption.text)
        m = _VALUE_ONLY.match(value.text)
        overlap = min(caption.x1 or 0.0, value.x1 or 0.0) - max(caption.x0 or 0.0, value.x0 or 0.0)
        if kind is None or m is None or overlap <= 0:
            return None
        found.append((normalise_space(caption.text), m.group(1).strip(), kind))
    return found


def _labels_below(page: Page, tile: _Tile, settings: BlockSettings) -> tuple[list[tuple[str, str, str]], set[int]]:
    found: list[tuple[str, str, str]] = []
    used: set[int] = set()
    k = tile.line + 1
    while k < min(len(page.lines), tile.line + 1 + settings.title_lines):
        line = page.lines[k]
        if _gap(page.lines[k - 1], line) > settings.tile_gap * max(_height(line), 1.0):
            break  # set apart: a note under the tiles
        cells = _cell_objects_in(line, tile.x0, tile.x1)
        k += 1
        if not cells:
            continue
        texts = [c.text.strip() for c in cells]
        if all(is_status(t) or _RAG.fullmatch(t) for t in texts):
            used.add(k - 1)  # a RAG word or trend arrow beside the figure: no figure of its own
            continue
        pairs = [labelled_figures(t) for t in texts]
        if all(pairs):
            found.extend(p for pair in pairs for p in pair or [])
            used.add(k - 1)
            continue
        below = _cell_objects_in(page.lines[k], tile.x0, tile.x1) if k < len(page.lines) else []
        captions = _captions_over_figures(cells, below)
        if captions is None:
            break  # the title of the tile below
        found.extend(captions)
        used |= {k - 1, k}
        k += 1
    return found, used


def _caption(page: Page, tile: _Tile, settings: BlockSettings) -> tuple[str, int] | None:
    """The line right above a tile's figure when it names a kind, not a measure (`Latest`, `Target`,
    `Statistical neighbours 2017/18`), and the line's index; a bare period over the figure is the
    period line of a named tile, not a caption."""
    k = tile.line - 1
    if k < 0 or _gap(page.lines[k], page.lines[tile.line]) > settings.tile_gap * max(_height(page.lines[k]), 1.0):
        return None
    text = normalise_space(" ".join(_cells_in(page.lines[k], tile.x0, tile.x1)))
    meaning = classify_header(text)
    if not text or meaning.role != "value" or meaning.kind is None:
        return None
    if meaning.kind == "actual" and parse_period(text).type != "unknown":
        return None  # `2020/21 year end`, `Q3 2023/24`: a period line
    above = page.lines[k - 1] if k else None
    if above is not None and _cells_in(above, tile.x0, tile.x1) and (
        _gap(above, page.lines[k]) <= settings.tile_gap * max(_height(above), 1.0)
    ):
        return None  # the last line of the tile's own title (`Children in care per 10,000` over `Latest`)
    return text, k


def _heading_above(page: Page, line: int, settings: BlockSettings) -> str | None:
    """The nearest line above `line`, within a title's reach, set in a type larger than the page's usual
    lines: the heading that names the measure whose figures the captioned tiles under it are."""
    heights = [_height(ln) for ln in page.lines if _height(ln) > 0]
    usual = statistics.median(heights) if heights else 0.0
    for k in range(line - 1, max(-1, line - 1 - settings.title_lines), -1):
        ln = page.lines[k]
        if _height(ln) >= settings.tile_heading_height * usual and not _VALUE_ONLY.match(ln.text):
            return normalise_space(ln.text)
    return None


def _period_below(page: Page, tile: _Tile) -> Period | None:
    """The dated last part of the line under a captioned tile's figure (`per 10,000 children, December 2018`)."""
    if tile.line + 1 >= len(page.lines):
        return None
    text = normalise_space(" ".join(_cells_in(page.lines[tile.line + 1], tile.x0, tile.x1)))
    period = parse_period(_last_dated_part(text)) if text else None
    return period if period is not None and period.end is not None else None


def _last_dated_part(text: str) -> str:
    """The line's last part after a comma, bar or dash; a dash between two dates is a range's
    (`October 2015 – September 2016`, a rolling year), not a part's end."""
    parts = re.split(r"\s*[,|]\s*", text)[-1].split("–")
    last = parts[-1].strip()
    if len(parts) == 2 and _dated(parts[0]) and _dated(last):
        return f"{parts[0].strip()} – {last}"
    return last


def _dated(text: str) -> bool:
    period = parse_period(text.strip())
    return period.end is not None and period.start is not None


def _captioned(page: Page, tile: _Tile, settings: BlockSettings) -> tuple[RawFigure, set[int]] | None:
    """A tile captioned by a kind under a heading naming its measure (module docstring)."""
    found = _caption(page, tile, settings)
    heading = _heading_above(page, found[1], settings) if found else None
    if found is None or heading is None:
        return None
    caption, k = found
    meaning = classify_header(caption)
    below = None if meaning.period_label else _period_below(page, tile)
    period = parse_period(meaning.period_label) if meaning.period_label else below
    figure = RawFigure(
        indicator_raw=heading,
        value_raw=tile.figure,
        value_kind=meaning.kind,  # type: ignore[arg-type]
        context=f"{caption} {tile.figure}",
        section=heading,
        period=period or Period(None),
        page=page.number,
        source="table",
    )
    return figure, {k, tile.line} | ({tile.line + 1} if below is not None else set())


def kpi_tiles(page: Page, settings: BlockSettings) -> Iterator[tuple[RawFigure, set[int]]]:
    """Each tile's figures, with the page lines the tile took (its title, period, figure and labels)."""
    for tile in _tiles_on(page, settings):
        captioned = _captioned(page, tile, settings)
        if captioned is not None:
            yield captioned
            continue
        title, period_text, title_lines = _title_and_period(page, tile, settings)
        if not title:
            yield from _figure_over_sentence(page, tile, settings)  # else no name: cannot be told apart
            continue
        labels, label_lines = _labels_below(page, tile, settings)
        period = parse_period(period_text) if period_text else Period(None)
        lines = {tile.line} | title_lines | label_lines
        context = " | ".join([tile.figure] + [f"{label} {figure}" for label, figure, _ in labels])
        seen: set[str] = set()
        for _label, figure, kind in [("", tile.figure, "actual"), *labels]:
            if kind in seen:
                continue  # one figure per kind: a second `Target` is a neighbour's
            seen.add(kind)
            yield (
                RawFigure(
                    indicator_raw=title,
                    value_raw=figure,
                    value_kind=kind,  # type: ignore[arg-type]
                    context=context,
                    section=title,
                    period=period if kind in DATED_KINDS else Period(None),
                    page=page.number,
                    source="table",
                ),
                lines,
            )


def _figure_over_sentence(page: Page, tile: _Tile, settings: BlockSettings) -> Iterator[tuple[RawFigure, set[int]]]:
    """A tile with no name above its figure whose figure heads the sentence under it (tile_sentences.py)."""
    texts: list[str] = []
    used: set[int] = set()
    for k in range(tile.line + 1, min(len(page.lines), tile.line + 1 + settings.title_lines)):
        if _gap(page.lines[k - 1], page.lines[k]) > settings.tile_gap * max(_height(page.lines[k]), 1.0):
            break  # set apart: no part of the tile
        cells = _cells_in(page.lines[k], tile.x0, tile.x1)
        if not cells or any(_VALUE_ONLY.match(t) for t in cells):
            break  # the tile's end, or the figures of the row of tiles below
        texts.extend(cells)
        used.add(k)
    sentence = read_tile_sentence(" ".join(texts)) if texts else None
    if sentence is None:
        return
    lines = {tile.line} | used
    context = normalise_space(f"{tile.figure} {' '.join(texts)}")
    for figure, kind, period in ((tile.figure, "actual", sentence.period), *sentence.others):
        yield (
            RawFigure(
                indicator_raw=sentence.name,
                value_raw=figure,
                value_kind=kind,  # type: ignore[arg-type]
                context=context,
                section=sentence.name,
                period=parse_period(period) if period else Period(None),
                page=page.number,
                source="table",
            ),
            lines,
        )


_NOTE_WORDS = 5  # a comment under a block's name is a sentence at least this long


def drop_note(title: list, sentence_end: re.Pattern[str]) -> list:
    """A name, a sentence of comment, then the values: the comment (the last paragraph, a capital after a
    line ending no sentence, and a sentence's end) is no part of the name. A KPI's name is no sentence."""
    lines = sorted({c.line for c in title})
    text = {k: " ".join(c.text for c in title if c.line == k) for k in lines}
    for j in range(len(lines) - 1, 0, -1) if sentence_end.search(text[lines[-1]] if lines else "") else ():
        if text[lines[j]][:1].isupper() and not re.search(r"[.!?:;,]$", text[lines[j - 1]]):
            long_enough = len(" ".join(text[k] for k in lines[j:]).split()) >= _NOTE_WORDS
            return [c for c in title if c.line < lines[j]] if long_enough else title
    return title


# -- lines of a block ---------------------------------------------------------------------------
_BLOCK_PERIOD_LINE = re.compile(
    r"^(?:q[1-4]\s+)?(?:(?:19|20)\d{2}\s*[/\-–]\s*\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})$"
    r"|^(?:quarter\s+[1-4]|q[1-4])\s+(?:19|20)\d{2}\s*[/\-–]\s*\d{2,4}$",
    re.I,
)
# a block's period said in words: `As at 31 December 2023`, `Position at Dec-23`, `December 2023`
_PERIOD_LEAD = re.compile(
    r"^(?:(?:as\s+at|position\s+at|data\s+to|period\s+to|at|to)\s+)?"
    r"(?=\d|q[1-4]\b|quarter\b|year\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.I,
)
_PERIOD_TOKEN_WORD = re.compile(
    r"^(?:[\d/\-–.,]+|q[1-4]|quarter|year|end|to|fy|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:-\d{2})?)$",
    re.I,
)


def period_line(text: str) -> bool:
    """A line that is a period and nothing else (dates the block's values)."""
    if _BLOCK_PERIOD_LINE.match(text):
        return True
    lead = _PERIOD_LEAD.match(text)
    if lead is None or len(text.split()) > 6:
        return False
    rest = text[lead.end() :].strip()
    return all(_PERIOD_TOKEN_WORD.match(w) for w in rest.split()) and parse_period(rest).type != "unknown"


def figures_beside(texts: list[str]) -> bool:
    """Three or more bare figures in a row right after a line's words (the texts of the cells after them,
    left to right): a table's row (a name and its figures), never a block's title however the block's
    column cuts it (`Latest | 81.0% | Latest | 94.9%`: one figure, then the next block's label; two
    figures may be the values of tiles beside, under their labels)."""
    run = 0
    for text in texts:
        if not _BARE_FIGURE.fullmatch(text.strip()):
            break
        run += 1
    return run >= 3


_BARE_FIGURE = re.compile(r"[-–]?£?\d[\d,]*(?:\.\d+)?%?")
