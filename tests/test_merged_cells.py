"""A spreadsheet saved as PDF, with group cells merged over two columns (`2015/16` over
`Target` and `Actual`) and over rows (`Area`), drawn with its grid and without: rendered
here with reportlab's SPAN, read by the table reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from extract.load.pdf import load_pdf
from extract.read.tables.find import tables_by_page
from extract.settings import DEFAULT_SETTINGS

DATA = [
    ["Area", "Indicator", "2015/16", "", "2016/17", "", "England"],
    ["", "", "Target", "Actual", "Target", "Actual", ""],
    ["Children's Social Care", "Re-referrals within 12 months", "22%", "24.1%", "22%", "20.3%", "21.9%"],
    ["", "Assessments completed in 45 days", "85%", "81.0%", "85%", "88.2%", "83.1%"],
    ["", "Children on a plan for 2+ years", "3%", "2.5%", "3%", "4.1%", "2.2%"],
    ["Education", "Pupils attending good schools", "90%", "87.0%", "90%", "91.5%", "89.0%"],
    ["", "Persistent absence (secondary)", "12%", "13.4%", "12%", "12.9%", "13.9%"],
]
SPANS = [("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (5, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
         ("SPAN", (6, 0), (6, 1)), ("SPAN", (0, 2), (0, 4)), ("SPAN", (0, 5), (0, 6))]


def render(path: Path, ruled: bool) -> Path:
    style = [*SPANS, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 0), (-1, 1), "CENTER")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table = Table(DATA)
    table.setStyle(TableStyle(style))
    title = Paragraph("Children and Young People's Services: year end 2016/17", getSampleStyleSheet()["Heading2"])
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([title, table])
    return path


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_merged_group_cells_head_each_column_they_cover(tmp_path, ruled):
    pdf = render(tmp_path / "sheet.pdf", ruled)
    document = load_pdf(pdf, tmp_path)
    tables = [table for _, table in tables_by_page(document.pages, DEFAULT_SETTINGS)]
    assert len(tables) == 1
    table = tables[0]
    assert [c.label for c in table.columns[2:]] == [
        "2015/16 Target", "2015/16 Actual", "2016/17 Target", "2016/17 Actual", "England"]
    assert [c.meaning.kind for c in table.columns[2:]] == ["target", "actual", "target", "actual", "national"]
    assert [r.cells[1] for r in table.rows][:2] == ["Re-referrals within 12 months", "Assessments completed in 45 days"]
    assert table.rows[0].cells[2:6] == ["22%", "24.1%", "22%", "20.3%"]
