"""Tables on a PDF page rebuilt as grids of cells: a chain of small pure functions.

    rules ─ rules_to_edges ─ edges_to_regions ─ region_to_grid ─┐
    lines ─ data_runs ─ runs_to_columns ─ header_above ─ lines_to_rows ─ Grid ─ grid_to_table ─ Table

Rows are vertical bands and columns are vertical strips. Where the page draws its table
borders, the rules give both (shading behind cells is not a rule); where it draws none, the
columns come from where the value rows put their text (occupancy) and the rows from "anchor"
lines: the line of a row that holds its values. Lines between anchors (a name or comment
wrapped over several lines) belong to the anchor their cell is aligned on: the cells of a row
are aligned top, centre or bottom, and the alignment that explains the table best is used.
A cell's text is read top-down, left to right within the cell.

Every Grid keeps how it was found, so `extract inspect FILE --tables --page N` can show it,
and every Table keeps its Grid and a quality report.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.model import Line, Page, Rule, Word, normalise_space
from extract.read.kinds import classify_header
from extract.read.tables.table_model import (
    Column,
    Table,
    assemble_table,
    build_columns,
    reclassify_by_content,
    title_of,
)
from extract.read.values import is_no_value, parse_cell
from extract.settings import TableSettings

Span = tuple[float, float]


@dataclass
class Grid:
    """A table as found on a page: rows × columns of cell texts and how they were found."""

    method: str  # "ruled" (borders give rows and columns) or "unruled" (occupancy and anchors)
    columns: list[Span]  # x extent of each column
    rows: list[list[str]]  # every row, header rows first
    contexts: list[str]  # each row as printed (its cells joined)
    header_rows: int
    top: float
    bottom: float
    title: str | None = None
    alignment: str | None = None  # unruled: how the rows' cells are aligned (top, centre, bottom)
    notes: list[str] = field(default_factory=list)

    def show(self) -> str:
        """The grid as text: one line per row, cells separated by ` | `, header rows marked."""
        out = [f"{self.method} grid, {len(self.rows)} rows x {len(self.columns)} columns"
               + (f", cells aligned {self.alignment}" if self.alignment else "")
               + (f", title {self.title!r}" if self.title else "")]
        for i, row in enumerate(self.rows):
            mark = "H" if i < self.header_rows else " "
            out.append(f"  {mark} " + " | ".join(cell or "·" for cell in row))
        out.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(out)


# -- cells and values --------------------------------------------------------------------------
def is_value_like(text: str) -> bool:
    return parse_cell(text).value is not None or is_no_value(text)


_PERIOD_CELL = re.compile(
    r"^(?:(?:19|20)\d{2}(?:\s*[/\-–]\s*(?:\d{2}|\d{4}))?|(?:q[1-4]\s*)?(?:19|20)\d{2}\s*[/\-–]\s*\d{2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*[-’' ]?\s*(?:\d{2}|\d{4}))$",
    re.I,
)


def is_period_cell(text: str) -> bool:
    """A header's period label (`2016`, `2023/24`, `Mar-24`), which reads as a number too."""
    return bool(_PERIOD_CELL.match(text.strip()))


def is_data_cells(texts: list[str]) -> bool:
    """Cells of a row of figures: at least two numbers or placeholders, not all period labels."""
    filled = [t for t in texts if t]
    values = [t for t in filled if is_value_like(t)]
    # a two-column table (`Name  23`): one figure beside a name
    single = len(values) == 1 and len(filled) == 2 and parse_cell(values[0]).value is not None \
        and any(re.search(r"[A-Za-z]{4}", t) for t in filled if t not in values)
    if len(values) < 2 and not single:
        return False
    return not all(is_period_cell(t) for t in values)


