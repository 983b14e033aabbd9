"""Quarterly "Transforming Children's Services" scorecards of an English county (seed 000).

Columns: polarity (`Bigger is Better`), reporting basis, four quarter-end columns
(`Mar-23` … `Dec-23`), `Actual Mar-24`, `Target Mar-24`, a symbol column, comments and
comparator group. The council is not named in the papers, so council_id comes from the
manifest. Some tables lack the Target column and their Mar-24 values sit one tab right;
the repair_shifted_cells strategy puts them back under `Actual Mar-24`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, Period, RawFigure
from extract.plugins.parser import Parser
from extract.read.periods import fiscal_quarter, split_year
from extract.read.tables.find import tables_by_page
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings

_QUARTER = re.compile(r"quarter\s+([1-4])\s+(\d{4}\s*/\s*\d{2,4})", re.I)


class TcsQuarterlyScorecard(Parser):
    name = "tcs_quarterly_scorecard"
    version = "1.0"
    councils = ()
    strategies = ("repair_shifted_cells",)  # the Education table lost its Target column, not its cells

    def detect(self, document: Document) -> bool:
        text = document.flat(20000)
        return "transforming children's services" in text and document.has_words(
            "reporting", "basis", "comparator", "better", chars=20000
        )

    def report_period(self, document: Document) -> Period | None:
        m = _QUARTER.search(document.head(3000))
        if not m:
            return None
        end_year = split_year(m.group(2))
        return fiscal_quarter(m.group(0), int(m.group(1)), end_year) if end_year else None

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        report = self.report_period(document)
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            yield from figures_from_table(table, WideOptions(report_period=report, page=page.number))
