"""Devon County Council's Children and Families Improvement Partnership Board reports (seed 003).

Three kinds of figures:
- per-KPI pages: a heading `KPI 3 - % of re-referrals`, labelled values `Target 18%` and
  `Tolerance 21%`, then a commentary with figures in sentences;
- the appendix scorecard: a two-row header (`Jul-24` above `Actual`), Tolerance, Target,
  `Statistical Neighbours 2023/24`, `National 2023/24`, and a formula column
  (`$588/1837 = 0.32$`) holding the latest month's numerator and denominator.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from extract.model import Document, Line, Period, RawFigure, normalise_space
from extract.plugins.parser import Parser
from extract.read.narrative import extract_narrative, without_bullet_glyph
from extract.read.periods import parse_period
from extract.read.tables.find import Table, tables_by_page
from extract.read.tables.wide import WideOptions, figures_from_table
from extract.settings import Settings

_KPI_HEADING = re.compile(r"^\s*(KPI\s*\d+)\s*[-–]\s*(.+?)\s*$")
_LABELLED = re.compile(r"\b(Target|Tolerance)\s+(\d+(?:\.\d+)?%?|TBC|TBD)(?=\s|$)")
_KIND = {"target": "target", "tolerance": "tolerance"}


class DevonImprovementBoard(Parser):
    name = "devon_improvement_board"
    version = "1.3"
    councils = ("E10000008",)

    def detect(self, document: Document) -> bool:
        text = document.flat()
        return (
            document.has_words("improvement", "board", "obtained", "statistical", "neighbours", "tolerance")
            and re.search(r"\bkpi\s*1\b", text) is not None
        )

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        tables = list(tables_by_page(document.pages, settings, self.strategies))
        latest = latest_month(table for _, table in tables)
        for page, table in tables:
            yield from figures_from_table(table, WideOptions(page=page.number))
        # the KPI pages are read as one run of lines: a KPI's heading may sit at one page's foot
        # and its commentary at the next page's top
        lines = [(page.number, line) for page in document.pages for line in page.lines]
        yield from self._kpi_pages(lines, latest, settings)

    def _kpi_pages(
        self, lines: list[tuple[int | None, Line]], latest: Period | None, settings: Settings
    ) -> Iterator[RawFigure]:
        for code, name, block in kpi_blocks(lines):
            heading = f"{code} - {name}"
            in_commentary = False
            commentary: list[tuple[int | None, str]] = []
            for page, line in block:
                text = line.text
                if without_bullet_glyph(text).lower().startswith("commentary"):
                    in_commentary = True
                    continue
                if in_commentary:
                    commentary.append((page, "\t".join(c.text for c in line.cells)))
                    continue
                for m in _LABELLED.finditer(text):
                    yield RawFigure(
                        indicator_raw=name,
                        indicator_code=code,
                        value_raw=m.group(2),
                        value_kind=_KIND[m.group(1).lower()],
                        context=text,
                        section=heading,
                        page=page,
                        source="table",
                    )
            # the commentary's sentences, page by page (each figure keeps the page it is printed on)
            for page, texts in itertools.groupby(commentary, key=lambda item: item[0]):
                yield from extract_narrative(
                    "\n".join(text for _, text in texts),
                    report_period=latest,
                    section=heading,
                    page=page,
                    settings=settings.narrative,
                )


def kpi_blocks(
    lines: list[tuple[int | None, Line]],
) -> Iterator[tuple[str, str, list[tuple[int | None, Line]]]]:
    """(code, name, (page, line)s) for each `KPI n - name` heading up to the next heading or appendix."""
    current: tuple[str, str] | None = None
    block: list[tuple[int | None, Line]] = []
    for page, line in lines:
        text = without_bullet_glyph(line.text)  # (a slide deck's headings are bullets)
        m = _KPI_HEADING.match(text) if "\t" not in "".join(c.text for c in line.cells) else None
        ends = text.upper().startswith(("IMPROVEMENT BOARD APPENDIC", "APPENDIX"))
        if m or ends:
            if current:
                yield current[0], current[1], block
            current = (normalise_space(m.group(1)), m.group(2)) if m else None
            block = []
            continue
        if current:
            block.append((page, line))
    if current:
        yield current[0], current[1], block


def latest_month(tables: Iterable[Table]) -> Period | None:
    """The latest month the scorecard reports: the period commentary without a date refers to."""
    best: Period | None = None
    for table in tables:
        for col in table.value_columns:
            if col.meaning.kind == "actual" and col.meaning.period_label:
                period = parse_period(col.meaning.period_label)
                if period.type == "month" and (best is None or period.end > best.end):
                    best = period
    return best
