"""DfE's official local-authority figures: the tidy tables of explore-education-statistics.

A .csv in the corpus with the EES layout (`time_period`, `geographic_level`, `old_la_code`,
`new_la_code`, `la_name`, filter columns, measure columns; loaded by load.load_csv) gives one
row per local authority, year and measure that mappings/official/measures.csv names, with
`source=official`, `value_kind=actual` and the council from the record (`new_la_code` when it is
a current council, else a current council's DfE LA number in `old_la_code`). Records of abolished
or split authorities (old Dorset, Poole, Bournemouth, Northamptonshire, Cumbria) and of the
nation or regions give no row. The measure names (`rereferral_percent`, `children_percent
[With 3 or more placements during the year]`) match the catalogue through
mappings/aliases/dfe_official.csv.

`time_period` 2024 (or 202324) is the year ending 31 March 2024; the workforce census's year
ends on 30 September (measures.csv `year_ends`). Suppressed cells (x, c, u, k, z, low) give no row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from extract.mappings import mappings_dir
from extract.model import Document, Period, RawFigure
from extract.plugins.parser import Parser
from extract.settings import Settings

SUPPRESSED = {"", "x", "c", "u", "k", "z", "low", ":", ".."}


@dataclass(frozen=True)
class Measure:
    indicator_id: str
    column: str
    where: tuple[tuple[str, str], ...]
    year_ends: tuple[int, int]  # (month, day)
    name: str


@cache
def _measures(root: str) -> tuple[Measure, ...]:
    path = Path(root) / "official" / "measures.csv"
    if not path.exists():
        return ()
    out = []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            where = tuple(
                tuple(part.split("=", 1)) for part in row["where"].split("; ") if "=" in part
            )
            month, day = (int(x) for x in row["year_ends"].split("-"))
            out.append(Measure(row["indicator_id"], row["column"], where, (month, day), row["measure"]))
    return tuple(out)


@cache
def _councils(root: str) -> tuple[frozenset[str], dict[str, str]]:
    path = Path(root) / "councils.csv"
    current, by_number = set(), {}
    if path.exists():
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                current.add(row["council_id"])
                if row.get("dfe_la_number"):
                    by_number[row["dfe_la_number"]] = row["council_id"]
    return frozenset(current), by_number


def year_period(time_period: str, year_ends: tuple[int, int], turnover: bool = False) -> Period | None:
    """`2024` or `202324`: the year ending in 2024 (31 March, or 30 September for the workforce)."""
    text = time_period.strip()
    m = re.fullmatch(r"(\d{4})(\d{2})?", text)
    if not m:
        return None
    end_year = int(m.group(1)) + 1 if m.group(2) else int(m.group(1))
    month, day = year_ends
    end = date(end_year, month, day)
    if (month, day) == (3, 31):
        return Period(text, "financial_year", date(end_year - 1, 4, 1), end)
    if turnover:
        return Period(text, "rolling_12_months", date(end_year - 1, month + 1, 1), end)
    return Period(text, "point_in_time", end, end)


class DfeOfficial(Parser):
    name = "dfe_official"
    version = "1.1"
    empty_ok = True  # a DfE table of measures the catalogue does not hold gives no rows

    def detect(self, document: Document) -> bool:
        if not document.pages or not document.pages[0].lines:
            return False
        header = {t.lower() for t in document.pages[0].lines[0].texts}
        return {"time_period", "geographic_level", "la_name"} <= header and bool(
            {"new_la_code", "old_la_code"} & header
        )

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        root = str(mappings_dir())
        current, by_number = _councils(root)
        lines = document.pages[0].lines
        header = lines[0].texts
        index = {h: i for i, h in enumerate(header)}
        lower = {h.lower(): i for i, h in enumerate(header)}
        measures = [m for m in _measures(root) if m.column in index and all(c in index for c, _ in m.where)]
        if not measures:
            return

        def cell(record: list[str], column: str) -> str:
            i = lower.get(column.lower())
            return record[i].strip() if i is not None and i < len(record) else ""

        for line in lines[1:]:
            record = [c.text for c in line.cells]
            if cell(record, "geographic_level") != "Local authority":
                continue
            code, number = cell(record, "new_la_code"), cell(record, "old_la_code")
            council = code if code in current else by_number.get(number)
            if council is None:
                continue  # an abolished or split authority: no current council's figure
            context = ",".join(record)
            for m in measures:
                if any(record[index[c]].strip() != v for c, v in m.where):
                    continue
                raw = record[index[m.column]].strip() if index[m.column] < len(record) else ""
                if raw.lower() in SUPPRESSED:
                    continue
                period = year_period(cell(record, "time_period"), m.year_ends, turnover="turnover" in m.indicator_id)
                if period is None:
                    continue
                yield RawFigure(
                    indicator_raw=m.name,
                    value_raw=raw,
                    value_kind="actual",
                    context=context,
                    source="official",
                    period=period,
                    council_id=council,
                    area=cell(record, "la_name") or code or number,
                )
