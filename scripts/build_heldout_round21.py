"""Write the source files of the round-21 held-out fixtures (English children's services scorecards, issue 8).

    python scripts/build_heldout_round21.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way, with its Word and Excel
helpers; document.pdf is rendered by scripts/render_heldout.py and truth.csv is written by hand from the
rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_heldout_sources import (
    _base_document,
    _cell_text,
    _footer,
    _heading,
    _html_page,
    _repeat_header,
    _shade,
    _widths,
    _xlsx_page,
    _xlsx_row,
    write_documents,
)

RAG_FILL = {"Red": "F4B6B6", "Amber": "FFE699", "Green": "C6EFCE", "": "FFFFFF"}

# Sunderland City Council, corporate performance report Q3 2017/18, "Protecting Vulnerable Children":
# (measure, period, Sunderland, target, statistical neighbours, status), as the scrutiny committee heard them
SUNDERLAND_ROWS = [
    (
        "Rate of children subject to a Child Protection Plan per 10,000 children aged 0-17",
        "December 2017",
        "103.8",
        "",
        "53.31",
        "Red",
    ),
    (
        "Percentage of children becoming subject to a Child Protection Plan for a second or subsequent time",
        "Oct-Dec 2017",
        "20%",
        "",
        "",
        "Red",
    ),
    ("Percentage of care leavers in suitable accommodation", "December 2017", "89%", "71%", "", "Green"),
]


def sunderland_corporate_q3(out: Path) -> None:
    """A metropolitan council's corporate performance report as Word, A4 landscape: the report title, the
    quarter, an outcome heading with a short introduction, then a ruled table `Measure | Period | Sunderland |
    Target | Statistical neighbours | Status` with a filled header row, the period a column per row, blank cells
    where no target or comparator is set and the status a colour word in a filled cell."""
    doc = _base_document(landscape=True)
    _footer(doc, "Sunderland City Council – Corporate Performance Report Quarter 3 2017/18")
    _heading(doc, "Corporate Performance Report", size=18, colour="7A1F5C")
    doc.add_paragraph("Quarter 3 2017/18 (October – December 2017)")
    _heading(doc, "Protecting Vulnerable Children", size=13, colour="7A1F5C")
    doc.add_paragraph(
        "This section reports the measures for children's social care delivered by Together for Children on behalf "
        "of the council. Comparisons are with the council's statistical neighbours, a group of councils sharing "
        "similar characteristics for children's services."
    )
    headers = ["Measure", "Period", "Sunderland", "Target", "Statistical neighbours", "Status"]
    table = doc.add_table(rows=1 + len(SUNDERLAND_ROWS), cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, colour="FFFFFF")
        _shade(cell, "7A1F5C")
    _repeat_header(table.rows[0])
    for row, values in zip(table.rows[1:], SUNDERLAND_ROWS, strict=True):
        for col, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.LEFT if col == 0 else WD_ALIGN_PARAGRAPH.CENTER)
        _shade(row.cells[5], RAG_FILL[values[5]])
    _widths(table, [10.5, 3.0, 2.6, 2.2, 3.2, 2.2])
    doc.add_paragraph()
    doc.add_paragraph(
        "Status compares the latest position with the target where one is set, otherwise with the statistical "
        "neighbours."
    )
    doc.save(out)


# Wirral Council, Wirral Plan performance, Quarter 1 2018/19, pledges under the Children and Families Overview and
# Scrutiny Committee: (pledge, [(indicator, previous, latest, target, status, north west, england)])
WIRRAL_PLEDGES = [
    (
        "Children are ready for school",
        [
            (
                "Percentage of women booked to access professional maternity services on or before 12 weeks and "
                "6 days gestation",
                "76%",
                "89.5%",
                "90%",
                "Amber",
                "",
                "",
            ),
            (
                "Percentage of early years childcare providers rated 'good' or 'outstanding' by Ofsted",
                "",
                "93%",
                "",
                "Green",
                "94%",
                "94%",
            ),
        ],
    ),
    (
        "Children are ready for work and adulthood",
        [
            (
                "Percentage of schools rated 'good' or 'outstanding' by Ofsted",
                "89%",
                "86%",
                "100%",
                "Red",
                "88%",
                "86%",
            ),
            (
                "Achievement gap between pupils eligible for free school meals and their peers achieving the "
                "expected standard at the end of key stage 2",
                "25.0%",
                "23.5%",
                "",
                "Green",
                "",
                "",
            ),
        ],
    ),
]


def wirral_plan_q1_workbook(out: Path) -> None:
    """A metropolitan council's plan performance appendix as an Excel print, A4 landscape fitted to width: two
    title rows, a filled header `Indicator | Previous | Q1 2018/19 | Target 2018/19 | Status | North West |
    England`, each pledge a filled row merged across the table over its indicators, wrapped names, blank cells
    where no figure is held and the status word in a coloured cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Children and Families"
    _xlsx_page(ws)
    ws["A1"] = "Wirral Plan Performance – Quarter 1 2018/19 (April – June 2018)"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws["A2"] = "Children and Families Overview and Scrutiny Committee: outcome indicators and supporting measures"
    ws["A2"].font = Font(name="Arial", size=10, italic=True)
    headers = ["Indicator", "Previous", "Q1 2018/19", "Target 2018/19", "Status", "North West", "England"]
    _xlsx_row(ws, 4, headers, bold=True, fill="00558C")
    row = 5
    for pledge, indicators in WIRRAL_PLEDGES:
        ws.cell(row=row, column=1, value=f"Pledge: {pledge}")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        cell = ws.cell(row=row, column=1)
        cell.font = Font(name="Arial", size=9, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="left", vertical="center")
        row += 1
        for values in indicators:
            _xlsx_row(ws, row, list(values))
            ws.cell(row=row, column=5).fill = PatternFill("solid", fgColor=RAG_FILL[values[4]])
            ws.row_dimensions[row].height = 27
            row += 1
    for col, width in zip("ABCDEFG", (58, 11, 12, 13, 10, 11, 10), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(
        row=row + 1, column=1, value="Previous: the quarter before, or the previous academic year for annual measures."
    )
    ws.cell(row=row + 1, column=1).font = Font(name="Arial", size=8)
    wb.save(out)


# Central Bedfordshire Council, performance portal (inPhase), measure detail page
CENTRAL_BEDS_MEASURE = {
    "title": "Children's Safeguarding - Referrals as a percentage of the child population",
    "polarity": "Smaller values are best",
    "periods": [("2015/16", "4.1%"), ("Mar 2019", "2.5%")],
    "narrative": (
        "At the end of 2015/16, the total percentage figure stood at 4.1%. The work of the Multi Agency "
        "Safeguarding Hub and the Early Help offer has helped to reduce the figure to 2.5% by March 2019."
    ),
    "outlook": (
        "The rate per month has stabilised over the last few months, so performance is expected to remain "
        "relatively consistent going forward."
    ),
}


def central_beds_portal_measure(out: Path) -> None:
    """A county-level unitary council's performance portal measure page printed by Chromium, A4 portrait: a
    portal banner and breadcrumb, the measure's name as the heading, a KPI box with the latest value, its period
    and the polarity words, an `Our goal` paragraph naming the earlier and latest figures, then a small data table
    of periods across over one `Actual` row (the chart's table), and an outlook paragraph."""
    m = CENTRAL_BEDS_MEASURE
    css = (
        "body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#222;font-size:13px}"
        ".banner{background:#004b6b;color:#fff;padding:10px 14px;font-size:16px;font-weight:bold}"
        ".crumb{font-size:11px;color:#555;margin:8px 0 14px}h1{font-size:20px;color:#004b6b;margin:0 0 12px}"
        ".kpi{display:inline-block;border:1px solid #9ab;border-left:8px solid #004b6b;padding:8px 16px;"
        "margin-bottom:14px}.kpi .label{font-size:11px;color:#555}.kpi .value{font-size:32px;font-weight:bold}"
        ".kpi .pol{font-size:11px;color:#555}h2{font-size:15px;color:#004b6b;margin:16px 0 6px}"
        "table{border-collapse:collapse;margin-top:6px}th,td{border:1px solid #9ab;padding:4px 10px;"
        "font-size:12px;text-align:center}th{background:#e6eef2}td.l,th.l{text-align:left}"
    )
    head = "".join(f"<th>{period}</th>" for period, _ in m["periods"])
    vals = "".join(f"<td>{value}</td>" for _, value in m["periods"])
    latest_period, latest_value = m["periods"][-1]
    body = (
        '<div class="banner">Central Bedfordshire Council – Performance</div>'
        '<div class="crumb">Home &gt; Children and young people &gt; Children\'s Safeguarding</div>'
        f"<h1>{m['title']}</h1>"
        f'<div class="kpi"><div class="label">Latest ({latest_period})</div><div class="value">{latest_value}</div>'
        f'<div class="pol">{m["polarity"]}</div></div>'
        f"<h2>Our goal</h2><p>{m['narrative']}</p>"
        f'<h2>Data</h2><table><tr><th class="l">Period</th>{head}</tr><tr><td class="l">Actual</td>{vals}</tr></table>'
        f"<h2>Outlook</h2><p>{m['outlook']}</p>"
    )
    out.write_text(_html_page(m["title"], body, css), encoding="utf-8")


DOCUMENTS = {
    ("dev", "sunderland_q3_2017_18_period_column_comparator"): ("docx", sunderland_corporate_q3),
    ("dev", "wirral_plan_q1_2018_19_pledge_rows_workbook"): ("xlsx", wirral_plan_q1_workbook),
    ("dev", "central_bedfordshire_portal_2019_measure_page"): ("html", central_beds_portal_measure),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
