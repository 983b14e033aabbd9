"""Unruled grids: runs of data lines, columns from where the body puts its words (occupancy),
the header above the body, and the rows (grid_rows) - one Grid per table found."""

from __future__ import annotations

from extract.model import Line, normalise_space
from extract.read.kinds import classify_header
from extract.read.tables.cells import (
    Grid,
    Span,
    is_data_line,
    is_value_like,
    line_columns,
    line_height,
    merge_spans,
)
from extract.read.tables.headers import header_cells, mend_label, without_taken
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
from extract.read.tables.unruled_header import (
    data_at,
    header_above,
    header_like,
    names_above,
    new_header,
)
from extract.settings import TableSettings


def data_runs(lines: list[Line], settings: TableSettings) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of lines that hold a table body: data lines, and the lines
    between them that fit under their columns (wrapped names and comments)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not data_at(lines, i):
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
            if data_at(lines, j):
                if not _fits_columns(line, spans, data=True):
                    break
                spans = _value_spans([lines[k] for k in range(start, j + 1) if is_data_line(lines[k])])
                last_data = j
            elif not _fits_columns(line, spans) or j - last_data > settings.max_wrapped_lines:
                break
            elif new_header(line, gap > 0.5 * line_height(previous)):
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
    # (a body of one values line: its wrapped name's lines follow it up to half a line apart)
    typical = gaps[len(gaps) // 2] if gaps else 0.5 * line_height(lines[last_data])
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
        if _past_wrapped_line(lines, start, k, max(heights), settings):
            break
        if pitch is not None and own is not None:
            if own > pitch * (1 + settings.pitch_tolerance):
                break
        elif (lines[k].top or 0) - (lines[k - 1].bottom or 0) > max(1.5 * typical, 0.35 * line_height(lines[k])) + 0.5:
            break
        if not low <= line_height(lines[k]) <= high:
            break  # a heading in another type size
        k += 1
    return k


def _past_wrapped_line(lines: list[Line], start: int, k: int, body_height: float, settings: TableSettings) -> bool:
    """A line after the body sits further below the text of its column than a wrapped cell's next
    line can (more than `wrapped_pitch_heights` of the body's tallest line, top to top: a line
    skipped): a line of its own (a note or footnote under the table), whatever the body's median
    pitch, which mixes the lines of wrapped cells with the pitch of padded rows."""
    j = _column_above(lines, start, k)
    return j is not None and (lines[k].top or 0) - (lines[j].top or 0) > settings.wrapped_pitch_heights * body_height


def _column_pitch(lines: list[Line], start: int, k: int) -> float | None:
    """How far below the nearest line above it that has text over its own line k sits: the line
    pitch of a wrapped cell."""
    j = _column_above(lines, start, k)
    return None if j is None else (lines[k].top or 0) - (lines[j].top or 0)


def _column_above(lines: list[Line], start: int, k: int, reach: int = 4) -> int | None:
    """The nearest line above line k (within `reach` lines, from `start`) with text over its own."""
    x0 = min(c.x0 or 0.0 for c in lines[k].cells)
    x1 = max(c.x1 or 0.0 for c in lines[k].cells)
    for j in range(k - 1, max(start, k - reach) - 1, -1):
        if any(min(x1, c.x1 or 0.0) - max(x0, c.x0 or 0.0) > 0 for c in lines[j].cells):
            return j
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
        last_data = max(k for k in range(start, end) if data_at(lines, k))
        columns = runs_to_columns(lines[start : last_data + 1], settings)
        finer = runs_to_columns(body, settings)  # (a column the values lines leave empty: comments)
        if len(finer) > len(columns):
            columns = finer
        if len(columns) < 2:
            continue
        names = name_columns_of(body, columns)
        h_start, h_end = header_above(lines, start, columns, names, settings, end)
        if h_end > h_start and not _names_values(lines[h_start:h_end], columns, min_values) \
                and not measures_over_periods(lines[h_start:h_end], lines[h_end:end], columns, names, settings):
            # labels that name no value column: the first row's upper lines, and so are the
            # name lines tight above them (`up to date` over a wrapped figure's `0.542`)
            h_start = h_end = names_above(lines, h_start, columns, names, settings)
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
            h_start = h_end = names_above(lines, h_start, columns, names, settings)
        merged = merge_exclusive_columns(body, columns, lines[h_start:h_end])
        extra = _header_only_columns(lines[h_start:h_end], merged)
        if extra or merged != columns:  # a header label over a column the body leaves empty (a symbol column)
            columns = _figures_under_labels(body, sorted(merged + extra), lines[h_start:h_end])
            names = name_columns_of(body, columns)
        # numberless lines between the header and the first data line: a wrapped first row (or section titles)
        sections = h_start < h_end < start and \
            header_over_sections(lines, start - 1, settings, header_like, columns, names) == h_end - 1
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
        if len(labels) < 2 or data_at(tail, k) or title_of(line):
            continue
        if any(_title_at(tail[j], left) or (tail[j].top or 0) - (tail[j - 1].bottom or 0)
               > settings.row_gap_heights * line_height(tail[j - 1]) for j in range(k + 1, len(tail))):
            continue  # a title or a gap below: the header is the block after it (a small table above is not)
        header = tail[k:]
        if sum(1 for t in labels if classify_header(t).role == "value") < min(min_values, 2) and sum(
            1 for t in header_cells(header, _label_spans(header)) if classify_header(t).role == "value"
        ) < min_values:
            continue  # (labels a narrow column broke, `Actu` over `al`, name values only joined)
        if any(data_at(tail, j) for j in range(k, len(tail))):
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

