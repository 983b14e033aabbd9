"""Unruled rows: the anchor lines that hold a row's values, and each column's text fragments
cut into one block per anchor by the cell alignment that explains the table best (a DP)."""

from __future__ import annotations

import re
from itertools import pairwise

from extract.model import Cell, Line, Word
from extract.read.tables.areas import areas_down
from extract.read.tables.cells import Span, is_data_line, is_value_like, join_cell_lines, line_columns, line_height
from extract.read.tables.headers import header_cells
from extract.read.tables.transposed import periods_down
from extract.settings import TableSettings


def lines_to_rows(
    lines: list[Line], columns: list[Span], name_columns: set[int], settings: TableSettings,
    lead: list[tuple[Line, dict[int, list[Word]]]] = (), headed: bool = True, open_end: bool = False,
) -> tuple[list[list[str]], list[str], str, bool]:
    """Body lines banded into rows around anchor lines, by the alignment that fits best.

    Each column is partitioned on its own: its text fragments, top-down, are cut into one
    contiguous block per anchor so that every block sits on its anchor as the alignment says
    (a long comment centred on its row reaches past its neighbours' names). Without a header
    above (a table the page broke), lines above the first row are likelier the end of the
    previous page's last row, so leaving them to it costs less. At the foot of the page
    (`open_end`), the last row may go on over the page, so it may be read as top-aligned.
    Returns (rows, their contexts, the alignment, whether the first row is such leading text)."""
    leading_cost = settings.drop_cost if headed else settings.continued_leading_cost
    placed = [p for _, p in lead] + [line_columns(line, columns) for line in lines]
    lines = [line for line, _ in lead] + list(lines)
    anchors = find_anchors(placed, len(columns), name_columns, settings, lines)
    if not anchors:
        return [], [], "none", False
    best: tuple[float, str, dict[int, list[int]]] | None = None
    column_fragments = [[i for i, p in enumerate(placed) if p.get(c)] for c in range(len(columns))]
    for alignment in ("centre", "top", "bottom"):
        cost, owners = 0.0, {}
        # the partition depends only on which lines a column has text on: value columns share it
        partitions: dict[tuple[int, ...], tuple[float, list[int]]] = {}
        for c, fragments in enumerate(column_fragments):
            key = tuple(fragments)
            if key not in partitions:
                partitions[key] = partition_column(lines, fragments, anchors, alignment, settings, leading_cost,
                                                   open_end)  # fmt: skip
            column_cost, owner = partitions[key]
            cost += column_cost
            owners[c] = owner
        # Top and bottom alignment explain a centred table almost as cheaply (each only checks
        # one edge of a block), so they must beat centring clearly: centred cells are what
        # Word and LibreOffice exports have, and a table cut by the page skews its last row.
        if alignment != "centre":
            cost *= settings.edge_alignment_factor
        if best is None or cost < best[0] - 1e-6:
            best = (cost, alignment, owners)
    assert best is not None
    _, alignment, owners = best
    rows: list[list[str]] = []
    contexts: list[str] = []
    leading = any(LEADING in o for o in owners.values())
    for n in ([LEADING] if leading else []) + list(range(len(anchors))):
        cells = []
        for c, fragments in enumerate(column_fragments):
            members = [i for i, o in zip(fragments, owners[c], strict=True) if o == n]
            stack = [sorted(placed[i][c], key=lambda w: w.x0) for i in members]
            cells.append(join_cell_lines(stack, columns[c][1]))
        rows.append(cells)
        contexts.append(" | ".join(cell for cell in cells if cell))
    return rows, contexts, alignment, leading


