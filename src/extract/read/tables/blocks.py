"""KPI blocks: labelled values under their indicator's name (`Latest: 22.2%  Target: 25%
Floor: 30%  Previous: 21.9%`), read by position on a page (the generic parser's; KPI tiles with a
big headline figure are tiles.py's).

A block is its title, the text above its values however many lines it wraps over, and its
labelled values: with or without a colon, beside their labels or under them, one per line or
side by side, a period in the label (`Latest (Q3 2023/24)`). Blocks stand two or three across
(each starts under its title's column), may run over a page break (the title at the foot of one
page, the values at the top of the next), or be written as a row (the name left of its values).
RAG words and symbols beside a title or its values are the actual's status, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.model import Line, Page, Period, RawFigure, normalise_space
from extract.read.kinds import BLOCK_LABELS, classify_header
from extract.read.periods import parse_period
from extract.read.tables.block_columns import HANGING as _HANGING
from extract.read.tables.block_columns import INDENT as _INDENT
from extract.read.tables.block_columns import beside_only, covered
from extract.read.tables.tiles import BREADCRUMB, drop_note, figures_beside, period_line
from extract.read.values import NO_VALUE_WORDS
from extract.settings import BlockSettings

_LABEL_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in BLOCK_LABELS), key=len, reverse=True))
# a label may name what it is the latest or previous of (`Previous quarter`, `Previous year`: the
# header vocabulary tells their kind) and carry its value's period, in brackets or bare:
# `Latest (Q3 2023/24): 22.2%`, `Target 2023/24: 25%`
_LABEL = (
    rf"(?P<label>(?:{_LABEL_ALTERNATIVES})"
    r"(?:\s+(?:quarter|month|year|period|report|update|value|figure|result|data|position|performance|standard))?)"
)
# `Latest value`, `Floor standard`, `Current performance`: these words keep the block word's kind
_NEUTRAL = re.compile(r"\s+(?:value|figure|result|data|position|performance|standard)$")
_QUALIFIER_FIRST = re.compile(r"^(?:quarter|month|year|period|report|update)\b", re.I)
_LABEL_PERIOD = (
    r"(?:\s*\((?P<period>[^()]{2,30})\)"
    r"|\s+(?P<bare_period>(?:(?:q[1-4]|quarter\s+[1-4])\s+)?(?:19|20)\d{2}\s*[/\-–]\s*\d{2,4}))?"
)
_FIGURE = r"£?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?"
# a rate's base printed after it is no word of a title (`51.7 per 10,000`); units of time are
# left out: `previous 12 months` is a title's words
_UNIT = r"(?:\s*per\s+(?:1|10|100)[, ]?000\b)?"
_LABELLED = re.compile(rf"\b{_LABEL}{_LABEL_PERIOD}\s*:?\s*(?P<value>{_FIGURE}){_UNIT}(?![\w/.-])", re.I)
_LABEL_ONLY = re.compile(rf"^\s*{_LABEL}{_LABEL_PERIOD}\s*:?\s*$", re.I)
# labels run into one cell over their figures run into one (`Latest Target` over `79.8% 90%`)
_LABELS_RUN = re.compile(rf"^\s*(?:{_LABEL_ALTERNATIVES})(?:\s*:?\s+(?:{_LABEL_ALTERNATIVES}))+\s*:?\s*$", re.I)
# a label with no figure (`Target: TBC`, `Previous: -`) is still a block's, not a title's words
_UNSET = "|".join(sorted((re.escape(w) for w in NO_VALUE_WORDS), key=len, reverse=True))
_LABELLED_UNSET = re.compile(rf"\b{_LABEL}{_LABEL_PERIOD}\s*:?\s*(?:{_UNSET})(?=\s|$)", re.I)
_OPEN_LABEL = re.compile(rf"^\s*{_LABEL}\s*\([^()]*$", re.I)  # `Previous (Jun` wrapped before `2023):`
_VALUE_ONLY = re.compile(rf"^\s*({_FIGURE}){_UNIT}\s*$", re.I)
LABELLED_VALUE, FIGURE_ONLY = _LABELLED, _VALUE_ONLY  # the generic parser's fingerprint of a KPI paper
_RAG = re.compile(r"\b(red|amber|green)\b", re.I)
DATED_KINDS = {"actual", "target", "tolerance", "intervention", "forecast"}  # take the block's period


@dataclass(frozen=True)
class _Cell:
    line: int
    x0: float
    x1: float
    text: str
    wrapped: tuple[int, ...] = ()  # the lines a label wrapped onto, joined into this cell


def _cells(lines: list[Line]) -> list[list[_Cell]]:
    """Each line's cells with an x extent (a text page's tab stops stand in for positions)."""
    out = []
    for i, line in enumerate(lines):
        row = []
        for k, cell in enumerate(line.cells):
            if cell.text.strip():
                x0 = cell.x0 if cell.x0 is not None else float(k)
                x1 = cell.x1 if cell.x1 is not None else k + 0.9
                row.append(_Cell(i, x0, x1, cell.text.strip()))
        out.append(_joined_labels(row, out[-1] if out else None))
    return out


def _joined_labels(row: list[_Cell], above: list[_Cell] | None) -> list[_Cell]:
    """A label wrapped inside its block (`Previous (Jun` over `2023): 10%`, `Same period last` over
    `year`): the line above ends with the label's first part, this line holds the rest, back at the
    block's left or under it. The two become one cell on the line above."""
    if above is None:
        return row
    for n, head in enumerate(above):
        if _LABEL_ONLY.match(head.text) and head is above[-1]:
            # a whole label word ending its line may go on in the next (`Previous` over `Quarter: 34%`)
            order = [c for c in row if c.x0 < head.x0 and _QUALIFIER_FIRST.match(c.text)][:1]
        elif _is_labelled(head) or not (_OPEN_LABEL.match(head.text) or _label_prefix(head.text)):
            continue
        else:
            # the wrapped part stands under the label's first part (a narrow box), else starts back
            # left of it (the nearest such: a wide block's left edge)
            order = [c for c in row if min(c.x1, head.x1) - max(c.x0, head.x0) > 0][:1] + sorted(
                (c for c in row if c.x1 <= head.x0), key=lambda c: -c.x0)[:1]
        for tail in order:
            joined = _Cell(head.line, head.x0, max(head.x1, tail.x1), f"{head.text} {tail.text}", (tail.line,))
            if _is_labelled(joined):
                above[n] = joined
                row = [c for c in row if c is not tail]
                break
    return row


