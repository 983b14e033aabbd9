"""Ruled tables a borderless section row cuts in two.

A spreadsheet prints a section row merged across the table (`Pledge: Children are ready for
work and adulthood`) filled but with no borders, so the rules stop above it and start again
under it: the page holds two ruled regions, the second with no header of its own. When the
second region's columns are the first's (same count, each border where the first's is), its
rows are the same table's rows under that section title. (A lone row boxed apart is joined
whatever its columns: grid.py.)
"""

from __future__ import annotations

from extract.read.tables.cells import Grid

_BORDER_TOLERANCE = 3.0  # points: the same column border printed twice


def same_columns(upper: Grid, lower: Grid) -> bool:
    """`lower` is ruled on `upper`'s columns: as many columns, every border within a few points."""
    if len(upper.columns) != len(lower.columns) or len(upper.columns) < 2:
        return False
    return all(abs(a0 - b0) <= _BORDER_TOLERANCE and abs(a1 - b1) <= _BORDER_TOLERANCE
               for (a0, a1), (b0, b1) in zip(upper.columns, lower.columns, strict=True))
