"""Wide KPI tables → RawFigures: one figure per value cell, with its kind and period.

Shared by the council parsers and the generic parser. A parser finds the tables (tables.py)
and hands each one here with what it knows of the report (its period, how to split codes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extract.model import Period, RawFigure, normalise_space
from extract.read.kinds import classify_header, is_status, read_basis, read_polarity
from extract.read.periods import financial_year, parse_period, shift_years, year_kind_for
from extract.read.tables.area_columns import area_columns, figures_from_area_columns
from extract.read.tables.areas import (
    area_measures,
    area_rows,
    figures_from_area_measures,
    figures_from_area_table,
    names_area,
)
from extract.read.tables.blocks import LABELLED_UNSET, LABELLED_VALUE, label_kind
from extract.read.tables.comment_figures import stated_in_comment
from extract.read.tables.headers import is_title_row
from extract.read.tables.row_labels import label_column, shares_name, with_row_label
from extract.read.tables.table_model import Column, Table, TableRow, equals_labelled
from extract.read.tables.transposed import figures_from_transposed, is_transposed, month_of
from extract.read.values import formula_disagrees, infer_unit, is_no_value, parse_cell, parse_fraction

# `SCC/002 % of LAC ...`, `KPI 3 - % of re-referrals`, `1.7 Referrals`
# a RAG word or an arrow printed in the figure's own cell (`60.9% RED`, `↓ 67.2%`)
# (or after it: a spreadsheet's typed arrow, `12.3 ▲`)
_ARROWS = "↑↓→←▲▼⬆⬇️\ufe0f"
_MARK = re.compile(rf"^\s*([{_ARROWS}]+)?\s*(.*?)(?:\s*([{_ARROWS}]+)|\s+(red|amber|green))?\s*$", re.I)


def split_mark(raw: str) -> tuple[str, str | None]:
    """(the figure, the mark beside it): the status a cell prints with its number."""
    m = _MARK.match(raw)
    if not m or not (m.group(1) or m.group(3) or m.group(4)) or parse_cell(m.group(2)).value is None:
        return raw, None
    return m.group(2), " ".join(g for g in (m.group(1), m.group(3), m.group(4)) if g)


# a target may be stated in words (`above N / NE`): kept, with a null value
_STATED_KINDS = {"target", "tolerance", "intervention"}
_BY_YEAR = re.compile(r"\bby\s+((?:19|20)\d{2})\b")
# a code leading a row's name: `SCC/002 ...` (letters, slash, number) or `KPI 3 - ...`; a format with
# codes of its own (the Welsh local `CSPI 01`) passes its own pattern in WideOptions.code_re
# or a local code run into its number (`CRE4 The percentage ...`, `CYP01 Re-referrals`: three letters or more,
# so that `KS2 attainment` keeps its key stage), or a set's code with a space before its number and a capitalised
# word after it (`NI 73 Achievement at level 4 ...`, `BV 43 Percentage ...`; not a key stage, level, year or quarter),
# or a two-letter code run into two or three digits (`NI116 Proportion ...`, `TC01 Under 18 ...`, `NI102b ...`; one
# digit is a name's own, `CO2 Emissions`, and `KS2` a key stage), or a set's code with a space before its number and a
# colon after it, its part too (`ASC 1A: Social care-related ...`, `ASC 1C part 2A: The proportion ...`; not a key
# stage, qualification level or `COVID 19:`)
# (a number followed by a unit or a month is a name's own: `EHCP 20 Weeks`, `CIN 31 March`)
_UNIT_AFTER = (
    r"(?:Weeks?|Days?|Months?|Years?|Hours?|Working|Plus|Per|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b"
)
DEFAULT_CODE_RE = re.compile(
    r"^((?:[A-Z]{2,5}\s?/\s?\d+[a-z]*)|(?:KPI\s?\d+[a-z]?)|(?:[A-Z]{3,5}\d{1,3}[a-z]?(?=\s+[A-Z%]))"
    r"|(?:(?!KS)[A-Z]{2}\d{2,3}[a-z]?(?=\s+[A-Z%]))"
    r"|(?:(?!(?:KS|NVQ|GCSE|L|Y|Q)\s)[A-Z]{2,5}\s\d{1,3}[a-z]?(?=\s+(?!" + _UNIT_AFTER + r")[A-Z][a-z]))"
    r"|(?:(?!(?:KS|NVQ|SVQ|GCSE|SCQF|NQF|COVID)\s)[A-Z]{2,5}\s\d{1,3}[A-Za-z]?(?:\s[a-z]{2,5}\s\d{1,2}[A-Za-z]?)?"
    r"(?=:\s+[A-Z])))"
    r"\s*[-–:]?\s+(.+)$"
)
# what follows a name in its own cell and is not the name: the desired direction's arrow (`... 7 days ↑`)
# and a numbered list defining the measure (`Composite measure of 5 indicators 1. Households ...`), and a footnote
# mark after it (`... Customer Satisfaction *`)
_NAME_TAIL = re.compile(r"\s+(?:[↑↓⬆⬇▲▼]+\ufe0f?|(?:1[.)]|\(1\)|\(a\))\s+[A-Z].*)$|\s*[*†‡]+$")


def trim_name(name: str) -> str:
    """The indicator's name without what its cell prints after it (an arrow, a numbered list)."""
    trimmed = _NAME_TAIL.sub("", name)
    return trimmed if re.search(r"[A-Za-z]{3}", trimmed) else name


