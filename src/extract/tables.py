"""Finding KPI tables in a page's lines: a chain of small pure functions.

    lines ─ merge_wrapped_lines ─ find_header ─ merge_header_rows ─ columns ─ align_row
          ─ repair_shifted_cells ─ Table

Text input gives cells by tab stop, so a row's cells line up with the header by index.
PDF input gives cells with x positions, which `align_row` assigns to the header column they
sit under. Each Table carries its own quality report (as camelot does).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from extract import grid
from extract.kinds import HeaderMeaning, classify_header
from extract.model import Cell, Document, Line, Page, normalise_space
from extract.settings import Settings
from extract.table_model import Column, Table, assemble_table, build_columns, reclassify_by_content, title_of
from extract.values import is_no_value, parse_cell


def header_meanings(line: Line) -> list[HeaderMeaning]:
    return [classify_header(t) for t in line.texts]


def is_header_line(line: Line, settings: Settings) -> bool:
    """A header names at least `min_value_columns` value columns and holds no plain numbers
    (a run of consecutive years, `2013 2014 2015`, heads the columns of an area table)."""
    numbers = sum(1 for t in line.texts if t and parse_cell(t).value is not None and not _year_run(line.texts))
    if numbers > 1:  # one stray digit (an icon read as `0`) is tolerated; a data row has many
        return False
    values = sum(1 for m in header_meanings(line) if m.role == "value")
    return values >= settings.min_value_columns and numbers < values / 2


def _year_run(texts: list[str]) -> bool:
    """The line's numbers are years that follow one another: column headers, not figures."""
    numbers = [t for t in texts if t and parse_cell(t).value is not None]
    if len(numbers) < 2 or not all(re.fullmatch(r"(?:19|20)\d{2}", t) for t in numbers):
        return False
    years = [int(t) for t in numbers]
    return all(b - a == 1 for a, b in itertools.pairwise(years))


def is_subheader_line(line: Line) -> bool:
    """The second row of a two-row header: labels only (`Tolerance  Target  Actual  Actual`)."""
    texts = [t for t in line.texts if t]
    if not texts or any(parse_cell(t).value is not None or is_no_value(t) for t in texts):
        return False
    meanings = [classify_header(t) for t in texts]
    return sum(1 for m in meanings if m.role == "value") >= 2 and all(m.role != "ignore" for m in meanings)


def merge_header_rows(top: list[str], bottom: list[str]) -> list[str]:
    """`Jul-24` above `Actual` → `Jul-24 Actual`; a label on one row only stands alone."""
    width = max(len(top), len(bottom))
    top = top + [""] * (width - len(top))
    bottom = bottom + [""] * (width - len(bottom))
    return [normalise_space(f"{a} {b}") for a, b in zip(top, bottom, strict=True)]


def merge_header_rows_by_position(
    header_lines: list[Line],
) -> tuple[list[str], list[tuple[float | None, float | None]]]:
    """PDF header rows merged by where their cells sit: a label under another joins it
    (`Jul-24` over `Actual`); a label with nothing above it is a column of its own."""
    columns: list[list] = []  # [label, x0, x1]
    for line in header_lines:
        for cell in line.cells:
            if not cell.text.strip():
                continue
            above = [c for c in columns if min(cell.x1, c[2]) - max(cell.x0, c[1]) > 0]
            if len(above) == 1:
                above[0][0] = normalise_space(f"{above[0][0]} {cell.text}")
                above[0][1], above[0][2] = min(above[0][1], cell.x0), max(above[0][2], cell.x1)
            else:
                columns.append([cell.text.strip(), cell.x0, cell.x1])
    columns.sort(key=lambda c: c[1])
    return [c[0] for c in columns], [(c[1], c[2]) for c in columns]


def align_row(line: Line, columns: list[Column]) -> tuple[list[str], int]:
    """The row's cells, one per column. Text cells align by index; PDF cells by x position.

    Returns the aligned cells and how many cells could not be placed under any column.
    """
    width = len(columns)
    if not line.cells or line.cells[0].x0 is None or columns[0].x0 is None:
        texts = line.texts
        if len(texts) > width:
            extra = [t for t in texts[width:] if t]
            return texts[:width], len(extra)
        return texts + [""] * (width - len(texts)), 0
    cells = [""] * width
    unaligned = 0
    for cell in line.cells:
        target = _column_under(cell.x0, cell.x1, columns)
        if target is None:
            unaligned += 1
            continue
        cells[target] = normalise_space(f"{cells[target]} {cell.text}")
    return cells, unaligned


