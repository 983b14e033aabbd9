"""The generic parser: documents no council parser claims, in layouts we have never seen.

It reads what most KPI papers share, and nothing else:
- wide period tables: a name column and month, quarter or year columns, with Target /
  Actual / Tolerance / benchmark columns (tables.py and wide.py, as the council parsers do),
  also under group header rows and with section rows between the indicators (groups.py);
- KPI blocks written as labelled values: `Latest: 22.2%  Target: 25%  Floor: 30%
  Previous: 21.9%`, with or without a colon, beside or under their labels, a period in the
  label (`Latest (Q3 2023/24)`), under the indicator's name however many lines it wraps over
  (a RAG word or symbol beside it set apart), blocks two or three across, a block broken by a
  page break; or a block written as a row, its name left of its values (read/tables/blocks.py);
- KPI tiles: a title over a big figure with labels under it (`Target 90%`, `England 10%`),
  tiles side by side (read/tables/tiles.py);
- figures in sentences, in the narrative module's strict mode (percentages, rates,
  fractions, stated targets and counts named by a counted noun at the figure, `58 children on
  the register`: no other bare counts, years, dates, page or paragraph numbers),
  leaving out a chart's axis labels (lone figures stepping evenly);
- column headers that use an abbreviation the document defines in a key or footnote (`TTAF –
  Target to Aim For`) read by the words it stands for.
Its rows say parser=generic, and the pipeline matches their names with a stricter threshold.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from extract.mappings import mappings_dir, read_csv
from extract.model import Document, Line, Page, Period, RawFigure, normalise_space
from extract.plugins.parser import Parser
from extract.read.kinds import HeaderMeaning, classify_header
from extract.read.narrative import extract_narrative
from extract.read.narrative.columns import prose_columns
from extract.read.narrative.status_titled import status_titled_figures
from extract.read.periods import parse_period
from extract.read.tables.blocks import BLOCK_LABELS, FIGURE_ONLY, LABELLED_VALUE, kpi_blocks, labelled_line
from extract.read.tables.caption_boxes import caption_box_figures
from extract.read.tables.dated_boxes import dated_box_rows
from extract.read.tables.find import tables_by_page
from extract.read.tables.grid import page_grids
from extract.read.tables.groups import regroup
from extract.read.tables.headings import HEADING_HEIGHT_FACTOR
from extract.read.tables.period_lines import period_line_figures
from extract.read.tables.table_model import Column, Table, TableRow
from extract.read.tables.tiles import kpi_tiles
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.read.values import parse_cell
from extract.settings import Settings

__all__ = ["BLOCK_LABELS", "Generic", "kpi_blocks"]  # kpi_blocks: the block reader, read/tables/blocks.py

_PERCENT = re.compile(r"\d\s?%")
MIN_PERCENTAGES = 5  # fingerprint: without a table or a labelled value, this many percentages make a paper
MIN_TABLE_LINES = 2  # fingerprint: a text table shows at least this many lines of a name and two figures
MIN_STATED_FIGURES = 2  # fingerprint: figures the strict narrative reader finds in a paper of sentences


class Generic(Parser):
    name = "generic"
    version = "1.29"
    fallback = True

    def detect(self, document: Document) -> bool:
        """A document worth reading: a labelled KPI value, a KPI table, or figures in several
        places (a note that mentions one percentage is not a performance paper)."""
        text = document.text
        if LABELLED_VALUE.search(text) or len(_PERCENT.findall(text)) >= MIN_PERCENTAGES:
            return True
        if document.kind == "pdf":
            if document.cell_text:  # the table grids the choose stage found on its pages
                return True
        elif any(_table_lines(page) >= MIN_TABLE_LINES for page in document.pages):
            return True
        # a paper that writes its figures in sentences (`The rate rose from 2.85 to 2.92`, `Measure: 23
        # (target 25)`): the narrative reader's strict mode finds several; last, as it is the dearest test
        return len(extract_narrative(text, strict=True)) >= MIN_STATED_FIGURES

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        # a figure a table already gave is not read again as a KPI block value from the same line
        from_tables: set[tuple[int | None, str]] = set()
        read: dict[int | None, set[int]] = {}  # per page, the grids a table came from
        spans: dict[int | None, list[tuple[float, float, float]]] = {}  # per page, where those grids are
        glossary = abbreviations_defined(document.text)
        pages = {page.number: page for page in document.pages}
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            read.setdefault(page.number, set()).add(id(table.grid))
            if table.grid is not None:
                right = max((x1 for _, x1 in table.grid.columns), default=float("inf"))
                spans.setdefault(page.number, []).append(
                    (table.grid.top, table.grid.bottom, right if table.grid.method == "ruled" else float("inf"))
                )
                # group header rows or section rows the grid reader misread (groups.py)
                table = regroup(table.grid, settings.tables.min_value_columns, gave_table=True) or table
            table = expand_headers(table, glossary)
            if page.number is not None and page.number - 1 in pages:
                table = names_from_page_before(table, page, pages[page.number - 1])
            options = WideOptions(page=page.number, report_period=title_period(table))
            for figure in _named(figures_from_table(table, options)):
                from_tables.add((page.number, figure.value_raw))
                yield figure
        for page, table in _regrouped(document.pages, settings, read, spans):
            table = expand_headers(table, glossary)
            for figure in _named(figures_from_table(table, WideOptions(page=page.number))):
                from_tables.add((page.number, figure.value_raw))
                yield figure
        previous: Page | None = None
        for page in document.pages:
            block_lines: set[int] = set()
            dated: set[int] = set()
            # dashboard rows of a name beside a box of a date over its figure (dated_boxes.py): no tile's
            for figure, row_lines in dated_box_rows(page):
                block_lines |= row_lines
                dated |= row_lines
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            for figure, tile_lines in kpi_tiles(page, settings.blocks):
                if tile_lines & dated:
                    continue
                block_lines |= tile_lines
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            for figure, taken in kpi_blocks(page, settings.blocks, frozenset(block_lines), previous):
                block_lines |= taken
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            # a measure's `2018/19: 4162 tonnes` lines under its name (period_lines.py): no sentence's
            for figure, run_lines in period_line_figures(page, frozenset(block_lines)):
                block_lines |= run_lines
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            # a name closed by its bracketed RAG word over the sentence stating its result (status_titled.py)
            for figure, titled_lines in status_titled_figures(page, frozenset(block_lines), previous):
                block_lines |= titled_lines
                yield figure
            # (last: captions over figures under a heading, the lines no tile or block took)
            for figure, box_lines in caption_box_figures(page, settings.blocks, frozenset(block_lines)):
                block_lines |= box_lines
                if (page.number, figure.value_raw) not in from_tables:
                    yield figure
            # table rows (tab-separated cells) are skipped by the narrative reader itself; a chart's
            # axis labels are no sentence's figures
            block_lines |= axis_ticks(page)
            # a block's labelled values whose name no reader found (`Latest: 84.4% Target: 90%`) are no sentence
            block_lines |= {k for k, ln in enumerate(page.lines) if labelled_line(ln)}
            # a table's comment cells are no prose: their figures (`12% is average ...`) are the comment's
            beside = {i: ln for i, ln in _beside(page, spans.get(page.number, [])).items() if i not in block_lines}
            block_lines |= _inside(page, spans.get(page.number, []))
            # (a box of prose beside a ruled table shares its rows' lines: its words are prose all the same)
            kept = [beside.get(i, ln) for i, ln in enumerate(page.lines) if i not in block_lines or i in beside]
            prose = _paragraphs(prose_columns(kept))  # (prose side by side read column by column)
            yield from extract_narrative("\n".join(prose), page=page.number, strict=True, settings=settings.narrative)
            previous = page


@lru_cache(maxsize=1)
def latest_labels() -> frozenset[str]:
    rows = read_csv(mappings_dir() / "latest_labels.csv", ("text", "note"))
    return frozenset(normalise_space(r["text"]).lower() for r in rows)


_TITLE_PARTS = re.compile(r"\s*[,–:|]\s*|\s+-\s+")


def title_period(table: Table) -> Period | None:
    """The period a scorecard prints only in its title (`Children in Care Scorecard, February 2022`), for its
    undated latest figures: when every undated actual column is headed by a latest word (mappings/latest_labels.csv)
    and the title's last part is a month, a date or a quarter."""
    undated = [c for c in table.value_columns if c.meaning.kind == "actual" and not c.meaning.period_label]
    latest = latest_labels()
    if not undated or not table.section or not all(normalise_space(c.label).lower() in latest for c in undated):
        return None
    last = _TITLE_PARTS.split(table.section.strip())[-1]
    period = parse_period(last)
    return period if period.end is not None and period.type in ("month", "point_in_time", "fiscal_quarter") else None


