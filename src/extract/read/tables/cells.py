"""Cells of a grid: the Grid model, what a cell's text is (value, period label, figures row),
how a cell's lines join into one text, and how a line's words fall into columns (header rows are
read.tables.headers'). The bottom of the grid modules: imports none of them."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from extract.errors import MappingError
from extract.mappings import mappings_dir, read_csv
from extract.model import Line, Word, normalise_space
from extract.read.values import is_no_value, parse_cell

Span = tuple[float, float]


@dataclass
class Grid:
    """A table as found on a page: rows × columns of cell texts and how they were found."""

    method: str  # "ruled" (borders give rows and columns) or "unruled" (occupancy and anchors)
    columns: list[Span]  # x extent of each column
    rows: list[list[str]]  # every row, header rows first
    contexts: list[str]  # each row as printed (its cells joined)
    header_rows: int
    top: float
    bottom: float
    title: str | None = None
    alignment: str | None = None  # unruled: how the rows' cells are aligned (top, centre, bottom)
    notes: list[str] = field(default_factory=list)
    spanning: tuple[int, ...] = ()  # ruled: rows whose one cell is merged over every column (a section title)
    heading: str | None = None  # an untitled table's heading further up, over paragraphs (headings.py)

    def show(self) -> str:
        """The grid as text: one line per row, cells separated by ` | `, header rows marked."""
        out = [f"{self.method} grid, {len(self.rows)} rows x {len(self.columns)} columns"
               + (f", cells aligned {self.alignment}" if self.alignment else "")
               + (f", title {self.title!r}" if self.title else "")]
        for i, row in enumerate(self.rows):
            mark = "H" if i < self.header_rows else " "
            out.append(f"  {mark} " + " | ".join(cell or "·" for cell in row))
        out.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(out)

    def as_one_row(self, labels: list[str], values: list[str], note: str) -> Grid:
        """This grid read again as one header row of `labels` over one row of `values` (a measure's card,
        a `label | value` box), its columns spread evenly over its width, each row kept as context."""
        x0, x1 = self.columns[0][0], self.columns[-1][1]
        width = (x1 - x0) / len(labels)
        columns = [(x0 + i * width, x0 + (i + 1) * width) for i in range(len(labels))]
        context = " | ".join(normalise_space(" ".join(t for t in row if t)) for row in self.rows)
        return Grid("ruled", columns, [labels, values], [" | ".join(labels), context], 1, self.top, self.bottom,
                    self.title, self.alignment, [*self.notes, note])  # fmt: skip


# -- cells and values --------------------------------------------------------------------------
@lru_cache(maxsize=65536)  # pure, and asked of the same cell texts by every grid test on a page
def is_value_like(text: str) -> bool:
    # a figure may print the period or basis it is for in brackets after it (`55.7 (for 2009)`)
    noted = _NOTED_FIGURE.match(text)
    return parse_cell(text).value is not None or is_no_value(text) or (
        noted is not None and parse_cell(noted.group(1)).value is not None)


_NOTED_FIGURE = re.compile(r"^\s*(-?[\d.,]+\s?%?)\s*\([^()]{1,30}\)\s*$")


_PERIOD_CELL = re.compile(
    r"^(?:(?:19|20)\d{2}(?:\s*[/\-–]\s*(?:\d{2}|\d{4}))?|(?:q[1-4]\s*)?(?:19|20)\d{2}\s*[/\-–]\s*\d{2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*[-’' ]?\s*(?:\d{2}|\d{4}))$",
    re.I,
)


def is_period_cell(text: str) -> bool:
    """A header's period label (`2016`, `2023/24`, `Mar-24`), which reads as a number too."""
    return bool(_PERIOD_CELL.match(text.strip()))


def is_data_cells(texts: Iterable[str]) -> bool:
    """Cells of a row of figures: at least two numbers or placeholders, not all period labels."""
    return _is_data_cells(tuple(texts))


@lru_cache(maxsize=65536)  # pure in the texts, asked of every line by several grid tests on a page
def _is_data_cells(texts: tuple[str, ...]) -> bool:
    filled = [t for t in texts if t]
    if len(filled) < 2:  # (a line of prose: one cell, and no figure of it is asked for)
        return False  # (below: two values, or one beside a name, need two filled cells)
    values = [t for t in filled if is_value_like(t)]
    # a two-column table (`Name  23`): one figure beside a name
    single = len(values) == 1 and len(filled) == 2 and parse_cell(values[0]).value is not None \
        and any(re.search(r"[A-Za-z]{4}", t) for t in filled if t not in values)
    if len(values) < 2 and not single:
        return False
    return not all(is_period_cell(t) for t in values)


