"""Ruled tables with group header rows over the header row, and section rows inside the body.

Spreadsheet scorecards put a row of merged cells over the header (`2016/17` over `Target |
Actual`, `Monthly position` over `Jun-15 | Jul-15`) and rows whose only cell is a merged
section title (`Early Help`) between the indicators. Read cell by cell, a merged group cell
lands in one of the columns it spans (or is cut at their border), and a section row under the
header reads as one more header row, which spoils the name column's label.

`regroup` reads such a grid again:
- the header is the leading rows before the first row of figures or the first section row (a
  row whose only filled cell is the first);
- a group cell is spread over the columns it stands for: the run of value columns under it in
  which no kind repeats (`Target | Actual` under `2016/17`);
- each column's label is its header cells top-down when the joined label still names a value
  or a role (`Stat` + `neighbours`, `2016/17` + `Target`); otherwise the lowest label stands
  (`Monthly` + `Jun-15` names nothing, so the column is `Jun-15`).
"""

from __future__ import annotations

from extract.model import normalise_space
from extract.read.kinds import classify_header
from extract.read.tables.cells import is_period_cell, is_value_like
from extract.read.tables.grid import Grid, header_row_count, is_data_cells
from extract.read.tables.table_model import Table, assemble_table, build_columns, reclassify_by_content

MAX_HEADER_ROWS = 4  # a header is at most this many rows of labels (as the grid reader's)


def is_section_row(row: list[str]) -> bool:
    """A section title across the table: the first cell filled, every other cell empty or the
    title again (a title longer than the first column, spread over the columns it crosses)."""
    return len(row) > 1 and bool(row[0]) and all(not t or t == row[0] for t in row[1:])


def is_lone_figure_row(row: list[str]) -> bool:
    """A row under the header holding a figure but naming fewer than two values: an indicator
    with one figure reported (`CYP01 | Initial conferences ... | 94.4%`), never a header row."""
    filled = [t for t in row if t]
    return any(is_value_like(t) and not is_period_cell(t) for t in filled) and \
        sum(1 for t in filled if classify_header(t).role == "value") < 2


def header_rows(rows: list[list[str]]) -> int:
    count = 0
    for row in rows[:MAX_HEADER_ROWS]:
        if is_data_cells(row) or (count and (is_section_row(row) or is_lone_figure_row(row))):
            break
        count += 1
    return count


def spread_groups(group: list[str], bottom: list[str]) -> list[str]:
    """A group row's cells, each merged label spread over the run of value columns it heads:
    runs are cut where a kind repeats (`Target Actual | Target Actual`) or a column names no value."""
    kinds = []
    for label in bottom:
        meaning = classify_header(label)
        kinds.append(meaning.kind if meaning.role == "value" else None)
    out = list(group) + [""] * (len(bottom) - len(group))
    runs: list[list[int]] = []
    for c, kind in enumerate(kinds):
        if kind is None:
            continue
        if runs and runs[-1][-1] == c - 1 and all(kinds[k] != kind for k in runs[-1]):
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        labels = {out[c] for c in run if out[c]}
        if len(run) > 1 and len(labels) == 1:
            label = labels.pop()
            for c in run:
                out[c] = label
    return out


def stack_labels(header: list[list[str]]) -> list[str]:
    """One label per column from the header rows, top-down."""
    bottom = header[-1]
    groups = [spread_groups(row, bottom) for row in header[:-1]]
    labels = []
    for c, label in enumerate(bottom):
        above = normalise_space(" ".join(g[c] for g in groups if c < len(g) and g[c]))
        joined = normalise_space(f"{above} {label}")
        own, meaning = classify_header(label), classify_header(joined)
        keep = meaning.role != "ignore" and (
            own.role in ("ignore", "blank") or (own.role == "value" and meaning.role == "value")
        )
        if own.role == "value" and own.kind != "actual" and meaning.kind == "actual":
            keep = False  # a group saying only "Performance" over `Previous`: the column's own word is the specific one

        labels.append(joined if above and keep else label)
    return labels


def regroup(grid: Grid, min_values: int, gave_table: bool) -> Table | None:
    """A Table from a ruled grid whose group or section rows the grid reader misread, else None
    (the grid reader's own table stands)."""
    if grid.method != "ruled" or not grid.rows:
        return None
    count = header_rows(grid.rows)
    if count == 0 or count == len(grid.rows):
        return None
    header = grid.rows[:count]
    spread = any(spread_groups(row, header[-1]) != row + [""] * (len(header[-1]) - len(row)) for row in header[:-1])
    if gave_table and not spread and count == header_row_count(grid.rows):
        return None  # read as the grid reader reads it
    labels = stack_labels(header)
    columns = build_columns(labels, grid.columns)
    if sum(1 for c in columns if c.role == "value") < min_values:
        return None
    body = grid.rows[count:]
    columns = reclassify_by_content(columns, body)
    raw_rows = [(row, context, 0) for row, context in zip(body, grid.contexts[count:], strict=True)]
    return assemble_table(columns, raw_rows, grid.title, " | ".join(grid.contexts[:count]), grid=grid)
