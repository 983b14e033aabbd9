"""Row labels beside a name shared by several rows.

A measure's name printed once over two rows (a cell merged down, so each row carries the same
name) with a row-label column beside it (`Number` / `Rate per 10,000 aged 0-17`): a label that
changes the measure is part of that row's name (`Children looked after at 31 March – Rate per
10,000 aged 0-17`); a bare unit word (mappings/unit_row_labels.csv) is not."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.mappings import mappings_dir, read_csv
from extract.model import normalise_space
from extract.read.tables.table_model import Column, TableRow
from extract.read.values import parse_cell


@lru_cache(maxsize=1)
def unit_row_labels() -> frozenset[str]:
    rows = read_csv(mappings_dir() / "unit_row_labels.csv", ("text", "note"))
    return frozenset(normalise_space(r["text"]).lower() for r in rows)


def label_column(columns: list[Column], name_index: int) -> Column | None:
    """The unlabelled column of words right after the name column, if there is one."""
    for col in columns:
        if col.index == name_index + 1 and col.role in ("blank", "ignore") and not col.label.strip():
            return col
    return None


def with_row_label(name: str, label: str, shared: bool) -> str:
    """`name – label` when the name is shared with a neighbouring row and the label is words that are
    not a bare unit; the name unchanged otherwise."""
    label = normalise_space(label or "")
    if not shared or not label or parse_cell(label).value is not None or not re.search(r"[A-Za-z]{2}", label):
        return name
    if label.lower() in unit_row_labels():
        return name
    return f"{name} – {label}"


def shares_name(rows: list[TableRow], row: TableRow, index: int) -> bool:
    """The row's name cell is the same as a neighbouring row's (a cell merged down over both)."""
    k = next((i for i, r in enumerate(rows) if r is row), None)
    name = row.cells[index]
    if k is None or not name:
        return False
    return any(0 <= j < len(rows) and rows[j].cells[index] == name for j in (k - 1, k + 1))
