"""Unruled grids: runs of data lines, columns from where the body puts its words (occupancy),
the header above the body, and the rows (grid_rows) - one Grid per table found."""

from __future__ import annotations

import re

from extract.model import Line, normalise_space
from extract.read.kinds import classify_header
from extract.read.tables.cells import (
    MONTH,
    Grid,
    Span,
    is_data_line,
    is_period_cell,
    is_value_like,
    line_columns,
    line_height,
    merge_spans,
)
from extract.read.tables.headers import header_cells, is_group_label_row, mend_label, without_taken
from extract.read.tables.rows import (
    lines_to_rows,
    measures_over_periods,
    name_columns_of,
    prose_beside_figures,
    realign_offset_figures,
    reclaim_first_row,
)
from extract.read.tables.sections import header_over_sections
from extract.read.tables.table_model import title_above, title_of
from extract.settings import TableSettings

_BROKEN_YEAR = re.compile(r"\b" + MONTH.pattern + r"[-–]\d$", re.I)


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


def _data_at(lines: list[Line], k: int) -> bool:
    above = lines[max(0, k - 3) : k]
    return is_data_line(lines[k]) and not _year_tail(lines[k], above) and not _rate_tail(lines[k], above)


def data_runs(lines: list[Line], settings: TableSettings) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of lines that hold a table body: data lines, and the lines
    between them that fit under their columns (wrapped names and comments)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _data_at(lines, i):
            i += 1
            continue
        start = last_data = i
        spans = _value_spans([lines[i]])
        j = i + 1
        while j < len(lines):
            line, previous = lines[j], lines[j - 1]
            gap = (line.top or 0) - (previous.bottom or 0)
            if gap > settings.row_gap_heights * 2 * line_height(previous):
                break
            if _data_at(lines, j):
                if not _fits_columns(line, spans, data=True):
                    break
                spans = _value_spans([lines[k] for k in range(start, j + 1) if is_data_line(lines[k])])
                last_data = j
            elif not _fits_columns(line, spans) or j - last_data > settings.max_wrapped_lines:
                break
            elif _new_header(line, gap > 0.5 * line_height(previous)):
                break  # a header line after data begins the next table (its columns may differ)
            j += 1
        runs.append((start, _trim_tail(lines, start, last_data, j, settings)))
        i = j
    return runs


