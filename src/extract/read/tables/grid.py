"""Tables on a PDF page rebuilt as grids of cells: a chain of small pure functions.

    rules ─ rules_to_edges ─ edges_to_regions ─ region_to_grid ─┐
    lines ─ data_runs ─ runs_to_columns ─ header_above ─ lines_to_rows ─ Grid ─ grid_to_table ─ Table

Rows are vertical bands and columns are vertical strips. Where the page draws its table
borders, the rules give both (shading behind cells is not a rule); where it draws none, the
columns come from where the value rows put their text (occupancy) and the rows from "anchor"
lines: the line of a row that holds its values. Lines between anchors (a name or comment
wrapped over several lines) belong to the anchor their cell is aligned on: the cells of a row
are aligned top, centre or bottom, and the alignment that explains the table best is used.
A cell's text is read top-down, left to right within the cell.

Every Grid keeps how it was found, so `extract inspect FILE --tables --page N` can show it,
and every Table keeps its Grid and a quality report.

The chain is split into flat modules, each importing only those before it (no cycles): cells
(the Grid model, cell texts, words into columns) <- headers (header rows and labels) <- ruled
(rules to grids), rows (anchors and the per-column partition) <- unruled (data runs, occupancy
columns, headers), carried (a table continued from the previous page) <- grid (this module:
page entry points, grids to tables).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extract.model import Line, Page, Word, normalise_space
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.tables.area_columns import areas_across
from extract.read.tables.areas import areas_down
from extract.read.tables.cards import card_grid, is_card
from extract.read.tables.carried import carried_columns, header_continued, header_foot, lines_up
from extract.read.tables.cells import (
    Grid,
    Span,
    is_data_cells,
    is_value_like,
    join_cell_lines,
    line_columns,
    line_height,
)
from extract.read.tables.charts import is_axis_row
from extract.read.tables.headers import header_row_count, mend_label, merge_header
from extract.read.tables.headings import heading_above
from extract.read.tables.label_blocks import is_label_block, label_block_grid
from extract.read.tables.quoted_names import name_period_rows
from extract.read.tables.row_end import heads_table_below
from extract.read.tables.rows import lines_to_rows, name_columns_of
from extract.read.tables.ruled import (
    Region,
    edges_to_regions,
    region_to_grid,
    region_words,
    rules_to_edges,
    split_at_headers,
)
from extract.read.tables.ruled_runs import same_columns
from extract.read.tables.sections import banner_rows
from extract.read.tables.side_by_side import side_by_side
from extract.read.tables.strips import split_strips
from extract.read.tables.table_model import (
    Column,
    Table,
    assemble_table,
    bare_periods,
    build_columns,
    reclassify_by_content,
)
from extract.read.tables.transposed import periods_down
from extract.read.tables.unruled import data_runs, title_above, trailing_header, unruled_grids
from extract.read.values import parse_cell
from extract.settings import TableSettings

__all__ = ["Grid", "grid_to_table", "page_grids", "page_tables"]

_RUNNING_HEADER_LINES = 3  # lines of prose a page may print above a table it continues (a running header)
# pure in the label, and tried on the same labels by every grid test of a page and every page of a table
_mended = lru_cache(maxsize=65536)(mend_label)


# -- grids → tables ----------------------------------------------------------------------------
def grid_to_table(
    grid: Grid, settings_min_values: int, carry: Table | None = None, repair_shifts: bool = False
) -> Table | None:
    """A Table from a grid: header rows merged into labels, columns classified by label and
    content. A grid without a header continues the carried table when its columns line up."""
    if any(is_axis_row(row) for row in grid.rows):
        return None  # a chart's axis labels, legend and data labels (charts.py)
    if grid.method == "ruled":
        grid.header_rows = header_row_count(grid.rows)
    header = grid.rows[: grid.header_rows]
    header = header[banner_rows(header):]  # (an objective merged across, over the labels)
    body = grid.rows[grid.header_rows :]
    contexts = grid.contexts[grid.header_rows :]
    if not body and not header:
        return None
    names_values = False
    if header:
        stacked = merge_header(header)
        if carry is not None and not carry.rows and lines_up(grid, carry) and not _titled_apart(grid, carry):
            # a header the page broke: its top at the foot of the previous page (a table of no
            # rows), its foot here (`Previous Perio` over `d`)
            stacked = header_continued(grid, carry, stacked)
        labels = [_mended(label) for label in stacked]
        columns = build_columns(labels, grid.columns)
        # a transposed table's header names measures, not value kinds: its rows are periods (transposed.py)
        # or areas (areas.py)
        if grid.method == "ruled":
            columns = _blank_named_figures(columns, body) or columns
        names_values = sum(1 for c in bare_periods(columns, body) if c.role == "value") >= settings_min_values \
            or periods_down(body, labels) \
            or is_label_block(grid) \
            or (grid.method == "ruled" and _named_single_value(columns, body)) \
            or (grid.method == "unruled" and sum(1 for c in columns if c.label) >= 4
                and _named_single_value(columns, body, unknown_name_label=True)) \
            or (not any(c.role == "value" for c in columns) and areas_down(body)) \
            or (not any(c.role == "value" for c in columns) and areas_across(labels, body))
    if names_values:
        header_context = " | ".join(grid.contexts[: grid.header_rows])
        title = grid.title
    elif carry is not None and lines_up(grid, carry) and not (header and _titled_apart(grid, carry)):
        # no header, or the foot of a header row the page broke (`hs Ago`): the carried table
        # goes on; rows without figures read as a header are the end of a row the page broke
        body, contexts = grid.rows, grid.contexts
        title = carry.section
        if 0 in grid.spanning and body and not any(is_value_like(t) for t in body[0] if t):
            # a title in one cell merged over every column at the page's top (`Taxes`): the section of
            # the rows under it, not the end of the carried table's last row (whose cells have their rules)
            title, body, contexts = normalise_space(" ".join(t for t in body[0] if t)), body[1:], contexts[1:]
        columns, body = carried_columns(grid, carry, body)
        columns, body, contexts = header_foot(columns, body, contexts, carry)
        header_context = carry.header_context
    else:
        return None
    columns = reclassify_by_content(columns, body)
    raw_rows = [(row, context, 0) for row, context in zip(body, contexts, strict=True)]
    table = assemble_table(columns, raw_rows, title, header_context, repair_shifts, grid=grid)
    repeated = carry is not None and names_values and (
        [c.label for c in columns if c.label] == [c.label for c in carry.columns if c.label])
    if not names_values or repeated:  # no header, the foot of a broken one, or the header repeated
        table.continues = carry
    return table


def _titled_apart(grid: Grid, carry: Table) -> bool:
    """A title of its own above the grid, another than the carried header's table's: a new table whose
    columns happen to line up with the header left at the previous page's foot, not that header's foot."""
    return bool(grid.title) and normalise_space(grid.title).lower() != normalise_space(carry.section or "").lower()


def _blank_named_figures(columns: list[Column], body: list[list[str]]) -> list[Column] | None:
    """A ruled table of two columns, words under a blank first header and a figure by every name under
    a header that says what is counted (`| Number`, `| Number of children`): the names and their
    actuals (the header of a numerator column, `Number`, names the figures when no share stands
    beside it)."""
    words = columns[1].label.split()
    # (the header's first word is a numerator's, header_words.csv: `Number`, `Number of children`)
    if len(columns) != 2 or columns[0].role != "blank" or not words or classify_header(words[0]).role != "formula" \
            or len(body) < 2:
        return None
    named = [row for row in body if row[0]]
    if len(named) < 2 or not all(is_value_like(row[1]) and parse_cell(row[1]).value is not None for row in named) \
            or any(parse_cell(row[0]).value is not None for row in named):
        return None
    name, figures = columns
    return [replace(name, meaning=HeaderMeaning("name")),
            replace(figures, meaning=HeaderMeaning("value", "actual", None))]


def _named_single_value(columns: list[Column], body: list[list[str]], unknown_name_label: bool = False) -> bool:
    """A ruled table of one figure per measure (`Measure | At 31 July 2014 | Comment`), or an unruled one
    whose header labels other columns beside (`Area Name | Count | Denominator | Value | LCI | UCI`): a column
    headed as the names, one headed as figures, and a figure by every name (a list of figures
    with no header naming both is no KPI table)."""
    values = [c for c in columns if c.role == "value"]
    names = [c for c in columns if c.role == "name"]
    if unknown_name_label and not names and values and values[0].index > 0 and columns[0].label and all(
            row[0] and not is_value_like(row[0]) for row in body):
        names = [columns[0]]  # (`Area Name`, a label header_words.csv does not know, over names; never a blank one)
    if len(values) != 1 or len(names) != 1 or len(body) < 2:
        return False
    named = [row for row in body if row[names[0].index]]
    return len(named) >= 2 and all(is_value_like(row[values[0].index]) for row in named)


def page_grids(
    page: Page, settings: TableSettings, min_values: int = 2, carried: tuple[Span, ...] | None = None
) -> list[Grid]:
    """Every grid on a page, top-down: ruled regions first, then unruled tables in what is left.
    Kept on the page, so detection and parsing find them once. `carried`: the columns of the
    table the previous page left open, for a headerless table at this page's top."""
    key = ("grids", settings, min_values, None)
    if key not in page.cache:
        page.cache[key] = _page_grids(page, settings, min_values, None)
    grids = page.cache[key]
    first = grids[0] if grids else None
    if carried is None or first is None or first.method != "unruled" or first.header_rows \
            or len(first.columns) >= len(carried):
        return grids  # (the page read on its own already has the carried table's columns)
    key = ("grids", settings, min_values, carried)
    if key not in page.cache:
        page.cache[key] = _page_grids(page, settings, min_values, carried)
    return page.cache[key]


