"""The table model every reader produces: columns with a meaning, rows of cells, a quality report.

Text exports (tables.py) and PDF pages (grid.py) build the same Table, so the wide-table
reader (wide.py) and the parsers never need to know where a table came from. A table from a
PDF keeps the grid it was read from (`Table.grid`), so `extract inspect --tables` can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extract.model import Line
from extract.read.kinds import (
    SENTENCE_KIND_WORDS,
    HeaderMeaning,
    classify_header,
    clean_header,
    council_named,
    defined_title,
    is_status,
    read_polarity,
)
from extract.read.values import parse_cell


@dataclass(frozen=True)
class Column:
    index: int
    label: str
    meaning: HeaderMeaning
    x0: float | None = None
    x1: float | None = None

    @property
    def role(self) -> str:
        return self.meaning.role


@dataclass
class TableRow:
    cells: list[str]  # one per column, "" when empty
    context: str  # the row as printed
    shifted: list[int] = field(default_factory=list)  # columns whose value came from the right


@dataclass
class QualityReport:
    rows: int = 0
    value_cells: int = 0
    numeric_cells: int = 0
    shifted_cells: int = 0
    unaligned_cells: int = 0  # cells that sat under no header column (PDF)

    @property
    def numeric_share(self) -> float:
        return self.numeric_cells / self.value_cells if self.value_cells else 0.0


@dataclass
class Table:
    columns: list[Column]
    rows: list[TableRow]
    section: str | None
    header_context: str
    report: QualityReport
    grid: Any = None  # the grid.Grid a PDF table was read from (for inspect), None for text
    continues: Table | None = None  # the previous page's table this one goes on from

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    @property
    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role == "value"]


_FORMULA_CELL = re.compile(r"[\w'’ :-]*\d+\s*/\s*\d+.*")  # `588/1837`: a count over a count
# `Apr – Dec = 1,856  Full year projection = 2,475`: each figure after its own words and an equals sign
# (a formula prints a figure before its sign: `588/1837 = 0.32`, `319/589 =`)
EQUALS_PAIR = re.compile(
    r"(?P<label>[^\d=][^\d=]*?)\s*=\s*(?P<value>£?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?)(?![\w/.-])")
_SEPARATORS = re.compile(r"^[\s/|;,]*$")


def equals_labelled(text: str) -> list[re.Match[str]] | None:
    """The `words = figure` parts of a cell that holds nothing else, else None."""
    matches = list(EQUALS_PAIR.finditer(text))
    return matches if matches and _SEPARATORS.match(EQUALS_PAIR.sub(" ", text)) else None


#: a label ending in a small number range or `N+` (`8-10`, `West Sussex 13-14`, `15+`): an age band,
#: or a short year (`11-12`) read alone
_SMALL_RANGE = re.compile(r"(?:^|\s)(\d{1,2})\s*(?:[-–]\s*\d{1,2}|\+)$")


def _age_band_row(labels: list[str]) -> bool:
    """Labels ending in small ranges of which one starts with a single digit or is open (`8-10 |
    11-12 | 13-14 | 15+`): ages, so `11-12` among them is no year (a year is `08-09`, never `8-10`)."""
    ends = [m for label in labels if (m := _SMALL_RANGE.search(label))]
    return len(ends) >= 2 and any(len(m[1]) == 1 or m[0].endswith("+") for m in ends)


def build_columns(labels: list[str], spans: list[tuple[float | None, float | None]] | None = None) -> list[Column]:
    # a column headed by the council is its actuals; columns headed by several councils are a
    # benchmarking table, whose figures are other councils': none of them is read as this one's
    councils = {council_named(label) for label in labels} - {None}
    ages = _age_band_row(labels)
    columns = []
    for i, label in enumerate(labels):
        x0, x1 = spans[i] if spans else (None, None)
        meaning = classify_header(label)
        if len(councils) > 1 and council_named(label) is not None:
            meaning = HeaderMeaning("ignore")
        elif ages and meaning.role == "value" and _SMALL_RANGE.search(label):
            meaning = HeaderMeaning("ignore")  # an age band, not a period
        columns.append(Column(i, clean_header(label), meaning, x0, x1))
    return columns


_BARE_PERIOD = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|quarter\s*[1-4]|q[1-4]|month\s*\d{1,2}", re.I)


def reclassify_by_content(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """Columns whose cells are mostly formulas (`588/1837 = 0.32`) are formula columns, whatever
    their header says; unlabelled columns of symbols hold the status; columns of polarity words
    (`Bigger is better`) hold the polarity; a run of columns headed by bare months (`Apr`,
    `May`, ... the year in the title) holding figures are the months' actuals."""
    columns = bare_periods(columns, rows)
    named = any(c.role == "name" for c in columns)
    out = []
    for col in columns:
        values = [r[col.index] for r in rows if col.index < len(r) and r[col.index]]
        if values:
            formulas = sum(1 for v in values if ("=" in v and not equals_labelled(v)) or _FORMULA_CELL.fullmatch(v))
            statuses = sum(1 for v in values if is_status(v))
            if col.role in ("value", "blank", "ignore") and formulas / len(values) >= 0.5 and "=" in " ".join(values):
                col = Column(col.index, col.label, HeaderMeaning("formula"), col.x0, col.x1)
            elif col.role == "blank" and statuses / len(values) >= 0.5:
                col = Column(col.index, col.label, HeaderMeaning("status"), col.x0, col.x1)
            elif col.role in ("value", "blank", "ignore") and all(read_polarity(v) for v in values):
                # `Bigger is better` under whatever label: the row's polarity, never a figure
                col = Column(col.index, col.label, HeaderMeaning("polarity"), col.x0, col.x1)
            elif (col.role == "ignore" or col.meaning.kind in ("previous_period", "year_ago")) and (
                meaning := _comparison(col.label, columns, values)
            ) is not None:
                # the header vocabulary may know the words (`Short Term DOT against`); the period
                # compared with and the same-quarter test decide the kind and the label
                col = Column(col.index, col.label, meaning, col.x0, col.x1)
            elif col.role == "value" and len(col.label.split()) >= _SENTENCE_LABEL_WORDS and not any(
                parse_cell(v).value is not None for v in values
            ):
                # `Statutory partners who have signed up to the target and ...` over lists of partners: a
                # sentence naming a kind in passing, over no figure, is no column of values
                col = Column(col.index, col.label, HeaderMeaning("ignore"), col.x0, col.x1)
            elif col.role == "value" and not named and _wordy(values):
                # `Performance Measure` over indicator names: the names, whatever the label says
                col = Column(col.index, col.label, HeaderMeaning("name"), col.x0, col.x1)
                named = True
        out.append(col)
    return out