def words_in(words: Iterable[Word], limit: float | None = None) -> str:
    """Words read top-down (by line), left to right: a cell's text. `limit` is the furthest
    right any text of the column reaches (where the renderer wraps)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if lines and abs(word.middle - lines[-1][0].middle) <= 0.3 * max(word.height, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return join_cell_lines([sorted(line, key=lambda w: w.x0) for line in lines], limit)


# Short words a narrow column wraps onto a line of their own; anything else this short and in
# lower case at the start of a line, under a line that filled the cell, is the end of a word
# the renderer broke (`Actu` over `al`, `Statistica` over `l`).
_SHORT_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "be", "by", "for", "in", "is", "it", "of", "on", "or", "per", "the", "to",
        "up", "via", "vs", "was", "who", "are", "all", "any", "new", "not", "one", "two", "has", "had", "its",
        "off", "out", "own", "than", "that", "this", "were", "been", "have", "from", "into", "over", "with",
    }
)
_WORD_ENDINGS = frozenset({"ance", "ence", "tion", "sion", "ment", "ness", "ings", "ures", "ents", "ally"})
_NUMBER_END = re.compile(r"^[(£$]?[\d.,/]*\d[.,/]?$|[.,/]$")
_NUMBER_START = re.compile(r"^[\d%)]")


def join_cell_lines(lines: list[list[Word]], limit: float | None = None) -> str:
    """The lines of one cell as one text. A line break is a space, except inside a number the
    column was too narrow for (`91.3` over `%`, `506/58` over `6`), after a wrapped dash
    (`Mar-` over `23`), and inside a word broken where it met the cell's edge."""
    if not lines:
        return ""
    widest = max(line[-1].x1 for line in lines)
    edge = widest if limit is None else limit
    text = " ".join(w.text for w in lines[0])
    for above, below in itertools.pairwise(lines):
        head, tail = above[-1].text, below[0].text
        at_edge = above[-1].x1 >= edge - 1.5  # the word met the column's edge
        widest_line = above[-1].x1 >= widest - 1.0
        broken_number = bool(_NUMBER_END.search(head) and _NUMBER_START.match(tail))
        broken_dash = (bool(re.search(r"\d[-–]$|^[A-Za-z]{3}[-–]$", head)) and tail[:1].isdigit()) or bool(
            re.search(r"[A-Za-z][-–]$", head) and tail[:1].isalpha()
        )  # `Mar-` over `23`, `re-` over `referrals`
        piece = tail.rstrip(".,:;)")
        broken_word = (
            len(above) == 1 and head[-1:].isalpha() and piece not in _SHORT_WORDS
            and ((at_edge and re.fullmatch(r"[a-z]{1,4}", piece) is not None)
                 or (widest_line and re.fullmatch(r"[a-z]{1,3}", piece) is not None) or piece in _WORD_ENDINGS)
        )
        joiner = "" if broken_number or broken_dash or broken_word else " "
        text = f"{text}{joiner}{' '.join(w.text for w in below)}"
    return normalise_space(text)


# -- ruled grids -------------------------------------------------------------------------------
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


def region_words(lines: list[Line], region: Region) -> list[Word]:
    return [
        w
        for line in lines
        for cell in line.cells
        for w in cell.words
        if region.x0 - 1 <= (w.x0 + w.x1) / 2 <= region.x1 + 1 and region.top - 1 <= w.middle <= region.bottom + 1
    ]


def region_to_grid(region: Region, words: list[Word]) -> Grid | None:
    """Words placed in the cells the rules draw; empty rows and columns dropped."""
    horizontals = list(region.horizontals)
    if horizontals[0] > region.top + 1:
        horizontals.insert(0, region.top)
    if horizontals[-1] < region.bottom - 1:
        horizontals.append(region.bottom)
    verticals = region.verticals
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        r = _slot(word.middle, horizontals)
        c = _slot((word.x0 + word.x1) / 2, verticals)
        if r is None or c is None:
            continue
        cells.setdefault((r, c), []).append(word)
    if not cells:
        return None
    rows_used = sorted({r for r, _ in cells})
    cols_used = sorted({c for _, c in cells})
    limits = {c: max(w.x1 for (_, k), ws in cells.items() if k == c for w in ws) for c in cols_used}
    rows = [[words_in(cells.get((r, c), []), limits[c]) for c in cols_used] for r in rows_used]
    columns = [(verticals[c], verticals[c + 1]) for c in cols_used]
    contexts = [" ".join(t for t in row if t) for row in rows]
    return Grid("ruled", columns, rows, contexts, 0, region.top, region.bottom)


# -- unruled grids -----------------------------------------------------------------------------
def _line_height(line: Line) -> float:
    return max((line.bottom or 0) - (line.top or 0), 1.0)


def is_data_line(line: Line) -> bool:
    return is_data_cells([c.text for c in line.cells])


def _year_tail(line: Line, above: list[Line]) -> bool:
    """The second line of a wrapped header (`Sep-` over `23`): its figures are two digits, each
    under a label that ends with a dash on one of the lines just above (centred header cells
    interleave their lines)."""
    figures = [c for c in line.cells if is_value_like(c.text)]
    if not figures or not all(re.fullmatch(r"\d{2}|(?:19|20)\d{2}[-–/]", c.text) for c in figures):
        return False
    figures = [c for c in figures if re.fullmatch(r"\d{2}", c.text)]
    opened = [c for ln in above for c in ln.cells if re.search(r"[-–/]$", c.text)]
    return all(any(min(f.x1 or 0, o.x1 or 0) - max(f.x0 or 0, o.x0 or 0) > -2 for o in opened) for f in figures) \
        and bool(opened)


def _data_at(lines: list[Line], k: int) -> bool:
    return is_data_line(lines[k]) and not _year_tail(lines[k], lines[max(0, k - 3) : k])