def _page_grids(page: Page, settings: TableSettings, min_values: int, carried: tuple[Span, ...] | None) -> list[Grid]:
    h, v = rules_to_edges(page.rules, settings)
    regions = [part for region in edges_to_regions(h, v, settings)
               for part in split_strips(region, settings.intersection_tolerance)]  # (strips.py)
    grids: list[Grid] = []
    covered: list[tuple[float, float]] = []
    boxed: dict[int, Grid] = {}  # a header boxed apart from its rows, by the region of its rows
    regions = sorted(regions, key=lambda r: r.top)
    joined_to: tuple[int, Grid] | None = None  # the last table kept and the region it ends in
    for n, region in enumerate(regions):
        grid = region_to_grid(region, region_words(page.lines, region))
        if grid is None or len(grid.columns) < settings.min_ruled_columns:
            continue
        grid = card_grid(grid) or grid  # a measure's card: one row of its figures (cards.py)
        top = region.top
        if n in boxed and header_row_count(grid.rows) == 0:
            grid, top = _under_header(boxed[n], grid, page.lines)
        # a boxed header names values (`Baseline`, `2010/11`); a boxed note or key names none
        header_only = header_row_count(grid.rows) == len(grid.rows) and sum(
            1 for row in grid.rows for t in row if t and classify_header(t).role == "value") >= min_values
        if header_only and n + 1 < len(regions) and _rows_below(region, regions[n + 1], page.lines):
            boxed[n + 1] = grid  # the rows are the next ruled region (section titles may stand between)
            covered.append((region.top - 1, region.bottom + 1))
            continue
        small = len(grid.rows) < settings.min_ruled_rows
        if joined_to is not None and (small or same_columns(grids[-1], grid)) and not header_only \
                and header_row_count(grid.rows) == 0 and _rows_below(regions[joined_to[0]], region, page.lines):
            grids[-1] = _rows_joined(grids[-1], grid, page.lines)  # (ruled_runs.py)
            covered.append((region.top - 1, region.bottom + 1))
            joined_to = (n, grids[-1])
            continue
        if small and not header_only:
            continue
        first_below = _first_line_below(page.lines, top)
        grid.title = title_above(page.lines, first_below)
        if grid.title is None:
            grid.heading = heading_above(page.lines, first_below)
        grid = label_block_grid(grid) or grid  # a measure's label | value box under its name (label_blocks.py)
        bottom = region.bottom
        if header_only:
            # borders drawn round the header only (a spreadsheet's): its body is the lines under it
            below = min((r.top for r in regions if r.top > region.bottom), default=float("inf"))
            grid, bottom = _unruled_body(grid, [ln for ln in page.lines if (ln.bottom or 0) < below],
                                         region.bottom, settings)  # (up to the next ruled table)
            if len(grid.rows) < settings.min_ruled_rows:
                continue
        grids.extend(split_at_headers(grid, min_values))
        covered.append((top - 1, bottom + 1))
        joined_to = (n, grids[-1])
    rest = [ln for ln in page.lines if not any(t <= ((ln.top or 0) + (ln.bottom or 0)) / 2 <= b for t, b in covered)]
    above = min((g.top for g in grids), default=float("inf"))
    top_rest = [ln for ln in rest if (ln.top or 0) < above]
    if carried and top_rest:  # only a table above every ruled one continues the previous page's
        grids.extend(unruled_grids(top_rest, settings, min_values, list(carried)))
        grids.extend(unruled_grids(rest[len(top_rest):], settings, min_values))
    else:
        grids.extend(_unruled_apart(rest, settings, min_values))
    grids.sort(key=lambda g: g.top)
    grids = name_period_rows(grids, page.lines)  # periods over one row of figures, no name (quoted_names.py)
    last_bottom = grids[-1].bottom if grids else -1.0
    tail = [ln for ln in rest if (ln.top or 0) > last_bottom]
    # (at the page text's left edge, not the header's: a header over a blank first column is no title)
    left = min((c.x0 or 0.0 for ln in rest for c in ln.cells), default=0.0)
    pending = trailing_header(tail, settings, min_values, left) if tail else None
    if pending is not None:
        grids.append(pending)
    return grids


