"""Figures a KPI row's comment cell states in a set phrase about the row's own measure.

Council scorecards put a sentence per row in a `Comments` / `Update` column, and two phrases in it are figures
of the row's measure wherever they occur: its national average (`the figure of 65 is still higher than the
national average of 43`, `far better than the previous national average of 17%`) and its figure for a whole
year (`an improvement on the annual figure for 2023-24 of 76%`). Nothing else a comment says is read: a comment
may speak of other measures, so only these phrases, whose words tie the figure to the row, are taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from extract.model import Period, RawFigure, normalise_space
from extract.read.periods import parse_period
from extract.read.tables.table_model import Table, TableRow

_FIG = r"-?\d[\d,]*(?:\.\d+)?\s?%?"
_YEAR = r"(?:19|20)\d{2}\s*[/-]\s*(?:\d{2}|\d{4})"
_NATIONAL = re.compile(
    rf"\b(?:(?:previous|latest|current)\s+)?(?:national|england|english)\s+average\s+"
    rf"(?:of|is|was|(?:is|was|stands|stood)\s+at)\s+(?P<fig>{_FIG})(?![\d/]|[.,]\d)",
    re.I,
)
_WHOLE_YEAR = re.compile(
    rf"\b(?:annual|year[- ]end|full[- ]year)\s+(?:figure|result|outturn)\s+for\s+(?P<year>{_YEAR})\s+"
    rf"(?:of|was|is)\s+(?P<fig>{_FIG})(?![\d/]|[.,]\d)",
    re.I,
)


def _fits(fig: str, like: RawFigure) -> bool:
    """A percentage only on a row of percentages (or of no unit known): `17%` is no rate per 10,000."""
    return "%" not in fig or like.unit in (None, "percent", "unknown")


def stated_in_comment(table: Table, row: TableRow, figures: list[RawFigure]) -> Iterator[RawFigure]:
    """The row's national average and whole-year figures its comment cell states (see the module)."""
    like = figures[0]
    has_national = any(f.value_kind == "national" for f in figures)
    for col in table.columns:
        text = normalise_space(row.cells[col.index]) if col.role == "comment" else ""
        national = [m["fig"].strip() for m in _NATIONAL.finditer(text)]
        if len(national) == 1 and not has_national and _fits(national[0], like):
            yield _like(like, national[0], "national", Period(None))
        for m in _WHOLE_YEAR.finditer(text):
            if _fits(m["fig"], like):
                yield _like(like, m["fig"].strip(), "actual", parse_period(m["year"]))


def _like(like: RawFigure, fig: str, kind: str, period: Period) -> RawFigure:
    return replace(like, value_raw=fig, value=None, value_kind=kind, period=period,
                   unit="percent" if "%" in fig else like.unit, status=None, numerator=None, denominator=None,
                   flags=[])  # fmt: skip