def _column_under(x0: float | None, x1: float | None, columns: list[Column]) -> int | None:
    if x0 is None or x1 is None:
        return None
    best, best_overlap = None, 0.0
    for col in columns:
        if col.x0 is None or col.x1 is None:
            continue
        overlap = min(x1, col.x1) - max(x0, col.x0)
        if overlap > best_overlap:
            best, best_overlap = col.index, overlap
    if best is not None:
        return best
    # No overlap: the nearest column centre.
    centre = (x0 + x1) / 2
    spans = [(abs(centre - (c.x0 + c.x1) / 2), c.index) for c in columns if c.x0 is not None and c.x1 is not None]
    return min(spans)[1] if spans else None


def is_row_line(line: Line, settings: Settings) -> bool:
    return sum(1 for t in line.texts if t) >= settings.min_row_cells


def _is_data_line(line: Line) -> bool:
    """A row of figures: numbers in at least two cells and a good share of them. A header may
    hold a stray number (`12` of `12 months earlier`, an icon read as `0`) and stays a header."""
    texts = [c.text for c in line.cells if c.text.strip()]
    numbers = sum(1 for t in texts if parse_cell(t).value is not None)
    if len(texts) == 1:
        return numbers == 1
    return numbers >= 2 and numbers >= 0.3 * len(texts)


def _value_like(text: str) -> bool:
    return parse_cell(text).value is not None or is_no_value(text)


def _fits_under(fragment: Line, row: Line, text_only: bool = False) -> bool:
    """Every cell of `fragment` sits under exactly one cell of `row` and overlaps no other;
    text_only, both hold words, not a number or a placeholder such as `TBC` (names and comments
    wrap; a line of values is a row of its own)."""
    used: set[int] = set()
    for cell in fragment.cells:
        if cell.x0 is None or cell.x1 is None:
            return False
        hosts = [c for c in row.cells if c.x0 is not None and min(cell.x1, c.x1) - max(cell.x0, c.x0) > 0]
        starts_with = [c for c in row.cells if c.x0 is not None and abs(c.x0 - cell.x0) <= 3.0]
        if len(hosts) > 1 or (not hosts and not starts_with):
            return False
        host = (hosts or starts_with)[0]
        if id(host) in used:  # two cells under one: a row of its own under a wide line of prose
            return False
        used.add(id(host))
        # a printed calculation (`$(4220/146874)*10000 =`) may wrap onto its result (`287$`)
        calculation = "=" in host.text and not host.text.rstrip().endswith(("%", "$")) and "/" in host.text
        if text_only and (_value_like(host.text) or (_value_like(cell.text) and not calculation)):
            return False
    return True


def _merge_lines(a: Line, b: Line) -> Line:
    """Join b's cells onto the cells of a they sit under (a above b)."""
    cells = list(a.cells)
    for cell in b.cells:
        for k, host in enumerate(cells):
            if (min(cell.x1, host.x1) - max(cell.x0, host.x0) > 0) or abs(host.x0 - cell.x0) <= 3.0:
                joiner = "" if host.text.rstrip().endswith(("-", "–")) else " "
                text = f"{host.text.rstrip() if not joiner else host.text}{joiner}{cell.text}"
                cells[k] = Cell(text, min(host.x0, cell.x0), max(host.x1, cell.x1))
                break
        else:
            cells.append(cell)
    cells.sort(key=lambda c: c.x0)
    return Line(tuple(cells), top=min(a.top, b.top), bottom=max(a.bottom, b.bottom))


def merge_wrapped_lines(lines: list[Line], gap_ratio: float = 0.45) -> list[Line]:
    """PDF lines that are wrapped parts of one table row become one line.

    A long name wraps inside its cell; a header wraps (`Statistical` over `Neighbours 2023/24`);
    other cells may be centred on the middle line. A line joins its neighbour when the gap
    between them is tight (under gap_ratio of a line's height), at most one of the two holds
    numbers, and the numberless one's cells each sit under a single cell of the other.
    Text input (no positions) passes through unchanged.
    """
    if not lines or lines[0].top is None:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.is_blank:
            continue
        if out and _joins(out[-1], line, gap_ratio):
            out[-1] = _merge_lines(out[-1], line)
        else:
            out.append(line)
    return out


_OPEN_YEAR = re.compile(r"(?:19|20)\d{2}\s*[–-]$")


def _split_years(above: Line, below: Line) -> bool:
    """`2023–` over `24`: a year header wrapped at its dash (the second line is all 2 digits)."""
    return (
        any(_OPEN_YEAR.search(c.text.strip()) for c in above.cells)
        and all(re.fullmatch(r"\d{2}", c.text.strip()) for c in below.cells)
        and _fits_under(below, above)
    )