def _unruled_apart(lines: list[Line], settings: TableSettings, min_values: int) -> list[Grid]:
    """The unruled tables among the lines, tables set side by side read each on its own."""
    split = side_by_side(lines)
    if split is None:
        return unruled_grids(lines, settings, min_values)
    return [grid for part in split if part for grid in _unruled_apart(part, settings, min_values)]


def _unruled_body(grid: Grid, lines: list[Line], bottom: float, settings: TableSettings) -> tuple[Grid, float]:
    """A ruled header with the unruled rows printed right under it, read in the header's columns
    (section titles between them are rows of their own); the grid as it was when none follow."""
    below = [ln for ln in lines if (ln.top or 0) >= bottom - 1]
    runs = data_runs(below, settings)
    if not runs or not below:
        return grid, bottom
    start, end = runs[0]
    height = line_height(below[start])
    if start > 3 or (below[start].top or 0) - bottom > 4 * settings.row_gap_heights * max(height, 1.0):
        return grid, bottom  # the next figures are no body of this header
    names = name_columns_of(below[:end], grid.columns)
    for next_start, next_end in runs[1:]:  # rows after a section title set between them go on
        between = below[end:next_start]
        if not between or len(between) > 2 or not all(_section_line(ln, grid.columns, names) for ln in between) \
                or (below[next_start].top or 0) - (below[end - 1].bottom or 0) > 4 * settings.row_gap_heights * height:
            break
        end = next_end
    body = below[:end]
    names = name_columns_of(body, grid.columns)
    rows: list[list[str]] = []
    contexts: list[str] = []
    alignment = None
    segment: list[Line] = []
    for line in [*body, None]:
        if line is not None and not _section_line(line, grid.columns, names):
            segment.append(line)
            continue
        if segment:  # the rows between two section titles, banded on their own
            found, texts, alignment, _ = lines_to_rows(segment, grid.columns, names, settings, headed=True,
                                                       open_end=line is None and end == len(below))
            rows += found
            contexts += texts
            segment = []
        if line is not None:  # a section title: a row of its own, in the first column
            rows.append([line.text] + [""] * (len(grid.columns) - 1))
            contexts.append(line.text)
    if not any(is_data_cells(row) for row in rows):
        return grid, bottom
    return replace(grid, rows=grid.rows + rows, contexts=grid.contexts + contexts, alignment=alignment,
                   bottom=body[-1].bottom or bottom), body[-1].bottom or bottom


