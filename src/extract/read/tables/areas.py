"""Tables whose rows are areas: councils, England, regions, statistical neighbours.

DfE's LAIT exports, the benchmarking appendices of scorecards and Ofsted/ADCS reports print one
indicator per table (in its title), areas as rows and periods as columns:

    Percentage of re-referrals within 12 months
    LA number | LA name              | 2015 | 2016 | ... | Change from previous year
    881       | Essex                | 18.2 | 17.9 | ... | -0.3
    ...
              | Statistical Neighbours | ...
              | England              | ...

`area_rows(table)` says whether a table is one of these (most of its row labels are areas, at
least one a council or England) and `figures_from_area_table` reads it: the indicator from the
title, the period from each column, the council from each council row (`council_id`, by name or
by DfE LA number, a pre-2019 number or name mapped to its successor), and a benchmark kind
(`national`, `regional`, `statistical_neighbours`) for the aggregate rows. The register is read
from mappings/ (councils.csv, former_councils.csv): nothing under ../shared at run time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.model import Period, RawFigure, normalise_space
from extract.read.periods import financial_year, parse_period, year_kind_for
from extract.read.tables.table_model import Column, Table, TableRow
from extract.read.tables.transposed import is_statistics_series
from extract.read.values import infer_unit, parse_cell

BENCHMARK_KINDS = ("national", "regional", "statistical_neighbours", "comparator_group")
DISTRICT = "district"  # an Area's kind: a district of a county (mappings/districts.csv), whose row gives no figure

_AGGREGATES: tuple[tuple[str, str], ...] = (
    ("statistical_neighbours",
     r"stat(istical)?\.?\s*neighbou?rs?(\s+(group\s+)?av(erage|g)?\.?)?|sn\s+av(erage|g)?\.?|statistical\s+neighbour\s+mean"),
    ("national", r"england(\s+av(erage|g)?\.?)?|national(\s+av(erage|g)?\.?)?|eng\.?\s+av(erage|g)?\.?|all\s+england"),
    ("regional",
     r"(inner\s+|outer\s+)?london(\s+av(erage|g)?\.?)?|north\s+east|north\s+west|yorkshire\s+(and|&)\s+the\s+humber"
     r"|east\s+midlands|west\s+midlands|east\s+of\s+england|south\s+east|south\s+west|wales"
     r"|(regional|region)(\s+av(erage|g)?\.?)?"
     r"|(north\s+east|north\s+west|east\s+midlands|west\s+midlands|east\s+of\s+england|south\s+east|south\s+west)\s+region"),
    ("comparator_group", r"comparator(\s+group)?(\s+av(erage|g)?\.?)?|core\s+cities(\s+av(erage|g)?\.?)?"),
)  # fmt: skip
_AGGREGATE_RES = tuple((kind, re.compile(rf"^(?:{p})$", re.I)) for kind, p in _AGGREGATES)
_LA_NUMBER = re.compile(r"^(\d{3})\b\s*[-–:]?\s*(.*)$")
_NAME_NOISE = re.compile(
    r"\b(council|county|borough|city\s+of|metropolitan|district|royal\s+borough\s+of|london\s+borough\s+of|"
    r"\bmbc|\bua|the)\b|[.,'’()]",
    re.I,
)


@dataclass(frozen=True)
class Area:
    label: str  # as printed
    kind: str  # "council" or one of BENCHMARK_KINDS
    council_id: str | None = None
    note: str | None = None  # a former council mapped to its successor: says so


def _key(name: str) -> str:
    name = name.replace("&", " and ")
    name = _NAME_NOISE.sub(" ", name)
    return normalise_space(re.sub(r"[-–]", " ", name)).lower()


class AreaRegister:
    """Council names, DfE LA numbers (current and pre-2019) → council_id."""

    def __init__(
        self, councils: list[dict[str, str]], former: list[dict[str, str]], districts: Sequence[dict[str, str]] = ()
    ) -> None:
        self.by_number: dict[str, Area] = {}
        self.by_name: dict[str, str] = {}
        for c in councils:
            cid = c["council_id"]
            if c.get("dfe_la_number"):
                self.by_number[c["dfe_la_number"]] = Area(c["council"], "council", cid)
            for name in [c["council"], c.get("short_name", ""), *c.get("alt_names", "").split("|")]:
                if name.strip():
                    self.by_name.setdefault(_key(name), cid)
        self.former_by_number: dict[str, Area] = {}
        self.former_by_name: dict[str, Area] = {}
        for f in former:
            area = Area(f["name"], "council", f.get("successor_id") or None, f.get("note") or None)
            self.former_by_number[f["dfe_la_number"]] = area
            self.former_by_name.setdefault(_key(f["name"]), area)
        # a district is an area of a county, no council that runs children's services: known, so
        # that a table of a county's districts is a table of areas, but its row is no council's
        self.districts = {_key(d["district"]) for d in districts}

    def lookup(self, label: str) -> Area | None:
        text = normalise_space(label).strip("*:-– ")
        if not text:
            return None
        for kind, pattern in _AGGREGATE_RES:
            if pattern.match(text):
                return Area(text, kind)
        m = _LA_NUMBER.match(text)
        if m:
            # a number DfE still uses is that council (815 North Yorkshire); a retired one (835
            # Dorset, 836 Poole, 837 Bournemouth) is the council that succeeded it, or none if split
            number = m.group(1)
            current, former = self.by_number.get(number), self.former_by_number.get(number)
            if current is not None:
                return Area(text, "council", current.council_id)
            if former is not None:
                return Area(text, "council", former.council_id, former.note)
            return None
        key = _key(text)  # (once: asked of three registers)
        cid = self.by_name.get(key)
        if cid:
            return Area(text, "council", cid)
        former = self.former_by_name.get(key)
        if former is not None:
            return Area(text, "council", former.council_id, former.note)
        if key in self.districts:
            return Area(text, DISTRICT)
        return None


def names_area(label: str) -> bool:
    """Whether a row's label is an area's name (a council, a district, England, a region), never an
    indicator's; a leading DfE LA number is not asked (`332 children ...` names no area)."""
    text = normalise_space(label).strip("*:-– ")
    return bool(text) and not _LA_NUMBER.match(text) and register().lookup(text) is not None