def data_runs(lines: list[Line], settings: TableSettings) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of lines that hold a table body: data lines, and the lines
    between them that fit under their columns (wrapped names and comments)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _data_at(lines, i):
            i += 1
            continue
        start = last_data = i
        spans = _value_spans([lines[i]])
        j = i + 1
        while j < len(lines):
            line, previous = lines[j], lines[j - 1]
            gap = (line.top or 0) - (previous.bottom or 0)
            if gap > settings.row_gap_heights * 2 * _line_height(previous):
                break
            if _data_at(lines, j):
                if not _fits_columns(line, spans, data=True):
                    break
                spans = _value_spans([lines[k] for k in range(start, j + 1) if is_data_line(lines[k])])
                last_data = j
            elif not _fits_columns(line, spans) or j - last_data > 8:
                break
            j += 1
        runs.append((start, _trim_tail(lines, start, last_data, j)))
        i = j
    return runs


def _trim_tail(lines: list[Line], start: int, last_data: int, end: int) -> int:
    """The body ends after its last data line and the lines that follow it as tightly as the
    body's own lines follow each other (a wrapped last name); a heading after a gap is not the
    table's."""
    gaps = sorted(max(0.0, (lines[k].top or 0) - (lines[k - 1].bottom or 0)) for k in range(start + 1, last_data + 1))
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    heights = sorted(_line_height(lines[k]) for k in range(start, last_data + 1))
    height = heights[len(heights) // 2]
    k = last_data + 1
    while k < end:
        gap = (lines[k].top or 0) - (lines[k - 1].bottom or 0)
        if gap > max(1.5 * typical, 0.35 * _line_height(lines[k])) + 0.5:
            break
        if abs(_line_height(lines[k]) - height) > 0.25 * height:
            break  # a heading in another type size
        k += 1
    return k


def _value_spans(lines: list[Line]) -> list[Span]:
    """x extents of the value cells of data lines, merged where they overlap."""
    spans = sorted((c.x0, c.x1) for ln in lines for c in ln.cells if c.x0 is not None and is_value_like(c.text))
    return _merge_spans(spans, 0.0)


def _merge_spans(spans: list[Span], gap: float) -> list[Span]:
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1] + gap:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _fits_columns(line: Line, spans: list[Span], data: bool = False, left_edge: bool = True) -> bool:
    """Each cell of the line overlaps at most one value column, and a cell left of the value
    columns (a wrapped name) does not reach into them. A line of prose runs across them."""
    if not spans:
        return True
    first = spans[0][0]
    for cell in line.cells:
        if cell.x0 is None or cell.x1 is None:
            return False
        touched = sum(1 for x0, x1 in spans if min(cell.x1, x1) - max(cell.x0, x0) > 0)
        if touched > 1 and not data:
            return False
        if left_edge and cell.x0 < first - 2 and cell.x1 > first + 2 and not data:
            return False
    return True


def runs_to_columns(lines: list[Line], settings: TableSettings) -> list[Span]:
    """Columns from occupancy: the x extents of the body's words, merged where they overlap.

    Words, not cells: a renderer may write a whole grid row as one run of text, and a cell
    made of such a run would bridge the columns."""
    spans = [(w.x0, w.x1) for ln in lines for c in ln.cells for w in c.words]
    return _merge_spans(spans, settings.min_column_gap)


def _spans_several_values(cell, lines: list[Line]) -> bool:
    """A text run laid across several value cells (`2007 2008 2009`): not one column."""
    return sum(1 for w in cell.words if is_value_like(w.text)) >= 2


def _column_of(x0: float, x1: float, columns: list[Span]) -> int:
    """The column a word belongs to: the one it overlaps most, else the nearest."""
    best, best_overlap = 0, 0.0
    for i, (c0, c1) in enumerate(columns):
        overlap = min(x1, c1) - max(x0, c0)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best_overlap > 0:
        return best
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda i: min(abs(centre - columns[i][0]), abs(centre - columns[i][1])))


def line_columns(line: Line, columns: list[Span]) -> dict[int, list[Word]]:
    """The line's words by column. A cell goes whole to the column its centre is in (a header
    label is often wider than the figures under it); a cell whose words sit in several columns
    (a renderer's one run across a row) is split word by word."""
    bounds = _boundaries(columns)
    placed: dict[int, list[Word]] = {}
    for cell in line.cells:
        if not cell.words:
            continue
        slots = {_zone((w.x0 + w.x1) / 2, bounds) for w in cell.words}
        if len(slots) > 1 and _spans_several(cell.words, bounds):
            for word in cell.words:
                placed.setdefault(_zone((word.x0 + word.x1) / 2, bounds), []).append(word)
        else:
            placed.setdefault(_zone(((cell.x0 or 0) + (cell.x1 or 0)) / 2, bounds), []).extend(cell.words)
    return placed


def _boundaries(columns: list[Span]) -> list[float]:
    """Where one column ends and the next begins: midway between their occupied extents."""
    return [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]


def _zone(x: float, bounds: list[float]) -> int:
    return bisect.bisect_right(bounds, x)


