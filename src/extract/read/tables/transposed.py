"""Transposed KPI tables → RawFigures: one row per period, one column per measure or per kind.

Councils print some tables turned: the first column holds periods (`Q1 2023/24`, `Apr-24`, `2022/23`)
and each other column is a measure (its name in the header cell) or a kind of figure (`Target`,
`Actual`: the measure then named by the table's title). Each period row's figures are that
period's values.

RAG-band columns (`Red`, `Amber: ...`, `Green: ...`) are read by what their cells hold: plain
figures are counts named by the header (`Green: achieved target` over `36`); thresholds (`<60%`,
`60-70%`) are band boundaries, which SCHEMA.md's value kinds have no place for, so they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from extract.mappings import mappings_dir, read_csv
from extract.model import Period, RawFigure, normalise_space
from extract.read.periods import parse_period
from extract.read.tables.cells import MONTH
from extract.read.tables.table_model import Column, Table
from extract.read.values import parse_cell

MIN_PERIOD_ROWS = 2
# a kind's header is a word or three (`Target`, `Actual to date`); longer headers name a measure
MAX_KIND_WORDS = 3
_RAG_LEAD = re.compile(r"^\s*(red|amber|green)\b", re.I)
# a band boundary, not a figure: `<60%`, `>= 95`, `60-70%`, `60% to 70%`
# a reference leading a measure's name: `C6 Percentage ...`, `KPI 1.1 Percentage ...`, `NI 181 Time ...`
_CODE_LEAD = re.compile(r"^([A-Z]{1,5}\s?\d+(?:\.\d+)*[a-z]?)\s*[-–:]?\s+(?=[A-Z%])")
_THRESHOLD = re.compile(r"^\s*(?:[<>≤≥]=?|=<|=>)|\d\s*%?\s*(?:-|–|to)\s*\d", re.I)


def row_periods(table: Table) -> list[Period] | None:
    """The period of each row when every row's first cell is a dated period, else None (one row
    is enough under a header of months: a year's row of monthly figures)."""
    least = 1 if _months_across([c.label for c in table.columns]) else MIN_PERIOD_ROWS
    lead = period_column(table)
    if len(table.rows) < least or len(table.columns) < lead + 2:
        return None
    if table.columns[lead].role not in ("ignore", "blank", "name", "period"):
        return None
    periods = [parse_period(row.cells[lead]) for row in table.rows]
    if any(p.end is None for p in periods):
        return None
    return periods


def period_column(table: Table) -> int:
    """The column of the rows' periods: the first, or the second after a column that only numbers the
    rows 1, 2, 3 … (an accessible table's `ITEM` column: a counter, no figure of the measure)."""
    if len(table.columns) < 3 or len(table.rows) < MIN_PERIOD_ROWS:
        return 0
    counts = [row.cells[0].strip() for row in table.rows]
    return 1 if counts == [str(n) for n in range(1, len(table.rows) + 1)] else 0


MIN_MONTHS = 3  # a header of months: at least a quarter's


def _months_across(labels: list[str]) -> bool:
    """A header whose labels after the first are bare month names (`Period | Apr | May | … | Mar`):
    each row is a year, each column a month of it."""
    months = [t for t in labels[1:] if t and MONTH.fullmatch(t.strip())]
    return len(months) >= MIN_MONTHS and len(months) == sum(1 for t in labels[1:] if t)


def periods_down(rows: list[list[str]], labels: list[str] | None = None) -> bool:
    """A grid's body rows each lead with a dated period and hold a figure: a transposed table's body,
    whose header names measures rather than value kinds (or months: a year a row)."""
    if len(rows) < (1 if labels and _months_across(labels) else MIN_PERIOD_ROWS):
        return False
    return all(
        row and parse_period(row[0]).end is not None and any(parse_cell(t).value is not None for t in row[1:] if t)
        for row in rows
    )


@cache
def _statistic_labels() -> frozenset[str]:
    return frozenset(r["text"] for r in read_csv(mappings_dir() / "statistic_labels.csv", ("text", "note")))