def _joins(above: Line, below: Line, gap_ratio: float) -> bool:
    if above.top is None or below.top is None or above.bottom is None or below.bottom is None:
        return False
    height = max(above.bottom - above.top, below.bottom - below.top) or 1.0
    gap = (below.top - above.bottom) / height
    if gap <= gap_ratio * 1.35 and _split_years(above, below):
        return True
    above_numbers, below_numbers = _is_data_line(above), _is_data_line(below)
    if not above_numbers and not below_numbers:
        # wrapped header labels (or a wrapped name between numberless lines)
        return gap <= gap_ratio * 1.35 and _fits_under(below, above)
    # A wrapped name is one cell under (or over) the row's text cell. Glyph boxes of short
    # lowercase fragments (`or more`) sit low, so the gap allowed is looser than for headers.
    if above_numbers and not below_numbers:
        limit = gap_ratio * (1.65 if len(below.cells) == 1 else 1.35)
        return gap <= limit and _fits_under(below, above, text_only=True)
    if below_numbers and not above_numbers and len(above.cells) == 1:
        return gap <= gap_ratio * 1.35 and _fits_under(above, below, text_only=True)
    return False


def find_tables(
    lines: list[Line],
    settings: Settings,
    section: str | None = None,
    carry: Table | None = None,
    repair_shifts: bool = False,
) -> list[Table]:
    """Every table in a run of lines: a header row (maybe two), then the rows under it.

    `carry` is the last table of the previous page: rows at the top of this page that line up
    under its columns continue it (tables that run on without repeating their header).
    """
    lines = merge_wrapped_lines(lines)
    tables: list[Table] = []
    i = 0
    current_title = section
    if carry is not None and carry.columns and carry.columns[0].x0 is not None:
        continued, i = _continue_table(lines, carry, settings)
        if continued is not None:
            tables.append(continued)
    while i < len(lines):
        line = lines[i]
        if not is_header_line(line, settings):
            title = title_of(line)
            if title:
                current_title = title
            i += 1
            continue
        labels = line.texts
        header_lines = [line]
        j = i + 1
        if j < len(lines) and is_subheader_line(lines[j]):
            header_lines.append(lines[j])
            j += 1
        if line.cells[0].x0 is not None:
            labels, spans = merge_header_rows_by_position(header_lines)
        else:
            if len(header_lines) == 2:
                labels = merge_header_rows(labels, header_lines[1].texts)
            spans = None
        row_lines: list[Line] = []
        while j < len(lines):
            row_line = lines[j]
            if row_line.is_blank:
                j += 1
                continue
            if is_header_line(row_line, settings) or not is_row_line(row_line, settings):
                break
            row_lines.append(row_line)
            j += 1
        if spans is not None:
            labels, spans = add_unlabelled_columns(labels, spans, row_lines)
        columns = build_columns(labels, spans)
        raw_rows = [(*align_row(row_line, columns), row_line) for row_line in row_lines]
        raw_rows = [(cells, row_line, unaligned) for cells, unaligned, row_line in raw_rows]
        columns = reclassify_by_content(columns, [r[0] for r in raw_rows])
        raw_rows = [(cells, row_line.text, unaligned) for cells, row_line, unaligned in raw_rows]
        table = assemble_table(columns, raw_rows, current_title, " | ".join(h.text for h in header_lines),
                               repair_shifts=repair_shifts)
        # a header at the foot of a page with its rows on the next is kept, to be continued
        if table.rows or j >= len(lines):
            tables.append(table)
        i = j
    return tables


def add_unlabelled_columns(
    labels: list[str], spans: list[tuple[float | None, float | None]], rows: list[Line]
) -> tuple[list[str], list[tuple[float | None, float | None]]]:
    """Columns whose header cell is blank leave no trace in a PDF header row: the name column
    of a scorecard, a symbol column. Cells of the rows that sit under no header cell mark
    them; each cluster of such cells becomes a column with a blank label, in x order."""
    known = [(x0, x1) for x0, x1 in spans if x0 is not None and x1 is not None]
    orphans: list[tuple[float, float]] = []
    for line in rows:
        for cell in line.cells:
            if cell.x0 is None or cell.x1 is None or not cell.text.strip():
                continue
            if any(min(cell.x1, x1) - max(cell.x0, x0) > 0 for x0, x1 in known):
                continue
            orphans.append((cell.x0, cell.x1))
    clusters: list[list[float]] = []
    for x0, x1 in sorted(orphans):
        if clusters and x0 <= clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], x1)
        else:
            clusters.append([x0, x1])
    if not clusters:
        return labels, spans
    merged = list(zip(labels, spans, strict=True)) + [("", (c[0], c[1])) for c in clusters]
    merged.sort(key=lambda item: item[1][0] if item[1][0] is not None else -1.0)
    return [m[0] for m in merged], [m[1] for m in merged]


