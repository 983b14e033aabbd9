"""Ruled grids: rules snapped into edges, edges into regions, a region's cells filled with
the words inside them; a ruled grid holding two touching tables split at the second header."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from extract.load.rotated import RotatedWord
from extract.model import Line, Rule, Word
from extract.read.kinds import classify_header
from extract.read.tables.cells import Grid, is_data_cells, is_period_cell, is_value_like, words_in
from extract.settings import TableSettings


@dataclass(frozen=True)
class Edge:
    orientation: str  # "h" or "v"
    at: float  # y of a horizontal edge, x of a vertical one
    start: float  # x0 (h) or top (v)
    end: float


def rules_to_edges(rules: list[Rule], settings: TableSettings) -> tuple[list[Edge], list[Edge]]:
    """Rules snapped to shared positions and joined where collinear: (horizontal, vertical)."""
    h = [Edge("h", r.top, r.x0, r.x1) for r in rules if r.orientation == "h"]
    v = [Edge("v", r.x0, r.top, r.bottom) for r in rules if r.orientation == "v"]
    return _join(_snap(h, settings.snap_tolerance), settings.join_tolerance), _join(
        _snap(v, settings.snap_tolerance), settings.join_tolerance
    )


def _snap(edges: list[Edge], tolerance: float) -> list[Edge]:
    out: list[Edge] = []
    cluster: list[Edge] = []
    for edge in sorted(edges, key=lambda e: e.at):
        if cluster and edge.at - cluster[0].at > tolerance:
            out.extend(_snapped(cluster))
            cluster = []
        cluster.append(edge)
    out.extend(_snapped(cluster))
    return out


def _snapped(cluster: list[Edge]) -> list[Edge]:
    if not cluster:
        return []
    at = sum(e.at for e in cluster) / len(cluster)
    return [Edge(e.orientation, at, e.start, e.end) for e in cluster]


def _join(edges: list[Edge], tolerance: float) -> list[Edge]:
    out: list[Edge] = []
    for edge in sorted(edges, key=lambda e: (e.at, e.start)):
        last = out[-1] if out else None
        if last is not None and last.at == edge.at and edge.start <= last.end + tolerance:
            out[-1] = Edge(edge.orientation, edge.at, last.start, max(last.end, edge.end))
        else:
            out.append(edge)
    return out


@dataclass
class Region:
    """Rules that meet one another: one ruled table (or a frame)."""

    horizontals: list[float]  # y of each row boundary, top-down
    verticals: list[float]  # x of each column boundary, left to right
    x0: float
    top: float
    x1: float
    bottom: float
    #: per column boundary (as `verticals`), the (top, bottom) extents of the rules drawn there
    boundary_spans: tuple[tuple[tuple[float, float], ...], ...] = ()
    #: per row boundary (as `horizontals`), the (start, end) extents of the rules drawn there
    rule_spans: tuple[tuple[tuple[float, float], ...], ...] = ()


def edges_to_regions(h: list[Edge], v: list[Edge], settings: TableSettings) -> list[Region]:
    """Connected groups of crossing edges, each with its distinct row and column boundaries."""
    tol = settings.intersection_tolerance
    parent = list(range(len(h) + len(v)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ordered = sorted(range(len(h)), key=lambda i: h[i].at)
    ys = [h[i].at for i in ordered]
    for j, vert in enumerate(v):
        lo = bisect.bisect_left(ys, vert.start - tol)
        hi = bisect.bisect_right(ys, vert.end + tol)
        for k in ordered[lo:hi]:
            hor = h[k]
            if hor.start - tol <= vert.at <= hor.end + tol:
                parent[find(k)] = find(len(h) + j)
    groups: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for i, edge in enumerate(h):
        groups.setdefault(find(i), ([], []))[0].append(edge)
    for j, edge in enumerate(v):
        groups.setdefault(find(len(h) + j), ([], []))[1].append(edge)
    regions = []
    for hs, vs in groups.values():
        if not hs or not vs:
            continue
        horizontals = _distinct(sorted(e.at for e in hs), tol)
        verticals = _distinct(sorted(e.at for e in vs), tol)
        if len(horizontals) < settings.min_ruled_rows + 1 - 1 or len(verticals) < settings.min_ruled_columns + 1:
            continue
        regions.append(
            Region(
                horizontals,
                verticals,
                min(min(e.start for e in hs), min(e.at for e in vs)),
                min(min(e.at for e in hs), min(e.start for e in vs)),
                max(max(e.end for e in hs), max(e.at for e in vs)),
                max(max(e.at for e in hs), max(e.end for e in vs)),
                tuple(
                    tuple((e.start, e.end) for e in vs if abs(e.at - x) <= tol) for x in verticals
                ),
                tuple(
                    tuple((e.start, e.end) for e in hs if abs(e.at - y) <= tol) for y in horizontals
                ),
            )
        )
    return sorted(regions, key=lambda r: r.top)


def _distinct(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for value in values:
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _slot(value: float, bounds: list[float]) -> int | None:
    """Index of the band between consecutive bounds that holds value (None outside)."""
    i = bisect.bisect_right(bounds, value) - 1
    return i if 0 <= i < len(bounds) - 1 else None


_OVERFLOW_SHARE = 0.2  # of a word's height inside the table: more than a descender's tip over its rule


def _overflows_into(word: Word, region: Region) -> bool:
    """A word across the table's outer rule is a cell's text overflowing it (a spreadsheet row too
    short for it) when a fifth of it or more lies inside; less is a line outside the table whose
    descenders or ascenders reach over the rule (a section title just above the top rule)."""
    if not (word.top < region.top < word.bottom or word.top < region.bottom < word.bottom):
        return False
    inside = min(word.bottom, region.bottom) - max(word.top, region.top)
    return inside > _OVERFLOW_SHARE * (word.bottom - word.top)


def region_words(lines: list[Line], region: Region) -> list[Word]:
    return [
        w
        for line in lines
        for cell in line.cells
        for w in cell.words
        if region.x0 - 1 <= (w.x0 + w.x1) / 2 <= region.x1 + 1
        and (region.top - 1 <= w.middle <= region.bottom + 1 or _overflows_into(w, region))
    ]


def region_to_grid(region: Region, words: list[Word]) -> Grid | None:
    """Words placed in the cells the rules draw; empty rows and columns dropped."""
    horizontals = list(region.horizontals)
    if horizontals[0] > region.top + 1:
        horizontals.insert(0, region.top)
    if horizontals[-1] < region.bottom - 1:
        horizontals.append(region.bottom)
    verticals = region.verticals
    extra = _stacked_boundaries(words, horizontals, verticals)
    if extra:
        horizontals = sorted(horizontals + extra)
    merged = _merged_boundaries(region, horizontals)
    cells: dict[tuple[int, int], list[Word]] = {}
    middles = _run_middles(words)
    for word in words:
        r = _slot(middles.get(id(word), word.middle), horizontals)
        if r is None and word.top < horizontals[0] < word.bottom:  # overflowing the outer rule
            r = 0
        elif r is None and word.top < horizontals[-1] < word.bottom:
            r = len(horizontals) - 2
        x = (word.x0 + word.x1) / 2
        if r is not None and type(word) is RotatedWord and word.lean:
            x += (horizontals[r + 1] - word.foot) * word.lean  # where an angled label meets the row's bottom rule
        c = _slot(x, verticals)
        if r is None or c is None:
            continue
        # no rule drawn here: the cell merges over this column (not a turned label: it stands in its own
        # column, and a header row of angled labels draws its column rules slanted)
        while c > 0 and (r, c) in merged and type(word) is not RotatedWord:
            c -= 1
        cells.setdefault((r, c), []).append(word)
    _place_overflow(cells, horizontals)
    if not cells:
        return None
    rows_used = sorted({r for r, _ in cells})
    cols_used = sorted({c for _, c in cells})
    limits: dict[int, float] = {}  # each column's furthest right word: one pass, in the order max() read them
    for (_, k), ws in cells.items():
        for w in ws:
            if k not in limits or w.x1 > limits[k]:
                limits[k] = w.x1
    rows = [[words_in(cells.get((r, c), []), limits[c]) for c in cols_used] for r in rows_used]
    _spread_merged(rows, rows_used, cols_used, cells, verticals, merged)
    _join_split_names(rows, rows_used, cols_used, region, horizontals)
    columns = [(verticals[c], verticals[c + 1]) for c in cols_used]
    contexts = [" ".join(t for t in row if t) for row in rows]
    inner = range(1, len(verticals) - 1)
    spanning = tuple(n for n, r in enumerate(rows_used) if len(inner) and all((r, c) in merged for c in inner))
    return Grid("ruled", columns, rows, contexts, 0, region.top, region.bottom, spanning=spanning)


def _stacked_boundaries(words: list[Word], horizontals: list[float], verticals: list[float]) -> list[float]:
    """Row boundaries the rules do not draw: a spreadsheet row whose cells hold several lines each, a
    name a line in the first cell and its figures a line each in the others, the lines level with
    one another (`% of CP cases allocated ...` beside `97`, `% of LAC case allocated ...` beside `91`),
    is a row per line; lines of the first cell above the first figure line (an objective, `KPI :`)
    are a row of their own. A figure in brackets under another (a count under its percentage) is one
    cell's two lines, not two rows."""
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        r, c = _slot(word.middle, horizontals), _slot((word.x0 + word.x1) / 2, verticals)
        if r is not None and c is not None:
            cells.setdefault((r, c), []).append(word)
    extra: list[float] = []
    for r in range(len(horizontals) - 1):
        row = {c: ws for (k, c), ws in cells.items() if k == r}
        if len(row) < 2:
            continue
        first = min(row)
        figures = [_cell_lines(ws) for c, ws in row.items() if c != first]
        if not all(is_value_like(w.text) and not w.text.startswith("(") for c, ws in row.items() if c != first
                   for w in ws):
            continue
        depth = len(figures[0])
        names = _cell_lines(row[first])
        if depth < 2 or any(len(f) != depth for f in figures) or len(names) < depth:
            continue
        start = len(names) - depth
        if any(abs(f[i][0] - names[start + i][0]) > 0.5 * (f[i][1] - f[i][0]) for f in figures for i in range(depth)):
            continue
        extra.extend((names[i - 1][1] + names[i][0]) / 2 for i in range(max(start, 1), len(names)))
    return extra


