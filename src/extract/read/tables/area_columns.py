"""Tables whose columns are areas: councils side by side, with or without their region and England.

A benchmarking table turned the way of areas.py's `area_measures`: one column per area, one row per
measure, the first column naming the measures:

    Local authority | Middlesbrough | Hartlepool | Sunderland | South Tyneside
    Rate per 10,000 | 120           | 105        | 101        | 99

Columns headed by several councils are never the document's own actuals (table_model.build_columns
sets them aside); read as areas, each council's column gives that council's actuals (its own
`council_id`, as a council's row of an area table does), and a region's, England's or the statistical
neighbours' column their benchmark kind set against the document's council. The measure is the row's
label; a table of one measure row takes the table's title for it (its caption number, a leading
`Regional benchmarking,` and the period it ends with left out), as an area table does (the row's
label alone, `Rate per 10,000`, says less). The period is the column label's, else one the title ends
with (`…, 2015/16`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Period, RawFigure, normalise_space
from extract.read.periods import parse_period, year_kind_for
from extract.read.tables.areas import DISTRICT, Area, _area_figure, register
from extract.read.tables.table_model import Column, Table
from extract.read.values import infer_unit, parse_cell

_MIN_AREA_SHARE = 0.6  # (as areas.py: most labels are areas, a council or England among them)
_TITLE_PERIOD = re.compile(r"[,:–-]\s*((?:19|20)\d{2}(?:\s*[/\-–]\s*\d{2,4})?)\s*$")
_LABEL_PERIOD = re.compile(r"\s+((?:19|20)\d{2}(?:\s*[/\-–]\s*\d{2,4})?|\d{2}/\d{2})\s*$")
_CAPTION = re.compile(r"^(?:table|figure)\s+\d+[a-z]?\s*[:.\-–]\s*", re.I)
# what a title says of the table rather than the measure: `Regional benchmarking, ...`, `Comparison: ...`
_TITLE_LEAD = re.compile(r"^(?:[a-z]+\s+)?(?:benchmarking|benchmarks?|comparisons?)\s*[,:\-–]\s*", re.I)


def header_areas(labels: list[str]) -> list[Area | None] | None:
    """The areas the header's labels after the first name (one per label, None where a label names
    none), when at least two do, at least 60 % of them, and a council is among them; else None."""
    if len(labels) < 3:
        return None
    reg = register()
    areas = [reg.lookup(_area_label(t)) if t else None for t in labels[1:]]
    found = [a for a in areas if a is not None]
    named = [t for t in labels[1:] if t]
    if len(found) < 2 or len(found) < _MIN_AREA_SHARE * len(named):
        return None
    if sum(1 for a in found if a.kind == "council") < 2:
        return None  # (one council beside its benchmarks: its own actuals, read as any KPI table)
    return [None, *areas]


def areas_across(labels: list[str], body: list[list[str]]) -> bool:
    """A header of areas over rows that each name a measure in the first column and hold figures
    under the areas: a table of areas side by side."""
    return _measures_under(header_areas(labels), body)


def _measures_under(areas: list[Area | None] | None, body: list[list[str]]) -> bool:
    if areas is None or not body:
        return False
    for row in body:
        if not row or not re.search(r"[A-Za-z]{3}", row[0]) or parse_cell(row[0]).value is not None:
            return False
        if not any(k < len(row) and row[k] and parse_cell(row[k]).value is not None
                   for k, a in enumerate(areas) if a is not None):
            return False
    return True


def _area_label(label: str) -> str:
    """A label without the period it may end with (`Harrow 15/16`)."""
    return normalise_space(_LABEL_PERIOD.sub("", label))


def area_columns(table: Table) -> list[tuple[Column, Area]] | None:
    """The table's area columns with their areas, when its header is one of areas (areas_across)."""
    areas = header_areas([c.label for c in table.columns])
    if not _measures_under(areas, [r.cells for r in table.rows]):
        return None
    return [(c, a) for c, a in zip(table.columns, areas, strict=True) if a is not None and a.kind != DISTRICT]


def figures_from_area_columns(table: Table, found: list[tuple[Column, Area]], page: int | None) -> Iterator[RawFigure]:
    title = _TITLE_LEAD.sub("", _CAPTION.sub("", normalise_space(table.section or ""))).strip()
    title_period = _TITLE_PERIOD.search(title)
    if title_period is not None:
        title = title[: title_period.start()].strip()  # (the period is the figures', not the measure's name)
    rows = [r for r in table.rows if r.cells and r.cells[0]]
    for row in rows:
        name = normalise_space(row.cells[0])
        indicator = title[:1].upper() + title[1:] if len(rows) == 1 and title else name
        year_kind = year_kind_for(indicator)
        unit = infer_unit("", f"{indicator} {name}")
        for col, area in found:
            raw = row.cells[col.index]
            if not raw or parse_cell(raw).value is None:
                continue
            dated = _LABEL_PERIOD.search(col.label)
            period = _period(dated.group(1) if dated else None, title_period, year_kind)
            figure = _area_figure(indicator, raw, "actual", period, unit, row, area, table.section, page)
            figure.area_column = True  # (no council of the table is its subject: none is the document's)
            yield figure


def _period(label: str | None, title_period: re.Match[str] | None, year_kind: str) -> Period:
    if label:
        return parse_period(label, year_kind=year_kind)
    if title_period is not None:
        return parse_period(title_period.group(1), year_kind=year_kind)
    return Period(None)