def _trim_tail(lines: list[Line], start: int, last_data: int, end: int, settings: TableSettings) -> int:
    """The body ends after its last data line and the lines that follow it as tightly as the
    body's own lines follow each other (a wrapped last name); a heading after a gap is not the
    table's. Where a line has a line of its column above it, the column's own line pitch says
    (glyph boxes make the gaps between lines of a wrapped cell vary); else the gap does."""
    gaps = sorted(max(0.0, (lines[k].top or 0) - (lines[k - 1].bottom or 0)) for k in range(start + 1, last_data + 1))
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    pitches = sorted(p for k in range(start + 1, last_data + 1) if (p := _column_pitch(lines, start, k)) is not None)
    pitch = pitches[len(pitches) // 2] if pitches else None
    # a line's height varies with its glyphs (`4.6` is lower than `(per 10,000)`): the body's
    # type size is the range of its lines' heights, not one of them
    # (with the lines tight above the first values: a first row's wrapped name is the body's)
    first = start
    while first > max(0, start - 3) and (lines[first].top or 0) - (lines[first - 1].bottom or 0) <= \
            settings.row_gap_heights * line_height(lines[first - 1]):
        first -= 1
    heights = [line_height(lines[k]) for k in range(first, last_data + 1)]
    low, high = min(heights) * (1 - settings.type_size_tolerance), max(heights) * (1 + settings.type_size_tolerance)
    k = last_data + 1
    while k < end:
        own = _column_pitch(lines, start, k)
        if pitch is not None and own is not None:
            if own > pitch * (1 + settings.pitch_tolerance):
                break
        elif (lines[k].top or 0) - (lines[k - 1].bottom or 0) > max(1.5 * typical, 0.35 * line_height(lines[k])) + 0.5:
            break
        if not low <= line_height(lines[k]) <= high:
            break  # a heading in another type size
        k += 1
    return k


def _column_pitch(lines: list[Line], start: int, k: int, reach: int = 4) -> float | None:
    """How far below the nearest line above it (within `reach` lines, from `start`) that has
    text over its own line k sits: the line pitch of a wrapped cell."""
    x0 = min(c.x0 or 0.0 for c in lines[k].cells)
    x1 = max(c.x1 or 0.0 for c in lines[k].cells)
    for j in range(k - 1, max(start, k - reach) - 1, -1):
        if any(min(x1, c.x1 or 0.0) - max(x0, c.x0 or 0.0) > 0 for c in lines[j].cells):
            return (lines[k].top or 0) - (lines[j].top or 0)
    return None


def _value_spans(lines: list[Line]) -> list[Span]:
    """x extents of the value cells of data lines, merged where they overlap."""
    spans = sorted((c.x0, c.x1) for ln in lines for c in ln.cells if c.x0 is not None and is_value_like(c.text))
    return merge_spans(spans, 0.0)


def _fits_columns(line: Line, spans: list[Span], data: bool = False, left_edge: bool = True) -> bool:
    """Each cell of the line overlaps at most one value column, and a cell left of the value
    columns (a wrapped name) does not reach into them. A line of prose runs across them."""
    if not spans:
        return True
    first = spans[0][0]
    for cell in line.cells:
        if cell.x0 is None or cell.x1 is None:
            return False
        touched = sum(1 for x0, x1 in spans if min(cell.x1, x1) - max(cell.x0, x0) > 0)
        if touched > 1 and not data:
            return False
        if left_edge and cell.x0 < first - 2 and cell.x1 > first + 2 and not data:
            return False
    return True


def runs_to_columns(lines: list[Line], settings: TableSettings) -> list[Span]:
    """Columns from occupancy: the x extents of the body's words, merged where they overlap.

    Words, not cells: a renderer may write a whole grid row as one run of text, and a cell
    made of such a run would bridge the columns."""
    spans = [(w.x0, w.x1) for ln in lines for c in ln.cells for w in c.words]
    return merge_spans(spans, settings.min_column_gap)


def _spans_several_values(cell, lines: list[Line]) -> bool:
    """A text run laid across several value cells (`2007 2008 2009`): not one column."""
    return sum(1 for w in cell.words if is_value_like(w.text)) >= 2


def header_above(
    lines: list[Line], first: int, columns: list[Span], name_columns: set[int], settings: TableSettings
) -> tuple[int, int]:
    """(start, end) of the header lines above the body that starts at `first`: numberless lines
    with text over the value columns, tight above the body; the lines under them that hold only
    a name (a wrapped first row) stay in the body. Without a header (a table continued from the
    previous page), the name lines above the first values are the body's: (k, k)."""
    end: int | None = None
    header_start = first
    body_start = first
    body_heights = sorted(line_height(ln) for ln in lines[first : first + 12])
    height = body_heights[len(body_heights) // 2]  # the body's type size (lines vary with their glyphs)
    k = first - 1
    while k >= 0:
        line, below = lines[k], lines[k + 1]
        gap = (below.top or 0) - (line.bottom or 0)
        size = line_height(line)  # (the header's foot over the body: `earlier` alone has a box shorter than its type)
        if gap > settings.row_gap_heights * (height if k == first - 1 and size < 0.85 * height else size):
            break
        if _data_at(lines, k) and not _header_figure(line, columns):
            break
        tail = _year_tail(line, lines[max(0, k - 3) : k]) or _rate_tail(line, lines[max(0, k - 3) : k])
        if not tail and not _fits_header(line, columns) and not _header_like(line):
            if end is not None or (above := header_over_sections(
                    lines, k, settings, _header_like, columns, name_columns)) is None:
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


def _names_above(lines: list[Line], first: int, columns: list[Span], names: set[int], settings: TableSettings) -> int:
    k = first
    while k > 0:
        line, below = lines[k - 1], lines[k]
        if (below.top or 0) - (line.bottom or 0) > settings.row_gap_heights * line_height(line):
            break
        if not set(line_columns(line, columns)) <= names or _data_at(lines, k - 1):
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
    for cell in line.cells:
        touched = sum(1 for x0, x1 in columns if min(cell.x1 or 0, x1) - max(cell.x0 or 0, x0) > 0)
        if touched > 2 or (touched == 2 and len(cell.text) > 30):
            apart = line_columns(Line((cell,)), columns)
            if len(apart) < max(3, touched - 1) or any(len(ws) > 2 for ws in apart.values()):
                return False
    return True


def _width(columns: list[Span]) -> float:
    return (columns[-1][1] - columns[0][0]) if columns else 0.0


def _header_like(line: Line) -> bool:
    """A header row that runs across the columns: several labels, or one run of period labels
    or of value labels set too tight to part (`Target Actual Target Actual`)."""
    if len(line.cells) == 1:
        words = line.cells[0].words
        return sum(1 for w in words if is_period_cell(w.text)) >= 2 or (
            len(words) >= 2 and all(classify_header(w.text).role == "value" for w in words))
    return sum(1 for c in line.cells if classify_header(c.text).role == "value") >= 2


def _new_header(line: Line, set_apart: bool) -> bool:
    """A header row of a table of its own: several cells and three or more different value
    labels, or two set apart from the line above (a row's wrapped line tight under it may
    hold two, `2023` and `NE`; a row of tiles each dated `2020/21 year end` holds one)."""
    labels = {c.text.lower() for c in line.cells if classify_header(c.text).role == "value"}
    return len(line.cells) > 2 and len(labels) >= (2 if set_apart else 3)


def _names_values(header: list[Line], columns: list[Span], min_values: int) -> bool:
    cells = [mend_label(t) for t in header_cells(header, columns)]  # (`Perfor mance` a narrow column broke)
    return sum(1 for t in cells if t and classify_header(t).role == "value") >= min(2, min_values)


def unruled_grids(
    lines: list[Line], settings: TableSettings, min_values: int = 2, carried: list[Span] | None = None
) -> list[Grid]:
    """The unruled tables among the lines. `carried`: the columns of the table the previous
    page left open; a headerless first table takes them where its own few rows give fewer
    columns (occupancy needs rows to separate columns that wrapped cells bridge)."""
    grids: list[Grid] = []
    lines = realign_offset_figures(lines, settings)
    for start, end in data_runs(lines, settings):
        body = lines[start:end]
        last_data = max(k for k in range(start, end) if _data_at(lines, k))
        columns = runs_to_columns(lines[start : last_data + 1], settings)
        finer = runs_to_columns(body, settings)  # (a column the values lines leave empty: comments)
        if len(finer) > len(columns):
            columns = finer
        if len(columns) < 2:
            continue
        names = name_columns_of(body, columns)
        h_start, h_end = header_above(lines, start, columns, names, settings)
        if h_end > h_start and not _names_values(lines[h_start:h_end], columns, min_values) \
                and not measures_over_periods(lines[h_start:h_end], lines[h_end:end], columns, names, settings):
            # labels that name no value column: the first row's upper lines, and so are the
            # name lines tight above them (`up to date` over a wrapped figure's `0.542`)
            h_start = h_end = _names_above(lines, h_start, columns, names, settings)
        if h_end == h_start < start:
            # no header: the lines above the first values are its row's (a period and a word
            # wrapped around a one-line figure, `Apr-Jun` over `23`), and their words may set
            # apart columns the values lines alone leave run together
            finer = runs_to_columns(lines[h_end:end], settings)
            if len(finer) > len(columns):
                columns = finer
                names = name_columns_of(body, columns)
        if carried and not grids and h_end == h_start and len(columns) < len(carried):
            columns = list(carried)
            names = name_columns_of(body, columns)
            h_start, h_end = header_above(lines, start, columns, names, settings)
            h_start = h_end = _names_above(lines, h_start, columns, names, settings)
        merged = merge_exclusive_columns(body, columns, lines[h_start:h_end])
        extra = _header_only_columns(lines[h_start:h_end], merged)
        if extra or merged != columns:  # a header label over a column the body leaves empty (a symbol column)
            columns = _figures_under_labels(body, sorted(merged + extra), lines[h_start:h_end])
            names = name_columns_of(body, columns)
        # numberless lines between the header and the first data line: a wrapped first row (or section titles)
        sections = h_start < h_end < start and \
            header_over_sections(lines, start - 1, settings, _header_like, columns, names) == h_end - 1
        body = lines[start if sections else h_end : end]
        header = lines[h_start:h_end]
        rows, contexts, alignment, leading = lines_to_rows(body, columns, names, settings, headed=bool(header),
                                                   open_end=end == len(lines))
        if not rows:
            continue
        labels = header_cells(header, columns)
        if alignment == "centre" and header:
            lead = reclaim_first_row(header, body, columns, names, settings)
            if lead:
                labels = header_cells(without_taken(header, lead), columns)
                rows, contexts, alignment, leading = lines_to_rows(body, columns, names, settings, lead,
                                                           open_end=end == len(lines))
        header_context = " ".join(ln.text for ln in header)
        if header and leading and len(rows) > 1:
            # text above the first row's block under a header: the header's foot (`High/Low`
            # under `Good Performance`, a label line holding no value column)
            labels = [normalise_space(f"{h} {x}") for h, x in zip(labels, rows[0], strict=True)]
            header_context = normalise_space(f"{header_context} {contexts[0]}")
            rows, contexts = rows[1:], contexts[1:]
        all_rows = ([labels] if header else []) + rows
        all_contexts = ([header_context] if header else []) + contexts
        top = (header[0].top if header else body[0].top) or 0.0
        title = title_above(lines, h_start if header else h_end)
        grids.append(Grid("unruled", columns, all_rows, all_contexts, 1 if header else 0, top,
                          body[-1].bottom or top, title, alignment))
    return grids


def trailing_header(lines: list[Line], settings: TableSettings, min_values: int, left: float = -1.0) -> Grid | None:
    """A header at the foot of a page whose rows begin on the next page: the last lines, from the first
    that names value columns (a wrapped header runs over several lines). `left`: the page text's edge."""
    tail = lines[-settings.trailing_header_lines :]
    left = left if left >= 0 else min((c.x0 or 0.0 for ln in tail for c in ln.cells), default=0.0)
    for k, line in enumerate(tail):
        labels = [c.text for c in line.cells]
        if len(labels) < 2 or _data_at(tail, k) or title_of(line):
            continue
        if any(_title_at(tail[j], left) or (tail[j].top or 0) - (tail[j - 1].bottom or 0)
               > settings.row_gap_heights * line_height(tail[j - 1]) for j in range(k + 1, len(tail))):
            continue  # a title or a gap below: the header is the block after it (a small table above is not)
        header = tail[k:]
        if sum(1 for t in labels if classify_header(t).role == "value") < min(min_values, 2) and sum(
            1 for t in header_cells(header, _label_spans(header)) if classify_header(t).role == "value"
        ) < min_values:
            continue  # (labels a narrow column broke, `Actu` over `al`, name values only joined)
        if any(_data_at(tail, j) for j in range(k, len(tail))):
            return None  # (years wrapped under their months, `Jul-` over `24`, are no data)
        spans = _label_spans(header)
        first = lines.index(line)
        while first > 0 and _label_top(lines[first - 1], lines[first], spans) and header[0] is lines[first]:
            first -= 1  # the top of a label over its own column (`12` over `months earlier`)
            header = [lines[first], *header]
        cells = header_cells(header, spans)
        if sum(1 for t in cells if classify_header(t).role == "value") < min_values:
            return None
        return Grid("unruled", spans, [cells], [" ".join(ln.text for ln in header)], 1,
                    header[0].top or 0.0, header[-1].bottom or 0.0, title_above(lines, first))
    return None


def _title_at(line: Line, left: float) -> bool:
    """A title line at the left edge (a label wrapped in its cell sits over its own column)."""
    return len(line.cells) == 1 and (line.cells[0].x0 or 0.0) <= left + 2 and bool(title_of(line))


def _label_top(line: Line, below: Line, spans: list[Span]) -> bool:
    """A line of short labels, tight above the header, each over one of its columns."""
    height = max((below.bottom or 0) - (below.top or 0), 1.0)
    return (below.top or 0) - (line.bottom or 0) <= 0.6 * height and not title_of(line) and all(
        len(c.text) <= 20 and sum(1 for x0, x1 in spans if min(c.x1 or 0.0, x1) - max(c.x0 or 0.0, x0) > 0) == 1
        for c in line.cells) and not is_data_line(line)


def _label_spans(header: list[Line]) -> list[Span]:
    return merge_spans([(c.x0 or 0.0, c.x1 or 0.0) for ln in header for c in ln.cells], 0.0)


def merge_exclusive_columns(body: list[Line], columns: list[Span], header: list[Line]) -> list[Span]:
    """Neighbouring columns that no line fills both of, under one header label or with a label
    over only one of them, are one column whose cells are aligned differently (`NA` on the
    left, figures on the right). Two columns of words are not: centred cells of two lines
    beside cells of one (`Bigger is` / `Better` beside a name) never share a line with them."""
    labels = [(c.x0 or 0.0, c.x1 or 0.0) for ln in header for c in ln.cells]
    if not labels:
        return columns
    out = list(columns)
    i = 0
    placed: tuple | None = None  # (filled, labelled, name columns) of `out` as it is: computed again after a merge
    while i < len(out) - 1:
        a, b = out[i], out[i + 1]
        if placed is None:
            filled = [set(line_columns(line, out)) for line in body]
            placed = (filled, {c for ln in header for c in line_columns(ln, out)}, None)
        filled, labelled, names = placed
        under_one = any(min(x1, a[1]) - max(x0, a[0]) > 0 and min(x1, b[1]) - max(x0, b[0]) > 0 for x0, x1 in labels)
        one_label = (i in labelled) != (i + 1 in labelled)
        if (under_one or one_label) and not any(i in f and i + 1 in f for f in filled) \
                and not prose_beside_figures(body, out, i, i + 1):
            if names is None:
                names = name_columns_of(body, out)
                placed = (filled, labelled, names)
            if not {i, i + 1} <= names:
                out[i : i + 2] = [(a[0], max(a[1], b[1]))]
                placed = None
                continue
        i += 1
    return out


def _figures_under_labels(body: list[Line], columns: list[Span], header: list[Line]) -> list[Span]:
    """A column no label sits over, right of a labelled one and ending before the next label
    begins, whose lines never fill both: the labelled column's right-aligned figures (a label
    set left in its cell, `Jan-25` over `86%` further right)."""
    starts = [min((c.x0 or 0.0 for ln in header for c in ln.cells
                   if min(c.x1 or 0.0, x1) - max(c.x0 or 0.0, x0) > 0), default=None) for x0, x1 in columns]
    out = list(columns)
    k = 1
    while k < len(out):
        later = [s for s in starts[k + 1 :] if s is not None]
        if starts[k] is None and starts[k - 1] is not None and (not later or out[k][1] <= later[0]) \
                and not any(line_columns(ln, out).keys() >= {k - 1, k} for ln in body) \
                and not prose_beside_figures(body, out, k - 1, k):
            out[k - 1 : k + 1] = [(out[k - 1][0], out[k][1])]
            del starts[k]
            continue
        k += 1
    return out


def _header_only_columns(header: list[Line], columns: list[Span]) -> list[Span]:
    """Header cells that sit over no column of the body: columns of their own. A label's lines
    are one (`Previous years` over `Actual`, left-aligned over right-aligned figures): a line
    of it that misses the figures is not a column while another line of it reaches them."""
    def over_body(x0: float, x1: float) -> bool:
        return any(min(x1, b1) - max(x0, b0) > 0 for b0, b1 in columns)

    reaching = [(k, c.x0 or 0.0, c.x1 or 0.0) for k, ln in enumerate(header) for c in ln.cells
                if over_body(c.x0 or 0.0, c.x1 or 0.0)]
    spans = [(c.x0 or 0.0, c.x1 or 0.0) for k, ln in enumerate(header) for c in ln.cells
             if not over_body(c.x0 or 0.0, c.x1 or 0.0)
             and not any(j != k and min(c.x1 or 0.0, x1) - max(c.x0 or 0.0, x0) > 0 for j, x0, x1 in reaching)]
    return merge_spans(spans, 0.0)