def _spans_several(words: tuple[Word, ...], bounds: list[float]) -> bool:
    """Words that each sit wholly inside different columns: separate cells run together."""
    zones = [_zone(w.x0 + 0.5, bounds) for w in words]
    return all(_zone(w.x1 - 0.5, bounds) == z for w, z in zip(words, zones, strict=True)) and len(set(zones)) > 1


def header_above(
    lines: list[Line], first: int, columns: list[Span], name_columns: set[int], settings: TableSettings
) -> tuple[int, int]:
    """(start, end) of the header lines above the body that starts at `first`: numberless lines
    with text over the value columns, tight above the body; the lines under them that hold only
    a name (a wrapped first row) stay in the body. Without a header (a table continued from the
    previous page), the name lines above the first values are the body's: (k, k)."""
    end: int | None = None
    header_start = first
    body_start = first
    body_heights = sorted(_line_height(ln) for ln in lines[first : first + 12])
    height = body_heights[len(body_heights) // 2]  # the body's type size (lines vary with their glyphs)
    k = first - 1
    while k >= 0:
        line, below = lines[k], lines[k + 1]
        gap = (below.top or 0) - (line.bottom or 0)
        if gap > settings.row_gap_heights * _line_height(line) or _data_at(lines, k):
            break
        tail = _year_tail(line, lines[max(0, k - 3) : k])
        if not tail and not _fits_header(line, columns) and not _header_like(line):
            break  # a title or a sentence across the table
        placed = line_columns(line, columns)
        if any(c not in name_columns for c in placed):
            header_start = k  # (a name label held back below it was the header's after all)
            end = k + 1 if end is None else end
        elif end is not None:
            size = _line_height(lines[header_start])
            if abs(_line_height(line) - size) > 0.25 * size:
                break  # a title above the table, in its own type size
            if gap <= 0.6 * size and header_start == k + 1:
                header_start = k  # a name column label wrapped above or between header lines
            # else: set apart, it is the header's only if a header line is found above it
        elif abs(_line_height(line) - height) <= 0.3 * height:
            body_start = k  # a name wrapped above its row's values
        else:
            break  # a heading in another type size
        k -= 1
    if end is None:
        return body_start, body_start
    return header_start, end


def _fits_header(line: Line, columns: list[Span]) -> bool:
    """A header line: each label over one column, or a short one over two (a label wider than
    the figures under it, or over a column whose cells are aligned two ways); a sentence or a
    title runs across several."""
    for cell in line.cells:
        touched = sum(1 for x0, x1 in columns if min(cell.x1 or 0, x1) - max(cell.x0 or 0, x0) > 0)
        if touched > 2 or (touched == 2 and len(cell.text) > 30):
            return False
    return True


def _width(columns: list[Span]) -> float:
    return (columns[-1][1] - columns[0][0]) if columns else 0.0


def _header_like(line: Line) -> bool:
    """A header row that runs across the columns: several labels, or one run of period labels."""
    if len(line.cells) == 1:
        return sum(1 for w in line.cells[0].words if is_period_cell(w.text)) >= 2
    return sum(1 for c in line.cells if classify_header(c.text).role == "value") >= 2


def lines_to_rows(
    lines: list[Line], columns: list[Span], name_columns: set[int], settings: TableSettings,
    lead: list[tuple[Line, dict[int, list[Word]]]] = (),
) -> tuple[list[list[str]], list[str], str]:
    """Body lines banded into rows around anchor lines, by the alignment that fits best.

    Each column is partitioned on its own: its text fragments, top-down, are cut into one
    contiguous block per anchor so that every block sits on its anchor as the alignment says
    (a long comment centred on its row reaches past its neighbours' names)."""
    placed = [p for _, p in lead] + [line_columns(line, columns) for line in lines]
    lines = [line for line, _ in lead] + list(lines)
    anchors = find_anchors(placed, len(columns), name_columns, settings)
    if not anchors:
        return [], [], "none"
    best: tuple[float, str, dict[int, list[int]]] | None = None
    for alignment in ("centre", "top", "bottom"):
        cost, owners = 0.0, {}
        for c in range(len(columns)):
            fragments = [i for i, p in enumerate(placed) if p.get(c)]
            column_cost, owner = partition_column(lines, fragments, anchors, alignment)
            cost += column_cost
            owners[c] = owner
        # Top and bottom alignment explain a centred table almost as cheaply (each only checks
        # one edge of a block), so they must beat centring clearly: centred cells are what
        # Word and LibreOffice exports have, and a table cut by the page skews its last row.
        if alignment != "centre":
            cost *= EDGE_ALIGNMENT_FACTOR
        if best is None or cost < best[0] - 1e-6:
            best = (cost, alignment, owners)
    assert best is not None
    _, alignment, owners = best
    rows: list[list[str]] = []
    contexts: list[str] = []
    for n in ([LEADING] if any(LEADING in o for o in owners.values()) else []) + list(range(len(anchors))):
        cells = []
        for c in range(len(columns)):
            fragments = [i for i, p in enumerate(placed) if p.get(c)]
            members = [i for i, o in zip(fragments, owners[c], strict=True) if o == n]
            stack = [sorted(placed[i][c], key=lambda w: w.x0) for i in members]
            cells.append(join_cell_lines(stack, columns[c][1]))
        rows.append(cells)
        contexts.append(" | ".join(cell for cell in cells if cell))
    return rows, contexts, alignment


def partition_column(
    lines: list[Line], fragments: list[int], anchors: list[int], alignment: str
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
    inf = float("inf")
    # a column with a fragment for every row (names) leaves no row empty without paying
    empty_cost = EMPTY_BLOCK_COST if n >= k else 0.0

    def block_cost(a: int, b: int, j: int) -> float:  # fragments a..b-1 to anchor j
        if any(fixed[x] is not None and fixed[x] != j for x in range(a, b)):
            return inf
        if a == b:
            return empty_cost
        anchor = lines[anchors[j]]
        height = _line_height(anchor)
        if alignment == "top":
            # a top-aligned row runs down from its values, never past the next row's
            if j + 1 < k and (tops[b - 1] + bottoms[b - 1]) / 2 > middles[j + 1]:
                return inf
            off = tops[a] - (anchor.top or 0)
        elif alignment == "bottom":
            if j > 0 and (tops[a] + bottoms[a]) / 2 < middles[j - 1]:
                return inf
            off = (anchor.bottom or 0) - bottoms[b - 1]
        else:
            off = (tops[a] + bottoms[b - 1]) / 2 - ((anchor.top or 0) + (anchor.bottom or 0)) / 2
            # a block reaching past halfway to its neighbours' values lines (a long centred
            # comment may) pays for the distance, so rows are not lumped into one block
            crossed = max(0.0, (middles[j - 1] + middles[j]) / 2 - tops[a]) if j > 0 else 0.0
            crossed += max(0.0, bottoms[b - 1] - (middles[j + 1] + middles[j]) / 2) if j + 1 < k else 0.0
            off = abs(off) + CROSSING_WEIGHT * crossed
        return abs(off) / height

    # cost[j][i]: best cost of giving fragments 0..i-1 to anchors 0..j-1
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    cut = [[0] * (n + 1) for _ in range(k + 1)]
    # fragments before the first row's block may be left out too, a line's cost each: the end
    # of a row the page broke, printed above this page's first values (see LEADING)
    first_anchor_top = lines[anchors[0]].top or 0.0
    for s in range(n + 1):
        if s and (fixed[s - 1] is not None or bottoms[s - 1] > first_anchor_top):
            break
        cost[0][s] = s * DROP_COST
    for j in range(1, k + 1):
        for i in range(n + 1):
            for a in range(i + 1):
                if cost[j - 1][a] == inf:
                    continue
                total = cost[j - 1][a] + block_cost(a, i, j - 1)
                if total < cost[j][i]:
                    cost[j][i], cut[j][i] = total, a
    # fragments after the last row's block may be left out, a line's cost each: a heading or a
    # note under the table is not its last row's
    end = min(range(n + 1), key=lambda e: (cost[k][e] + (n - e) * DROP_COST, -e))
    owner = [-1] * n
    i = end
    for j in range(k, 0, -1):
        a = cut[j][i]
        for x in range(a, i):
            owner[x] = j - 1
        i = a
    for x in range(i):
        owner[x] = LEADING
    return cost[k][end] + (n - end) * DROP_COST, owner


DROP_COST = 1.0  # in line heights: what leaving a line out of the table costs a partition
LEADING = -2  # owner of fragments left out above the first row: a row the page broke
CROSSING_WEIGHT = 0.25  # per line height a centred block reaches past halfway to a neighbour's values
EMPTY_BLOCK_COST = 0.5  # a row left without text in a column that has text for every row
EDGE_ALIGNMENT_FACTOR = 1.5  # top/bottom alignment must explain the table clearly better than centring


def find_anchors(placed: list[dict[int, list[Word]]], width: int, name_columns: set[int],
                 settings: TableSettings) -> list[int]:
    """The lines that hold a row's values. A wrapped value's second line (`At Sep` over `23`)
    holds one figure at most; a row's values line holds several where the table has several."""
    def values(p: dict[int, list[Word]]) -> int:
        return sum(1 for c, ws in p.items() if c not in name_columns and is_value_like(" ".join(w.text for w in ws)))

    counts = [values(p) for p in placed]
    need_values = 2 if max(counts, default=0) >= 3 else 1
    need_cells = max(1, min(settings.min_anchor_cells, width - len(name_columns)))
    return [
        i for i, p in enumerate(placed)
        if counts[i] >= need_values and sum(1 for c in p if c not in name_columns) >= need_cells
    ]  # fmt: skip


def reclaim_first_row(
    header: list[Line], body: list[Line], columns: list[Span], name_columns: set[int], settings: TableSettings
) -> tuple[dict[int, list[list[Word]]], list[tuple[Line, dict[int, list[Word]]]]]:
    """(header words by column, the header's lines that are the first row's). In a table whose
    cells are centred, the first row reaches as far above its values line as it reaches below
    it, column by column: its lines at the foot of the header are the row's, not the header's."""
    placed_header = [line_columns(line, columns) for line in header]
    moved: dict[int, dict[int, list[Word]]] = {}  # header line index → column → words
    placed = [line_columns(line, columns) for line in body]
    anchors = find_anchors(placed, len(columns), name_columns, settings)
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
                if middle - ((line.top or 0) + (line.bottom or 0)) / 2 > max(below) + 0.35 * _line_height(first):
                    break
                if placed_header[k].get(c):
                    moved.setdefault(k, {})[c] = placed_header[k][c]
    keep = {c: [sorted(p[c], key=lambda w: w.x0) for k, p in enumerate(placed_header)
                if p.get(c) and c not in moved.get(k, {})] for c in range(len(columns))}
    lead = [(header[k], moved[k]) for k in sorted(moved)]
    return keep, lead


def name_columns_of(lines: list[Line], columns: list[Span]) -> set[int]:
    """Columns whose data-line cells are mostly words: names (and comments)."""
    texts: dict[int, list[str]] = {}
    for line in lines:
        if not is_data_line(line):
            continue
        for c, ws in line_columns(line, columns).items():
            texts.setdefault(c, []).append(" ".join(w.text for w in ws))
    names = set()
    for c, values in texts.items():
        wordy = sum(1 for t in values if not is_value_like(t) and re.search(r"[A-Za-z]{3}", t))
        if wordy > len(values) / 2:
            names.add(c)
    return names


def _names_values(header: list[Line], columns: list[Span], min_values: int) -> bool:
    cells = _header_cells(header, columns)
    return sum(1 for t in cells if t and classify_header(t).role == "value") >= min(2, min_values)


def unruled_grids(lines: list[Line], settings: TableSettings, min_values: int = 2) -> list[Grid]:
    grids: list[Grid] = []
    for start, end in data_runs(lines, settings):
        body = lines[start:end]
        last_data = max(k for k in range(start, end) if _data_at(lines, k))
        columns = runs_to_columns(lines[start : last_data + 1], settings)
        if len(columns) < 2:
            continue
        names = name_columns_of(body, columns)
        h_start, h_end = header_above(lines, start, columns, names, settings)
        if h_end > h_start and not _names_values(lines[h_start:h_end], columns, min_values):
            h_start = h_end = h_start  # labels that name no value column: the first row's upper lines
        merged = merge_exclusive_columns(body, columns, lines[h_start:h_end])
        extra = _header_only_columns(lines[h_start:h_end], merged)
        if extra or merged != columns:  # a header label over a column the body leaves empty (a symbol column)
            columns = sorted(merged + extra)
            names = name_columns_of(body, columns)
        # numberless lines between the header and the first data line: a wrapped first row
        body = lines[h_end:end]
        header = lines[h_start:h_end]
        rows, contexts, alignment = lines_to_rows(body, columns, names, settings)
        if not rows:
            continue
        header_cells = _header_cells(header, columns)
        if alignment == "centre" and header:
            keep, lead = reclaim_first_row(header, body, columns, names, settings)
            if lead:
                header_cells = [join_cell_lines(keep.get(c, [])) for c in range(len(columns))]
                rows, contexts, alignment = lines_to_rows(body, columns, names, settings, lead)
        all_rows = ([header_cells] if header else []) + rows
        all_contexts = ([" ".join(ln.text for ln in header)] if header else []) + contexts
        top = (header[0].top if header else body[0].top) or 0.0
        title = _title_above(lines, h_start if header else h_end)
        grids.append(Grid("unruled", columns, all_rows, all_contexts, 1 if header else 0, top,
                          body[-1].bottom or top, title, alignment))
    return grids


def trailing_header(lines: list[Line], settings: TableSettings, min_values: int) -> Grid | None:
    """A header at the foot of a page whose rows begin on the next page: the last lines, from
    the first that names value columns (a wrapped header runs over several lines)."""
    tail = lines[-4:]
    for k, line in enumerate(tail):
        labels = [c.text for c in line.cells]
        if len(labels) < 2 or is_data_line(line) or title_of(line):
            continue
        if sum(1 for t in labels if classify_header(t).role == "value") < min(min_values, 2):
            continue
        header = tail[k:]
        if any(is_data_line(ln) for ln in header):
            return None
        spans = _merge_spans([(c.x0 or 0.0, c.x1 or 0.0) for ln in header for c in ln.cells], 0.0)
        cells = _header_cells(header, spans)
        if sum(1 for t in cells if classify_header(t).role == "value") < min_values:
            return None
        return Grid("unruled", spans, [cells], [" ".join(ln.text for ln in header)], 1,
                    header[0].top or 0.0, header[-1].bottom or 0.0, _title_above(lines, lines.index(line)))
    return None


def merge_exclusive_columns(body: list[Line], columns: list[Span], header: list[Line]) -> list[Span]:
    """Neighbouring columns that no line fills both of, under one header label or with a label
    over only one of them, are one column whose cells are aligned differently (`NA` on the
    left, figures on the right)."""
    labels = [(c.x0 or 0.0, c.x1 or 0.0) for ln in header for c in ln.cells]
    if not labels:
        return columns
    out = list(columns)
    i = 0
    while i < len(out) - 1:
        a, b = out[i], out[i + 1]
        filled = [set(line_columns(line, out)) for line in body]
        labelled = {c for ln in header for c in line_columns(ln, out)}
        under_one = any(min(x1, a[1]) - max(x0, a[0]) > 0 and min(x1, b[1]) - max(x0, b[0]) > 0 for x0, x1 in labels)
        one_label = (i in labelled) != (i + 1 in labelled)
        if (under_one or one_label) and not any(i in f and i + 1 in f for f in filled):
            out[i : i + 2] = [(a[0], max(a[1], b[1]))]
            continue
        i += 1
    return out


def _header_only_columns(header: list[Line], columns: list[Span]) -> list[Span]:
    """Header cells that sit over no column of the body: columns of their own."""
    spans = [(c.x0 or 0.0, c.x1 or 0.0) for ln in header for c in ln.cells
             if not any(min(c.x1 or 0.0, x1) - max(c.x0 or 0.0, x0) > 0 for x0, x1 in columns)]
    return _merge_spans(spans, 0.0)


def _header_cells(header: list[Line], columns: list[Span]) -> list[str]:
    placed: dict[int, list[Word]] = {}
    for line in header:
        for c, ws in line_columns(line, columns).items():
            placed.setdefault(c, []).extend(ws)
    return [words_in(placed.get(c, [])) for c in range(len(columns))]


def _title_above(lines: list[Line], index: int, reach: int = 3) -> str | None:
    for k in range(index - 1, max(-1, index - 1 - reach), -1):
        title = title_of(lines[k])
        if title:
            return title
    return None


# -- grids → tables ----------------------------------------------------------------------------
def header_row_count(rows: list[list[str]]) -> int:
    """Leading rows that are labels, not figures (a header of bare years is still a header)."""
    count = 0
    for row in rows:
        filled = [t for t in row if t]
        if not filled:
            count += 1
            continue
        if is_data_cells(row):
            break
        count += 1
        if count >= 4:
            break
    if count == len(rows):
        # no row of figures (a page holding only a header and the end of a broken row): the
        # header is the leading rows that name value columns
        labelled = 0
        for row in rows:
            if sum(1 for t in row if t and classify_header(t).role == "value") < 2:
                break
            labelled += 1
        return labelled if labelled < len(rows) else 0
    return count


def _mend_label(label: str) -> str:
    """A header label a narrow column broke inside its words (`Perfor mance`, `Toler ance`) reads
    as a label once its letters are run together: kept so only when that is what it names."""
    if not label or classify_header(label).role != "ignore":
        return label
    joined = re.sub(r"(?<=[a-z]) (?=[a-z])", "", label)
    return joined if classify_header(joined).role != "ignore" else label


def merge_header(rows: list[list[str]]) -> list[str]:
    """Header rows stacked into one label per column, top-down (`Jul-24` over `Actual`)."""
    width = max(len(r) for r in rows)
    return [normalise_space(" ".join(r[c] for r in rows if c < len(r) and r[c])) for c in range(width)]


def split_at_headers(grid: Grid, min_values: int) -> list[Grid]:
    """A ruled grid holding two tables that touch (the second's header row under the first's
    last row) becomes two grids."""
    starts = [0]
    seen_data = False
    for i, row in enumerate(grid.rows):
        if is_data_cells(row):
            seen_data = True
        elif seen_data and sum(1 for t in row if t and classify_header(t).role == "value") >= min_values:
            starts.append(i)
            seen_data = False
    if len(starts) == 1:
        return [grid]
    out = []
    for a, b in itertools.pairwise([*starts, len(grid.rows)]):
        out.append(Grid(grid.method, grid.columns, grid.rows[a:b], grid.contexts[a:b], 0, grid.top, grid.bottom,
                        grid.title if a == 0 else None, grid.alignment, list(grid.notes)))
    return out


def grid_to_table(
    grid: Grid, settings_min_values: int, carry: Table | None = None, repair_shifts: bool = False
) -> Table | None:
    """A Table from a grid: header rows merged into labels, columns classified by label and
    content. A grid without a header continues the carried table when its columns line up."""
    if grid.method == "ruled":
        grid.header_rows = header_row_count(grid.rows)
    header = grid.rows[: grid.header_rows]
    body = grid.rows[grid.header_rows :]
    contexts = grid.contexts[grid.header_rows :]
    if not body and not header:
        return None
    names_values = False
    if header:
        labels = [_mend_label(label) for label in merge_header(header)]
        columns = build_columns(labels, grid.columns)
        names_values = sum(1 for c in columns if c.role == "value") >= settings_min_values
    if names_values:
        header_context = " | ".join(grid.contexts[: grid.header_rows])
        title = grid.title
    elif carry is not None and _lines_up(grid, carry):
        # no header, or the foot of a header row the page broke (`hs Ago`): the carried table goes on
        columns, body = _carried_columns(grid, carry, body)
        header_context, title = carry.header_context, carry.section
    else:
        return None
    columns = reclassify_by_content(columns, body)
    raw_rows = [(row, context, 0) for row, context in zip(body, contexts, strict=True)]
    table = assemble_table(columns, raw_rows, title, header_context, repair_shifts, grid=grid)
    repeated = carry is not None and names_values and (
        [c.label for c in columns if c.label] == [c.label for c in carry.columns if c.label])
    if not names_values or repeated:  # no header, the foot of a broken one, or the header repeated
        table.continues = carry
    return table


def _lines_up(grid: Grid, carry: Table) -> bool:
    """A headerless grid continues the carried table when most of its columns sit under the
    carried table's columns (a blank-headed name column has no label to sit under)."""
    if not carry.columns or carry.columns[0].x0 is None:
        return False
    matched = sum(1 for x0, x1 in grid.columns if any(
        c.x0 is not None and c.x1 is not None and min(x1, c.x1) - max(x0, c.x0) > 0 for c in carry.columns))
    return matched >= 0.6 * len(grid.columns)


def _carried_columns(grid: Grid, carry: Table, body: list[list[str]]) -> tuple[list[Column], list[list[str]]]:
    """The continuation's columns under the carried table's: each takes the label of the column
    it sits under, and columns under one carried column (`NA` left, figures right) are one."""
    hosts: list[int | None] = []
    for x0, x1 in grid.columns:
        overlaps = [(min(x1, c.x1 or 0.0) - max(x0, c.x0 or 0.0), k) for k, c in enumerate(carry.columns)]
        best, k = max(overlaps)
        hosts.append(k if best > 0 else None)
    groups: list[list[int]] = []
    for i, host in enumerate(hosts):
        if groups and host is not None and hosts[groups[-1][0]] == host:
            groups[-1].append(i)
        else:
            groups.append([i])
    columns = []
    for n, group in enumerate(groups):
        x0, x1 = grid.columns[group[0]][0], grid.columns[group[-1]][1]
        host = hosts[group[0]]
        if host is None:
            columns.append(Column(n, "", classify_header(""), x0, x1))
        else:
            columns.append(Column(n, carry.columns[host].label, carry.columns[host].meaning, x0, x1))
    rows = [[normalise_space(" ".join(row[i] for i in group if row[i])) for group in groups] for row in body]
    return columns, rows


def page_grids(page: Page, settings: TableSettings, min_values: int = 2) -> list[Grid]:
    """Every grid on a page, top-down: ruled regions first, then unruled tables in what is left.
    Kept on the page, so detection and parsing find them once."""
    key = ("grids", settings, min_values)
    if key not in page.cache:
        page.cache[key] = _page_grids(page, settings, min_values)
    return page.cache[key]


def _page_grids(page: Page, settings: TableSettings, min_values: int) -> list[Grid]:
    h, v = rules_to_edges(page.rules, settings)
    regions = edges_to_regions(h, v, settings)
    grids: list[Grid] = []
    covered: list[tuple[float, float]] = []
    for region in regions:
        grid = region_to_grid(region, region_words(page.lines, region))
        if grid is None or len(grid.rows) < settings.min_ruled_rows or len(grid.columns) < settings.min_ruled_columns:
            continue
        index = _first_line_below(page.lines, region.top)
        grid.title = _title_above(page.lines, index)
        grids.extend(split_at_headers(grid, min_values))
        covered.append((region.top - 1, region.bottom + 1))
    rest = [ln for ln in page.lines if not any(t <= ((ln.top or 0) + (ln.bottom or 0)) / 2 <= b for t, b in covered)]
    grids.extend(unruled_grids(rest, settings, min_values))
    grids.sort(key=lambda g: g.top)
    last_bottom = grids[-1].bottom if grids else -1.0
    tail = [ln for ln in rest if (ln.top or 0) > last_bottom]
    pending = trailing_header(tail, settings, min_values) if tail else None
    if pending is not None:
        grids.append(pending)
    return grids


def _first_line_below(lines: list[Line], y: float) -> int:
    for i, line in enumerate(lines):
        if (line.top or 0) >= y - 1:
            return i
    return len(lines)


def page_tables(
    page: Page, settings: TableSettings, min_values: int, carry: Table | None = None, repair_shifts: bool = False
) -> list[Table]:
    tables: list[Table] = []
    for grid in page_grids(page, settings, min_values):
        table = grid_to_table(grid, min_values, carry if not tables else None, repair_shifts)
        if table is not None:
            tables.append(table)
    return tables