@cache
def _register_at(root: str) -> AreaRegister:
    def rows(name: str) -> list[dict[str, str]]:
        path = Path(root) / name
        if not path.exists():
            return []
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    return AreaRegister(rows("councils.csv"), rows("former_councils.csv"), rows("districts.csv"))


def register() -> AreaRegister:
    from extract.mappings import mappings_dir

    return _register_at(str(mappings_dir()))


@dataclass(frozen=True)
class AreaTable:
    label_columns: list[Column]  # the columns that name the area (`LA number`, `LA name`)
    areas: list[Area | None]  # one per row


def _row_label(row: TableRow, columns: list[Column]) -> str:
    return normalise_space(" ".join(row.cells[c.index] for c in columns if row.cells[c.index]))


def _lookup_row(reg: AreaRegister, row: TableRow, columns: list[Column]) -> Area | None:
    """The row's area from its label cells together (`881` + `Essex`), else from one of them."""
    area = reg.lookup(_row_label(row, columns))
    if area is not None:
        return area
    for col in reversed(columns):
        if row.cells[col.index]:
            area = reg.lookup(row.cells[col.index])
            if area is not None:
                return area
    return None


def area_rows(table: Table) -> AreaTable | None:
    """The table's rows as areas, when most of them are areas (≥ 2, ≥ 60 %, a council or England
    among them) and it has dated value columns, or one value column (`Area Name | Count | Value`
    under the indicator's title); else None."""
    if len(table.rows) < 2 or not (any(c.meaning.period_label for c in table.value_columns)
                                   or len(table.value_columns) == 1):
        return None
    if len(table.value_columns) > 1 and is_statistics_series(table):
        return None  # (confidence limits beside several figures: which figure each bounds is not said)
    reg = register()
    # the columns left of the first value column name the area (`LA number`, `LA name`); those
    # after the values (`Latest National Rank`, `Quartile Banding`) never do
    first_value = min(c.index for c in table.value_columns)
    label_cols = [c for c in table.columns if c.index < first_value
                  and c.role not in ("value", "status", "comment", "formula", "polarity")]
    if not label_cols:
        return None
    areas = [_lookup_row(reg, r, label_cols) for r in table.rows]
    labelled = [r for r in table.rows if _row_label(r, label_cols)]
    found = [a for a in areas if a is not None]
    if len(found) < 2 or len(found) < 0.6 * len(labelled):
        return None
    if not any(a.kind in ("council", "national") for a in found):
        return None
    return AreaTable(label_cols, areas)


