"""A measure's card: a two-column ruled table of one measure, read as a one-row table.

Councils' web pages print a measure as a small card (Mid and East Antrim's self-assessment):

    Indicator: The average processing time of major planning applications. Standard: Less than 30 weeks.
    Past results
    2019/20                                        | 42.4 weeks
    ...
    2023/24
    Mid and East Antrim Borough Council result     | 67.4 weeks
    Northern Ireland council average               | 46.5 weeks

The first row is one cell merged over both columns: the measure's name after a field label that names
it (`Indicator:`), then `Label: figure` clauses whose label is a column header's word (`Standard:`).
The other rows are bands merged over both columns (`Past results`, `2023/24`) or `label | figure` pairs.
A pair's label is read as a column header would be, under the band over it when the band is a period
(`2023/24` over `Northern Ireland council average`), as a stacked header is. The card becomes a grid
of one header row and one row, so the table reader reads it as any other table.
"""

from __future__ import annotations

import re

from extract.model import normalise_space
from extract.read.kinds import classify_header
from extract.read.periods import parse_period
from extract.read.tables.cells import Grid
from extract.read.values import parse_cell

MIN_CARD_FIGURES = 3  # a card of fewer figures is a small table like any other
# `Indicator: <name>` at the start of the merged first row
_FIELD = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(?P<rest>.+)$", re.S)
# `. Standard: Less than 30 weeks.` after the name: a clause of a label and its figure
_CLAUSE = re.compile(r"\.\s+(?P<label>[A-Z][A-Za-z ]{0,30}?)\s*:\s*(?P<fig>[^:]+?)\s*$")


def _merged(row: list[str]) -> str | None:
    """The text of a row merged over both columns (the second cell empty or repeating the first)."""
    first, second = (normalise_space(t or "") for t in row)
    if first and (not second or second == first):
        return first
    return None


def _name_and_clauses(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """`Indicator: <name>. Standard: Less than 30 weeks.` -> the name and its (label, figure) clauses."""
    field = _FIELD.match(text)
    if field is None or classify_header(field.group("label")).role != "name":
        return None
    rest = field.group("rest").strip()
    clauses: list[tuple[str, str]] = []
    while (m := _CLAUSE.search(rest)) is not None:
        meaning = classify_header(m.group("label"))
        if meaning.role != "value" or meaning.kind is None:
            break
        clauses.insert(0, (m.group("label"), m.group("fig")))
        rest = rest[: m.start() + 1]
    name = rest.strip().rstrip(".").strip()
    return (name, clauses) if name else None


CARD_NOTE = "a measure's card read as one row (cards.py)"


def is_card(grid: Grid | None) -> bool:
    return grid is not None and CARD_NOTE in grid.notes


def card_grid(grid: Grid, continued: Grid | None = None) -> Grid | None:
    """The card as a grid of one header row (`Indicator`, the clauses' labels, each pair's label under
    its band) over one row of the name and figures; None when the grid is no card. `continued`: the
    card the previous page ended with, when this grid may be its rest (pairs under no name row)."""
    if grid.method != "ruled" or len(grid.columns) != 2:
        return None
    if continued is not None:
        if len(grid.rows) < MIN_CARD_FIGURES or any(_merged(row) is None and not all(row) for row in grid.rows):
            return None
        name, clauses, rows = continued.rows[1][0], [], grid.rows
    else:
        if len(grid.rows) < MIN_CARD_FIGURES + 1:
            return None
        head = _merged(grid.rows[0])
        if head is None and 0 not in grid.spanning and parse_cell(grid.rows[0][1] or "").value is None:
            # (a card the page cuts at its foot has no bottom rule: its first row's merge is not seen, and
            # the name runs on over the column rule)
            head = normalise_space(" ".join(t or "" for t in grid.rows[0]))
        read = _name_and_clauses(head) if head else None
        if read is None:
            return None
        (name, clauses), rows = read, grid.rows[1:]
    labels, values = ["Indicator"], [name]
    for label, fig in clauses:
        labels.append(label)
        values.append(fig.rstrip("."))
    band: str | None = None
    figures = len(clauses)  # (a standard in the first row is one of the card's figures)
    for row in rows:
        merged = _merged(row)
        if merged is not None:
            band = merged if parse_period(merged).end is not None else None
            continue
        label, value = (normalise_space(t or "") for t in row)
        if not label or not value:
            return None  # (a card has no row of a figure without its label)
        if parse_cell(value).value is None:
            continue  # a status sentence, a ranking (`9th`)
        stacked = label if band is None or parse_period(label).end is not None else f"{band} {label}"
        labels.append(stacked)
        values.append(value)
        figures += 1
    if figures < MIN_CARD_FIGURES:
        return None
    return grid.as_one_row(labels, values, CARD_NOTE)
