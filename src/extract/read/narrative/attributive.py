"""Names that keep a predicate the way council papers name the measure: `children on the register were subject to
the three toxic risk factors` is the count of `children on the register subject to the three toxic risk factors`.

The predicates are reviewed vocabulary (mappings/attributive_predicates.csv): those a measure's name sets right
after its noun, with no verb (`children subject to a child protection plan`). The copula before one (`were`, `who
are`) says when the sentence's statement holds, which the figure's period says; it is no part of the name.
"""

from __future__ import annotations

import re

from extract.mappings import mappings_dir, read_csv


def _predicates() -> re.Pattern[str]:
    rows = read_csv(mappings_dir() / "attributive_predicates.csv", ("pattern", "note"))
    alternatives = "|".join(f"(?:{row['pattern']})" for row in rows)
    # after a word of the noun phrase (never a name that opens on its verb), the copula and an optional `who`
    return re.compile(rf"(?<=[\w)’'])\s+(?:who\s+)?(?:are|is|were|was)\s+(?=(?:{alternatives})\b)", re.I)


_COPULA_BEFORE = _predicates()


def attributive(name: str) -> str:
    """The name with the copula before an attributive predicate left out (`children were subject to ...` →
    `children subject to ...`); any other name as it is."""
    return _COPULA_BEFORE.sub(" ", name) if name else name