def _inside(page: Page, spans: list[tuple[float, float, float]]) -> set[int]:
    """The page's lines whose middle lies within a table's grid (the wrapped lines of a comment cell
    come one cell to a line, which the narrative reader would take for prose)."""
    return {i for i, ln in enumerate(page.lines) if ln.top is not None and ln.bottom is not None
            and any(top <= (ln.top + ln.bottom) / 2 <= bottom for top, bottom, _ in spans)}


BESIDE_GAP = 12.0  # points: text this far right of a ruled grid's last rule is beside the table, not in it


def _beside(page: Page, spans: list[tuple[float, float, float]]) -> dict[int, Line]:
    """Lines across a ruled grid's rows that run on to the right of it (`2011/12 | 4.9% | ... Absence for
    November 2011 was 6.07%, well above the`): the words right of the grid, as a line of their own."""
    out: dict[int, Line] = {}
    for i, ln in enumerate(page.lines):
        if ln.top is None or ln.bottom is None:
            continue
        middle = (ln.top + ln.bottom) / 2
        for top, bottom, right in spans:
            if top <= middle <= bottom:
                cells = tuple(c for c in ln.cells if c.x0 is not None and c.x0 >= right + BESIDE_GAP)
                if cells and re.search(r"[A-Za-z]{3}", " ".join(c.text for c in cells)):
                    out[i] = Line(cells, ln.top, ln.bottom)
    return out