_GENERIC_LABEL = re.compile(r"^(la|local\s+authority|area|authority|council|region|name|la\s+name|la\s+number)\b", re.I)


_TITLE_LEAD = re.compile(
    r"^(benchmarking|benchmarks?|comparisons?|comparator\s+data|statistical\s+neighbours?)\s*[:\-–]\s*", re.I
)


def _indicator(table: Table, label_cols: list[Column]) -> str:
    """The indicator an area table is about: its title (`Benchmarking: ` left out), else the
    header of its area column when that names something other than the areas."""
    if table.section:
        title = _TITLE_LEAD.sub("", table.section).strip()
        return title[:1].upper() + title[1:] if title else table.section
    for col in label_cols:
        if col.label and not _GENERIC_LABEL.match(col.label):
            return col.label
    return ""  # untitled: a continuation takes its table's title (carry_titles)


UNTITLED = "(untitled table of areas)"


def carry_titles(figures: list[RawFigure]) -> None:
    """An untitled area table continues the titled one before it, on its page or the page before
    (a table split over pages, its header repeated but not its title): its rows take that
    table's indicator. With none before it, the indicator is `(untitled table of areas)`."""
    last: RawFigure | None = None
    for f in figures:
        if f.area is None or f.source != "table":
            continue
        if f.indicator_raw:
            last = f
            continue
        near = last is not None and (
            f.page is None or last.page is None or 0 <= f.page - last.page <= 1
        )
        if near:
            f.indicator_raw, f.section = last.indicator_raw, last.section
            last = f
        else:
            f.indicator_raw = UNTITLED


def figures_from_area_table(table: Table, found: AreaTable, page: int | None) -> Iterator[RawFigure]:
    indicator = _indicator(table, found.label_columns)
    year_kind = year_kind_for(indicator)
    unit = infer_unit("", indicator)
    for row, area in zip(table.rows, found.areas, strict=True):
        if area is None or area.kind == DISTRICT:
            continue
        figures: list[RawFigure] = []
        for col in table.value_columns:
            raw = row.cells[col.index]
            if not raw or (parse_cell(raw).value is None and not re.search(r"\d", raw)):
                continue
            kind = col.meaning.kind or "actual"
            label = col.meaning.period_label
            period = _column_period(label, year_kind)
            figures.append(_area_figure(indicator, raw, kind, period, unit, row, area, table.section, page))
        _date_changes(figures)
        yield from figures


def _column_period(label: str | None, year_kind: str) -> Period:
    """DfE's tables head a year's column with the year it ends in: `2013` for a financial-year
    indicator is the year to 31 March 2013 (2012-13), as LAIT and the EES `time_period` print it."""
    if not label:
        return Period(None)
    bare = re.fullmatch(r"((?:19|20)\d{2})", label.strip())
    if bare and year_kind == "financial":
        return financial_year(label, int(bare.group(1)))
    return parse_period(label, year_kind=year_kind)


def _date_changes(figures: list[RawFigure]) -> None:
    """A `Change from previous year` cell is the change to the row's latest dated value."""
    dated = [f for f in figures if f.value_kind != "change" and f.period.end is not None]
    if not dated:
        return
    latest = max(dated, key=lambda f: f.period.end).period
    for f in figures:
        if f.value_kind == "change" and f.period.end is None:
            f.period = Period(latest.label, latest.type, latest.start, latest.end)


# -- areas down the side, measures across ------------------------------------------------------------
# A benchmarking table turned the other way: one row per area, one column per measure (its name in the
# header cell, its date in brackets or none), no column naming a value kind:
#
#     Area          | Re-referrals within 12 months | Assessments within 45 working days
#     Lancashire    | 19.1%                         | 90%
#     North West    | 22%                           | 81.2%
#     England       | 21.5%                         | 84.5%

