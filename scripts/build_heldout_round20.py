"""Write the source files of the round-20 held-out fixtures (typical reports, issue 8).

    python scripts/build_heldout_round20.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way, with its Word
helpers; document.pdf is rendered by scripts/render_heldout.py and truth.csv is written by hand
from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_heldout_sources import (
    _base_document,
    _cell_text,
    _footer,
    _heading,
    _shade,
    _widths,
    write_documents,
)

# Angus Council, "Angus Council Performs – The Education of Children" (accessible version), first
# indicator: (item, year, value, target, benchmark median), `Blank` as printed
ANGUS_TEACHER_ABSENCE = [
    ("1", "2009/10", "7.34", "Blank", "7.30"),
    ("2", "2010/11", "5.93", "6.10", "6.50"),
    ("3", "2011/12", "6.08", "6.00", "6.34"),
    ("4", "2012/13", "6.30", "5.90", "6.62"),
    ("5", "2013/14", "Blank", "5.90", "Blank"),
]


def angus_performs_year_rows(out: Path) -> None:
    """A Scottish council's public performance page as its accessible Word version, A4 portrait: the
    `Angus Council Performs` title, a theme heading, an introduction with a list of further reading, then per
    indicator a bold heading, two paragraphs of explanation (holding the latest figure, the target and the
    Scottish median in words), a screen-reader line announcing the table, and a ruled table `ITEM | YEAR | VALUE |
    TARGET | BENCHMARK MEDIAN` of one year per row, `Blank` written in the cells without a figure."""
    doc = _base_document()
    _heading(doc, "Angus Council Performs", size=18, colour="00594F")
    _heading(doc, "The Education of Children", size=14, colour="00594F")
    doc.add_paragraph(
        "In the following pages we provide information on a range of indicators around the education of children in "
        "Angus. For each indicator we provide not only data but also a short explanation of our performance."
    )
    doc.add_paragraph(
        "Numbers can only tell us so much about performance so every year we also publish a range of other things, "
        "such as news releases, web-pages and committee reports that might give you a better picture of the services "
        "we provide and the level of service that is delivered."
    )
    doc.add_paragraph("More information on education in Angus can be found in the following:")
    for item in (
        "Schools/Education web-pages",
        "Lifelong Learning committee reports",
        "Forfar Community Campus Project web-page",
        "Brechin Community Campus Project web-page",
        "Education Department Annual Performance Report 2012/2013",
    ):
        doc.add_paragraph(item, style="List Bullet")
    para = doc.add_paragraph()
    run = para.add_run(
        "The average number of working days per employee lost through sickness absence for Teachers (SPI)")
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor.from_string("00594F")
    doc.add_paragraph(
        "In 2012/13 sickness absence rose to 6.3 days per teacher from 6.08 the year before, missing our target of 5.9 "
        "days, but we stayed ahead of the 2012/13 Scottish median of 6.62 days per teacher."
    )
    doc.add_paragraph(
        "Absence has many causes, from stress to bad outbreaks of cold and flu. Schools are applying closer absence "
        "management and a Personnel Adviser now supports them on sickness absence."
    )
    doc.add_paragraph(
        "Table to follow showing PI data. The table has 4 columns. First row has headings with 5 rows to follow."
    )
    table = doc.add_table(rows=1 + len(ANGUS_TEACHER_ABSENCE), cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, ("ITEM", "YEAR", "VALUE", "TARGET", "BENCHMARK MEDIAN"), strict=True):
        _cell_text(cell, text, bold=True, size=10)
        _shade(cell, "D9E7E4")
    for row, values in zip(table.rows[1:], ANGUS_TEACHER_ABSENCE, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            _cell_text(cell, text, size=10, align=WD_ALIGN_PARAGRAPH.LEFT)
    _widths(table, [1.6, 2.6, 2.6, 2.6, 4.0])
    _footer(doc, "Page 1 of 1")
    doc.save(out)


# A Scottish council's Education and Children's Services "ECS Performance Trend Charts – Quarter 4, 2014-15"
# (a performance system's export, one block per indicator); the first block
ECS_BLOCK = {
    "title": "Number of visits to libraries - virtual",
    "period": "2014/15",
    "value": "535,452",
    "target": "Linked to SPI",
    "source": "Library and Information Services",
    "manager": "Neil Bruce",
    "head": "Charlie Penman",
    "narrative": (
        "Virtual visits to the Library and Information Service's digital platforms totalled 535,452 in 2014-15, just "
        "over 18% fewer than the year before. The fall reflects the ICT in some community libraries, a change in how "
        "mobile access is counted and shifting use of a few Service sites."
    ),
}


def ecs_trend_chart_label_value_block(out: Path) -> None:
    """A performance system's `Trend Charts` export as a Word document, A4 landscape: the report title, author and
    generation date, then per indicator its name in bold over a two-column block of label cells and value cells
    (`Status` with no text, `Data Period 2014/15`, `Value 535,452`, `Target Linked to SPI`, empty `Long Trend` /
    `Short Trend`, data source, service manager, head of service) and a `Narrative and Analysis` box under it."""
    doc = _base_document(landscape=True)
    _heading(doc, "ECS Performance Trend Charts- Quarter 4, 2014-15", size=15, colour="000000")
    doc.add_paragraph("Report Author: Alex Paterson")
    doc.add_paragraph("Generated on: 14th May 2015")
    para = doc.add_paragraph()
    run = para.add_run(ECS_BLOCK["title"])
    run.bold = True
    run.font.size = Pt(12)
    rows = [
        ("Status", ""),
        ("Data Period", ECS_BLOCK["period"]),
        ("Value", ECS_BLOCK["value"]),
        ("Target", ECS_BLOCK["target"]),
        ("Long Trend", ""),
        ("Short Trend", ""),
        ("Data Source", ECS_BLOCK["source"]),
        ("Service Manager", ECS_BLOCK["manager"]),
        ("Head of Service", ECS_BLOCK["head"]),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows, strict=True):
        _cell_text(row.cells[0], label, bold=True, size=9)
        _shade(row.cells[0], "E7E6E6")
        _cell_text(row.cells[1], value, size=9)
    _widths(table, [4.0, 6.0])
    doc.add_paragraph()
    box = doc.add_table(rows=2, cols=1)
    box.style = "Table Grid"
    _cell_text(box.rows[0].cells[0], "Narrative and Analysis", bold=True, size=9)
    _shade(box.rows[0].cells[0], "E7E6E6")
    _cell_text(box.rows[1].cells[0], ECS_BLOCK["narrative"], size=9)
    _widths(box, [25.0])
    doc.save(out)


DOCUMENTS = {
    ("dev", "angus_performs_2012_13_year_rows_blank_cells"): ("docx", angus_performs_year_rows),
    ("dev", "ecs_trend_charts_q4_2014_15_label_value_block"): ("docx", ecs_trend_chart_label_value_block),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