def words_in(words: Iterable[Word], limit: float | None = None) -> str:
    """Words read top-down (by line), left to right: a cell's text. `limit` is the furthest
    right any text of the column reaches (where the renderer wraps)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if lines and abs(word.middle - lines[-1][0].middle) <= 0.3 * max(word.height, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return join_cell_lines([sorted(line, key=lambda w: w.x0) for line in lines], limit)


def _wrap_words(kind: str) -> frozenset[str]:
    """mappings/wrap_words.csv: `word` rows are short words a narrow column wraps onto a line of
    their own (anything else this short and in lower case at the start of a line, under a line
    that filled the cell, is the end of a word the renderer broke: `Actu` over `al`);
    `ending` rows are word endings that end the word above whatever the line's width."""
    rows = read_csv(mappings_dir() / "wrap_words.csv", ("text", "kind", "note"))
    if bad := {r["kind"] for r in rows} - {"word", "ending"}:
        raise MappingError(f"wrap_words.csv: kind must be word or ending, got {sorted(bad)}")
    return frozenset(r["text"] for r in rows if r["kind"] == kind)


_SHORT_WORDS = _wrap_words("word")
_WORD_ENDINGS = _wrap_words("ending")
_NUMBER_END = re.compile(r"^[(£$]?[\d.,/]*\d[.,/]?$|[.,/]$")
_NUMBER_START = re.compile(r"^[\d%)]")
_WHOLE_YEAR = re.compile(r"(?:19|20)\d{2}(?:\s*[/\-–]\s*(?:\d{2}|\d{4}))?")
MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)


def is_word_end(piece: str) -> bool:
    """A short lower-case piece that is no word of its own: the end of a word a narrow column
    (or a page) broke (`hs` of `Months`, `d` of `Period`)."""
    return re.fullmatch(r"[a-z]{1,4}", piece) is not None and piece not in _SHORT_WORDS


# (join_cell_lines' patterns, compiled once: it asks them of every pair of lines of every cell)
_DASH_END = re.compile(r"\d[-–]$|^[A-Za-z]{3}[-–]$")
_WORD_DASH_END = re.compile(r"[A-Za-z][-–/]$|\d[-–]$")
_DASH_YEAR = re.compile(r"[-–]\d{2}$")
_NON_LETTER_ON = re.compile(r"[^A-Za-z].*$")
_LOWER_1_4 = re.compile(r"[a-z]{1,4}")
_LOWER_1_3 = re.compile(r"[a-z]{1,3}")
_SLASH_WORD_END = re.compile(r"/[a-z]+$")
_WORD_SLASH = re.compile(r"[a-z]+/")


def join_cell_lines(lines: list[list[Word]], limit: float | None = None) -> str:
    """The lines of one cell as one text. A line break is a space, except inside a number the
    column was too narrow for (`91.3` over `%`, `506/58` over `6`), after a wrapped dash
    (`Mar-` over `23`), and inside a word broken where it met the cell's edge."""
    if not lines:
        return ""
    widest = max(line[-1].x1 for line in lines)
    edge = widest if limit is None else limit
    text = " ".join(w.text for w in lines[0])
    for above, below in itertools.pairwise(lines):
        head, tail = above[-1].text, below[0].text
        at_edge = above[-1].x1 >= edge - 1.5  # the word met the column's edge
        widest_line = above[-1].x1 >= widest - 1.0
        broken_number = bool(_NUMBER_END.search(head) and _NUMBER_START.match(tail)) and not (
            len(above) > 1 and head.isdigit() and len(head) <= 2 and _WHOLE_YEAR.fullmatch(tail) is not None
        )  # (`Quarter 1` over `2010/11`: a label's number, then a year, is two words)
        broken_dash = (bool(_DASH_END.search(head)) and tail[:1].isdigit()) or bool(
            _WORD_DASH_END.search(head) and tail[:1].isalpha()
        ) or bool(MONTH.fullmatch(head) and _DASH_YEAR.match(tail))  # `Mar-` over `23`, `re-` over
        # `referrals`, `Aug` over `-24`
        piece = _NON_LETTER_ON.sub("", tail) or tail  # `tion/training`: the word the break ends
        broken_word = (
            len(above) == 1 and head[-1:].isalpha() and piece not in _SHORT_WORDS
            and not (head.isupper() and len(head) > 1)  # `NE` over `average`: an acronym is a word
            and ((at_edge and _LOWER_1_4.fullmatch(piece) is not None)
                 or (widest_line and _LOWER_1_3.fullmatch(piece) is not None) or piece in _WORD_ENDINGS)
        )
        # a slash compound broken inside a word (`employment/educati` over `on/training`)
        broken_compound = bool(_SLASH_WORD_END.search(head) and _WORD_SLASH.match(tail))
        joiner = "" if broken_number or broken_dash or broken_word or broken_compound else " "
        text = f"{text}{joiner}{' '.join(w.text for w in below)}"
    return normalise_space(text)


