"""A measure's block of `label | value` rows under its name: read as a one-row table.

Performance systems print each indicator as a small two-column box under the indicator's name (a
trend-chart export):

    Number of visits to libraries - virtual
    Status          |
    Data Period     | 2014/15
    Value           | 535,452
    Target          | Linked to SPI
    Long Trend      |
    Data Source     | Library and Information Services

Every left cell is a short label; one names the period (a period header: `Data Period`), the others
are read as column headers would be (`Value` is the actual, `Target` the target), the rest (people,
sources, empty symbol cells) are no figures. The block becomes a grid of one header row, the period
stacked over each figure's label, and one row of the name (the title over the box) and its figures,
so the table reader reads it as any other table. Unlike a card (cards.py), the name is outside the box.
"""

from __future__ import annotations

from extract.model import normalise_space
from extract.read.kinds import classify_header
from extract.read.periods import parse_period
from extract.read.tables.cells import Grid
from extract.read.values import parse_cell

MIN_ROWS = 4  # a period, a figure and two more labels at least: fewer rows are a small table like any other
MAX_LABEL_WORDS = 4
BLOCK_NOTE = "a measure's label | value block read as one row (label_blocks.py)"


def label_block_grid(grid: Grid) -> Grid | None:
    """The block as a grid of one header row over one row; None when the grid is no such block."""
    if grid.method != "ruled" or len(grid.columns) != 2 or len(grid.rows) < MIN_ROWS or not grid.title:
        return None
    period: str | None = None
    pairs: list[tuple[str, str]] = []
    for row in grid.rows:
        label, value = (normalise_space(t or "") for t in row)
        if not label or len(label.split()) > MAX_LABEL_WORDS or parse_cell(label).value is not None:
            return None  # a figure or a long text on the left: a table of names and figures, no block
        meaning = classify_header(label)
        if meaning.role == "period":
            if period is not None or parse_period(value).end is None:
                return None
            period = value
        elif meaning.role == "value" and meaning.kind is not None and parse_cell(value).value is not None:
            pairs.append((label, value))
    if period is None or not pairs:
        return None
    labels = ["Indicator", *(f"{period} {label}" for label, _ in pairs)]
    values = [normalise_space(grid.title), *(value for _, value in pairs)]
    return grid.as_one_row(labels, values, BLOCK_NOTE)


def is_label_block(grid: Grid) -> bool:
    return BLOCK_NOTE in grid.notes