@dataclass(frozen=True)
class WideOptions:
    report_period: Period | None = None  # the report's own period, for undated actual columns
    code_re: re.Pattern[str] | None = DEFAULT_CODE_RE
    page: int | None = None
    #: a format whose rows print the period they report (a `Period` cell: `Apr-Jun 23`) and whose
    #: targets are for that period opts in (Durham); otherwise an undated target column stays undated
    #: here and is dated later with the row's latest actual
    date_targets_from_row: bool = False


def figures_from_table(table: Table, options: WideOptions) -> Iterator[RawFigure]:
    found = area_rows(table)
    if found is not None:  # rows are councils, England, regions: one indicator, from the title
        yield from figures_from_area_table(table, found, options.page)
        return
    if is_transposed(table):  # rows are periods, columns measures or kinds (transposed.py)
        yield from figures_from_transposed(table, options.page)
        return
    measures = area_measures(table)
    if measures is not None:  # rows are areas, columns measures (areas.py)
        yield from figures_from_area_measures(table, measures, options.page)
        return
    across = area_columns(table)
    if across is not None:  # columns are areas, rows measures (area_columns.py)
        yield from figures_from_area_columns(table, across, options.page)
        return
    name_col = _name_column(table)
    if name_col is None:
        return
    section = None  # a row holding only a title (`1. Your Call – improvements to ...`): the rows' under it
    for row in table.rows:
        if is_title_row(row.cells, name_col.index) and len(row.cells[name_col.index].split()) >= 3:
            section = normalise_space(row.cells[name_col.index])
            continue
        for figure in _figures_from_row(table, row, name_col, options):
            figure.section = section or figure.section
            yield figure


def _name_column(table: Table) -> Column | None:
    named = [c for c in table.columns if c.role == "name"]
    if len(named) > 1:
        # `PI | Description`: both labels may name the indicator; the column of words is the name
        # (the other holds its codes, `NI 171 (LAA)`)
        def length(col: Column) -> float:
            texts = [r.cells[col.index] for r in table.rows if r.cells[col.index]]
            return sum(len(t) for t in texts) / len(texts) if texts else 0.0

        return max(named, key=length)
    if named:
        return named[0]
    # No labelled name column: the column whose cells are most often words, not numbers.
    def wordiness(col: Column) -> int:
        return sum(1 for r in table.rows if r.cells[col.index] and parse_cell(r.cells[col.index]).value is None
                   and len(r.cells[col.index]) > 12)

    candidates = [c for c in table.columns if c.role in ("blank", "ignore", "name")]
    best = max(candidates, key=wordiness, default=None)
    if best is not None and wordiness(best) > 0:
        return best
    return _short_labels(table)


def _short_labels(table: Table) -> Column | None:
    """A first column of short labels (`Aged 0-4`, `Aged 16+`) under a header naming no kind of figure (`Age group`),
    every other column a value column: the labels name the rows."""
    first = table.columns[0] if table.columns else None
    if first is None or first.role not in ("blank", "ignore") or not all(c.role == "value" for c in table.columns[1:]):
        return None
    labels = [r.cells[first.index] for r in table.rows if r.cells[first.index]]
    ok = len(labels) >= 2 and all(re.search(r"[A-Za-z]{3}", t) and parse_cell(t).value is None for t in labels)
    return first if ok and len(table.columns) >= 2 else None


def split_code(name: str, code_re: re.Pattern[str] | None) -> tuple[str | None, str]:
    if code_re is None:
        return None, name
    m = code_re.match(name)
    if not m:
        return None, name
    return normalise_space(m.group(1)), normalise_space(m.group(2))


