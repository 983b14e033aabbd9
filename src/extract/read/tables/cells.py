"""Cells of a grid: the Grid model, what a cell's text is (value, period label, figures row),
how a cell's lines join into one text, how a line's words fall into columns, and header rows
merged into labels. The bottom of the grid modules: imports none of them."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from extract.errors import MappingError
from extract.mappings import mappings_dir, read_csv
from extract.model import Cell, Line, Word, normalise_space
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.periods import parse_period
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


def _column_of(x0: float, x1: float, columns: list[Span]) -> int:
    """The column a word belongs to: the one it overlaps most, else the nearest."""
    best, best_overlap = 0, 0.0
    for i, (c0, c1) in enumerate(columns):
        overlap = min(x1, c1) - max(x0, c0)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best_overlap > 0:
        return best
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda i: min(abs(centre - columns[i][0]), abs(centre - columns[i][1])))


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
        if len(words) > 1:  # (a one-word cell goes by its centre whatever its word's zone)
            zones = [bisect.bisect_right(bounds, (w.x0 + w.x1) / 2) for w in words]
            if len(set(zones)) > 1 and _spans_several(words, bounds):
                for word, zone in zip(words, zones, strict=True):
                    placed.setdefault(zone, []).append(word)
                continue
        placed.setdefault(bisect.bisect_right(bounds, ((cell.x0 or 0) + (cell.x1 or 0)) / 2), []).extend(words)
    return placed


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


# -- header rows -------------------------------------------------------------------------------
def header_row_count(rows: list[list[str]]) -> int:
    """Leading rows that are labels, not figures (a header of bare years is still a header)."""
    count = 0
    for row in rows:
        filled = [t for t in row if t]
        if not filled:
            count += 1
            continue
        if count and _rate_base_below(rows[count - 1], row):
            count += 1  # `1999-2000 per` over `1,000`: the base of the rate its header names
            continue
        if count and _section_title_under(rows[:count], row):
            break  # `1. Your Call – improvements to ...` under a header naming values: the rows' section
        if is_data_cells(row):
            break
        if count and any(is_value_like(t) and not is_period_cell(t) for t in filled) \
                and sum(1 for t in filled if classify_header(t).role == "value") < 2:
            break  # a figure under the header that names no values: the end of a row the page broke
        count += 1
        if count >= 4:
            break
    if count == len(rows):
        # no row of figures (a page holding only a header and the end of a broken row): the
        # header is the leading rows that name value columns
        labelled = 0
        for row in rows:
            if sum(1 for t in row if t and classify_header(t).role == "value") < 2:
                break
            labelled += 1
        # every row names values: a header alone (at a page foot, its rows on the next page)
        return labelled
    return count


def is_title_row(row: list[str], name: int) -> bool:
    """A row holding only a title in its name cell (a cell merged across spreads its text over the
    columns it spans): it starts as a title does, with a capital or a number, not a wrapped name's
    lower-case end (`the date of request`)."""
    title = row[name] if name < len(row) else ""
    return bool(title) and (title[0].isupper() or title[0].isdigit()) \
        and all(t == title for t in row if t)


def _section_title_under(header: list[list[str]], row: list[str]) -> bool:
    """A row holding only a title in its first cell (four words or more, naming no column) under a header
    that already names two value columns (a bullet before it, `- To achieve ...`, is no matter): the section of
    the rows below it, not a header line."""
    if not is_title_row([t.lstrip("-–• ") for t in row], 0) or len(row[0].split()) < 4 \
            or classify_header(row[0]).role != "ignore":
        return False
    return sum(1 for r in header for t in r if t and classify_header(t).role == "value") >= 2


_RATE_BASE_CELL = re.compile(r"\d{1,3}(?:,000)+")


def _rate_base_below(above: list[str], row: list[str]) -> bool:
    """A row holding only `1,000` / `10,000` under header cells that end in `per`: the last line of
    a wrapped rate header (`1999-2000 per` over `1,000`), not a row of figures."""
    filled = [(i, t) for i, t in enumerate(row) if t]
    return bool(filled) and all(
        _RATE_BASE_CELL.fullmatch(t) and i < len(above) and re.search(r"\bper$", above[i], re.I)
        for i, t in filled
    )


@lru_cache(maxsize=16384)  # pure, and its splits cost one classification each
def mend_label(label: str) -> str:
    """A header label a narrow column broke inside its words (`Perfor mance`, `Toler ance`) reads
    as a label once its letters are run together: kept so only when that is what it names. A
    period broken the same way (`2017 /18`, `20 18/ 19`) is joined first: no label prints one so."""
    if not label:
        return label
    label = _join_broken_periods(label)
    meaning = classify_header(label)
    if meaning.role == "value":
        return _mend_value_label(label, meaning)
    if meaning.role != "ignore":
        return label
    joined = re.sub(r"(?<=[a-z]) (?=[a-z])", "", label)
    if classify_header(joined).role != "ignore":
        return joined
    # the other way round: two words a narrow column's lines ran together (`National` over `average`
    # read as `Nationalaverage`), split where that names a column
    for token in re.findall(r"[A-Za-z]{10,}", label):
        for cut in range(len(token) - 4, 3, -1):  # the longest first word first: `Regional average`
            split = label.replace(token, f"{token[:cut]} {token[cut:]}", 1)
            if classify_header(split).role != "ignore":
                return split
    capitals = re.sub(r"(?<=[A-Z]) (?=[A-Z])", "", label)  # `R A G`, `D OT`: a letter or two a line
    return capitals if classify_header(capitals).role != "ignore" else label


#: a split year whole (`2018/19`, `2018-19`)
_SPLIT_YEAR = re.compile(r"(?:19|20)\d{2}[/-]\d{2}")
_SPLIT_MONTH_YEAR = re.compile(
    r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-–]\d{1,3}) (\d{1,2})\b", re.I
)


def _month_year(m: re.Match[str]) -> str:
    """`Mar-2` `3` is `Mar-23`, `Mar-202` `4` is `Mar-2024`; `Jun-23` `24` are two labels."""
    head = len(m[1]) - len(m[1].rstrip("0123456789"))
    return m[1] + m[2] if head != 2 and head + len(m[2]) in (2, 4) else m[0]


def _join_broken_periods(label: str) -> str:
    """Pieces of digits and slashes that together make a split year are one (`20` `18/` `19`,
    `2017` `/18`, `2019/2` `0`): a rotated header in a row too short for it breaks them."""
    # a month's year a narrow column broke (`Mar-2` over `3`)
    label = _SPLIT_MONTH_YEAR.sub(_month_year, label)
    tokens = label.split(" ")
    if len(tokens) < 2 or not any("/" in t or "-" in t for t in tokens):
        return label
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + 4), i + 1, -1):  # the longest run of pieces first
            span = tokens[i:j]
            if all(re.fullmatch(r"[\d/-]+", t) for t in span) and _SPLIT_YEAR.fullmatch("".join(span)):
                out.append("".join(span))
                i = j
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def _mend_value_label(label: str, meaning: HeaderMeaning) -> str:
    """A value column's label broken inside its words (`Targ et 2017/18` under a rotated header
    in a row too short for it reads as a plain actual; `Qu art er 3 2018/19` as the whole year):
    its letters joined where that names a kind other than a plain actual, or a shorter period."""
    if meaning.kind != "actual":
        return label
    joined = re.sub(r"(?<=[a-z]) (?=[a-z])", "", label)
    if joined == label:
        return label
    mended = classify_header(joined)
    if mended.role != "value":
        return label
    if mended.kind != "actual":
        return joined
    before, after = parse_period(label), parse_period(joined)
    if not (before.start and before.end and after.start and after.end):
        return label
    return joined if after.end - after.start < before.end - before.start else label


def merge_header(rows: list[list[str]]) -> list[str]:
    """Header rows stacked into one label per column, top-down (`Jul-24` over `Actual`)."""
    width = max(len(r) for r in rows)
    labels = []
    for c in range(width):
        parts = [r[c] for r in rows if c < len(r) and r[c]]
        joined = normalise_space(" ".join(parts))
        own = classify_header(parts[-1]) if parts else None
        # a group saying only "Performance" over `Previous` / `Target`: the column's own word is the specific one
        if own is not None and own.role == "value" and own.kind != "actual" \
                and classify_header(joined).kind == "actual":
            joined = normalise_space(parts[-1])
        labels.append(joined)
    return labels


# -- header labels over columns ----------------------------------------------------------------

def header_cells(header: list[Line], columns: list[Span]) -> list[str]:
    """Each column's header text. A label over several columns with labels of their own under
    it (`2015/16` over `Target` and `Actual`, a merged group cell) heads each of them."""
    placed: dict[int, list[Word]] = {}
    stacked = _stacked_labels(header, columns)
    by_line = [set(line_columns(ln, columns)) for ln in header]
    for k, line in enumerate(header):
        below = {c for cs in by_line[k + 1 :] for c in cs}
        others = below.union(*by_line[:k])
        spread: set[int] = set()
        for cell in line.cells:
            under = [c for c, (x0, x1) in enumerate(columns) if min(cell.x1 or 0.0, x1) - max(cell.x0 or 0.0, x0) > 0]
            apart = _labels_run_together(cell, columns)
            bare = [c for c in under if c not in others]
            if apart:
                for c, ws in apart.items():
                    placed.setdefault(c, []).extend(ws)
                spread.update(id(w) for w in cell.words)
            elif len(under) > 1 and len(below & set(under)) > 1 and not is_value_like(cell.text) \
                    and len(line_columns(Line((cell,)), columns)) == 1:  # (labels set apart are no group)
                for c in under:
                    placed.setdefault(c, []).extend(cell.words)
                spread.update(id(w) for w in cell.words)
            elif len(under) > 1 and len(bare) == 1 and not is_value_like(cell.text) \
                    and len(line_columns(Line((cell,)), columns)) == 1:
                # a label wider than its column reaching over a labelled one: the bare column's
                # (words set apart in several columns are split among them as line_columns does)
                placed.setdefault(bare[0], []).extend(cell.words)
                spread.update(id(w) for w in cell.words)
        for c, ws in line_columns(line, columns).items():
            for w in ws:
                if id(w) not in spread:
                    placed.setdefault(stacked.get(id(w), c), []).append(w)
    return [words_in(placed.get(c, [])) for c in range(len(columns))]

def without_taken(header: list[Line], lead: list[tuple[Line, dict[int, list[Word]]]]) -> list[Line]:
    """The header lines without the words the first row took back from them."""
    taken = {id(w) for _, placed in lead for ws in placed.values() for w in ws}
    out = []
    for line in header:
        cells = []
        for cell in line.cells:
            words = tuple(w for w in cell.words if id(w) not in taken)
            if words:
                cells.append(cell if len(words) == len(cell.words) else
                             Cell(" ".join(w.text for w in words), words[0].x0, words[-1].x1, words))
        if cells:
            out.append(Line(tuple(cells), line.top, line.bottom))
    return out

def _labels_run_together(cell: Cell, columns: list[Span]) -> dict[int, list[Word]]:
    """A run of three or more value labels whose words each centre on a column of their own (`Actual Actual
    Actual` set too tight to part): one label a column, not a group label over them all.
    Their words by column, or {} for any other cell."""
    words = cell.words
    if len(words) < 3 or not all(classify_header(w.text).role == "value" for w in words):
        return {}
    apart = line_columns(Line(tuple(Cell(w.text, w.x0, w.x1, (w,)) for w in words)), columns)
    return apart if len(apart) == len(words) else {}

def _stacked_labels(header: list[Line], columns: list[Span]) -> dict[int, int]:
    """Column of each header word over no column of the body that hangs under (or over) a
    label of another header line that does reach one: the two lines are one label (`Actual
    Mar-` over `24`, left-aligned over right-aligned figures)."""
    def over(x0: float, x1: float) -> list[int]:
        return [c for c, (b0, b1) in enumerate(columns) if min(x1, b1) - max(x0, b0) > 0]

    reaching = [(k, c.x0 or 0.0, c.x1 or 0.0, over(c.x0 or 0.0, c.x1 or 0.0)) for k, ln in enumerate(header)
                for c in ln.cells]
    out: dict[int, int] = {}
    for k, line in enumerate(header):
        for cell in line.cells:
            if over(cell.x0 or 0.0, cell.x1 or 0.0):
                continue
            owners = {cols[0] for j, x0, x1, cols in reaching
                      if j != k and len(cols) == 1 and min(cell.x1 or 0.0, x1) - max(cell.x0 or 0.0, x0) > 0}
            if len(owners) == 1:
                out.update((id(w), next(iter(owners))) for w in cell.words)
    return out