def is_statistics_series(table: Table) -> bool:
    """A column of confidence limits or denominators (mappings/statistic_labels.csv), an area's
    name before it or not (`West Sussex LCI`): a public-health series of statistics per area,
    whose columns are no measures of their own."""
    labels = _statistic_labels()
    for col in table.columns[1:]:
        words = normalise_space(col.label).lower().split()
        if any(" ".join(words[-n:]) in labels for n in range(1, min(4, len(words)) + 1)):
            return True
    return False


def is_transposed(table: Table) -> bool:
    return (
        row_periods(table) is not None
        and any(_figures_in(table, c) for c in table.columns[period_column(table) + 1:])
        and not is_statistics_series(table)
    )


def _figures_in(table: Table, col: Column) -> bool:
    return any(parse_cell(r.cells[col.index]).value is not None for r in table.rows if r.cells[col.index])


def _is_kind_column(col: Column) -> bool:
    return (
        col.role == "value"
        and col.meaning.kind is not None
        and len(col.label.split()) <= MAX_KIND_WORDS
        and not _RAG_LEAD.match(col.label)
    )


def split_lead_code(name: str) -> tuple[str | None, str]:
    """(the reference, the name) of a measure's name that starts with its reference."""
    m = _CODE_LEAD.match(name)
    return (m.group(1), name[m.end():]) if m else (None, name)


def _column_reading(table: Table, col: Column) -> tuple[str, str] | None:
    """(indicator name, value kind) of a column's figures, None for a column that gives none."""
    if not _figures_in(table, col):
        return None
    if _is_kind_column(col) or MONTH.fullmatch(col.label.strip()):
        # the table's title names the measure; an untitled table's heading over paragraphs does (headings.py)
        title = normalise_space(table.section or getattr(table.grid, "heading", None) or "")
        return (title, col.meaning.kind or "actual") if title else None
    if any(_is_kind_column(c) for c in table.columns):
        return None  # beside kind columns (`VALUE | TARGET`) a column of words is a kind not known, no measure
    if col.role in ("status", "polarity", "formula", "code"):
        return None
    label = normalise_space(col.label)
    if len(re.findall(r"[A-Za-z]{3,}", label)) < 1:
        return None
    if _RAG_LEAD.match(label):
        values = [r.cells[col.index] for r in table.rows if r.cells[col.index]]
        if any(_THRESHOLD.search(v) for v in values):
            return None  # band boundaries: no value kind holds them
    return label, "actual"


def figures_from_transposed(table: Table, page: int | None) -> Iterator[RawFigure]:
    periods = row_periods(table)
    if periods is None:
        return
    readings = {c.index: _column_reading(table, c) for c in table.columns[period_column(table) + 1:]}
    for row, period in zip(table.rows, periods, strict=True):
        for index, reading in readings.items():
            raw = row.cells[index]
            if reading is None or not raw or parse_cell(raw).value is None:
                continue
            code, name = split_lead_code(reading[0])
            kind = reading[1]
            month = month_of(table.columns[index].label, period)
            yield RawFigure(
                indicator_raw=name,
                indicator_code=code,
                value_raw=raw,
                value_kind=kind,  # type: ignore[arg-type]
                period=month or period,
                unit="percent" if "%" in raw else None,
                section=table.section,
                context=row.context,
                page=page,
                source="table",
            )


def month_of(label: str, year: Period) -> Period | None:
    """The month a column names within its row's year (`Jan` of `2011/12` is January 2012)."""
    m = MONTH.fullmatch(label.strip())
    if m is None or year.start is None or year.end is None:
        return None
    for y in range(year.start.year, year.end.year + 1):
        month = parse_period(f"{m.group(0)[:3].title()} {y}")
        if month.start is not None and month.end is not None and year.start <= month.start and month.end <= year.end:
            return Period(f"{label.strip()} {year.label}", month.type, month.start, month.end)
    return None