def partition_column(
    lines: list[Line], fragments: list[int], anchors: list[int], alignment: str, settings: TableSettings,
    leading_cost: float = 1.0, open_end: bool = False,
) -> tuple[float, list[int]]:
    """(cost, anchor number of each fragment): the fragments of one column, top-down, cut into
    contiguous blocks, block n for anchor n, minimising how far each block sits from where the
    alignment puts it. A fragment on an anchor's own line belongs to that anchor."""
    if not fragments:
        return 0.0, []
    n, k = len(fragments), len(anchors)
    tops = [lines[i].top or 0.0 for i in fragments]
    bottoms = [lines[i].bottom or 0.0 for i in fragments]
    fixed = [anchors.index(i) if i in anchors else None for i in fragments]
    middles = [((lines[i].top or 0) + (lines[i].bottom or 0)) / 2 for i in anchors]
    # per anchor, what every block cost needs of it (computed once, not per block)
    anchor_tops = [lines[i].top or 0 for i in anchors]
    anchor_bottoms = [lines[i].bottom or 0 for i in anchors]
    heights = [line_height(lines[i]) for i in anchors]
    inf = float("inf")
    # a column with a fragment for every row (names) leaves no row empty without paying
    empty_cost = settings.empty_block_cost if n >= k else 0.0

    crossing = settings.crossing_weight
    centres = [(t + b) / 2 for t, b in zip(anchor_tops, anchor_bottoms, strict=True)]

    def best_block(previous: list[float], lo: int, b: int, j: int) -> tuple[float, int]:
        """(best cost, start a) over blocks of fragments a..b-1 for anchor j, a in lo..b (a == b:
        an empty block), none pinned elsewhere, after the best cost `previous[a]` of the rows
        above: each block costs how far it sits from where the alignment puts it, in the
        anchor's line heights. (The anchor's and the block end's terms are taken once.)"""
        best, best_cut = inf, 0
        if b > lo:
            height = heights[j]
            last_top, last_bottom = tops[b - 1], bottoms[b - 1]
            if alignment == "top":
                # a top-aligned row runs down from its values, never past the next row's
                if not (j + 1 < k and (last_top + last_bottom) / 2 > middles[j + 1]):
                    anchor_top = anchor_tops[j]
                    for a in range(lo, b):
                        before = previous[a]
                        if before != inf and (total := before + abs(tops[a] - anchor_top) / height) < best:
                            best, best_cut = total, a
            elif alignment == "bottom":
                block = abs(anchor_bottoms[j] - last_bottom) / height
                above = middles[j - 1] if j > 0 else None
                for a in range(lo, b):
                    before = previous[a]
                    if before == inf or (above is not None and (tops[a] + bottoms[a]) / 2 < above):
                        continue
                    if (total := before + block) < best:
                        best, best_cut = total, a
            else:
                centre, anchor_top = centres[j], anchor_tops[j]
                # a block reaching past halfway to its neighbours' values lines (a long centred
                # comment may) pays for the distance, so rows are not lumped into one block
                after = max(0.0, last_bottom - (middles[j + 1] + middles[j]) / 2) if j + 1 < k else 0.0
                halfway = (middles[j - 1] + middles[j]) / 2 if j > 0 else None
                cut_last = open_end and j == k - 1
                # rows never overlap: no block reaches past a neighbour's values line
                beyond = j + 1 < k and (last_top + last_bottom) / 2 > middles[j + 1]
                above = middles[j - 1] if j > 0 else None
                for a in range(lo, b if not beyond else lo):
                    before = previous[a]
                    if before == inf or (above is not None and (tops[a] + bottoms[a]) / 2 < above):
                        continue
                    crossed = max(0.0, halfway - tops[a]) if halfway is not None else 0.0
                    crossed += after
                    off = abs((tops[a] + last_bottom) / 2 - centre) + crossing * crossed
                    if cut_last:
                        # the page may cut the last row: what it shows starts at the row's top
                        off = min(off, abs(tops[a] - anchor_top))
                    if (total := before + abs(off) / height) < best:
                        best, best_cut = total, a
        if previous[b] != inf and (total := previous[b] + empty_cost) < best:
            best, best_cut = total, b
        return best, best_cut

    # cost[j][i]: best cost of giving fragments 0..i-1 to anchors 0..j-1
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    # fragments before the first row's block may be left out too, a line's cost each: the end
    # of a row the page broke, printed above this page's first values (see LEADING)
    first_anchor_top = lines[anchors[0]].top or 0.0
    for s in range(n + 1):
        if s and (fixed[s - 1] is not None or bottoms[s - 1] > first_anchor_top):
            break
        cost[0][s] = s * leading_cost
    for j in range(1, k + 1):
        # a block for anchor j-1 ending before fragment i starts after the last fragment before i
        # pinned to another anchor: earlier starts would cost inf, so they are not tried
        start, lowest = 0, []
        for i in range(n + 1):
            lowest.append(start)
            if i < n and fixed[i] is not None and fixed[i] != j - 1:
                start = i + 1
        previous, row, row_cut = cost[j - 1], cost[j], cut[j]
        for i in range(n + 1):
            row[i], row_cut[i] = best_block(previous, lowest[i], i, j - 1)
    # fragments after the last row's block may be left out, a line's cost each: a heading or a
    # note under the table is not its last row's
    end = min(range(n + 1), key=lambda e: (cost[k][e] + (n - e) * settings.drop_cost, -e))
    owner = [-1] * n
    i = end
    for j in range(k, 0, -1):
        a = cut[j][i]
        for x in range(a, i):
            owner[x] = j - 1
        i = a
    for x in range(i):
        owner[x] = LEADING
    return cost[k][end] + (n - end) * settings.drop_cost, owner


