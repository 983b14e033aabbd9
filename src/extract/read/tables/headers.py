"""Header rows of a grid: how many leading rows are labels, a label a narrow column or a rotated
header broke mended, header rows stacked into one label per column, and the header words over
each column (group labels, labels stacked or run together)."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.model import Cell, Line, Word, normalise_space
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.periods import parse_period
from extract.read.tables.cells import Span, is_data_cells, is_period_cell, is_value_like, line_columns, words_in


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


_COLUMN_NUMBER = re.compile(r"\(\s*\d{1,2}[a-z]?\s*\)")


def is_column_numbers(row: list[str]) -> bool:
    """A header row that only numbers the columns (`(1) | (2) | ... | (8)`, as statutory returns print
    under their labels): it names no column."""
    filled = [t.strip() for t in row if t and t.strip()]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.fullmatch(t) for t in filled)


def merge_header(rows: list[list[str]]) -> list[str]:
    """Header rows stacked into one label per column, top-down (`Jul-24` over `Actual`); a row of
    column numbers is left out."""
    rows = [r for r in rows if not is_column_numbers(r)] or rows
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

def is_group_label_row(line: Line, columns: list[Span]) -> bool:
    """A row of short group labels, each set apart and centred over a run of columns (`Females aged
    15-24 | Males aged 15-24 | Persons aged 15-24` over `Count | N | Value` three times): no two labels
    over one column, none a figure or a sentence. A title runs across as one label."""
    if len(line.cells) < 2:
        return False
    seen: set[int] = set()
    for cell in line.cells:
        if len(cell.text) > 30 or len(cell.text.split()) > 4 or is_value_like(cell.text):
            return False
        under = {c for c, (x0, x1) in enumerate(columns) if min(cell.x1 or 0.0, x1) - max(cell.x0 or 0.0, x0) > 0}
        if not under or under & seen:
            return False
        seen |= under
    return True


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