_LABEL_WORDS = [label.split() for label in BLOCK_LABELS]
# every run of first words of a label, short of the whole label (asked of every cell of every line)
_LABEL_PREFIXES = frozenset(tuple(label[:k]) for label in _LABEL_WORDS for k in range(1, len(label)))


def _label_prefix(text: str) -> bool:
    """The first words of a label of several words (`Same period last`), short of the whole label."""
    return tuple(text.lower().split()) in _LABEL_PREFIXES


def _is_labelled(cell: _Cell) -> bool:
    """A cell that is labelled values and nothing else (`Latest: 22.2%`, `Target 25%  Floor 30%`),
    or a label whose value is printed under it (`Same period last year:`)."""
    return _is_labelled_text(cell.text)


@lru_cache(maxsize=16384)  # pure in the text, asked of the same cells by several block tests
def _is_labelled_text(text: str) -> bool:
    if _LABEL_ONLY.match(text) or _LABELS_RUN.match(text):
        return True
    return bool(_LABELLED.search(text)) and not re.search(  # (no label, most cells: no substitution)
        r"[A-Za-z]{3}", _RAG.sub(" ", _LABELLED_UNSET.sub(" ", _LABELLED.sub(" ", text))))


def labelled_line(line: Line) -> bool:
    """Labelled values and RAG words only (`Latest: 84.4% Target: 90% RED`): a block's, named or not; no sentence."""
    texts = [t for c in line.cells if (t := c.text.strip())]  # (a label alone, `Previous quarter`, may head prose)
    return any(_LABELLED.search(t) for t in texts) and all(_is_labelled_text(t) or _RAG.fullmatch(t) for t in texts)