def _cell_lines(words: list[Word]) -> list[tuple[float, float]]:
    """The (top, bottom) of each printed line of a cell's words, top-down."""
    lines: list[list[float]] = []
    for word in sorted(words, key=lambda w: w.top):
        if lines and abs(word.top - lines[-1][0]) <= 0.3 * max(word.height, 1.0):
            lines[-1][1] = max(lines[-1][1], word.bottom)
        else:
            lines.append([word.top, word.bottom])
    return [(top, bottom) for top, bottom in lines]


def _run_middles(words: list[Word]) -> dict[int, float]:
    """Each word's text run's middle: the words of one printed line of a cell (`Key performance
    indicator`) share it, so a run centred on a row rule a merged cell does not draw is not split
    between the rows by its words' glyphs (`Key`, `performance` reach lower than `indicator`)."""
    out: dict[int, float] = {}
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.top):
        if lines and abs(word.top - lines[-1][0].top) <= 0.3 * max(lines[-1][0].height, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        run: list[Word] = []
        for word in [*sorted(line, key=lambda w: w.x0), None]:
            if word is not None and run and 0 <= word.x0 - run[-1].x1 <= 0.6 * max(run[-1].height, 1.0):
                run.append(word)
                continue
            if len(run) > 1:
                middle = (min(w.top for w in run) + max(w.bottom for w in run)) / 2
                out.update((id(w), middle) for w in run)
            run = [word] if word is not None else []
    return out


def _place_overflow(cells: dict[tuple[int, int], list[Word]], horizontals: list[float]) -> None:
    """A word printed across a row rule overflows its cell: a spreadsheet row too short for its
    wrapped text draws the text's last line over the rule (and the row below's text). Its cell is
    the one whose text it does not overprint: the row above when it overlaps the text of the row
    below (the ink of two rows' lines never overlaps in a cell that holds its text), and the
    other way round. A word that overlaps neither, or both, stays where its middle is."""
    moves = []
    for (r, c), words in cells.items():
        for word in words:
            crossed = [h for h in horizontals[1:-1] if word.top < h < word.bottom]
            if len(crossed) != 1:
                continue
            k = horizontals.index(crossed[0])  # the rule between rows k - 1 and k
            if r not in (k - 1, k):
                continue
            above = _overprints(word, cells.get((k - 1, c), []), crossed[0])
            below = _overprints(word, cells.get((k, c), []), crossed[0])
            if below and not above and r == k:
                moves.append((word, (r, c), (k - 1, c)))
            elif above and not below and r == k - 1:
                moves.append((word, (r, c), (k, c)))
    # a label line printed over a figure of its cell (not across a rule) continues the label of the
    # cell above or below it, ending within half a line of it
    for (r, c), words in cells.items():
        figures = [w for w in words if is_value_like(w.text)]
        if not figures:
            continue
        for word in words:
            if any(word is m[0] for m in moves) or is_value_like(word.text) or not any(
                f.top < word.bottom and word.top < f.bottom and f.x0 < word.x1 and word.x0 < f.x1 for f in figures
            ):
                continue
            half = (word.bottom - word.top) / 2
            if any(0 <= word.top - o.bottom < half for o in cells.get((r - 1, c), [])):
                moves.append((word, (r, c), (r - 1, c)))
            elif any(0 <= o.top - word.bottom < half for o in cells.get((r + 1, c), [])):
                moves.append((word, (r, c), (r + 1, c)))
    for word, source, target in moves:
        cells[source].remove(word)
        if not cells[source]:
            del cells[source]
        cells.setdefault(target, []).append(word)


def _overprints(word: Word, others: list[Word], rule: float) -> bool:
    """`word` shares ink height with one of `others` that does not itself cross `rule`."""
    return any(
        other is not word and other.top < word.bottom and word.top < other.bottom
        and not other.top < rule < other.bottom
        for other in others
    )


_SLIVER = 2.0  # points: thinner than any row of text


def _merged_boundaries(region: Region, horizontals: list[float]) -> set[tuple[int, int]]:
    """(row, column) slots whose left column boundary is not drawn in that row though it is drawn
    in most rows: the row's cell is merged over that boundary (a section title across the table
    overflowing its first column). A boundary drawn in few rows (a header's only) merges nothing,
    but one missing only in the first row and drawn in every row under it is merged there (a
    group heading over its year columns in a header boxed apart from the rows: `Targets` over
    `2008/9 | 2009/10 | 2010/11`)."""
    if len(region.boundary_spans) != len(region.verticals):
        return set()
    # (a sliver between the outer rule and the ends of column rules drawn past it is no row)
    real = [r for r in range(len(horizontals) - 1) if horizontals[r + 1] - horizontals[r] >= _SLIVER]
    rows = len(real)
    out: set[tuple[int, int]] = set()
    for c in range(1, len(region.verticals) - 1):
        spans = region.boundary_spans[c]
        missing = [
            r
            for r in real
            if not any(start < (horizontals[r] + horizontals[r + 1]) / 2 < end for start, end in spans)
        ]
        leading = rows >= 2 and missing == real[:1]  # drawn in every row under the first
        if missing and (2 * len(missing) < rows or leading):
            out.update((r, c) for r in missing)
    return out


def _join_split_names(rows: list[list[str]], rows_used: list[int], cols_used: list[int], region: Region,
                      horizontals: list[float]) -> None:
    """A name cell merged down over several rows (a measure over its number and its rate) draws no
    row rule across its column: when its wrapped lines fall in more than one of those rows
    (`Children looked after at 31` over `March`), they are one name, and it names each row."""
    if not cols_used or len(region.rule_spans) != len(region.horizontals):
        return
    c = cols_used[0]
    x = (region.verticals[c] + region.verticals[c + 1]) / 2
    drawn = {y: any(start < x < end for start, end in spans) for y, spans in zip(region.horizontals,
                                                                                    region.rule_spans, strict=True)}
    run: list[int] = []
    for n, r in enumerate(rows_used):
        if run and r == rows_used[run[-1]] + 1 and not drawn.get(horizontals[r], True):
            run.append(n)
            continue
        _join_run(rows, run)
        run = [n]
    _join_run(rows, run)


def _join_run(rows: list[list[str]], run: list[int]) -> None:
    texts = [rows[n][0] for n in run if rows[n][0]]
    if len(texts) < 2 or any(is_value_like(t) for t in texts):
        return
    name = " ".join(texts)
    for n in run:
        rows[n][0] = name


def _spread_merged(rows: list[list[str]], rows_used: list[int], cols_used: list[int],
                   cells: dict[tuple[int, int], list[Word]], verticals: list[float],
                   merged: set[tuple[int, int]] = frozenset()) -> None:
    """A label whose words cross a column rule sits in a cell merged over those columns (a
    group heading over `Target` and `Actual`): it heads each of them (labels, not figures).
    So does a short label naming a kind or a period in a cell whose rules are not drawn over the
    columns after it (`Targets` centred over `2005/06` / `2006/07` / `2007/08`, crossing no rule).
    A cell merged over every column, or one that reads as a sentence, is no group heading but a
    row of its own (a section title or a comment under a measure): it stays in its first column."""
    for n, r in enumerate(rows_used):
        for m, c in enumerate(cols_used):
            words = cells.get((r, c))
            if not words or all(type(w) is RotatedWord and w.lean for w in words):
                continue  # (an angled label's box is not where its cell is)
            if is_value_like(rows[n][m]) and not ((r, c + 1) in merged and is_period_cell(rows[n][m])):
                continue  # a figure; but a year in a cell merged over the columns after it heads them (`2007`)
            x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
            end = c
            while (r, end + 1) in merged:
                end += 1
            if end > c and classify_header(rows[n][m]).role == "value":
                x0, x1 = min(x0, verticals[c] + 2), max(x1, verticals[end + 1] - 2)
            if not any(x0 < v - 1 and x1 > v + 1 for v in verticals):
                continue
            if len(cols_used) > 2 and x0 < verticals[cols_used[1]] and x1 > verticals[cols_used[-1]]:
                continue  # its words reach into the last column from the first
            if _is_sentence(rows[n][m]) or _is_jumble(rows[n][m]):
                continue
            for k, other in enumerate(cols_used):
                inside = min(x1, verticals[other + 1]) - max(x0, verticals[other]) > 1
                if k != m and inside and not rows[n][k]:
                    rows[n][k] = rows[n][m]


def _is_sentence(text: str) -> bool:
    """Prose, not a label: several words ending in a full stop (`... is being addressed.`)."""
    return text.rstrip().endswith(".") and len(text.split()) > 5


_PERIOD = re.compile(r"\b(?:19|20)\d{2}(?:\s*[/\-–]\s*\d{2,4})?\b")


def _is_jumble(text: str) -> bool:
    """Several columns' labels run together (text set at an angle across a short header row reads
    as one run over every column): it names several periods, which one group heading never does."""
    return len(set(_PERIOD.findall(text))) >= 3


def split_at_headers(grid: Grid, min_values: int) -> list[Grid]:
    """A ruled grid holding two tables that touch (the second's header row under the first's
    last row) becomes two grids."""
    starts = [0]
    seen_data = False
    for i, row in enumerate(grid.rows):
        if is_data_cells(row):
            seen_data = True
        elif seen_data and sum(1 for t in row if t and classify_header(t).role == "value") >= min_values \
                and not any(is_value_like(t) and not is_period_cell(t) for t in row if t):  # a figure: a data row
            starts.append(i)
            seen_data = False
    if len(starts) == 1:
        return [grid]
    out = []
    for a, b in itertools.pairwise([*starts, len(grid.rows)]):
        out.append(Grid(grid.method, grid.columns, grid.rows[a:b], grid.contexts[a:b], 0, grid.top, grid.bottom,
                        grid.title if a == 0 else None, grid.alignment, list(grid.notes),
                        tuple(n - a for n in grid.spanning if a <= n < b), grid.heading if a == 0 else None))
    return out
