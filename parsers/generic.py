"""The generic parser: documents no council parser claims, in layouts we have never seen.

It reads what most KPI papers share, and nothing else:
- wide period tables: a name column and month, quarter or year columns, with Target /
  Actual / Tolerance / benchmark columns (tables.py and wide.py, as the council parsers do);
- KPI blocks written as labelled values: `Latest: 22.2%  Target: 25%  Floor: 30%
  Previous: 21.9%`, with a RAG word beside them, under the indicator's name;
- figures in sentences, in the narrative module's strict mode (percentages, rates,
  fractions and stated targets only: no bare counts, years, dates, page or paragraph numbers).
Its rows say parser=generic, and the pipeline matches their names with a stricter threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, Page, RawFigure
from extract.narrative import extract_narrative
from extract.parser import Parser
from extract.settings import DEFAULT_SETTINGS
from extract.table_model import title_of
from extract.tables import page_tables, tables_by_page
from extract.wide import WideOptions, figures_from_table

# label → value kind, for KPI blocks. Order matters only for readability.
BLOCK_LABELS = {
    "latest": "actual",
    "actual": "actual",
    "current": "actual",
    "outturn": "actual",
    "performance": "actual",
    "target": "target",
    "tolerance": "tolerance",
    "floor": "intervention",
    "intervention": "intervention",
    "previous": "previous_period",
    "last year": "previous_year",
    "same period last year": "year_ago",
    "forecast": "forecast",
    "national": "national",
    "england": "national",
    "regional": "regional",
    "statistical neighbours": "statistical_neighbours",
}
_LABEL_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in BLOCK_LABELS), key=len, reverse=True))
_LABELLED = re.compile(
    rf"\b({_LABEL_ALTERNATIVES})\s*:\s*(-?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?\s?%?)(?![\w/.-])", re.I
)
_RAG = re.compile(r"\b(red|amber|green)\b", re.I)
_PERCENT = re.compile(r"\d\s?%")
MIN_PERCENTAGES = 5  # without a table or a labelled value, this many percentages make a paper


class Generic(Parser):
    name = "generic"
    version = "1.1"
    fallback = True

    def detect(self, document: Document) -> bool:
        """A document worth reading: a labelled KPI value, a KPI table, or figures in several
        places (a note that mentions one percentage is not a performance paper)."""
        text = document.text
        if _LABELLED.search(text) or len(_PERCENT.findall(text)) >= MIN_PERCENTAGES:
            return True
        return any(page_tables(page, DEFAULT_SETTINGS) for page in document.pages)

    def parse(self, document: Document) -> Iterator[RawFigure]:
        for page, table in tables_by_page(document.pages, DEFAULT_SETTINGS, self.strategies):
            yield from figures_from_table(table, WideOptions(page=page.number))
        for page in document.pages:
            block_lines: set[int] = set()
            for figure, line_index in kpi_blocks(page):
                block_lines.add(line_index)
                yield figure
            # table rows (tab-separated cells) are skipped by the narrative reader itself
            prose = ["\t".join(c.text for c in ln.cells) for i, ln in enumerate(page.lines) if i not in block_lines]
            yield from extract_narrative("\n".join(prose), page=page.number, strict=True)


TITLE_REACH = 4  # a KPI block's values sit within this many lines of its title


def kpi_blocks(page: Page) -> Iterator[tuple[RawFigure, int]]:
    """Labelled values (`Target: 25%`) under the nearest title line above them."""
    title: str | None = None
    title_index = -1
    for index, line in enumerate(page.lines):
        text = line.text
        found = list(_LABELLED.finditer(text))
        if not found:
            heading = title_of(line)
            if heading:
                title, title_index = heading, index
            continue
        if title is None or index - title_index > TITLE_REACH:
            continue  # values with no name near them cannot be told apart
        rag = _RAG.search(_LABELLED.sub(" ", text))
        kinds_seen: set[str] = set()
        for m in found:
            kind = BLOCK_LABELS[m.group(1).lower()]
            if kind in kinds_seen:
                continue
            kinds_seen.add(kind)
            figure = RawFigure(
                indicator_raw=title,
                value_raw=m.group(2).strip(),
                value_kind=kind,
                context=text,
                section=title,
                page=page.number,
                status=rag.group(1) if rag and kind == "actual" else None,
                source="table",
            )
            yield figure, index
        title_index = index  # a block may run over several lines under one title