def kpi_blocks(
    page: Page, settings: BlockSettings, skip: frozenset[int] = frozenset(), previous: Page | None = None
) -> Iterator[tuple[RawFigure, frozenset[int]]]:
    """KPI blocks: labelled values under their indicator's name, however many lines it wraps over
    (each figure with the page lines it was read from).

    Blocks may stand side by side: a block is the labelled cells that start under a text cell
    (its title's column) and those to their right up to the next such start. The title is the
    text above the values in that column, up to a gap, the end of a sentence or another block's
    values; a period line (`Q2 2022/23`) or a period in the label (`Latest (Q3 2023/24)`) dates
    the values, and a RAG word beside the title or the values is the actual's status (never part
    of the title, never a value). A label printed over its value (`Same period last year:` over `5.6%`)
    takes the figure under it. A page that opens on labelled values continues a block from the previous.
    """
    carried = _carried(page, previous, settings)
    lines = carried + page.lines
    rows = _cells(lines)
    first = len(carried)
    for i in range(first, len(rows)):
        row = rows[i]
        if i - first in skip:
            continue  # a KPI tile's line (read by tiles.py)
        # (`England 638,946 458,815 71.8`: a label and its figure among more figures is a table's row)
        labelled = [c for c in row if _is_labelled(c) and not figures_beside([d.text for d in row if d.x0 > c.x1])]
        if not labelled:
            continue
        columns = _title_columns(rows, i, settings)
        for start, members, end in _blocks_on_line(rows, i, labelled, settings):
            if _LABELS_RUN.match(start.text) and any(c.text == start.text for c in members if c is not start):
                continue  # `Latest: Target:` twice: blocks side by side whose columns were not told apart
            title_cells, period, bare = _title_above(rows, i, start, end, lines, settings, end)
            if not title_cells and start is labelled[0]:
                title_cells = _name_beside(rows, i, start, lines, settings)
                if not title_cells:
                    title_cells, period, bare = _headline_title(rows, i, start, lines, settings)
            if not title_cells:
                continue  # values with no name above them cannot be told apart
            marks = [_TITLE_MARK.search(c.text) for c in title_cells]
            title = _SECTION_NUMBER.sub("", normalise_space(" ".join(_TITLE_MARK.sub("", c.text) for c in title_cells)))
            if classify_header(title).role == "period" or period_line(title):
                continue  # `Period` over `Actual 4.1%`, a lone `Q2 2022/23`: a corner header or a date, no name
            below = [c for c in (rows[i + 1] if i + 1 < len(rows) else []) if start.x0 - 2 <= c.x0 < end]
            beside = [c for k in {c.line for c in title_cells} for c in rows[k]
                      if start.x0 - 2 <= c.x0 < end and c not in title_cells]
            rag = next((m.group(1) for c in members + below for m in [_RAG.search(_LABELLED.sub(" ", c.text))] if m),
                       None) or next((m.group(1) for m in marks if m and _RAG.fullmatch(m.group(1))), None) \
                or next((c.text for c in beside if _RAG.fullmatch(c.text)), None)
            kinds_seen: set[str] = set()
            pairs = [
                pair for cell in members
                for pair in _labelled_values(cell, rows, i, start.x0 - 2, _reach(cell, end, columns))
            ]
            if bare is not None and not any(_label_kind(label) == "actual" for label, *_ in pairs):
                # a tile's headline figure, printed bare between its name and its labelled values
                pairs.insert(0, ("actual", bare, None, i))
            wrapped = {k - first for c in members for k in c.wrapped}
            # a line of nothing but labels over their figures (`Last year` over `32%`) is no prose either
            label_line = [i - first] if all(_LABEL_ONLY.match(c.text) for c in rows[i]) else []
            for label, value, own_period, value_line in pairs:
                kind = _label_kind(label)
                if kind in kinds_seen:
                    continue
                kinds_seen.add(kind)
                if own_period is not None and parse_period(own_period).type != "unknown":
                    value_period = parse_period(own_period)  # the label's own period, whatever the kind
                elif kind in DATED_KINDS and period is not None:
                    value_period = parse_period(period)
                else:
                    value_period = Period(None)
                yield RawFigure(
                    indicator_raw=title,
                    value_raw=value,
                    value_kind=kind,
                    context=" | ".join(c.text for c in members),
                    section=title,
                    period=value_period,
                    page=page.number,
                    status=rag if kind == "actual" else None,
                    source="table",
                ), frozenset({value_line - first, *wrapped, *label_line})


