"""A chart's text read as a grid. A chart prints its axis labels in a row or column (`0%  10%  20% ...
100%`) and its data labels and legend about it; laid out in rows and columns they look like a table,
and the carried header of a table above can even give them labels. A row whose figures step evenly
up from zero is an axis: the grid holding it is a chart, not a table."""

from __future__ import annotations

import itertools

from extract.read.values import parse_cell

_MIN_TICKS = 5  # an axis prints at least this many evenly spaced labels


def is_axis_row(cells: list[str]) -> bool:
    """Figures (in print order, words between them aside) that step evenly up from zero, five or more:
    `0% 10% 20% 30% | 40% 50% 60% | 70% | 80% | 90% | 100%`, `0 | 10 | 20 | Your School 30 | 40`."""
    values = [v for cell in cells for token in cell.split() if (v := parse_cell(token).value) is not None]
    if len(values) < _MIN_TICKS or values[0] != 0:
        return False
    step = values[1] - values[0]
    return step > 0 and all(abs((b - a) - step) < 1e-9 for a, b in itertools.pairwise(values))