def _between(upper: float, lower: float, lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if upper <= ((ln.top or 0) + (ln.bottom or 0)) / 2 <= lower]


_BOXED_GAP = 48.0  # points: how far under a boxed header its rows may start, per line of section titles + 1


def _rows_below(header: Region, rows: Region, lines: list[Line]) -> bool:
    """The next ruled region holds a boxed header's rows: it starts under it, as wide, with at most a
    few section titles (one run of words each, no figure) between them."""
    between = _between(header.bottom, rows.top, lines)
    overlap = min(header.x1, rows.x1) - max(header.x0, rows.x0)
    return rows.top - header.bottom < _BOXED_GAP * (len(between) + 1) and overlap > 0.8 * (header.x1 - header.x0) \
        and len(between) <= 3 and all(len(ln.cells) == 1 and not is_value_like(ln.text) for ln in between)


def _under_header(header: Grid, body: Grid, lines: list[Line]) -> tuple[Grid, float]:
    """A boxed header's labels set over the columns of the rows boxed under it (each label over the
    column it overlaps most), the section titles between them rows of their own."""
    width = len(body.columns)
    rows = _set_in_columns(header, body.columns)
    sections = [[ln.text] + [""] * (width - 1) for ln in _between(header.bottom, body.top, lines)]
    joined = rows + sections + body.rows
    return replace(body, rows=joined, contexts=[" ".join(t for t in r if t) for r in joined], top=header.top), \
        header.top