# a RAG word in capitals or a status symbol printed at the end of a title's line, in the same run
_TITLE_MARK = re.compile(r"\s+(RED|AMBER|GREEN|[●▲▼◆■★✓✔✗✘↑↓→←]+)$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# a report's own section number before a heading (`2.3 PSA targets achieved`) is no word of its name
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Z])")


def _headline_title(rows, i: int, start: _Cell, lines: list[Line], settings: BlockSettings):
    """A figure alone and bare left of the labelled values (a slide's big number): the title is above it.
    Nothing left of them: a box beside a text, its title the heading tight above and left of the box."""
    left, up = [c for c in rows[i] if c.x1 <= start.x0], rows[i - 1] if i else []
    if not left and len(up) == 1 and up[0].x1 <= start.x0 and re.fullmatch(r"[A-Z][^.!?:;,]{2,80}", up[0].text) \
            and not _is_labelled(up[0]) and not period_line(up[0].text) \
            and (lines[i].top or 0) - (lines[i - 1].bottom or 0) \
            <= 4 * settings.title_gap * _line_height(lines[i - 1]):  # a heading, tight above the box
        return up, None, None
    if len(left) != 1 or not (m := _VALUE_ONLY.match(left[0].text)):
        return [], None, None
    title, period, _ = _title_above(rows, i, left[0], start.x0, lines, settings)
    return title, period, (m.group(1).strip() if title else None)


def _carried(page: Page, previous: Page | None, settings: BlockSettings) -> list[Line]:
    """The foot of the previous page when this page opens on labelled values (a block broken by a
    page break keeps its title there), moved to stand just above this page's first line. Running
    heads and feet (lines printed at the same place on both pages) and page numbers are left behind."""
    if previous is None or not page.lines or not previous.lines or page.lines[0].top is None:
        return []
    if not any(_is_labelled(c) for c in _cells(page.lines[:1])[0]):
        return []
    here = {(ln.text, round(ln.top or 0.0)) for ln in page.lines}

    def running(line: Line) -> bool:  # printed at the same place on both pages: a running head or foot
        return any((line.text, round(line.top or 0.0) + d) in here for d in (-1, 0, 1))

    tail = [ln for ln in previous.lines if not running(ln) and not _PAGE_NUMBER.match(ln.text)]
    tail = tail[-settings.title_lines :]
    if not tail or tail[-1].bottom is None:
        return []
    # the seam as wide as the gap between the last two carried lines (a title's own line gap)
    seam = max((tail[-1].top or 0.0) - (tail[-2].bottom or 0.0), 0.0) if len(tail) > 1 else 1.0
    shift = page.lines[0].top - seam - tail[-1].bottom
    return [replace(ln, top=(ln.top or 0.0) + shift, bottom=(ln.bottom or 0.0) + shift) for ln in tail]


def _title_columns(rows: list[list[_Cell]], i: int, settings: BlockSettings) -> list[float]:
    """Left edges of the words printed above line i (titles): where the blocks of a row begin."""
    return sorted({
        c.x0 for r in rows[max(0, i - settings.title_lines) : i] for c in r
        if not _is_labelled(c) and re.search(r"[A-Za-z]{3}", c.text) and not _RAG.fullmatch(c.text)
    })


def _reach(cell: _Cell, end: float, columns: list[float]) -> float:
    """How far right a label's figure may stand: up to the next block's column or title."""
    return min([end, *(x for x in columns if x > cell.x0 + _INDENT)])


