"""A table of periods over one row of figures, with no name cell, named by the quoted measure above it.

Annual report pages name a statutory measure in quotes in a paragraph and print its figures under it in
a small table whose header row is the periods and whose only other row is the figures (Conwy's social
services report):

    Performance is monitored by the statutory measure “The percentage of initial assessments completed
    within 7 working days”. The target for this measure is 80%.
    2013/14 | 2014/15 | 2015/16
    82.1%   | 79.2%   | 76.1%

Such a table names no measure of its own: it is the quoted measure's. A second such table under a short
paragraph quoting none and speaking of no population or measure of its own (`Whilst the performance ...
across the year.`) goes on with the same measure. The grid gains a first column, `Indicator` over the name,
and is read as any other table.
"""

from __future__ import annotations

import re
from functools import cache

from extract.mappings import mappings_dir, read_csv
from extract.model import Line, normalise_space
from extract.read.periods import parse_period
from extract.read.tables.cells import Grid
from extract.read.values import parse_cell

# a name in typographic or straight double quotes, of three words or more
_QUOTED = re.compile(r"[“\"]([A-Z][^“”\"]{10,200}?)[”\"]")
MAX_LINES_BETWEEN = 3  # prose between two such tables that still speaks of the same measure
MIN_PERIODS = 2


def _period_row(grid: Grid) -> bool:
    """One header row of periods (blanks aside) over one row of figures (blanks aside)."""
    if len(grid.rows) != 2 or len(grid.columns) < MIN_PERIODS:
        return False
    header, body = grid.rows
    periods = [t for t in header if t]
    figures = [t for t in body if t]
    if len(periods) < MIN_PERIODS or any(parse_period(t).end is None for t in periods):
        return False
    if not figures or any(parse_cell(t).value is None for t in figures):
        return False
    # each figure under a period
    return all(header[i] for i, t in enumerate(body) if t)


@cache
def _other_subject() -> re.Pattern[str]:
    """Words by which prose speaks of a population or a measure of its own: the counted nouns
    (mappings/counted_nouns.csv: `children`, `care leavers`) and the nouns of a measure."""
    nouns = [r["noun"] for r in read_csv(mappings_dir() / "counted_nouns.csv", ("noun", "note"))]
    words = [re.escape(n).replace(r"\ ", r"\s+") for n in nouns] + ["rate", "percentage", "proportion", "number"]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


def _speaks_of_another(lines: list[Line]) -> bool:
    return bool(_other_subject().search(" ".join(ln.text for ln in lines)))


def _quoted_name(lines: list[Line]) -> str | None:
    text = normalise_space(" ".join(ln.text for ln in lines))
    found = _QUOTED.findall(text)
    if not found:
        return None
    name = normalise_space(found[-1]).rstrip(".").strip()
    return name if len(name.split()) >= 3 else None


def _named(grid: Grid, name: str) -> Grid:
    x0 = grid.columns[0][0]
    columns = [(x0 - 1.0, x0), *grid.columns]
    rows = [["Indicator", *grid.rows[0]], [name, *grid.rows[1]]]
    contexts = [grid.contexts[0], grid.contexts[1]]
    return Grid(grid.method, columns, rows, contexts, 1, grid.top, grid.bottom, grid.title, grid.alignment,
                [*grid.notes, f"named by the measure quoted above it: {name!r} (quoted_names.py)"], grid.spanning)


def name_period_rows(grids: list[Grid], lines: list[Line]) -> list[Grid]:
    """The page's grids (top-down), each table of periods over one row of figures named by the measure
    quoted in the prose above it (down to the grid before), or by the table before it when the few lines
    between quote none."""
    out: list[Grid] = []
    above = float("-inf")
    last_name: str | None = None  # the name the grid just before took, when it was such a table
    for grid in grids:
        between = [ln for ln in lines if (ln.top or 0) >= above and (ln.bottom or 0) <= grid.top]
        name = None
        if _period_row(grid):
            name = _quoted_name(between)
            if name is None and last_name is not None and len(between) <= MAX_LINES_BETWEEN \
                    and not _speaks_of_another(between):
                name = last_name
        out.append(_named(grid, name) if name else grid)
        last_name = name
        above = max(above, grid.bottom)
    return out