def _continue_table(lines: list[Line], carry: Table, settings: Settings) -> tuple[Table | None, int]:
    """Rows before any header or title on a new page that line up with the carried table."""
    row_lines: list[Line] = []
    j = 0
    while j < len(lines):
        line = lines[j]
        if is_header_line(line, settings) or not is_row_line(line, settings) or not _is_data_line(line):
            break
        row_lines.append(line)
        j += 1
    if not row_lines:
        return None, 0
    labels = [c.label for c in carry.columns]
    spans = [(c.x0, c.x1) for c in carry.columns]
    labels, spans = add_unlabelled_columns(labels, spans, row_lines)
    columns = build_columns(labels, spans)
    raw_rows = []
    for line in row_lines:
        cells, unaligned = align_row(line, columns)
        raw_rows.append((cells, line, unaligned))
    columns = reclassify_by_content(columns, [r[0] for r in raw_rows])
    raw_rows = [(cells, line.text, unaligned) for cells, line, unaligned in raw_rows]
    return assemble_table(columns, raw_rows, carry.section, carry.header_context), j


#: Strategies a parser may opt into (Parser.strategies):
#: - repair_shifted_cells: a value under a blank-headed column moves into the empty value column
#:   on its left (exports where a deleted column's tab stop or cell survives).
STRATEGIES = ("repair_shifted_cells",)


def page_tables(
    page: Page, settings: Settings, carry: Table | None = None, strategies: tuple[str, ...] = ()
) -> list[Table]:
    """The tables of one page: PDF pages are rebuilt as grids of cells (grid.py), text pages
    are read by tab stop."""
    unknown = set(strategies) - set(STRATEGIES)
    if unknown:
        raise ValueError(f"unknown table strategies: {', '.join(sorted(unknown))}")
    repair = "repair_shifted_cells" in strategies
    if page.number is not None:
        return grid.page_tables(page, settings.tables, settings.min_value_columns, carry, repair)
    return find_tables(page.lines, settings, carry=carry, repair_shifts=repair)


def tables_by_page(
    pages: list[Page], settings: Settings, strategies: tuple[str, ...] = ()
) -> Iterator[tuple[Page, Table]]:
    """Every table of a document with the page it sits on; a table that runs on to the next
    page without repeating its header continues there (its rows keep their own page)."""
    carry: Table | None = None
    held: list[tuple[Page, Table]] = []  # a page's tables wait for the next page, which may end their last row
    for page in pages:
        tables = page_tables(page, settings, carry=carry, strategies=strategies)
        if tables and tables[0].continues is not None:
            join_broken_row(tables[0].continues, tables[0])
        yield from held
        held = [(page, table) for table in tables]
        carry = tables[-1] if tables else None
    yield from held


def join_broken_row(previous: Table, continued: Table) -> None:
    """A row the page broke: the continuation's first row has words but no figures (the end of
    a name or a comment). Its words end the previous page's last row, column by column."""
    if not continued.rows or not previous.rows:
        return
    first = continued.rows[0]
    if any(first.cells[c.index] for c in continued.value_columns) or not any(first.cells):
        return
    last = previous.rows[-1]
    targets = {}
    for col in continued.columns:
        if not first.cells[col.index]:
            continue
        same = [p for p in previous.columns if p.label == col.label and p.role == col.role]
        if len(same) != 1:
            return  # cannot tell which cell of the row it ends
        targets[same[0].index] = first.cells[col.index]
    for index, text in targets.items():
        last.cells[index] = normalise_space(f"{last.cells[index]} {text}")
    last.context = normalise_space(f"{last.context} {first.context}")
    continued.rows.pop(0)
    continued.report.rows -= 1


def document_cell_text(document: Document, settings: Settings) -> str:
    """The cells of the PDF's tables, one per line, read top-down within each cell:
    what a parser's `detect` reads besides the lines (see Document.cell_text)."""
    if document.kind != "pdf":
        return ""
    cells = []
    for page in document.pages:
        for found in grid.page_grids(page, settings.tables, settings.min_value_columns):
            cells.extend(cell for row in found.rows for cell in row if cell)
    return "\n".join(cells)
