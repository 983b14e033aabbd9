"""Durham County Council's quarterly corporate performance reports (seed 001).

Data tables: Performance Indicator, Period (`At Sep 23`, `Apr-Jun 23`, `Oct 22-Sep 23`,
`2022/23`, `2023`), Performance, Target (often `Tracker`), 12 months earlier, National
average, NE average. The dashboards' commentary holds narrative figures for the quarter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, Period, RawFigure
from extract.plugins.parser import Parser
from extract.read.narrative import extract_narrative
from extract.read.periods import fiscal_quarter, split_year
from extract.read.tables.find import tables_by_page
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings

_QUARTER = re.compile(r"quarter\s+(one|two|three|four|[1-4])\s*,?\s*(\d{4}\s*/\s*\d{2,4})", re.I)
_QUARTER_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4}


class DurhamPerformanceReport(Parser):
    name = "durham_performance_report"
    version = "1.0"
    councils = ("E06000047",)

    def detect(self, document: Document) -> bool:
        return document.has_words("durham", "performance", "indicator", "earlier", "ne", "average", "national")

    def report_period(self, document: Document) -> Period | None:
        m = _QUARTER.search(document.head(4000))
        if not m:
            return None
        quarter = m.group(1).lower()
        number = _QUARTER_NUMBER.get(quarter) or int(quarter)
        end_year = split_year(m.group(2))
        return fiscal_quarter(m.group(0), number, end_year) if end_year else None

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        report = self.report_period(document)
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            # Durham prints a target beside the period it is for (`Tracker` / `Apr-Jun 23`): an opt-in
            options = WideOptions(report_period=report, page=page.number, date_targets_from_row=True)
            yield from figures_from_table(table, options)
        for page in document.pages:
            yield from extract_narrative(page.text, report_period=report, page=page.number, settings=settings.narrative)