def _paragraphs(lines: list[Line]) -> list[str]:
    """The prose lines, a blank line where the gap above one is wider than a line's own height: the
    narrative reader's paragraphs, so that a heading set apart above its sentence is a block of its own."""
    heights = sorted(ln.bottom - ln.top for ln in lines if ln.top is not None and ln.bottom is not None)
    height = heights[len(heights) // 2] if heights else None
    out: list[str] = []
    for k, ln in enumerate(lines):
        before = lines[k - 1] if k else None
        if (height and before is not None and before.bottom is not None and ln.top is not None
                and (ln.top - before.bottom > 0.8 * height
                     or (before.top is not None and ln.top < before.top))):  # fmt: skip
            out.append("")  # (a line above the one before: the next column's text)
        out.append(_prose_line(ln))
        if height and _larger(ln, height) and _paragraph_at(lines, k + 1, height):
            out.append("")  # a line in a larger type over a paragraph: its heading, however close above it
        after = lines[k + 1].text if k + 1 < len(lines) else ""
        if _BOX_LABEL.fullmatch(ln.text) and after[:1].isupper():
            out.append("")  # `Narrative`, `Commentary` over a box's text: its label, not the sentence's first word
    return out


_BOX_LABEL = re.compile(r"[A-Z][a-z]{3,}:?")


_MARKER = re.compile(r"[•●◦▪·*\-–—]")  # a list item's bullet or dash, set apart from its text


def _prose_line(line: Line) -> str:
    """The line's cells tab-separated (a table row, which the narrative reader skips), but a list item's
    leading bullet or dash cells joined to their text: a point's sentence is prose."""
    cells = [c.text for c in line.cells]
    lead = 0
    while lead < len(cells) - 1 and _MARKER.fullmatch(cells[lead].strip()):
        lead += 1
    return " ".join(cells[: lead + 1]) + "".join("\t" + t for t in cells[lead + 1:]) if lead else "\t".join(cells)


def _larger(line: Line, height: float) -> bool:
    return line.top is not None and line.bottom is not None and line.bottom - line.top >= HEADING_HEIGHT_FACTOR * height


def _paragraph_at(lines: list[Line], k: int, height: float) -> bool:
    """Lines k and k+1 in the body's type, one under the other as a paragraph's lines are."""
    if k + 1 >= len(lines) or _larger(lines[k], height) or _larger(lines[k + 1], height):
        return False
    first, second = lines[k], lines[k + 1]
    return (first.bottom is not None and second.top is not None and first.top is not None
            and first.top < second.top and second.top - first.bottom <= 0.8 * height)


def _named(figures: Iterator[RawFigure]) -> Iterator[RawFigure]:
    """Table figures whose row has a name: a grid made of KPI blocks' captions (`Latest  Target`
    over the wrapped end of a label, `2023/24)`, and the figures) names its rows with no letters;
    the block reader reads those figures under their titles."""
    # `NI 43` is a name; a row with none at all (an area table's, named by its title) is kept
    return (f for f in figures if not f.indicator_raw or re.search(r"[A-Za-z]{2}", f.indicator_raw))


def _regrouped(
    pages: list[Page], settings: Settings, read: dict[int | None, set[int]],
    spans: dict[int | None, list[tuple[float, float, float]]],
) -> Iterator[tuple[Page, Table]]:  # fmt: skip
    """Ruled grids that gave no table because group rows stood over their header or a section
    row under it (read/tables/groups.py). A grid where a table was read (found again without the
    columns a table carried from the page before, so another grid object) gave one already."""
    min_values = settings.tables.min_value_columns
    for page in pages:
        if page.number is None:
            continue  # text pages have no grids
        for found in page_grids(page, settings.tables, min_values):
            if id(found) in read.get(page.number, set()) or any(
                top < found.bottom and found.top < bottom for top, bottom, _ in spans.get(page.number, [])
            ):
                continue
            table = regroup(found, min_values, gave_table=False)
            if table is not None:
                yield page, table


def _table_lines(page: Page) -> int:
    """Lines of a text page that look like a table row: a name cell and at least two figures."""
    return sum(
        1
        for line in page.lines
        if len(line.cells) >= 3 and sum(1 for c in line.cells if FIGURE_ONLY.match(c.text)) >= 2
    )


# `ALP – Acceptable Level of Performance`, `TTAF: Target to Aim For`, `(DoT = Direction of Travel)`: an
# abbreviation a document defines in its key or footnotes, and the words it stands for
_DEFINED = re.compile(r"\b([A-Z]{2,6})\s*(?:[–—:=]|-\s)\s*([A-Za-z][A-Za-z'’]*(?:\s+[A-Za-z][A-Za-z'’]*){1,7})")
_SMALL_WORDS = {"of", "the", "and", "for", "to", "in", "a", "an", "on", "at", "by"}


def abbreviations_defined(text: str) -> dict[str, str]:
    """The abbreviations a document defines, each with its words: the words' initials must spell the
    abbreviation (with or without their small words), so `RAG – see below` defines nothing."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        abbreviation, words = m.group(1), m.group(2).split()
        for n in range(2, len(words) + 1):  # the shortest run of words whose initials spell it
            head = words[:n]
            every = "".join(w[0] for w in head).upper()
            content = "".join(w[0] for w in head if w.lower() not in _SMALL_WORDS).upper()
            if abbreviation in (every, content):
                found.setdefault(abbreviation, " ".join(head))
                break
    return found


def expand_headers(table: Table, glossary: dict[str, str]) -> Table:
    """A column whose header says only a defined abbreviation's letters (`TTAF 2012/13`, `ALP Target
    2012/13`) is read by the words they stand for, when those words name what the column holds."""
    if not glossary:
        return table
    columns = []
    for col in table.columns:
        label = col.label
        for abbreviation, words in glossary.items():
            label = re.sub(rf"\b{abbreviation}\b", words, label)
        meaning = classify_header(label) if label != col.label else col.meaning
        if meaning != col.meaning and meaning.role == "value" and col.role in ("value", "ignore", "blank"):
            col = Column(col.index, col.label, meaning, col.x0, col.x1)
        columns.append(col)
    table.columns = columns
    return table


_MIN_TICKS = 4  # a chart axis prints at least this many evenly spaced labels


def axis_ticks(page: Page) -> set[int]:
    """Lines printing one bare figure each whose figures step evenly (`0%  20%  40% ... 120%`): the
    labels of a chart's axis."""
    singles: dict[int, float] = {}
    for i, line in enumerate(page.lines):
        texts = [c.text.strip() for c in line.cells if c.text.strip()]
        if len(texts) == 1 and FIGURE_ONLY.match(texts[0]):
            value = parse_cell(texts[0]).value
            if value is not None:
                singles[i] = value
    values = sorted(set(singles.values()))
    if len(values) < _MIN_TICKS or len(values) != len(singles):
        return set()
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    return set(singles) if len(steps) == 1 and steps.pop() > 0 else set()


_SAME_ROW = 2.0  # points: a row printed at the same height on the page before


def names_from_page_before(table: Table, page: Page, before: Page) -> Table:
    """A table with no name column whose every row is printed at the same height as a line of words on
    the page before: a sheet wider than the page, its columns printed down, then over (the names on one
    page, the figures of the same rows on the next). The names are taken from there; else the table."""
    if any(c.role in ("name", "code") for c in table.columns) or any(
        c.role in ("blank", "ignore") and any(len(r.cells[c.index]) > 12 and re.search(r"[A-Za-z]{4}", r.cells[c.index])
                                             for r in table.rows)  # (a column of words: its own names)
        for c in table.columns
    ) or not table.rows:
        return table
    names = []
    for row in table.rows:
        # the row's line (its context may run on with a continuation's words)
        line = max((ln for ln in page.lines if ln.text and row.context.startswith(ln.text)),
                   key=lambda ln: len(ln.text), default=None)
        top = line.top if line is not None else None
        across = [ln for ln in before.lines if top is not None and ln.top is not None
                  and abs(ln.top - top) <= _SAME_ROW]
        words = [c.text for ln in across for c in ln.cells if re.search(r"[A-Za-z]{3}", c.text)]
        if not words:
            return table
        names.append(max(words, key=len))  # the name is the longest text of the row
    if len(set(names)) < len(names):
        return table
    name = Column(len(table.columns), "(name, on the page before)", HeaderMeaning("name"))
    table.columns = [*table.columns, name]
    table.rows = [TableRow([*r.cells, n], r.context, r.shifted) for r, n in zip(table.rows, names, strict=True)]
    return table
