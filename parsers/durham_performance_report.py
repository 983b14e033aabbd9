"""Durham County Council's quarterly corporate performance reports (seed 001).

Data tables: Performance Indicator, Period (`At Sep 23`, `Apr-Jun 23`, `Oct 22-Sep 23`,
`2022/23`, `2023`), Performance, Target (often `Tracker`), 12 months earlier, National
average, NE average. The dashboards' commentary holds narrative figures for the quarter.
"""

from __future__ import annotations

import re

from extract.model import Document, Period
from extract.plugins.wide_family import WideTableParser
from extract.read.periods import fiscal_quarter, split_year

_QUARTER = re.compile(r"quarter\s+(one|two|three|four|[1-4])\s*,?\s*(\d{4}\s*/\s*\d{2,4})", re.I)
_QUARTER_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4}


class DurhamPerformanceReport(WideTableParser):
    name = "durham_performance_report"
    version = "1.1"
    councils = ("E06000047",)
    read_narrative = True  # the dashboards' commentary
    date_targets_from_row = True  # a target is printed beside the period it is for (`Tracker` / `Apr-Jun 23`)

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
