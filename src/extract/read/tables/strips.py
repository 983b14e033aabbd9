"""A one-row strip boxed on top of a ruled table: a performance system's `Objective | <text>` row printed
as a table of its own right above the indicators' table, so that their rules touch and read as one region.

The strip is apart when no inner column rule of it goes on into the rows under it and no inner column rule
of those rows reaches up into it: the two share only their outer edges. Read as one region, the strip's
column rule would cut every name cell under it in two (`Number of businesses` | `given advice ...`); split
off, the strip's words are left to the page's lines (text, no table) and the table keeps its own columns.
"""

from __future__ import annotations

from itertools import pairwise

from extract.read.tables.ruled import Region


def split_strips(region: Region, tolerance: float) -> list[Region]:
    """`region` cut at every drawn row boundary across which no inner column rule goes on: the rows above it
    and the row under it each draw inner column rules, none of them the other's (a strip and the table under
    it; the table and the next objective's strip). A row drawing no inner rule (a title or comment merged
    across) cuts nothing."""
    horizontals = region.horizontals
    if len(horizontals) < 3 or len(region.boundary_spans) != len(region.verticals) \
            or len(region.rule_spans) != len(horizontals):
        return [region]
    inner = [
        spans for x, spans in zip(region.verticals, region.boundary_spans, strict=True)
        if x - region.x0 > tolerance and region.x1 - x > tolerance
    ]
    drawn = [
        {n for n, spans in enumerate(inner) if any(start < (top + bottom) / 2 < end for start, end in spans)}
        for top, bottom in pairwise(horizontals)
    ]
    cuts = [
        k for k in range(1, len(drawn))
        if drawn[k - 1] and drawn[k] and not drawn[k - 1] & drawn[k]
        and _drawn_across(region.rule_spans[k], region, tolerance)
    ]
    if not cuts:
        return [region]
    bounds = [0, *cuts, len(horizontals) - 1]
    # a one-row part is the strip: its words are left to the page's lines
    return [_part(region, horizontals[a:b + 1], tolerance) for a, b in pairwise(bounds) if b - a > 1]


def _drawn_across(spans: tuple[tuple[float, float], ...], region: Region, tolerance: float) -> bool:
    return any(start - tolerance <= region.x0 and end + tolerance >= region.x1 for start, end in spans)


def _part(region: Region, horizontals: list[float], tolerance: float) -> Region:
    """The rows between the first and last of `horizontals`, with the rules drawn there (a rule reaching
    no further into them than the snapping tolerance ends at their top or bottom)."""
    top, bottom = horizontals[0], horizontals[-1]
    keep = [
        (x, tuple((max(start, top), min(end, bottom)) for start, end in spans
                  if min(end, bottom) - max(start, top) > tolerance))
        for x, spans in zip(region.verticals, region.boundary_spans, strict=True)
    ]
    keep = [(x, spans) for x, spans in keep if spans]
    rules = dict(zip(region.horizontals, region.rule_spans, strict=True))
    return Region(
        list(horizontals),
        [x for x, _ in keep],
        min(x for x, _ in keep),
        top,
        max(x for x, _ in keep),
        bottom,
        tuple(spans for _, spans in keep),
        tuple(rules[y] for y in horizontals),
    )