def line_height(line: Line) -> float:
    return max((line.bottom or 0) - (line.top or 0), 1.0)


def is_data_line(line: Line) -> bool:
    if len(line.cells) < 2:
        return False  # (the commonest line, one cell: no two filled cells, as _is_data_cells asks)
    return _is_data_texts(tuple([c.text for c in line.cells]))


@lru_cache(maxsize=65536)  # pure, and asked again of each line by every pass over a page's lines
def _is_data_texts(texts: tuple[str, ...]) -> bool:
    return is_data_cells(list(texts))


def merge_spans(spans: list[Span], gap: float) -> list[Span]:
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1] + gap:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def line_columns(line: Line, columns: list[Span]) -> dict[int, list[Word]]:
    """The line's words by column. A cell goes whole to the column its centre is in (a header
    label is often wider than the figures under it); a cell whose words sit in several columns
    (a renderer's one run across a row) is split word by word."""
    bounds = _boundaries(columns)
    placed: dict[int, list[Word]] = {}
    for cell in line.cells:
        words = cell.words
        if not words:
            continue
        parts = column_start_parts(words, columns)
        if len(parts) > 1:  # labels run together over left-aligned columns, each at its column's edge
            for start, part in parts:
                zone = start if start is not None else _zone((part[0].x0 + part[-1].x1) / 2, bounds)
                placed.setdefault(zone, []).extend(part)
            continue
        if len(words) > 1:  # (a one-word cell goes by its centre whatever its word's zone)
            zones = [bisect.bisect_right(bounds, (w.x0 + w.x1) / 2) for w in words]
            if len(set(zones)) > 1 and _spans_several(words, bounds):
                for word, zone in zip(words, zones, strict=True):
                    placed.setdefault(zone, []).append(word)
                continue
        placed.setdefault(bisect.bisect_right(bounds, ((cell.x0 or 0) + (cell.x1 or 0)) / 2), []).extend(words)
    return placed


def column_start_parts(words: tuple[Word, ...], columns: list[Span],
                       tolerance: float = 0.6) -> list[tuple[int | None, tuple[Word, ...]]]:
    """A run's words parted where a word starts right at a later column's left edge (where the
    figures of a left-aligned column start): labels a renderer set a plain space apart, over
    columns whose values start where they do. Each part with the column it starts; one part
    unless the run's first word starts at a column's edge too (a run that starts inside a column
    and reaches a rule is text overflowing its cell) and some part has several words (a run whose
    every word starts a column is the line the columns were found from)."""
    parts: list[tuple[int | None, list[Word]]] = []
    for word in words:
        edge = next((j for j, (x0, _) in enumerate(columns) if abs(word.x0 - x0) <= tolerance), None)
        if parts and edge is not None and (parts[-1][0] is None or edge > parts[-1][0]):
            parts.append((edge, [word]))
        elif parts:
            parts[-1][1].append(word)
        else:
            parts.append((edge, [word]))
    if len(parts) < 2 or parts[0][0] is None or all(len(ws) == 1 for _, ws in parts):
        return [(parts[0][0] if parts else None, tuple(words))]
    return [(j, tuple(ws)) for j, ws in parts]


def _boundaries(columns: list[Span]) -> list[float]:
    """Where one column ends and the next begins: midway between their occupied extents."""
    return [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]


def _zone(x: float, bounds: list[float]) -> int:
    return bisect.bisect_right(bounds, x)


def _spans_several(words: tuple[Word, ...], bounds: list[float]) -> bool:
    """Words whose middles sit in different columns, more than a space apart where the column
    changes: separate cells run together (a header word may be wider than its column's figures
    and reach past the boundary). Words a plain space apart where the column changes are one
    label that reaches over a column boundary (`NE average` left-aligned over right-aligned figures)."""
    zones = [_zone((w.x0 + w.x1) / 2, bounds) for w in words]
    if len(set(zones)) < 2:
        return False
    return all(b.x0 - a.x1 > 0.4 * max(a.bottom - a.top, b.bottom - b.top)
               for a, b, za, zb in zip(words, words[1:], zones, zones[1:], strict=False) if za != zb)