def _blocks_on_line(rows: list[list[_Cell]], i: int, labelled: list[_Cell], settings: BlockSettings):
    """(first cell, cells, right edge) of each block whose values are on line i."""
    # a title's column: a cell of words above (the figures of the block above start no column)
    above = [
        c for r in rows[max(0, i - settings.title_lines) : i] for c in r
        if not _is_labelled(c) and re.search(r"[A-Za-z]{3}", c.text) and not _RAG.fullmatch(c.text)
    ]
    starts = [c for c in labelled if c is labelled[0] or any(_under(a.x0, c.x0) for a in above)]
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1].x0 if n + 1 < len(starts) else float("inf")
        out.append((start, [c for c in labelled if start.x0 <= c.x0 < end], end))
    return out


def _title_above(
    rows, i: int, start: _Cell, end: float, lines: list[Line], settings: BlockSettings, neighbour: float = float("inf")
) -> tuple[list[_Cell], str | None, str | None]:
    """The title's cells (top-down) in the block's column above line i, its period line, and
    a figure printed bare between the title and the labelled values (a tile's headline)."""
    title: list[_Cell] = []
    period = None
    bare = None
    stacked = False
    previous_top = lines[i].top
    min_gap = float("inf")
    stacked_lines = 0  # lines of values stacked over this block's own: they do not count to the title's
    hanging = False  # the title starts left of the values (a definition list's term)
    for k in range(i - 1, -1, -1):
        if i - 1 - k >= settings.title_lines + stacked_lines:
            break
        in_column = [c for c in rows[k] if start.x0 - _INDENT <= c.x0 < end - 1]
        if any(_is_labelled(c) and abs(c.x0 - start.x0) <= 3 for c in in_column):
            if title or bare is not None or period is not None or not _stacked(lines[k], previous_top, settings):
                break  # the block above, in this column
            stacked = True  # labelled values stacked one per line (`Target: 25%` over `Previous: 21.9%`)
            stacked_lines += 1
            previous_top = lines[k].top
            continue
        # a title wraps at its column's left edge; cells further right are a neighbour's
        cells = [c for c in in_column if _under(c.x0, start.x0) and not _is_labelled(c)]
        if cells and figures_beside([c.text for c in rows[k] if c.x0 >= cells[-1].x1]):
            break  # a table's row, a name and its figures (`Chichester 120,750 5,710 ...`): no title's line
        if not cells and (not title or hanging) and _hanging_title(rows[k], start) \
                and (not title or abs(rows[k][0].x0 - title[0].x0) <= 3):
            cells = rows[k]  # a definition list's term (however many lines): the values are indented under it
            hanging = True
        if not cells:
            if title and covered(rows[k], lines[k], start.x0, previous_top, min_gap, settings.title_gap):
                return [], None, None  # the name began on a line run across the column: cut, no name
            if title or (period and not beside_only(rows[k], start.x0)):
                break
            continue  # (between the period line and the title, a line of blocks beside whose lines interleave)
        if not title and bare is None and len(cells) == 1 and _caption_over(rows, k, cells[0]):
            stacked = True  # a caption's figure (`Latest` over `17.9%`), stacked over this block's own
            stacked_lines += 1
            previous_top = lines[k].top
            continue
        if title and _SENTENCE_END.search(cells[-1].text):
            break  # a sentence ends there: the note under the block above (a KPI's name is no sentence)
        if BREADCRUMB.fullmatch(normalise_space(" ".join(c.text for c in cells))):
            break  # a web page's trail (`Home > Children > Safeguarding`): navigation, no word of a name
        if title and _type_size(lines[k]) > _HEADING * _type_size(lines[title[0].line]) > 0:
            break  # set larger than the title: a heading over the blocks
        line = lines[k]
        if previous_top is not None and line.bottom is not None:
            height = max((line.bottom or 0) - (line.top or 0), 1.0)
            gap = previous_top - line.bottom
            if gap > max(settings.title_gap * height, 1.8 * min_gap + 1.0):
                break  # set apart from the block's own lines: the block above, or a heading
            min_gap = min(min_gap, max(gap, 0.0))
        text = normalise_space(" ".join(c.text for c in cells))
        if period is None and not title and period_line(text):
            period = text
            beside = [c for c in in_column if c.x0 > cells[-1].x1 and _VALUE_ONLY.match(c.text)]
            if bare is None and not stacked and len(beside) == 1:
                bare = _VALUE_ONLY.match(beside[0].text).group(1).strip()  # `Quarter 1 2019/20  716`
        elif _RAG.fullmatch(text.strip()) or _VALUE_ONLY.match(text) or not re.search(r"[A-Za-z0-9]", text):
            if title:
                break
            if bare is None and not stacked and (m := _VALUE_ONLY.match(text)) and len(cells) == 1 \
                    and not re.fullmatch(r"(?:19|20)\d{2}", text.strip()):
                bare = m.group(1).strip()
        elif cells[-1].x1 > neighbour + _INDENT:
            return [], None, None  # run on into the column of the block beside: titles side by side run together
        else:
            title = cells + title
        previous_top = line.top
    return drop_note(title, _SENTENCE_END), period, bare


