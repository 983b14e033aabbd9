"""The generic parser: documents no council parser claims, in layouts we have never seen.

It reads what most KPI papers share, and nothing else:
- wide period tables: a name column and month, quarter or year columns, with Target /
  Actual / Tolerance / benchmark columns (tables.py and wide.py, as the council parsers do),
  also under group header rows and with section rows between the indicators (groups.py);
- KPI blocks written as labelled values: `Latest: 22.2%  Target: 25%  Floor: 30%
  Previous: 21.9%`, with or without a colon, beside or under their labels, a period in the
  label (`Latest (Q3 2023/24)`), under the indicator's name however many lines it wraps over
  (a RAG word or symbol beside it set apart), blocks two or three across, a block broken by a
  page break; or a block written as a row, its name left of its values (read/tables/blocks.py);
- KPI tiles: a title over a big figure with labels under it (`Target 90%`, `England 10%`),
  tiles side by side (read/tables/tiles.py);
- figures in sentences, in the narrative module's strict mode (percentages, rates,
  fractions and stated targets only: no bare counts, years, dates, page or paragraph numbers).
Its rows say parser=generic, and the pipeline matches their names with a stricter threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, Page, RawFigure
from extract.plugins.parser import Parser
from extract.read.narrative import extract_narrative
from extract.read.tables.blocks import BLOCK_LABELS, FIGURE_ONLY, LABELLED_VALUE, kpi_blocks
from extract.read.tables.find import tables_by_page
from extract.read.tables.grid import page_grids
from extract.read.tables.groups import regroup
from extract.read.tables.table_model import Table
from extract.read.tables.tiles import kpi_tiles
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings

__all__ = ["BLOCK_LABELS", "Generic", "kpi_blocks"]  # kpi_blocks: the block reader, read/tables/blocks.py

_PERCENT = re.compile(r"\d\s?%")
MIN_PERCENTAGES = 5  # fingerprint: without a table or a labelled value, this many percentages make a paper
MIN_TABLE_LINES = 2  # fingerprint: a text table shows at least this many lines of a name and two figures


class Generic(Parser):
    name = "generic"
    version = "1.3"
    fallback = True

    def detect(self, document: Document) -> bool:
        """A document worth reading: a labelled KPI value, a KPI table, or figures in several
        places (a note that mentions one percentage is not a performance paper)."""
        text = document.text
        if LABELLED_VALUE.search(text) or len(_PERCENT.findall(text)) >= MIN_PERCENTAGES:
            return True
        if document.kind == "pdf":
            return bool(document.cell_text)  # the table grids the choose stage found on its pages
        return any(_table_lines(page) >= MIN_TABLE_LINES for page in document.pages)

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        # a figure a table already gave is not read again as a KPI block value from the same line
        from_tables: set[tuple[int | None, str]] = set()
        read: dict[int | None, set[int]] = {}  # per page, the grids a table came from
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            read.setdefault(page.number, set()).add(id(table.grid))
            if table.grid is not None:
                # group header rows or section rows the grid reader misread (groups.py)
                table = regroup(table.grid, settings.tables.min_value_columns, gave_table=True) or table
            for figure in _named(figures_from_table(table, WideOptions(page=page.number))):
                from_tables.add((page.number, figure.value_raw))
                yield figure
        for page, table in _regrouped(document.pages, settings, read):
            for figure in _named(figures_from_table(table, WideOptions(page=page.number))):
                from_tables.add((page.number, figure.value_raw))
                yield figure
        previous: Page | None = None
        for page in document.pages:
            block_lines: set[int] = set()
            for figure, tile_lines in kpi_tiles(page, settings.blocks):
                block_lines |= tile_lines
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            for figure, taken in kpi_blocks(page, settings.blocks, frozenset(block_lines), previous):
                block_lines |= taken
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            # table rows (tab-separated cells) are skipped by the narrative reader itself
            prose = ["\t".join(c.text for c in ln.cells) for i, ln in enumerate(page.lines) if i not in block_lines]
            yield from extract_narrative("\n".join(prose), page=page.number, strict=True, settings=settings.narrative)
            previous = page


def _named(figures: Iterator[RawFigure]) -> Iterator[RawFigure]:
    """Table figures whose row has a name: a grid made of KPI blocks' captions (`Latest  Target`
    over the wrapped end of a label, `2023/24)`, and the figures) names its rows with no letters;
    the block reader reads those figures under their titles."""
    # `NI 43` is a name; a row with none at all (an area table's, named by its title) is kept
    return (f for f in figures if not f.indicator_raw or re.search(r"[A-Za-z]{2}", f.indicator_raw))


def _regrouped(pages: list[Page], settings: Settings, read: dict[int | None, set[int]]) -> Iterator[tuple[Page, Table]]:
    """Ruled grids that gave no table because group rows stood over their header or a section
    row under it (read/tables/groups.py)."""
    min_values = settings.tables.min_value_columns
    for page in pages:
        if page.number is None:
            continue  # text pages have no grids
        for found in page_grids(page, settings.tables, min_values):
            if id(found) in read.get(page.number, set()):
                continue
            table = regroup(found, min_values, gave_table=False)
            if table is not None:
                yield page, table


def _table_lines(page: Page) -> int:
    """Lines of a text page that look like a table row: a name cell and at least two figures."""
    return sum(
        1
        for line in page.lines
        if len(line.cells) >= 3 and sum(1 for c in line.cells if FIGURE_ONLY.match(c.text)) >= 2
    )