def _set_in_columns(grid: Grid, columns: list[Span]) -> list[list[str]]:
    """`grid`'s rows with each cell set under the column of `columns` it overlaps most."""
    width = len(columns)
    rows: list[list[str]] = []
    for cells in grid.rows:
        row = [""] * width
        for (x0, x1), text in zip(grid.columns, cells, strict=True):
            c = max(range(width), key=lambda k: min(x1, columns[k][1]) - max(x0, columns[k][0]))
            row[c] = normalise_space(f"{row[c]} {text}")
        rows.append(row)
    return rows


def _rows_joined(upper: Grid, lower: Grid, lines: list[Line]) -> Grid:
    """A row boxed on its own under a table, only section titles between (a spreadsheet's section row
    merged across with no borders breaks the rules): its cells set in the table's columns, each under
    the column it overlaps most, the section titles rows of their own."""
    width = len(upper.columns)
    sections = [[ln.text] + [""] * (width - 1) for ln in _between(upper.bottom, lower.top, lines)]
    joined = sections + _set_in_columns(lower, upper.columns)
    return replace(upper, rows=upper.rows + joined, contexts=upper.contexts + [" ".join(t for t in r if t)
                                                                               for r in joined], bottom=lower.bottom)


def _section_line(line: Line, columns: list[Span], names: set[int]) -> bool:
    """A section title under a spreadsheet's header: one run of words, no figure, starting in a
    column that holds no names and running on into the next (a wrapped name stays in its column)."""
    if len(line.cells) != 1 or is_value_like(line.cells[0].text):
        return False
    cell = line.cells[0]
    if cell.x0 is None or cell.x1 is None:
        return False
    first = next((c for c, (x0, x1) in enumerate(columns) if x0 - 2 <= cell.x0 < x1), None)
    return first is not None and first not in names and cell.x1 > columns[first][1] + 2


def _first_line_below(lines: list[Line], y: float) -> int:
    for i, line in enumerate(lines):
        if (line.top or 0) >= y - 1:
            return i
    return len(lines)


