"""Welsh councils' children's services indicator tables with SCC/ national codes (seed 004).

Columns: Title (code and name), Actual, Target, Intervention, RAG arrow, Previous Period,
Previous years Actual, Result 12 Months Ago, Comment. The comment often carries the
actual's numerator and denominator (`16/208`, `Final - 15/15`). The report's own period
is not printed, so relative columns keep their kind with null dates.
"""

from __future__ import annotations

import re

from extract.model import Document
from extract.plugins.wide_family import WideTableParser

_SCC_CODE = re.compile(r"\bSCC/\d{3}", re.I)


# row codes: national `SCC/002` and the local `CSPI 01` indicators
WELSH_CODE_RE = re.compile(r"^((?:[A-Z]{2,5}\s?/\s?\d+[a-z]*)|(?:CSPI\s?\d+))\s*[-–:]?\s+(.+)$")


class WelshSccIndicators(WideTableParser):
    name = "welsh_scc_indicators"
    version = "1.1"
    councils = ()
    code_re = WELSH_CODE_RE

    def detect(self, document: Document) -> bool:
        codes = _SCC_CODE.findall(document.flat(20000))
        return len(codes) >= 3 and document.has_words("intervention", "result", "months", "ago", chars=20000)