_MIN_AREA_SHARE = 0.6  # (as area_rows: most row labels are areas, a council or England among them)


def _areas_found(labels: list[str]) -> list[Area | None] | None:
    reg = register()
    areas = [reg.lookup(t) if t else None for t in labels]
    found = [a for a in areas if a is not None]
    named = [t for t in labels if t]
    if len(found) < 2 or len(found) < _MIN_AREA_SHARE * len(named):
        return None
    if not any(a.kind in ("council", "national") for a in found):
        return None
    return areas


def areas_down(rows: list[list[str]]) -> bool:
    """A grid's body rows lead with areas (the council, its region, England) and hold figures: the body
    of a table whose header names measures rather than value kinds."""
    if len(rows) < 2 or not all(rows):
        return False
    areas = _areas_found([r[0] for r in rows])
    if areas is None:
        return False
    return all(any(parse_cell(t).value is not None for t in r[1:] if t) for r, a in zip(rows, areas, strict=True)
               if a is not None)


def area_measures(table: Table) -> AreaTable | None:
    """The table's rows as areas when its first column names them and every other column is headed by
    a measure's name (words, no value kind): each cell is that measure's figure for that area."""
    if len(table.rows) < 2 or len(table.columns) < 2 or table.value_columns:
        return None
    measures = _measure_columns(table)
    if not measures or is_statistics_series(table):
        return None  # (confidence limits or denominators beside the figures: a statistics series, transposed.py)
    dated = [bool(_YEAR_OVER.match(c.label)) for c in measures]
    if any(dated) and not all(dated):
        return None  # a year over some measures only: a group label spread over part of its columns
    first = table.columns[0]
    areas = _areas_found([r.cells[first.index] for r in table.rows])
    return AreaTable([first], areas) if areas is not None else None


def _measure_columns(table: Table) -> list[Column]:
    return [c for c in table.columns[1:] if c.role in ("ignore", "blank") and re.search(r"[A-Za-z]{3}", c.label)]


# a year heading the measure's words (a group label over several measures' columns, stacked over each)
_YEAR_OVER = re.compile(r"^((?:19|20)\d{2}(?:\s*[/\-–]\s*(?:\d{2}|\d{4}))?)\s+(.*[A-Za-z]{3}.*)$")
_DATED_LABEL = re.compile(r"\(([^()]*\d[^()]*)\)\s*$")  # `Children in need per 10,000 (31 March 2022)`


def figures_from_area_measures(table: Table, found: AreaTable, page: int | None) -> Iterator[RawFigure]:
    """One figure per area and measure: the measure named by its column, the council's own row its
    actual, the others their benchmark kind (region, statistical neighbours, England)."""
    for col in _measure_columns(table):
        dated = _DATED_LABEL.search(col.label)
        period = parse_period(dated.group(1)) if dated else Period(None)
        name = col.label
        year = _YEAR_OVER.match(col.label) if dated is None else None
        if year is not None:  # (a year over the measure's words, `2007` heading `Under 16s total`)
            period, name = parse_period(year.group(1), year_kind=year_kind_for(year.group(2))), year.group(2)
        unit = infer_unit("", name)
        for row, area in zip(table.rows, found.areas, strict=True):
            raw = row.cells[col.index]
            if area is None or area.kind == DISTRICT or not raw or parse_cell(raw).value is None:
                continue
            yield _area_figure(name, raw, "actual", period, unit, row, area, table.section, page)


def _area_figure(
    indicator: str, raw: str, kind: str, period: Period, unit: str | None, row: TableRow, area: Area,
    section: str | None, page: int | None,
) -> RawFigure:
    """One area's figure: a benchmark row's actual is its benchmark kind, and it is set against the
    document's council (the pipeline knows it), never its own; a change of England's figure is no
    council's."""
    council = area.kind == "council"
    return RawFigure(
        indicator_raw=indicator,
        value_raw=raw,
        value_kind=area.kind if kind == "actual" and not council else kind,
        context=row.context,
        period=period,
        unit="percent" if "%" in raw else unit,
        section=section,
        page=page,
        source="table",
        flags=["former_council"] if area.note else [],
        council_id=area.council_id if council else None,
        area=area.label,
    )