LEADING = -2  # owner of fragments left out above the first row: a row the page broke


def find_anchors(placed: list[dict[int, list[Word]]], width: int, name_columns: set[int],
                 settings: TableSettings, lines: list[Line] | None = None) -> list[int]:
    """The lines that hold a row's values. A wrapped value's second line (`At Sep` over `23`)
    holds one figure at most; a row's values line holds several where the table has several."""
    def values(p: dict[int, list[Word]]) -> int:
        return sum(1 for c, ws in p.items() if c not in name_columns and is_value_like(" ".join(w.text for w in ws)))

    counts = [values(p) for p in placed]
    need_values = 2 if max(counts, default=0) >= 3 else 1
    need_cells = max(1, min(settings.min_anchor_cells, width - len(name_columns)))
    anchors = [
        i for i, p in enumerate(placed)
        if counts[i] >= need_values and sum(1 for c in p if c not in name_columns) >= need_cells
    ]  # fmt: skip
    if lines is not None and len(anchors) >= 2:
        anchors = sorted(anchors + _lone_figure_rows(anchors, placed, lines, name_columns, counts))
    return anchors if lines is None else _merge_interleaved(anchors, placed, lines, settings, name_columns)


def _lone_figure_rows(anchors: list[int], placed: list[dict[int, list[Word]]], lines: list[Line],
                      name_columns: set[int], counts: list[int]) -> list[int]:
    """Lines with a name and one figure set as far from the lines around them as the rows are
    from one another (a padded table's row with one month filled in): rows of their own, not a
    wrapped value's second line (which sits a line's pitch under its first)."""
    gaps = sorted((lines[b].top or 0) - (lines[a].bottom or 0) for a, b in pairwise(anchors) if b == a + 1)
    if not gaps or gaps[0] <= 0.5 * line_height(lines[anchors[0]]):
        return []
    least = gaps[0]
    out = []
    for i, p in enumerate(placed):
        if i in anchors or counts[i] != 1 or min(name_columns, default=-1) not in p:
            continue
        above = (lines[i].top or 0) - (lines[i - 1].bottom or 0) if i > 0 else None
        below = (lines[i + 1].top or 0) - (lines[i].bottom or 0) if i + 1 < len(lines) else None
        if all(g is None or g >= 0.8 * least for g in (above, below)) and (above, below) != (None, None):
            out.append(i)
    return out


def _merge_interleaved(anchors: list[int], placed: list[dict[int, list[Word]]], lines: list[Line],
                       settings: TableSettings, name_columns: set[int] | None = None) -> list[int]:
    """Values lines closer than a line's height apart, with no column holding a value on two
    neighbours, are one row: centred cells of two lines (`0.22` over `%`, `12.8` over `2`) sit
    half a line off the one-line cells beside them. Rows never interleave so. The row's
    values line is the one whose cells have no other line of their own around them (the
    one-line cells); the two-line cells' lines have their other line in the same columns."""
    groups: list[list[int]] = []
    for i in anchors:
        if groups:
            j = groups[-1][-1]
            near = _middle(lines[i]) - _middle(lines[j]) < settings.interleave_heights * max(
                line_height(lines[i]), line_height(lines[j]))
            shared = set(placed[i]) & set(placed[j])
            if near and not any(_is_value(placed[i][c]) and _is_value(placed[j][c]) for c in shared):
                groups[-1].append(i)
                continue
        groups.append([i])
    names = name_columns or set()
    return [min(group, key=lambda i: (_wrapped_cells(i, placed, lines, names), -i)) for group in groups]


