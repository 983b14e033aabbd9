"""Finding KPI tables: the one entry point for parsers (`tables_by_page`, `page_tables`).

Text pages are read here, a chain of small pure functions:

    lines ─ is_header_line ─ merge_header_rows ─ build_columns ─ align_row
          ─ (repair_shifted_cells, a strategy) ─ Table

Text input gives cells by tab stop, so a row's cells line up with the header by index. PDF
pages are rebuilt as grids of cells by grid.py. Each Table carries its own quality report
(as camelot does).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from extract.model import Document, Line, Page, normalise_space
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.tables import grid
from extract.read.tables.cells import is_value_like
from extract.read.tables.table_model import (
    Column,
    Table,
    assemble_table,
    build_columns,
    reclassify_by_content,
    title_of,
)
from extract.read.values import is_no_value, parse_cell
from extract.settings import Settings


def header_meanings(line: Line) -> list[HeaderMeaning]:
    return [classify_header(t) for t in line.texts]


def is_header_line(line: Line, settings: Settings) -> bool:
    """A header names at least `min_value_columns` value columns and holds no plain numbers
    (a run of consecutive years, `2013 2014 2015`, heads the columns of an area table)."""
    numbers = sum(1 for t in line.texts if t and parse_cell(t).value is not None and not _year_run(line.texts))
    if numbers > 1:  # one stray digit (an icon read as `0`) is tolerated; a data row has many
        return False
    values = sum(1 for m in header_meanings(line) if m.role == "value")
    return values >= settings.tables.min_value_columns and numbers < values / 2


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


def align_row(line: Line, columns: list[Column]) -> tuple[list[str], int]:
    """The row's cells, one per column, by tab stop; and how many filled cells fell past the
    last column."""
    width = len(columns)
    texts = line.texts
    if len(texts) > width:
        extra = [t for t in texts[width:] if t]
        return texts[:width], len(extra)
    return texts + [""] * (width - len(texts)), 0


def is_row_line(line: Line, settings: Settings) -> bool:
    return sum(1 for t in line.texts if t) >= settings.tables.min_row_cells


def find_tables(
    lines: list[Line],
    settings: Settings,
    section: str | None = None,
    repair_shifts: bool = False,
) -> list[Table]:
    """Every table in a text page's lines (cells by tab stop): a header row (maybe two), then
    the rows under it. PDF pages are read as grids (grid.py)."""
    tables: list[Table] = []
    i = 0
    current_title = section
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
        if len(header_lines) == 2:
            labels = merge_header_rows(labels, header_lines[1].texts)
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
        columns = build_columns(labels)
        raw_rows = [(*align_row(row_line, columns), row_line.text) for row_line in row_lines]
        raw_rows = [(cells, text, unaligned) for cells, unaligned, text in raw_rows]
        columns = reclassify_by_content(columns, [r[0] for r in raw_rows])
        table = assemble_table(columns, raw_rows, current_title, " | ".join(h.text for h in header_lines),
                               repair_shifts=repair_shifts)
        if table.rows or j >= len(lines):  # a header as the last line is kept
            tables.append(table)
        i = j
    return tables


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
        return grid.page_tables(page, settings.tables, settings.tables.min_value_columns, carry, repair)
    return find_tables(page.lines, settings, repair_shifts=repair)


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
    a name or a comment), or figures only where the previous page's last row has none and one
    of the two rows lacks a name or code every other row of its table has (a row's name or code set
    on one page, figures set lower on the next). Its words end that last row, column by column."""
    if not continued.rows or not previous.rows:
        return
    first = continued.rows[0]
    if not any(first.cells):
        return
    last = previous.rows[-1]
    if any(col.role == "code" and first.cells[col.index] and any(
            p.label == col.label and p.role == "code" and last.cells[p.index] for p in previous.columns)
           for col in continued.columns):
        return  # each with its own code: two rows (the first's figures may all be placeholders, `TBC`)
    figured = any(parse_cell(first.cells[c.index]).value is not None for c in continued.value_columns)
    if figured and not (_lacks_cell(first.cells, continued, previous) or _lacks_cell(last.cells, previous, previous)):
        return  # (a `%` a narrow column wrapped under its figure is the figure's end, no figure)
    targets = {}
    for col in continued.columns:
        if not first.cells[col.index]:
            continue
        same = [p for p in previous.columns if p.label == col.label and p.role == col.role]
        if len(same) != 1:
            return  # cannot tell which cell of the row it ends
        before = last.cells[same[0].index]
        if figured and before and (is_value_like(before) or is_value_like(first.cells[col.index])):
            return  # a figure where the last row has one: a row of its own
        targets[same[0].index] = first.cells[col.index]
    for index, text in targets.items():
        joiner = "" if re.match(r"[%)]", text) else " "
        last.cells[index] = normalise_space(f"{last.cells[index]}{joiner}{text}")
    last.context = normalise_space(f"{last.context} {first.context}")
    continued.rows.pop(0)
    continued.report.rows -= 1


def _lacks_cell(cells: list[str], table: Table, previous: Table) -> bool:
    """The row (of `table`) leaves empty a column of words (a name, a code) every other row
    fills, on both pages (the previous page's rows before its last, two at least)."""
    if len(previous.rows) < 3:
        return False
    for col in table.columns:
        if cells[col.index] or col.role == "value":
            continue
        same = [p for p in previous.columns if p.label == col.label and p.role == col.role]
        if len(same) == 1 and all(r.cells[same[0].index] for r in previous.rows[:-1]) \
                and all(r.cells[col.index] for r in table.rows if r.cells is not cells):
            return True
    return False


def document_cell_text(document: Document, settings: Settings) -> str:
    """The cells of the PDF's tables, one per line, read top-down within each cell:
    what a parser's `detect` reads besides the lines (see Document.cell_text)."""
    if document.kind != "pdf":
        return ""
    cells = []
    for page in document.pages:
        for found in grid.page_grids(page, settings.tables, settings.tables.min_value_columns):
            cells.extend(cell for row in found.rows for cell in row if cell)
    return "\n".join(cells)