def page_tables(
    page: Page, settings: TableSettings, min_values: int, carry: Table | None = None, repair_shifts: bool = False
) -> list[Table]:
    tables: list[Table] = []
    carried = None  # the columns of a table with rows: where its figures sat (a header's labels may not)
    if carry is not None and carry.rows and all(c.x0 is not None and c.x1 is not None for c in carry.columns):
        carried = tuple((c.x0 or 0.0, c.x1 or 0.0) for c in carry.columns)
    grids = page_grids(page, settings, min_values, carried)
    if carry is not None and is_card(carry.grid) and grids and (rest := card_grid(grids[0], carry.grid)):
        grids = [rest, *grids[1:]]  # the rest of the previous page's last card (cards.py)
    fragment = _row_end_at_top(page, carry, grids[0].top if grids else float("inf"),
                               grids[0].bottom if grids else float("inf")) if carried else None
    if fragment is not None:
        tables.append(fragment)
    # a table continues the previous page's only from the page's top: one under paragraphs of
    # prose (running headers aside) is a table of its own
    if grids and page.width and sum(
        1 for ln in page.lines if (ln.bottom or 0) <= grids[0].top and len(ln.cells) == 1
        and (ln.cells[0].x1 or 0.0) - (ln.cells[0].x0 or 0.0) > 0.6 * page.width) > _RUNNING_HEADER_LINES:
        carry = None
    for grid in grids:
        table = grid_to_table(grid, min_values, carry if not tables else None, repair_shifts)
        if table is not None:
            tables.append(table)
    return tables


_CAPTION_LABEL = re.compile(r"(?:figure|fig\.|table|chart|graph|map|diagram)\s+\d{1,2}(?:\.\d{1,2})*\b", re.I)
_NUMBERED_HEADING = re.compile(r"\d{1,2}(?:(?:\.\d{1,2})+\.?|\.)\s+[A-Z][a-z]")  # `4.7 Exiting`, `3. Placements`


def _row_end_at_top(page: Page, carry: Table | None, until: float, below: float) -> Table | None:
    """The end of the carried table's last row, printed alone at the top of the page (the
    rest of a wrapped name, no figures): a one-row table continuing the carried one, so the
    row's words are joined to it (tables.join_broken_row). Its lines are tightly stacked and
    sit under the carried columns; a gap (a heading, a paragraph) ends it."""
    if carry is None or not carry.rows or not page.lines:
        return None
    spans = [(c.x0 or 0.0, c.x1 or 0.0) for c in carry.columns]
    taken: list[Line] = []
    for line in page.lines:
        if (line.top or 0) >= until - 1:
            break
        height = max((line.bottom or 0) - (line.top or 0), 1.0)
        if taken and (line.top or 0) - (taken[-1].bottom or 0) > 0.5 * height:
            break
        if heads_table_below(line, page.lines, until, below):
            break  # a heading in a larger type over the page's first table (row_end.py)
        # each cell under one carried column: a line across several (a heading) is no row's end
        inside = all(sum(1 for x0, x1 in spans if min(c.x1 or 0.0, x1) - max(c.x0 or 0.0, x0) > 0) == 1
                     and (c.x0 or 0.0) >= spans[0][0] - 2 for c in line.cells)
        if not inside or is_data_cells([c.text for c in line.cells]) or _NUMBERED_HEADING.match(line.text) \
                or _CAPTION_LABEL.match(line.text):
            break  # (`4.7 Exiting from care and adoption`, `Figure 8.2`: the next heading or caption, no row's end)
        taken.append(line)
    if not taken:
        return None
    placed: dict[int, list[list[Word]]] = {}
    for line in taken:
        for c, words in line_columns(line, spans).items():
            placed.setdefault(c, []).append(sorted(words, key=lambda w: w.x0))
    cells = [join_cell_lines(placed.get(c, []), spans[c][1]) for c in range(len(spans))]
    context = " | ".join(cell for cell in cells if cell)
    table = assemble_table(list(carry.columns), [(cells, context, 0)], carry.section, carry.header_context)
    table.continues = carry
    return table