_SENTENCE_LABEL_WORDS = 12  # a header this long is a sentence (column labels run to eight words or so)


def _figures(values: list[str]) -> bool:
    return sum(1 for v in values if parse_cell(v).value is not None) >= max(1, len(values) / 2)


def _wordy(values: list[str]) -> bool:
    """Cells that are mostly names: words, no figure, longer than a status or a unit."""
    words = sum(1 for v in values if parse_cell(v).value is None and len(v) > 12 and re.search(r"[A-Za-z]{3}", v))
    return words >= 0.6 * len(values)


def bare_periods(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    bare = [c.role == "ignore" and bool(_BARE_PERIOD.fullmatch(c.label.strip())) for c in columns]
    out = list(columns)
    for k, col in enumerate(columns):
        run = 1
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(columns) and bare[j]:
                run += 1
                j += step
        if not bare[k] or run < 3:
            continue  # one `May` is a word; a run of months is a calendar
        values = [r[col.index] for r in rows if col.index < len(r) and r[col.index]]
        if values and sum(1 for v in values if parse_cell(v).value is not None) >= len(values) / 2:
            out[k] = Column(col.index, col.label, HeaderMeaning("value", "actual", col.label), col.x0, col.x1)
    return out


_AGAINST = re.compile(r"\b(?:against|compared (?:with|to)|vs\.?|versus)\s+(.*\d.*)$", re.I)
_DESIGNATION = re.compile(r"\bQ[1-4]\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _comparison(label: str, columns: list[Column], values: list[str]) -> HeaderMeaning | None:
    """A column of figures labelled as a comparison with a period (`DOT against 2016/17 (Q4)`,
    its cells `↓ 67.2%`) holds that period's figure: the same quarter or month as the actual
    column's a year before (`against Q1 2016/17` beside `2017/18 Q1`), else the previous period."""
    m = _AGAINST.search(label)
    if not m:
        return None
    figures = sum(1 for v in values if parse_cell(re.sub(r"^[^\w(£$.-]+", "", v)).value is not None)
    if figures < max(1, len(values) / 2):
        return None
    period = m.group(1).strip()
    actual = [c.meaning.period_label or c.label for c in columns if c.meaning.kind == "actual"]
    own = {d.lower()[:3] for d in _DESIGNATION.findall(period)}
    same = bool(own) and any(own & {d.lower()[:3] for d in _DESIGNATION.findall(a)} for a in actual)
    return HeaderMeaning("value", "year_ago" if same else "previous_period", period)


def title_of(line: Line) -> str | None:
    """A line that can name the table below it: one run of words, not a sentence or a number
    (up to 160 characters: DfE's indicator titles run long)."""
    texts = [t for t in line.texts if t]
    if len(texts) != 1:
        return None
    text = clean_header(texts[0]).strip("-–:> ")
    text = defined_title(text)  # (`Absence Management: Percentage of working days lost ... staff.`)
    if not text or len(text) > 160 or text.endswith((".", ",", ";")) or parse_cell(text).value is not None:
        return None
    if not re.search(r"[A-Za-z]{3}", text) or _SOURCE_NOTE.match(texts[0]):
        return None
    return text


# `Source: MYE ONS`, `Note: includes all care leavers ...`: the foot of the table above, naming none below
_SOURCE_NOTE = re.compile(r"\s*(?:data\s+)?(?:sources?|notes?|nb)\s*:", re.I)
_AXIS_TICKS = re.compile(r"-?\d{1,4}(?:\.\d+)?%?(?:\s+-?\d{1,4}(?:\.\d+)?%?)*")


def title_above(lines: list[Line], index: int, reach: int = 3) -> str | None:
    # the first lines of a sentence wrapped over several lines (a comment above the table) name nothing
    in_sentence = False
    k = index
    while k > 0 and reach > 0:
        k -= 1
        if _AXIS_TICKS.fullmatch(lines[k].text.strip()):
            continue  # a chart's axis (`6`, `4`, `2`, `0`) between the title and its table
        reach -= 1
        if in_sentence and _wraps_onto(lines[k], lines[k + 1]):
            continue
        in_sentence = lines[k].text.endswith((".", ";"))
        title = title_of(lines[k])
        if title:
            return title
    return None


def _glyph_height(line: Line) -> float | None:
    """The median height of a PDF line's words (None for text input)."""
    heights = sorted(w.height for c in line.cells for w in c.words)
    return heights[len(heights) // 2] if heights else None


def _wraps_onto(line: Line, below: Line) -> bool:
    """The line goes on in the line under it: the same type size, no gap between them wider than
    a line's height, and the line reaches at least as far right as the one under it (a wrapped
    line is full; a heading over a note is set apart by its size or its shorter length)."""
    if None in (line.top, line.bottom, below.top, below.bottom) or not line.cells or not below.cells:
        return False
    height = (line.bottom or 0) - (line.top or 0)
    below_height = (below.bottom or 0) - (below.top or 0)
    same_size = abs(height - below_height) <= 0.2 * max(height, below_height)
    glyphs, below_glyphs = _glyph_height(line), _glyph_height(below)
    if glyphs and below_glyphs:
        # the type size of most words (a superscript or a symbol in the line does not count): an 11 pt heading
        # over its 10 pt sentence is no first line of it
        same_size = abs(glyphs - below_glyphs) <= 0.05 * max(glyphs, below_glyphs)
    full = (line.cells[-1].x1 or 0) >= (below.cells[-1].x1 or 0) - 1.0
    return same_size and full and (below.top or 0) - (line.bottom or 0) < height


def repair_shifted_cells(cells: list[str], columns: list[Column]) -> tuple[list[str], list[int]]:
    """Move a number that sits under an unlabelled column into the empty value column on its left.

    In exports where one column of a table is missing (no Target column), the remaining values
    keep the original tab stops and land one column right, under a blank header.
    """
    cells = list(cells)
    moved: list[int] = []
    for i, col in enumerate(columns):
        if col.role != "blank" or not cells[i] or parse_cell(cells[i]).value is None:
            continue
        left = i - 1
        while left >= 0 and columns[left].role == "blank" and not cells[left]:
            left -= 1
        if left >= 0 and columns[left].role == "value" and not cells[left]:
            cells[left], cells[i] = cells[i], ""
            moved.append(left)
    return cells, moved


def assemble_table(
    columns: list[Column],
    raw_rows: list[tuple[list[str], str, int]],
    title: str | None,
    header_context: str,
    repair_shifts: bool = False,
    grid: Any = None,
) -> Table:
    """A Table from aligned rows (cells, context, unaligned count), with its quality report.

    `repair_shifts` moves values a missing column shifted right back under their header: a
    quirk of text exports whose tab stops outlive a deleted column; positioned cells never need it.
    """
    report = QualityReport()
    columns = targets_by_title(columns, title)
    rows: list[TableRow] = []
    for cells, context, unaligned in raw_rows:
        moved: list[int] = []
        if repair_shifts:
            cells, moved = repair_shifted_cells(cells, columns)
        rows.append(TableRow(cells, context, moved))
        report.rows += 1
        report.shifted_cells += len(moved)
        report.unaligned_cells += unaligned
        for col in columns:
            if col.role == "value" and cells[col.index]:
                report.value_cells += 1
                if parse_cell(cells[col.index]).value is not None:
                    report.numeric_cells += 1
    return Table(columns, rows, title, header_context, report, grid)


_TITLE_PARTS = re.compile(r"\s+[/–-]\s+|:\s+")
_PERIOD_TOKEN = re.compile(r"\S*\d\S*")
# the word itself, as mappings/header_words.csv says it in a sentence (`sentence_kind` target), not the
# wider column-header vocabulary: a `Council Plan` names no targets
_TARGETS = re.compile(
    r"\b(?:" + "|".join(p for kind, p in SENTENCE_KIND_WORDS if kind == "target") + r")\b", re.I)


def targets_by_title(columns: list[Column], title: str | None) -> list[Column]:
    """Under a title naming targets in a short part of its own (`... / AREAS AND TARGETS`, `Targets:
    2005-08`), columns headed by a period and nothing that names a kind (`04/05`, `COUNTY 04/05`) hold the
    targets set for those periods, not what was achieved, unless the table has target columns of its own."""
    parts = _TITLE_PARTS.split(title or "")
    if any(col.meaning.kind == "target" for col in columns):
        return columns  # a table with target columns of its own: its dated columns are what was achieved
    if not any(len(p.split()) <= 4 and _TARGETS.search(p) and classify_header(p).kind == "target"
               and not _PERIOD_TOKEN.search(p)
               and not any(classify_header(w).role == "name" for w in p.split())  # `Indicators & Targets`
               for p in parts if p.strip()):
        return columns
    out = []
    for col in columns:
        rest = _PERIOD_TOKEN.sub(" ", col.label).strip()
        if col.role == "value" and col.meaning.kind == "actual" and col.meaning.period_label \
                and (not rest or classify_header(rest).role in ("ignore", "blank")):
            col = Column(col.index, col.label, HeaderMeaning("value", "target", col.meaning.period_label),
                         col.x0, col.x1)
        out.append(col)
    return out