_SEPARATOR = re.compile(r"^[\s/|;,]*$")


def labelled_pairs(text: str) -> list[tuple[str, str]] | None:
    """(kind, figure) of a cell that is nothing but two or more labelled values, unset ones dropped
    (`Target 55% / Baseline 50%`, `Target 100% / Floor n/a`); None for any other cell."""
    matches = list(LABELLED_VALUE.finditer(text))
    unset = list(LABELLED_UNSET.finditer(text))
    if not matches or len(matches) + len(unset) < 2:
        return None
    rest = LABELLED_UNSET.sub(" ", LABELLED_VALUE.sub(" ", text))
    if not _SEPARATOR.match(rest):
        return None
    return [(label_kind(m["label"]), m["value"].strip()) for m in matches]

def equals_pairs(text: str, column_kind: str) -> list[tuple[str, str]] | None:
    """(kind, figure) of a cell that is nothing but figures each labelled `words = figure`: the kind
    its words name (`Full year projection`), else the column's (`Apr – Dec`, the part of the year
    measured); None for any other cell."""
    matches = equals_labelled(text)
    if matches is None:
        return None
    pairs = []
    for m in matches:
        meaning = classify_header(m["label"])
        kind = meaning.kind if meaning.role == "value" and meaning.kind else column_kind
        pairs.append((kind, m["value"].strip()))
    return pairs


def _figures_from_row(table: Table, row: TableRow, name_col: Column, options: WideOptions) -> Iterator[RawFigure]:
    cells = row.cells
    raw_name = cells[name_col.index]
    if not raw_name or names_area(raw_name):
        return  # (a row named by an area in a table not read as one of areas: no indicator of that name)
    code_col = table.column("code")
    code = cells[code_col.index] if code_col is not None and cells[code_col.index] else None
    split, name = split_code(raw_name, options.code_re)
    name = trim_name(name)
    label_col = label_column(table.columns, name_col.index)
    if label_col is not None:  # `Number` / `Rate per 10,000 aged 0-17` beside a name merged over both rows
        name = with_row_label(name, cells[label_col.index], shares_name(table.rows, row, name_col.index))
    # a code printed with the name is the row's own; a code column's cell can hold a wrapped name's end the
    # page set beside the next row (`Stage 3` by `NI 83 Achievement at level 5 ... at Key`)
    code = split or code
    year_kind = year_kind_for(name)

    polarity_col, basis_col = table.column("polarity"), table.column("basis")
    polarity = read_polarity(cells[polarity_col.index]) if polarity_col is not None else None
    basis = read_basis(cells[basis_col.index]) if basis_col is not None else None
    row_period = _row_period(table, row, year_kind, options)

    # A row printed in percentages is in percent even in its cells without the sign (`Tracker`).
    row_values = [cells[c.index] for c in table.value_columns]
    row_unit = "percent" if any("%" in v for v in row_values) else infer_unit("", name)
    figures: list[RawFigure] = []
    for col in table.value_columns:
        raw = cells[col.index]
        if not raw or is_status(raw):
            continue
        pairs = labelled_pairs(raw) or equals_pairs(raw, col.meaning.kind or "actual")
        if pairs is not None:  # `Target 55% / Baseline 50%`, `Apr – Dec = 1,856`: each figure its label's kind
            period = _column_period(col, row_period, basis, year_kind, options)
            figures.extend(
                RawFigure(indicator_raw=name, indicator_code=code, value_raw=text, value=None, value_kind=kind,
                          period=period, unit="percent" if "%" in text else row_unit, polarity=polarity,
                          section=table.section, context=row.context, page=options.page, source="table")
                for kind, text in pairs
            )  # fmt: skip
            continue
        figure, mark = split_mark(raw)
        figure, note = split_note(figure)
        figure, stray = strip_stray_stop(figure)
        value = parse_cell(figure).value
        if value is None and not is_no_value(raw) and col.meaning.kind not in _STATED_KINDS:
            continue  # words under a figure's column (`Better`, a sentence): no figure, no placeholder
        period = _column_period(col, row_period, basis, year_kind, options)
        if note is not None and not col.meaning.period_label and _DATE_NOTE.fullmatch(note) \
                and (dated := parse_period(note, year_kind=year_kind)).end is not None:
            period = dated  # `52% (2007)` under `Baseline`: measured then
        by_year = _BY_YEAR.search(raw)
        if by_year and col.meaning.kind == "target":  # `5 by 2030`: a target for that year
            period = parse_period(by_year.group(1))
        figures.append(
            RawFigure(
                indicator_raw=name,
                indicator_code=code,
                value_raw=raw,
                value=value if mark or note is not None or stray else None,  # the figure before its mark or note
                value_kind=cell_kind(note or "", col.meaning.kind or "actual"),
                period=period,
                unit="percent" if "%" in raw else row_unit,
                polarity=polarity,
                status=mark,
                section=table.section,
                context=row.context,
                page=options.page,
                source="table",
            )
        )
        if note is not None and _SHARE.fullmatch(note) and "%" not in figure:
            # a count with its share in brackets (`5,670 (4.2%)`): the share is printed too, a figure of its own
            figures.append(replace(figures[-1], value_raw=note, value=None, unit="percent"))
    if figures:
        figures.extend(_dated_in_comment(table, row, figures[0]))
        figures.extend(_target_in_comment(table, row, figures[0]))
        figures.extend(stated_in_comment(table, row, figures))
    _attach_row_extras(table, row, figures)
    yield from figures


