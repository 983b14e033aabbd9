"""Quarterly "Transforming Children's Services" scorecards of an English county (seed 000).

Columns: polarity (`Bigger is Better`), reporting basis, four quarter-end columns
(`Mar-23` … `Dec-23`), `Actual Mar-24`, `Target Mar-24`, a symbol column, comments and
comparator group. The council is not named in the papers, so council_id comes from the
manifest. Some tables lack the Target column and their Mar-24 values sit one tab right;
the repair_shifted_cells strategy puts them back under `Actual Mar-24`.
"""

from __future__ import annotations

import re

from extract.model import Document, Period
from extract.plugins.wide_family import WideTableParser
from extract.read.periods import fiscal_quarter, split_year

_QUARTER = re.compile(r"quarter\s+([1-4])\s+(\d{4}\s*/\s*\d{2,4})", re.I)


class TcsQuarterlyScorecard(WideTableParser):
    name = "tcs_quarterly_scorecard"
    version = "1.1"
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
