"""Write the source files (docx, xlsx, html) of the held-out PDF fixtures.

    python scripts/build_heldout_sources.py [SLUG ...]

Each held-out document lives in tests/heldout/<split>/<slug>/ with its source.md (where
the figures come from), document.<ext> (written here) and document.pdf (rendered from it by
scripts/render_heldout.py). The figures below are the ones the councils published; the
layouts imitate how councils lay such papers out. truth.csv is written by hand from the
rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout"


# ---------------------------------------------------------------- docx helpers


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cell_text(cell, text: str, *, bold=False, size=9, align=WD_ALIGN_PARAGRAPH.LEFT, colour=None) -> None:
    cell.text = ""
    lines = text.split("\n")
    para = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            para = cell.add_paragraph()
        para.alignment = align
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def _base_document(landscape: bool = False, font: str = "Arial", size: int = 10) -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.8)
    return doc


def _footer(doc: Document, text: str) -> None:
    para = doc.sections[0].footer.paragraphs[0]
    para.text = text
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in para.runs:
        run.font.size = Pt(8)


def _widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _heading(doc: Document, text: str, size: int = 14, colour: str = "1F3864") -> None:
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.color.rgb = RGBColor.from_string(colour)
    para.paragraph_format.space_after = Pt(6)


def _page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ------------------------------------------------ dev: Darlington KPI blocks (docx)


def darlington(out: Path) -> None:
    doc = _base_document()
    _footer(doc, "Children and Young People Scrutiny Committee – Performance Indicators Q2 2022/23")
    _heading(doc, "Darlington Borough Council", 16)
    _heading(doc, "Children and Young People Scrutiny Committee\nPerformance Indicators – Quarter 2 2022/23", 13)
    doc.add_paragraph("Report of the Group Director of People")
    doc.add_paragraph(
        "Purpose: to give Members the Quarter 2 (July to September 2022) position against the children's "
        "social care indicators agreed by the Monitoring and Co-ordination Group. Each indicator is shown "
        "as a block: the latest figure, the target (or threshold) where one is set, the previous quarter "
        "and, where reported, the same point last year. Indicators reported annually are not updated "
        "quarterly; where only the Quarter 1 figure is available it is shown and labelled."
    )
    doc.add_paragraph(
        "Key: RED – below target; GREEN – meeting or better than target; blank – no target set "
        "(figure for information)."
    )
    # two newspaper columns from here on
    new_section = doc.add_section(0)  # continuous
    cols = new_section._sectPr.xpath("./w:cols")
    cols_el = cols[0] if cols else OxmlElement("w:cols")
    cols_el.set(qn("w:num"), "2")
    cols_el.set(qn("w:space"), "567")
    if not cols:
        new_section._sectPr.append(cols_el)

    blocks = [
        (
            "Percentage of referrals screened and completed within one working day",
            "Q2 2022/23",
            [("Latest", "84.4%"), ("Target", "90%"), ("Previous", "79.6%")],
            "RED",
        ),
        (
            "Percentage of children referred to Children's Social Care who were re-referred within 12 "
            "months of a previous referral",
            "Q2 2022/23",
            [("Latest", "15.3%"), ("Target", "18%"), ("Previous", "16.1%")],
            "GREEN",
        ),
        (
            "Percentage of children with a Child Protection plan who have an allocated social worker",
            "Q2 2022/23",
            [("Latest", "100%"), ("Previous", "100%")],
            "",
        ),
        (
            "Percentage of Children in Care who have an allocated social worker",
            "Q2 2022/23",
            [("Latest", "100%"), ("Previous", "100%")],
            "",
        ),
        (
            "Percentage of Child Protection reviews completed within timescale",
            "Q2 2022/23",
            [("Latest", "100%"), ("Previous", "100%")],
            "",
        ),
        (
            "Percentage of Children in Care reviews completed within timescale",
            "Q2 2022/23",
            [("Latest", "98.9%"), ("Previous", "98.8%")],
            "",
        ),
        (
            "Percentage of children ceasing to be subject to a Child Protection plan who had been subject "
            "to the plan for two or more years (cumulative)",
            "Q2 2022/23",
            [("Latest", "4.7%"), ("Target", "5%")],
            "GREEN",
        ),
        (
            "Percentage of referrals taking more than three working days to complete",
            "Q1 2022/23",
            [("Latest", "1.9%"), ("Target", "5%"), ("Same period last year", "5.6%")],
            "GREEN",
        ),
        (
            "Number of Children in Care (excluding unaccompanied asylum-seeking children)",
            "June 2022",
            [("Latest", "273"), ("Same period last year", "264")],
            "",
        ),
    ]
    for title, period, values, rag in blocks:
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = True
        para.paragraph_format.space_after = Pt(1)
        run = para.add_run(title)
        run.bold = True
        run.font.size = Pt(10.5)
        run.font.color.rgb = RGBColor.from_string("1F3864")
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = True
        para.paragraph_format.space_after = Pt(1)
        run = para.add_run(period)
        run.italic = True
        run.font.size = Pt(9)
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(12)
        text = "   ".join(f"{label}: {value}" for label, value in values)
        para.add_run(text).font.size = Pt(10)
        if rag:
            run = para.add_run(f"   {rag}")
            run.bold = True
            run.font.color.rgb = RGBColor.from_string("C00000" if rag == "RED" else "00853E")
    doc.save(out)


# ------------------------------------------- dev: Havering scorecard + NEET table (docx)


def havering(out: Path) -> None:
    doc = _base_document(landscape=True)
    _footer(doc, "London Borough of Havering – Children & Learning Overview and Scrutiny Sub-Committee")
    _heading(doc, "Children & Learning Overview and Scrutiny Sub-Committee", 15)
    _heading(doc, "Quarter 1 Performance Report 2017/18 – 31 August 2017", 12, "2E74B5")
    doc.add_paragraph(
        "The table shows the indicators selected by the Sub-Committee for which Quarter 1 data is available. "
        "Performance is RAG rated against the Quarter 1 target; the direction of travel (DOT) columns compare "
        "Quarter 1 with the previous quarter (short term) and with the same quarter last year (long term)."
    )
    headers = [
        "Indicator and Description",
        "Value",
        "2017/18 Annual Target",
        "2017/18 Q1 Target",
        "2017/18 Q1 Performance",
        "Short Term DOT against 2016/17 (Q4)",
        "Long Term DOT against Q1 2016/17",
    ]
    rows = [
        [
            "No. of early years education offers extended to disadvantaged 2 year olds",
            "Bigger is better",
            "841",
            "841",
            "N/A",
            "N/A",
            "N/A",
        ],
        [
            "% of young people leaving care who are in education, employment or training at ages 18-21",
            "Bigger is better",
            "80%",
            "80%",
            "60.9%\nRED",
            "↓ 67.2%",
            "↓ 62.3%",
        ],
        [
            "% of children who wait less than 14 months between entering care and moving in with their adopting family",
            "Bigger is better",
            "75%",
            "75%",
            "60%\nRED",
            "↑ 47%",
            "↑ 44%",
        ],
        ["Total no. of in-house foster carers", "Bigger is better", "90", "90", "78\nRED", "↑ 77", "↓ 81"],
        [
            "% of looked after children who ceased to be LAC as a result of permanency (adoption and special "
            "guardianship)",
            "Bigger is better",
            "16%",
            "16%",
            "14.8%\nRED",
            "↑ 14.7%",
            "↓ 16.6%",
        ],
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "1F4E79")
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(
                cell,
                text,
                size=9,
                align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER,
                bold=(i == 4),
            )
            if i == 4 and "RED" in text:
                _shade(cell, "F4B6B6")
    _widths(table, [6.0, 2.2, 2.4, 2.4, 2.6, 3.2, 3.2])

    _page_break(doc)
    _heading(doc, "Benchmarking: young people not in education, employment or training", 12, "2E74B5")
    doc.add_paragraph(
        "Annual outturns reported to the Sub-Committee in its quarterly updates (lower is better). London is "
        "the regional comparator; England the national one."
    )
    title = "Percentage of 16-18 year olds who are not in education, employment or training (NEET), or not known"
    para = doc.add_paragraph()
    para.add_run(title).bold = True
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Area", "2017/18", "2018/19", "2019/20"], strict=True):
        _cell_text(cell, text, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "DEEAF6")
    for values in (
        ["Havering", "3.5%", "3.1%", "2.9%"],
        ["London", "", "4.8%", "4.2%"],
        ["England", "6%", "5.5%", "5.5%"],
    ):
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=10, align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [5.0, 3.0, 3.0, 3.0])
    doc.save(out)


# -------------------------------------- dev: Middlesbrough corporate parenting (docx)


def middlesbrough(out: Path) -> None:
    doc = _base_document(landscape=True, font="Calibri", size=10)
    _footer(doc, "Middlesbrough Council – Corporate Parenting Board")
    _heading(doc, "Corporate Parenting Board – Performance Scorecard", 15, "7030A0")
    doc.add_paragraph("Demand and children looked after: monthly position, 2020 to 2021")
    doc.add_paragraph(
        "Figures as presented to the Board by the Director of Children's Care and the Head of Looked After "
        "Children and Corporate Parenting. Blank cells: not reported for that month. The statistical "
        "neighbour figure is the latest published comparator."
    )
    headers = [
        "Measure",
        "Sep 2020",
        "Oct 2020",
        "Nov 2020",
        "Jul 2021",
        "Aug 2021",
        "Sep 2021",
        "Nov 2021",
        "Statistical neighbour",
    ]
    rows = [
        [
            "Rate of looked after children per 10,000 of the population",
            "",
            "",
            "",
            "",
            "166",
            "165.1",
            "159.4",
            "125.5",
        ],
        ["Number of looked after children", "702", "", "", "", "", "", "", ""],
        ["Number of children in Connected Carers placements", "210", "", "", "112", "", "", "", ""],
        ["Number of children placed with parents", "99", "", "", "", "58", "", "", ""],
        ["Children starting to be looked after for every child ceasing", "1.9", "1.7", "1.8", "", "", "", "", ""],
        [
            "Children and young people who ceased to be looked after in the last 6 months",
            "",
            "",
            "",
            "",
            "136",
            "122",
            "125",
            "",
        ],
        ["Children who became looked after in the last 6 months", "", "", "", "", "", "100", "103", ""],
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "7030A0")
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [7.0, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2, 2.6])
    doc.add_paragraph()
    doc.add_paragraph(
        "Note: the peak of 702 children looked after was reached in September 2020; the ratio row shows how "
        "many children started to be looked after for each child who ceased in the month."
    )
    doc.save(out)


# ------------------------------------------------- blind: Devon SEND APP KPIs (html)

DEVON_ROWS = [
    # KPI, baseline, target, M1, A Jul 23, M2, A Nov 23, M3, A Mar 24, M4, A Jul 24, M5, A Nov 24
    [
        "Percentage of children and young people absent from school with SEN support (Attendance)",
        "10.9% (academic year 21/22)",
        "10% (England average 21/22)",
        "10.9%",
        "12.1% (academic year 22/23)",
        "10.5%",
        "11.3%",
        "10.2%",
        "12.7%",
        "10%",
        "12.2%",
        "10%",
        "10.3%",
    ],
    [
        "Percentage of children and young people absent from school with an EHC plan (Attendance)",
        "12.7% (academic year 21/22)",
        "12.1% (England average 21/22)",
        "12.7%",
        "14.7% (academic year 22/23)",
        "13.6%",
        "15.50%",
        "13.3%",
        "16.2%",
        "13.1%",
        "16.1%",
        "13%",
        "13.6%",
    ],
    [
        "Suspension rate of children and young people with SEN support (Suspensions)",
        "28.92 (academic year 21/22)",
        "18.59 (England average 21/22)",
        "28.92",
        "47.7 (academic year 22/23)",
        "28.8",
        "14.48",
        "28",
        "37.16",
        "30",
        "54.05",
        "25",
        "3.7",
    ],
    [
        "Suspension rate of children and young people with an EHC plan (Suspensions)",
        "25.06 (academic year 21/22)",
        "17.63 (England average 21/22)",
        "25.06",
        "38.17 (academic year 22/23)",
        "25.0",
        "13.02%",
        "25",
        "29.15",
        "30",
        "43.35",
        "20",
        "4.0",
    ],
    [
        "Permanent exclusion rate of children and young people with SEN support (Exclusions)",
        "0.45 (academic year 21/22)",
        "0.25 (England average 21/22)",
        "0.45%",
        "0.66 (academic year 22/23)",
        "0.45",
        "0.16%",
        "0.45",
        "0.36",
        "0.45",
        "0.56",
        "0.4",
        "0.14",
    ],
    [
        "Permanent exclusion rate of children and young people with an EHCP support (Exclusions)",
        "0.28 (academic year 21/22)",
        "0.13 (England average 21/22)",
        "0.28%",
        "0.54 (academic year 22/23)",
        "0.28",
        "0.13",
        "0.28",
        "0.37",
        "0.30",
        "0.44",
        "0.2",
        "0.02",
    ],
    [
        "EHC assessment requests as a % of population (Demand)",
        "0.97% (academic year 21/22)",
        "0.68% (national SEN2 2022)",
        "1.05%",
        "1.17% (projected end of year)",
        "1.05%",
        "1.07% (projected end of year)",
        "1.07%",
        "1.23% (projected end of year)",
        "1.09%",
        "1.26% (projected end of year)",
        "1%",
        "1.13% (projected end of year)",
    ],
    [
        "Total number of EHC plans as % of 0-24 population (Demand)",
        "3.99% (SEN2 Jan 2023)",
        "30.8% (national SEN2 2022)",
        "4.1%",
        "4.17%",
        "4.2%",
        "4.25%",
        "4.25%",
        "4.33%",
        "4.5%",
        "4.40%",
        "4.1%",
        "4.63%",
    ],
]


def devon(out: Path) -> None:
    headers = [
        "Key Performance Indicator",
        "Baseline (date)",
        "Target",
        "Milestone 1 – Jul 23",
        "Actual Jul 23",
        "Milestone 2 – Nov 23",
        "Actual Nov 23",
        "Milestone 3 – Mar 24",
        "Actual Mar 24",
        "Milestone 4 – Jul 24",
        "Actual Jul 24",
        "Milestone 5 – Nov 24",
        "Actual Nov 24",
    ]
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in DEVON_ROWS)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Devon SEND Accelerated Progress Plan – key performance indicators</title>
<style>
@page {{ size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }}
body {{ font-family: "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #1b1b1b; }}
header.site {{ border-bottom: 4px solid #00754a; padding-bottom: 4px; margin-bottom: 10px; }}
header.site .brand {{ font-weight: bold; font-size: 11pt; color: #00754a; }}
h1 {{ font-size: 16pt; margin: 6px 0 4px 0; }}
h2 {{ font-size: 11.5pt; margin: 14px 0 6px 0; background: #e8f1ee; padding: 4px 6px; }}
p.intro {{ max-width: 190mm; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border: 1px solid #9aa5a0; padding: 3px 3px; vertical-align: top; }}
th {{ background: #00754a; color: #fff; font-size: 7.5pt; text-align: left; }}
td {{ font-size: 7.5pt; }}
th:first-child, td:first-child {{ width: 46mm; }}
tr:nth-child(even) td {{ background: #f4f7f6; }}
footer {{ margin-top: 10px; font-size: 7.5pt; color: #555; }}
</style></head>
<body>
<header class="site"><span class="brand">Devon County Council</span> &nbsp;·&nbsp; Devon’s SEND Local Offer</header>
<h1>Key performance indicators</h1>
<p class="intro">Accelerated Progress Plan (APP) for the local area SEND partnership. The table sets each
indicator’s baseline and end-point target against the milestones agreed for each review point and the actual
position reported at that point.</p>
<h2>Section A: Strategy – clear and understood strategic plan and SEND arrangements</h2>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
<footer>*Figures may differ from previous published as they are now cumulative.</footer>
</body></html>
"""
    out.write_text(html, encoding="utf-8")


# -------------------------------------------------- blind: Conwy performance (xlsx)

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _sheet_setup(ws, title_rows: str, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Page &P of &N"


def conwy(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Performance Measures 2018-19"
    _sheet_setup(ws, "4:4")
    ws["A1"] = "Conwy County Borough Council – Social Services Annual Report 2018-19"
    ws["A1"].font = Font(bold=True, size=14, color="005A8C")
    ws["A2"] = (
        "Performance against the national performance measures reported to Welsh Government, "
        "grouped by Quality Standard."
    )
    ws["A2"].font = Font(italic=True, size=9)
    ws.append([])
    ws.append(["Performance Indicator description", "2017-2018", "2018-2019"])
    for cell in ws[4]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="005A8C")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
    sections = [
        (
            "Quality Standard 1 – Working with people to define and co-produce personal well-being outcomes that "
            "people wish to achieve",
            [
                (
                    "The percentage of adults who completed a period of reablement and had a reduced package of care "
                    "(than they did before) 6 months later (PMA20a)",
                    "9.85%",
                    "9.41%",
                ),
                (
                    "The percentage of adults who completed a period of reablement and had no package of care 6 months "
                    "later (PMA20b)",
                    "71.52%",
                    "73.70%",
                ),
                (
                    "% of adults who received advice and assistance from the Information, Advice and Assistance "
                    "service did not contact the service again in 6 months (PMA23)",
                    "81.25%",
                    "90.79%",
                ),
                ("% of assessment completed for children within statutory timescales (PMC24)", "100.00%", "100.00%"),
            ],
        ),
        (
            "Quality Standard 2 – Working with people and partners to protect and promote people's physical and "
            "mental health and emotional well-being",
            [
                (
                    "The rate of delayed transfers of care for social care reasons per 1,000 population aged 75 "
                    "or over (PMA19)",
                    "0.33",
                    "0.66",
                ),
                (
                    "The average length of time older people (aged 65 or over) are supported in residential care homes "
                    "(PMA21)",
                    "642.24 days",
                    "703.34 days",
                ),
                ("Average age of adults entering residential care homes (PMA22)", "81.09", "85.09"),
                (
                    "The percentage of children seen by a registered dentist within 3 months of becoming looked after "
                    "(PMC30)",
                    "78.00%",
                    "94.12%",
                ),
                (
                    "The percentage of children looked after at 31 March who were registered with a GP within 10 "
                    "working days of the start of their placement (PMC31)",
                    "100.00%",
                    "98.77%",
                ),
            ],
        ),
    ]
    for heading, rows in sections:
        ws.append([heading])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        ws.cell(r, 1).font = Font(bold=True, color="005A8C")
        ws.cell(r, 1).fill = PatternFill("solid", fgColor="DCE9F2")
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[r].height = 30
        for desc, before, now in rows:
            ws.append([desc, before, now])
            r = ws.max_row
            ws.row_dimensions[r].height = 30
            for c in range(1, 4):
                cell = ws.cell(r, c)
                cell.border = BOX
                cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="left" if c == 1 else "center")
    ws.column_dimensions["A"].width = 90
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 14

    ws2 = wb.create_sheet("Children 2015-16")
    _sheet_setup(ws2, "3:3")
    ws2["A1"] = "Children's Services – statutory measures 2015-16 (from the 2015-16 annual report)"
    ws2["A1"].font = Font(bold=True, size=13, color="005A8C")
    ws2.append([])
    header = [
        "Measure",
        "Target",
        "2013/14",
        "2014/15",
        "2015/16",
        "Q1 2015/16",
        "Q2 2015/16",
        "Q3 2015/16",
        "Q4 2015/16",
    ]
    ws2.append(header)
    for cell in ws2[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="005A8C")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
    ws2.append(
        [
            "SCC/042(a) The percentage of initial assessments completed within 7 working days",
            "80%",
            "82.1%",
            "79.2%",
            "76.1%",
            "65.2%",
            "80.7%",
            "82.5%",
            "77%",
        ]
    )
    ws2.append(
        [
            "SCC/004 The percentage of children looked after on 31 March who have had three or more "
            "placements during the year (lower is better)",
            "9.5%",
            "",
            "11.4%",
            "10.6%",
            "",
            "",
            "",
            "",
        ]
    )
    for r in (4, 5):
        ws2.row_dimensions[r].height = 32
        for c in range(1, 10):
            cell = ws2.cell(r, c)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="left" if c == 1 else "center")
    ws2.column_dimensions["A"].width = 60
    for col in "BCDEFGHI":
        ws2.column_dimensions[col].width = 11
    wb.save(out)


# ---------------------------------------------- blind: Cheshire West KPI tiles (html)

CHESHIRE_TILES = [
    (
        "All of our families, children and young people are supported to get the best start in life",
        [
            (
                "Reduce the rate of children in need, per 10,000 population 0-17 (includes all children 0-17 with an "
                "open referral, CIN, CPP and LAC)",
                "323.5",
                [],
                "Stayed the same",
            ),
            (
                "Increase the number of complex families achieving significant and sustained outcomes (Troubled "
                "Families Programme)",
                "139",
                [],
                "Improved performance",
            ),
            (
                "Parent/Carer Satisfaction with Final Education Heath and Care Plan (initial targets revised as "
                "process has bedded in)",
                "92.4%",
                [],
                "Improved performance",
            ),
            (
                "Take up of free early education for eligible for 2 year olds living in the top 30% most deprived "
                "areas in the borough",
                "101%",
                [],
                "Improved performance",
            ),
        ],
    ),
    (
        "Vulnerable adults and children feel safe and are protected",
        [
            (
                "Percentage of referrals to children's social care within 12 months of a previous referral",
                "19.9%",
                [],
                "Requires improvement",
            ),
            (
                "Percentage of children who became subject of a child protection plan for a second time",
                "16.0%",
                [("Target", "14%"), ("National", "20.2%"), ("Regional", "20.7%"), ("Statistical neighbours", "21.5%")],
                "Improved performance",
            ),
            (
                "Rate of Looked After Children per 10,000 0-17 population (Children in Care)",
                "73.4",
                [],
                "Stayed the same",
            ),
        ],
    ),
]


def cheshire_west(out: Path) -> None:
    parts = []
    for outcome, tiles in CHESHIRE_TILES:
        parts.append(f'<h2>{outcome}</h2>\n<div class="grid">')
        for title, value, extras, dot in tiles:
            extra = "".join(f'<span class="lab">{k}</span> <span class="val">{v}</span>' for k, v in extras)
            extra_html = f'<div class="extras">{extra}</div>' if extras else ""
            cls = {"Improved performance": "up", "Stayed the same": "same"}.get(dot, "down")
            parts.append(
                f'<div class="tile"><div class="t">{title}</div><div class="big">{value}</div>'
                f'{extra_html}<div class="dot {cls}">{dot}</div></div>'
            )
        parts.append("</div>")
    tiles_html = "\n".join(parts)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Cheshire West and Chester – Council Plan performance: Thriving residents</title>
<style>
@page {{ size: A4; margin: 14mm 12mm; }}
body {{ font-family: "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #222; }}
.banner {{ background: #003b5c; color: #fff; padding: 8px 10px; font-size: 13pt; font-weight: bold; }}
.sub {{ color: #003b5c; margin: 6px 0 10px 0; }}
h2 {{ font-size: 11pt; color: #003b5c; border-bottom: 2px solid #6cb33e; padding-bottom: 2px; margin-top: 14px; }}
.grid {{ display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8px; }}
.tile {{ border: 1px solid #c9d3da; border-top: 5px solid #003b5c; padding: 6px 7px; break-inside: avoid; }}
.t {{ font-weight: bold; font-size: 9pt; line-height: 1.25; min-height: 3.6em; }}
.big {{ font-size: 20pt; font-weight: bold; color: #003b5c; margin: 4px 0; }}
.extras {{ font-size: 8.5pt; margin-bottom: 4px; }}
.extras .lab {{ color: #555; }}
.extras .val {{ font-weight: bold; margin-right: 8px; }}
.dot {{ font-size: 8.5pt; font-style: italic; }}
.dot.up {{ color: #2e7d32; }} .dot.same {{ color: #8a6d00; }} .dot.down {{ color: #b71c1c; }}
.key {{ font-size: 8pt; color: #444; margin-top: 14px; }}
</style></head>
<body>
<div class="banner">Cheshire West and Chester Council – Council Plan performance</div>
<div class="sub"><b>Thriving residents</b> – key performance indicators, 2018-19</div>
<p>Each card shows the latest figure for a Council Plan measure and whether performance has improved since
the last report. Targets and comparator figures are shown where the outcome plan sets them.</p>
{tiles_html}
<p class="key">Are we getting better? Improved performance · Stayed the same · Requires improvement ·
Further information is needed or the latest measure is unavailable.</p>
</body></html>
"""
    out.write_text(html, encoding="utf-8")


# ------------------------------------------ blind: Rotherham CYPS year end 2016/17 (xlsx)


def rotherham_year_end(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Performance Summary"
    _sheet_setup(ws, "5:6")
    ws["A1"] = "Rotherham Metropolitan Borough Council – Children & Young People's Services"
    ws["A1"].font = Font(bold=True, size=14, color="6A1B4D")
    ws["A2"] = "Performance Summary – As at Month End March 2017 (Quarter 4 covering January – March 2017)"
    ws["A2"].font = Font(bold=True, size=11)
    ws["A3"] = (
        "Data reports are not dynamic: figures may change when reports are re-run. Blank cells: not "
        "reported in this summary."
    )
    ws["A3"].font = Font(italic=True, size=8)
    ws.append([])
    ws.append(
        ["NO.", "INDICATOR", "GOOD PERF IS", "YR ON YR TREND", None, "PERFORMANCE (Monthly)", None, None, "YEAR END"]
    )
    ws.append([None, None, None, "2015/16", None, "Jan-17", "Feb-17", "Mar-17", "2016/17"])
    ws.row_dimensions[5].height = 26
    ws.merge_cells("D5:E5")
    ws.merge_cells("F5:H5")
    ws.merge_cells("D6:E6")
    for r in (5, 6):
        for c in range(1, 10):
            cell = ws.cell(r, c)
            cell.font = Font(bold=True, color="FFFFFF", size=9)
            cell.fill = PatternFill("solid", fgColor="6A1B4D")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BOX
    rows = [
        ("EARLY HELP AND FAMILY ENGAGEMENT", None),
        (
            "1.1",
            "Early Help contacts during the reporting month (including step downs)",
            "Info",
            "",
            "403",
            "407",
            "392",
            "3,914",
        ),
        ("1.2", "Timeliness of engagement with families in Early Help (%)", "High", "18.4%", "", "", "", "53.7%"),
        ("1.3", "Early Help assessments completed by partners (%)", "High", "", "", "", "", "6.5%"),
        ("1.4", "Early Help assessments completed within 35 working days (%)", "High", "", "", "", "", "39.4%"),
        (
            "1.5",
            "Early Help exit survey: families rating the service good or excellent (%)",
            "High",
            "",
            "",
            "",
            "",
            "98%",
        ),
        ("CHILDREN'S SOCIAL CARE", None),
        ("2.1", "Re-referrals to Children's Social Care within 12 months (%)", "Low", "30.7%", "", "", "", "27.6%"),
        ("2.2", "Assessments completed within 45 working days (%)", "High", "", "", "85.9%", "92.9%", ""),
        ("2.3", "Children in need with an up-to-date plan (%)", "High", "", "", "", "93.8%", "82.7%"),
        ("2.4", "Initial Child Protection Conferences held within 15 working days (%)", "High", "", "", "", "", "91%"),
        ("2.5", "Child Protection reviews held within timescale (%)", "High", "", "", "", "", "98.6%"),
        (
            "2.6",
            "Looked After Children visits within the local standard of 4 weeks (%)",
            "High",
            "80.2%",
            "",
            "",
            "",
            "86.4%",
        ),
    ]
    for row in rows:
        if row[1] is None:
            ws.append([row[0]])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
            ws.cell(r, 1).font = Font(bold=True, color="6A1B4D")
            ws.cell(r, 1).fill = PatternFill("solid", fgColor="EAD7E3")
            continue
        no, name, good, prev, jan, feb, mar, ye = row
        ws.append([no, name, good, prev, None, jan, feb, mar, ye])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        ws.row_dimensions[r].height = 28
        for c in range(1, 10):
            cell = ws.cell(r, c)
            cell.border = BOX
            cell.font = Font(size=9)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="left" if c == 2 else "center")
    widths = {"A": 6, "B": 52, "C": 9, "D": 8, "E": 4, "F": 9, "G": 9, "H": 9, "I": 11}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    wb.save(out)


# ----------------------------------- blind: Rotherham Children in Care Q3 2023/24 (docx)


def rotherham_cic(out: Path) -> None:
    doc = _base_document(font="Arial", size=10)
    _footer(doc, "Rotherham Metropolitan Borough Council – Corporate Parenting Partnership Board")
    _heading(doc, "Performance on a Page – Children in Care", 15, "6A1B4D")
    doc.add_paragraph("Quarter 3 2023/24 (October to December 2023)")
    doc.add_paragraph(
        "Summary of the key indicators for Children in Care services. For each indicator the latest quarter "
        "is shown with the previous quarter and the service's aim where one is set. Trend charts and "
        "benchmarking against national and statistical neighbour averages are in Appendix 2 (not reproduced)."
    )
    blocks = [
        (
            "Journey of the child",
            "Number of children entering care (year to date)",
            [("Latest", "122"), ("Previous quarter", "78")],
        ),
        (
            "Journey of the child",
            "Percentage of care plans up to date within ten working days of a LAC review",
            [("Latest", "76%"), ("Previous quarter", "79%")],
        ),
        (
            "Placement stability",
            "Percentage of children looked after for two years or more who are in a stable long-term placement",
            [("Latest", "63.3%"), ("Previous quarter", "64%"), ("Target", "70%")],
        ),
        (
            "Placement stability",
            "Percentage of children looked after with three or more placement moves in the year",
            [("Latest", "9.3%"), ("Previous quarter", "7.7%")],
        ),
        (
            "Sufficiency",
            "Number of in-house foster carer families registered",
            [("Latest", "111"), ("Previous quarter", "108")],
        ),
        ("Sufficiency", "Foster carer approvals in the quarter", [("Latest", "15")]),
        ("Sufficiency", "Foster carer de-registrations in the quarter", [("Latest", "15")]),
        ("Youth justice", "Children in care known to the youth justice service", [("Latest", "7")]),
    ]
    current = None
    for theme, title, values in blocks:
        if theme != current:
            if theme == "Sufficiency":
                _page_break(doc)
            para = doc.add_paragraph()
            para.paragraph_format.space_before = Pt(10)
            run = para.add_run(theme.upper())
            run.bold = True
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor.from_string("6A1B4D")
            current = theme
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = True
        para.paragraph_format.space_after = Pt(2)
        para.paragraph_format.right_indent = Cm(6)
        run = para.add_run(title)
        run.bold = True
        run.font.size = Pt(10.5)
        # labels on one line, the figures under them on the next, aligned by tab stops
        for kind in ("label", "value"):
            para = doc.add_paragraph()
            para.paragraph_format.keep_with_next = kind == "label"
            para.paragraph_format.space_after = Pt(0 if kind == "label" else 12)
            for i in range(1, len(values)):
                para.paragraph_format.tab_stops.add_tab_stop(Cm(4.2 * i))
            for i, (label, value) in enumerate(values):
                text = label if kind == "label" else value
                run = para.add_run(("\t" if i else "") + text)
                if kind == "label":
                    run.font.size = Pt(8)
                    run.font.color.rgb = RGBColor.from_string("666666")
                else:
                    run.bold = True
                    run.font.size = Pt(15)
                    run.font.color.rgb = RGBColor.from_string("6A1B4D")
    doc.save(out)


# ------------------------------------------ dev: layout families of issue 8 (other councils)


def _html_page(title: str, body: str, css: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>'
        f"{title}</title><style>{css}</style></head><body>\n{body}\n</body></html>\n"
    )


DARLINGTON_TILES = [
    # (title, big number, [(label, figure)])
    ("Initial Child Protection Conferences held within 15 working days", "94.4%", []),
    ("Children with a Child Protection plan who have an allocated social worker", "100%", []),
    ("Children in Care who have an allocated social worker", "100%", []),
    ("Children ceasing a Child Protection plan who had been on it for 2 years or more", "0%", [("Target", "5%")]),
    ("Children on a Child Protection plan who received a statutory visit within 10 working days", "89.0%", []),
    (
        "Statutory visits to Children in Care completed within timescale",
        "93.1%",
        [("Target", "90%"), ("Same period last year", "89%")],
    ),
    (
        "Children in Care with three or more placements in the previous 12 months",
        "8.1%",
        [("Target", "10%"), ("England", "10%"), ("North East", "10%"), ("Stat neighbours", "9.9%")],
    ),
]


def darlington_tiles(out: Path) -> None:
    css = (
        "body{font-family:Arial,Helvetica,sans-serif;margin:18px;color:#222}"
        "h1{font-size:20px;color:#00594f;margin:0 0 4px}h2{font-size:14px;font-weight:normal;margin:0 0 14px}"
        ".grid{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}"
        ".tile{border:1px solid #9bbdb8;border-top:6px solid #00594f;border-radius:4px;padding:10px;"
        "break-inside:avoid}"
        ".tile h3{font-size:12px;margin:0 0 8px;min-height:44px}.big{font-size:30px;font-weight:bold;color:#00594f}"
        ".period{font-size:10px;color:#555;margin-bottom:6px}.labels span{display:inline-block;font-size:11px;"
        "background:#eef4f3;border-radius:3px;padding:2px 6px;margin:2px 4px 0 0}"
        "p.note{font-size:11px;margin-top:16px}"
    )
    tiles = []
    for title, big, labels in DARLINGTON_TILES:
        spans = "".join(f"<span>{label} {figure}</span>" for label, figure in labels)
        tiles.append(
            f'<div class="tile"><h3>{title}</h3><div class="period">2020/21 year end</div>'
            f'<div class="big">{big}</div><div class="labels">{spans}</div></div>'
        )
    body = (
        "<h1>Darlington Borough Council</h1>"
        "<h2>Children and Young People Scrutiny Committee – Performance Indicators 2020/21 Year End</h2>"
        f'<div class="grid">{"".join(tiles)}</div>'
        '<p class="note">Year end position, April 2020 to March 2021. Targets are local targets; benchmarks are '
        "the latest published averages.</p>"
    )
    out.write_text(_html_page("Darlington performance indicators 2020/21", body, css), encoding="utf-8")


KENT_SEND_ROWS = [
    # indicator, baseline (Aug 23), target, milestone Feb 24, actual Feb 24, milestone Aug 24, actual Aug 24
    ("Percentage of new EHC plans issued within 20 weeks", "2.3%", "–", "–", "–", "–", "51.6%"),
    ("Percentage of EHC plan annual reviews outstanding", "62.4%", "–", "–", "–", "–", "35.6%"),
]


def kent_send(out: Path) -> None:
    css = (
        "body{font-family:Arial,Helvetica,sans-serif;margin:14px;font-size:11px}"
        "h1{font-size:17px;color:#23395d}table{border-collapse:collapse;width:100%}"
        "th{background:#23395d;color:#fff;font-weight:bold;padding:5px;border:1px solid #999;font-size:10px}"
        "td{border:1px solid #999;padding:5px;text-align:center}td:first-child{text-align:left;width:32%}"
        "@page{size:A4 landscape;margin:12mm}"
    )
    headers = [
        "Key Performance Indicator",
        "Baseline (Aug 23)",
        "Target",
        "Milestone – Feb 24",
        "Actual Feb 24",
        "Milestone – Aug 24",
        "Actual Aug 24",
    ]
    head = "".join(f"<th>{h}</th>" for h in headers)
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in KENT_SEND_ROWS)
    body = (
        "<h1>Kent County Council – SEND Scrutiny: Quarterly Reporting</h1>"
        "<p>Progress since the Improvement Notice of March 2023. Section A: statutory timeliness.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        "<p>– : no milestone or figure reported for that point.</p>"
    )
    out.write_text(_html_page("Kent SEND quarterly reporting", body, css), encoding="utf-8")


_THIN_SIDE = Side(style="thin", color="808080")
_CELL_BOX = Border(left=_THIN_SIDE, right=_THIN_SIDE, top=_THIN_SIDE, bottom=_THIN_SIDE)


def _xlsx_page(ws, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _xlsx_row(ws, row: int, values: list, *, bold=False, fill: str | None = None, wrap_first=True) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.border = _CELL_BOX
        cell.font = Font(name="Arial", size=9, bold=bold, color="FFFFFF" if fill else None)
        cell.alignment = Alignment(
            horizontal="left" if col == 1 else "center", vertical="center", wrap_text=wrap_first or col > 1
        )
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def monmouthshire(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Children's Services Q2"
    _xlsx_page(ws)
    ws["A1"] = "Monmouthshire County Council – Children's Services Scorecard, Quarter 2 2015/16"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws["A2"] = "National performance indicators (Wales) and service activity"
    ws["A2"].font = Font(name="Arial", size=10, italic=True)
    headers = ["Performance Indicator", "2014/15", "Q2 2015/16", "Direction of travel"]
    _xlsx_row(ws, 4, headers, bold=True, fill="5B2C6F")
    rows = [
        ["SCC/011b – Initial assessments where the child is seen alone", "57.4%", "43.2%", "Declined"],
        ["SCC/016 – Child in need reviews carried out in timescale", "85.2%", "59.5%", "Declined"],
        ["SCC/025 – Looked after children statutory visits in timescale", "84.5%", "80.6%", "Declined"],
        ["SCC/041a – Reviews of pathway plans for eligible children", "98%", "100%", "Improved"],
        ["Number of looked after children", "108", "121", "Increased"],
        ["Number of children on the child protection register", "49", "41", "Decreased"],
    ]
    for i, values in enumerate(rows, start=5):
        _xlsx_row(ws, i, values)
    for col, width in zip("ABCD", (62, 12, 14, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws["A12"] = "2014/15: end of year position. Q2 2015/16: position at 30 September 2015."
    ws["A12"].font = Font(name="Arial", size=8)
    wb.save(out)


def kent_early_help(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "EHPS Scorecard"
    _xlsx_page(ws)
    ws["A1"] = "Kent County Council – Early Help & Preventative Services Monthly Scorecard"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws["A2"] = "August 2015 release (July 2015 data)"
    ws["A2"].font = Font(name="Arial", size=10, italic=True)
    # a group header row above the header row: its cells are merged over the columns they name
    _xlsx_row(ws, 4, ["", "Monthly position", "", "Trend"], bold=True, fill="1F4E79")
    ws.merge_cells("B4:C4")
    _xlsx_row(ws, 5, ["Indicator", "Jun-15", "Jul-15", "Direction of travel"], bold=True, fill="1F4E79")
    sections = [
        (
            "Early Help notifications and assessments",
            [
                ["Number of Early Help notifications received", "", "818", ""],
                ["Percentage of assessments completed within 2 weeks of notification", "56.3%", "63.7%", "Improved"],
            ],
        ),
        (
            "Youth Justice",
            [["Number of first time entrants to the Youth Justice System", "583", "492", "Improved"]],
        ),
    ]
    row = 6
    for title, rows in sections:
        _xlsx_row(ws, row, [title, "", "", ""], bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row=row, column=1).fill = PatternFill("solid", fgColor="DDEBF7")
        row += 1
        for values in rows:
            _xlsx_row(ws, row, values)
            row += 1
    for col, width in zip("ABCD", (60, 12, 12, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=row + 1, column=1, value="Blank: not reported in this release.").font = Font(name="Arial", size=8)
    wb.save(out)


def herefordshire_year_end(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Year End 2009-10"
    _xlsx_page(ws)
    ws["A1"] = "Herefordshire Council – Children's Services Performance Digest, Year End 2009/10"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws.merge_cells("A1:E1")
    # two header rows: Ref, Indicator and the trend merged down both; `Outturn` merged over the years
    _xlsx_row(ws, 3, ["Ref", "Indicator", "Outturn", "", "Direction of travel"], bold=True, fill="4F6228")
    _xlsx_row(ws, 4, ["", "", "2008/09", "2009/10", ""], bold=True, fill="4F6228")
    for cells in ("A3:A4", "B3:B4", "C3:D3", "E3:E4"):
        ws.merge_cells(cells)
    _xlsx_row(ws, 5, ["Stay Safe", "", "", "", ""], bold=True)
    ws.merge_cells("A5:E5")
    ws.cell(row=5, column=1).fill = PatternFill("solid", fgColor="EBF1DE")
    _xlsx_row(ws, 6, ["NI 59", "Initial assessments completed within 7 working days", "37.4%", "75.9%", "Improved"])
    _xlsx_row(ws, 7, ["", "Children subject to a child protection plan at 31 March", "104", "147", "Increased"])
    for col, width in zip("ABCDE", (9, 55, 12, 12, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=9, column=1, value="Outturn: position at the end of each financial year.").font = Font(
        name="Arial", size=8
    )
    wb.save(out)


def welsh_housing_q4(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Appendix 4c"
    _xlsx_page(ws)
    ws["A1"] = (
        "Appendix 4c – Community & Children's Services Group – Performance Management Information, Quarter 4 2014/15"
    )
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = [
        "Service Area",
        "Indicator Description",
        "2013/14 Actual Performance",
        "2014/15 Target",
        "Target Q4",
        "Q4 Actual",
        "Performance Q4 vs Target Q4",
    ]
    _xlsx_row(ws, 3, headers, bold=True, fill="00703C")
    sections = [
        (
            "Homelessness and housing advice",
            [
                [
                    "Housing Services",
                    "% of homeless presentations decided within 33 working days (Local)",
                    "80.3",
                    "75.0",
                    "75.0",
                    "87.6",
                    "Green",
                ],
                [
                    "Housing Services",
                    "The average number of working days between homeless presentation and "
                    "discharge of duty for households found to be statutorily homeless (Local)",
                    "84",
                    "90",
                    "90",
                    "61",
                    "Green",
                ],
            ],
        ),
        (
            "Housing – private sector",
            [
                [
                    "Housing Services",
                    "The average number of calendar days taken to deliver a Disabled Facilities "
                    "Grant (DFG) (Statutory)",
                    "232",
                    "270",
                    "270",
                    "205",
                    "Green",
                ],
                [
                    "Housing Services",
                    "The average number of calendar days taken to deliver a low cost adaptation "
                    "works in private dwellings where the Disabled Facilities Grant process is not used (Local)",
                    "71",
                    "85",
                    "85",
                    "53",
                    "Green",
                ],
            ],
        ),
    ]
    row = 4
    for title, rows in sections:
        _xlsx_row(ws, row, [title] + [""] * 6, bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        ws.cell(row=row, column=1).fill = PatternFill("solid", fgColor="E2EFDA")
        row += 1
        for values in rows:
            _xlsx_row(ws, row, values)
            row += 1
    for col, width in zip("ABCDEFG", (16, 60, 13, 11, 10, 10, 14), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


def haringey_cic(out: Path) -> None:
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Haringey Council – Corporate Parenting Advisory Committee")
    _heading(doc, "Children in Care – Performance for the year to the end of May 2017", 14, "00505C")
    doc.add_paragraph(
        "Key indicators for children in care. Figures at the end of May 2017 unless stated; the placement "
        "measures are provisional figures for the year to March 2017."
    )
    headers = ["Indicator", "Haringey", "Statistical neighbours", "England"]
    rows = [
        ["Number of children in care", "434", "", ""],
        ["Rate of children in care per 10,000 population", "71", "", ""],
        ["Percentage of children in care with three or more placement moves in the year", "10%", "7%", "10%"],
        [
            "Percentage of children under 16 in care for at least 2.5 years in the same placement for at least 2 years",
            "77.5%",
            "",
            "68%",
        ],
        ["Percentage of children in care for over a month with an up to date health assessment", "94%", "", ""],
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00505C")
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [9.5, 2.4, 2.8, 2.2])
    doc.add_paragraph()
    doc.add_paragraph("Blank cells: no comparator published for that measure.")
    doc.save(out)


def darlington_q1_rotated(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Q1 2018-19"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children and Young People Performance Indicators, Quarter 1 2018/19"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Theme", "Indicator", "Q1 2017/18", "Q1 2018/19", "Target", "Statistical neighbours", "National"]
    _xlsx_row(ws, 3, headers, bold=True, fill="1F3864")
    # period and comparator headers turned 90 degrees, the way narrow scorecard columns are set in Excel
    for col in range(3, 8):
        ws.cell(row=3, column=col).alignment = Alignment(
            horizontal="center", vertical="center", text_rotation=90, wrap_text=True
        )
    ws.row_dimensions[3].height = 80
    rows = [
        ["Front door", "Contacts completed within 24 working hours", "", "94.2%", "", "", ""],
        ["", "Initial Child Protection Conferences held within 15 working days", "", "98%", "", "", ""],
        ["", "Child Protection reviews completed within timescale", "", "100%", "", "", ""],
        [
            "Children looked after",
            "Looked after children with a Review Health Assessment completed",
            "",
            "94.1%",
            "",
            "",
            "",
        ],
        ["", "Statutory visits to looked after children completed within timescale", "", "93.2%", "90%", "", ""],
        [
            "",
            "Looked after children with three or more placement moves in the last 12 months",
            "15.9%",
            "9.6%",
            "",
            "9.5%",
            "10%",
        ],
        ["", "Looked after reviews completed within timescale", "", "100%", "", "", ""],
        ["", "Return home interviews completed within 72 hours", "", "92.5%", "", "", ""],
        ["Care leavers", "Care leavers not in employment, education or training", "", "27.5%", "", "", ""],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
    # theme cells merged down their rows
    for cells in ("A4:A6", "A7:A11"):
        ws.merge_cells(cells)
    for col, width in zip("ABCDEFG", (14, 58, 9, 9, 9, 9, 9), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=14, column=1, value="Blank: not reported for the quarter.").font = Font(name="Arial", size=8)
    wb.save(out)


# ------------------------------------------- dev, round 3: five layouts of issue 8's failing families


def gwynedd_children(out: Path) -> None:
    """Welsh performance report: code, description, three years, trend, Wales and family comparators,
    performance against Wales, and a comment row merged across the table under some measures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Children and Young People"
    _xlsx_page(ws)
    ws["A1"] = "GWYNEDD PERFORMANCE REPORT 2015-16 – Children and Young People"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws.merge_cells("A1:I1")
    headers = [
        "Ref.",
        "Description",
        "2013/14",
        "2014/15",
        "2015/16",
        "Trend",
        "Wales (2015/16)",
        "Family (2015/16)",
        "Performance against Wales",
    ]
    _xlsx_row(ws, 3, headers, bold=True, fill="7A1E2B")
    rows = [
        (["Adn28", "Percentage of empty places within the schools of the county", 28, 26, 25, "Improve", "-", "-", "-"],
         None),
        (
            [
                "CSP3",
                "Percentage of the progress made by families following the intervention of the Team Around the "
                "Family, Gyda'n Gilydd Team",
                15,
                30.8,
                25.3,
                "Worsen",
                "-",
                "-",
                "-",
            ],
            "Comment: The percentage of progress has reduced, because the nature of the families with which we work "
            "has become far more complex and at a higher level in the care continuum. Fewer cases which require "
            "early intervention are dealt with.",
        ),
        (
            [
                "DANS08",
                "Percentage of pupils aged 16 who achieve the Level 2 Threshold (5 A* – C Grades) or equivalent",
                81.55,
                87.7,
                88.9,
                "Improve",
                "-",
                "-",
                "-",
            ],
            None,
        ),
        (
            ["DGD17", "Percentage of young people 16-18 not in education, work or training", 3, 1.7, 1.8, "Worsen", "-",
             "-", "-"],
            "Comment: The Welsh Government's official figures for the NEET group in Gwynedd for 2015 is 1.8%, a total "
            "of 24 young people. This is being addressed in the Council's strategic plan.",
        ),
    ]
    row = 4
    for values, comment in rows:
        _xlsx_row(ws, row, values)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="left", vertical="center")
        row += 1
        if comment:
            _xlsx_row(ws, row, [comment] + [""] * 8)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
            ws.cell(row=row, column=1).font = Font(name="Arial", size=8, italic=True)
            ws.row_dimensions[row].height = 26
            row += 1
    for col, width in zip("ABCDEFGHI", (9, 52, 9, 9, 9, 10, 10, 10, 13), strict=True):
        ws.column_dimensions[col].width = width
    # the comparator headers wrap in their narrow columns
    ws.row_dimensions[3].height = 36
    wb.save(out)


def darlington_q3_cic(out: Path) -> None:
    """Children's social care table with a target, the same period last year and three comparator columns
    (statistical neighbours, the region, England), headers wrapped over three lines in narrow columns."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _footer(doc, "Darlington Borough Council – Children and Young People Scrutiny Committee")
    _heading(doc, "Performance Indicators Quarter 3 2020/21", 14, "00594F")
    doc.add_paragraph(
        "Quarter 3 (October to December 2020) position of the indicators agreed by the Monitoring and "
        "Co-ordination Group. Benchmarks are the latest published averages."
    )
    headers = [
        "Indicator",
        "Q3 2020/21",
        "Target",
        "Same period last year",
        "Statistical neighbours",
        "North East",
        "England",
    ]
    rows = [
        [
            "Initial Child Protection Conferences held within 15 working days of the strategy meeting",
            "92.5%",
            "",
            "",
            "",
            "",
            "",
        ],
        ["Children with a Child Protection plan who have an allocated social worker", "100%", "", "", "", "", ""],
        ["Children in Care who have an allocated social worker", "100%", "", "", "", "", ""],
        [
            "Children ceasing a Child Protection plan who had been subject to it for 2 years or more (year to date)",
            "0%",
            "5%",
            "",
            "",
            "",
            "",
        ],
        [
            "Children on a Child Protection plan who received a statutory visit within 10 working days",
            "85.8%",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "Statutory visits to Children in Care completed within timescale (year to date)",
            "93.4%",
            "90%",
            "88.2%",
            "",
            "",
            "",
        ],
        [
            "Children in Care with three or more placements within the previous 12 months",
            "6.7%",
            "10%",
            "10.7%",
            "9.9%",
            "10%",
            "10%",
        ],
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00594F")
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [11.0, 2.0, 1.8, 2.2, 2.4, 1.9, 2.0])
    doc.add_paragraph()
    doc.add_paragraph("Blank: no target or benchmark set for the indicator.")
    doc.save(out)


def harrow_cla(out: Path) -> None:
    """Corporate parenting activity report: a table that starts at the foot of page 1 and runs on to
    page 2 under its repeated header, with comparator columns."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "London Borough of Harrow – Corporate Parenting Panel")
    _heading(doc, "Corporate Parenting Panel – Information Report: Activity and Performance", 14, "5B2C6F")
    doc.add_paragraph("Report of the Interim Corporate Director of People")
    for text in (
        "This report sets out activity for Children Looked After (CLA) and care leavers as at February 2018 and "
        "the provisional performance position at the end of January 2018. National and comparator data are "
        "included to give context.",
        "The number of children looked after has decreased since the matter was last reported to the Panel. "
        "Overall, the health indicators of children looked after remain positive, although improvements in "
        "immunisation and in the strengths and difficulties questionnaire (emotional health) are required.",
        "Attendance at school of children looked after needs to be monitored closely, including the number of "
        "fixed term exclusions. Quarter 3 data show an increase in offending by children looked after.",
        "The percentage of care leavers in suitable accommodation has increased since last quarter. More care "
        "leavers are not in education, employment or training than in quarter 2; all efforts are made to help "
        "young people gain skills and training through Xcite and similar projects.",
        "The comparator data show that the percentage of children looked after in Harrow who had been missing "
        "during 2017 was higher than the England average, but in line with the Council's statistical neighbours. "
        "The percentage of children with a missing incident and of those away from placement has remained stable "
        "since the last quarter.",
        "Care leavers: the service keeps in touch with all care leavers aged 17 to 21 and offers a personal "
        "adviser to those aged up to 25. Suitable accommodation covers supported lodgings, staying put with "
        "former foster carers, semi-independent and independent tenancies.",
        "Health: annual health assessments, dental checks and immunisations are reported for children looked "
        "after continuously for at least twelve months; the strengths and difficulties questionnaire is completed "
        "by carers for children aged 4 to 16.",
        "Education: the virtual school monitors attendance, exclusions and personal education plans each term and "
        "reports to the Panel separately.",
        "Placements: most children looked after live with foster carers, in house or with independent fostering "
        "agencies; a small number live in residential children's homes or are placed with parents. Placement "
        "stability, distance from home and the sufficiency of local placements are reported to the Panel each "
        "quarter with the commissioning plan.",
        "Missing episodes: every child who returns from a missing episode is offered a return home interview by "
        "an independent worker, and the findings are shared with the child's social worker and the police "
        "where there is a risk of exploitation.",
        "Offending: the youth offending service and the children looked after teams meet monthly to review the "
        "children looked after who are known to the service and the support offered to them.",
        "Members are asked to note the report. The key figures are in the table below.",
    ):
        para = doc.add_paragraph(text)
        para.paragraph_format.space_after = Pt(10)
    headers = ["Measure", "Previous report", "Latest", "Statistical neighbours", "England"]
    rows = [
        ["Number of children looked after", "179", "160", "", ""],
        ["Percentage of care leavers in suitable accommodation", "", "86%", "", ""],
        ["Percentage of care leavers not in employment, education or training", "", "29%", "", ""],
        ["Percentage of children looked after who had a missing incident during 2017", "", "14%", "14%", "10%"],
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "5B2C6F")
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=10, align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    # rows may not break across pages, so the table breaks between rows
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    _widths(table, [7.4, 2.4, 2.0, 3.0, 2.4])
    doc.add_paragraph()
    doc.add_paragraph("Previous report: position last reported to the Panel. Latest: February 2018 (provisional).")
    doc.save(out)


def _rotated_header_row(ws, row: int, first: int, last: int, height: float) -> None:
    # header text turned 90 degrees in a row far too short for it: LibreOffice then clips or overlaps it
    for col in range(first, last + 1):
        ws.cell(row=row, column=col).alignment = Alignment(
            horizontal="center", vertical="center", text_rotation=90, wrap_text=True
        )
    ws.row_dimensions[row].height = height


def darlington_year_end_2019_20(out: Path) -> None:
    """Excel year-end scorecard: the period, target and RAG headers rotated in a short header row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Year End 2019-20"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children and Young People Scorecard, Quarter 4 (Year End) 2019/20"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Ref", "Indicator", "Year End 2019/20", "Target 2019/20", "RAG", "Polarity"]
    _xlsx_row(ws, 3, headers, bold=True, fill="1F3864")
    _rotated_header_row(ws, 3, 3, 6, 30)
    rows = [
        ["CYP01", "Re-referrals to children's social care within 12 months", "17.2%", "18%", "Green", "Lower"],
        ["CYP02", "Children with a Child Protection Plan who have an allocated qualified social worker", "100%", "",
         "", "Higher"],
        ["CYP03", "Children Looked After who have an allocated qualified social worker", "100%", "", "", "Higher"],
        ["CYP04", "Child Protection Plans ceased that had lasted 2 years or more (year to date)", "0.6%", "5%",
         "Green", "Lower"],
        ["CYP05", "Statutory looked after children visits completed within timescale", "89.0%", "", "", "Higher"],
        ["CYP06", "Looked after children aged under 16 (looked after for at least 2.5 years) in the same placement "
         "for at least 2 years", "73.6%", "", "", "Higher"],
        ["CYP07", "Looked after children due a review health check who received it within timescale", "94.3%", "", "",
         "Higher"],
        ["CYP08", "Looked after children due a review dental check who received it within timescale", "90.2%", "", "",
         "Higher"],
        ["CYP09", "Care leavers not in employment, education or training (NEET)", "28.1%", "", "", "Lower"],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
        if values[4] == "Green":
            ws.cell(row=i, column=5).fill = PatternFill("solid", fgColor="C6EFCE")
    for col, width in zip("ABCDEF", (8, 62, 7, 7, 7, 7), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=15, column=1, value="Blank: no target set; figure for information.").font = Font(name="Arial", size=8)
    wb.save(out)


def darlington_q4_2017_18(out: Path) -> None:
    """Excel quarterly scorecard: a group row merged over the year columns, then period headers rotated in a
    row too short for them, and a theme column merged down its rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Q4 2017-18"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children's Social Care Performance, Quarter 4 2017/18 (outturn)"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    _xlsx_row(ws, 3, ["Area", "Indicator", "Performance", "", "", "DOT"], bold=True, fill="2F5597")
    ws.merge_cells("C3:E3")
    _xlsx_row(ws, 4, ["", "", "Quarter 4 2017/18", "Target 2017/18", "Year End 2016/17", ""],
              bold=True, fill="2F5597")
    _rotated_header_row(ws, 4, 3, 5, 24)
    for cells in ("A3:A4", "B3:B4", "F3:F4"):
        ws.merge_cells(cells)
    rows = [
        ["Front door", "Contacts completed within one working day", "96.7%", "95%", "", "↑"],
        ["", "Contacts completed in more than three working days", "0.6%", "", "", "↓"],
        ["", "Referrals completed within one working day", "96%", "90%", "", "↑"],
        ["", "Referrals taking more than 72 hours to complete", "1.8%", "5%", "", "↓"],
        ["Assessment", "Assessments completed within 45 working days", "93.3%", "90%", "", "↑"],
        ["Reviews and visits", "Child protection reviews completed within timescale", "100%", "", "", "↔"],
        ["", "Looked After Children reviews completed within timescale", "100%", "", "", "↔"],
        ["", "Looked After Children statutory visits completed within timescale", "93.4%", "90%", "", "↑"],
    ]
    for i, values in enumerate(rows, start=5):
        _xlsx_row(ws, i, values)
    for cells in ("A5:A8", "A10:A12"):
        ws.merge_cells(cells)
    for col, width in zip("ABCDEF", (13, 58, 7, 7, 7, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=14, column=1, value="DOT: direction of travel against Quarter 3.").font = Font(name="Arial", size=8)
    wb.save(out)


def darlington_2018_19_overlapping(out: Path) -> None:
    """Excel scorecard of two quarters whose rotated, wrapped headers sit in a 15 pt row: each label
    breaks every two or three letters into lines side by side, wider than its narrow column, and
    LibreOffice prints them over the neighbouring columns' labels."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Q3-Q4 2018-19"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children and Young People Performance Indicators 2018/19"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Indicator", "Quarter 3 2018/19", "Quarter 4 2018/19", "Target 2018/19", "RAG"]
    _xlsx_row(ws, 3, headers, bold=True, fill="1F3864")
    _rotated_header_row(ws, 3, 2, 5, 15)
    rows = [
        ["Referrals screened and completed within one working day", "", "98.2%", "90%", "Green"],
        ["Re-referrals within 12 months", "", "17.5%", "18%", "Green"],
        ["Children with a Child Protection Plan who have an allocated social worker", "100%", "100%", "", ""],
        ["Children Looked After who have an allocated social worker", "100%", "100%", "", ""],
        ["Statutory child protection visits completed within 15 working days", "94.2%", "95.7%", "", ""],
        ["Statutory child protection visits completed within 10 working days", "77.8%", "79.4%", "", ""],
        ["Statutory looked after children visits completed within timescale", "89.6%", "82.6%", "", ""],
        ["Looked after children due a dental check who received it within timescale", "", "92.1%", "", ""],
        ["Care Leavers not in employment, education or training (NEET)", "19.3%", "25%", "33%", "Green"],
        ["Rate of Looked After Children per 10,000 population", "111.6", "110.6", "", ""],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
    for col, width in zip("ABCDE", (62, 6, 6, 6, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=15, column=1, value="Blank: not reported for the quarter or no target set.").font = Font(
        name="Arial", size=8
    )
    wb.save(out)


# ---------------------------------- dev, round 4: angled, stacked and clockwise headers (Excel, issue 8)


def _turned_header_row(ws, row: int, first: int, last: int, height: float, rotation: int) -> None:
    # header text set at an angle (45: "angle counterclockwise"; 255: Excel's "vertical text", one upright
    # letter per line; 180: turned 90 degrees clockwise) in a row of the given height
    for col in range(first, last + 1):
        ws.cell(row=row, column=col).alignment = Alignment(
            horizontal="center", vertical="bottom", text_rotation=rotation, wrap_text=rotation != 255
        )
    ws.row_dimensions[row].height = height


def _rag_fill(ws, row: int, col: int) -> None:
    colours = {"Green": "C6EFCE", "Amber": "FFEB9C", "Red": "FFC7CE"}
    word = ws.cell(row=row, column=col).value
    if word in colours:
        ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor=colours[word])


def lancashire_angled(out: Path) -> None:
    """Excel comparator scorecard: period and area headers set at 45 degrees over narrow columns, theme
    cells merged down their rows, long measure names wrapped, RAG cells shaded."""
    wb = Workbook()
    ws = wb.active
    ws.title = "CSC 2021-22"
    _xlsx_page(ws)
    ws["A1"] = "Lancashire County Council (Lancashire-12) – Children's Social Care Key Findings 2021/22"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Theme", "Measure", "Lancashire 2018", "Lancashire 2021/22", "North West 2021/22",
               "England 2021/22", "RAG"]
    _xlsx_row(ws, 3, headers, bold=True, fill="1F3864")
    _turned_header_row(ws, 3, 3, 7, 70, 45)
    rows = [
        ["Referrals", "Rate of cases referred to children's social care per 10,000 children aged under 18",
         "459.9", "253.9", "548.1", "537.7", "Green"],
        ["", "Re-referrals: new referral received within 12 months of a previous referral (percentage of "
         "referrals)", "", "19.1%", "22%", "21.5%", "Green"],
        ["Assessments", "Assessments completed within 45 working days of the referral (percentage of assessments "
         "completed in the year)", "78.3%", "90%", "81.2%", "84.5%", "Green"],
        ["", "Referrals resulting in an assessment that found the child not to be in need (percentage of "
         "assessments)", "33.8%", "18.9%", "", "", "Amber"],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
        _rag_fill(ws, i, 7)
        ws.row_dimensions[i].height = 26  # two lines of the wrapped measure name
    for cells in ("A4:A5", "A6:A7"):
        ws.merge_cells(cells)
    for col, width in zip("ABCDEFG", (13, 44, 7, 7, 7, 7, 7), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=9, column=1, value="Lancashire-12: the county council area. Blank: not published.").font = Font(
        name="Arial", size=8
    )
    wb.save(out)


def darlington_q3_2021_22_vertical(out: Path) -> None:
    """Excel quarterly scorecard whose period, target and RAG headers are Excel's "vertical text" (one
    upright letter under another), merged theme cells, wrapped measure names, shaded RAG cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Q3 2021-22"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children and Young People Performance Indicators, Quarter 3 2021/22"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Theme", "Indicator", "Q3 2020/21", "Q3 2021/22", "Target", "RAG"]
    _xlsx_row(ws, 3, headers, bold=True, fill="2F5597")
    _turned_header_row(ws, 3, 3, 6, 118, 255)
    rows = [
        ["Referral and assessment", "Children referred during the quarter who had been re-referred to children's "
         "social care within 12 months of a previous referral", "", "10.8%", "18%", "Green"],
        ["", "Initial Child Protection Conferences held within 15 working days from the strategy meeting or "
         "Section 47 being initiated", "", "92.1%", "", ""],
        ["Child protection", "Children with a Child Protection plan who have an allocated social worker", "",
         "100%", "", ""],
        ["", "Children ceasing to be subject to a Child Protection plan who had been subject to it for two years "
         "or more", "", "0%", "5%", "Green"],
        ["Children in care", "Number of Children in Care at the end of the quarter", "284", "271", "", ""],
        ["", "Children in Care who have an allocated qualified social worker", "", "100%", "", ""],
        ["", "Children in Care reviews completed within the required timescales", "", "98.4%", "", ""],
        ["", "Statutory visits to Children in Care completed within timescale", "", "89.8%", "90%", "Amber"],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
        _rag_fill(ws, i, 6)
        ws.row_dimensions[i].height = 26 if len(values[1]) > 70 else 14
    for cells in ("A4:A5", "A6:A7", "A8:A11"):
        ws.merge_cells(cells)
    for col, width in zip("ABCDEF", (14, 60, 6, 6, 6, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=13, column=1, value="Q3 2020/21: same quarter last year, where reported.").font = Font(
        name="Arial", size=8
    )
    wb.save(out)


def darlington_q1_2022_23_clockwise(out: Path) -> None:
    """Excel quarterly scorecard whose headers are turned 90 degrees clockwise in a row too short for
    them, merged theme cells, wrapped measure names, shaded RAG cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Q1 2022-23"
    _xlsx_page(ws)
    ws["A1"] = "Darlington Borough Council – Children and Young People Performance Indicators, Quarter 1 2022/23"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Theme", "Indicator", "Q1 2020/21", "Q1 2021/22", "Q1 2022/23", "Threshold", "RAG"]
    _xlsx_row(ws, 3, headers, bold=True, fill="1F3864")
    _turned_header_row(ws, 3, 3, 7, 34, 180)
    rows = [
        ["Front door", "Referrals screened and completed within one working day", "", "", "79.6%", "", ""],
        ["", "Referrals which took more than three working days to be completed", "", "5.6%", "1.9%", "5%",
         "Green"],
        ["", "Children re-referred to Children's Social Care within 12 months of a previous referral", "", "",
         "16.1%", "18%", "Green"],
        ["Allocation and reviews", "Children with a Child Protection plan who have an allocated social worker", "",
         "", "100%", "", ""],
        ["", "Children in Care who have an allocated social worker", "", "", "100%", "", ""],
        ["", "Child Protection plan reviews completed within timescale", "", "", "100%", "", ""],
        ["", "Children in Care reviews completed within timescale", "", "", "98.8%", "", ""],
        ["Children in care", "Number of Children in Care at the end of the quarter (excluding unaccompanied "
         "asylum-seeking children)", "291", "264", "273", "", ""],
    ]
    for i, values in enumerate(rows, start=4):
        _xlsx_row(ws, i, values)
        _rag_fill(ws, i, 7)
        ws.row_dimensions[i].height = 26 if len(values[1]) > 70 else 14
    for cells in ("A4:A6", "A7:A10"):
        ws.merge_cells(cells)
    for col, width in zip("ABCDEFG", (13, 60, 6, 6, 6, 6, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=13, column=1, value="Blank: not reported or no threshold set.").font = Font(name="Arial", size=8)
    wb.save(out)

# ------------------------------------------------ dev: KPI blocks laid out as councils do (issue 8, tiles helper)


def _tab_stops(para, positions_cm: list[float]) -> None:
    stops = para.paragraph_format.tab_stops
    for pos in positions_cm:
        stops.add_tab_stop(Cm(pos))


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


_BAR_CHART = (
    '<svg class="chart" width="150" height="34" viewBox="0 0 150 34">{bars}'
    '<line x1="0" y1="33" x2="150" y2="33" stroke="#999" stroke-width="1"/></svg>'
)


def _bars(heights: list[int]) -> str:
    bars = "".join(
        f'<rect x="{4 + 24 * i}" y="{33 - h}" width="16" height="{h}" fill="#8fb3d9"/>' for i, h in enumerate(heights)
    )
    return _BAR_CHART.format(bars=bars)


HARINGEY_BLOCKS = [
    # (title, [(label, figure)]) – labels beside their figures, with a colon and a period per value
    ("Number of Children in Care", [("Latest (Sep 2023)", "334"), ("Previous (Jun 2023)", "334")]),
    ("Unaccompanied asylum seeking children in care", [("Latest (Sep 2023)", "26")]),
    ("Children coming into care aged three and under", [("Latest (Sep 2023)", "42")]),
    ("Children in Care under 16 with an up-to-date care plan", [("Latest (Sep 2023)", "77%")]),
    ("Children in Care aged 16 and 17 with an up-to-date pathway plan", [("Latest (Sep 2023)", "67%")]),
    ("Children in Care with an up-to-date Personal Education Plan", [("Latest (Sep 2023)", "95%")]),
    (
        "Children in Care with three or more placement moves in the past two years",
        [("Latest (Sep 2023)", "8%"), ("Previous (Jun 2023)", "10%")],
    ),
    (
        "Children under 16 in care for at least 2.5 years in the same placement for at least two years",
        [("Latest (Sep 2023)", "57%")],
    ),
    ("Children in Care with up-to-date health assessments", [("Latest (Sep 2023)", "94%")]),
    ("Children in Care with up-to-date dental checks", [("Latest (Sep 2023)", "79%")]),
]


def haringey_cpac_blocks(out: Path) -> None:
    """HTML KPI blocks three across in a CSS grid (no <table>): a wrapped title, then labelled values
    beside one another, each label with its period and a colon (`Latest (Sep 2023): 77%`), a commentary
    line and a small bar chart. Printed by Chromium."""
    css = (
        "body{font-family:Verdana,Arial,sans-serif;margin:20px;color:#1b1b1b}"
        "h1{font-size:18px;color:#0b5394;margin:0 0 4px}p.sub{font-size:12px;margin:0 0 14px}"
        ".grid{display:grid;grid-template-columns:repeat(3,1fr);column-gap:14px;row-gap:16px}"
        ".kpi{border-left:5px solid #0b5394;background:#f3f6fa;padding:8px 10px;break-inside:avoid}"
        ".kpi h2{font-size:12px;margin:0 0 6px}.vals{font-size:11px}.vals span{margin-right:12px}"
        ".vals b{font-size:13px}.note{font-size:9px;color:#555;margin-top:4px}"
    )
    notes = {
        "Number of Children in Care": "The same number as at the end of June.",
        "Children in Care with three or more placement moves in the past two years": "Down on the previous period.",
        "Children in Care with up-to-date dental checks": "Below the expected level.",
    }
    blocks = []
    for n, (title, labels) in enumerate(HARINGEY_BLOCKS):
        values = "".join(f"<span>{label}: <b>{figure}</b></span>" for label, figure in labels)
        note = f'<div class="note">{notes[title]}</div>' if title in notes else ""
        blocks.append(
            f'<div class="kpi"><h2>{title}</h2><div class="vals">{values}</div>{note}'
            f"{_bars([12 + (n * 7 + k * 5) % 20 for k in range(6)])}</div>"
        )
    body = (
        "<h1>Corporate Parenting Advisory Committee</h1>"
        '<p class="sub">Performance Management: children and families – children in care, quarter 2 2023/24</p>'
        f'<div class="grid">{"".join(blocks)}</div>'
    )
    out.write_text(_html_page("Haringey children in care performance", body, css), encoding="utf-8")


DARLINGTON_Q3_BLOCKS = [
    # (title, RAG symbol, [(label, figure)], commentary) – labels beside their figures, no colon
    (
        "Children referred to Children's Social Care who were re-referred within 12 months of a previous referral",
        "●",
        [("Latest (Q3 2021/22)", "10.8%"), ("Target", "18%")],
        "Positively below the internal target.",
    ),
    ("Children with a Child Protection plan who have an allocated social worker", "●", [("Latest", "100%")], ""),
    ("Children in Care who have an allocated social worker", "●", [("Latest", "100%")], ""),
    (
        "Children ceasing a Child Protection plan who had been subject to the plan for two years or more",
        "●",
        [("Latest (Q3 2021/22)", "0%"), ("Target", "5%")],
        "No child ceased a plan after two or more years.",
    ),
    (
        "Initial Child Protection Conferences held within 15 working days of the strategy meeting",
        "",
        [("Latest (Q3 2021/22)", "92.1%")],
        "",
    ),
    (
        "Number of Children in Care at the end of the quarter",
        "",
        [("Latest (Dec 2021)", "271"), ("Same period last year", "284")],
        "Work continues to safely reduce the number of children coming into care.",
    ),
    ("Children in Care reviews completed within the required timescales", "", [("Latest", "98.4%")], ""),
    (
        "Statutory visits to Children in Care completed within timescale",
        "▲",
        [("Latest (Q3 2021/22)", "89.8%"), ("Target", "90%")],
        "In line with the target.",
    ),
]


def darlington_q3_2021_22_blocks(out: Path) -> None:
    """HTML KPI blocks two across in flex rows (no <table>): a title wrapped over two or three lines with a
    RAG symbol beside its first line, labelled values beside one another without a colon (`Target 18%`),
    a commentary line and a small chart. Blocks may break across the page. Printed by Chromium."""
    css = (
        "body{font-family:Arial,Helvetica,sans-serif;margin:22px;color:#222}"
        "h1{font-size:19px;margin:0 0 4px;color:#6a1b4d}p.sub{font-size:12px;margin:0 0 16px}"
        ".row{display:flex;gap:18px;margin-bottom:18px}.block{flex:1;border-top:3px solid #6a1b4d;padding:6px 4px}"
        ".head{display:flex;justify-content:space-between;gap:10px}.head h2{font-size:13px;margin:0 0 6px;"
        "width:80%}.rag{font-size:14px;color:#2e7d32}.vals{font-size:12px}.vals span{margin-right:16px}"
        ".comment{font-size:11px;color:#444;margin:6px 0}p.para{font-size:12px;line-height:1.5}"
    )
    intro = (
        "The report provides Quarter 3 (October to December 2021) performance information in line with the "
        "indicator set agreed by the Monitoring and Co-ordination Group and by each Scrutiny Committee. It shows "
        "where Children and Young People services are performing well and where there is a need to improve. "
        "Where indicators are reported annually, quarterly updates are not available."
    )
    rows = []
    for i in range(0, len(DARLINGTON_Q3_BLOCKS), 2):
        cells = []
        for n, (title, rag, labels, comment) in enumerate(DARLINGTON_Q3_BLOCKS[i : i + 2]):
            values = "".join(f"<span>{label} <b>{figure}</b></span>" for label, figure in labels)
            text = f'<div class="comment">{comment}</div>' if comment else ""
            cells.append(
                f'<div class="block"><div class="head"><h2>{title}</h2><span class="rag">{rag}</span></div>'
                f'<div class="vals">{values}</div>{text}{_bars([8 + (i * 5 + n * 3 + k * 4) % 22 for k in range(6)])}'
                "</div>"
            )
        rows.append(f'<div class="row">{"".join(cells)}</div>')
    body = (
        "<h1>Children and Young People Scrutiny Committee</h1>"
        '<p class="sub">Performance Indicators Quarter 3 2021/22 – report of the Assistant Director of '
        "Children's Services</p>"
        + "".join(f'<p class="para">{intro}</p>' for _ in range(5))
        + "".join(rows)
        + '<p class="para">● on or better than target  ▲ close to target</p>'
    )
    out.write_text(_html_page("Darlington performance indicators Q3 2021/22", body, css), encoding="utf-8")


DARLINGTON_Q1_BLOCKS = [
    # (title, RAG word, [(label, figure)])
    ("Referrals screened and completed within one working day", "RED", [("Latest", "79.8%"), ("Target", "90%")]),
    (
        "Re-referrals to Children's Social Care within 12 months of a previous referral",
        "GREEN",
        [("Latest", "16.7%"), ("Target", "18%")],
    ),
    ("Children with a Child Protection Plan who have an allocated qualified social worker", "GREEN",
     [("Latest", "100%")]),
    ("Children Looked After who have an allocated qualified social worker", "GREEN", [("Latest", "100%")]),
    ("Initial Child Protection Conferences held within 15 working days", "", [("Latest", "89.7%")]),
    (
        "Children who received a statutory Child Protection visit within 10 working days",
        "GREEN",
        [("Latest", "93.6%"), ("Target", "90%"), ("Same period last year", "81.9%")],
    ),
    ("Statutory Children in Care visits completed within timescale", "", [("Latest", "94.3%")]),
    (
        "Children in Care with three or more placements within the previous 12 months",
        "",
        [("Latest", "6.5%"), ("Same period last year", "13%")],
    ),
    ("Care Leavers not in employment, education or training (NEET)", "", [("Latest", "29.6%")]),
    ("Care Leavers in suitable accommodation", "", [("Latest", "100%")]),
]


def darlington_q1_2020_21_blocks(out: Path) -> None:
    """Word table of KPI tiles two across: each tile a cell holding a wrapped bold title with the RAG word
    in a narrow cell beside it, then the labels on one line over their figures on the next (tab stops, no
    colon), then a commentary paragraph. The table's rows may break, so a tile runs over a page break."""
    doc = _base_document(landscape=False, font="Calibri", size=10)
    _footer(doc, "Darlington Borough Council – Children and Young People Scrutiny Committee")
    _heading(doc, "Performance Indicators Quarter 1 2020/21", 14, "00594F")
    doc.add_paragraph("Report of the Director of Children and Adult Services. Quarter 1: April to June 2020.")
    for _ in range(9):
        doc.add_paragraph(
            "The report provides Quarter 1 performance information in line with the indicator set agreed by the "
            "Monitoring and Co-ordination Group and by each Scrutiny Committee. It shows where Children and Young "
            "People services are performing well and where there is a need to improve; where indicators are "
            "reported annually, quarterly updates are not available."
        )
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    comments = {
        "Referrals screened and completed within one working day": "Below target; an area of focus.",
        "Children who received a statutory Child Protection visit within 10 working days":
            "Above target and an improvement on the same period last year.",
        "Children in Care with three or more placements within the previous 12 months": "19 of 291 children.",
    }
    for i in range(0, len(DARLINGTON_Q1_BLOCKS), 2):
        head = table.add_row().cells
        body = table.add_row().cells
        body[0].merge(body[1])
        body[2].merge(body[3])
        for k, (title, rag, labels) in enumerate(DARLINGTON_Q1_BLOCKS[i : i + 2]):
            _cell_text(head[2 * k], title, bold=True, size=10)
            head[2 * k].vertical_alignment = WD_ALIGN_VERTICAL.TOP
            _cell_text(head[2 * k + 1], rag, bold=True, size=8, colour={"RED": "C00000", "GREEN": "00803C"}.get(rag))
            head[2 * k + 1].vertical_alignment = WD_ALIGN_VERTICAL.TOP
            cell = body[2 * k]
            cell.text = ""
            captions = cell.paragraphs[0]
            figures = cell.add_paragraph()
            for para, texts, size, bold in (
                (captions, [label for label, _ in labels], 8, False),
                (figures, [figure for _, figure in labels], 12, True),
            ):
                _tab_stops(para, [2.4, 4.8])
                run = para.add_run("\t".join(texts))
                run.font.size, run.bold = Pt(size), bold
            if title in comments:
                note = cell.add_paragraph()
                note.add_run(comments[title]).font.size = Pt(8)
    _widths(table, [6.6, 1.6, 6.6, 1.6])
    doc.add_paragraph()
    doc.add_paragraph("Latest: Quarter 1 2020/21. Same period last year: Quarter 1 2019/20.")
    doc.save(out)


DARLINGTON_Q4_BLOCKS = [
    # (title, RAG word, [(label, figure)])
    ("Referrals screened and completed within one day", "Green", [("Latest", "98.2%"), ("Target", "90%")]),
    ("Re-referrals repeated within 12 months", "Green", [("Latest", "17.5%"), ("Target", "18%")]),
    ("Children with a Child Protection Plan who have an allocated social worker", "Green", [("Latest", "100%")]),
    ("Children Looked After who have an allocated social worker", "Green", [("Latest", "100%")]),
    ("Children Looked After who received their dental health assessment within timescale", "",
     [("Latest", "92.1%")]),
    ("Care Leavers not in employment, education or training (NEET)", "Green", [("Latest", "25%"), ("Target", "33%")]),
    ("Statutory Child Protection visits completed within 15 working days", "", [("Latest", "95.7%")]),
    ("Statutory Child Protection visits completed within 10 working days", "", [("Latest", "79.4%")]),
    ("Statutory Looked After Children visits completed within timescale", "", [("Latest", "82.6%")]),
    ("Rate of Looked After Children per 10,000 population", "", [("Latest", "110.6")]),
]


def darlington_q4_2018_19_blocks(out: Path) -> None:
    """Word KPI blocks three across in a borderless table: a wrapped title, the RAG word on a line of its
    own under it, then labels with a colon on one line over their figures on the next (`Latest:` over
    `98.2%`), landscape."""
    doc = _base_document(landscape=True, font="Arial", size=9)
    _footer(doc, "Darlington Borough Council")
    _heading(doc, "Children and Young People Scrutiny Committee – Performance Indicators Quarter 4 2018/19", 13)
    doc.add_paragraph("Quarter 4 (January to March 2019). Report of the Director of Children and Adult Services.")
    table = doc.add_table(rows=0, cols=3)
    _no_borders(table)
    for i in range(0, len(DARLINGTON_Q4_BLOCKS), 3):
        cells = table.add_row().cells
        for cell, (title, rag, labels) in zip(cells, DARLINGTON_Q4_BLOCKS[i : i + 3], strict=False):
            _cell_text(cell, title, bold=True, size=10)
            cell.vertical_alignment = WD_ALIGN_VERTICAL.TOP
            if rag:
                run = cell.add_paragraph().add_run(rag.upper())
                run.bold, run.font.size = True, Pt(8)
            captions, figures = cell.add_paragraph(), cell.add_paragraph()
            for para, texts, size in ((captions, [f"{label}:" for label, _ in labels], 8),
                                      (figures, [figure for _, figure in labels], 12)):
                _tab_stops(para, [2.6, 5.2])
                run = para.add_run("\t".join(texts))
                run.font.size = Pt(size)
            spacer = cell.add_paragraph()
            spacer.paragraph_format.space_after = Pt(10)
    _widths(table, [8.4, 8.4, 8.4])
    doc.add_paragraph("Latest: Quarter 4 2018/19 (year end).")
    doc.save(out)


DOCUMENTS = {
    ("dev", "darlington_q2_2022_23"): ("docx", darlington),
    ("dev", "havering_q1_2017_18"): ("docx", havering),
    ("dev", "middlesbrough_corporate_parenting"): ("docx", middlesbrough),
    ("dev", "darlington_year_end_tiles_2020_21"): ("html", darlington_tiles),
    ("dev", "kent_send_quarterly_2024"): ("html", kent_send),
    ("dev", "monmouthshire_scorecard_q2_2015_16"): ("xlsx", monmouthshire),
    ("dev", "kent_early_help_scorecard_jul_2015"): ("xlsx", kent_early_help),
    ("dev", "herefordshire_year_end_2009_10"): ("xlsx", herefordshire_year_end),
    ("dev", "welsh_housing_performance_q4_2014_15"): ("xlsx", welsh_housing_q4),
    ("dev", "haringey_children_in_care_may_2017"): ("docx", haringey_cic),
    ("dev", "darlington_q1_2018_19_rotated_headers"): ("xlsx", darlington_q1_rotated),
    ("dev", "gwynedd_children_performance_2015_16"): ("xlsx", gwynedd_children),
    ("dev", "darlington_q3_2020_21_comparators"): ("docx", darlington_q3_cic),
    ("dev", "harrow_children_looked_after_feb_2018"): ("docx", harrow_cla),
    ("dev", "darlington_year_end_2019_20_short_rotated"): ("xlsx", darlington_year_end_2019_20),
    ("dev", "darlington_q4_2017_18_merged_rotated"): ("xlsx", darlington_q4_2017_18),
    ("dev", "darlington_2018_19_overlapping_rotated"): ("xlsx", darlington_2018_19_overlapping),
    ("dev", "lancashire_csc_2021_22_angled"): ("xlsx", lancashire_angled),
    ("dev", "darlington_q3_2021_22_vertical_text"): ("xlsx", darlington_q3_2021_22_vertical),
    ("dev", "darlington_q1_2022_23_clockwise"): ("xlsx", darlington_q1_2022_23_clockwise),

    ("dev", "haringey_cpac_blocks_q2_2023_24"): ("html", haringey_cpac_blocks),
    ("dev", "darlington_q3_2021_22_blocks"): ("html", darlington_q3_2021_22_blocks),
    ("dev", "darlington_q1_2020_21_tiles_table"): ("docx", darlington_q1_2020_21_blocks),
    ("dev", "darlington_q4_2018_19_label_over_value"): ("docx", darlington_q4_2018_19_blocks),
    ("blind", "devon_send_app_kpis"): ("html", devon),
    ("blind", "conwy_performance_measures"): ("xlsx", conwy),
    ("blind", "cheshire_west_outcome_tiles"): ("html", cheshire_west),
    ("blind", "rotherham_cyps_year_end_2016_17"): ("xlsx", rotherham_year_end),
    ("blind", "rotherham_children_in_care_q3_2023_24"): ("docx", rotherham_cic),
}


# ------------------------------- dev, round 5: year-end Excel workbooks and Welsh measure tables (issue 8)


def _pct(ws, cell: str, value: float | None, fmt: str = "0.0%") -> None:
    # a figure kept as a number with a number format, the way a workbook holds it
    ws[cell] = value
    ws[cell].number_format = fmt


def hertfordshire_cypp_2006_07(out: Path) -> None:
    """Excel year-end review printed from the workbook: the title only in the page header, gridlines printed
    instead of cell borders, a merged outcome section row, outcome cells merged down their KPIs, figures kept as
    numbers with % formats, traffic-light cells filled with no word in them, long comments wrapped."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Being Healthy"
    _xlsx_page(ws)
    ws.oddHeader.left.text = "Hertfordshire Children's Trust Partnership"
    ws.oddHeader.center.text = "Children and Young People's Plan – Performance Review 2006/07"
    ws.oddHeader.center.font = "Arial,Bold"
    ws.oddHeader.right.text = "Appendix B"
    ws.oddFooter.center.text = "Page &P of &N"
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:1"
    headers = ["Outcome", "KPI", "Baseline", "Target 06/07", "Actual 06/07", "Traffic Light", "Comments"]
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font = Font(name="Arial", size=9, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(row=2, column=1, value="BEING HEALTHY").font = Font(name="Arial", size=10, bold=True, color="FFFFFF")
    ws.cell(row=2, column=1).fill = PatternFill("solid", fgColor="00703C")
    ws.merge_cells("A2:G2")
    rows = [
        ("Tackle obesity", "Percentage of obese children under 11", "4.6% (2002)", "No target set", "N/A", None,
         "10,000 Year 6 Herts pupils are due to be measured in Autumn 2007 to allow future measurement of "
         "childhood obesity"),
        ("Increase physical activity", "Percentage of 5 to 16 year olds who spend a minimum of 2 hours each week on "
         "Physical Education (PE) and school sport", 0.83, 0.80, "N/A (Autumn 2007)", None,
         "Expected outturn of 80% for Autumn 2007 when PESCCL survey is completed"),
        (None, "Percentage of Hertfordshire schools achieving Healthy School Status by 2009", 0.0, 0.60, 0.55,
         "FFEB9C", "Good progress reported with LAA target"),
        (None, "Percentage of 5 to 16 year olds who travel to school using sustainable modes of transport, including "
         "\u201cactive transport\u201d (cycling, walking)", 0.565, 0.58, 0.66, "C6EFCE",
         "LAA Year 1 target exceeded – survey to be re-examined in Year 2"),
    ]
    for r, (outcome, kpi, base, target, actual, light, comment) in enumerate(rows, start=3):
        for col, value in enumerate((outcome, kpi, base, target, actual, None, comment), start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font = Font(name="Arial", size=9)
            cell.alignment = Alignment(horizontal="left" if col in (1, 2, 7) else "center", vertical="top",
                                       wrap_text=True)
            if isinstance(value, float):
                cell.number_format = "0.0%" if round(value * 1000) % 10 else "0%"
        if light:
            ws.cell(row=r, column=6).fill = PatternFill("solid", fgColor=light)
    ws.merge_cells("A4:A6")
    for col, width in zip("ABCDEFG", (16, 48, 11, 11, 12, 9, 44), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


def darlington_year_end_2020_21_workbook(out: Path) -> None:
    """Excel year-end scorecard printed as one page scaled down (fit to 1 x 1) from a workbook of two sheets:
    figures as numbers with number formats, a hidden column, a column too narrow for its letters, comparator
    columns, RAG fills and a second sheet holding a bar chart of the outturns."""
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Year End 2020-21"
    _xlsx_page(ws)
    ws.page_setup.fitToHeight = 1
    ws.print_options.gridLines = False
    ws["A1"] = "Darlington Borough Council – Children and Young People Scrutiny Committee"
    ws["A1"].font = Font(name="Arial", size=14, bold=True)
    ws["A2"] = "Performance Indicators 2020/21 – Year End (April 2020 to March 2021)"
    ws["A2"].font = Font(name="Arial", size=11, bold=True, color="1F3864")
    ws.merge_cells("A1:M1")
    ws.merge_cells("A2:M2")
    headers = ["Ref", "Indicator", "Freq", "Polarity", "2019/20 outturn", "2020/21 outturn", "Target 2020/21",
               "RAG", "DoT", "Stat neighbours", "North East", "England", "Comment", "Source"]
    _xlsx_row(ws, 4, headers, bold=True, fill="1F3864")
    rows = [
        ("CYP01", "Initial Child Protection Conferences held within 15 working days of the strategy meeting / "
         "section 47 being initiated", "Q", "High", None, 0.944, None, None, "",
         "Higher than statistical neighbour, regional and national averages"),
        ("CYP02", "Children with a Child Protection plan who have an allocated qualified social worker", "Q", "High",
         None, 1.0, None, None, "", ""),
        ("CYP03", "Children in Care who have an allocated qualified social worker", "Q", "High", None, 1.0, None,
         None, "", ""),
        ("CYP04", "Children ceasing to be subject to a Child Protection plan who had been subject to the plan for 2 "
         "or more years", "Q", "Low", None, 0.0, 0.05, "Green", "", "No child during 2020/21"),
        ("CYP05", "Children who received a statutory Child Protection visit within 10 working days", "Q", "High",
         None, 0.89, None, None, "", ""),
        ("CYP06", "Statutory Children in Care visits completed within timescale", "Q", "High", 0.89, 0.931, 0.90,
         "Green", "\u2191", "Improvement on the same period last year"),
        ("CYP07", "Children in Care with three or more placements within the previous 12 months (as at March)", "Q",
         "Low", None, 0.081, 0.10, "Green", "", "Better than the internal target and all benchmarks"),
        ("CYP08", "Children in Care aged under 16 (looked after for at least 2.5 years) in the same placement for at "
         "least 2 years", "A", "High", None, 0.719, None, None, "", ""),
    ]
    comparators = {"CYP07": (0.099, 0.10, 0.10)}
    for r, (ref, name, freq, polarity, before, now, target, rag, dot, comment) in enumerate(rows, start=5):
        sn, ne, eng = comparators.get(ref, (None, None, None))
        _xlsx_row(ws, r, [ref, name, freq, polarity, before, now, target, rag, dot, sn, ne, eng, comment, "LCS"])
        ws.cell(row=r, column=2).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        ws.cell(row=r, column=13).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        for col in (5, 6, 7, 10, 11, 12):
            value = ws.cell(row=r, column=col).value
            if isinstance(value, float):
                ws.cell(row=r, column=col).number_format = "0%" if col in (7, 11, 12) else "0.0%"
        if rag:
            ws.cell(row=r, column=8).fill = PatternFill("solid", fgColor="C6EFCE")
    widths = {"A": 7, "B": 50, "C": 2.5, "D": 8, "E": 9, "F": 9, "G": 9, "H": 7, "I": 5, "J": 10, "K": 9, "L": 9,
              "M": 34, "N": 8}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    ws.column_dimensions["N"].hidden = True  # the source system column is hidden before printing
    ws.cell(row=14, column=1, value="Freq: Q quarterly, A annual. Blank: not reported or no target set.").font = Font(
        name="Arial", size=8
    )
    chart_sheet = wb.create_sheet("Chart")
    _xlsx_page(chart_sheet)
    chart_sheet["A1"] = "2020/21 outturn by indicator"
    chart_sheet["A1"].font = Font(name="Arial", size=11, bold=True)
    chart = BarChart()
    chart.title = "2020/21 outturn"
    chart.add_data(Reference(ws, min_col=6, min_row=4, max_row=12), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=12))
    chart.height, chart.width = 8, 18
    chart_sheet.add_chart(chart, "A3")
    wb.save(out)


def cumbria_scorecard_q2_2013_14(out: Path) -> None:
    """Excel corporate scorecard with many narrow wrapped columns: two columns hidden before printing, the
    direction-of-travel column too narrow for its header, the measure a numbered list wrapped in one cell,
    a key sheet printed after it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Scorecard Q2"
    _xlsx_page(ws)
    ws.oddFooter.center.text = "Page &P"
    ws["A1"] = "Cumbria County Council – Corporate Performance Scorecard Quarter 2: 2013/14"
    ws["A1"].font = Font(name="Arial", size=13, bold=True)
    ws["A2"] = "Prepared by the Performance and Intelligence Team"
    ws["A2"].font = Font(name="Arial", size=9, italic=True)
    headers = ["Lead Directorate", "Council Objective", "Measure or actions to achieve objective",
               "Frequency of measure",
               "Good Performance (is bigger, smaller or to plan better)", "Target", "Baseline 2010/11",
               "Quarter 1 Performance against target", "Quarter 2 Performance against target",
               "Direction of Travel (qtr 2 v qtr 1)", "Commentary on Progress Qtr 2", "Owner", "Data source"]
    _xlsx_row(ws, 4, headers, bold=True, fill="7030A0")
    ws.row_dimensions[4].height = 52
    measure = ("Composite measure of 5 households in poverty indicators\n"
               "1. Households receiving out of work benefits,\n"
               "2. Households receiving working tax credits,\n3. Households receiving housing benefits,\n"
               "4. Low Income (<£10k) households,\n5. Households in fuel poverty.")
    commentary = ("There has been a slight decrease in performance this quarter compared to Q1 following an increase "
                  "in the number of housing benefit claimants from 32,370 to 32,600.")
    _xlsx_row(ws, 5, ["Chief Executive's Office", "Reduce People living in Poverty", measure, "Annual",
                      "Figure should reduce", "To be better than baseline", 48.1, 46.8, 47.1, "\u2193", commentary,
                      "Policy", "DWP"])
    for col in (2, 3, 5, 6, 11):
        ws.cell(row=5, column=col).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    for col in (7, 8, 9):
        ws.cell(row=5, column=col).number_format = "0.0"
    ws.cell(row=5, column=9).fill = PatternFill("solid", fgColor="FFC7CE")
    widths = (13, 14, 34, 9, 12, 12, 9, 11, 11, 4, 40, 8, 8)
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    for col in ("L", "M"):
        ws.column_dimensions[col].hidden = True
    key = wb.create_sheet("Key")
    _xlsx_page(key)
    key["A1"] = "Key to Report Layout, Colours and Symbols"
    key["A1"].font = Font(name="Arial", size=11, bold=True)
    for r, (word, meaning) in enumerate(
        [("Green", "On or better than target"), ("Red", "Worse than target"), ("\u2191 / \u2193",
         "Direction of travel: quarter 2 against quarter 1")], start=3):
        key.cell(row=r, column=1, value=word)
        key.cell(row=r, column=2, value=meaning)
    key.column_dimensions["B"].width = 50
    wb.save(out)


def _bilingual_cell(cell, welsh: str, english: str, *, fill: str | None = None, size: int = 8) -> None:
    _cell_text(cell, f"{welsh}\n{english}", bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER,
               colour="FFFFFF" if fill else None)
    if fill:
        _shade(cell, fill)


def anglesey_scorecard_q3_2017_18(out: Path) -> None:
    """Word corporate scorecard of a Welsh council: bilingual two-line headers (Welsh over English), PAM codes in
    their own column, a group row merged across the table, a year-to-date column, the target and a RAG word in
    a shaded cell, landscape."""
    doc = _base_document(landscape=True, font="Arial", size=9)
    _footer(doc, "Cyngor Sir Ynys Môn / Isle of Anglesey County Council – Cerdyn Sgorio Corfforaethol / "
            "Corporate Scorecard Ch3 / Q3 2017/18")
    _heading(doc, "Cerdyn Sgorio Corfforaethol – Chwarter 3, 2017/18\nCorporate Scorecard – Quarter 3, 2017/18", 13,
             "7B2C3C")
    doc.add_paragraph(
        "Performance against the indicators agreed by the Executive to the end of Quarter 3 (April to December 2017). "
        "RAG: Green on target, Yellow within 5% of target, Amber within 10%, Red more than 10% below target."
    )
    groups = [
        ("Rheoli Perfformiad / Performance Management", [
            ("PAM/023", "Percentage of food establishments which are 'broadly compliant' with food hygiene standards",
             "98%", "80%", "Gwyrdd / Green"),
            ("PAM/030", "Percentage of municipal waste collected by local authorities and prepared for reuse and/or "
             "recycled, including source segregated biowastes that are composted", "73.24%", "67%", "Gwyrdd / Green"),
        ]),
        ("Gwasanaeth Cwsmer / Customer Service", [
            ("", "Number of Stage 1 complaints received by Children's Services", "28", "", ""),
            ("", "Number of Stage 1 complaints to Children's Services where a discussion was offered within "
             "timescale", "24", "", ""),
            ("", "Number of Stage 1 complaints received by Adults' Services", "10", "", ""),
            ("", "Number of Stage 1 complaints to Adults' Services where a discussion was offered within timescale",
             "6", "", ""),
        ]),
    ]
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    heads = [("Cod", "Code"), ("Dangosydd", "Indicator"), ("Canlyniad Ch3", "Result Q3"),
             ("Targed Blynyddol", "Annual Target"), ("CAG", "RAG")]
    for cell, (welsh, english) in zip(table.rows[0].cells, heads, strict=True):
        _bilingual_cell(cell, welsh, english, fill="7B2C3C")
    _repeat_header(table.rows[0])
    for group, rows in groups:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[4])
        _cell_text(merged, group, bold=True, size=9, colour="7B2C3C")
        _shade(merged, "F2E6E8")
        for code, name, result, target, rag in rows:
            cells = table.add_row().cells
            for n, text in enumerate((code, name, result, target, rag)):
                _cell_text(cells[n], text, size=9,
                           align=WD_ALIGN_PARAGRAPH.LEFT if n == 1 else WD_ALIGN_PARAGRAPH.CENTER)
            if rag:
                _shade(cells[4], "92D050")
    _widths(table, [2.2, 13.5, 3.2, 3.2, 3.4])
    doc.add_paragraph()
    doc.add_paragraph("Complaints figures are the year to date at the end of Quarter 3.")
    doc.save(out)


def swansea_performance_2012_13(out: Path) -> None:
    """Word annual performance table of a Welsh council: ten narrow columns under wrapped three-line headers
    with footnote marks, the measure's colour printed as a word beside its figure, an acceptable level (ALP) and
    a target to aim for (TTAF) for two years, the comment and the responsible head of service in one wide cell,
    and a colour key as a second small table."""
    doc = _base_document(landscape=True, font="Arial", size=8)
    _footer(doc, "City & County of Swansea – Annual Performance Report 2012/13 – Appendix B")
    _heading(doc, "City & County of Swansea Annual Performance Report 2012/13", 13, "00395D")
    doc.add_paragraph("PERFORMANCE TABLES – Annual Service Performance Targets")
    heads = ["PI & Desired Direction of Travel", "Annual Perf. 2012/13 (i)", "ALP Target 2012/13 (ii)",
             "TTAF 2012/13 (iii)", "Annual Perf. 2011/12", "Trend of Imp.", "Swansea's position in Wales 2011/12",
             "Comments (if relevant) / Responsible HoS", "ALP 2013/14", "TTAF 2013/14"]
    table = doc.add_table(rows=2, cols=len(heads))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=7, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00395D")
    _repeat_header(table.rows[0])
    row = ["CRE4 The percentage of priority graffiti jobs completed within 7 days \u2191", "95.4%\nRed", "97%",
           "100%", "99.3%", "\u2193", "Local PI",
           "Explanation: Slight dip in end of year performance was due to long term illness during quarter one. "
           "Responsible HoS – Carl Humphrey", "99%", "100%"]
    for n, (cell, text) in enumerate(zip(table.rows[1].cells, row, strict=True)):
        _cell_text(cell, text, size=8, align=WD_ALIGN_PARAGRAPH.LEFT if n in (0, 7) else WD_ALIGN_PARAGRAPH.CENTER)
    _shade(table.rows[1].cells[1], "FF7C80")
    _widths(table, [5.2, 1.8, 1.8, 1.6, 1.8, 1.3, 2.0, 6.6, 1.6, 1.6])
    doc.add_paragraph()
    doc.add_paragraph("(i) Colour is based on ALP except Blue colouring, which is based on PIs achieving their TTAF. "
                      "(ii) ALP – Acceptable Level of Performance. (iii) TTAF – Target to Aim For.")
    key = doc.add_table(rows=4, cols=2)
    key.style = "Table Grid"
    for r, (meaning, colour, fill) in enumerate([("Achieved ALP", "Green", "92D050"), ("Within 5% of ALP", "Amber",
                                                 "FFC000"), ("Missed ALP", "Red", "FF7C80"),
                                                ("Achieved TTAF", "Blue", "8DB4E2")]):
        _cell_text(key.rows[r].cells[0], meaning, size=8)
        _cell_text(key.rows[r].cells[1], colour, size=8)
        _shade(key.rows[r].cells[1], fill)
    _widths(key, [4.0, 2.5])
    doc.save(out)


def cumbria_children_in_care_q1_2019_20(out: Path) -> None:
    """A council-plan progress page in HTML printed by Chromium: a headline summary, then each measure as a
    definition list (term, then its figures as label and value pairs on lines of their own), with a district
    breakdown in a small two-column table under it."""
    css = (
        "body{font-family:'Liberation Sans',Arial,sans-serif;margin:22px;font-size:12px;color:#222}"
        "h1{font-size:19px;color:#00594f;margin:0 0 4px}h2{font-size:14px;color:#00594f;margin:16px 0 6px}"
        "dl.m{border-top:3px solid #00594f;padding:6px 0;margin:0 0 10px}dl.m dt{font-weight:bold;font-size:13px}"
        "dl.m dd{margin:2px 0 0 18px}dl.m dd span{display:inline-block;width:190px;color:#555}"
        "table{border-collapse:collapse;margin-left:18px}td,th{border:1px solid #bbb;padding:2px 8px}"
    )
    body = (
        "<h1>Cumbria County Council – Council Plan Delivery Report</h1>"
        "<p>Quarter 1 2019/20 (1 April to 30 June 2019). By the end of the first quarter the council had delivered, "
        "met or was on track to meet 46 of the 54 agreed milestones.</p>"
        "<h2>Children and young people</h2>"
        '<dl class="m"><dt>Number of children looked after</dt>'
        "<dd><span>Quarter 1 2019/20</span>716</dd>"
        "<dd><span>Previous quarter (Q4 2018/19)</span>683</dd>"
        "<dd><span>Target</span>626</dd>"
        "<dd><span>Status</span>Red – above target</dd></dl>"
        "<p>Rates remain highest in Allerdale and Copeland.</p>"
        "<table><tr><th>District</th><th>Children looked after</th></tr>"
        "<tr><td>Allerdale and Copeland</td><td>318</td></tr></table>"
    )
    out.write_text(_html_page("Cumbria Council Plan Delivery Report Q1 2019/20", body, css), encoding="utf-8")


DOCUMENTS.update(
    {
        ("dev", "hertfordshire_cypp_review_2006_07"): ("xlsx", hertfordshire_cypp_2006_07),
        ("dev", "darlington_year_end_2020_21_one_page"): ("xlsx", darlington_year_end_2020_21_workbook),
        ("dev", "cumbria_corporate_scorecard_q2_2013_14"): ("xlsx", cumbria_scorecard_q2_2013_14),
        ("dev", "anglesey_corporate_scorecard_q3_2017_18"): ("docx", anglesey_scorecard_q3_2017_18),
        ("dev", "swansea_annual_performance_2012_13"): ("docx", swansea_performance_2012_13),
        ("dev", "cumbria_council_plan_q1_2019_20"): ("html", cumbria_children_in_care_q1_2019_20),
    }
)


def cumbria_council_plan_2010(out: Path) -> None:
    """Excel council-plan appendix printed with no cell borders and no gridlines (the table is held
    together by alignment only): a theme column whose long text runs on over the empty cells beside it,
    figures with their year in brackets in the same cell (`55.7 (for 2009)`), `tba` for years not yet
    known, and a bold theme row between the groups."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Appendix One"
    _xlsx_page(ws)
    ws.print_options.gridLines = False
    ws.oddFooter.left.text = "Appendix One – Council Plan"
    ws.oddFooter.right.text = "8/02/2010"
    ws["A1"] = "COUNCIL PLAN – APPENDIX ONE – Key Indicators & Targets"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    headers = ["Theme and Outcome", "PI", "Description", "Baseline Performance", "2010/11", "2011/12", "2012/13"]
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col, value=text)
        cell.font = Font(name="Arial", size=9, bold=True)
        cell.alignment = Alignment(horizontal="left" if col < 4 else "center", vertical="bottom", wrap_text=True)
        cell.border = Border(bottom=Side(style="medium", color="000000"))
    ws.cell(row=4, column=1, value="Wealthier Theme").font = Font(name="Arial", size=9, bold=True)
    ws.cell(row=5, column=1, value="Priority Outcome 1: Local people benefit from Cumbria's prosperous economy")
    ws.cell(row=5, column=1).font = Font(name="Arial", size=9, italic=True)
    rows = [
        ("NI 171 (LAA)", "New business registrations per 10,000 adult population", "54.5 (2005-2007 ave)",
         "55.7 (for 2009)", "56.7 (for 2010)", "tba"),
        ("NI 153 (LAA)", "Working age people claiming out of work benefits in the worst performing "
         "neighbourhoods", "31.9% (to May 07)", "28.9% (to Feb 11)", "tba", "tba"),
        ("NI 163 (LAA)", "Working age population qualified to at least Level 2", "70.8% (for 2006)",
         "78.0% (for 2010)", "tba", "tba"),
        ("NI 165 (LAA)", "Working age population qualified to at least Level 4", "26.8% (for 2006)",
         "29.1% (for 2010)", "tba", "tba"),
    ]
    for r, values in enumerate(rows, start=6):
        for col, value in enumerate(values, start=2):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font = Font(name="Arial", size=9)
            cell.alignment = Alignment(horizontal="left" if col < 4 else "center", vertical="top",
                                       wrap_text=col == 3)
    ws.cell(row=11, column=1, value="[NB: NI171 & NI153 targets are being renegotiated due to the recession]")
    ws.cell(row=11, column=1).font = Font(name="Arial", size=8, italic=True)
    for col, width in zip("ABCDEFG", (16, 12, 44, 18, 15, 15, 10), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


def hertfordshire_cypp_2006_07_grouped(out: Path) -> None:
    """The Hertfordshire review again as another author prints it: numbered references (`1.1`, `1.2`) in
    their own column, a two-row header with `2006/07` merged over `Target | Actual`, a `Good is` column,
    indicator names not wrapped (running on over the empty comment cells), no gridlines, a small font
    scaled to fit the width, and the header repeated on a second page after a manual page break."""
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    ws.title = "CYPP review"
    _xlsx_page(ws)
    ws.print_title_rows = "3:4"
    ws["A1"] = "Children and Young People's Plan – Performance Review 2006/07 (Appendix B)"
    ws["A1"].font = Font(name="Calibri", size=11, bold=True)
    _xlsx_row(ws, 3, ["No.", "Key performance indicator", "Good is", "Baseline", "2006/07", "", "Comments"],
              bold=True, fill="385723")
    _xlsx_row(ws, 4, ["", "", "", "", "Target", "Actual", ""], bold=True, fill="385723")
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4"):
        ws.merge_cells(cells)
    body = [
        ("BEING HEALTHY", None),
        (1.1, "Percentage of obese children under 11", "Low", "4.6% (2002)", "No target set", "N/A", ""),
        (1.2, "Percentage of Hertfordshire schools achieving Healthy School Status by 2009", "High", 0.0, 0.60,
         0.55, ""),
        ("STAYING ACTIVE", None),
        (2.1, "Percentage of 5 to 16 year olds who travel to school using sustainable modes of transport", "High",
         0.565, 0.58, 0.66, ""),
    ]
    r = 5
    for row in body:
        if row[1] is None:
            ws.cell(row=r, column=1, value=row[0]).font = Font(name="Calibri", size=9, bold=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
            if row[0] == "STAYING ACTIVE":
                ws.row_breaks.append(Break(id=r - 1))  # the second group starts a new page
            r += 1
            continue
        for col, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font = Font(name="Calibri", size=9)
            cell.alignment = Alignment(horizontal="left" if col == 2 else "center", vertical="center")
            if isinstance(value, float) and col > 3:
                cell.number_format = "0.0%" if round(value * 1000) % 10 else "0%"
            elif isinstance(value, float):
                cell.number_format = "0.0"
        r += 1
    for col, width in zip("ABCDEFG", (5, 30, 7, 11, 10, 10, 30), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update(
    {
        ("dev", "cumbria_council_plan_indicators_2010"): ("xlsx", cumbria_council_plan_2010),
        ("dev", "hertfordshire_cypp_review_2006_07_grouped"): ("xlsx", hertfordshire_cypp_2006_07_grouped),
    }
)


def welsh_housing_bilingual_q4(out: Path) -> None:
    """The Welsh Appendix 4c housing measures again as a bilingual Word table: each header one line, Welsh
    then English parted by a slash (`Targed Ch4 / Target Q4`, `Ch4 / Q4`, `CAG / RAG`), bilingual section
    rows merged across, an all-Wales average column, landscape."""
    doc = _base_document(landscape=True, font="Arial", size=9)
    _footer(doc, "Atodiad 4c / Appendix 4c – Gwybodaeth Rheoli Perfformiad / Performance Management Information")
    _heading(doc, "Grŵp Gwasanaethau Cymuned a Phlant – Chwarter 4 2014/15\n"
             "Community & Children's Services Group – Quarter 4 2014/15", 12, "00703C")
    heads = ["Dangosydd / Indicator", "Gwirioneddol 2013/14 / Actual 2013/14", "Targed 2014/15 / Target 2014/15",
             "Targed Ch4 / Target Q4", "Ch4 / Q4", "Cyfartaledd Cymru 2013/14 / Wales average 2013/14", "CAG / RAG"]
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=8, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00703C")
    _repeat_header(table.rows[0])
    groups = [
        ("Digartrefedd a chyngor tai / Homelessness and housing advice", [
            ("% of homeless presentations decided within 33 working days (Local)", "80.3", "75.0", "75.0", "87.6",
             "87.5", "Gwyrdd / Green"),
            ("The average number of working days between homeless presentation and discharge of duty for households "
             "found to be statutorily homeless (Local)", "84", "90", "90", "61", "", "Gwyrdd / Green"),
        ]),
        ("Tai – sector preifat / Housing – private sector", [
            ("The average number of calendar days taken to deliver a Disabled Facilities Grant (DFG) (Statutory)",
             "232", "270", "270", "205", "239", "Gwyrdd / Green"),
            ("The average number of calendar days taken to deliver a low cost adaptation works in private dwellings "
             "where the Disabled Facilities Grant process is not used (Local)", "71", "85", "85", "53", "",
             "Gwyrdd / Green"),
        ]),
    ]
    for group, rows in groups:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        _cell_text(merged, group, bold=True, size=9, colour="00703C")
        _shade(merged, "E2EFDA")
        for values in rows:
            cells = table.add_row().cells
            for n, text in enumerate(values):
                _cell_text(cells[n], text, size=9,
                           align=WD_ALIGN_PARAGRAPH.LEFT if n == 0 else WD_ALIGN_PARAGRAPH.CENTER)
            _shade(cells[-1], "C6EFCE")
    _widths(table, [9.5, 2.6, 2.6, 2.2, 1.8, 3.0, 2.6])
    doc.save(out)


DOCUMENTS.update({("dev", "welsh_housing_bilingual_q4_2014_15"): ("docx", welsh_housing_bilingual_q4)})


def anglesey_scorecard_q3_2017_18_workbook(out: Path) -> None:
    """The Anglesey scorecard as its Excel workbook prints: each measure's code on its own line above its
    description in one cell, bilingual two-line headers in the cells, quarter columns of which only the
    third is filled, figures stored as numbers (`0%`, `0.00%`, counts), Welsh RAG words in filled cells,
    and a wide comment column that makes fit-to-page print the whole sheet at a small scale."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Cerdyn Sgorio Ch3"
    _xlsx_page(ws)
    ws.page_setup.fitToHeight = 1
    ws["A1"] = "Cerdyn Sgorio Corfforaethol / Corporate Scorecard – Ch3 / Q3 2017/18"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="7B2C3C")
    headers = ["Dangosydd\nIndicator", "Ch1\nQ1", "Ch2\nQ2", "Ch3\nQ3", "Targed\nTarget", "CAG\nRAG",
               "Sylwadau\nComments"]
    _xlsx_row(ws, 3, headers, bold=True, fill="7B2C3C")
    ws.row_dimensions[3].height = 26
    rows = [
        ("PAM/023\nPercentage of food establishments which are 'broadly compliant' with food hygiene standards",
         0.98, "0%", 0.80, "Gwyrdd"),
        ("PAM/030\nPercentage of municipal waste collected by local authorities and prepared for reuse and/or "
         "recycled, including source segregated biowastes that are composted", 0.7324, "0.00%", 0.67, "Gwyrdd"),
        ("Number of Stage 1 complaints received by Children's Services", 28, "0", None, None),
        ("Number of Stage 1 complaints to Children's Services where a discussion was offered within timescale",
         24, "0", None, None),
    ]
    for r, (name, q3, fmt, target, rag) in enumerate(rows, start=4):
        _xlsx_row(ws, r, [name, None, None, q3, target, rag, ""])
        ws.cell(row=r, column=4).number_format = fmt
        ws.cell(row=r, column=5).number_format = "0%"
        if rag:
            ws.cell(row=r, column=6).fill = PatternFill("solid", fgColor="92D050")
        ws.row_dimensions[r].height = 40
    for col, width in zip("ABCDEFG", (58, 7, 7, 8, 8, 8, 120), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update({("dev", "anglesey_scorecard_q3_2017_18_workbook"): ("xlsx", anglesey_scorecard_q3_2017_18_workbook)})


def kent_early_help_monthly_workbook(out: Path) -> None:
    """The Kent early help figures in the year's monthly workbook: twelve month columns under a `2015/16`
    group cell merged across them, only June and July filled (the release is July's), a polarity column,
    empty year-to-date and target columns, so the sheet is wide and mostly empty; fit to one page width at a
    small scale, gridlines printed, no borders."""
    wb = Workbook()
    ws = wb.active
    ws.title = "EHPS monthly"
    _xlsx_page(ws)
    ws.print_options.gridLines = True
    ws["A1"] = "Kent County Council – Early Help & Preventative Services Monthly Scorecard (July 2015 data)"
    ws["A1"].font = Font(name="Arial", size=11, bold=True)
    months = ["Apr-15", "May-15", "Jun-15", "Jul-15", "Aug-15", "Sep-15", "Oct-15", "Nov-15", "Dec-15", "Jan-16",
              "Feb-16", "Mar-16"]
    ws.cell(row=3, column=3, value="2015/16").font = Font(name="Arial", size=9, bold=True)
    ws.cell(row=3, column=3).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=3, start_column=3, end_row=3, end_column=14)
    for col, text in enumerate(["Indicator", "Polarity", *months, "Direction of travel"], start=1):
        cell = ws.cell(row=4, column=col, value=text)
        cell.font = Font(name="Arial", size=9, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    rows = [
        ("Number of Early Help notifications received", "Info", {"Jul-15": (818, "#,##0")}, ""),
        ("Percentage of assessments completed within 2 weeks of notification", "High",
         {"Jun-15": (0.563, "0.0%"), "Jul-15": (0.637, "0.0%")}, "Improved"),
        ("Number of first time entrants to the Youth Justice System", "Low",
         {"Jun-15": (583, "#,##0"), "Jul-15": (492, "#,##0")}, "Improved"),
    ]
    for r, (name, polarity, figures, dot) in enumerate(rows, start=5):
        ws.cell(row=r, column=1, value=name).alignment = Alignment(wrap_text=True, vertical="center")
        ws.cell(row=r, column=2, value=polarity).alignment = Alignment(horizontal="center", vertical="center")
        for month, (value, fmt) in figures.items():
            cell = ws.cell(row=r, column=3 + months.index(month), value=value)
            cell.number_format = fmt
            cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.cell(row=r, column=15, value=dot).alignment = Alignment(horizontal="center", vertical="center")
        for col in range(1, 16):
            ws.cell(row=r, column=col).font = Font(name="Arial", size=9)
    ws.column_dimensions["A"].width = 46
    ws.column_dimensions["B"].width = 8
    for col in range(3, 15):
        ws.column_dimensions[chr(64 + col)].width = 8
    ws.column_dimensions["O"].width = 14
    wb.save(out)


DOCUMENTS.update({("dev", "kent_early_help_monthly_workbook_2015_16"): ("xlsx", kent_early_help_monthly_workbook)})


def swansea_performance_2012_13_workbook(out: Path) -> None:
    """The Swansea row as a workbook prints it: the colour key in cells to the right of the title rows, a
    summary count table beside the main table (both with borders), `#N/A` where the workbook's formula found
    no figure, the footnote marks defined under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Annual PIs"
    _xlsx_page(ws)
    ws["A1"] = "City & County of Swansea – Annual Performance Report 2012/13"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="00395D")
    ws["A2"] = "Performance tables – annual service performance targets"
    ws["A2"].font = Font(name="Arial", size=9, italic=True)
    for r, (word, meaning, fill) in enumerate([("Green", "Achieved ALP", "92D050"), ("Amber", "Within 5% of ALP",
                                                "FFC000"), ("Red", "Missed ALP", "FF7C80")], start=1):
        ws.cell(row=r, column=9, value=word).fill = PatternFill("solid", fgColor=fill)
        ws.cell(row=r, column=10, value=meaning)
    headers = ["PI", "Description", "Annual Perf. 2012/13 (i)", "ALP Target 2012/13 (ii)", "TTAF 2012/13 (iii)",
               "Annual Perf. 2011/12", "Wales average 2011/12", "ALP 2013/14", "TTAF 2013/14"]
    _xlsx_row(ws, 5, headers, bold=True, fill="00395D")
    ws.row_dimensions[5].height = 38
    _xlsx_row(ws, 6, ["CRE4", "The percentage of priority graffiti jobs completed within 7 days", 0.954, 0.97, 1.0,
                      0.993, "#N/A", 0.99, 1.0])
    for col in (3, 4, 5, 6, 8, 9):
        ws.cell(row=6, column=col).number_format = "0.0%" if col in (3, 6) else "0%"
    ws.cell(row=6, column=3).fill = PatternFill("solid", fgColor="FF7C80")
    ws.cell(row=6, column=2).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[6].height = 26
    # a small summary table beside the main one
    _xlsx_row(ws, 5, [None] * 10 + ["Summary", "PIs"], bold=True, fill="00395D")
    for r, (word, count) in enumerate([("Green", 0), ("Amber", 0), ("Red", 1)], start=6):
        ws.cell(row=r, column=11, value=word).border = _CELL_BOX
        ws.cell(row=r, column=12, value=count).border = _CELL_BOX
    ws["A8"] = ("(i) Colour is based on ALP. (ii) ALP – Acceptable Level of Performance. "
                "(iii) TTAF – Target to Aim For.")
    ws["A8"].font = Font(name="Arial", size=8)
    for col, width in zip("ABCDEFGHIJKL", (7, 40, 10, 10, 10, 10, 10, 9, 9, 16, 10, 6), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update(
    {("dev", "swansea_annual_performance_2012_13_workbook"): ("xlsx", swansea_performance_2012_13_workbook)}
)


def cumbria_council_plan_2010_boxed(out: Path) -> None:
    """The Cumbria appendix as another author prints it: header cells boxed and filled, the theme and
    outcome rows merged across with a fill but no borders, the indicator rows boxed again under them; so
    the header's borders and the rows' borders are two separate grids on the page."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Appendix One"
    _xlsx_page(ws)
    ws["A1"] = "Council Plan – Appendix One – Key Indicators & Targets (Wealthier theme)"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    _xlsx_row(ws, 3, ["PI", "Description", "Baseline Performance", "2010/11", "2011/12", "2012/13"], bold=True,
              fill="44546A")
    for r, text in ((4, "Wealthier Theme"), (5, "Priority Outcome 1: Local people benefit from Cumbria's prosperous "
                                                 "economy")):
        cell = ws.cell(row=r, column=1, value=text)
        cell.font = Font(name="Arial", size=9, bold=r == 4, italic=r == 5)
        cell.fill = PatternFill("solid", fgColor="D6DCE4")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    rows = [
        ["NI 171 (LAA)", "New business registrations per 10,000 adult population", "54.5 (2005-2007 ave)",
         "55.7 (for 2009)", "56.7 (for 2010)", "tba"],
        ["NI 153 (LAA)", "Working age people claiming out of work benefits in the worst performing neighbourhoods",
         "31.9% (to May 07)", "28.9% (to Feb 11)", "tba", "tba"],
        ["NI 163 (LAA)", "Working age population qualified to at least Level 2", "70.8% (for 2006)",
         "78.0% (for 2010)", "tba", "tba"],
    ]
    for r, values in enumerate(rows, start=6):
        _xlsx_row(ws, r, values)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.cell(row=r, column=2).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    for col, width in zip("ABCDEF", (12, 50, 18, 15, 15, 10), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update({("dev", "cumbria_council_plan_indicators_2010_boxed"): ("xlsx", cumbria_council_plan_2010_boxed)})


def hertfordshire_cypp_2006_07_over_two_pages(out: Path) -> None:
    """The Hertfordshire review printed at 100% without fit to width: the sheet is wider than the page, so
    LibreOffice prints its columns over two pages (down, then over): page 1 holds the references, outcomes,
    indicator names and baselines, page 2 the target, actual, traffic light and comment columns of the same
    rows with no names beside them; the header row is repeated as a print title."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Review 2006-07"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_rows = "3:3"
    ws["A1"] = "Children and Young People's Plan – Performance Review 2006/07 – Being Healthy"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    _xlsx_row(ws, 3, ["Ref", "Outcome", "KPI", "Baseline", "Target 06/07", "Actual 06/07", "Traffic Light",
                      "Comments"], bold=True, fill="1F4E79")
    rows = [
        ["BH1", "Tackle obesity", "Percentage of obese children under 11", "4.6% (2002)", "No target set", "N/A",
         "", "Year 6 pupils to be measured in Autumn 2007"],
        ["BH2", "Healthy schools", "Percentage of Hertfordshire schools achieving Healthy School Status by 2009",
         "0%", "60%", "55%", "Amber", "Good progress reported with LAA target"],
        ["BH3", "Active travel", "Percentage of 5 to 16 year olds who travel to school using sustainable modes of "
         "transport", "56.5%", "58%", "66%", "Green", "LAA Year 1 target exceeded"],
    ]
    for r, values in enumerate(rows, start=4):
        _xlsx_row(ws, r, values)
        ws.row_dimensions[r].height = 30
    for col, width in zip("ABCDEFGH", (8, 22, 70, 20, 16, 16, 14, 50), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update(
    {("dev", "hertfordshire_cypp_review_2006_07_two_pages_wide"): ("xlsx", hertfordshire_cypp_2006_07_over_two_pages)}
)


# ------------------------ dev, round 6: KPI reports with latest / target / floor / previous (other councils)


HAVERING_PERIOD_ROWS = [
    # (ref, indicator, period, latest, target, tolerance, previous)
    ("CL01", "Percentage of initial child protection conferences held within 15 working days", "Q2 2018/19",
     "81%", "", "", ""),
    ("CL02", "Number of new in-house foster carers", "Q2 2018/19", "5", "8", "", "5"),
    ("CL03", "Number of children missing from education", "Q2 2019/20", "3", "", "", "3"),
    ("CL04", "Percentage of 16-18 year olds not in education, employment or training (NEET) or not known",
     "Q3 2019/20", "3.5%", "", "", "3.5%"),
    ("CL05", "Percentage of looked-after children who ceased to be looked after as a result of permanency "
     "(Adoption and Special Guardianship Order)", "Q3 2019/20", "12.4%", "", "", ""),
    ("CL06", "Percentage of looked-after children leaving care for adoption", "Q3 2019/20", "7.6%", "", "8%", ""),
    ("CL07", "Percentage of looked-after children ceasing to be looked after through adoption or Special "
     "Guardianship Order (year to date)", "Q3 2017/18", "26.7%", "", "", "14.7%"),
    ("CL08", "Number of family and friends placements", "Q3 2017/18", "31", "", "", "24"),
]


def havering_period_column(out: Path) -> None:
    """Word KPI table, portrait: Ref / Indicator / Period / Latest / Target / Tolerance / Previous, each row
    with its own period in a column (the rows come from different quarters), blank cells where no figure
    is held, a shaded header repeated on each page."""
    doc = _base_document(landscape=False, font="Arial", size=9)
    _footer(doc, "London Borough of Havering – Children & Learning Overview & Scrutiny Sub-Committee")
    _heading(doc, "Children & Learning: performance indicators selected for monitoring", 13, "0B5394")
    doc.add_paragraph(
        "The table shows the latest figure held for each indicator, with the period it covers, the target and "
        "tolerance agreed for the year where one is set, and the figure previously reported."
    )
    heads = ["Ref", "Indicator", "Period", "Latest", "Target", "Tolerance", "Previous"]
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, head, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "0B5394")
    _repeat_header(table.rows[0])
    for row in HAVERING_PERIOD_ROWS:
        cells = table.add_row().cells
        for k, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.LEFT if k == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [1.3, 7.0, 2.2, 1.7, 1.6, 2.0, 2.0])
    doc.add_paragraph()
    doc.add_paragraph("Previous: the figure reported for the period before, or at the same point last year.")
    doc.save(out)


BRACKNELL_KPIS = [
    # (name, paragraph before, [(label, figure)])
    ("Number of children in care", "The number of children in care has risen over the year.",
     [("Latest (Feb 2018)", "146"), ("Previous (Mar 2017)", "116")]),
    ("Number of children subject to a child protection plan",
     "Fewer children are now subject to a plan; some were moved into care so that they could be protected "
     "and some transferred to another local authority.",
     [("Latest (Mar 2018)", "105"), ("Previous (Mar 2017)", "171")]),
    ("Children on a child protection plan who moved into care", "", [("Latest", "21%")]),
    ("Placement stability", "Placement stability is below the national average; the figure rests on 11 children.",
     [("Latest", "56%")]),
    ("Children in need with neglect as the category of need", "Neglect remains the highest category.",
     [("Latest", "49%")]),
]


def bracknell_forest_small_tables(out: Path) -> None:
    """Word quarterly service report: each KPI a bold name, a paragraph, then a small two-row table of its
    own (labels over figures, the period inside the label), between paragraphs of text."""
    doc = _base_document(landscape=False, font="Calibri", size=11)
    _footer(doc, "Bracknell Forest Council – Quarterly Service Report, Children, Young People & Learning")
    _heading(doc, "Quarterly Service Report – Quarter 3 2017/18 (October to December 2017)", 14, "4F2170")
    doc.add_paragraph(
        "This section sets out the latest trends, priorities and pressures for Children's Social Care. "
        "Each measure shows the latest figure and the figure at the previous reporting point."
    )
    for name, text, labels in BRACKNELL_KPIS:
        para = doc.add_paragraph()
        run = para.add_run(name)
        run.bold, run.font.size = True, Pt(11)
        para.paragraph_format.space_after = Pt(2)
        if text:
            doc.add_paragraph(text)
        table = doc.add_table(rows=2, cols=len(labels))
        table.style = "Table Grid"
        for k, (label, figure) in enumerate(labels):
            _cell_text(table.rows[0].cells[k], label, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
            _shade(table.rows[0].cells[k], "E6E0EC")
            _cell_text(table.rows[1].cells[k], figure, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
        _widths(table, [4.0] * len(labels))
        doc.add_paragraph()
    doc.add_paragraph("Source: Children's Social Care case management system, February and March 2018.")
    doc.save(out)


RBWM_HR_ROWS = [
    # (indicator, previous (Q4 15/16), latest (Q1 16/17))
    ("% Established FTE Vacant", 0.1121, 0.1365),
    ("Working days lost per FTE", 9.63, 9.74),
    ("Agency Staff - number", 112, 126),
    ("Agency Spend", 1404657, 1536889),
    ("Turnover %", 0.1748, 0.1958),
    ("Voluntary Turnover %", 0.1365, 0.1449),
    ("Bradford Factor (score >120)", 100, 110),
    ("% Bradford Factor (score >120)", 0.078, 0.09),
    ("Key performance indicators on target (green)", 0.56, 0.42),
    ("Key performance indicators just short (amber)", 0.26, 0.29),
    ("Key performance indicators off target (red)", 0.18, 0.29),
]


def rbwm_grouped_headers(out: Path) -> None:
    """Excel summary sheet, landscape, printed by LibreOffice Calc: a two-row header whose first row groups
    the columns (`Performance` merged over `Previous` / `Latest`, `Thresholds` merged over `Target` /
    `Floor`), number formats (%, 0.00, £#,##0), threshold cells left empty where none is set."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IPMR Summary"
    _xlsx_page(ws)
    ws["A1"] = "Royal Borough of Windsor and Maidenhead – Integrated Performance Monitoring Report, Quarter 1 2016-17"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    ws["A2"] = "Snapshot of performance for April to end of June 2016: HR key indicators and KPI status"
    ws["A2"].font = Font(name="Arial", size=9, italic=True)
    _xlsx_row(ws, 4, ["Indicator", "Performance", None, "Thresholds", None], bold=True, fill="1F4E79")
    _xlsx_row(ws, 5, [None, "Previous\n(Q4 15/16)", "Latest\n(Q1 16/17)", "Target", "Floor"], bold=True,
              fill="2E75B6")
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:C4")
    ws.merge_cells("D4:E4")
    for r, (name, previous, latest) in enumerate(RBWM_HR_ROWS, start=6):
        _xlsx_row(ws, r, [name, previous, latest, None, None])
        for col in ("B", "C"):
            cell = ws[f"{col}{r}"]
            if isinstance(cell.value, float) and cell.value < 1:
                cell.number_format = "0.00%" if "FTE" in name or "Turnover" in name else "0.0%"
                if "target" in name or "short" in name:
                    cell.number_format = "0%"
            elif isinstance(cell.value, float):
                cell.number_format = "0.00"
            elif name == "Agency Spend":
                cell.number_format = "£#,##0"
    ws.row_dimensions[5].height = 28
    for col, width in zip("ABCDE", (46, 14, 14, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


HEREFORDSHIRE_SENTENCES = [
    # (heading, sentence with the latest figure, side box [(label, figure)])
    ("Key indicators achieving target",
     "57% of the Council's key indicators (Corporate Plan, LAA and Community Strategy) achieved their target in "
     "2008-09.", [("Last year", "32%")]),
    ("Key indicators failing to achieve target",
     "32% of key indicators failed to achieve their target.", [("Last year", "36%")]),
    ("Key indicators that improved",
     "57% of indicators have improved on the year before.", [("Last year", "60%")]),
    ("Key indicators that fell back",
     "39% of indicators have fallen back.", [("Last year", "30%")]),
    ("LAA indicators achieving their Year 1 target",
     "20 Local Area Agreement indicators achieved their Year 1 targets.", []),
]


def herefordshire_sentence_side_box(out: Path) -> None:
    """HTML report page printed by Chromium, the way a Google-Docs-like editor exports it: each measure a
    heading, its latest figure inside a sentence, and the previous figure in a shaded box floated to the
    right of the sentence."""
    css = (
        "@page { size: A4; margin: 18mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 11pt; color: #222; } h1 { font-size: 17pt; color: #2b5f2b; } "
        "h2 { font-size: 12pt; margin: 18px 0 4px; clear: both; } "
        ".box { float: right; width: 42mm; margin: 0 0 8px 12px; padding: 6px 8px; background: #eef4ea; "
        "border-left: 4px solid #2b5f2b; font-size: 9pt; } .box b { display: block; font-size: 13pt; } "
        "p { line-height: 1.45; }"
    )
    parts = [
        "<h1>Integrated Corporate Performance Report – end of year 2008-09</h1>",
        "<p>Herefordshire Council. End-year performance against the Council's key indicators from the Corporate "
        "Plan 2008-11, the Local Area Agreement and the Herefordshire Community Strategy.</p>",
    ]
    for heading, sentence, box in HEREFORDSHIRE_SENTENCES:
        parts.append(f"<h2>{heading}</h2>")
        for label, figure in box:
            parts.append(f'<div class="box">{label}<b>{figure}</b></div>')
        parts.append(f"<p>{sentence} The figures include the changes reported to Cabinet on 4 June 2009.</p>")
    out.write_text(_html_page("Herefordshire integrated corporate performance 2008-09", "\n".join(parts), css))


RBWM_SLIDES = [
    # (title, big figure, its caption, [(label, figure)], note)
    ("Key Performance Indicators on target", "44%", "Quarter 2 2015-16",
     [("Same time last year", "52%")], "Fewer KPIs are on target than a year ago."),
    ("Key Performance Indicators off target", "33%", "Quarter 2 2015-16",
     [("Same time last year", "26%")], "Libraries, foster carers and planning are the areas off target."),
    ("Children in care for more than two and a half years who moved three or more times in 12 months", "13.3%",
     "Quarter 2 2015-16", [("Target", "7%")], "The target is below seven per cent; moves include moves to adoption."),
    ("Library and museum income", "£146,987", "Quarter 2 2015-16", [],
     "Below the income aimed for; balanced by reductions in spend elsewhere in the service."),
]


def rbwm_slides(out: Path) -> None:
    """Slides the way a presentation exports to PDF: 16:9 pages, one KPI a slide, a title, a big figure with
    its caption, the comparison figures in small boxes below it, absolutely positioned (no flow, no table)."""
    css = (
        "@page { size: 254mm 142.9mm; margin: 0; } body { margin: 0; font-family: 'Liberation Sans', Arial; } "
        ".slide { position: relative; width: 254mm; height: 142.9mm; page-break-after: always; overflow: hidden; } "
        ".bar { position: absolute; left: 0; top: 0; width: 254mm; height: 8mm; background: #003b71; } "
        ".title { position: absolute; left: 14mm; top: 14mm; width: 226mm; font-size: 22pt; color: #003b71; } "
        ".big { position: absolute; left: 14mm; top: 52mm; font-size: 54pt; font-weight: bold; color: #c8102e; } "
        ".cap { position: absolute; left: 16mm; top: 80mm; font-size: 12pt; color: #555; } "
        ".cmp { position: absolute; top: 52mm; width: 50mm; padding: 4mm; background: #e8eef5; font-size: 11pt; } "
        ".cmp b { display: block; font-size: 20pt; } "
        ".note { position: absolute; left: 14mm; top: 112mm; width: 226mm; font-size: 11pt; } "
        ".foot { position: absolute; right: 10mm; bottom: 5mm; font-size: 8pt; color: #777; }"
    )
    slides = [
        '<div class="slide"><div class="bar"></div><div class="title">Royal Borough of Windsor and Maidenhead'
        "<br>Integrated Performance Monitoring Report – Quarter 2 2015-16</div>"
        '<div class="note">Key Performance Indicators for Cabinet: where the borough is '
        'on target, just short and off target.</div><div class="foot">RBWM IPMR Q2 2015-16</div></div>'
    ]
    for n, (title, big, caption, boxes, note) in enumerate(RBWM_SLIDES, start=2):
        boxes_html = "".join(
            f'<div class="cmp" style="left:{150 + 56 * k}mm">{label}<b>{figure}</b></div>'
            for k, (label, figure) in enumerate(boxes)
        )
        slides.append(
            f'<div class="slide"><div class="bar"></div><div class="title">{title}</div>'
            f'<div class="big">{big}</div><div class="cap">{caption}</div>{boxes_html}'
            f'<div class="note">{note}</div><div class="foot">RBWM IPMR Q2 2015-16 – slide {n}</div></div>'
        )
    out.write_text(_html_page("RBWM IPMR Q2 2015-16", "\n".join(slides), css))


BROMLEY_ROWS = [
    # (code, indicator, latest, previous, RAG)
    ("16", "Children becoming subject to a Child Protection Plan for a second or subsequent time", "13%", "", "AMBER"),
    ("25", "Stability of placements of Children Looked After - length of placement", "58%", "55%", "RED"),
    ("25a", "Children under 16 looked after for 2½ years or more in the same placement for 2 years or more",
     "45", "", ""),
    ("25b", "Children under 16 looked after for 2½ years or more", "78", "", ""),
]


def bromley_narrow_names(out: Path) -> None:
    """Word dataset table, portrait: the indicator's number in a column of its own, the names in a narrow
    column so each wraps over two to four lines, then Latest / Previous / RAG, cells vertically centred."""
    doc = _base_document(landscape=False, font="Arial", size=9)
    _footer(doc, "London Borough of Bromley – Children's Scrutiny Dataset (Part 1)")
    _heading(doc, "Children's Scrutiny Dataset – performance as at the end of November 2018", 13, "00644A")
    doc.add_paragraph("Report ECHS19020. Previous: the figure in the report to the September meeting.")
    heads = ["No.", "Indicator", "Latest\n(Nov 2018)", "Previous\n(Sep 2018)", "RAG"]
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, head, bold=True, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9EAD3")
    for row in BROMLEY_ROWS:
        cells = table.add_row().cells
        for k, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _cell_text(cell, text, size=8, align=WD_ALIGN_PARAGRAPH.LEFT if k == 1 else WD_ALIGN_PARAGRAPH.CENTER)
        if row[4]:
            _shade(cells[4], {"AMBER": "FFC000", "RED": "FF0000"}[row[4]])
    _widths(table, [1.0, 4.2, 2.0, 2.0, 1.6])
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "havering_children_learning_period_column"): ("docx", havering_period_column),
        ("dev", "bracknell_forest_qsr_q3_2017_18_small_tables"): ("docx", bracknell_forest_small_tables),
        ("dev", "rbwm_ipmr_q1_2016_17_grouped_headers"): ("xlsx", rbwm_grouped_headers),
        ("dev", "herefordshire_corporate_2008_09_side_box"): ("html", herefordshire_sentence_side_box),
        ("dev", "rbwm_ipmr_q2_2015_16_slides"): ("html", rbwm_slides),
        ("dev", "bromley_scrutiny_dataset_nov_2018_narrow"): ("docx", bromley_narrow_names),
    }
)


# ------------------------------ dev, round 7: floors and thresholds in cells, sections and band columns


OXFORDSHIRE_THRESHOLD_ROWS = [
    # (no., measure, thresholds written in one cell, Q2 figure, RAG, DoT)
    ("1", "Ensure all people wait no more than 5 days for their reablement service to start",
     "Target 100% / Baseline n/a", "55%", "R", "↑"),
    ("3", "Increase the proportion of people completing the reablement service who need no on-going care",
     "Target 55% / Baseline 50%", "52%", "R", "↑"),
    ("5", "Number of people waiting more than 28 days from assessment to receipt of services",
     "Target 35 / Baseline 35", "19", "G", "↓"),
    ("5a", "Older people waiting for a care home more than 28 days", "Target 31 / Baseline 31", "0", "G", "↑"),
    ("5b", "Older people waiting for a care package more than 28 days", "Target 3 / Baseline 3", "6", "R", "↓"),
    ("6", "Average days for an agency to start care from referral", "Target 10 / Baseline 10", "10", "A", "↓"),
    ("7", "Eligible people remaining on Self-Directed Support", "Target 75% / Baseline 71%", "75%", "G", "↑"),
]


def oxfordshire_threshold_cell(out: Path) -> None:
    """HTML dashboard printed by Chromium: target and baseline written together in one cell
    ("Target 55% / Baseline 50%"), the quarter's figure in its own column, then RAG and direction."""
    css = (
        "@page { size: A4 landscape; margin: 14mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 10pt; } h1 { font-size: 15pt; color: #1d4e89; } table { border-collapse: collapse; "
        "width: 100%; } th, td { border: 1px solid #888; padding: 4px 6px; vertical-align: top; } "
        "th { background: #1d4e89; color: #fff; } td.n { text-align: center; white-space: nowrap; }"
    )
    rows = "".join(
        f'<tr><td class="n">{no}</td><td>{name}</td><td class="n">{cell}</td><td class="n">{q2}</td>'
        f'<td class="n">{rag}</td><td class="n">{dot}</td></tr>'
        for no, name, cell, q2, rag, dot in OXFORDSHIRE_THRESHOLD_ROWS
    )
    body = (
        "<h1>Annex 1: Performance Dashboard – Social and Community Services, Quarter 2</h1>"
        "<p>Reablement, waiting lists and personalisation. Targets are for March; the baseline is the position "
        "at the start of the year.</p><table><tr><th>No.</th><th>Measure</th><th>Target / Baseline</th>"
        f"<th>Q2</th><th>RAG</th><th>DoT</th></tr>{rows}</table>"
    )
    out.write_text(_html_page("Social and Community Services dashboard Q2", body, css))


IOW_SECTIONS = [
    # (number, heading, sentence holding at most one figure, small table [(label, figure)])
    ("2.1", "Performance indicators achieving quarterly targets",
     "Of the indicators that can be calculated quarterly, 49.2% achieved or exceeded their quarterly "
     "targets this quarter.", [("Previous quarter", "61%")]),
    ("2.2", "GCSE passes at 5 A*-C across the Island",
     "Indicative target ranges for 2005 have been agreed with each high school.",
     [("Target", "60%"), ("Floor", "52%")]),
    ("2.3", "PSA targets achieved or exceeded",
     "Of the nine current PSA targets, three have achieved or exceeded their targets.", [("Latest", "3")]),
    ("2.4", "Children's services indicators achieving their quarter target",
     "In quarter 3, 50% of the children's services indicators achieved their quarter target.", []),
]


def isle_of_wight_numbered_sections(out: Path) -> None:
    """Word report of numbered KPI sections: a numbered heading naming one measure, a sentence holding the
    latest figure, and a small table of target / floor / previous under it."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Isle of Wight Council – Quarterly Performance Management Report")
    _heading(doc, "Quarterly Performance Management Report – performance indicators", 14, "1F3864")
    doc.add_paragraph(
        "Indicators that missed their quarterly target by more than 5% are reported as exceptions; the sections "
        "below give the headline measures."
    )
    for number, heading, sentence, labels in IOW_SECTIONS:
        para = doc.add_paragraph()
        run = para.add_run(f"{number}  {heading}")
        run.bold, run.font.size = True, Pt(12)
        doc.add_paragraph(sentence)
        if labels:
            table = doc.add_table(rows=2, cols=len(labels))
            table.style = "Table Grid"
            for k, (label, figure) in enumerate(labels):
                _cell_text(table.rows[0].cells[k], label, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
                _shade(table.rows[0].cells[k], "DCE6F1")
                _cell_text(table.rows[1].cells[k], figure, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
            _widths(table, [3.5] * len(labels))
        doc.add_paragraph()
    doc.save(out)


GRAVESHAM_ROWS = [
    # (PI, description, Q4 2020/21, last year, national average, Kent average)
    ("PI 23", "Average processing time taken for Housing Benefit claims (days)", "12.4", "12.8", "17", "17"),
    ("PI 24", "Average processing time for changes of circumstance in Housing Benefit claims (days)",
     "2.9", "4", "6", "6"),
]


def gravesham_comparator_grid(out: Path) -> None:
    """Excel-like grid printed by Chromium: each PI with its quarter-4 figure, last year's and two
    comparator averages, then a second small grid of the year's complaints."""
    css = (
        "@page { size: A4 landscape; margin: 12mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 9pt; } h1 { font-size: 13pt; } table { border-collapse: collapse; margin-bottom: 14px; } "
        "th, td { border: 1px solid #bfbfbf; padding: 2px 5px; } th { background: #d9e1f2; } "
        "td.n { text-align: right; width: 22mm; }"
    )
    rows = "".join(
        f'<tr><td>{pi}</td><td>{name}</td><td class="n">{q4}</td><td class="n">{ly}</td><td class="n">{nat}</td>'
        f'<td class="n">{kent}</td></tr>'
        for pi, name, q4, ly, nat, kent in GRAVESHAM_ROWS
    )
    body = (
        "<h1>Corporate Performance Report: Quarter 4 2020/21 – Revenues &amp; Benefits</h1>"
        "<table><tr><th>PI</th><th>Description</th><th>Q4 2020/21</th><th>Last year</th><th>National average</th>"
        f"<th>Kent average</th></tr>{rows}</table>"
        "<table><tr><th>PI</th><th>Description</th><th>Q4 2020/21</th><th>2020/21</th><th>2019/20</th></tr>"
        '<tr><td>PI 26</td><td>Total number of reported corporate complaints</td><td class="n">64</td>'
        '<td class="n">209</td><td class="n">255</td></tr></table>'
    )
    out.write_text(_html_page("Gravesham corporate performance Q4 2020/21", body, css))


MEDWAY_BAND_ROWS = [
    # (quarter, achieved target, below target within acceptable variance, outside acceptable variance)
    ("Quarter 3 2010/11", "36", "4", "11"),
    ("Quarter 1 2011/12", "32", "4", "11"),
    ("Quarter 3 2011/12", "42", "5", "12"),
]


def medway_rag_band_columns(out: Path) -> None:
    """Excel dashboard with the RAG bands as columns (green / amber / red, each named in its header) and
    the quarters as rows, cells filled in their band's colour."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Council Plan KPIs"
    ws["A1"] = "Council Plan monitoring – key measures rated each quarter"
    ws["A1"].font = Font(bold=True, size=12)
    heads = ["Quarter", "Green: achieved or outperformed target",
             "Amber: below target but within acceptable variance", "Red: outside acceptable variance"]
    fills = [None, "C6EFCE", "FFEB9C", "FFC7CE"]
    thin = Side(style="thin", color="808080")
    for col, (head, fill) in enumerate(zip(heads, fills, strict=True), start=1):
        cell = ws.cell(row=3, column=col, value=head)
        cell.font = Font(bold=True, size=9)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
    ws.row_dimensions[3].height = 40
    for r, row in enumerate(MEDWAY_BAND_ROWS, start=4):
        for col, (value, fill) in enumerate(zip(row, fills, strict=True), start=1):
            cell = ws.cell(row=r, column=col, value=int(value) if col > 1 else value)
            cell.font = Font(size=9)
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(horizontal="center" if col > 1 else "left")
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
    for col, width in zip("ABCD", (20, 22, 26, 22), strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.print_options.gridLines = False
    wb.save(out)


DOCUMENTS.update(
    {
        ("dev", "oxfordshire_scs_dashboard_q2_threshold_cell"): ("html", oxfordshire_threshold_cell),
        ("dev", "isle_of_wight_qpmr_numbered_sections"): ("docx", isle_of_wight_numbered_sections),
        ("dev", "gravesham_corporate_q4_2020_21_comparators"): ("html", gravesham_comparator_grid),
        ("dev", "medway_council_plan_rag_band_columns"): ("xlsx", medway_rag_band_columns),
    }
)



COPELAND_YEARS = [
    # (year, target, actual): KPI 1.1 Percentage of Council Tax collected, Appendix B 2016-2020
    ("2016/17", "97.70%", "97.77%"),
    ("2017/18", "98.30%", "94.49%"),
    ("2018/19", "95.00%", "97.05%"),
    ("2019/20", "95.00%", "97.15%"),
]


def copeland_one_measure_by_year(out: Path) -> None:
    """Word appendix: a heading naming one KPI, a comment, and a small table whose rows are years and
    whose columns are the kinds of figure (target, actual)."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Copeland Borough Council – Key Performance Indicators 2016 – 2020")
    _heading(doc, "Appendix B  Key Performance Indicators – 2016 – 2020", 14, "1F3864")
    para = doc.add_paragraph()
    run = para.add_run("KPI 1.1 Percentage of Council Tax collected")
    run.bold, run.font.size = True, Pt(12)
    doc.add_paragraph(
        "Comment: collection fell in one year after a cyber-attack on the council's systems and recovered "
        "above the locally set target in the two years after."
    )
    table = doc.add_table(rows=1 + len(COPELAND_YEARS), cols=3)
    table.style = "Table Grid"
    for k, label in enumerate(("Year", "Target", "Actual")):
        _cell_text(table.rows[0].cells[k], label, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(table.rows[0].cells[k], "DCE6F1")
    for r, row in enumerate(COPELAND_YEARS, start=1):
        for k, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.LEFT if k == 0 else WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(table.rows[r].cells[k], text, size=10, align=align)
    _widths(table, [3.0, 3.0, 3.0])
    doc.save(out)


BROXBOURNE_YEARS = [
    # (year, council tax collected in the billing year, business rates collected in the billing year)
    ("2010/11", "98.0%", "98.9%"),
    ("2011/12", "98.2%", "99.0%"),
    ("2012/13", "98.2%", "98.3%"),
    ("2013/14", "97.9%", "98.8%"),
    ("2014/15", "98.0%", "99.2%"),
]


def broxbourne_measures_as_columns(out: Path) -> None:
    """HTML page printed by Chromium: one row per year, one column per measure (its reference and name
    in the header cell)."""
    css = (
        "@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 10pt; } h1 { font-size: 14pt; } table { border-collapse: collapse; } "
        "th, td { border: 1px solid #999; padding: 3px 6px; } th { background: #e7e6e6; width: 55mm; } "
        "td.n { text-align: right; }"
    )
    rows = "".join(
        f'<tr><td>{year}</td><td class="n">{ctax}</td><td class="n">{nndr}</td></tr>'
        for year, ctax, nndr in BROXBOURNE_YEARS
    )
    body = (
        "<h1>Council tax performance – collection statistics</h1>"
        "<p>The figures show the percentage of tax collected within the year of liability.</p>"
        "<table><tr><th style='width:20mm'>Year</th>"
        "<th>C6 Percentage of council tax collected in the billing year</th>"
        "<th>C7 Percentage of business rates collected in the billing year</th></tr>"
        f"{rows}</table>"
    )
    out.write_text(_html_page("Broxbourne council tax performance", body, css))


DOCUMENTS.update(
    {
        ("dev", "copeland_kpi_appendix_years_as_rows"): ("docx", copeland_one_measure_by_year),
        ("dev", "broxbourne_collection_years_as_rows"): ("html", broxbourne_measures_as_columns),
    }
)


# ------------------------- dev, round 9: figures written in sentences, under headings, in bullet lists (issue 8)


SHROPSHIRE_PAGES = [
    # (heading naming one measure, its definition, [paragraphs], [benchmark bullets])
    ("Rate of Looked After Children per 10,000 population (0-17 years)",
     "Looked After Children, rate per 10,000 children aged under 18.",
     ["The rate of Looked After Children per 10,000 children aged under 18 has risen during quarter 4 to 56.9.",
      "This is a raise from 54.9 at the end of quarter 3, and a rise from 49.1 at the end of March 2017. "
      "Shropshire's rate is now similar to statistical neighbour averages, and remains lower than the England "
      "average.",
      "Latest benchmarking figures for March 2016 show LAC rates of:"],
     ["Shropshire = 47", "Statistical neighbours = 53.8", "England = 60"]),
    ("Rate of children with a Child Protection Plan per 10,000 population (0-18 years)",
     "Number of children with Child Protection Plans (CPP) per 10,000 population aged 0-18 years.",
     ["The overall aim of a Child Protection Plan is to ensure the child is safe and prevent him or her from "
      "suffering further harm.",
      "The rate of Child Protection plans increased between Q4 17/18 (31.8) and Q2 18/19 (40.7). Shropshire's "
      "rate is now in-line with Statistical Neighbours and below the England Average."], []),
    ("Rate of children becoming subject to a Child Protection Plan",
     "Children becoming subject to a Child Protection Plan in the year, per 10,000 population aged 0-18 years.",
     ["The annual rate of children becoming subject to a Child Protection Plan (CPP) for year ending June 2017 "
      "is 34.1; this has now fallen below the national average and the Statistical Neighbours average."], []),
]


def shropshire_measure_pages(out: Path) -> None:
    """A performance portal's measure pages printed by Chromium: each measure a heading, a grey definition
    line, paragraphs holding the latest figure and earlier ones (in words or in brackets after each period),
    and benchmark figures as a bullet list of `Area = figure`."""
    css = (
        "@page { size: A4; margin: 16mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 10.5pt; color: #222; } h1 { font-size: 16pt; color: #00506e; } "
        "h2 { font-size: 13pt; color: #00506e; border-bottom: 2px solid #00506e; margin-top: 22px; } "
        ".def { color: #666; font-style: italic; } ul { margin-top: 0; }"
    )
    parts = ["<h1>Shropshire Council performance portal – Children's social care</h1>"]
    for heading, definition, paragraphs, bullets in SHROPSHIRE_PAGES:
        parts.append(f"<h2>{heading}</h2><p class='def'>{definition}</p>")
        parts.extend(f"<p>{text}</p>" for text in paragraphs)
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
    out.write_text(_html_page("Shropshire performance portal", "\n".join(parts), css))


def caerphilly_two_measures_paragraph(out: Path) -> None:
    """Word scrutiny report of numbered paragraphs: one paragraph names two measures, each figure followed by
    last year's in brackets (`(2017-18: 60.78%)`), then a paragraph of the same two measures in words."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Caerphilly County Borough Council – Social Services Scrutiny Committee")
    _heading(doc, "SOCIAL SERVICES SCRUTINY COMMITTEE – CARE LEAVERS: EDUCATION, TRAINING AND EMPLOYMENT", 12)
    for number, text in [
        ("1.1", "The report informs Members of the outcomes of young people leaving care in 2018-19, as "
         "reported under the Social Services and Well-being (Wales) Act performance measures."),
        ("2.1", "The percentage of care leavers in education, training or employment 12 months after leaving "
         "care was 51.35% in 2018-19 (2017-18: 51.16%), and the percentage of care leavers in education, "
         "training or employment 24 months after leaving care was 45.16% (2017-18: 60.78%)."),
        ("2.2", "The numbers are small: two or three young people account for the fall at 24 months. Some of "
         "them are carers or parents themselves, and some cannot work because of their mental health."),
    ]:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(1.2)
        para.paragraph_format.first_line_indent = Cm(-1.2)
        para.add_run(f"{number}\t{text}")
    doc.save(out)


MAIDSTONE_BULLETS = [
    ("The percentage of land and highways with acceptable levels of litter", "98.34%", "98.00%"),
    ("Percentage of successful relief duty outcomes", "54.33%", "60.00%"),
    ("Percentage of successful prevention duty outcomes", "60.00%", "60.00%"),
    ("Number of students benefiting from the museums educational service", "1,027", "1,450"),
    ("Success rate for planning appeals (6mth rolling)", "59.09%", "75%"),
]


def maidstone_bullet_list(out: Path) -> None:
    """Word quarterly report: the strategic scorecard written as a bullet list `Measure: value (target x)`,
    then a summary paragraph whose figures are changes and counts of indicators, not measures."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Maidstone Borough Council – Policy and Resources Committee")
    _heading(doc, "Quarter 2 Performance Monitoring 2019/20", 14)
    doc.add_paragraph("Strategic scorecard, quarter 2 (July to September 2019):")
    for name, value, target in MAIDSTONE_BULLETS:
        doc.add_paragraph(f"{name}: {value} (target {target})", style="List Bullet")
    _heading(doc, "Overall Summary of Performance", 12)
    doc.add_paragraph(
        "Overall, the majority of performance indicators relating to A Thriving Place have performed well "
        "against target for Quarter 2, with five of the seven targeted indicators achieving target. While "
        "footfall in the Museum has achieved the quarterly target, the number of students benefiting from the "
        "Museum's education service has not. The Quarter 2 out-turn represents a decrease of 28% compared to "
        "Quarter 2 in 2018/19."
    )
    doc.save(out)


def cambridgeshire_paragraph_from_to(out: Path) -> None:
    """An intelligence-hub page printed by Chromium: a heading naming a topic, a paragraph with a range that is
    no measure (`340-365`) and a rate's start and end of the year (`from 2.85 to 2.92`)."""
    css = (
        "@page { size: A4; margin: 18mm; } body { font-family: 'Liberation Serif', serif; font-size: 12pt; } "
        "h1 { font-size: 18pt; } h2 { font-size: 14pt; color: #7a1f5c; }"
    )
    body = (
        "<h1>Cambridgeshire Insight – Children and young people</h1><h2>Child protection</h2>"
        "<p>According to the LSCB Annual Report for 2010, the county total of children subject to a child "
        "protection plan has stabilised throughout 2009-2010 at around the 340-365 mark. The overall rate of "
        "registration per 1,000 0-18 year olds in Cambridgeshire increased slightly throughout the year from "
        "2.85 to 2.92, a high rate in comparison to other comparator authorities in the previous year.</p>"
        "<p>The Cambridge City and South Cambridgeshire area has consistently had lower numbers and a lower rate "
        "of registrations than Fenland, although by the end of March 2010 the rate was higher in Huntingdonshire "
        "than Fenland for the first time.</p>"
    )
    out.write_text(_html_page("Cambridgeshire Insight child protection", body, css))


def barking_dagenham_minutes_bullets(out: Path) -> None:
    """Word cabinet minutes: a numbered minute, then a bullet list of highlights, one of them a measure's
    latest and earlier figure in a clause (`from 2,349 at the end of 2019/20 to 3,357 at present`) after the
    change (`a 43% increase`), the others changes or words only."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "London Borough of Barking and Dagenham – Cabinet minutes, 12 July 2022")
    _heading(doc, "22. Corporate Plan 2020-22 – Quarters 3 and 4 2021/22 Performance Monitoring", 12)
    doc.add_paragraph(
        "The Cabinet Member for Finance, Growth and Core Services introduced a report which summarised "
        "performance in quarters three and four of 2021/22 against the metrics and deliverables in the "
        "Council's Corporate Plan 2020-22, and highlighted:"
    )
    for bullet in [
        "a 43% increase in the number of children meeting the threshold for statutory intervention from "
        "Children's Social Care, from 2,349 at the end of 2019/20 to 3,357 at present;",
        "a 31% increase over the same period in the number of children meeting the extremely high child "
        "protection threshold;",
        "a return to pre-pandemic levels in Early Years provision;",
        "a record number of Year 11 students progressing to an education destination; and",
        "the lowest ever recorded number of young people aged 16-18 not in education, employment or training.",
    ]:
        doc.add_paragraph(bullet, style="List Bullet")
    doc.add_paragraph("Cabinet resolved to note the performance highlights and areas of improvement.")
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "shropshire_measure_pages_headed_sentences"): ("html", shropshire_measure_pages),
        ("dev", "caerphilly_two_measures_one_paragraph"): ("docx", caerphilly_two_measures_paragraph),
        ("dev", "maidstone_scorecard_bullet_list"): ("docx", maidstone_bullet_list),
        ("dev", "cambridgeshire_child_protection_from_to"): ("html", cambridgeshire_paragraph_from_to),
        ("dev", "barking_dagenham_minutes_bullets"): ("docx", barking_dagenham_minutes_bullets),
    }
)



# ------------------------------------------------ dev, round 8: KPI tables as councils publish them


SLOUGH_ROWS = [
    # (period as printed, contacts, contacts per 10,000, referrals, referrals per 10,000): LSCB performance report
    ("1 April 2016 – 31 March 2017", "9,861", "–", "2,219", "–"),
    ("1 April 2017 – 31 March 2018", "9,645", "232.9", "1,580", "381.5"),
]


def slough_measures_as_columns(out: Path) -> None:
    """Word LSCB performance report: an unruled table whose column headers name the measures and whose rows
    are the two years (periods down the side), bold headers over a thin rule only, between paragraphs."""
    doc = _base_document(landscape=False, font="Calibri", size=11)
    _footer(doc, "Slough Local Safeguarding Children Board – Performance Report 2017/18")
    _heading(doc, "LSCB Performance Report 2017/18", 16, "5B2C6F")
    doc.add_paragraph(
        "This report provides a summary of performance data in Slough Children's Services Trust based on figures "
        "at the end of March 2018, with some comparable data at the same time in the previous year."
    )
    para = doc.add_paragraph()
    run = para.add_run("Contacts and referrals to Children's Social Care")
    run.bold, run.font.size = True, Pt(12)
    doc.add_paragraph(
        "Contacts are all contacts received by the First Contact Service, including email and phone contact. A "
        "contact becomes a referral once the First Contact Service has processed it and the threshold has been met."
    )
    headers = ("Year", "Contacts received", "Contacts per 10,000 (0–17 population)", "Referrals received",
               "Referrals per 10,000 (0–17 population)")
    table = doc.add_table(rows=1 + len(SLOUGH_ROWS), cols=len(headers))
    _no_borders(table)
    for k, text in enumerate(headers):
        _cell_text(table.rows[0].cells[k], text, bold=True, size=10,
                   align=WD_ALIGN_PARAGRAPH.LEFT if k == 0 else WD_ALIGN_PARAGRAPH.RIGHT)
        tc_pr = table.rows[0].cells[k]._tc.get_or_add_tcPr()
        borders = OxmlElement("w:tcBorders")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "6")
        borders.append(bottom)
        tc_pr.append(borders)
    for r, row in enumerate(SLOUGH_ROWS, start=1):
        for k, text in enumerate(row):
            _cell_text(table.rows[r].cells[k], text, size=10,
                       align=WD_ALIGN_PARAGRAPH.LEFT if k == 0 else WD_ALIGN_PARAGRAPH.RIGHT)
    _widths(table, [4.4, 2.8, 3.6, 2.8, 3.6])
    doc.add_paragraph()
    doc.add_paragraph(
        "Contacts are made by a wide range of organisations; during the year the highest volume of contacts has "
        "consistently come from the Police, schools and health. These are the key statutory agencies and it is "
        "expected that a significant proportion of referrals will come through these routes."
    )
    doc.save(out)


OXFORDSHIRE_PAF = [
    # (code, indicator, 2005-06 outturn, comparator group average, comment): scrutiny item CH7, 26 Sep 2006
    ("A1", "The proportion of Looked After children with 3 placements or more", "12%", "",
     "12% is average within our comparator group, and in the highest performing band."),
    ("D35", "The proportion of children Looked After for 4 years who have been in the same placement for 2 years",
     "56%", "", "56% is above average, and represents steadily improving performance."),
    ("D78", "The proportion of children Looked After for 2½ years who have been in the same placement for at "
     "least 2 years, or are placed for adoption", "71.3%", "65.2%",
     "The replacement for D35 (improved stability), even better at 71.3% against the IPF group average; not yet "
     "banded."),
]


def oxfordshire_code_then_name(out: Path) -> None:
    """Word scrutiny paper: a ruled table whose first column holds the PAF code and the second the measure's
    name, then the outturn, the comparator group average and a wide comment column with figures in it."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Children's Services Scrutiny Committee – 26 September 2006 – Item CH7")
    _heading(doc, "Stability of placements for children looked after – scrutiny review", 13, "000000")
    doc.add_paragraph("The out-turn position for 2005-06 was as follows:")
    headers = ("PAF ref", "Indicator", "2005-06 out-turn", "IPF group average", "Comment")
    table = doc.add_table(rows=1 + len(OXFORDSHIRE_PAF), cols=len(headers))
    table.style = "Table Grid"
    for k, text in enumerate(headers):
        _cell_text(table.rows[0].cells[k], text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(table.rows[0].cells[k], "D9D9D9")
    for r, row in enumerate(OXFORDSHIRE_PAF, start=1):
        for k, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.CENTER if k in (2, 3) else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(table.rows[r].cells[k], text, size=9, align=align)
    _widths(table, [1.5, 6.0, 2.0, 2.0, 5.9])
    doc.add_paragraph()
    doc.add_paragraph(
        "Performance is strong against these indicators. Overall performance in children's social care rose again "
        "in 2005-06, and we believe we are now the 11th highest performing council nationally, out of 152 (we were "
        "22nd overall last year, and 138th the year before)."
    )
    doc.save(out)


KENT_QPR_ROWS = [
    # (measure, Q1 2024/25, previous quarter Q4 2023/24, same period last year Q1 2023/24, symbol)
    ("KPIs achieving target (Green)", 17, 17, None, "●"),
    ("KPIs achieving floor standard but not target (Amber)", 14, 11, None, "●"),
    ("KPIs not achieving floor standard (Red)", 8, 10, None, "●"),
    ("KPIs with a positive trend", 11, 9, 4, "▲"),
    ("KPIs stable or with no clear trend", 21, 20, None, "►"),
    ("KPIs with a negative trend", 7, 9, 10, "▼"),
    ("Pothole repair requests", 7856, None, 5376, "▼"),
]


def kent_qpr_three_row_header(out: Path) -> None:
    """Excel summary sheet printed landscape by LibreOffice Calc: a three-row header (a merged group row,
    a row of periods and a row of kinds: `Quarter 1 2024/25` / `Q1 2024/25` / `Actual`, `Previous quarter` /
    `Q4 2023/24`, `Same period last year` / `Q1 2023/24`), RAG dots and direction-of-travel arrows as symbols."""
    wb = Workbook()
    ws = wb.active
    ws.title = "QPR Q1 summary"
    _xlsx_page(ws)
    ws["A1"] = "Kent County Council – Quarterly Performance Report, Quarter 1 2024/25: summary"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    ws["A2"] = "Ratings against target and floor standard, and direction of travel, to the end of June 2024"
    ws["A2"].font = Font(name="Arial", size=9, italic=True)
    _xlsx_row(ws, 4, ["Measure", "This quarter", "Comparison", None, "RAG / DoT"], bold=True, fill="1F4E79")
    _xlsx_row(ws, 5, [None, "Q1 2024/25", "Previous quarter", "Same period last year", None], bold=True,
              fill="2E75B6")
    _xlsx_row(ws, 6, [None, "Actual", "Q4 2023/24", "Q1 2023/24", None], bold=True, fill="2E75B6")
    ws.merge_cells("A4:A6")
    ws.merge_cells("C4:D4")
    ws.merge_cells("E4:E6")
    colours = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}
    for r, (name, latest, previous, year_ago, symbol) in enumerate(KENT_QPR_ROWS, start=7):
        _xlsx_row(ws, r, [name, latest, previous if previous is not None else "n/a",
                          year_ago if year_ago is not None else "n/a", symbol])
        for col in (2, 3, 4):
            if isinstance(ws.cell(row=r, column=col).value, int):
                ws.cell(row=r, column=col).number_format = "#,##0"
        word = next((w for w in colours if f"({w})" in name), None)
        ws.cell(row=r, column=5).font = Font(name="DejaVu Sans", size=11,
                                             color=colours.get(word or "", "1F4E79"))
    for col, width in zip("ABCDE", (52, 14, 16, 20, 11), strict=True):
        ws.column_dimensions[col].width = width
    note = 7 + len(KENT_QPR_ROWS) + 1
    ws.cell(row=note, column=1, value="● RAG rating   ▲ improving   ► stable or no clear trend   ▼ worsening")
    ws.cell(row=note, column=1).font = Font(name="DejaVu Sans", size=8, italic=True)
    wb.save(out)


HERTS_CHALLENGES = [
    # (indicator, 2004/05, 2005/06, target 05/06, target 06/07, target 07/08, notes): challenge monitor, March 2006
    ("% residents who expressed an opinion and believe the County Council has been successful in helping people "
     "feel safe and secure over the past year (from Annual tracking survey)", "Challenge began 05/06", "62%",
     "Baseline set by 05/06 result", "64%", "66%",
     "The survey in Autumn 2005 provided the baseline of 62% (excluding 13% of the survey who didn't respond / "
     "didn't know)."),
    ("The number of properties secured by the Hertfordshire Home Security Service", "2,664",
     "Apr – Dec = 1,856\nFull year projection = 2,475", "2,930", "3,223", "3,384",
     "A very large increase in the 4th quarter of 04/05 pushed up last year's performance. The first three "
     "quarters of 05/06 show a 22% increase on the similar period in 2004/05. Targets for 05/06 and subsequent "
     "years have been amended."),
]


def hertfordshire_challenges_notes(out: Path) -> None:
    """Word monitor, landscape: a two-row header grouping the periods under their kind (`Performance` over
    `2004/05` / `2005/06`, `Targets` over `2005/06` / `2006/07` / `2007/08`), then a wide notes column whose
    sentences hold figures of their own (a baseline, a share of non-respondents, a quarter's increase)."""
    doc = _base_document(landscape=True, font="Arial", size=9)
    _footer(doc, "Hertfordshire County Council – Challenges Monitor for Scrutiny Committees – March 2006")
    _heading(doc, "Help people feel safe and secure", 12, "000000")
    doc.add_paragraph("Scrutiny Committee: Adult Care and Community Safety. Data for 2005/06 is the latest available.")
    table = doc.add_table(rows=2 + len(HERTS_CHALLENGES), cols=7)
    table.style = "Table Grid"
    top = ["Performance Indicators", "Performance", "", "Targets", "", "", "Notes"]
    second = ["", "2004/05", "2005/06", "2005/06", "2006/07", "2007/08",
              "Assessment of performance against target and any reasons for non reporting"]
    for k, text in enumerate(top):
        _cell_text(table.rows[0].cells[k], text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    for k, text in enumerate(second):
        _cell_text(table.rows[1].cells[k], text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in table.rows[:2]:
        for cell in row.cells:
            _shade(cell, "BDD7EE")
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(0, 5))
    table.cell(0, 0).merge(table.cell(1, 0))
    _cell_text(table.cell(0, 0), "Performance Indicators", bold=True, size=9)
    _cell_text(table.cell(0, 1), "Performance", bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(table.cell(0, 3), "Targets", bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, row in enumerate(HERTS_CHALLENGES, start=2):
        for k, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.LEFT if k in (0, 6) else WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(table.rows[r].cells[k], text, size=9, align=align)
    _widths(table, [6.5, 2.2, 3.0, 2.4, 1.8, 1.8, 8.3])
    doc.save(out)


NORTHUMBERLAND_CASES = [
    # (measure, count at 31 July 2014, comment): Safeguarding Activity Trends Report, FACS Scrutiny 16 Oct 2014
    ("Cases open to Children's Services", "3,711",
     "All cases needing social work intervention are allocated to a named social worker; extract of all open "
     "cases taken on 31st July 2014."),
    ("Cases held open on a child in need basis", "3,045",
     "82% of all open cases (3,045 of 3,711) were being held open on a child in need basis."),
    ("Cases involving children looked after by the County Council", "346",
     "9% of open cases; some of these children are also subject to a Child Protection Plan."),
    ("Cases of children subject to a Child Protection Plan", "356",
     "10% of open cases; all child protection cases are allocated to suitably skilled, experienced and qualified "
     "social workers, and the capacity in the teams is closely monitored."),
]


def northumberland_comment_column(out: Path) -> None:
    """HTML report page printed by Chromium: a caseload table with a long comment column whose sentences
    carry percentages and counts of their own beside the row's one figure."""
    css = (
        "@page { size: A4; margin: 16mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 10pt; } h1 { font-size: 14pt; } h2 { font-size: 11pt; } table { border-collapse: collapse; "
        "width: 100%; } th, td { border: 1px solid #777; padding: 4px 6px; vertical-align: top; } "
        "th { background: #dde4ee; text-align: left; } td.n { text-align: right; white-space: nowrap; }"
    )
    rows = "".join(
        f'<tr><td>{name}</td><td class="n">{count}</td><td>{comment}</td></tr>'
        for name, count, comment in NORTHUMBERLAND_CASES
    )
    body = (
        "<h1>Families and Children's Services Scrutiny Committee – 16 October 2014</h1>"
        "<h2>Safeguarding Activity Trends Report: caseloads analysis</h2>"
        "<p>Systems are in place to monitor the Integrated Children's System closely with regard to unallocated "
        "cases and social care locality team caseloads. As part of this process a list of all open cases was "
        "extracted on 31st July 2014.</p>"
        "<table><tr><th style='width:38%'>Measure</th><th style='width:12%'>At 31 July 2014</th>"
        f"<th>Comment</th></tr>{rows}</table>"
    )
    out.write_text(_html_page("Northumberland safeguarding activity trends", body, css))


WINCHESTER_YEARS = ("2009/10", "2010/11", "2011/12", "2012/13", "2013/14", "2014/15", "2014/15", "2015/16",
                    "2016/17", "2017/18")
WINCHESTER_KINDS = ("Actual",) * 5 + ("Target", "Actual", "Target", "Target", "Target")
WINCHESTER_ROWS = [
    # (section or None, indicator, code, ten figures under WINCHESTER_YEARS / WINCHESTER_KINDS): service standards
    ("Benefits", "Average time to process new claims", "LPI0538",
     ("15.01", "15", "18.30", "16.18", "18.93", "18", "19.51", "18", "18", "18")),
    (None, "Average time to process change of circumstances", "LPI0539",
     ("4.2", "4.74", "4.94", "3.80", "3.67", "5", "4.86", "5", "5", "5")),
    (None, "Recovered overpayments as a % of those identified in year", "LPI0543",
     ("88.12%", "92.37%", "72.12%", "65.91%", "73.65%", "70%", "64.74", "70%", "70%", "70%")),
    (None, "Recovered overpayments as a % of total debt", "LPI0544",
     ("30.51%", "32.50%", "29.2%", "29.27%", "28.83%", "30%", "32.36", "30%", "30%", "30%")),
    ("Taxes", "Council tax collected", "LPI0541",
     ("98.78%", "98.80%", "98.76%", "98.76%", "98.57%", "98.65%", "98.62%", "98.63%", "98.64%", "98.65%")),
    (None, "Business rates collected", "LPI0542",
     ("97.78%", "99.57%", "98.47%", "98.56%", "99.43%", "99.44%", "98.56%", "98.58%", "98.59%", "98.60%")),
]


def _winchester_table(doc: Document, rows: list, *, header: bool) -> None:
    widths = [6.2, 1.9] + [1.75] * 10
    table = doc.add_table(rows=(2 if header else 0), cols=12)
    table.style = "Table Grid"
    if header:
        top = ["Performance Indicators", "NPI/LPI", *WINCHESTER_YEARS]
        for k, text in enumerate(top):
            _cell_text(table.rows[0].cells[k], text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        for k, text in enumerate(WINCHESTER_KINDS, start=2):
            _cell_text(table.rows[1].cells[k], text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        for row in table.rows:
            _repeat_header(row)
            for cell in row.cells:
                _shade(cell, "DDEBF7")
        table.cell(0, 7).merge(table.cell(0, 8))
        _cell_text(table.cell(0, 7), "2014/15", bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        table.cell(0, 0).merge(table.cell(1, 0))
        _cell_text(table.cell(0, 0), "Performance Indicators", bold=True, size=9)
        table.cell(0, 1).merge(table.cell(1, 1))
        _cell_text(table.cell(0, 1), "NPI/LPI", bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    for section, name, code, figures in rows:
        if section:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            _cell_text(merged, section, bold=True, size=10)
            _shade(merged, "F2F2F2")
        cells = table.add_row().cells
        _cell_text(cells[0], name, size=10)
        _cell_text(cells[1], code, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        for k, text in enumerate(figures, start=2):
            _cell_text(cells[k], text, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
        tr_pr = table.rows[-1]._tr.get_or_add_trPr()  # tall rows, as the published table's: it runs over pages
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(int(Cm(3.4).twips)))
        height.set(qn("w:hRule"), "atLeast")
        tr_pr.append(height)
    _widths(table, widths)


def winchester_two_row_header_three_pages(out: Path) -> None:
    """Word service standards, landscape: a two-row header (each year over `Actual` or `Target`, `2014/15`
    merged over both), the name column before the code column, section rows; the table starts under
    the introduction, runs on to page 2 under its repeated header, and its last section was pasted after
    a page break as a table of its own without the header (page 3)."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _footer(doc, "Winchester City Council – Our service standards: national and local performance indicators")
    _heading(doc, "Service standards – National and local performance indicators", 14, "1F3864")
    for text in (
        "This page sets out the performance indicators for the Revenues and Benefits service: what was achieved in "
        "each of the last five years, the target and the result for 2014/15, and the targets for the next three "
        "years.",
        "Benefits indicators measure how quickly claims and changes of circumstances are processed, and how much "
        "of the overpaid benefit identified is recovered. Taxes indicators measure the share of council tax and "
        "business rates collected in the year they are due.",
        "Times are average calendar days. Percentages for recovered overpayments are of the overpayments "
        "identified in the year, or of the total debt outstanding.",
    ):
        para = doc.add_paragraph(text)
        para.paragraph_format.space_after = Pt(10)
    _winchester_table(doc, WINCHESTER_ROWS[:4], header=True)
    _page_break(doc)
    _winchester_table(doc, WINCHESTER_ROWS[4:], header=False)
    doc.save(out)


DURHAM_CIN_AREAS = [
    # (area, CIN per 10,000 at 31 March 2022, CIN with SEN support 2021, CIN eligible for FSM 2021): JSNA
    ("County Durham", "372", "22%", "73%"),
    ("North East", "470.7", "20.2%", "65.2%"),
    ("Statistical neighbours", "444.8", "20.4%", "63.8%"),
    ("England", "334.3", "20.9%", "56.8%"),
]


def durham_areas_down_measures_across(out: Path) -> None:
    """Word JSNA page: an unruled table whose rows are areas (the county, its region, its statistical
    neighbours, England) and whose column headers name the measures, each with its date."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Durham Insight – JSNA: Starting Well – Children in need")
    _heading(doc, "Children in need", 14, "00205B")
    doc.add_paragraph(
        "The Children Act 1989 defines a Child in Need as a child who is unlikely to achieve or maintain a reasonable "
        "standard of health or development without the provision of services by a local authority. The table compares "
        "County Durham with the regional, statistical neighbour and national benchmarks."
    )
    headers = ("", "Children in need per 10,000 (31 March 2022)", "Children in need with SEN support (2021)",
               "Children in need eligible for free school meals (2021)")
    table = doc.add_table(rows=1 + len(DURHAM_CIN_AREAS), cols=len(headers))
    _no_borders(table)
    for k, text in enumerate(headers):
        _cell_text(table.rows[0].cells[k], text, bold=True, size=9,
                   align=WD_ALIGN_PARAGRAPH.LEFT if k == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    for r, row in enumerate(DURHAM_CIN_AREAS, start=1):
        for k, text in enumerate(row):
            _cell_text(table.rows[r].cells[k], text, size=9, bold=k == 0 and r == 1,
                       align=WD_ALIGN_PARAGRAPH.LEFT if k == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [4.2, 4.2, 4.2, 4.2])
    doc.add_paragraph()
    doc.add_paragraph(
        "Locally there was little change in the rate between 2018 and 2020, but there has been an uptick for 2021 and "
        "2022 which is reflected in the regional, statistical neighbour and national benchmarks."
    )
    doc.save(out)


LANCASHIRE_AREAS = [
    # (area, referrals per 10,000, re-referrals within 12 months, assessments within 45 working days): 2021/22
    ("Lancashire", "253.9", "19.1%", "90%"),
    ("North West", "548.1", "22%", "81.2%"),
    ("England", "537.7", "21.5%", "84.5%"),
]


def lancashire_areas_down_html(out: Path) -> None:
    """HTML insight page printed by Chromium: a ruled table of areas down the side (the county, the region,
    England) and three measures across, under a heading naming the year."""
    css = (
        "@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', Arial, sans-serif; "
        "font-size: 10pt; } h1 { font-size: 15pt; } h2 { font-size: 12pt; } table { border-collapse: collapse; } "
        "th, td { border: 1px solid #8a8a8a; padding: 4px 8px; } th { background: #e8eef4; width: 42mm; } "
        "td.n { text-align: center; }"
    )
    rows = "".join(
        f"<tr><td>{area}</td><td class='n'>{a}</td><td class='n'>{b}</td><td class='n'>{c}</td></tr>"
        for area, a, b, c in LANCASHIRE_AREAS
    )
    body = (
        "<h1>Children's social care overview</h1>"
        "<p>The Department for Education's Local Authority Interactive Tool (LAIT) gives a wide range of data on "
        "children's safeguarding. Key findings for Lancashire-12 are set out below.</p>"
        "<h2>Children in need, 2021/22</h2>"
        "<table><tr><th style='width:30mm'>Area</th><th>Referrals to children's social care per 10,000</th>"
        "<th>Re-referrals within 12 months</th><th>Assessments completed within 45 working days</th></tr>"
        f"{rows}</table>"
        "<p>In 2021 Lancashire launched the Family Safeguarding model, possibly a key driver of some of the "
        "changes.</p>"
    )
    out.write_text(_html_page("Lancashire insight: children's social care overview", body, css))


DOCUMENTS.update(
    {
        ("dev", "slough_lscb_2017_18_measures_as_columns"): ("docx", slough_measures_as_columns),
        ("dev", "oxfordshire_paf_2005_06_code_then_name"): ("docx", oxfordshire_code_then_name),
        ("dev", "kent_qpr_q1_2024_25_three_row_header"): ("xlsx", kent_qpr_three_row_header),
        ("dev", "hertfordshire_challenges_2006_notes_column"): ("docx", hertfordshire_challenges_notes),
        ("dev", "northumberland_caseloads_2014_comment_column"): ("html", northumberland_comment_column),
        ("dev", "winchester_service_standards_three_pages"): ("docx", winchester_two_row_header_three_pages),
        ("dev", "durham_cin_2022_areas_down_measures_across"): ("docx", durham_areas_down_measures_across),
        ("dev", "lancashire_insight_2021_22_areas_down"): ("html", lancashire_areas_down_html),
    }
)



# --------------------------- dev, round 10: Welsh measure tables and English year-end scorecards (issue 8)

POWYS_Q1_2019_20 = [
    # (measure, Q1 2019/20 result): Powys cabinet, quarter 1 2019/20 performance report as reported (County Times)
    ("Percentage of Top 20 performance measures achieved", "46%", "Coch / Red"),
    ("Percentage of Corporate Improvement Plan (CIP) measures achieved", "57%", "Ambr / Amber"),
    ("Percentage of Public Accountability Measures (PAMs) achieved", "50%", "Ambr / Amber"),
    ("Percentage of Strategic Equality Plan (SEP) measures achieved", "50%", "Ambr / Amber"),
    ("Percentage of CIP activities on track", "57%", "Ambr / Amber"),
    ("Percentage of calls answered within timescale", "94%", "Gwyrdd / Green"),
    ("Percentage of adult protection enquiries completed within statutory timescales", "96%", "Gwyrdd / Green"),
]


def powys_q1_2019_20_welsh_beside_english(out: Path) -> None:
    """Word table of a Welsh council's quarterly monitoring framework: each header cell holds the Welsh words
    beside the English ones on one line in two runs of different colour (`Mesur  Measure`, `Canlyniad Ch1 2019/20
    Q1 2019/20 result`), the measure text over two lines, a RAG word pair in a filled cell, portrait."""
    doc = _base_document(landscape=False, font="Arial", size=9)
    _footer(doc, "Cyngor Sir Powys County Council – Adroddiad Perfformiad Ch1 / Q1 Performance Report 2019-20")
    _heading(doc, "Fframwaith Monitro – Chwarter 1 2019-20 | Monitoring Framework – Quarter 1 2019-20", 12, "006A4E")
    doc.add_paragraph("Perfformiad 1 Ebrill – 30 Mehefin 2019. Performance 1 April to 30 June 2019.")
    heads = [("Mesur", "Measure"), ("Canlyniad Ch1 2019-20", "Q1 2019-20 result"), ("Statws", "Status")]
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, (welsh, english) in zip(table.rows[0].cells, heads, strict=True):
        cell.text = ""
        para = cell.paragraphs[0]
        run = para.add_run(welsh + "  ")
        run.bold, run.font.size = True, Pt(8)
        run.font.color.rgb = RGBColor.from_string("006A4E")
        run = para.add_run(english)
        run.bold, run.font.size = True, Pt(8)
        _shade(cell, "E2EFDA")
    _repeat_header(table.rows[0])
    fills = {"Gwyrdd / Green": "C6EFCE", "Ambr / Amber": "FFEB9C", "Coch / Red": "FFC7CE"}
    for name, result, rag in POWYS_Q1_2019_20:
        cells = table.add_row().cells
        _cell_text(cells[0], name, size=9)
        _cell_text(cells[1], result, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[2], rag, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cells[2], fills[rag])
    _widths(table, [10.0, 4.0, 3.4])
    doc.save(out)


def powys_measures_over_years_workbook(out: Path) -> None:
    """Excel sheet of the same framework over three reporting periods: a code column, the measure text wrapped
    over two lines, one column per period (`Q1 2019-20`, `Q2 2020-21`, `Q1 2022-23`), a target column, empty
    Wales average and quartile columns, RAG fill and a trend column; fit to one page wide, landscape."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Measures"
    _xlsx_page(ws)
    ws["A1"] = "Powys County Council – Performance measures over time"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="006A4E")
    headers = ["Ref", "Measure", "Q1 2019-20", "Q2 2020-21", "Q1 2022-23", "Target", "Wales average", "Quartile",
               "RAG", "Trend"]
    _xlsx_row(ws, 3, headers, bold=True, fill="006A4E")
    ws.row_dimensions[3].height = 28
    rows = [
        ("PAM", "Percentage of Public Accountability Measures (PAMs) achieving their target", 0.50, 0.24, None,
         None, "FFC7CE", "Worse"),
        ("CIP", "Percentage of Corporate Improvement Plan measures meeting their target", 0.57, None, 0.64, None,
         "FFEB9C", "Better"),
        ("PM24", "The percentage of assessments completed for children within statutory timescales", None, 0.76,
         None, 0.90, "FFC7CE", ""),
    ]
    for r, (code, name, q1, q2, q3, target, fill, trend) in enumerate(rows, start=4):
        _xlsx_row(ws, r, [code, name, q1, q2, q3, target, None, None, None, trend])
        for col in (3, 4, 5, 6):
            ws.cell(row=r, column=col).number_format = "0%"
        ws.cell(row=r, column=9).fill = PatternFill("solid", fgColor=fill)
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[r].height = 26
    for col, width in zip("ABCDEFGHIJ", (7, 44, 11, 11, 11, 9, 10, 9, 6, 8), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


BRIDGEND_WALES_CLA = [
    # (measure, 2017-18, 2018-19, comment): Wales looked after children figures (SFR 106/2019) as a Bridgend paper
    # on reducing the number of looked after children quotes them; 2017-18 figures are the release's own
    # 2018-19 figure less (or plus) the change it states
    ("Number of children looked after at 31 March", "6,407", "6,846",
     "An increase of 439 (7 per cent) on the previous year. Over the past 15 years the number of looked after "
     "children has increased by 34%; this increase cannot be attributed to austerity alone."),
    ("Rate of children looked after per 10,000 population aged under 18", "102", "109",
     "7 percentage points higher than in 2017-18."),
    ("Number of children who started to be looked after during the year", "2,168", "2,125",
     "A decrease of 43 (2 per cent) compared with the previous year."),
    ("Number of children who left care during the year", "1,727", "1,678",
     "A decrease of 49 (3 per cent) compared with the previous year."),
    ("Number of children adopted from care during the year", "306", "309",
     "An increase of 3 (1 per cent) on the previous year."),
]


def bridgend_wales_cla_landscape_two_pages(out: Path) -> None:
    """Word appendix, landscape, its table over two pages with the header row repeated: a Welsh-language column
    label under each English one in the header, the measure text wrapped over two lines, two years' results and
    a long comment column; a paragraph of context pushes the table so that it breaks after the third row."""
    doc = _base_document(landscape=True, font="Arial", size=11)
    _footer(doc, "Bridgend County Borough Council – Cabinet Committee Corporate Parenting – Appendix 1")
    _heading(doc, "Appendix 1 – Children looked after in Wales: headline figures", 13, "1F3864")
    for _ in range(8):
        doc.add_paragraph(
            "Welsh Government is developing reduction expectation plans with each local authority in Wales. The "
            "national figures below are those of the annual release on children looked after by local authorities; "
            "they set the context for the local figures shared with Welsh Government in the preparatory framework "
            "documents and for the activity already under way in the county borough."
        )
    heads = ["Measure\nMesur", "2017-18\n2017-18", "2018-19\n2018-19", "Comment\nSylw"]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "1F3864")
    _repeat_header(table.rows[0])
    for name, before, latest, comment in BRIDGEND_WALES_CLA:
        cells = table.add_row().cells
        _cell_text(cells[0], name, size=10)
        _cell_text(cells[1], before, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[2], latest, size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[3], comment, size=10)
    _widths(table, [8.0, 2.6, 2.6, 12.8])
    doc.save(out)


BLACKBURN_HALF_YEAR = [
    # (outcome heading, [(measure, good performance is, baseline, target, half-year, RAG)]): Blackburn with
    # Darwen Corporate Plan 2018/19 performance report, half-year (April - September 2018)
    ("1. Your Call – improvements to make Blackburn with Darwen cleaner and greener", [
        ("Your Call clean ups delivered", "Higher", "On-going delivery", 90, 56, "GREEN"),
        ("Other Your Call activity delivered", "Higher", "On-going delivery", 150, 509, "GREEN"),
        ("Volunteers supporting council services (Your Call)", "Higher", "On-going delivery", None, 711, "GREEN"),
    ]),
    ("2. Resilient communities – more capable of doing things for themselves", [
        ("People attending capacity building activities (Your Call)", "Higher", "On-going delivery", None, 4192,
         "GREEN"),
    ]),
    ("3. Resources – developing the organisation and improving employee well-being", [
        ("Number of RIDDOR reportable incidents", "Lower", "Quarterly", None, 9, "RED"),
    ]),
]


def _blackburn_sheet(ws, quarters: bool) -> None:
    ws["A1"] = "Blackburn with Darwen Borough Council – Corporate Plan 2018/2019: Performance Report"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    if quarters:
        headers = ["Performance measure", "Good performance is", "2018/19 target", "Q1", "Q2 (half year)", "Q3",
                   "Q4", "Year end 2018/19", "RAG"]
    else:
        headers = ["Performance measure", "Good performance is", "Baseline", "2018/2019 target",
                   "Half year performance", "RAG", "Year-end performance and rating"]
    _xlsx_row(ws, 3, headers, bold=True, fill="4F2D7F")
    ws.row_dimensions[3].height = 30
    fills = {"GREEN": "92D050", "RED": "FF0000"}
    row = 4
    for heading, measures in BLACKBURN_HALF_YEAR:
        ws.cell(row=row, column=1, value=heading).font = Font(name="Arial", size=9, bold=True)
        ws.cell(row=row, column=1).fill = PatternFill("solid", fgColor="E4DFEC")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        row += 1
        for name, good, baseline, target, half, rag in measures:
            if quarters:
                values = [name, good, target, None, half, None, None, None, rag]
            else:
                values = [name, good, baseline, target, half, rag, None]
            _xlsx_row(ws, row, values)
            rag_col = headers.index("RAG") + 1
            ws.cell(row=row, column=rag_col).fill = PatternFill("solid", fgColor=fills[rag])
            for col in range(3, len(headers) + 1):
                if isinstance(ws.cell(row=row, column=col).value, int):
                    ws.cell(row=row, column=col).number_format = "#,##0"
            row += 1
    widths = (46, 12, 12, 8, 12, 8, 8, 12, 8) if quarters else (46, 12, 16, 12, 14, 9, 18)
    for n, width in enumerate(widths):
        ws.column_dimensions[chr(65 + n)].width = width


def blackburn_half_year_outcome_headings(out: Path) -> None:
    """Excel print of a corporate plan report: a `Good performance is` polarity column, baseline, target, the
    half-year figure and its RAG fill, an empty year-end column, the measures grouped under numbered outcome
    headings merged across the sheet with a fill; fit to page, landscape."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Half year 2018-19"
    _xlsx_page(ws)
    _blackburn_sheet(ws, quarters=False)
    wb.save(out)


def blackburn_quarterly_columns(out: Path) -> None:
    """The same figures in the year's quarterly sheet: Q1 to Q4 and a year-end column, of which only Q2 (the
    half year) is filled, the polarity and target beside them, outcome headings merged across."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Quarterly 2018-19"
    _xlsx_page(ws)
    ws.print_options.gridLines = True
    _blackburn_sheet(ws, quarters=True)
    wb.save(out)


POOLE_CLA = [
    # (measure, good is, previous, previous as at, latest, latest as at, England, DoT, comment): Borough of Poole,
    # Community Support and Education Scrutiny Committee, 14 November 2006, outcomes for children looked after
    ("Number of children looked after", "Low", "162", "2001", "118", "01.11.06", "", "▼",
     "Numbers have decreased steadily over five years and have reached a predicted plateau around 120."),
    ("Children looked after per 10,000 population aged under 18", "Low", "", "", "42", "01.11.06", "55", "",
     "England average as at March 2005."),
    ("Children looked after in local authority foster care placements", "High", "100", "March 2004", "84",
     "September 2006", "", "▼",
     "Much of the decrease in numbers looked after has been from local authority foster care."),
]


def poole_cla_scorecard_as_at_columns(out: Path) -> None:
    """Excel scorecard printed from Calc: a `Good is` polarity column, the previous figure and the latest each
    followed by an `As at` date column, an England average, a direction-of-travel arrow and a comment column;
    a merged section row, fit to page, landscape, no gridlines."""
    wb = Workbook()
    ws = wb.active
    ws.title = "CLA outcomes"
    _xlsx_page(ws)
    ws["A1"] = "Borough of Poole – Outcomes for children looked after – November 2006"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="003366")
    headers = ["Measure", "Good is", "Previous", "As at", "Latest", "As at", "England average", "DoT", "Comment"]
    _xlsx_row(ws, 3, headers, bold=True, fill="003366")
    ws.cell(row=4, column=1, value="Children looked after – numbers and placements").font = Font(
        name="Arial", size=9, bold=True)
    ws.cell(row=4, column=1).fill = PatternFill("solid", fgColor="DCE6F1")
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=len(headers))
    for r, values in enumerate(POOLE_CLA, start=5):
        _xlsx_row(ws, r, list(values))
        ws.cell(row=r, column=8).font = Font(name="DejaVu Sans", size=10)
        ws.cell(row=r, column=9).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[r].height = 30
    for col, width in zip("ABCDEFGHI", (40, 8, 9, 11, 8, 14, 10, 6, 44), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


DOCUMENTS.update(
    {
        ("dev", "powys_q1_2019_20_welsh_beside_english"): ("docx", powys_q1_2019_20_welsh_beside_english),
        ("dev", "powys_measures_over_years_workbook"): ("xlsx", powys_measures_over_years_workbook),
        ("dev", "bridgend_wales_cla_landscape_two_pages"): ("docx", bridgend_wales_cla_landscape_two_pages),
        ("dev", "blackburn_half_year_2018_19_outcome_headings"): ("xlsx", blackburn_half_year_outcome_headings),
        ("dev", "blackburn_2018_19_quarterly_columns"): ("xlsx", blackburn_quarterly_columns),
        ("dev", "poole_cla_2006_as_at_columns"): ("xlsx", poole_cla_scorecard_as_at_columns),
    }
)


# ------------------------ dev, round 11: layouts no round has covered yet (Scottish councils, dashboards, issue 8)

ABERDEENSHIRE_ELL = [
    # (ref, measure, ranking 2009/10, achieved 2009/10, target 2010/11, Q1, Q2, Q3, getting better?, commentary):
    # Aberdeenshire Council, Education, Learning and Leisure, Aberdeenshire Performs – Performance Indicators:
    # Quarter 3 October-December 2010 (appendix 1)
    ("1.1", "% leavers who move on to positive destinations when they leave school", "5th", "91.4%", "91%",
     None, None, None, "Yes", "2007/08 91.6%\n2008/09 90.1%"),
    ("1.2", "% positive HMIe preschool inspections", "Not applicable", "91.7%\n(11/12 inspections)", "100%",
     "100%\n(4/4 inspections)", "100%\n(1/1 inspection)", "100%\n(1/1 inspection)", "Yes",
     "Over Quarters 1-3 there have been 100% positive inspections (6/6)"),
    ("1.3", "% positive HMIe school inspections", "Not applicable", "85.7%\n(24/28 inspections)", "100%",
     "100%\n(7/7 inspections)", "75%\n(3/4 inspections)", "100%\n(1/1 inspection)", "Yes",
     "Over Quarters 1-3 there have been 91.6% positive inspections (11/12)"),
    ("1.4", "% working populations with SCQF Level 4 as their highest qualification", "11th /19", "2.7%",
     "Downward trend", None, None, None, "Yes", "3.3% in 2008"),
]


def aberdeenshire_ell_quarter_columns(out: Path) -> None:
    """Word appendix, landscape: the objective written across the table in a filled merged row, a reference
    column, the measure, a ranking (`5th`, `11th /19`), last year's result, this year's target, three quarter
    columns, `Are we getting better?` and a commentary; a percentage with its count in brackets on the line
    below it in the same cell, `Quarterly data not available` merged across the three quarters."""
    doc = _base_document(landscape=True, font="Arial", size=9)
    _footer(doc, "Aberdeenshire Performs – Education, Learning & Leisure – Quarter 3 2010/11")
    _heading(doc, "Appendix 1", 11, "000000")
    _heading(doc, "Aberdeenshire Council – Education, Learning & Leisure", 13, "1F4E79")
    _heading(doc, "Aberdeenshire Performs - Performance Indicators: Quarter 3 October-December 2010", 11, "1F4E79")
    heads = ["", "Key performance measure", "Ranking against 32 Local Authorities in 2009/10",
             "Achieved in 2009/10", "Target in 2010/11", "Quarter 1 2010/11", "Quarter 2 2010/11",
             "Quarter 3 2010/11", "Are we getting better?", "Commentary"]
    widths = [1.0, 5.2, 2.3, 2.4, 2.0, 2.3, 2.3, 2.3, 1.8, 4.4]
    table = doc.add_table(rows=2, cols=len(heads))
    table.style = "Table Grid"
    objective = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    _cell_text(objective, "Objective 1   To have successful learners, confident individuals, effective contributors "
               "and responsible citizens.", bold=True, size=9, colour="FFFFFF")
    _shade(objective, "1F4E79")
    for cell, text in zip(table.rows[1].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "BDD7EE")
    _repeat_header(table.rows[1])
    for ref, name, rank, achieved, target, q1, q2, q3, better, comment in ABERDEENSHIRE_ELL:
        cells = table.add_row().cells
        _cell_text(cells[0], ref, size=8)
        _cell_text(cells[1], name, size=8)
        for cell, text in zip(cells[2:5], (rank, achieved, target), strict=True):
            _cell_text(cell, text, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        if q1 is None:
            merged = cells[5].merge(cells[7])
            _cell_text(merged, "Quarterly data not available", size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
            _shade(merged, "D9D9D9")
        else:
            for cell, text in zip(cells[5:8], (q1, q2, q3), strict=True):
                _cell_text(cell, text, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[8], better, size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cells[8], "C6EFCE")
        _cell_text(cells[9], comment, size=8)
    _widths(table, widths)
    doc.save(out)


HIGHLAND_BALANCE = [
    # (row, 1999-2000 actual, per 1,000, quartile, 2000-2001 actual, per 1,000, quartile): Social Work Services
    # Inspectorate, Growth and development (performance profile of each Scottish council), Highland,
    # 3. Performance: Children and Families
    ("At home", 163, 3.4, 3, 138, 2.9, 3),
    ("With friends/relatives/other community", 50, 1.1, 2, 74, 1.6, 1),
    ("With foster carers/prospective adopters", 123, 2.6, 2, 120, 2.5, 3),
    ("In residential accommodation", 55, 1.2, 2, 57, 1.2, 2),
    ("Total", 391, 8.2, 2, 389, 8.1, 3),
]
HIGHLAND_KPIS = [
    # (row, 1998-1999 actual, per 1,000, quartile, 1999-2000 actual, per 1,000, quartile)
    ("Child protection (CP) referrals (aged 0-15)", 354, 8.3, 2, 431, 10.2, 1),
    ("Children subject to a CP case conference (aged 0-15)", 252, 6.0, 1, 231, 5.5, 1),
    ("Children placed on CP register (aged 0-15)", 176, 4.1, 1, 175, 4.1, 1),
    ("Adoption applications in year (aged 0-17)", 21, 0.4, 2, 15, 0.3, 3),
    ("Stranger adopter applications (aged 0-17)", 10, 0.2, 2, 8, 0.2, 3),
]


def _highland_block(ws, top: int, title: str, years: tuple[str, str], rows: list) -> int:
    ws.cell(row=top, column=1, value=title)
    for k, year in enumerate(years):
        first = 2 + 3 * k
        ws.cell(row=top, column=first, value=year)
        ws.merge_cells(start_row=top, start_column=first, end_row=top, end_column=first + 2)
        for j, kind in enumerate(("actual", "per 1,000", "Quartile")):
            ws.cell(row=top + 1, column=first + j, value=kind)
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    for r in (top, top + 1):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.font = Font(name="Arial", size=9, bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="5B2C6F")
            cell.alignment = Alignment(horizontal="center" if c > 1 else "left", vertical="center", wrap_text=True)
            cell.border = _CELL_BOX
    for i, values in enumerate(rows, start=top + 2):
        _xlsx_row(ws, i, list(values))
        for c in (3, 6):
            ws.cell(row=i, column=c).number_format = "0.0"
        if values[0] == "Total":
            for c in range(1, 8):
                ws.cell(row=i, column=c).font = Font(name="Arial", size=9, bold=True)
    return top + 2 + len(rows)


def highland_year_groups_workbook(out: Path) -> None:
    """Excel sheet of an inspectorate's council profile: two small tables one under the other, each with a merged
    year cell over three columns (`actual`, `per 1,000`, `Quartile`) for two years, so the kind of value repeats
    in each group; the row name column merged over both header rows; a bold Total row; portrait, fit to width."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Highland"
    _xlsx_page(ws, landscape=False)
    ws["A1"] = "Highland – 3. Performance: Children and Families"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="5B2C6F")
    end = _highland_block(ws, 3, "Balance of care – Looked after children (aged 0-17)", ("1999-2000", "2000-2001"),
                          HIGHLAND_BALANCE)
    end = _highland_block(ws, end + 2, "Key performance indicators", ("1998-1999", "1999-2000"), HIGHLAND_KPIS)
    ws.cell(row=end + 1, column=1, value=(
        "The overall rate of looked after children is now fairly low. Highland has a high rate of child protection "
        "referrals and a high rate of children are subject to a case conference."))
    ws.cell(row=end + 1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=end + 1, start_column=1, end_row=end + 1, end_column=7)
    ws.row_dimensions[end + 1].height = 30
    for col, width in zip("ABCDEFG", (40, 9, 9, 9, 9, 9, 9), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


CALDERDALE_SKPI = [
    # (theme, [(indicator, August 2025, comparator median, good is)]): Calderdale Council, Super Key Performance
    # Indicators (SKPI) 2025-26, August 2025 (key performance indicators page of the corporate plan)
    ("Reducing Inequalities", [
        ("Healthy life expectancy at birth (males)", "61.9", "57.6", "High"),
        ("Healthy life expectancy at birth (females)", "63.2", "58.1", "High"),
        ("Percentage of physically active adults", "65.6%", "58.9%", "High"),
        ("Requests resulting in a service", "1,571", "2,303", "Low"),
        ("Prevalence of healthy weight in Year 6 children", "61.3%", "59.2%", "High"),
        ("Proportion of older people in receipt of long-term adult social care (65+)", "3.53%", "N/A", "Low"),
        ("Percentage achieving a good level of development in the Foundation Stage Profile", "67.1%", "65%",
         "High"),
        ("Average Progress 8 score per pupil", "0.02", "-0.16", "High"),
    ]),
    ("Thriving Towns and Places", [
        ("RQF level 4+, aged 16 to 64", "36.2", "39.8", "High"),
        ("Median gross weekly pay - resident based", "£685.10", "£679.40", "High"),
        ("Claimant Count age 16 plus", "5,670 (4.2%)", "4.7%", "Low"),
        ("Youth unemployment (18 to 24)", "8.4%", "7.4%", "Low"),
        ("Business Survival Rates (3 years)", "59.8%", "50%", "High"),
        ("Serious Crime", "149", "N/A", "Low"),
    ]),
]


def calderdale_skpi_dashboard(out: Path) -> None:
    """HTML dashboard printed from Chromium on 16:9 pages: each theme a coloured heading band over its own small
    table (`August 2025` | `Comparator Median All English metropolitan boroughs median` | `What does good
    performance look like?`), two tables side by side on one page, a count with its percentage in brackets
    (`5,670 (4.2%)`), pounds, a negative score and `N/A` cells."""
    css = (
        "@page { size: 338.7mm 190.5mm; margin: 8mm; } body { font-family: 'Liberation Sans', Arial; font-size: 9pt; "
        "margin: 0; } h1 { font-size: 16pt; color: #00594f; margin: 0 0 2mm 0; } p.sub { margin: 0 0 4mm 0; "
        "color: #444; } .row { display: flex; gap: 8mm; align-items: flex-start; } .panel { flex: 1; } "
        ".band { background: #00594f; color: #fff; font-weight: bold; padding: 2mm 3mm; font-size: 11pt; } "
        "table { border-collapse: collapse; width: 100%; } th { background: #d9ead3; font-size: 8pt; "
        "border: 1px solid #9bb; padding: 1.5mm; vertical-align: bottom; } td { border: 1px solid #9bb; "
        "padding: 1.5mm; } td.n { text-align: center; white-space: nowrap; }"
    )
    panels = []
    for theme, rows in CALDERDALE_SKPI:
        body = "".join(
            f'<tr><td>{name}</td><td class="n">{value}</td><td class="n">{median}</td><td class="n">{good}</td></tr>'
            for name, value, median, good in rows
        )
        panels.append(
            f'<div class="panel"><div class="band">{theme}</div><table><thead><tr>'
            "<th>Super Key Performance Indicators (SKPI) 2025-26</th><th>August 2025</th>"
            "<th>Comparator Median<br>All English metropolitan boroughs median</th>"
            f"<th>What does good performance look like?</th></tr></thead><tbody>{body}</tbody></table></div>"
        )
    body = (
        "<h1>Calderdale Council – Key Performance Indicators</h1>"
        '<p class="sub">Corporate Plan: Super Key Performance Indicators, position at August 2025.</p>'
        f'<div class="row">{"".join(panels)}</div>'
    )
    out.write_text(_html_page("Calderdale SKPI August 2025", body, css))


EAST_AYRSHIRE_ABSENCE = [
    # (title, 2011/12 April to November, narrative): East Ayrshire Council, EA Performs – Key Stats, November /
    # Period 9 2011-12
    ("Absence Management: Percentage of working days lost for all Educational & Social Service staff, excluding "
     "teachers.", ["4.9%", "4.7%", "5.5%", "6.0%", "5.1%", "5.8%", "5.9%", "6.1%"],
     "Absence for November 2011 was 6.07%, well above the Council target of 4%. The top reasons for absence "
     "were Stress/Debility - Personal, Operations/Recovery/Treatment and Musculoskeletal."),
    ("Absence Management: Percentage of working days lost for all Finance & Corporate Support staff.",
     ["5.3%", "4.1%", "4.1%", "3.9%", "4.3%", "4.3%", "4.4%", "4.7%"],
     "Absence for November 2011 was 4.7%, an increase from previous months and above the Council target of 4%."),
]
_MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def east_ayrshire_month_columns(out: Path) -> None:
    """HTML key-stats page, one measure a block: the title, a small bar chart drawn in SVG (its axis numbers are
    text), a month-by-month table with the months as columns and the year as the row (`2011/12`, months to come
    left empty), and a `Narrative` box beside the table holding the latest month and the Council target in a
    sentence; two blocks on one A4 landscape page."""
    css = (
        "@page { size: A4 landscape; margin: 10mm; } body { font-family: 'Liberation Sans', Arial; font-size: 9pt; } "
        "h1 { font-size: 14pt; color: #6a1b4d; margin: 0 0 1mm 0; } .block { margin-bottom: 6mm; "
        "border-top: 3px solid #6a1b4d; padding-top: 2mm; } .title { font-weight: bold; font-size: 10pt; } "
        ".grid { display: flex; gap: 6mm; align-items: flex-start; } table { border-collapse: collapse; } "
        "td, th { border: 1px solid #999; padding: 1mm 1.6mm; text-align: center; font-size: 8pt; } "
        "th { background: #eadcf0; } .narr { border: 1px solid #6a1b4d; padding: 2mm; width: 80mm; } "
        ".narr b { display: block; color: #6a1b4d; }"
    )
    blocks = []
    for title, values, narrative in EAST_AYRSHIRE_ABSENCE:
        bars = "".join(
            f'<rect x="{24 + 16 * i}" y="{60 - float(v[:-1]) * 7}" width="10" height="{float(v[:-1]) * 7}" '
            'fill="#b07aa1"/>' for i, v in enumerate(values)
        )
        axis = "".join(f'<text x="4" y="{62 - 7 * n}" font-size="7">{n}</text>' for n in range(0, 8, 2))
        chart = f'<svg width="220" height="70" xmlns="http://www.w3.org/2000/svg">{axis}{bars}</svg>'
        cells = "".join(f"<td>{v}</td>" for v in values) + "<td></td>" * (12 - len(values))
        table = (
            "<table><tr><th>Period</th>" + "".join(f"<th>{m}</th>" for m in _MONTHS) + "</tr>"
            f"<tr><th>2011/12</th>{cells}</tr></table>"
        )
        blocks.append(
            f'<div class="block"><div class="title">{title}</div>{chart}<div class="grid">{table}'
            f'<div class="narr"><b>Narrative</b>{narrative}</div></div></div>'
        )
    body = "<h1>EA Performs – Key Stats</h1><p>Nov / Period 9 2011-12</p>" + "".join(blocks)
    out.write_text(_html_page("EA Performs P9 Key Stats", body, css))


def lancashire_cpb_heat_map_notes(out: Path) -> None:
    """Word briefing note of a corporate parenting board: headings for each service area, measures written as
    `Label – figure` lines, a count with its rate in brackets (`1194 (48.2 per 10,000)`), the previous month's
    count and the national rate in the same sentence, and `Ø` bullets for placement types, portrait."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Lancashire County Council – Corporate Parenting Board – Children's Services Performance Update")
    _heading(doc, "Children's Services Performance Update – October 2019", 14, "0B3D91")
    doc.add_paragraph("As at October 2019 Lancashire was good at the following:")
    lines = [
        ("h", "Assessments"),
        ("p", "Timeliness – 6 month rate 85% (on par with national rate), improvement from 78% in 2017/18. "
              "October performance 89%"),
        ("h", "Children Protection Plans"),
        ("p", "1194 (48.2 per 10,000), reduced from 1296 since September 2019, this remained below the regional "
              "and statistical neighbour averages, however above the national average of 45.7 (per 10,000)"),
        ("h", "Children Looked After"),
        ("p", "Short term placement stability – 8.2%"),
        ("p", "Visits in Timescale – 92%"),
        ("p", "Placements :"),
        ("b", "increase in Fostering to 61.1%"),
        ("b", "reduction in Supported accommodation to 6.7%"),
    ]
    for kind, text in lines:
        if kind == "h":
            para = doc.add_paragraph()
            run = para.add_run(text)
            run.bold, run.underline = True, True
            para.paragraph_format.space_before = Pt(8)
        elif kind == "b":
            para = doc.add_paragraph()
            para.paragraph_format.left_indent = Cm(1.5)
            run = para.add_run("Ø  ")
            run.font.name = "DejaVu Sans"
            para.add_run(text)
        else:
            para = doc.add_paragraph(text)
            para.paragraph_format.left_indent = Cm(0.6)
    doc.save(out)


ABERDEENSHIRE_SWSI_BALANCE = [
    # (row, 1999-2000 actual, per 1,000, quartile, 2000-2001 actual, per 1,000, quartile): Social Work Services
    # Inspectorate, Growth and development, Aberdeenshire, 3. Performance: Children and Families
    ("At home", "191", "3.6", "3", "176", "3.3", "3"),
    ("With friends/relatives/other community", "21", "0.4", "4", "20", "0.4", "4"),
    ("With foster carers/prospective adopters", "118", "2.2", "3", "112", "2.1", "3"),
    ("In residential accommodation", "39", "0.7", "4", "35", "0.7", "4"),
    ("Total", "369", "6.9", "3", "343", "6.4", "3"),
]
ABERDEENSHIRE_SWSI_KPIS = [
    ("Child protection (CP) referrals (aged 0-15)", "569", "11.8", "1", "736", "15.5", "1"),
    ("Children subject to a CP case conference (aged 0-15)", "124", "2.6", "3", "91", "1.9", "3"),
    ("Children placed on CP register (aged 0-15)", "105", "2.2", "2", "78", "1.6", "3"),
    ("Adoption applications in year (aged 0-17)", "30", "0.6", "1", "33", "0.6", "1"),
    ("Stranger adopter applications (aged 0-17)", "13", "0.2", "1", "11", "0.2", "2"),
]


def _unruled_year_table(doc: Document, title: str, years: tuple[str, str], rows: list) -> None:
    table = doc.add_table(rows=1, cols=7)
    _no_borders(table)
    head = table.rows[0].cells
    _cell_text(head[0], title, bold=True, size=8)
    for k, year in enumerate(years):
        for j, kind in enumerate(("actual", "per 1,000", "Quartile")):
            _cell_text(head[1 + 3 * k + j], f"{year}\n{kind}" if kind != "Quartile" else kind, bold=True, size=8,
                       align=WD_ALIGN_PARAGRAPH.RIGHT)
    for values in rows:
        cells = table.add_row().cells
        for c, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size=8, bold=values[0] == "Total",
                       align=WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.RIGHT)
    _widths(table, [6.4, 1.6, 1.6, 1.5, 1.6, 1.6, 1.5])


def aberdeenshire_swsi_unruled_year_groups(out: Path) -> None:
    """Word page of the same inspectorate profile for another council, as a typeset report prints it: no rules,
    each header cell two lines (`1999-2000` over `actual`, `1999-2000` over `per 1,000`, then `Quartile`), so the
    year repeats per column instead of being merged; two tables under their own titles with a paragraph between."""
    doc = _base_document(landscape=False, font="Arial", size=9)
    _footer(doc, "Growth and development – Aberdeenshire")
    _heading(doc, "Aberdeenshire", 14, "5B2C6F")
    _heading(doc, "3. Performance: Children and Families", 11, "5B2C6F")
    _unruled_year_table(doc, "Balance of care – Looked after children (aged 0-17)", ("1999-2000", "2000-2001"),
                        ABERDEENSHIRE_SWSI_BALANCE)
    doc.add_paragraph()
    _unruled_year_table(doc, "Key performance indicators", ("1998-1999", "1999-2000"), ABERDEENSHIRE_SWSI_KPIS)
    doc.add_paragraph(
        "Aberdeenshire has a comparatively high rate of child protection referrals; the number of looked after "
        "children fell between 2000 and 2001."
    )
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "aberdeenshire_ell_q3_2010_11_quarter_columns"): ("docx", aberdeenshire_ell_quarter_columns),
        ("dev", "highland_swsi_children_year_groups_workbook"): ("xlsx", highland_year_groups_workbook),
        ("dev", "calderdale_skpi_aug_2025_dashboard_tables"): ("html", calderdale_skpi_dashboard),
        ("dev", "east_ayrshire_absence_2011_12_month_columns"): ("html", east_ayrshire_month_columns),
        ("dev", "lancashire_cpb_oct_2019_label_dash_figures"): ("docx", lancashire_cpb_heat_map_notes),
        ("dev", "aberdeenshire_swsi_unruled_year_groups"): ("docx", aberdeenshire_swsi_unruled_year_groups),
    }
)


# ------------------------------------------------ round 12: committee-paper layouts (before any rule for them)


def _header(doc: Document, text: str) -> None:
    para = doc.sections[0].header.paragraphs[0]
    para.text = text
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in para.runs:
        run.font.size = Pt(8)


def _page_number_footer(doc: Document, text: str) -> None:
    # `Report title – Page N` in the footer of every page, the page number a Word field
    para = doc.sections[0].footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(f"{text} – Page ")
    run.font.size = Pt(8)
    for kind, value in (("begin", None), ("instr", " PAGE "), ("end", None)):
        run = para.add_run()
        run.font.size = Pt(8)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


KNOWSLEY_CLA_ROWS = [
    # (name merged over its rows, [(row label, March 2007, March 2008, England)]): Knowsley Children Looked After
    # annual report, year ending March 2008
    ("Children looked after at 31 March",
     [("Number", "290", "307", ""), ("Rate per 10,000 aged 0-17", "", "80", "54")]),
    ("Children looked after aged 0-4", [("% of children looked after", "", "24%", "19%")]),
    ("Children looked after aged 16+", [("% of children looked after", "", "12%", "20%")]),
]


def knowsley_cla_merged_name_two_rows(out: Path) -> None:
    """Word annual report of children looked after, portrait: a page header with the report's title and a footer
    `... – Page N` on every page; a table whose measure name is a cell merged down over its two rows (the number,
    then the rate per 10,000), a row-label column (`Number`, `Rate per 10,000 aged 0-17`), columns `March 2007`,
    `March 2008` and `England (2007)`; the year's starters in a sentence below."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _header(doc, "Children Looked After – Annual Report 2007/08")
    _page_number_footer(doc, "Knowsley Metropolitan Borough Council – Corporate Parenting")
    _heading(doc, "Children Looked After in Knowsley – Annual Report 2007/08", 14, "00594F")
    _heading(doc, "1. How many children are looked after in Knowsley", 11, "00594F")
    doc.add_paragraph(
        "The number of children we look after increased over the year. Although our total has increased, the "
        "population has remained relatively stable since May last year."
    )
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    head = table.rows[0].cells
    for cell, text in zip(head, ("Measure", "", "March 2007", "March 2008", "England (2007)"), strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9EAD3")
    _repeat_header(table.rows[0])
    for name, rows in KNOWSLEY_CLA_ROWS:
        first = len(table.rows)
        for label, *values in rows:
            cells = table.add_row().cells
            _cell_text(cells[1], label, size=9)
            for cell, value in zip(cells[2:], values, strict=True):
                _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        top = table.cell(first, 0)
        merged = top.merge(table.cell(len(table.rows) - 1, 0)) if len(rows) > 1 else top
        _cell_text(merged, name, bold=True, size=9)
    _widths(table, [5.2, 4.4, 2.4, 2.4, 2.6])
    doc.add_paragraph()
    doc.add_paragraph(
        "During the year 104 children and young people entered our care, primarily due to family dysfunction or "
        "being at risk of abuse or neglect."
    )
    doc.save(out)


def wigan_care_leavers_header_footer(out: Path) -> None:
    """HTML scrutiny dashboard printed by Chromium, A4 portrait: a running header (council and report title) and a
    footer `Page N` drawn on every printed page as fixed boxes, and a small table `Measure | Latest (Q3) |
    Previous quarter | Direction of travel` with the direction as an arrow and a word."""
    css = (
        "@page { size: A4; margin: 10mm 14mm 10mm 14mm; } body { font-family: 'Liberation Sans', Arial; "
        "font-size: 10pt; margin: 0; padding-top: 12mm; } .head { position: fixed; top: 0; left: 0; right: 0; "
        "font-size: 8pt; color: #555; border-bottom: 1px solid #999; } .foot { position: fixed; bottom: 0; left: 0; "
        "right: 0; font-size: 8pt; text-align: center; color: #555; } h1 { font-size: 15pt; color: #003e74; } "
        "table { border-collapse: "
        "collapse; width: 100%; } th, td { border: 1px solid #9aa; padding: 2mm; } th { background: #dde7f0; } "
        "td.n { text-align: center; }"
    )
    rows = [
        ("Care leavers aged 19 to 21 in education, employment or training", "54.4%", "52.7%", "&#9650; Improving"),
        ("Care leavers with an allocated case worker", "214", "", ""),
    ]
    body_rows = "".join(
        f'<tr><td>{n}</td><td class="n">{a}</td><td class="n">{b}</td><td class="n">{d}</td></tr>'
        for n, a, b, d in rows
    )
    body = (
        '<div class="head">Wigan Council – Children and Young People Scrutiny Committee – Performance Report</div>'
        '<div class="foot">Performance Report Q3 2022/23 – Page 1</div>'
        "<h1>Children and Young People Performance – Quarter 3 2022/23</h1>"
        "<p>The committee met to discuss performance data for care leavers.</p>"
        "<table><tr><th>Measure</th><th>Latest (Q3)</th><th>Previous quarter</th><th>Direction of travel</th></tr>"
        f"{body_rows}</table>"
        "<p>We continue to see an increase in the number of children becoming looked after, and a reduction in "
        "children leaving our care.</p>"
    )
    out.write_text(_html_page("Wigan CYP performance Q3 2022/23", body, css), encoding="utf-8")


COUNTY_AREA_TARGETS = [
    # (objective, [KPI lines], [(04/05, 05/06, 06/07) per KPI]): a county's children's social care strategic
    # objectives and KPIs, County targets (the stored page does not name the council)
    ("To achieve 100% allocation of CPR, LAC",
     ["% of CP cases allocated to appropriate qualified & trained worker",
      "% of LAC case allocated to appropriate qualified / trained worker"],
     [("97", "100", "100"), ("91", "100", "100")]),
    ("Ensure that all statutory cases have their needs assessed in a timely way",
     ["% of IA completed in 7 days", "% of Care Assessments in 35 days", "Reviews of CP cases on time",
      "Review of LAC cases on time", "CP conferences in 15 days", "CP Plan in place", "Statutory visits made on time",
      "Permanence Plan in place @ 2nd review"],
     [("47.6", "55", "70"), ("65", "70", "75"), ("100", "100", "100"), ("87", "90", "95"), ("70", "90", "100"),
      ("90", "100", "100"), ("60", "80", "100"), ("20", "40", "60")]),
]


def county_stacked_kpis_workbook(out: Path) -> None:
    """Excel sheet printed from Calc: `Strategic objectives & key performance indicators` with the KPIs of one
    objective stacked as lines in ONE wrapped cell and their targets stacked the same way, one line each, in the
    year cells under a merged `COUNTY` group over `04/05 | 05/06 | 06/07`."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Areas and targets"
    _sheet_setup(ws, "2:3", landscape=True)
    ws["A1"] = "STRATEGIC OBJECTIVES & KEY PERFORMANCE INDICATORS / AREAS AND TARGETS"
    ws["A1"].font = Font(bold=True, size=12)
    ws.merge_cells("B2:D2")
    ws["B2"] = "COUNTY"
    ws["A3"] = "Objective / KPI"
    for col, year in zip("BCD", ("04/05", "05/06", "06/07"), strict=True):
        ws[f"{col}3"] = year
    for ref in ("A2", "B2", "A3", "B3", "C3", "D3"):
        ws[ref].font = Font(bold=True)
        ws[ref].alignment = Alignment(horizontal="center", vertical="center")
        ws[ref].fill = PatternFill("solid", fgColor="FCE4D6")
        ws[ref].border = BOX
    row = 4
    for objective, kpis, targets in COUNTY_AREA_TARGETS:
        ws.cell(row, 1, f"- {objective}\nKPI :\n" + "\n".join(kpis))
        for k in range(3):
            ws.cell(row, 2 + k, "\n\n" + "\n".join(t[k] for t in targets))
        for c in range(1, 5):
            ws.cell(row, c).alignment = Alignment(wrap_text=True, vertical="top",
                                                  horizontal="left" if c == 1 else "center")
            ws.cell(row, c).border = BOX
            ws.cell(row, c).font = Font(size=9)
        ws.row_dimensions[row].height = 13 * (len(kpis) + 2)
        row += 1
    ws.column_dimensions["A"].width = 70
    for col in "BCD":
        ws.column_dimensions[col].width = 9
    wb.save(out)


STOCKTON_Q3_ROWS = [
    # (measure, Q1, Q2, Q3, Q4, RAG): Stockton-on-Tees Children's Services progress update 2018/19 Q3
    ("Take up of the free entitlement to 15 hours of education", "", "", "100%", "", "Green"),
    ("Take up of the free offer for disadvantaged 2 year olds", "", "", "94%", "", "Green"),
]


def stockton_quarter_columns_rag_word(out: Path) -> None:
    """Word cabinet report, landscape: `Measure | Q1 | Q2 | Q3 | Q4 | RAG` with only the reported quarter filled and
    the RAG a colour word in a shaded cell; the page header holds the report title and the footer the page."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _header(doc, "Children's Services Progress Update: 2018/19 – Quarter 3 (October – December 2018)")
    _page_number_footer(doc, "Stockton-on-Tees Borough Council – Cabinet 7 March 2019")
    _heading(doc, "Giving children the best start in life", 13, "7030A0")
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Measure", "Q1", "Q2", "Q3", "Q4", "RAG"), strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "E4DFEC")
    for measure, *values, rag in STOCKTON_Q3_ROWS:
        cells = table.add_row().cells
        _cell_text(cells[0], measure, size=9)
        for cell, value in zip(cells[1:5], values, strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[5], rag, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cells[5], "92D050")
    _widths(table, [11.0, 2.2, 2.2, 2.2, 2.2, 2.4])
    doc.add_paragraph()
    doc.add_paragraph(
        "The take up of the free offer for disadvantaged 2 year olds is a continued and sustained improvement from "
        "2016."
    )
    doc.save(out)


def knowsley_cla_side_by_side_tables(out: Path) -> None:
    """HTML page of the same annual report printed by Chromium on A4 landscape: two small ruled tables side by side
    (numbers at 31 March in two dated columns; the age profile against England), each under its own caption, and a
    running header and `Page N` footer drawn on the page."""
    css = (
        "@page { size: A4 landscape; margin: 10mm 12mm; } body { font-family: 'Liberation Sans', Arial; "
        "font-size: 10pt; margin: 0; padding-top: 10mm; } .head { position: fixed; top: 0; left: 0; right: 0; "
        "font-size: 8pt; color: #555; border-bottom: 1px solid #999; } .foot { position: fixed; bottom: 0; left: 0; "
        "right: 0; font-size: 8pt; text-align: center; color: #555; } h1 { font-size: 15pt; color: #00594f; } "
        ".pair { display: flex; gap: 10mm; align-items: flex-start; } .pair > div { flex: 1; } "
        "caption { font-weight: bold; text-align: left; padding-bottom: 2mm; } table { border-collapse: collapse; "
        "width: 100%; } th, td { border: 1px solid #8a9; padding: 1.6mm 2mm; } th { background: #d9ead3; } "
        "td.n { text-align: right; }"
    )
    left = (
        "<table><caption>Children looked after at 31 March</caption><tr><th>Measure</th><th>March 2007</th>"
        "<th>March 2008</th></tr><tr><td>Number of children looked after</td><td class=\"n\">290</td>"
        "<td class=\"n\">307</td></tr><tr><td>Children entering care during the year</td><td class=\"n\"></td>"
        "<td class=\"n\">104</td></tr></table>"
    )
    right = (
        "<table><caption>Age profile of children looked after</caption><tr><th>Age group</th><th>Knowsley 2008</th>"
        "<th>England 2007</th></tr><tr><td>Aged 0-4</td><td class=\"n\">24%</td><td class=\"n\">19%</td></tr>"
        "<tr><td>Aged 16+</td><td class=\"n\">12%</td><td class=\"n\">20%</td></tr></table>"
    )
    body = (
        '<div class="head">Knowsley – Children Looked After Annual Report 2007/08</div>'
        '<div class="foot">Corporate Parenting – Page 1</div>'
        "<h1>How many children are looked after in Knowsley</h1>"
        f'<div class="pair"><div>{left}</div><div>{right}</div></div>'
        "<p>The rate per 10,000 of the 0-17 population is significantly lower than our statistical neighbours "
        "but higher than the national figure.</p>"
    )
    out.write_text(_html_page("Knowsley children looked after 2007/08", body, css), encoding="utf-8")


THURROCK_Q3_ROWS = [
    # (indicator, Q3 2015/16, year-end forecast, direction): Thurrock corporate performance report month 9 / Q3
    ("The percentage of schools judged good by OFSTED", "80%", "87%", "Improving"),
]


def thurrock_forecast_column_dot_word(out: Path) -> None:
    """Word corporate performance report, portrait: `Indicator | Q3 2015/16 | Year-end forecast | Direction of
    travel` with the direction a word, under a page header with the report title and a page-number footer."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _header(doc, "Month 9 / Quarter 3 Corporate Performance Report 2015/16")
    _page_number_footer(doc, "Thurrock Council – Children's Services Overview and Scrutiny Committee")
    _heading(doc, "Children's Services indicators", 13, "1F4E79")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Indicator", "Q3 2015/16", "Year-end forecast", "Direction of travel"),
                          strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "DEEAF6")
    for name, *values in THURROCK_Q3_ROWS:
        cells = table.add_row().cells
        _cell_text(cells[0], name, size=9)
        for cell, value in zip(cells[1:], values, strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [8.0, 2.6, 2.8, 3.0])
    doc.add_paragraph()
    doc.add_paragraph(
        "Two further schools are expected to receive ratings in the near future; the Council is predicted to exceed "
        "its target."
    )
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "knowsley_cla_2007_08_merged_name_two_rows"): ("docx", knowsley_cla_merged_name_two_rows),
        ("dev", "wigan_care_leavers_q3_2022_23_running_header"): ("html", wigan_care_leavers_header_footer),
        ("dev", "county_area_targets_2004_07_stacked_kpis"): ("xlsx", county_stacked_kpis_workbook),
        ("dev", "stockton_q3_2018_19_quarter_columns_rag_word"): ("docx", stockton_quarter_columns_rag_word),
        ("dev", "knowsley_cla_2007_08_side_by_side_tables"): ("html", knowsley_cla_side_by_side_tables),
        ("dev", "thurrock_q3_2015_16_forecast_column"): ("docx", thurrock_forecast_column_dot_word),
    }
)


# ------------------------------------------------ round 13: children's services committee layouts (before any rule)


LEICESTERSHIRE_THEMES = [
    # (theme row, [(indicator, Q2 2017/18, target 2017/18)]): Leicestershire Children and Families Overview and
    # Scrutiny Committee, performance reports of quarter 2 2017/18 and quarter 3 2015/16 (minutes)
    ("Safeguarding", [
        ("Children becoming subject to a child protection plan for a second or subsequent time", "29.4%", ""),
    ]),
    ("Education and learning", [
        ("Pupils achieving five or more A*-C GCSEs (including English and Maths)", "", "70%"),
    ]),
]


def _leicestershire_table(doc: Document, themed: bool) -> None:
    heads = ("Indicator", "Q2 2017/18", "Target 2017/18")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF" if themed else None)
        _shade(cell, "1F4E79" if themed else "D9D9D9")
    for theme, rows in LEICESTERSHIRE_THEMES:
        if themed:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[2])
            _cell_text(merged, theme, bold=True, size=9)
            _shade(merged, "BDD7EE")
        for name, *values in rows:
            cells = table.add_row().cells
            _cell_text(cells[0], name, size=9)
            for cell, value in zip(cells[1:], values, strict=True):
                _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [10.5, 2.8, 2.8])


def leicestershire_theme_rows_word(out: Path) -> None:
    """Word scrutiny report, portrait: `Indicator | Q2 2017/18 | Target 2017/18` with the indicators grouped under
    theme rows merged across the table and filled light blue, the header filled dark blue with white words."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _heading(doc, "Children and Family Services – Performance Report, Quarter 2", 14, "1F4E79")
    doc.add_paragraph(
        "This report sets out the department's performance against its key indicators, grouped by theme, with the "
        "targets set for the year."
    )
    _leicestershire_table(doc, themed=True)
    doc.save(out)


def leicestershire_table_over_page_break(out: Path) -> None:
    """The same figures in a plain Word table pushed by report text to the foot of page 1: its header and first row
    print on page 1 and its last row on page 2, where the header is NOT repeated."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _heading(doc, "Children and Family Services – Performance Report, Quarter 2", 14, "1F4E79")
    text = (
        "It was felt that RAG ratings, whilst helpful in identifying areas of poor performance, read alone did not "
        "sufficiently explain the areas of concern, and that the commentary in the report should set out the actions "
        "taken. Members were informed that work completed over the last two years had brought about a reduction, in "
        "line with statistical neighbours."
    )
    for _ in range(PAGE_BREAK_PARAGRAPHS):
        doc.add_paragraph(text)
    _leicestershire_table(doc, themed=False)
    doc.add_paragraph()
    doc.add_paragraph("The main risk factor for those subject to a repeat plan was neglect.")
    doc.save(out)


PAGE_BREAK_PARAGRAPHS = 11


def leicester_dashboard_tiles(out: Path) -> None:
    """HTML performance dashboard printed by Chromium, A4 landscape: tiles three across, each the measure name in
    bold, one big figure and a small grey line under it naming the period (`Apr – Sep 2025`)."""
    css = (
        "@page { size: A4 landscape; margin: 12mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; "
        "margin: 0; } h1 { font-size: 16pt; color: #6a1b9a; } .tiles { display: flex; gap: 8mm; } "
        ".tile { flex: 1; border: 1px solid #ccc; border-top: 5px solid #6a1b9a; padding: 4mm; } "
        ".name { font-weight: bold; min-height: 12mm; } .big { font-size: 30pt; font-weight: bold; color: #6a1b9a; } "
        ".small { font-size: 8pt; color: #666; }"
    )
    tiles = [
        ("Assessments completed within 45 working days", "79%", "Apr – Sep 2025"),
        ("Children in care", "520", "At 30 Sep 2025"),
        ("Children in children's homes without Ofsted registration", "6", "At 30 Sep 2025"),
    ]
    parts = [
        f'<div class="tile"><div class="name">{name}</div><div class="big">{big}</div>'
        f'<div class="small">{small}</div></div>'
        for name, big, small in tiles
    ]
    body = (
        "<h1>Children, Young People and Education – Quarter 2 Performance Dashboard</h1>"
        f'<div class="tiles">{"".join(parts)}</div>'
        "<p>Re-referral rates within 12 months remain lower than in neighbouring authorities; the dashboard is under "
        "revision.</p>"
    )
    out.write_text(_html_page("Leicester children's services dashboard Q2", body, css), encoding="utf-8")


DOCUMENTS.update(
    {
        ("dev", "leicestershire_q2_2017_18_theme_rows"): ("docx", leicestershire_theme_rows_word),
        ("dev", "leicestershire_q2_2017_18_table_over_page_break"): ("docx", leicestershire_table_over_page_break),
        ("dev", "leicester_q2_2025_26_dashboard_tiles"): ("html", leicester_dashboard_tiles),
    }
)

# ------------------------------------------------ dev, narrative round 10: figures written in sentences


def ceredigion_safeguarding_register_subsets(out: Path) -> None:
    """Word scrutiny report of numbered paragraphs: a register's count at the end of two quarters, each with the
    count of those children under a risk factor (`Of the 58 children ..., 24 were ...`, `53 ..., 19 of whom`),
    then a count under a different heading (`40 subject to a child protection plan where ...`)."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Ceredigion County Council – Co-ordinating Overview and Scrutiny Committee, 15 May 2019")
    _heading(doc, "MULTI-AGENCY MANAGEMENT REPORT: CHILD SAFEGUARDING, QUARTERS 2 AND 3 2018-19", 12)
    for number, text in [
        ("1.1", "This report presents the multi-agency management information for child safeguarding for the "
         "period 1 July to 30 September 2018 (quarter 2) and 1 October to 31 December 2018 (quarter 3)."),
        ("2.1", "Of the 58 children on the child protection register at the end of quarter 2, 24 were subject to "
         "the three toxic risk factors of domestic abuse, parental substance misuse and parental mental health."),
        ("2.2", "There were 53 children on the child protection register at the end of quarter 3, 19 of whom "
         "were subject to the three toxic risk factors."),
        ("2.3", "Quarter 3 figures also show the number of children facing adverse childhood experiences, with 40 "
         "children subject to a child protection plan where parental separation and/or incarceration feature. "
         "Two children were registered as they faced all five risk factors."),
        ("3.1", "Members are asked to note the report."),
    ]:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(1.2)
        para.paragraph_format.first_line_indent = Cm(-1.2)
        para.add_run(f"{number}\t{text}")
    doc.save(out)


def dorset_audit_scrutiny_second_plans(out: Path) -> None:
    """A committee report page printed by Chromium: a paragraph on an indicator missed (a count for the year),
    then a count's rise in the last year `from 243 to 292` in a sentence about plans."""
    css = (
        "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
        "h1 { font-size: 16pt; color: #1f3864; } h2 { font-size: 13pt; }"
    )
    body = (
        "<h1>Dorset County Council – Audit and Scrutiny Committee</h1>"
        "<h2>Children subject to a second child protection plan</h2>"
        "<p>The Committee asked the Director of Children's Services to attend to address its concerns about "
        "indicators missed in a sensitive area. The performance report shows the Council failing the indicator on "
        "children who become the subject of a second child protection plan within 12 months, with the total figure "
        "for the year at 24.</p>"
        "<p>The Director explained that the number of children subject to child protection plans had increased "
        "significantly in the last year, from 243 to 292. Audits are taking place of all 24 cases where a second "
        "plan was made within a year; a similar audit 18 months ago found no obvious pattern.</p>"
        "<p>A review of the service's performance management arrangements is also under way.</p>"
    )
    out.write_text(_html_page("Dorset audit and scrutiny – second child protection plans", body, css), encoding="utf-8")


def bathnes_child_protection_highest_since(out: Path) -> None:
    """Word panel report: bullets of key facts, one a count in a dash clause after the sentence naming its measure
    (`... in the final quarter – 106 represented the highest number since the late 1990's`), one an NI code."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Bath and North East Somerset Council – Early Years, Children and Youth Policy Development and "
            "Scrutiny Panel")
    _heading(doc, "Child Protection Activity and Performance – Quarter 3 2011/12", 12)
    doc.add_paragraph(
        "This report details progress in respect of the key indicators of child protection activity reported in "
        "the Local Safeguarding Children Board Annual Report 2010/11. The key facts are:"
    )
    for bullet in [
        "There was a steady increase in the number of children with protection plans throughout 2010/11, with a "
        "marked increase in the final quarter – 106 represented the highest number since the late 1990's.",
        "The increase has been the result of a combination of factors, and the actions taken have resulted in an "
        "appropriate reduction in the number of children with protection plans and more children in need plans.",
        "Child Protection Plans lasting two years or more (NI 64): the improvement noted throughout 2010/11 has "
        "been maintained and is on target for 2011/12. These percentages represent a small number of children.",
    ]:
        doc.add_paragraph(bullet, style="List Bullet")
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "ceredigion_safeguarding_2018_19_register_subsets"): ("docx", ceredigion_safeguarding_register_subsets),
        ("dev", "dorset_audit_scrutiny_second_plans_from_to"): ("html", dorset_audit_scrutiny_second_plans),
        ("dev", "bathnes_child_protection_2011_12_dash_clause"): ("docx", bathnes_child_protection_highest_since),
    }
)


# ------------------------------------------------ dev, narrative round 11: bare counts written in sentences


def bradford_workloads_from_to_paragraphs(out: Path) -> None:
    """Word scrutiny report of numbered paragraphs on social care workloads: counts' falls `from 5,498 in 2011 to
    4,859 for the year ending June 2012`, a count after `dropped to`, a staff count's fall, a percentage beside the
    population's, `227 cases in the last recorded 12 months compared with 187 in the previous year`."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "City of Bradford Metropolitan District Council – Children's Services Overview and Scrutiny "
            "Committee")
    _heading(doc, "UPDATED INFORMATION FOR MEMBERS ON THE WORKLOADS OF CHILDREN'S SOCIAL CARE SERVICES", 12)
    for number, text in [
        ("1.1", "This report updates Members on the workload of Children's Social Work Teams and on the pressures "
         "upon the service. The analysis is based on activity in the year ending June 2012."),
        ("2.1", "There have been no significant changes to the overall workloads of social workers, or pressures "
         "upon the service, since the last report."),
        ("2.2", "The number of full-time social workers dedicated to childcare fell from 187 to 178 in six months, "
         "while the number of children in care dropped to 889."),
        ("2.3", "Referrals to Social Care Services fell from 5,498 in 2011 to 4,859 for the year ending June 2012, and "
         "the number of children classed as in need reduced from 8,518 to 7,659 in the same period."),
        ("2.4", "Children from ethnic minority communities are under-represented among children in care, at 32.7 per "
         "cent compared with 34.6 per cent in the local population."),
        ("2.5", "One area where figures have increased is the number of children in Public Law Care Proceedings, "
         "with 227 cases in the last recorded 12 months compared with 187 in the previous year."),
        ("2.6", "More adoptions, with a rise to 51, meant five more children left care in the past year."),
        ("3.1", "Members are recommended to consider further reports in the 2012-13 work programme."),
    ]:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(1.2)
        para.paragraph_format.first_line_indent = Cm(-1.2)
        para.add_run(f"{number}\t{text}")
    doc.save(out)


def redcar_children_in_care_quarterly_update(out: Path) -> None:
    """A committee report page printed by Chromium: headed sections of sentences, a month's count beside the highest
    since an earlier month's (`354 children ..., the highest number since May 2020, when there were 360`), shares
    in per cent, `147 young people who had left care ..., of whom 34 ...`, `Of the 147, 92 ...`, a count in words,
    `a further seven young people on top of the 19 it already looks after` and a count before its procedures."""
    css = (
        "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
        "h1 { font-size: 15pt; color: #00467f; } h2 { font-size: 12pt; color: #00467f; margin-top: 6mm; }"
    )
    body = (
        "<h1>Redcar and Cleveland Borough Council – Children in our care and vulnerable children: update for "
        "April to June 2022</h1>"
        "<p>This report gives Members an update on children in the council's care during April to June 2022 and on "
        "children deemed to be vulnerable.</p>"
        "<h2>Children in our care</h2>"
        "<p>In June there were 354 children in our care, the highest number since May 2020, when there were 360. The "
        "majority of children are placed with in-house foster carers, followed by family and friends carers, "
        "independent foster carers and a smaller number in residential settings.</p>"
        "<p>A total of 63.8 per cent of children in our care were living within the borough, while 36.2 per cent were "
        "placed in other areas.</p>"
        "<h2>Care leavers</h2>"
        "<p>147 young people who had left care continued to access council support, of whom 34 had been unaccompanied "
        "asylum seeking children. Of the 147, 92 are now in education, training or employment. In addition, six care "
        "leavers are undertaking apprenticeships with the council and one has secured full-time employment with the "
        "local authority.</p>"
        "<h2>Unaccompanied asylum seeking children</h2>"
        "<p>The rising cost of care placements for unaccompanied asylum seeking children is a worry. The threshold "
        "level of the National Transfer Scheme has been increased by the Government, meaning the council will be "
        "allotted a further seven young people on top of the 19 it already looks after.</p>"
        "<h2>Vulnerable, exploited, missing and trafficked children</h2>"
        "<p>At the end of June, 26 children were subject to vulnerable, missing, exploited and trafficked (VEMT) "
        "procedures.</p>"
    )
    out.write_text(_html_page("Redcar and Cleveland – children in our care, April to June 2022", body, css),
                   encoding="utf-8")


def redcar_corporate_parenting_minutes_bullets(out: Path) -> None:
    """Word minutes of a board: numbered agenda items, a date in an item's title, then an update report's bullets,
    two counts in one bullet (`with 22 migrant asylum-seeking children in our care and 46 care leavers`) and a
    count after `provided support to`."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Redcar and Cleveland Borough Council – Corporate Parenting Board minutes")
    _heading(doc, "Corporate Parenting Board – Wednesday, 8th May, 2024", 13, "00467F")
    items = [
        ("1.", "Declarations of Interest", ["None declared."]),
        ("2.", "To confirm the Minutes of the meeting held on 9 April 2024 and to note the attendance matrix",
         ["RESOLVED that the minutes of the Corporate Parenting Board held on Tuesday 9 April 2024 be confirmed as a "
          "correct record, and the attendance matrix be noted."]),
        ("3.", "Children in Our Care and Care Leavers Update Report",
         ["The Executive Director for Children and Families presented the report, providing a brief overview of the "
          "main points and key information. Q4 performance data was shared in the appendix to the report."]),
    ]
    bullets = [
        "Fostering team continued to work on recruiting and assessing potential foster carers. Support provided "
        "through a range of communications and in-person catch ups as well as ‘sparkle moments’ to celebrate "
        "achievements.",
        "Opportunities for young people were highlighted, including academic achievements, progression to further "
        "and higher education, and overseas and UK school trips.",
        "Guisborough Youth Centre host regular meetings of the Have Your Say group and an awards night is planned to "
        "take place in June 2024.",
        "The Asylum Through Care Team supported migrant young people with 22 migrant asylum-seeking children in our "
        "care and 46 care leavers. Educational opportunities through Middlesbrough College are supported as well as "
        "sporting and networking opportunities to promote mental wellbeing.",
        "Leaving Care Team provided support to 143 care experienced young people. Feedback from care leavers about "
        "their lived experiences and journey through care and after care shared with staff.",
        "Care leaver’s achievements shared with the board included progression through HE, employment opportunities, "
        "and career development.",
    ]
    for number, title, texts in items:
        para = doc.add_paragraph()
        run = para.add_run(f"{number}\t{title}")
        run.bold = True
        for text in texts:
            doc.add_paragraph(text)
    for bullet in bullets:
        doc.add_paragraph(bullet, style="List Bullet")
    doc.add_paragraph("RESOLVED that the report be noted.")
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "bradford_workloads_2012_from_to_paragraphs"): ("docx", bradford_workloads_from_to_paragraphs),
        ("dev", "redcar_children_in_care_q1_2022_23_sections"): ("html", redcar_children_in_care_quarterly_update),
        ("dev", "redcar_cpb_may_2024_minutes_bullets"): ("docx", redcar_corporate_parenting_minutes_bullets),
    }
)



# ------------------------ dev, round 14: committee KPI layouts not covered yet (committed before any rule for them)

SALFORD_AGREEMENT = [
    # (code, description, baseline, baseline year, 2008/9, 2009/10, 2010/11): Salford Agreement 2008-11 Refresh,
    # version 26/2/09, `Improving educational attainment` (docest.com/doc/49794/improving-educational-attainment)
    ("NI 72", "Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of "
     "the scales in Personal Social and Emotional Development and Communication, Language and Literacy",
     "52%", "(2007)", "53.4%", "55%", "56.20%"),
    ("NI 73", "Achievement at level 4 or above in both English and Maths at Key Stage 2 (Threshold)",
     "72%", "(2007)", "80%", "79%", "79%"),
    ("NI 75", "Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths (Threshold)",
     "38%", "(2007)", "43%", "44.5%", "48.5%\n(TBC)"),
    ("NI 87", "Secondary school persistent absence rate", "8.4%", "(2006/7)", "7.5%", "6%", "5%"),
]


def salford_agreement_code_over_name(out: Path) -> None:
    """Excel sheet printed from Calc, landscape: `Indicator number and description` holds the NI code on its first
    line and the description wrapped under it in one cell; `Baseline` holds the figure over its year in brackets;
    `Targets` is merged over three year columns in a second header row; a merged theme row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Salford Agreement"
    _xlsx_page(ws)
    ws["A1"] = "Salford Agreement 2008-11 Refresh – Think Family / SSP Delivery Partners"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    ws["A2"] = "Version 26/2/09"
    ws["A2"].font = Font(name="Arial", size=9, italic=True)
    _xlsx_row(ws, 4, ["Indicator number and description", "Baseline", "Targets", None, None, "Lead partner",
                      "Refreshed / No change / Removed / New"], bold=True, fill="1F497D")
    _xlsx_row(ws, 5, [None, None, "2008/9", "2009/10", "2010/11", None, None], bold=True, fill="1F497D")
    for col in (1, 2, 6, 7):
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
    ws.merge_cells(start_row=4, start_column=3, end_row=4, end_column=5)
    ws.cell(row=6, column=1, value="Improving educational attainment").font = Font(name="Arial", size=9, bold=True)
    ws.cell(row=6, column=1).fill = PatternFill("solid", fgColor="C5D9F1")
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=7)
    for r, (code, name, base, year, *targets) in enumerate(SALFORD_AGREEMENT, start=7):
        status = "Unchanged" if code == "NI 87" else "Refreshed"
        _xlsx_row(ws, r, [f"{code}\n{name}", f"{base}\n{year}", *targets, "Salford City Council*", status])
        ws.row_dimensions[r].height = 64 if len(name) > 100 else 40
    for col, width in zip("ABCDEFG", (52, 10, 9, 9, 9, 16, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws.cell(row=12, column=1, value="* Lead partner").font = Font(name="Arial", size=8, italic=True)
    wb.save(out)


SALFORD_LPSA = [
    # (LPSA no., LPSA target, performance indicator, baseline, 2002/03 actual, target): Salford City Council,
    # 2002/03 Fourth Quarter – Progress against LPSA Targets (studylib.net/doc/16023217)
    ("1", "To improve the educational attainment of children and young people in care",
     "The increase in the number of children and young people aged 16 and over who leave care with 5 GCSEs at "
     "grade A* - C to 15 (joint total for 2004/05 and 2005/06)", "", "2", "15"),
    ("", "",
     "The increase in the number of children and young people aged 16 and over who leave care with 1 GCSE at grade "
     "A* - G to 65 (joint total for 2004/05 and 2005/06)", "", "26", "65"),
    ("2", "To increase the % of pupils obtaining 5 or more GCSEs at grade A* - G (or equivalent) including English "
     "and Maths",
     "To increase the % of pupils in schools maintained by the local authority who achieved 5 or more GCSEs at "
     "grades A* - G including English and Maths to 93.5% by 2005", "", "84.2%", "93.5%"),
    ("3", "To increase the attendance rate in Salford's secondary schools",
     "To increase the attendance rate in Salford's secondary schools to 91.9% by 2005", "",
     "Awaiting published figure", "91.9%"),
    ("4", "To increase the number of young people aged 6-16 years participating regularly in sporting activities by "
     "25% by 2005",
     "The % of young people aged 6 – 16 who have participated in 3 sports at least 10 times in the past year in "
     "their leisure time out of school lessons", "56.3%\n(May 2002)", "Annual", "70.3%"),
]


def salford_lpsa_long_sentence_names(out: Path) -> None:
    """Word cabinet appendix, landscape: `LPSA No. | LPSA target | Performance indicator | Baseline | 2002/03 Actual |
    Target 2005 | Are we on target? | Lead directorate`, a row of column numbers `(1) … (8)` under the header, the
    target and indicator written as long sentences (some with a figure in them) wrapped over four to six lines in
    narrow columns, two indicators under one LPSA target."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _heading(doc, "2002/03 Fourth Quarter – Progress against LPSA Targets", 13, "000000")
    heads = ("LPSA No.", "LPSA target", "Performance indicator", "Baseline", "2002/03 Actual", "Target 2005",
             "Are we on target?", "Lead Directorate")
    table = doc.add_table(rows=2, cols=len(heads))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for i, (cell, text) in enumerate(zip(table.rows[0].cells, heads, strict=True)):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9D9D9")
        _cell_text(table.rows[1].cells[i], f"({i + 1})", size=8, align=WD_ALIGN_PARAGRAPH.CENTER)
    for no, target, indicator, base, actual, goal in SALFORD_LPSA:
        cells = table.add_row().cells
        _cell_text(cells[0], no, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[1], target, size=9)
        _cell_text(cells[2], indicator, size=9)
        for cell, value in zip(cells[3:6], (base, actual, goal), strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[6], "" if actual in ("Annual", "Awaiting published figure") else "?", size=9,
                   align=WD_ALIGN_PARAGRAPH.CENTER)
        lead = "Community and Social Services" if no in ("1", "") else "Education and Leisure"
        _cell_text(cells[7], lead, size=9)
    _widths(table, [1.4, 4.6, 6.0, 2.2, 2.4, 2.0, 2.0, 3.2])
    doc.add_paragraph()
    doc.add_paragraph("Annual – performance can only be reported annually. ? – too early to say.")
    doc.save(out)


def south_tyneside_comparator_columns(out: Path) -> None:
    """HTML page of a council's needs assessment printed by Chromium, A4 portrait: a ruled table whose columns are
    the council, its statistical neighbours, the region and England, each header ending in the year; a table of the
    council's two years; and a regional benchmarking table with several councils' figures side by side."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; } "
        "h1 { font-size: 15pt; color: #00594f; } h2 { font-size: 11pt; color: #00594f; margin-top: 6mm; } "
        "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #8aa; padding: 1.5mm 2mm; } "
        "th { background: #e3efed; font-weight: bold; } td.n { text-align: right; width: 17%; }"
    )
    body = (
        "<h1>Looked after children: level of need</h1>"
        "<p>This section compares the number and rate of looked after children in the borough with its nearest "
        "statistical neighbours, the North East and England, at the end of March 2016.</p>"
        "<h2>Table 1: Looked after children, rate per 10,000 children</h2>"
        "<table><tr><th>Measure</th><th>South Tyneside 2015/16</th><th>Statistical neighbours 2015/16</th>"
        "<th>North East 2015/16</th><th>England 2015/16</th></tr>"
        "<tr><td>Looked after children per 10,000 children</td><td class=\"n\">99</td><td class=\"n\">95.7</td>"
        "<td class=\"n\">84</td><td class=\"n\">60</td></tr></table>"
        "<h2>Table 2: Children in care at the year end</h2>"
        "<table><tr><th>Measure</th><th>2014/15</th><th>2015/16</th></tr>"
        "<tr><td>Children becoming looked after during the year</td><td class=\"n\">130</td>"
        "<td class=\"n\">127</td></tr>"
        "<tr><td>Looked after children aged over 10</td><td class=\"n\">57.3%</td><td class=\"n\">60.2%</td></tr>"
        "<tr><td>Looked after children at 31 March</td><td class=\"n\"></td><td class=\"n\">289</td></tr></table>"
        "<h2>Table 3: Regional benchmarking, rate of looked after children per 10,000, 2015/16</h2>"
        "<table><tr><th>Local authority</th><th>Middlesbrough</th><th>Hartlepool</th><th>Sunderland</th>"
        "<th>South Tyneside</th></tr>"
        "<tr><td>Rate per 10,000</td><td class=\"n\">120</td><td class=\"n\">105</td><td class=\"n\">101</td>"
        "<td class=\"n\">99</td></tr></table>"
        "<p>South Tyneside had the 4th highest rate of looked after children in the North East.</p>"
    )
    out.write_text(_html_page("South Tyneside looked after children", body, css), encoding="utf-8")


WARWICKSHIRE_SCORECARD = [
    # (measure, good is, previous, latest, comment): Warwickshire County Council, Corporate Parenting Partnership,
    # performance data (democracy.warwickshire.gov.uk/mgAi.aspx?ID=6303)
    ("Children in care", "Low", "855", "831", "Previous at November 2021"),
    ("Children in care placed in residential care", "Low", "84", "74", ""),
    ("Children in foster care placed for adoption", "High", "12", "20", "Previous at December 2021"),
    ("Children in foster care placed at least 20 miles from their family home", "Low", "", "19%", ""),
    ("Children going missing regularly", "Low", "", "26", "77 missing episodes between them"),
]


def warwickshire_polarity_scorecard(out: Path) -> None:
    """Excel scorecard printed from Calc, landscape: the period only in the title, then `Measure | Good is |
    Previous | Latest | Status | Comment` with `High` / `Low` polarity words and a status word in a filled cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Scorecard"
    _xlsx_page(ws)
    ws["A1"] = "Warwickshire County Council – Children in Care Scorecard, February 2022"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="1D3A6B")
    _xlsx_row(ws, 3, ["Measure", "Good is", "Previous", "Latest", "Status", "Comment"], bold=True, fill="1D3A6B")
    for r, (measure, good, previous, latest, comment) in enumerate(WARWICKSHIRE_SCORECARD, start=4):
        if previous and latest:
            better = (float(latest) < float(previous)) == (good == "Low")
            status = "Improving" if better else "Worsening"
        else:
            status = "New measure"
        _xlsx_row(ws, r, [measure, good, previous or None, latest, status, comment or None])
        ws.cell(row=r, column=5).fill = PatternFill(
            "solid", fgColor={"Improving": "C6EFCE", "Worsening": "FFC7CE"}.get(status, "EDEDED"))
        ws.cell(row=r, column=6).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[r].height = 26
    for col, width in zip("ABCDEF", (46, 8, 10, 10, 13, 30), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(out)


def plymouth_numbers_category_table(out: Path) -> None:
    """Word briefing for a scrutiny panel, portrait: a `Number` table of children with plans ending in a bold
    `Total` row, a table of child protection plans by category, and one count in a sentence."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _heading(doc, "Number of Children in Care – update for Members", 14, "004C97")
    doc.add_paragraph(
        "The figures below give the position at the time of this meeting: the children in care population and those "
        "under child protection plans, and the categories under which children are made subject to a plan."
    )
    sections = (
        ("Children known to the service", "Number",
         [("Children with a child in need plan", "949"), ("Children with a child protection plan", "266"),
          ("Children looked after", "426"), ("Total", "1648")]),
        ("Child protection plans by category", "Number of children",
         [("Neglect", "150"), ("Physical harm", "16"), ("Sexual abuse", "14"), ("Emotional abuse", "86")]),
    )
    for title, number_head, rows in sections:
        _heading(doc, title, 11, "004C97")
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("", number_head), strict=True):
            align = WD_ALIGN_PARAGRAPH.RIGHT if text else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(cell, text, bold=True, size=10, align=align)
            _shade(cell, "DEEAF6")
        for name, value in rows:
            cells = table.add_row().cells
            bold = name == "Total"
            _cell_text(cells[0], name, size=10, bold=bold)
            _cell_text(cells[1], value, size=10, bold=bold, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _widths(table, [11.0, 4.0])
        doc.add_paragraph()
    doc.add_paragraph(
        "The majority of children had been on plans for less than a year; 20 children had been on plans for more than "
        "two years."
    )
    doc.save(out)


def blaenau_gwent_outturn_status_scorecard(out: Path) -> None:
    """Word self-assessment appendix of a Welsh council, portrait: the period only in the title, then
    `Measure | 2017/18 Outturn | 2018/19 | Target | Status` with an empty target cell printed `–` and a status word."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _heading(doc, "Assessment of Performance 2018/2019 – Appendix 1: Education", 13, "00605A")
    doc.add_paragraph(
        "Well-being Objective: Blaenau Gwent will be a place of learning. The national reporting measure at the time "
        "of writing was Level 2+; it will be replaced by Capped 9."
    )
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Measure", "2017/18 Outturn", "2018/19", "Target", "Status"),
                          strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00605A")
    cells = table.add_row().cells
    _cell_text(cells[0], "Percentage of pupils achieving the Level 2 threshold including English or Welsh and "
               "Mathematics (Level 2+)", size=9)
    for cell, value in zip(cells[1:], ("41.1%", "44.5%", "–", "Improved"), strict=True):
        _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _shade(cells[4], "C6EFCE")
    _widths(table, [8.6, 2.4, 2.0, 1.8, 2.4])
    doc.add_paragraph()
    doc.add_paragraph("Results are those of the summer examinations of each academic year.")
    doc.save(out)

BATHNES_EDUCATION = [
    # (measure, 2022-23, 2023-24, South West 2023-24, England 2023-24): Bath and North East Somerset Council,
    # Annual Education Performance Report 2023-24, minutes of the Children, Adults, Health and Wellbeing PD&S Panel,
    # 10 March 2025 (democracy.bathnes.gov.uk/mgAi.aspx?ID=34672); figures not published there are left blank.
    ("Early years foundation stage: children reaching a good level of development", "", "72%", "", ""),
    ("Key stage 2: pupils reaching the expected standard in reading, writing and maths combined", "58%", "60%",
     "58%", "61%"),
]


def bathnes_education_region_england_columns(out: Path) -> None:
    """Word annual education report, portrait: `Measure | B&NES 2022-23 | B&NES 2023-24 | South West 2023-24 |
    England 2023-24` with the council's two years beside the region and England, unpublished cells printed `–`."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _heading(doc, "Annual Education Performance Report: academic year 2023-24", 14, "6A1B4D")
    doc.add_paragraph(
        "This report gives the Panel an overview of early years and school education performance in the academic year "
        "2023-24, compared with the South West and England."
    )
    heads = ("Measure", "B&NES 2022-23", "B&NES 2023-24", "South West 2023-24", "England 2023-24")
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "6A1B4D")
    for measure, *values in BATHNES_EDUCATION:
        cells = table.add_row().cells
        _cell_text(cells[0], measure, size=9)
        for cell, value in zip(cells[1:], values, strict=True):
            _cell_text(cell, value or "–", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [7.4, 2.3, 2.3, 2.4, 2.3])
    doc.add_paragraph()
    doc.add_paragraph("Regional and national figures are those published by the Department for Education.")
    doc.save(out)


def bathnes_education_digest_paragraphs(out: Path) -> None:
    """HTML performance digest printed by Chromium, A4 portrait: a heading and a paragraph per measure, each followed
    by its own small ruled table `Area | 2022-23 | 2023-24` whose rows are the council, the South West and England."""
    css = (
        "@page { size: A4; margin: 16mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; } "
        "h1 { font-size: 15pt; color: #6a1b4d; } h2 { font-size: 11pt; color: #6a1b4d; margin-top: 7mm; } "
        "table { border-collapse: collapse; width: 70%; margin-top: 2mm; } "
        "th, td { border: 1px solid #b9a; padding: 1.2mm 2mm; } th { background: #f1e6ee; } td.n { text-align: right; }"
    )
    texts = (
        "Early years: the share of children reaching a good level of development rose this year.",
        "Key stage 2: results in the combined measure have not returned to their pre-pandemic level.",
    )
    body = "<h1>Education performance digest 2023-24</h1>"
    for (measure, before, latest, region, england), text in zip(BATHNES_EDUCATION, texts, strict=True):
        body += f"<h2>{measure}</h2><p>{text}</p>"
        body += "<table><tr><th>Area</th><th>2022-23</th><th>2023-24</th></tr>"
        for area, first, second in (("Bath and North East Somerset", before, latest), ("South West", "", region),
                                    ("England", "", england)):
            body += (f"<tr><td>{area}</td><td class=\"n\">{first or '–'}</td>"
                     f"<td class=\"n\">{second or '–'}</td></tr>")
        body += "</table>"
    out.write_text(_html_page("B&NES education performance digest", body, css), encoding="utf-8")


DOCUMENTS.update(
    {
        ("dev", "salford_agreement_2008_11_code_over_name"): ("xlsx", salford_agreement_code_over_name),
        ("dev", "salford_lpsa_q4_2002_03_long_sentence_names"): ("docx", salford_lpsa_long_sentence_names),
        ("dev", "south_tyneside_lac_2015_16_comparator_columns"): ("html", south_tyneside_comparator_columns),
        ("dev", "warwickshire_cic_feb_2022_polarity_scorecard"): ("xlsx", warwickshire_polarity_scorecard),
        ("dev", "plymouth_children_numbers_category_tables"): ("docx", plymouth_numbers_category_table),
        ("dev", "blaenau_gwent_2018_19_outturn_status_columns"): ("docx", blaenau_gwent_outturn_status_scorecard),
        ("dev", "bathnes_education_2023_24_region_england_columns"): ("docx", bathnes_education_region_england_columns),
        ("dev", "bathnes_education_2023_24_digest_paragraphs"): ("html", bathnes_education_digest_paragraphs),
    }
)



# ------------------------------------------------ dev: round 16 (issue 8), committed before any rule for them

# North Lanarkshire Council, public performance pages (northlanarkshire.gov.uk/index.aspx?articleid=19987 and 19989):
# (indicator, [Actual 2012/13 … Actual 2018/19], target, status colour)
NORTH_LANARKSHIRE_SCHOOLS = [
    ("% of primary schools with occupancy level above 75%",
     ["65.6%", "68.6%", "61.2%", "58.7%", "56.2%", "57.5%", "55.0%"], "65.6%", "#d32f2f"),
    ("% of secondary schools with occupancy level above 75%",
     ["62.5%", "58.3%", "60.9%", "60.9%", "60.9%", "56.5%", "52.2%"], "63%", "#d32f2f"),
]
NORTH_LANARKSHIRE_REPORTS = [
    ("% of children's social background reports, due to be returned, that were submitted within 20 days",
     ["77.8%", "77.7%", "82.1%", "85.2%", "83.7%", "85.2%", "88.2%"], "87%", "#2e7d32"),
]
_NL_YEARS = ["2012/13", "2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19"]
# the site's symbols are images: an arrow for the ideal direction, a filled circle for the progress status
_NL_ARROW_UP = (
    '<svg width="16" height="16" viewBox="0 0 16 16" role="img"><polygon points="8,1 15,9 10,9 10,15 6,15 6,9 1,9" '
    'fill="#1565c0"/></svg>'
)


def _nl_status(colour: str) -> str:
    return (
        f'<svg width="14" height="14" viewBox="0 0 14 14" role="img"><circle cx="7" cy="7" r="6" fill="{colour}"/>'
        "</svg>"
    )


def _north_lanarkshire_page(title: str, subtitle: str, sections: list[tuple[str, str, list, str]]) -> str:
    css = (
        "@page { size: A4; margin: 12mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; "
        "margin: 0; color: #222; } .site { background: #00467f; color: #fff; padding: 3mm 4mm; font-size: 12pt; "
        "font-weight: bold; } .crumbs { font-size: 8pt; color: #555; margin: 2mm 0 4mm 0; } h1 { font-size: 17pt; "
        "color: #00467f; margin: 2mm 0; } h2 { font-size: 13pt; color: #00467f; } h3 { font-size: 11pt; "
        "color: #00467f; margin-top: 6mm; } table { border-collapse: collapse; width: 100%; font-size: 8.5pt; } "
        "th, td { border: 1px solid #b7c4d1; padding: 1.2mm; vertical-align: middle; } th { background: #e6edf4; "
        "text-align: left; } td.n { text-align: center; } .key td { border: none; font-size: 8.5pt; }"
    )
    head = "".join(f"<th>Actual {year}</th>" for year in _NL_YEARS)
    body = (
        '<div class="site">North Lanarkshire Council</div>'
        '<div class="crumbs">Home › Your council › Council performance › Public performance reporting</div>'
        f"<h1>{title}</h1><h2>{subtitle}</h2>"
        "<h3>Service information</h3><p>For more information regarding these services please follow the links "
        "below.</p><h3>Performance information</h3><p>Latest performance results are summarised below and a key "
        "showing the symbols is included at the bottom of this page.</p>"
    )
    for heading, text, rows, target_year in sections:
        body += (
            f"<h3>{heading}</h3><p>{text}</p><table><tr><th>Indicator</th><th>Ideal direction</th>{head}"
            f"<th>Target {target_year}</th><th>Progress status</th></tr>"
        )
        for name, actuals, target, colour in rows:
            cells = "".join(f'<td class="n">{value}</td>' for value in actuals)
            body += (
                f'<tr><td>{name}</td><td class="n">{_NL_ARROW_UP}</td>{cells}<td class="n">{target}</td>'
                f'<td class="n">{_nl_status(colour)}</td></tr>'
            )
        body += "</table>"
    body += (
        "<h3>Key</h3><table class=\"key\">"
        f"<tr><td>{_NL_ARROW_UP}</td><td>Ideal direction – a higher figure is better</td></tr>"
        f"<tr><td>{_nl_status('#2e7d32')}</td><td>Progress status – on target</td></tr>"
        f"<tr><td>{_nl_status('#f9a825')}</td><td>Progress status – slightly below target</td></tr>"
        f"<tr><td>{_nl_status('#d32f2f')}</td><td>Progress status – below target</td></tr></table>"
    )
    return _html_page(title, body, css)


def north_lanarkshire_schools_ideal_direction(out: Path) -> None:
    """HTML public performance page printed by Chromium, A4 portrait: `Indicator | Ideal direction | Actual 2012/13
    … Actual 2018/19 | Target 2018/19 | Progress status`, the ideal direction an arrow image and the status a coloured
    circle image (no text for either), seven year columns wrapping their headers over two lines."""
    text = (
        "The following two indicators reflect the extent to which primary and secondary schools are occupied with "
        "levels above 75%. Occupancy rates may vary due to changes in the number of children starting school and "
        "the way in which a school's capacity is determined."
    )
    page = _north_lanarkshire_page(
        "The education of children", "Performance - national qualifications, school occupancy",
        [("Occupancy levels", text, NORTH_LANARKSHIRE_SCHOOLS, "2018/19")],
    )
    out.write_text(page, encoding="utf-8")


def north_lanarkshire_reports_target_earlier_year(out: Path) -> None:
    """The same site's looked after children page: one indicator whose target column is dated the year before the
    latest actual column (`Actual 2018/19 | Target 2017/18`), the name a long sentence wrapped over four lines."""
    text = (
        "This indicator shows how well we are meeting national standards for submitting reports to the Scottish "
        "Children's Reporter Administration (SCRA). The submission of social background reports on time ensures "
        "that the children's hearing can take place on time."
    )
    page = _north_lanarkshire_page(
        "Child protection and children's social work", "Performance - looked after children",
        [("Social background reports", text, NORTH_LANARKSHIRE_REPORTS, "2017/18")],
    )
    out.write_text(page, encoding="utf-8")


# West Sussex County Council performance dashboard, a measure's page
# (performance.westsussex.gov.uk/stat/goals/w6h8-vure/m7cc-4jgk/rtvw-qcqi)
WEST_SUSSEX_CLA_UPDATES = [
    ("December 2018 performance",
     "The rate of Children Looked After has slightly increased to 40.6 per 10,000. We continue to be under our "
     "statistical neighbour rate data for 2017/18 which is 51 per 10,000. We continue to support children and "
     "families to ensure that children remain in their families and network as long as it is safe to do so."),
    ("October 2018 performance",
     "Slight increase from last month, this data remains steady with no significant increases."),
    ("August 2018 performance",
     "This figure has remained steady and was sitting at 39.5 at end of August so slight decrease from last month."),
    ("July 2018 performance",
     "There has been no significant change in this data and our population of children looked after remains "
     "stable."),
    ("December 2017 Performance",
     "During this quarter the number of Looked After children per 10,000 has remained constant with small "
     "fluctuations on a monthly basis."),
]


def west_sussex_cla_measure_updates(out: Path) -> None:
    """HTML page of a council's online performance dashboard printed by Chromium, A4 portrait: the measure's title,
    a summary strip of boxes (the latest figure big over its unit and month, the statistical neighbours' figure with
    its year), then dated monthly updates as headings over a paragraph each, newest first."""
    css = (
        "@page { size: A4; margin: 12mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #222; } .bar { background: #2c2a29; color: #fff; padding: 3mm 4mm; font-size: 11pt; } "
        "h1 { font-size: 18pt; margin: 5mm 0 1mm 0; } .goal { color: #555; font-size: 9pt; margin-bottom: 5mm; } "
        ".strip { display: flex; gap: 5mm; margin-bottom: 6mm; } .box { border: 1px solid #ccc; border-radius: 2mm; "
        "padding: 3mm 5mm; width: 55mm; } .big { font-size: 26pt; font-weight: bold; color: #1d6f42; } "
        ".small { font-size: 8.5pt; color: #555; } h2 { font-size: 12pt; border-bottom: 1px solid #ccc; } "
        "h3 { font-size: 10.5pt; margin: 4mm 0 1mm 0; }"
    )
    body = (
        '<div class="bar">West Sussex County Council – Performance Dashboard</div>'
        "<h1>Children Looked After per 10,000 children</h1>"
        '<div class="goal">Best Start in Life › Keeping children safe</div>'
        '<div class="strip"><div class="box"><div class="small">Latest</div><div class="big">40.6</div>'
        '<div class="small">per 10,000 children, December 2018</div></div>'
        '<div class="box"><div class="small">Statistical neighbours 2017/18</div><div class="big">51</div>'
        '<div class="small">per 10,000 children</div></div></div>'
        "<h2>Updates</h2>"
    )
    for heading, text in WEST_SUSSEX_CLA_UPDATES:
        body += f"<h3>{heading}</h3><p>{text}</p>"
    body += (
        "<h2>About this measure</h2><p>This measure looks at the number of children who are Looked After within "
        "Children Social Care in West Sussex. This means that some children are in foster placements and a few "
        "children are placed in residential care homes. In order to know how well we are doing we measure "
        "ourselves against authorities in relation to the no. of children in care per 10,000 population of "
        "children.</p>"
    )
    out.write_text(_html_page("West Sussex performance dashboard", body, css), encoding="utf-8")


# Epping Forest District Council, Overview and Scrutiny, Corporate Plan Action Plan Year 2 Performance Report
# (rds.eppingforestdc.gov.uk/mgAi.aspx?ID=72275): (objective, KPI, annual target, Q1 target, Q1 actual, update)
EPPING_FOREST_KPIS = [
    ("Stronger Council", "Increased Customer Satisfaction", "67%", "", "73.4%",
     "Target already achieved in Quarter 1; the target has now been revised upwards to 75%."),
    ("Stronger Communities", "Increase new Leisure Centre Attendees year on year", "", "", "200,086",
     "Figure is total attendances at the Council's Leisure Centres, not new members."),
    ("Stronger Council", "Improved Customer First Contact resolution", "", "", "",
     "Quarterly figures and targets to be implemented."),
]


def epping_forest_kpi_status_words(out: Path) -> None:
    """Word appendix of a district council, landscape: `Corporate objective | Key Performance Indicator | Annual target
    2019/20 | Q1 target | Q1 2019/20 | Status | Update` with the status a word in a coloured cell and blank cells where
    the report gives no figure; a revised target in the update text."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _footer(doc, "Epping Forest District Council – Corporate Plan Action Plan Year 2 – Quarter 1 2019/20")
    _heading(doc, "Appendix 1: Corporate Plan 2018-2023 – Key Performance Indicators, Quarter 1 2019/20", 13, "2E5E2E")
    doc.add_paragraph(
        "The table shows the Council's Key Performance Indicators for Year 2 of the Corporate Plan with the position "
        "at the end of Quarter 1 (April to June 2019)."
    )
    headers = ("Corporate objective", "Key Performance Indicator", "Annual target 2019/20", "Q1 target", "Q1 2019/20",
               "Status", "Update")
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9EAD3")
    for objective, kpi, annual, q1_target, q1, update in EPPING_FOREST_KPIS:
        cells = table.add_row().cells
        _cell_text(cells[0], objective, size=9)
        _cell_text(cells[1], kpi, size=9)
        for cell, value in zip(cells[2:5], (annual, q1_target, q1), strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        status, fill = ("Achieved", "92D050") if q1 and annual else ("Update", "D9D9D9")
        _cell_text(cells[5], status, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cells[5], fill)
        _cell_text(cells[6], update, size=9)
    _widths(table, [3.2, 5.2, 2.4, 2.0, 2.2, 2.0, 8.0])
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "north_lanarkshire_schools_2018_19_ideal_direction_images"): (
            "html", north_lanarkshire_schools_ideal_direction),
        ("dev", "north_lanarkshire_reports_2018_19_target_earlier_year"): (
            "html", north_lanarkshire_reports_target_earlier_year),
        ("dev", "west_sussex_cla_dec_2018_dashboard_measure_updates"): ("html", west_sussex_cla_measure_updates),
        ("dev", "epping_forest_kpis_q1_2019_20_status_words"): ("docx", epping_forest_kpi_status_words),
    }
)



# King's Lynn and West Norfolk, Corporate Performance Panel minutes on the Q2 2019/20 corporate monitoring report
# (democracy.west-norfolk.gov.uk/modgov/mgAi.aspx?ID=18603): (ref, indicator, target, previous, cumulative)
WEST_NORFOLK_Q2 = [
    ("HS11", "Time taken (in weeks) from first contact to completion of work on Disabled Facilities Grants", "",
     "30", "57"),
    ("HS15", "Number of days to process change of circumstances", "11", "", "14"),
]


def west_norfolk_monitoring_flags(out: Path) -> None:
    """Word action report of a district council, landscape: `Ref | Indicator | Target 2019/20 | Previous |
    Cumulative performance Q2 2019/20 | Flag | Action`, a code column before the name, a red flag drawn as a symbol in
    a shaded cell, a blank target where none is set."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _footer(doc, "Corporate Performance Monitoring Report – Q2 2019/20 – Action report")
    _heading(doc, "Corporate performance monitoring – Quarter 2 2019/20: action report", 13, "1F4E79")
    doc.add_paragraph(
        "Indicators that have not met their agreed targets, or whose performance has fallen, are drawn out into this "
        "action report with the service's comments."
    )
    headers = ("Ref", "Indicator", "Target 2019/20", "Previous", "Cumulative performance Q2 2019/20", "Flag",
               "Action")
    actions = (
        "An update will be given to the Environment and Community Panel.",
        "Performance has improved from September 2019; the service is confident the target will be met.",
    )
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "DEEAF6")
    for (ref, name, target, previous, cumulative), action in zip(WEST_NORFOLK_Q2, actions, strict=True):
        cells = table.add_row().cells
        _cell_text(cells[0], ref, size=9)
        _cell_text(cells[1], name, size=9)
        for cell, value in zip(cells[2:5], (target, previous, cumulative), strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell_text(cells[5], "\u2691", size=11, align=WD_ALIGN_PARAGRAPH.CENTER, colour="C00000")
        _cell_text(cells[6], action, size=9)
    _widths(table, [1.4, 7.0, 2.2, 2.0, 3.2, 1.3, 7.4])
    doc.save(out)


DOCUMENTS.update({("dev", "west_norfolk_q2_2019_20_ref_flag_action_report"): ("docx", west_norfolk_monitoring_flags)})



# Northumberland County Council performance portal, "NCC Current Performance Report at 18 May 2024 for Children's
# Social Care" (performance.northumberland.gov.uk/Public/Reports/OutturnReport.aspx?GroupID=26):
# (no., measure, unit, 2023/24 performance, current target, current performance, last result, frequency,
#  direction of travel, performance, comment)
NORTHUMBERLAND_PORTAL = [
    ("1", "% of EHFW cases closed because desired outcomes have been met", "Percentage", "80", "75", "80",
     "Jan 2024", "Quarterly", "Green", "Green",
     "The quarter 4 figure of 80% is an improvement on the annual figure for 2023-24 of 76%."),
    ("2", "% Staff turnover within the social work workforce", "Percentage", "12.52", "15.5", "12.52", "Apr 2023",
     "Annually", "Green", "Green",
     "This is a significant reduction and therefore much better than the previous year. This year, we have seen "
     "more starters than leavers and the figure is far better than the previous national average of 17%. "
     "Recruitment and retention of experienced staff does remain a challenge, however, and the majority of social "
     "workers have come through our own successful academy."),
    ("3", "Rate of children and young people subject to child protection plans per 10,000 popn", "Rates per 10,000",
     "65", "68", "65", "Jan 2024", "Quarterly", "Green", "Green",
     "The rate has remained fairly stable compared to the last two quarters, although the figure of 65 is still "
     "higher than the national average of 43. Decision-making on individual cases remains the key issue and quality "
     "of practice work demonstrates that it continues to be robust. There is a robust process in place to review "
     "plans where they have lasted for 15 months to ensure that risk of harm to the child has been reduced."),
    ("4", "Rate of Children Looked After (CLA) per 10,000 popn", "Rates per 10,000", "75", "73", "75", "Jan 2024",
     "Quarterly", "Green", "Red",
     "The number of children in our care has decreased again in the last quarter. Northumberland's figure at the end "
     "of March of 75 per 10,000 remains the lowest in the region, but is above the national average of 71."),
]


def northumberland_portal_current_target(out: Path) -> None:
    """HTML page of a council's performance portal printed by Chromium, A4 landscape: a report title with its date,
    then one ruled table `# | Measure | Unit | 2023/24 Performance | Current Target | Current Performance | Last
    Available Result | Frequency | Direction of Travel | Performance | Status | Comments | Trend`, the direction and
    performance as coloured words, a long comment per row and a `Trend Line Chart` link in the last column."""
    css = (
        "@page { size: A4 landscape; margin: 10mm; } body { font-family: 'Liberation Sans', Arial; font-size: 8.5pt; "
        "margin: 0; color: #222; } .bar { background: #003a5d; color: #fff; padding: 2mm 4mm; font-size: 11pt; } "
        ".beta { font-size: 7pt; vertical-align: super; } h1 { font-size: 12pt; margin: 4mm 0 1mm 0; } "
        "h2 { font-size: 11pt; margin: 0 0 3mm 0; color: #003a5d; } table { border-collapse: collapse; width: 100%; } "
        "th, td { border: 1px solid #9aa; padding: 1.2mm; vertical-align: top; } th { background: #dfe8ef; "
        "font-size: 8pt; } td.n { text-align: center; } .Green { background: #c6efce; color: #006100; } "
        ".Red { background: #ffc7ce; color: #9c0006; } a { color: #0645ad; } .print { font-size: 8pt; }"
    )
    headers = ("", "Measure", "Unit", "2023/24 Performance", "Current Target", "Current Performance",
               "Last Available Result", "Frequency", "Direction of Travel", "Performance", "Status", "Comments",
               "Trend")
    rows = ""
    for no, measure, unit, year, target, current, last, freq, dot, perf, comment in NORTHUMBERLAND_PORTAL:
        rows += (
            f'<tr><td class="n">{no}</td><td>{measure}</td><td>{unit}</td><td class="n">{year}</td>'
            f'<td class="n">{target}</td><td class="n">{current}</td><td class="n">{last}</td><td>{freq}</td>'
            f'<td class="n {dot}">{dot}</td><td class="n {perf}">{perf}</td><td>Up to date</td>'
            f'<td>{comment}</td><td><a href="#">Trend Line Chart</a></td></tr>'
        )
    body = (
        '<div class="bar">NCC Performance<span class="beta">BETA</span> &nbsp; Reports &nbsp; Admin</div>'
        '<p class="print">Report Date: 18/05/2024 &nbsp; '
        '<a href="#">View a printer friendly version of this report</a></p>'
        "<h1>NCC Current Performance Report at 18 May 2024 for</h1><h2>Children's Social Care</h2>"
        "<table><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>" + rows + "</table>"
    )
    out.write_text(_html_page("NCC Performance – Children's Social Care", body, css), encoding="utf-8")


# Cambridgeshire County Council Youth Support Service, "YSS RPA and 16 – 19 NEET Performance Measures 2017/18"
# (docest.com/doc/101935/yss-rpa-and-16-19-neet-performance-measures-2012-13): (measure, 2017/18, 2016/17,
# 2015/16, 2014/15); a name with a line break is written `first\nsecond`.
YSS_COUNTY = [
    ("Year 12 In learning", "96%", "95.4%", "95.8%", "94.1%"),
    ("Year 13 In Learning", "91.8%", "91.4%", "90.6%", "89.3%"),
    ("Year 12 Jobs Without Training", "1.3%", "1.6%", "1%", "1.2%"),
    ("Year 13 Jobs Without Training", "4.1%", "4.2%", "4.5%", "5.6%"),
    ("Yr12/13 NEET/UK", "3.5%", "3.7%", "4.1%", "4.2%"),
    ("NEET\nYr 12", "1.9%", "2.1%", "1.9%", "2.3%"),
    ("NEET Yr 13", "3.2%", "3.3%", "3.5%", "3.4%"),
    ("Unknown\nYr 12", "0.9%", "0.9%", "1.4%", "2.5%"),
    ("Unknown Yr 13", "0.9%", "1%", "1.4%", "1.4%"),
    ("16-19 SEND\nNEET", "8.6%", "8.8%", "10%", "12.2%"),
    ("16-19 SEND in EET", "87%", "84.5%", "87.4%", "85.2%"),
    ("Care Leavers NEET (SC Measure)", "30%", "46%", "58%", "N/A"),
    ("Care Leavers in EET (SC Measure)", "70%", "54%", "42%", "N/A"),
    ("16-19 Teenage Mothers NEET", "50.8%", "57.9%", "65.3%", "65.9%"),
    ("16-19 Teenage Mothers in EET", "44.3%", "41.1%", "34.4%", "33.1%"),
    ("16-19 YOS\nNEET", "32.9%", "39.5%", "43.4%", "37.9%"),
    ("16-19 YOS\nin EET", "60.5%", "53.1%", "52.8%", "51.7%"),
]
YSS_EAST_CAMBS = [
    ("In Learning\nYr 12", "96.2%", "96%", "96.8%", "96%"),
    ("In Learning\nYr 13", "91.6%", "91.4%", "90.3%", "88%"),
    ("Yr 12 Jobs without Training", "1.2%", "1.5%", "0.8%", "1%"),
    ("Yr 13 Jobs without Training", "4.6%", "4.7%", "4.1%", "7.2%"),
    ("Yr 12/13 NEET/Unknown", "3.2%", "3.2%", "3.9%", "3.7%"),
    ("NEET\nYr 12", "2.1% (18)", "2.2%", "2.1%", "2.2%"),
    ("NEET Yr 13", "2.9% (26)", "3%", "4%", "3.6%"),
    ("Unknown\nYr 12", "0.5% (4)", "0.2%", "0.2%", "0.8%"),
    ("Unknown Yr 13", "0.9% (8)", "0.9%", "1.7%", "0.9%"),
]


def _yss_table(doc: Document, corner: str, rows: list[tuple[str, str, str, str, str]]) -> None:
    headers = (corner, "2017/18 Measure", "2016/17\nActual", "2015/16\nActual", "2014/15\nActual")
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "BDD7EE")
    for name, *values in rows:
        cells = table.add_row().cells
        _cell_text(cells[0], name, size=9)
        for cell, value in zip(cells[1:], values, strict=True):
            _cell_text(cell, value, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, [5.0, 2.8, 2.4, 2.4, 2.4])


def cambridgeshire_yss_neet_measure_actual(out: Path) -> None:
    """Word note of a youth support service, portrait: numbered sections, each a ruled table whose corner cell is
    blank (county) or names the district, then `2017/18 Measure | 2016/17 Actual | 2015/16 Actual | 2014/15 Actual`
    (the year over the kind word), names broken over two lines inside their cells, counts in brackets after the
    latest percentages and `N/A` cells."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _heading(doc, "YSS RPA and 16 – 19 NEET Performance Measures 2017/18", 14, "1F3864")
    doc.add_paragraph(
        "Please note since September 2016 DfE only report on years 12 and 13 and NEET and Unknown situations were "
        "merged to form a new measure."
    )
    _heading(doc, "1. County Performance Measures", 12, "1F3864")
    _yss_table(doc, "", YSS_COUNTY)
    _heading(doc, "2. District Performance Measures", 12, "1F3864")
    _yss_table(doc, "East Cambs", YSS_EAST_CAMBS)
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "northumberland_portal_may_2024_current_target_columns"): (
            "html", northumberland_portal_current_target),
        ("dev", "cambridgeshire_yss_neet_2017_18_measure_actual_years"): (
            "docx", cambridgeshire_yss_neet_measure_actual),
    }
)


# West Lothian Council, "factfile 2017 – Your essential guide to our performance in 2016/17"
# (pdfslide.us/documents/factfile-west-lothian-west-lothian-council-factfile-2017-96-16-906-attendance.html):
# (big figure, the sentence printed under it)
WEST_LOTHIAN_FACTFILE = [
    ("90.6%", "attendance levels in pre-schools, from 90.1% in 2015/16"),
    ("100%", "of all Children and Families Care Inspectorate Inspections were graded good, very good or excellent "
     "against a target of the same value"),
    ("626", "jobs were generated by new business start-ups assisted by Business Gateway against a target of 480"),
    ("£1,078,929", "of Scottish Welfare Fund spend in relation to Crisis Grants and Community Grants, against a "
     "target of £1,064,220"),
    ("48.5%", "of total waste was recycled against a 50% target"),
    ("4,275", "requests for emergency assistance were responded to by the Home Crisis Care Service in 2016/17 "
     "against a target of 4284"),
    ("99.9%", "of council homes are energy efficient against a target of 100%"),
]


def west_lothian_factfile_figure_sentences(out: Path) -> None:
    """HTML annual report printed by Chromium, A4 portrait: a cover line, then a summary grid of tiles three across,
    each a big figure over the sentence that names it and ends in its comparison (`against a target of 480`,
    `against a 50% target`, `from 90.1% in 2015/16`, `against a target of the same value`)."""
    css = (
        "@page { size: A4; margin: 12mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #222; } h1 { font-size: 26pt; color: #6a1b9a; margin: 0; } .sub { font-size: 12pt; color: #6a1b9a; "
        "margin-bottom: 6mm; } h2 { font-size: 14pt; margin: 4mm 0 2mm 0; } .grid { display: grid; "
        "grid-template-columns: repeat(3, 1fr); gap: 5mm; } .tile { background: #f3e5f5; border-radius: 3mm; "
        "padding: 4mm; } .big { font-size: 24pt; font-weight: bold; color: #4a148c; } .txt { font-size: 9.5pt; }"
    )
    tiles = "".join(
        f'<div class="tile"><div class="big">{big}</div><div class="txt">{text}</div></div>'
        for big, text in WEST_LOTHIAN_FACTFILE
    )
    body = (
        "<h1>factfile 2017</h1><div class=\"sub\">Your essential guide to our performance in 2016/17</div>"
        "<h2>Summary</h2><p>Below is a summary of some of the most vital results of West Lothian Council, which "
        "demonstrate how well we contribute to the community and the citizens we serve.</p>"
        f'<div class="grid">{tiles}</div>'
    )
    out.write_text(_html_page("West Lothian Council factfile 2017", body, css), encoding="utf-8")


DOCUMENTS.update(
    {("dev", "west_lothian_factfile_2016_17_figure_sentences"): ("html", west_lothian_factfile_figure_sentences)}
)


# Mid and East Antrim Borough Council (Northern Ireland), Performance Self-Assessment Report 2023-2024, "Statutory key
# performance indicators – Planning" (midandeastantrim.gov.uk/.../statutory-key-performance-indicators/planning):
# (indicator, standard, [(year, result)], 2023/24 result, status and trend, NI council average, position)
MID_EAST_ANTRIM_PLANNING = [
    ("The average processing time of major planning applications.", "Less than 30 weeks.",
     [("2019/20", "42.4 weeks"), ("2020/21", "39.2 weeks"), ("2021/22", "34.7 weeks"), ("2022/23", "47.6 weeks")],
     "67.4 weeks", "Target not achieved. Significant decrease in performance from 2022/23.", "46.5 weeks", "9th"),
    ("The average processing time of local planning applications.", "Less than 15 weeks.",
     [("2019/20", "7.6 weeks"), ("2020/21", "10.4 weeks"), ("2021/22", "9.6 weeks"), ("2022/23", "8.6 weeks")],
     "9.4 weeks", "Target achieved. Slight decrease in performance from 2022/23.", "20.8 weeks", "1st"),
    ("Percentage of enforcement cases concluded within 39 weeks.", "Greater than 70%.",
     [("2019/20", "89%"), ("2020/21", "82.6%"), ("2021/22", "90.5%"), ("2022/23", "91.2%")],
     "87.3%", "Target achieved. Decrease in performance from 2022/23.", "74.2%", "3rd"),
]


def mid_east_antrim_planning_indicator_cards(out: Path) -> None:
    """HTML page of a Northern Ireland council's self-assessment report printed by Chromium, A4 portrait: per
    indicator a two-column card table, `Indicator: <name>. Standard: Less than 30 weeks.` merged across its top, a
    `Past results` band over `year | result` rows, a `2023/24` band over label / value rows (`Mid and East Antrim
    Borough Council result`, `Status and trend`, `Northern Ireland council average`, `... comparative council
    position`), the unit written after each figure (`42.4 weeks`)."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #1b1b1b; } .crumb { font-size: 8pt; color: #555; } h1 { font-size: 18pt; color: #00594f; "
        "margin: 2mm 0 3mm 0; } h2 { font-size: 12pt; margin: 5mm 0 2mm 0; } table { border-collapse: collapse; "
        "width: 100%; margin-bottom: 6mm; } td { border: 1px solid #b8c4c2; padding: 1.6mm 2.4mm; "
        "vertical-align: top; } td.ind { background: #00594f; color: #fff; font-weight: bold; } "
        "td.band { background: #e3eeec; font-weight: bold; } td.lab { width: 55%; }"
    )
    cards = ""
    for name, standard, past, result, status, average, position in MID_EAST_ANTRIM_PLANNING:
        rows = f'<tr><td class="ind" colspan="2">Indicator: {name} Standard: {standard}</td></tr>'
        rows += '<tr><td class="band" colspan="2">Past results</td></tr>'
        rows += "".join(f'<tr><td class="lab">{year}</td><td>{value}</td></tr>' for year, value in past)
        rows += '<tr><td class="band" colspan="2">2023/24</td></tr>'
        for label, value in (
            ("Mid and East Antrim Borough Council result", result),
            ("Status and trend", status),
            ("Northern Ireland council average", average),
            ("Mid and East Antrim comparative council position", position),
        ):
            rows += f'<tr><td class="lab">{label}</td><td>{value}</td></tr>'
        cards += f"<table>{rows}</table>"
    body = (
        '<div class="crumb">Council &gt; Performance improvement &gt; Self-Assessment Report 2023-2024 &gt; '
        "Statutory key performance indicators</div><h1>Planning</h1>"
        "<p>In 2023/24, Mid and East Antrim Borough Council remained within the standard set for two of the three "
        "statutory planning indicators.</p><p>Our internal and comparative performance is summarised below, and "
        "described in detail in the pages that follow.</p>"
        "<h2>Mid and East Antrim Borough Council planning results (summary trend and comparative analysis)</h2>"
        + cards
    )
    out.write_text(_html_page("Planning – Performance Self-Assessment Report 2023-2024", body, css), encoding="utf-8")


# Conwy County Borough Council social services annual report 2015-16 (conwysocialservicesannualreport.org.uk,
# category 2015-16, and /stability-of-placements): (years, values) of the small tables under the paragraphs.
CONWY_ASSESSMENT_YEARS = (("2013/14", "2014/15", "2015/16"), ("82.1%", "79.2%", "76.1%"))
CONWY_ASSESSMENT_QUARTERS = (("Q1 2015/16", "Q2 2015/16", "Q3 2015/16", "Q4 2015/16", ""),
                             ("65.2%", "80.7%", "82.5%", "77%", ""))


def _conwy_table(head: tuple[str, ...], values: tuple[str, ...]) -> str:
    return (
        "<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr><tr>"
        + "".join(f"<td>{v}</td>" for v in values) + "</tr></table>"
    )


def conwy_year_tables_under_sentences(out: Path) -> None:
    """HTML pages of a Welsh council's social services annual report site printed by Chromium, A4 portrait: posts of
    paragraphs naming a statutory measure in quotes with its target in a sentence, each followed by a small table
    whose header row is the years (or the quarters, with an empty last cell) and whose only other row is the
    figures, with no name cell; a second post gives a measure's figures in sentences only."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Serif', Georgia; font-size: 11pt; "
        "margin: 0; color: #222; } .site { font-family: 'Liberation Sans', Arial; font-size: 14pt; color: #5b2c6f; "
        "border-bottom: 2px solid #5b2c6f; padding-bottom: 2mm; margin-bottom: 4mm; } h1 { font-family: "
        "'Liberation Sans', Arial; font-size: 15pt; margin: 5mm 0 2mm 0; } .meta { font-size: 8.5pt; color: #777; } "
        "table { border-collapse: collapse; margin: 2mm 0 4mm 0; } th, td { border: 1px solid #bbb; "
        "padding: 1.5mm 4mm; text-align: center; font-family: 'Liberation Sans', Arial; font-size: 10pt; } "
        "th { background: #f1eaf4; } sup { font-size: 7pt; } .note { font-size: 9pt; }"
    )
    post1 = (
        "<h1>Timeliness of initial assessments</h1><div class=\"meta\">Posted in 2015-16, Children's Services</div>"
        "<p>Timeliness of initial assessments has decreased overall during 2015-16, however, there is improvement "
        "during the year on a quarterly basis.</p>"
        "<p>An initial assessment is defined as a brief assessment of a child referred to social services with a "
        "request for services to be provided. Performance is monitored by the statutory measure \u201cThe percentage "
        "of initial assessments completed within 7 working days\u201d. The target for this measure is 80%.</p>"
        + _conwy_table(*CONWY_ASSESSMENT_YEARS)
        + "<p>Whilst the performance during 2015-16 has seen a drop, we can see an overall trend of improvement "
        "across the year.</p>"
        + _conwy_table(*CONWY_ASSESSMENT_QUARTERS)
        + "<p>The steady improvement in performance can be attributed to the detailed action plan implemented "
        "across the Service.</p><p>Actions taken include:</p><ul>"
        "<li>Capacity was increased to ensure swift decision making on referrals</li>"
        "<li>Monthly monitoring meetings were held with the Head of Service, to continually monitor the "
        "performance</li><li>Regular audits conducted by the Quality Standards team identified good practice and "
        "led to action plans to address development needs</li></ul>"
    )
    post2 = (
        "<h1>Stability of placements</h1><div class=\"meta\">Posted in 2015-16, Children's Services</div>"
        "<p>The target for 2014/15 (annual measure) for the percentage of children looked after on 31 March who "
        "have had three or more placements during the year was 9.5% (lower is better). Conwy\u2019s actual "
        "performance for 2015/16 was 10.6%, as 18 children out of a total of 170, had moved placement twice or more "
        "during the year.</p>"
        "<p>Stability of placements is quantified through the performance indicator SCC/004 \u201cThe percentage of "
        "children looked after on 31 March who have had three or more placements during the year.\u201d The target "
        "is 9.5%. (Lower is better).</p>"
        "<p>Conwy\u2019s actual performance for 2014/15 was 11.4%, as 18 children out of a total of 158, had moved "
        "placement twice or more during the year.</p>"
        "<p>For 2015/16, performance improved to 10.6%, (18 children out of 170).</p>"
        "<p>The majority of children in care in Conwy have stable placements. Of the 138 children in Foster Care "
        "placements<sup>[1]</sup> in 2014/15, 113 remained in the same placement throughout the entire year, 20 had "
        "one placement move, and 4 had two placement moves. Only 1 had three moves.</p>"
        "<p class=\"note\">[1] This excludes those in Kinship care.</p>"
    )
    body = '<div class="site">Conwy Social Services Annual Report 2015-16</div>' + post1 + post2
    out.write_text(_html_page("Conwy Social Services Annual Report 2015-16", body, css), encoding="utf-8")


def cheshire_west_outcome_comparators_in_sentences(out: Path) -> None:
    """Two outcome pages of a council's public performance website printed by Chromium, A4 portrait, one after the
    other: the outcome as the heading, `Are we achieving our targets?` with the count of measures per RAG colour
    on one line (`Green – 4; Amber – 3; Red – 8; M – 3`), a key of direction symbols, then `Analysis and issues`
    paragraphs holding a measure's latest figure, its target, and the national, regional and statistical
    neighbours' averages in one sentence (`Nationally there is an average of 20.2% ..., regionally this is 20.7%
    and statistical neighbours are higher at 21.5%`)."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10.5pt; "
        "margin: 0; color: #222; } .site { background: #1d3c6e; color: #fff; padding: 2.5mm 4mm; font-size: 12pt; } "
        "h1 { font-size: 16pt; color: #1d3c6e; margin: 5mm 0 3mm 0; } h2 { font-size: 12pt; margin: 4mm 0 1.5mm 0; } "
        ".rag span { display: inline-block; margin-right: 3mm; } .key div { margin: 0.8mm 0; } "
        ".sym { display: inline-block; width: 5mm; text-align: center; font-weight: bold; } "
        ".up { color: #2e7d32; } .flat { color: #f9a825; } .down { color: #c62828; } .q { color: #555; } "
        ".brk { break-before: page; }"
    )
    key = (
        '<div class="key"><div><span class="sym up">\u25b2</span> Improved performance</div>'
        '<div><span class="sym flat">\u25ac</span> Stayed the same</div>'
        '<div><span class="sym down">\u25bc</span> Requires improvement</div>'
        '<div><span class="sym q">?</span> Further information is needed or the latest measure is unavailable</div>'
        "</div>"
    )

    def page(title: str, rag: str, analysis: str) -> str:
        return (
            f"<h1>{title}</h1><h2>Are we achieving our targets?</h2><p class=\"rag\">{rag}</p>"
            f"<h2>Are we getting better?</h2>{key}<h2>Analysis and issues</h2>{analysis}"
        )

    best_start = page(
        "All of our families, children and young people are supported to get the best start in life",
        "Green \u2013 10; Amber \u2013 3; Red \u2013 3; M \u2013 2",
        "<p>Cheshire West has experienced a significant reduction in the number of children in need, currently at "
        "262.3 per 10,000, below the target of 310 per 10,000. This is attributable to high quality practice, a "
        "strengthened interface between Early Help and Social Care, and a range of interventions, such as the "
        "expanded Edge of Care Service, a new, more intensive model of support for Children in Need, and Family "
        "Group Conferencing \u2013 an evidence based intervention designed to build on family strengths to keep "
        "families resilient and stable.</p>",
    )
    safe = page(
        "Vulnerable adults and children feel safe and are protected",
        "Green \u2013 4; Amber \u2013 3; Red \u2013 8; M \u2013 3",
        "<p>The proportion of children subject to a second or subsequent Child Protection Plan has demonstrated "
        "improving performance, but remains red at 16% against the target of 14%. This measure has demonstrated "
        "variable performance over the last year. Nationally there is an average of 20.2% of repeat child "
        "protection plans, regionally this is 20.7% and statistical neighbours are higher at 21.5%. Performance "
        "continues to be \u2018good\u2019 when measured against comparators, which could suggest that the target "
        "locally is too low.</p><p>The New Ways of Working programme is expected to reduce the number of repeat "
        "plans going forward, through a more integrated service supporting vulnerable children and families.</p>",
    )
    body = (
        '<div class="site">Cheshire West and Chester \u2013 Performance</div>' + best_start
        + '<div class="brk"></div><div class="site">Cheshire West and Chester \u2013 Performance</div>' + safe
    )
    out.write_text(_html_page("Cheshire West and Chester performance", body, css), encoding="utf-8")
# ------------------- dev, narrative round 12: measures written as clauses of sentences (committed before any rule)


def cheshire_east_education_minutes_sentences(out: Path) -> None:
    """Word minutes of a scrutiny committee: a minute on the annual education report whose sentences hold counts
    (`there were 50,119 pupils attending ..., 269 attended ... and 34 were educated ...`), shares written
    `X% of <pupils> <verb phrase>`, a gap `this was 25% compared to 32% in 2010` and rises in percentage points."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "Cheshire East Council – Children and Families Scrutiny Committee minutes")
    _heading(doc, "Children and Families Scrutiny Committee – minutes", 13, "1F3864")
    doc.add_paragraph("Minutes of a meeting of the Children and Families Scrutiny Committee held in the Committee "
                      "Suite, Westfields, Sandbach.")
    items = [
        ("31.", "Minutes of Previous Meeting", ["RESOLVED that the minutes of the meeting be approved as a correct "
                                                  "record and signed by the Chairman."]),
        ("32.", "School Examination Data", [
            "The Committee considered the annual education report 2011/12 relating to the overall performance of "
            "schools (including academies) and settings during 2011-12 from early years through to post 16.",
            "The report stated that there were 50,119 pupils attending mainstream schools and academies, 269 attended "
            "the borough’s four special schools and 34 were educated at the pupil referral unit.",
            "In 2012, 74% of children in Cheshire East had achieved a good level of development by the age of 5 "
            "which represented an increase in 6 percentage points over the previous year.",
            "The achievement gap between the lowest 20% of pupils and the rest in Cheshire East had continued to "
            "narrow. In 2012 this was 25% compared to 32% in 2010. This was lower than nationally and across the "
            "North West and statistical neighbours. Cheshire East was ranked third when compared to all local "
            "authorities.",
            "Specifically, at key stage 1, Cheshire East was achieving consistently above national averages, and at "
            "key stage 2, 85% of pupils achieved level 4+ in English and mathematics, a rise of 4 percentage points "
            "on last year in primary schools.",
            "In secondary schools, at key stage 3 Cheshire East was consistently above national averages. At key "
            "stage 4, 61.9 % of pupils achieved 5+A*-C grades. However the number of cared for children achieving "
            "5+A*-C grades had dropped slightly compared to the previous year.",
            "The report also indicated that 99.1% of A level students achieved A* to E and just under a quarter "
            "achieved A*.",
            "In respect of school attendance and exclusions, the report showed that persistent absentees had fallen "
            "significantly since 2011 in both primary and secondary schools.",
            "RESOLVED that the report be received.",
        ]),
    ]
    for number, title, texts in items:
        para = doc.add_paragraph()
        run = para.add_run(f"{number}\t{title}")
        run.bold = True
        for text in texts:
            doc.add_paragraph(text)
    doc.save(out)


def devon_csc_performance_minutes_dash_points(out: Path) -> None:
    """A committee's minutes page printed by Chromium: `The Report outlined the following key points:-` then dash
    points, a rate in brackets after the council's name beside the national average's in brackets, `improve to 90%
    in October`, `now currently standing at 48, compared to 10 in October 2021`, `had increased in October to
    37.9%` and `reduced to 17, compared to 23 in March 2022`; then discussion points with thresholds in days."""
    css = (
        "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
        "h1 { font-size: 15pt; color: #005e46; } h2 { font-size: 12pt; color: #005e46; margin-top: 6mm; } "
        "ul.dash { list-style: none; padding-left: 6mm; } ul.dash li { margin-bottom: 2mm; text-indent: -5mm; }"
    )
    points = [
        "Referral rates had increased across the country in September after the return to school, with Devon (484 per "
        "10,000) now being below the national average (465), but higher than statistical neighbours.",
        "Assessment performance had continued to improve to 90% in October, which was higher than both the national "
        "and statistical neighbours.",
        "Child protection plans had increased, but was in line with national and statistical neighbours.",
        "Children in care numbers was increasing, largely due to the significant number of unaccompanied asylum "
        "seeking children, now currently standing at 48, compared to 10 in October 2021, but still lower than the "
        "national average and statistical neighbours.",
        "The percentage of agency social workers had increased in October to 37.9%, and the average caseload had now "
        "reduced to 17, compared to 23 in March 2022.",
    ]
    discussion = [
        "All assessments were now under the one head of service, which was hoped would provide better oversight and "
        "outcomes. A review of Early Help was also being undertaken looking particularly at transition between "
        "services and to understand how children could be helped earlier.",
        "As to assessments within 45 days, this was a national measure, and it was expected that children would be "
        "seen within 4-6 days, some on the same day. There was still work to do on the quality of assessments with "
        "the multi-agencies involved. The Committee acknowledged the significant improvement.",
    ]
    body = (
        "<h1>Devon County Council – Children's Scrutiny Committee</h1>"
        "<h2>Agenda item: Children's Social Care Performance</h2>"
        "<p>Performance report, attached.</p><h2>Minutes:</h2>"
        "<p>The Committee received the Report of the Director of Children and Young People’s Futures which provided "
        "a performance update on Children’s Social Care.</p>"
        "<p>The Report outlined the following key points:-</p>"
        '<ul class="dash">' + "".join(f"<li>-&nbsp;&nbsp;&nbsp;{p}</li>" for p in points) + "</ul>"
        "<p>Members’ questions and discussion points with Officers, included:</p>"
        '<ul class="dash">' + "".join(f"<li>-&nbsp;&nbsp;&nbsp;{p}</li>" for p in discussion) + "</ul>"
    )
    out.write_text(_html_page("Devon – Children's Scrutiny Committee: Children's Social Care Performance", body, css),
                   encoding="utf-8")


def cheshire_west_annual_report_2019_education_paragraphs(out: Path) -> None:
    """An annual report's web page printed by Chromium: headed paragraphs of shares written `X per cent of
    <population> <verb phrase>`, the national average in the same sentence (`above the national average of 95 per
    cent`, `compared to 93.8 per cent nationally`) or the next (`This is above the national average for England
    which is 97.7 per cent.`) and gaps to it in percentage points."""
    css = (
        "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
        "h1 { font-size: 16pt; color: #6d2077; } h2 { font-size: 12.5pt; color: #6d2077; margin-top: 6mm; } "
        ".lead { font-size: 12pt; font-weight: bold; }"
    )
    body = (
        "<h1>People are well educated, skilled and earn a decent living</h1>"
        '<p class="lead">Thriving economy outcome: people are well educated, skilled and earn a decent living</p>'
        "<p>Early years providers and schools continue to offer children high quality education. In 2018, 99 per cent "
        "of early years providers, including childminders and nursery settings, were rated good or outstanding by "
        "Ofsted, above the national average of 95 per cent. By the end of March 2019, 94.1 per cent of children were "
        "attending good or outstanding primary schools, 7.7 percentage points above the national average. At "
        "secondary school level, 86.2 per cent of children were attending a good or outstanding school, 7.6 "
        "percentage points above the national average. All of our special schools continue to be good or "
        "outstanding.</p>"
        "<h2>Preferred school places</h2>"
        "<p>We work hard to ensure that children are offered one of their preferred school places when families are "
        "applying for Reception places in primary schools or Year Seven places at secondary schools. In 2018, 98.1 "
        "per cent of families applying for a primary school place got one of their preferred places. This is above "
        "the national average for England which is 97.7 per cent. 95.5 per cent of families applying for a secondary "
        "school place got one of their preferred places compared to 93.8 per cent nationally.</p>"
        "<h2>Educational outcomes for disadvantaged children and young people</h2>"
        "<p>Improving the educational outcomes for disadvantaged children and young people, including our children in "
        "care, is a priority for the Council. Our Virtual School brings together education leaders to support schools "
        "to raise standards further.</p>"
    )
    out.write_text(_html_page("Cheshire West and Chester – Annual report 2019: well educated", body, css),
                   encoding="utf-8")


DOCUMENTS.update(
    {
        ("dev", "mid_east_antrim_planning_2023_24_indicator_cards"): ("html", mid_east_antrim_planning_indicator_cards),
        ("dev", "conwy_social_services_2015_16_year_tables_under_sentences"): (
            "html", conwy_year_tables_under_sentences),
        ("dev", "cheshire_west_outcomes_2018_19_comparators_in_sentences"): (
            "html", cheshire_west_outcome_comparators_in_sentences),
    }
)


# Mid and East Antrim Borough Council, Self-Assessment Report 2024-25 p10, "Table: Summary statutory performance
# indicator results – Mid and East Antrim Borough Council (2024/25)": (indicator, target, year-end result, status)
MID_EAST_ANTRIM_SUMMARY = [
    ("The number of jobs promoted through business start interventions", "Minimum 111 jobs", "144 jobs", "Achieved"),
    ("The average processing time of major planning applications", "Maximum 30 weeks", "45.2 weeks", "Not achieved"),
    ("The average processing time of local planning applications", "Maximum 15 weeks", "5.8 weeks", "Achieved"),
    ("The percentage of enforcement cases concluded within 39 weeks", "Minimum 70%", "81.3%", "Achieved"),
]


def mid_east_antrim_summary_min_max_targets(out: Path) -> None:
    """Word self-assessment report page, portrait: a numbered `Benchmarking` section of bullets, then a captioned
    ruled table `Indicator | Target | Year-end result | Status`, targets written `Minimum 111 jobs` / `Maximum 30
    weeks`, results with their unit word (`144 jobs`, `45.2 weeks`), the year only in the caption."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Mid and East Antrim Borough Council \u2013 Self-Assessment Report 2024-25")
    _heading(doc, "Benchmarking", 14, "00594F")
    for text in (
        "Benchmarking helps identify where we are performing well and where we need to improve.",
        "We can compare our performance with other local councils for three types of statutory performance "
        "indicators, as well as absenteeism and prompt payment performance.",
    ):
        doc.add_paragraph(text, style="List Bullet")
    _heading(doc, "Statutory performance indicators and standards", 12, "00594F")
    doc.add_paragraph(
        "The Department for Communities sets statutory targets for councils in the areas of Planning, Economic "
        "Development and Waste Management. We also set our own internal targets to ensure continuous improvement "
        "within these areas.", style="List Bullet")
    caption = doc.add_paragraph()
    run = caption.add_run("Table: Summary statutory performance indicator results \u2013 Mid and East Antrim Borough "
                          "Council (2024/25)")
    run.bold = True
    run.font.size = Pt(9.5)
    headers = ("Indicator", "Target", "Year-end result", "Status")
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9.5, colour="FFFFFF")
        _shade(cell, "00594F")
    for name, target, result, status in MID_EAST_ANTRIM_SUMMARY:
        cells = table.add_row().cells
        for cell, text in zip(cells, (name, target, result, status), strict=True):
            _cell_text(cell, text, size=9.5)
    _widths(table, [8.4, 3.4, 3.2, 2.4])
    doc.save(out)


DOCUMENTS.update(
    {("dev", "mid_east_antrim_2024_25_min_max_target_summary"): ("docx", mid_east_antrim_summary_min_max_targets)}
)



# A Health and Wellbeing Board's outcome report, "Health and Wellbeing Outcome Report: Children Have the Best Start in
# Life" (published on paperzz.com, doc 6769917): (priority, indicator, target, period, performance, direction, polarity)
HWB_BEST_START = [
    ("Promote the emotional wellbeing of children and young people", "No indicator identified as yet",
     "-", "-", "-", "-", "-"),
    ("Provide the full offer of the Healthy Child Programme between 0 and 19 years",
     "No indicator identified as yet", "-", "-", "-", "-", "-"),
    ("Reduce teenage pregnancy", "TC01 Under 18 conception RATE", "50.9", "2010", "46.6", "-",
     "It\u2019s best to be low"),
    ("Increase attainment", "NI102b Achievement gap between pupils eligible for free school meals and their peers at "
     "Key Stage 4", "25%", "AY 2010/11", "32.9%", "+", "It\u2019s best to be low"),
    ("Increase attainment", "NI104 The Special Educational Needs (SEN)/non-SEN gap \u2013 achieving Key Stage 2 "
     "English and Maths threshold", "No target = not shown on radar", "AY 2011/12", "53%", "-",
     "It\u2019s best to be low"),
    ("Improve employment prospects of working families", "NI116 Proportion of children in poverty", "20%", "2010/11",
     "23.3%", "-", "It\u2019s best to be low"),
]


def hwb_outcome_report_period_column(out: Path) -> None:
    """Word outcome report of a Health and Wellbeing Board, landscape: a ruled table `Priority | Indicator | Target |
    Period | Performance | Direction since last period | Polarity`, the period a column of its own per row (`2010`,
    `AY 2010/11`), the indicator's code at the start of its name cell, `-` for no figure and for a direction, a
    priority merged down over its two indicators, `No target = not shown on radar` in a target cell; then the
    boxes of achievements and challenges."""
    doc = _base_document(landscape=True, font="Arial", size=10)
    _footer(doc, "Health and Wellbeing Board \u2013 Outcome Report")
    _heading(doc, "Health and Wellbeing Outcome Report: Children Have the Best Start in Life", 15, "4B2C6F")
    headers = ("Priority", "Indicator", "Target", "Period", "Performance", "Direction since last period", "Polarity")
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, size=9.5, colour="FFFFFF")
        _shade(cell, "4B2C6F")
    _repeat_header(table.rows[0])
    previous = None
    for row in HWB_BEST_START:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            centre = WD_ALIGN_PARAGRAPH.CENTER if i >= 2 else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(cell, text, size=9.5, align=centre, bold=(i == 0))
        if previous is not None and previous[1] == row[0]:
            merged = previous[0].merge(cells[0])
            _cell_text(merged, row[0], size=9.5, bold=True)
        previous = (cells[0], row[0])
    _widths(table, [5.0, 8.6, 3.0, 2.4, 2.6, 2.8, 2.6])
    doc.add_paragraph()
    boxes = doc.add_table(rows=2, cols=2)
    boxes.style = "Table Grid"
    firsts = ("Achievements since last meeting", "Challenges for the next three months")
    for cell, text in zip(boxes.rows[0].cells, firsts, strict=True):
        _cell_text(cell, text, bold=True, size=9.5)
        _shade(cell, "E4DCF0")
    for cell, text in zip(boxes.rows[1].cells, ("Action required by partners",
                                                 "Potential amendments required to Joint Strategic Needs Assessment "
                                                 "and/or Joint Health and Wellbeing Strategy"), strict=True):
        _cell_text(cell, text, bold=True, size=9.5)
    _widths(boxes, [13.5, 13.5])
    doc.save(out)


def lincolnshire_measure_pages(out: Path) -> None:
    """Word council business plan measure pages, portrait, one measure a page: the commissioning strategy in a
    coloured band, the measure's name as a heading, its definition, a two-cell box `Latest performance` (the
    figure over its period) beside `Target`, then `About the latest performance`, `About the target` and `Further
    details` sections; the second measure `Measure in development` with no figures."""
    doc = _base_document(landscape=False, font="Arial", size=10)
    _footer(doc, "Council Business Plan 2016/17 \u2013 Quarter 4")

    def band(text: str) -> None:
        t = doc.add_table(rows=1, cols=1)
        _cell_text(t.rows[0].cells[0], text, bold=True, size=11, colour="FFFFFF")
        _shade(t.rows[0].cells[0], "00667E")
        _widths(t, [17.4])

    def section(title: str, text: str) -> None:
        _heading(doc, title, 11, "00667E")
        doc.add_paragraph(text)

    band("Protecting the public")
    _heading(doc, "Juvenile first time offenders", 15, "00667E")
    doc.add_paragraph(
        "This measure is the number of young people aged 10 to 17 who receive their first reprimand, warning or "
        "conviction in Lincolnshire, counted over a rolling twelve months. A lower figure is better.")
    box = doc.add_table(rows=3, cols=2)
    box.style = "Table Grid"
    for cell, text in zip(box.rows[0].cells, ("Latest performance", "Target"), strict=True):
        _cell_text(cell, text, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, colour="FFFFFF")
        _shade(cell, "00667E")
    for cell, text in zip(box.rows[1].cells, ("266", "203"), strict=True):
        _cell_text(cell, text, bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    for cell, text in zip(box.rows[2].cells, ("October 2015 \u2013 September 2016", "Not achieved"), strict=True):
        _cell_text(cell, text, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(box, [8.7, 8.7])
    section("About the latest performance",
            "The number of young people entering the criminal justice system for the first time is higher than the "
            "target, but is a reduction on previous numbers. The Council has launched a new diversionary project in "
            "Lincolnshire in conjunction with Lincolnshire Police.")
    section("About the target",
            "We aim to reduce the number of young people who enter the youth justice system for the first time. "
            "The figures are reported six months in arrears as a rolling twelve month period.")
    section("Further details", "Further details are available from the Youth Offending Service.")
    _page_break(doc)
    band("Protecting the public")
    _heading(doc, "Illicit alcohol and tobacco seized per operation", 15, "00667E")
    doc.add_paragraph(
        "This measure is a calculation using the number of illicit alcohol and tobacco products that are removed "
        "from the market in Lincolnshire and the number of premises inspected to produce an average number of "
        "products seized per premises inspected in targeted operations.")
    _cell_text(doc.add_table(rows=1, cols=1).rows[0].cells[0], "Measure in development", bold=True, size=11)
    section("About the latest performance",
            "We are looking to change the way this indicator is measured, which would result in a change to the "
            "target. We are looking to count by actual products seized as opposed to the average per operation.")
    section("About the target",
            "We aim to decrease the average number of illicit alcohol and tobacco products removed from the market in "
            "Lincolnshire per premises visited during targeted operations by 10%.")
    doc.save(out)


DOCUMENTS.update(
    {
        ("dev", "hwb_best_start_2011_12_period_column_polarity_words"): ("docx", hwb_outcome_report_period_column),
        ("dev", "lincolnshire_cbp_q4_2016_17_measure_pages"): ("docx", lincolnshire_measure_pages),
    }
)



# East Dunbartonshire Council, "Education Performance Indicators", 2023/24 (eastdunbarton.gov.uk, about/our-council/
# performance-reports/education-performance-indicators): (title, status, value, target)
EAST_DUNBARTONSHIRE_EDUCATION = [
    ("Percentage of pre-5 partnership providers evaluated in Social Care and Social Work Improvement Scotland (SCWIS) "
     "inspections as good or better using National Care Standards", "red", "75%", "100%"),
    ("Difference between Insight tariff scores for SIMD 1 / 2 and SIMD 9 / 10 for school leavers", "N/A", "TBC", "480"),
    ("Average achievement for Reading for Curriculum for Excellence across all Primary School stages", "amber", "88",
     "89"),
    ("Average achievement of Reading for third/fourth level Curriculum for Excellence in Secondary Schools", "amber",
     "97", "99"),
    ("Average achievement for Maths for Curriculum for Excellence across all Primary School stages", "green", "87",
     "86"),
    ("Average achievement of Maths for third/fourth level Curriculum for Excellence in Secondary Schools", "amber",
     "97", "98"),
    ("Cost per secondary school pupil", "N/A", "N/A", "N/A"),
    ("Attendance levels of Looked After Children attending all EDC schools", "amber", "87.1%", "91%"),
    ("Exclusion rates of Looked After Children attending all EDC schools", "red", "80", "40"),
    ("Number of parents participating in the Triple P programme", "green", "297", "180"),
    ("% of those supported by employability programme into employment", "green", "44%", "40%"),
    ("Number of young people undertaking Wider Achievement awards", "green", "431", "200"),
    ("Attendance rates in secondary schools (%)", "amber", "90.7%", "92%"),
    ("Attendance rates in primary schools (%)", "green", "94.8%", "92%"),
    ("Exclusion rates of young people in secondary schools (days lost)", "green", "189.5", "240"),
    ("Exclusion rates of children in primary schools (days lost)", "green", "42", "80"),
]


def east_dunbartonshire_status_value_target(out: Path) -> None:
    """A Scottish council's education performance page printed by Chromium, A4 portrait: site banner, the page
    title, `2023/24 Performance Indicators` as the heading over the table, a one-line key (`Green is on Target, red
    is off target, amber is slightly off target`), then a ruled table `Performance Indicator Title | Status | Value |
    Target`, the status a lower-case colour word in a cell of that colour, `N/A` and `TBC` for figures not held;
    the year only in the heading."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #1a1a1a; } .site { background: #00467f; color: #fff; padding: 3mm 4mm; font-size: 13pt; } "
        ".crumb { font-size: 8.5pt; color: #555; margin: 2mm 0; } h1 { font-size: 18pt; color: #00467f; "
        "margin: 4mm 0 2mm 0; } h2 { font-size: 13pt; margin: 4mm 0 2mm 0; } table { border-collapse: collapse; "
        "width: 100%; } th, td { border: 1px solid #8a8a8a; padding: 1.6mm 2mm; vertical-align: top; } "
        "th { background: #e8eef5; text-align: left; } td.n { text-align: right; white-space: nowrap; } "
        "td.red { background: #f4c7c3; } td.amber { background: #fce8b2; } td.green { background: #b7e1cd; }"
    )
    rows = "".join(
        f"<tr><td>{title}</td><td class=\"{status if status in ('red', 'amber', 'green') else ''}\">{status}</td>"
        f"<td class=\"n\">{value}</td><td class=\"n\">{target}</td></tr>"
        for title, status, value, target in EAST_DUNBARTONSHIRE_EDUCATION
    )
    body = (
        '<div class="site">East Dunbartonshire Council</div>'
        '<div class="crumb">Home &gt; About &gt; Our council &gt; Performance reports</div>'
        "<h1>Education Performance Indicators</h1><h2>2023/24 Performance Indicators</h2>"
        "<p>Green is on Target, red is off target, amber is slightly off target</p>"
        "<table><thead><tr><th>Performance Indicator Title</th><th>Status</th><th>Value</th><th>Target</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )
    out.write_text(_html_page("Education Performance Indicators", body, css), encoding="utf-8")


# Fife Council, "How we perform – Responsiveness to communities" (fifedirect.org.uk topics page): (indicator,
# 2012/13 .. 2016/17 values, 2016/17 target)
FIFE_RESPONSIVENESS = [
    ("Percentage of Contact Centre Customer Satisfaction *", ("N/A", "90.6%", "79.2%", "75.6%", "-"), "90%"),
    ("Percentage of users satisfied with the overall quality of FifeDirect (SOCITM/Neilson user survey)",
     ("78.5%", "77%", "69.1%", "67.7%", "65%"), "80%"),
    ("Percentage of Solace/LGBF benchmarked indicators in the top half of all councils' performance",
     ("38.2%", "34.5%", "46.3%", "52.55", "Due Mar 2018"), "50%"),
]


def fife_how_we_perform_year_value_columns(out: Path) -> None:
    """A Scottish council's `How we perform` web page printed by Chromium, A4 portrait: a theme heading, two
    paragraphs, then a `Performance` table whose two-row header puts five years over `Value` and the last year again
    over `Target`, `N/A`, `-` and `Due Mar 2018` in cells without a figure, a footnote star in one name."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #222; } .site { background: #0b5e3a; color: #fff; padding: 3mm 4mm; font-size: 13pt; } "
        "h1 { font-size: 17pt; margin: 4mm 0 2mm 0; } h2 { font-size: 13pt; color: #0b5e3a; margin: 4mm 0 2mm 0; } "
        "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 1.4mm 1.8mm; } "
        "thead th { background: #dfeee6; text-align: center; } td.n { text-align: center; white-space: nowrap; } "
        ".note { font-size: 8.5pt; color: #444; }"
    )
    years = ("2012/13", "2013/14", "2014/15", "2015/16", "2016/17")
    head = (
        "<tr><th rowspan=\"2\">Performance</th>" + "".join(f"<th>{y}</th>" for y in years) + "<th>2016/17</th></tr>"
        "<tr>" + "<th>Value</th>" * len(years) + "<th>Target</th></tr>"
    )
    rows = "".join(
        f"<tr><td>{name}</td>" + "".join(f"<td class=\"n\">{v}</td>" for v in values)
        + f"<td class=\"n\">{target}</td></tr>"
        for name, values, target in FIFE_RESPONSIVENESS
    )
    body = (
        '<div class="site">Fife Council</div><h1>How We Perform</h1>'
        "<p>Key reports, performance information, and narrative around progress and improvements can be found under "
        "each of the headings listed below.</p><h2>Responsiveness to communities</h2>"
        "<p>Responsiveness to communities and customers is embedded in the values which underpin the delivery of the "
        "Fife Council Plan. Many decisions are taken through local Area Committees which oversee local community "
        "planning to ensure we shape locally delivered services around local need. The Council reports on our customer "
        "service annually, highlighting improvements needed based on customer experience and feedback.</p>"
        "<p>We are committed to listening to communities and have mechanisms in place to gain feedback to enable us "
        "to respond to our customer views and improve the services we provide.</p>"
        f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"
        "<p class=\"note\">* Contact Centre customer satisfaction survey.</p>"
    )
    out.write_text(_html_page("How We Perform", body, css), encoding="utf-8")


DOCUMENTS.update(
    {
        ("dev", "east_dunbartonshire_education_2023_24_status_value_target"): (
            "html", east_dunbartonshire_status_value_target),
        ("dev", "fife_how_we_perform_2016_17_year_value_columns"): ("html", fife_how_we_perform_year_value_columns),
        ("dev", "cheshire_east_education_2011_12_minutes_sentences"): (
            "docx", cheshire_east_education_minutes_sentences),
        ("dev", "devon_csc_performance_2022_minutes_dash_points"): ("html", devon_csc_performance_minutes_dash_points),
        ("dev", "cheshire_west_annual_report_2019_education_paragraphs"): (
            "html", cheshire_west_annual_report_2019_education_paragraphs),
    }
)


def write_documents(documents: dict, argv: list[str]) -> None:
    """Each (split, slug) folder's source document, built; with slugs in argv, only those folders are written
    (the others keep their committed sources). Every round's builder script ends with this."""
    wanted = set(argv)
    for (split, slug), (ext, build) in documents.items():
        if wanted and slug not in wanted:
            continue
        folder = HELDOUT / split / slug
        folder.mkdir(parents=True, exist_ok=True)
        build(folder / f"document.{ext}")
        print(folder / f"document.{ext}")


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