_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]$")


_HEADING = 1.2  # a line set this much larger than a title is a heading (a title keeps one type size)
# words whose glyphs reach from the baseline to the cap height and no lower: their height is the type's
_CAP_HIGH = re.compile(r"^[^gjpqy,;()/\[\]{}|_]*[A-Zbdfhklt0-9][^gjpqy,;()/\[\]{}|_]*$")


def _type_size(line: Line) -> float:
    """The height of a line's capitals and ascenders (0 when it has none, or no positions): glyph
    boxes are tight, so a line's own height depends on its letters, not only on its type size."""
    heights = sorted(w.bottom - w.top for c in line.cells for w in c.words if _CAP_HIGH.match(w.text))
    return heights[len(heights) // 2] if heights else 0.0

def _hanging_title(cells: list[_Cell], start: _Cell) -> bool:
    """A line of one cell of words starting left of the values, further than a padding, and running
    on over them (a definition list's term, its values indented under it): no neighbour's title."""
    return len(cells) == 1 and start.x0 - _HANGING <= cells[0].x0 < start.x0 - _INDENT \
        and cells[0].x1 > start.x0 and bool(re.search(r"[A-Za-z]{3}", cells[0].text)) \
        and not _RAG.fullmatch(cells[0].text)


def _under(title_x0: float, value_x0: float) -> bool:
    """Values start at their title's left edge, or set in from it a little."""
    return title_x0 - 3 <= value_x0 <= title_x0 + _INDENT


def _caption_over(rows: list[list[_Cell]], k: int, figure: _Cell) -> bool:
    """A lone figure with a caption over it on the line above."""
    return k > 0 and bool(_VALUE_ONLY.match(figure.text)) and any(
        _LABEL_ONLY.match(c.text) and min(c.x1, figure.x1) - max(c.x0, figure.x0) > 0 for c in rows[k - 1]
    )


def _stacked(upper, lower_top: float | None, settings: BlockSettings) -> bool:
    """A labelled line tight above the block's next line: one block's values, a line each."""
    height = max((upper.bottom or 0) - (upper.top or 0), 1.0)
    return lower_top is not None and lower_top - (upper.bottom or 0) <= 4 * settings.title_gap * height


def _name_beside(rows: list[list[_Cell]], i: int, start: _Cell, lines: list[Line], settings: BlockSettings):
    """A block written as a row: its name left of the labelled values on their line, with the lines
    that name wraps over tight above and under it (nothing else printed on them)."""
    left = [c for c in rows[i] if c.x1 <= start.x0 and not _is_labelled(c) and re.search(r"[A-Za-z]{3}", c.text)]
    if len(left) != 1 or _RAG.fullmatch(left[0].text):
        return []
    name = left[0]

    def fragment(k: int, upper: Line, lower: Line) -> bool:
        cells = rows[k]
        tight = (lower.top or 0.0) - (upper.bottom or 0.0) <= settings.title_gap * max(_line_height(lines[k]), 1.0)
        return (len(cells) == 1 and abs(cells[0].x0 - name.x0) <= 3 and cells[0].x1 <= start.x0 and tight
                and not _is_labelled(cells[0]) and not _SENTENCE_END.search(cells[0].text))

    above: list[_Cell] = []
    k = i - 1
    while k >= 0 and i - k <= settings.title_lines and fragment(k, lines[k], lines[k + 1]):
        above.insert(0, rows[k][0])
        k -= 1
    below: list[_Cell] = []
    k = i + 1
    while k < len(rows) and k - i <= settings.title_lines and fragment(k, lines[k - 1], lines[k]):
        below.append(rows[k][0])
        k += 1
    return [*above, name, *below]


def _line_height(line: Line) -> float:
    return (line.bottom or 0.0) - (line.top or 0.0)


_CAPTION_LINES = 3  # a caption's figure is at most this many lines under it (a wrapped caption, a RAG line between)


def _labelled_values(
    cell: _Cell, rows: list[list[_Cell]], i: int, x0: float, x1: float
) -> Iterator[tuple[str, str, str | None, int]]:
    """(label, figure, the label's own period, the figure's line) of a labelled cell; a caption takes
    the figure printed beside it, else under it in the block's column, else the first figure on the
    block's next line. Labels run into one cell take the figures run into the cell under it, in order."""
    if _LABELS_RUN.match(cell.text):
        labels = re.findall(_LABEL_ALTERNATIVES, cell.text, re.I)
        for k in range(i + 1, min(len(rows), i + 1 + _CAPTION_LINES)):
            if under := [c for c in rows[k] if x0 <= c.x0 < x1 and min(c.x1, cell.x1) - max(c.x0, cell.x0) > 0]:
                figures = under[0].text.split()
                if len(figures) == len(labels) and all(re.fullmatch(_FIGURE, f) for f in figures):
                    yield from ((label, figure, None, k) for label, figure in zip(labels, figures, strict=True))
                return
        return
    m = _LABEL_ONLY.match(cell.text)
    if m:
        # beside it on its line (`Latest ....... 81.0%`), before the next label
        right = sorted((c for c in rows[i] if c.x0 > cell.x0 and x0 <= c.x0 < x1), key=lambda c: c.x0)
        if right and (figure := _VALUE_ONLY.match(right[0].text)):
            yield m["label"], figure.group(1).strip(), _period_of(m), i
            return
        for k in range(i + 1, min(len(rows), i + 1 + _CAPTION_LINES)):
            under = [c for c in rows[k] if x0 <= c.x0 < x1 and _VALUE_ONLY.match(c.text)
                     and min(c.x1, cell.x1) - max(c.x0, cell.x0) > 0]
            if under:
                yield m["label"], _VALUE_ONLY.match(under[0].text).group(1).strip(), _period_of(m), k
                return
        below = rows[i + 1] if i + 1 < len(rows) else []
        values = [c for c in below if x0 <= c.x0 < x1 and _VALUE_ONLY.match(c.text)]
        if values:
            yield m["label"], _VALUE_ONLY.match(values[0].text).group(1).strip(), _period_of(m), i + 1
        return
    for match in _LABELLED.finditer(cell.text):
        yield match["label"], match["value"].strip(), _period_of(match), i


def _period_of(match: re.Match) -> str | None:
    return match["period"] or match["bare_period"]


def _label_kind(label: str) -> str:
    """A label's kind: its block word's (`Latest`, `Floor`), unless the words after it say more
    (`Previous year` is the year before's, not the previous period's)."""
    words = _NEUTRAL.sub("", normalise_space(label).lower())
    anchor = max((k for k in BLOCK_LABELS if words == k or words.startswith(k + " ")), key=len)
    if words != anchor:
        meaning = classify_header(words)
        if meaning.role == "value" and meaning.kind is not None:
            return meaning.kind
    return BLOCK_LABELS[anchor]


LABELLED_UNSET, label_kind = _LABELLED_UNSET, _label_kind  # a table cell of labelled values (wide.py)