def _wrapped_cells(i: int, placed: list[dict[int, list[Word]]], lines: list[Line], name_columns: set[int]) -> int:
    """Cells of line i (names aside) with another line of text in their column within two line
    heights: the lines of a cell wrapped over two lines."""
    reach = 2 * line_height(lines[i])
    near = [j for j in range(max(0, i - 3), min(len(lines), i + 4))
            if j != i and abs(_middle(lines[j]) - _middle(lines[i])) <= reach]
    return sum(1 for c in placed[i] if c not in name_columns and any(placed[j].get(c) for j in near))


def _is_value(words: list[Word]) -> bool:
    return is_value_like(" ".join(w.text for w in words))


def _middle(line: Line) -> float:
    return ((line.top or 0) + (line.bottom or 0)) / 2


def reclaim_first_row(
    header: list[Line], body: list[Line], columns: list[Span], name_columns: set[int], settings: TableSettings
) -> list[tuple[Line, dict[int, list[Word]]]]:
    """The header's lines that are the first row's, with their words by column. In a table whose
    cells are centred, the first row reaches as far above its values line as it reaches below
    it, column by column: its lines at the foot of the header are the row's, not the header's."""
    placed_header = [line_columns(line, columns) for line in header]
    moved: dict[int, dict[int, list[Word]]] = {}  # header line index → column → words
    placed = [line_columns(line, columns) for line in body]
    anchors = find_anchors(placed, len(columns), name_columns, settings, body)
    if anchors and header:
        first = body[anchors[0]]
        middle = ((first.top or 0) + (first.bottom or 0)) / 2
        halfway = (((body[anchors[1]].top or 0) + (body[anchors[1]].bottom or 0)) / 2 + middle) / 2 \
            if len(anchors) > 1 else float("inf")
        for c in range(len(columns)):
            below = [((ln.top or 0) + (ln.bottom or 0)) / 2 - middle for ln, p in zip(body, placed, strict=True)
                     if p.get(c) and middle < ((ln.top or 0) + (ln.bottom or 0)) / 2 < halfway]
            if not below:
                continue
            for k in range(len(header) - 1, -1, -1):
                line = header[k]
                if middle - ((line.top or 0) + (line.bottom or 0)) / 2 > max(below) + 0.35 * line_height(first):
                    break
                if placed_header[k].get(c):
                    moved.setdefault(k, {})[c] = placed_header[k][c]
    return [(header[k], moved[k]) for k in sorted(moved)]


def name_columns_of(lines: list[Line], columns: list[Span]) -> set[int]:
    """Columns whose data-line cells are mostly words: names (and comments). A column with no
    text on any values line (a centred two-line `Bigger is` / `Better` beside one-line figures)
    is judged by its text on the other lines."""
    texts: dict[int, list[str]] = {}
    others: dict[int, list[str]] = {}
    for line in lines:
        into = texts if is_data_line(line) else others
        for c, ws in line_columns(line, columns).items():
            into.setdefault(c, []).append(" ".join(w.text for w in ws))
    names = set()
    for c, values in [*texts.items(), *((c, v) for c, v in others.items() if c not in texts)]:
        if len(others.get(c, [])) > 2 * len(values):
            values = values + others[c]  # mostly off the values lines: a comment wrapped round a fraction
        wordy = sum(1 for t in values if not is_value_like(t) and re.search(r"[A-Za-z]{3}", t))
        if wordy > len(values) / 2:
            names.add(c)
    return names