# a date or a year alone in brackets after a figure (`(2007)`, `(2006/7)`, `(May 2002)`, `(31 March 2024)`)
_DATE_NOTE = re.compile(r"(?:(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d{2}(?:\s*[/-]\s*\d{1,4})?")
_NOTED = re.compile(r"^\s*(-?[\d.,]+\s?%?)\s*\(([^()]*)\)\s*$")


# a unit or what is counted, printed after the figure (`642.24 days`, `538 assessments`): one or two words
_SHARE = re.compile(r"\d+(?:\.\d+)?\s?%")
_UNIT_WORDS = re.compile(r"^\s*(-?[\d.,]+\s?%?)\s+([A-Za-z]{3,}(?:\s+[A-Za-z]{3,})?)\s*$")


def split_note(raw: str) -> tuple[str, str | None]:
    """(the figure, its note) of a cell that prints a note in brackets after its figure
    (`10.9% (academic year 21/22)`, `1.23% (projected end of year)`) or the unit it counts in
    (`642.24 days`, `538 assessments`), else (raw, None)."""
    m = _NOTED.match(raw) or _UNIT_WORDS.match(raw)
    if not m or parse_cell(m.group(1)).value is None or is_status(m.group(2)):
        return raw, None
    return m.group(1).strip(), normalise_space(m.group(2))


# a whole number with a full stop typed after it (`569.`, `1,139.`)
_STRAY_STOP = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\.\s*$")


def strip_stray_stop(figure: str) -> tuple[str, bool]:
    """(the figure, whether a stray full stop was dropped): a value column's `569.` is the number 569, the stop
    a typing slip (a decimal point with no decimals)."""
    m = _STRAY_STOP.match(figure)
    return (m.group(1), True) if m else (figure, False)


def cell_kind(note: str, column_kind: str) -> str:
    """A figure under an actual column whose own note says it is projected (`1.23% (projected end
    of year)`) is a forecast: the note is read with the header vocabulary, as a column label is."""
    meaning = classify_header(note) if note else None
    if column_kind == "actual" and meaning is not None and meaning.role == "value" and meaning.kind == "forecast":
        return "forecast"
    return column_kind


def _row_period(table: Table, row: TableRow, year_kind: str, options: WideOptions) -> Period | None:
    period_col = table.column("period")
    if period_col is None:
        return None
    label = row.cells[period_col.index]
    return parse_period(label, year_kind=year_kind, fy_end_year=_report_fy_end(options))


def _report_fy_end(options: WideOptions) -> int | None:
    """The year in which the report's financial year ends: what a bare `Q2` or `quarter two` is in."""
    report = options.report_period
    if report is None or report.end is None:
        return None
    return report.end.year + 1 if report.end.month > 3 else report.end.year


def _column_period(
    col: Column, row_period: Period | None, basis: str | None, year_kind: str, options: WideOptions
) -> Period:
    kind = col.meaning.kind
    label = col.meaning.period_label
    if label:
        fy_end = _report_fy_end(options)
        period = parse_period(label, year_kind=year_kind, fy_end_year=fy_end, month_as=basis or "month")
        if period.end is None and fy_end is not None:  # `Apr` over a monthly scorecard: that month of the report's year
            return month_of(label, parse_period(f"{fy_end - 1}/{fy_end % 100:02d}")) or period
        return period
    if kind in ("national", "regional", "statistical_neighbours", "comparator_group"):
        return Period(None)
    if kind == "year_ago":
        base = row_period or options.report_period
        return shift_years(base, -1, col.label) if base and base.end else Period(col.label)
    if kind == "previous_year":
        base = row_period or options.report_period
        if base and base.end:
            end_year = base.end.year if base.end.month <= 3 else base.end.year + 1
            return financial_year(col.label, end_year - 1)
        return Period(col.label)
    if kind == "previous_period":
        return Period(col.label)
    if kind in ("target", "tolerance", "intervention", "forecast"):
        if row_period is not None and options.date_targets_from_row:
            return row_period
        return Period(None)
    # an undated actual: the row's period, else the report's
    if row_period is not None:
        return row_period
    return options.report_period or Period(None)


