"""The wide-table family: formats whose figures sit in KPI tables of a name column and period,
target and benchmark columns, with or without commentary in sentences.

A parser of the family declares what its format needs and writes no reading code:

    class MyScorecard(WideTableParser):
        name = "my_scorecard"
        version = "1.0"
        councils = ("E06000001",)
        read_narrative = True            # the commentary's sentences too
        code_re = MY_CODE_RE             # its own row codes (`CSPI 01`), else DEFAULT_CODE_RE

        def detect(self, document): ...  # content fingerprint
        def report_period(self, document): ...  # optional: dates `Q1`..`Q4` and undated columns
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from extract.model import Document, Page, RawFigure
from extract.plugins.parser import Parser
from extract.read.narrative import extract_narrative
from extract.read.tables.find import tables_by_page
from extract.read.tables.wide import DEFAULT_CODE_RE, WideOptions, figures_from_table
from extract.settings import Settings


class WideTableParser(Parser):
    #: how a code leading a row's name is split from it (None keeps names whole)
    code_re: ClassVar[re.Pattern[str] | None] = DEFAULT_CODE_RE
    #: rows print the period they report and targets are for it (see WideOptions)
    date_targets_from_row: ClassVar[bool] = False
    #: also read the figures written in sentences on every page (strict: percentages, rates,
    #: fractions, stated targets and counts named by a counted noun only)
    read_narrative: ClassVar[bool] = False
    strict_narrative: ClassVar[bool] = False

    def parse(self, document: Document, settings: Settings) -> Iterator[RawFigure]:
        report = self.report_period(document)
        for page, table in tables_by_page(document.pages, settings, self.strategies):
            options = WideOptions(
                report_period=report,
                code_re=self.code_re,
                page=page.number,
                date_targets_from_row=self.date_targets_from_row,
            )
            yield from figures_from_table(table, options)
        if self.read_narrative:
            for page in document.pages:
                yield from self.narrative(page, document, settings)

    def narrative(self, page: Page, document: Document, settings: Settings) -> Iterator[RawFigure]:
        """The figures in the sentences of one page (a parser may narrow what it reads)."""
        yield from extract_narrative(
            page.text,
            report_period=self.report_period(document),
            page=page.number,
            strict=self.strict_narrative,
            settings=settings.narrative,
        )