def realign_offset_figures(lines: list[Line], settings: TableSettings) -> list[Line]:
    """Lines with the figures a renderer set off their row's line moved back onto it.

    LibreOffice sets decimal-tab figures about half a line lower than the centred text beside
    them, so a row's one-line cells lie on two physical lines less than a line height apart:
    the labels (`MIT`, `Bigger is Better`, a symbol, a left-aligned `n/a`) on the row's centre
    line, the figures on a line of their own, which the row's wrapped name crosses. Where a
    line of one-line figures has such a line of one-line cells beside it in columns it leaves
    empty, and the lines of two rows or more are offset so in one direction by much the same
    distance, the figures join the labels' line (the other cells of their line stay). Rows are
    never set so by any renderer that centres its cells, so elsewhere nothing moves."""
    n = len(lines)
    if n < 4:
        return lines
    middles = [_middle(ln) for ln in lines]
    heights = [line_height(ln) for ln in lines]
    reach = settings.offset_figures_reach

    def single(i: int, cell: Cell, skip: int) -> bool:  # no other line of its column near it
        for j in range(max(0, i - 4), min(n, i + 5)):
            if j in (i, skip) or abs(middles[j] - middles[i]) > reach * max(heights[i], heights[skip]):
                continue
            if any(min(cell.x1 or 0, c.x1 or 0) - max(cell.x0 or 0, c.x0 or 0) > 0 for c in lines[j].cells):
                return False
        return True

    found: list[tuple[int, int, float, list[Cell]]] = []  # (figures line, labels line, offset, figures)
    for i, line in enumerate(lines):
        # (lines less than half a line apart are one line a tall glyph's box split)
        near = [j for j in (i - 1, i + 1)
                if 0 <= j < n and 0.5 <= abs(middles[i] - middles[j]) / min(heights[i], heights[j]) < 1]
        if not near or len(line.cells) < 2:
            continue
        figures = [c for c in line.cells if c.words and is_value_like(c.text)]
        if len(figures) < 2:
            continue
        for j in near:
            partner = lines[j]
            if any(min(f.x1 or 0, c.x1 or 0) - max(f.x0 or 0, c.x0 or 0) > 0 for f in figures for c in partner.cells):
                continue
            if not any(single(j, c, i) for c in partner.cells):
                continue
            # (a one-line label beside the figures: the row's one-line cells share their line)
            if any(single(i, c, j) for c in line.cells if c not in figures):
                continue
            moving = [f for f in figures if single(i, f, j)]
            if len(moving) >= 2:
                found.append((i, j, middles[i] - middles[j], moving))
                break
    if len(found) < 2:
        return lines
    offsets = sorted(d for _, _, d, _ in found)
    median = offsets[len(offsets) // 2]
    # two lines each of which could join the other (`NA NA` over a row's figures): the
    # direction of the other rows decides
    pairs = {(i, j) for i, j, _, _ in found}
    found = [f for f in found if (f[1], f[0]) not in pairs or f[2] * median > 0]
    agree = [f for f in found if f[2] * median > 0 and abs(f[2] - median) <= 0.25 * heights[f[0]]]
    if len(agree) < 2 or len(agree) < 2 * len(found) / 3:
        return lines
    out = list(lines)
    for i, j, offset, moving in agree:
        shifted = [Cell(c.text, c.x0, c.x1, tuple(Word(w.text, w.x0, w.top - offset, w.x1, w.bottom - offset)
                                                   for w in c.words)) for c in moving]
        partner = out[j]
        out[j] = Line(tuple(sorted((*partner.cells, *shifted), key=lambda c: c.x0 or 0.0)), partner.top, partner.bottom)
        ids = {id(c) for c in moving}
        out[i] = Line(tuple(c for c in out[i].cells if id(c) not in ids), out[i].top, out[i].bottom)
    return [ln for ln in out if ln.cells]


_PROSE_WORDS = 4  # a cell line of this many words or more is a sentence's, never a figure's label (`N/A`, `TBC`)


def prose_beside_figures(body: list[Line], columns: list[Span], a: int, b: int) -> bool:
    """One of two columns holds sentences (a cell line of four words or more), the other figures: a
    comment beside its row's figures (vertically centred, they never share a line), not one column
    whose cells are aligned differently (`NA` on the left, figures on the right)."""
    cells: dict[int, list[list[Word]]] = {a: [], b: []}
    for line in body:
        for c, words in line_columns(line, columns).items():
            if c in cells:
                cells[c].append(words)

    def prose(k: int) -> bool:
        return any(len(words) >= _PROSE_WORDS for words in cells[k])

    def figures(k: int) -> bool:
        return any(is_value_like(" ".join(w.text for w in words)) for words in cells[k])

    return (prose(a) and figures(b)) or (prose(b) and figures(a))


def measures_over_periods(header: list[Line], body: list[Line], columns: list[Span], names: set[int],
                          settings: TableSettings) -> bool:
    """A header of measures' names over rows that each lead with a period (`Contacts received` over
    `1 April 2017 – 31 March 2018  9,645`) or an area (`North West  22%`): a turned table's header, though
    it names no value kind (transposed.py, areas.py read it). The rows are built only when the labels are words."""
    labels = [t for t in header_cells(header, columns)[1:] if t]
    if len(labels) < 2 or any(is_value_like(t) or not re.search(r"[A-Za-z]{3}", t) for t in labels):
        return False
    rows = lines_to_rows(body, columns, names, settings, headed=True)[0]
    return periods_down(rows) or areas_down(rows)
