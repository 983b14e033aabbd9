"""Darlington Borough Council's children and young people scrutiny performance reports (seed 002).

No tables: every figure is inside a sentence, often with its numerator and denominator
(`81.4% (1,119 / 1,374)`). The report covers one financial year (`YEAR END 2023/24`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, Period, RawFigure
from extract.plugins.parser import Parser
from extract.read.narrative import extract_narrative
from extract.read.periods import financial_year, split_year
from extract.settings import Settings

_YEAR_END = re.compile(r"year\s+end\s+(\d{4}\s*/\s*\d{2,4})", re.I)


class DarlingtonScrutinyNarrative(Parser):
    name = "darlington_scrutiny_narrative"
    version = "1.1"
    councils = ("E06000005",)

    def detect(self, document: Document) -> bool:
        text = document.flat(12000)
        return all(p in text for p in ("scrutiny committee", "performance indicators", "where are we performing well"))

    def report_period(self, document: Document) -> Period | None:
        m = _YEAR_END.search(document.head(3000))
        end_year = split_year(m.group(1)) if m else None
        return financial_year(m.group(1), end_year) if m and end_year else None

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        report = self.report_period(document)
        for page in document.pages:
            yield from extract_narrative(page.text, report_period=report, page=page.number, settings=settings.narrative)
