"""Welsh councils' children's services indicator tables with SCC/ national codes (seed 004).

Columns: Title (code and name), Actual, Target, Intervention, RAG arrow, Previous Period,
Previous years Actual, Result 12 Months Ago, Comment. The comment often carries the
actual's numerator and denominator (`16/208`, `Final - 15/15`). The report's own period
is not printed, so relative columns keep their kind with null dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Document, RawFigure
from extract.plugins.parser import Parser
from extract.read.tables.find import tables_by_page
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings

_SCC_CODE = re.compile(r"\bSCC/\d{3}", re.I)


# row codes: national `SCC/002` and the local `CSPI 01` indicators
WELSH_CODE_RE = re.compile(r"^((?:[A-Z]{2,5}\s?/\s?\d+[a-z]*)|(?:CSPI\s?\d+))\s*[-–:]?\s+(.+)$")


class WelshSccIndicators(Parser):
    name = "welsh_scc_indicators"
    version = "1.0"
    councils = ()

    def detect(self, document: Document) -> bool:
        codes = _SCC_CODE.findall(document.flat(20000))
        return len(codes) >= 3 and document.has_words("intervention", "result", "months", "ago", chars=20000)

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            yield from figures_from_table(table, WideOptions(page=page.number, code_re=WELSH_CODE_RE))