def _latest_actual(figures: list[RawFigure]) -> RawFigure | None:
    actuals = [f for f in figures if f.value_kind == "actual"]
    if not actuals:
        return None
    dated = [f for f in actuals if f.period.end is not None]
    if dated:
        return max(dated, key=lambda f: f.period.end)
    return actuals[-1]


def _attach_row_extras(table: Table, row: TableRow, figures: list[RawFigure]) -> None:
    """Status symbols and printed fractions belong to the row's latest actual value."""
    latest = _latest_actual(figures)
    if latest is None:
        return
    for col in table.columns:
        text = row.cells[col.index]
        if not text:
            continue
        if col.role == "status" or (col.role in ("blank", "value") and is_status(text)):
            latest.status = latest.status or text
        elif col.role in ("formula", "comment") and latest.numerator is None:
            fraction = parse_fraction(text)
            if fraction is not None:
                latest.numerator, latest.denominator = fraction
                if formula_disagrees(text):
                    latest.flags.append("ratio_mismatch")


_YEAR = r"(?:19|20)\d{2}(?:\s*[/\-–]\s*\d{2,4})?"
_FIG = r"-?\d[\d,]*(?:\.\d+)?\s?%?"
# a comment cell that is only earlier years' figures: `2007/08 91.6% 2008/09 90.1%`, `3.3% in 2008`
_YEAR_FIGURES = re.compile(rf"(?:{_YEAR}\s*:?\s+{_FIG}\s*[,;]?\s*)+")
_YEAR_FIGURE = re.compile(rf"(?P<year>{_YEAR})\s*:?\s+(?P<fig>{_FIG})")
_FIGURE_IN_YEAR = re.compile(rf"(?P<fig>{_FIG})\s+in\s+(?P<year>{_YEAR})")


def _dated_in_comment(table: Table, row: TableRow, like: RawFigure) -> Iterator[RawFigure]:
    """A comment cell holding nothing but figures each with its year (`2007/08 91.6% 2008/09 90.1%`,
    `3.3% in 2008`): the row's actuals for those years. A comment that says more is left as words."""
    for col in table.columns:
        text = normalise_space(row.cells[col.index]) if col.role == "comment" else ""
        if _YEAR_FIGURES.fullmatch(text):
            found = [(m["year"], m["fig"]) for m in _YEAR_FIGURE.finditer(text)]
        elif (m := _FIGURE_IN_YEAR.fullmatch(text)) is not None:
            found = [(m["year"], m["fig"])]
        else:
            continue
        for year, fig in found:
            yield replace(like, value_raw=fig.strip(), value=None, value_kind="actual", period=parse_period(year),
                          unit="percent" if "%" in fig else like.unit, status=None, numerator=None, denominator=None,
                          flags=[])


# a comment saying the row's target was changed: `the target has now been revised upwards to 75%`; only helping
# words may stand between `target` and the verb, so that `the target was missed as referrals rose to 30%` is no target
_REVISED_TARGET = re.compile(
    rf"\btarget(?:\s+(?:has|have|had|was|were|is|been|now|being|will|be|since|already|subsequently))*\s+"
    rf"(?:revised|raised|increased|lowered|reduced|changed|amended|reset)(?:\s+(?:upwards|downwards|up|down))?"
    rf"\s+to\s+(?P<fig>{_FIG})(?![\d/])",
    re.I,
)


def _target_in_comment(table: Table, row: TableRow, like: RawFigure) -> Iterator[RawFigure]:
    """The new target a comment cell states for its row (`... the target has now been revised upwards to 75%`)."""
    for col in table.columns:
        text = normalise_space(row.cells[col.index]) if col.role == "comment" else ""
        for m in _REVISED_TARGET.finditer(text):
            fig = m["fig"].strip()
            yield replace(like, value_raw=fig, value=None, value_kind="target", period=Period(None),
                          unit="percent" if "%" in fig else like.unit, status=None, numerator=None, denominator=None,
                          flags=[])
