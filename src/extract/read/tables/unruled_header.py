"""The header above an unruled table's body: the lines tight above its first values that label
its columns (header_above), told from a wrapped first row's name lines, a title or a sentence,
and the wrapped header lines that look like data (years under their months, rate bases)."""

from __future__ import annotations

import re
from itertools import pairwise

from extract.model import Cell, Line
from extract.read.kinds import classify_header
from extract.read.tables.cells import (
    MONTH,
    Span,
    column_start_parts,
    is_data_line,
    is_period_cell,
    is_value_like,
    line_columns,
    line_height,
)
from extract.read.tables.headers import is_group_label_row
from extract.read.tables.sections import header_over_sections
from extract.read.values import parse_cell
from extract.settings import TableSettings

_BROKEN_YEAR = re.compile(r"\b" + MONTH.pattern + r"[-–]\d$", re.I)
_BROKEN_SPAN = re.compile(r"(?:19|20)\d{2}[-–/]\d")  # a year span broken inside its second year (`2012/1` over `3`)


def _year_tail(line: Line, above: list[Line]) -> bool:
    """The second line of a wrapped header (`Sep-` over `23`, `Aug` over `-24`): its figures are
    two-digit years, each under a label that ends with a dash or is a month name on one of the
    lines just above (centred header cells interleave their lines)."""
    figures = [c for c in line.cells if is_value_like(c.text)]
    if not figures or not all(re.fullmatch(r"[-–]?\d{1,2}|(?:19|20)\d{2}[-–/]", c.text) for c in figures):
        return False
    figures = [c for c in figures if re.fullmatch(r"[-–]?\d{1,2}", c.text)]
    # (or a year's last digit under a month its column broke inside the year: `Aug-2` over `4`)
    opened = [c for ln in above for c in ln.cells
              if re.search(r"[-–/]$", c.text) or MONTH.fullmatch(c.text) or _BROKEN_YEAR.search(c.text)]
    # (or a year span's last digit under a span its column broke, `2012/1` over `3`: by words, as a
    # renderer may write the spans of a row as one run over their columns)
    opened += [w for ln in above for c in ln.cells for w in c.words if _BROKEN_SPAN.fullmatch(w.text)]
    return all(any(min(f.x1 or 0, o.x1 or 0) - max(f.x0 or 0, o.x0 or 0) > -2 for o in opened) for f in figures) \
        and bool(opened)


def _rate_tail(line: Line, above: list[Line]) -> bool:
    """The last line of a wrapped rate header (`1999-2000 per` over `1,000`): only rate bases, each
    under a label on the lines just above that ends with `per`."""
    if not line.cells or not all(re.fullmatch(r"\d{1,3}(?:,000)+", c.text) for c in line.cells):
        return False
    opened = [c for ln in above for c in ln.cells if re.search(r"\bper$", c.text, re.I)]
    return all(any(min(f.x1 or 0, o.x1 or 0) - max(f.x0 or 0, o.x0 or 0) > -2 for o in opened) for f in line.cells) \
        and bool(opened)


def data_at(lines: list[Line], k: int) -> bool:
    above = lines[max(0, k - 3) : k]
    return is_data_line(lines[k]) and not _year_tail(lines[k], above) and not _rate_tail(lines[k], above) \
        and not _labels_with_a_figure(lines[k])


def _labels_with_a_figure(line: Line) -> bool:
    """A header row holding fewer figures than its three or more value labels (a symbol a font
    maps to a digit, `0` for a `D` column; the `12` of `12 months earlier`): labels, not a row."""
    if len(line.cells) < 3:
        return False  # (three labels need three cells: no cell of a shorter line is classified)
    labels = {c.text.lower() for c in line.cells if classify_header(c.text).role == "value"}
    return len(labels) >= 3 and sum(1 for c in line.cells if is_value_like(c.text)) < len(labels)


def header_above(
    lines: list[Line], first: int, columns: list[Span], name_columns: set[int], settings: TableSettings,
    end_of_body: int | None = None,
) -> tuple[int, int]:
    """(start, end) of the header lines above the body that starts at `first`: numberless lines
    with text over the value columns, tight above the body; the lines under them that hold only
    a name (a wrapped first row) stay in the body. Without a header (a table continued from the
    previous page), the name lines above the first values are the body's: (k, k). `end_of_body`:
    where the body ends, if known (a body of one values line cannot show its rows' padding)."""
    end: int | None = None
    header_start = first
    body_start = first
    body_heights = sorted(line_height(ln) for ln in lines[first : first + 12])
    height = body_heights[len(body_heights) // 2]  # the body's type size (lines vary with their glyphs)
    row_gap = _row_gap(lines[first : first + 12], height)
    # (the rows' padding, or the first two rows' gap when the body shows one: a lone figure's row)
    pad = row_gap or ((lines[first + 1].top or 0) - (lines[first].bottom or 0) if first + 1 < len(lines) else 0.0)
    pad = pad if pad > 0.5 * height else 0.0
    k = first - 1
    while k >= 0:
        line, below = lines[k], lines[k + 1]
        gap = (below.top or 0) - (line.bottom or 0)
        size = line_height(line)  # (the header's foot over the body: `earlier` alone has a box shorter than its type)
        # (the header set off from the body, or a header row from the next, no further than the
        # body's rows from one another: a padded table's header rows are padded alike; or over an
        # empty padded row, or over one values line: _padded_header)
        if gap > settings.row_gap_heights * (max(size, height) if k == first - 1 else size) \
                and not ((end is not None or k == body_start - 1) and gap <= 1.15 * row_gap) \
                and not (k == first - 1 and _padded_header(lines, first, end_of_body, columns, name_columns,
                                                           row_gap, height, settings)):
            break
        if data_at(lines, k) and not _header_figure(line, columns):
            break
        if end is None and k == body_start - 1 and _lone_figure_row(line, columns, name_columns, pad, gap):
            body_start = k  # a padded row with one figure filled in, set off like the rows under it
            k -= 1
            continue
        if end is None and k == first - 1 and (line.bottom or 0) - (below.top or 0) > 0.25 * line_height(line):
            body_start = k  # a line half-way down the first values: a cell of their row centred on it
            k -= 1
            continue
        tail = _year_tail(line, lines[max(0, k - 3) : k]) or _rate_tail(line, lines[max(0, k - 3) : k])
        if not tail and not _fits_header(line, columns) and not header_like(line):
            if end is not None or (above := header_over_sections(
                    lines, k, settings, header_like, columns, name_columns)) is None:
                break  # a title or a sentence across the table
            k = above  # (over section titles, `Wealthier Theme`, between the header and the body)
            continue
        placed = line_columns(line, columns)
        if any(c not in name_columns for c in placed):
            header_start = k  # (a name label held back below it was the header's after all)
            end = k + 1 if end is None else end
        elif end is not None:
            size = line_height(lines[header_start])
            # (the heights of the lines below vary with their glyphs: `2021/2` is lower than `Early`)
            seen = [line_height(ln) for ln in lines[k + 1 : first + 1]]
            tol = settings.type_size_tolerance
            if not min(seen) * (1 - tol) <= line_height(line) <= max(seen) * (1 + tol):
                break  # a title above the table, in its own type size
            if gap <= 0.6 * size and header_start == k + 1:
                header_start = k  # a name column label wrapped above or between header lines
            # else: set apart, it is the header's only if a header line is found above it
        elif abs(line_height(line) - height) <= 0.3 * height:
            body_start = k  # a name wrapped above its row's values
        else:
            break  # a heading in another type size
        k -= 1
    if end is None:
        return body_start, body_start
    # a line overlapping the header's last line is the header's: the lower line of a label
    # centred over two lines beside one-line labels (`Good Performance` / `High/Low`)
    while end < first and (lines[end].top or 0) < (lines[end - 1].bottom or 0) - 0.5:
        end += 1
    if end < first and end - header_start >= 2 and _continues_header(lines, header_start, end):
        end += 1  # a label's last line at the header's own pitch, the first row set apart below it
    return header_start, end


def _lone_figure_row(line: Line, columns: list[Span], name_columns: set[int], row_gap: float, gap: float) -> bool:
    """A row of a padded table (rows set `row_gap` apart) with a name and one figure, not a period:
    set off from the row under it as the rows are, it is no header line."""
    if row_gap <= 0 or gap < 0.8 * row_gap or not name_columns:
        return False
    placed = line_columns(line, columns)
    texts = {c: " ".join(w.text for w in ws) for c, ws in placed.items()}
    figures = [t for c, t in texts.items() if c not in name_columns and is_value_like(t)]
    name = texts.get(min(name_columns), "")
    return len(figures) == 1 and not is_period_cell(figures[0]) and parse_cell(figures[0]).value is not None \
        and re.search(r"[A-Za-z]{4}", name) is not None


def _padded_header(lines: list[Line], first: int, end_of_body: int | None, columns: list[Span],
                   name_columns: set[int], row_gap: float, height: float, settings: TableSettings) -> bool:
    """The line above the body is a padded table's header set further off than its rows are apart:
    a header row (value labels, each over a value column) over one empty padded row (the rest of a
    row the page broke, its text left on the page before, under the header repeated on this page),
    or over a single values line whose padding the body cannot show (a table the page broke after
    its first row): up to twice the gap that ends an unruled table."""
    line = lines[first - 1]
    gap = (lines[first].top or 0) - (line.bottom or 0)
    if not header_like(line) or not _fits_header(line, columns) or data_at(lines, first - 1):
        return False
    if sum(1 for k in line_columns(line, columns) if k not in name_columns) < 2:
        return False
    if row_gap > 0:
        return gap <= 1.15 * (2 * row_gap + height)
    one_row = end_of_body is not None and sum(1 for k in range(first, end_of_body) if data_at(lines, k)) == 1
    return one_row and gap <= 2 * settings.row_gap_heights * height


def _row_gap(body: list[Line], height: float) -> float:
    """The gap between the rows of a body padded apart (a table whose cells have padding and no
    rules: Writer/Web's print of an HTML table), the median of its gaps wider than half a line;
    0 when fewer than two such gaps."""
    gaps = [(b.top or 0) - (a.bottom or 0) for a, b in pairwise(body)]
    wide = sorted(g for g in gaps if g > 0.5 * height)
    return wide[len(wide) // 2] if len(wide) >= 2 else 0.0


def _continues_header(lines: list[Line], start: int, end: int) -> bool:
    """The line after the header (lines[start:end]) sits at the header's line pitch under its
    last line, and the line after it further below (a row's padding): a top-aligned label's
    last line (`Good` / `Performance` / `High/Low`), not a first row's."""
    pitches = [(lines[k].top or 0) - (lines[k - 1].top or 0) for k in range(start + 1, end)]
    pitch = sorted(pitches)[len(pitches) // 2]
    line, above, below = lines[end], lines[end - 1], lines[end + 1]
    before = (line.top or 0) - (above.bottom or 0)
    after = (below.top or 0) - (line.bottom or 0)
    return abs((line.top or 0) - (above.top or 0) - pitch) <= 0.1 * pitch \
        and after > before + 0.2 * line_height(line)


def names_above(lines: list[Line], first: int, columns: list[Span], names: set[int], settings: TableSettings) -> int:
    k = first
    while k > 0:
        line, below = lines[k - 1], lines[k]
        if (below.top or 0) - (line.bottom or 0) > settings.row_gap_heights * line_height(line):
            break
        if not set(line_columns(line, columns)) <= names or data_at(lines, k - 1):
            break
        k -= 1
    return k


def _header_figure(line: Line, columns: list[Span]) -> bool:
    """One figure beside a word over a table of several columns is a header's wrapped label
    (`Previous` and the `12` of `Result 12 Months Ago`), not a row of it."""
    return len(columns) > 2 and sum(1 for c in line.cells if is_value_like(c.text)) == 1


def _fits_header(line: Line, columns: list[Span]) -> bool:
    """A header line: each label over one column, or a short one over two (a label wider than
    the figures under it, or over a column whose cells are aligned two ways); a sentence or a
    title runs across several. Labels set too tight to part (no space glyphs) are one run whose
    words stand apart, each over its own column."""
    if is_group_label_row(line, columns):
        return True
    for cell in _column_start_cells(line, columns):
        touched = sum(1 for x0, x1 in columns if min(cell.x1 or 0, x1) - max(cell.x0 or 0, x0) > 0)
        if touched > 2 or (touched == 2 and len(cell.text) > 30):
            apart = line_columns(Line((cell,)), columns)
            # (or words each alone over at most two columns: figures and `NA` aligned apart in each)
            paired = len(apart) >= 2 and all(
                len(ws) == 1 and sum(1 for x0, x1 in columns if min(ws[0].x1, x1) - max(ws[0].x0, x0) > 0) <= 2
                for ws in apart.values())
            if (len(apart) < max(3, touched - 1) or any(len(ws) > 2 for ws in apart.values())) and not paired:
                return False
    return True


def _column_start_cells(line: Line, columns: list[Span]) -> list[Cell]:
    """The line's cells, a run parted where its words start at columns' left edges (cells.py)."""
    out: list[Cell] = []
    for cell in line.cells:
        parts = column_start_parts(cell.words, columns) if len(cell.words) > 1 else []
        if len(parts) < 2:
            out.append(cell)
            continue
        out.extend(Cell(" ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, ws) for _, ws in parts)
    return out


def header_like(line: Line) -> bool:
    """A header row that runs across the columns: several labels, or one run of period labels
    or of value labels set too tight to part (`Target Actual Target Actual`)."""
    if len(line.cells) == 1:
        words = line.cells[0].words
        return sum(1 for w in words if is_period_cell(w.text)) >= 2 or (
            len(words) >= 2 and all(classify_header(w.text).role == "value" for w in words))
    return sum(1 for c in line.cells if classify_header(c.text).role == "value") >= 2


def new_header(line: Line, set_apart: bool) -> bool:
    """A header row of a table of its own: several cells and three or more different value
    labels, or two set apart from the line above (a row's wrapped line tight under it may
    hold two, `2023` and `NE`; a row of tiles each dated `2020/21 year end` holds one)."""
    labels = {c.text.lower() for c in line.cells if classify_header(c.text).role == "value"}
    return len(line.cells) > 2 and len(labels) >= (2 if set_apart else 3)
