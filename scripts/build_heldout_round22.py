"""Write the source files of the round-22 held-out fixtures (typical reports, issue 8).

    python scripts/build_heldout_round22.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way, with its Word
helpers; document.pdf is rendered by scripts/render_heldout.py and truth.csv is written by hand
from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

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
    write_documents,
)

CENTRE = WD_ALIGN_PARAGRAPH.CENTER

# Moray Council, "2017/18 Quarter to September Chief Executive's Office Performance Report - Performance
# Indicators" (a Pentana export): cat, code, name, target, 2015/16, 2016/17, 2017/18, Q2 2016/17, Q3 2016/17,
# Q4 2016/17, Q1 2017/18, Q2 2017/18, latest note (paraphrased), status fill; None: merged `Measured annually`
MORAY_PERIODS = ("2015/16", "2016/17", "2017/18", "Q2 2016/17", "Q3 2016/17", "Q4 2016/17", "Q1 2017/18", "Q2 2017/18")
MORAY_ROWS = [
    ("Local", "CE069", "Cost of outsourced Print Room work as a % of Print Room expenditure", "20%",
     ["40%", "23.57%", "17.11%", "N/A", "N/A", "N/A", "24.4%", "13.7%"],
     "Outsourced printing in the quarter cost £8,881.79, 13.7% of the print room's spending for the quarter; the "
     "year to date is under the 20% target.", "70AD47"),
    ("Nat(b)", "CE070", "Complaints received per 1,000 population", "N/A",
     ["4.61", "4.38", "2.14", "1.32", "0.9", "1.05", "1.13", "1.01"],
     "97 complaints in quarter 2 against a mid-year population of 96,070.", None),
    ("Nat(b)", "CE072", "The number of complaints upheld / partially upheld at each stage as a percentage of "
     "complaints closed in full at each stage", "N/A",
     ["42%", "46%", "46%", "47%", "44%", "44%", "48%", "43%"],
     "42 of the 98 complaints closed in quarter 2 2017/18 were upheld (27) or part upheld (15).", None),
    ("Local", "CE059", "Percentage of community consultations facilitated by the Community Support Unit achieving "
     "a rating of 'good' or above from the participants", "N/A",
     ["100%", "100%", "N/A", "100%", "N/A", "N/A", "N/A", "N/A"],
     "No consultations took place in the period.", None),
    ("Local", "CE068", "Complaints - Customer Satisfaction Index", "52.8%",
     ["52.8%", "56.3%", "N/A", None, None, None, None, None],
     "A satisfaction survey goes out monthly and the replies are reported in the Annual Complaints Report; 2016/17 "
     "improved on the two years before.", "70AD47"),
]


def moray_pentana_quarter_columns(out: Path) -> None:
    """A Scottish council's performance-system (Pentana) export as printed, A4 landscape: the report title, then a
    section heading over a ruled table whose two-row header puts `Value` under each period (three years, then five
    quarters) after a `Target` column, the category and `Code & Name` first, a `Latest Note` paragraph and a status
    cell last; `Measured annually` merged across the quarters of a yearly indicator."""
    doc = _base_document(landscape=True, size=9)
    for section in doc.sections:
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.2)
    _heading(doc, "2017/18 Quarter to September Chief Executive's Office", size=13, colour="000000")
    _heading(doc, "Performance Report - Performance Indicators", size=11, colour="000000")
    para = doc.add_paragraph()
    run = para.add_run("Committee")
    run.bold = True
    run.font.size = Pt(10)
    columns = 4 + len(MORAY_PERIODS) + 2
    table = doc.add_table(rows=2 + len(MORAY_ROWS), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    top, second = table.rows[0].cells, table.rows[1].cells
    for index, text in ((0, "Cat"), (1, "Code & Name"), (3, "Target"), (columns - 2, "Latest Note"),
                        (columns - 1, "Status")):
        merged = top[index].merge(second[index]) if index != 1 else top[1].merge(second[2])
        _cell_text(merged, text, bold=True, size=8, align=CENTRE)
    for offset, period in enumerate(MORAY_PERIODS):
        _cell_text(top[4 + offset], period, bold=True, size=8, align=CENTRE)
        _cell_text(second[4 + offset], "Value", bold=True, size=8, align=CENTRE)
    for cell in list(top) + list(second):
        _shade(cell, "D9D9D9")
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])
    for row, (cat, code, name, target, values, note, status) in zip(table.rows[2:], MORAY_ROWS, strict=True):
        cells = row.cells
        _cell_text(cells[0], cat, size=8)
        _cell_text(cells[1], code, size=8)
        _cell_text(cells[2], name, size=8)
        _cell_text(cells[3], target, size=8, align=CENTRE)
        if values[3] is None:
            _cell_text(cells[4], values[0], size=8, align=CENTRE)
            _cell_text(cells[5], values[1], size=8, align=CENTRE)
            _cell_text(cells[6], values[2], size=8, align=CENTRE)
            _cell_text(cells[7].merge(cells[9]), "Measured annually", size=8, align=CENTRE)
            _cell_text(cells[10].merge(cells[11]), "Measured annually", size=8, align=CENTRE)
        else:
            for offset, value in enumerate(values):
                _cell_text(cells[4 + offset], value, size=8, align=CENTRE)
        _cell_text(cells[columns - 2], note, size=7)
        _cell_text(cells[columns - 1], "", size=8)
        if status:
            _shade(cells[columns - 1], status)
    _widths(table, [1.3, 1.4, 4.4, 1.4] + [1.55] * len(MORAY_PERIODS) + [4.0, 1.2])
    _footer(doc, "Generated on: 26 October 2017")
    doc.save(out)


# The Vale of Glamorgan Council, Cabinet 15 July 2013, "Disabled Facilities Grants Delivery Improvements",
# paragraph 3's table: (service, code and name, 2009/10, 2010/11, 2011/12, 2012/13, Wales 2012/13 & VOG target)
VALE_ROWS = [
    ("Private Sector Renewal", "PSR/002: The average number of calendar days taken to deliver a DFG",
     "802", "569.", "398", "346", "326"),
    ("Private Sector Renewal", "PSR/009a: The average number of calendar days taken to deliver a DFG for children and "
     "young people", "N/A", "1,139", "647.", "454", "377\n(Actual   510 )"),
    ("Private Sector Renewal", "PSR/009b: The average number of calendar days taken to deliver a DFG for adults",
     "N/A", "544", "392", "337", "321"),
]


def vale_of_glamorgan_dfg_years(out: Path) -> None:
    """A Welsh council's cabinet report in Word, A4 portrait: the agenda heading, numbered paragraphs, then a ruled
    table of national indicators `Service | Performance Indicator | Perf. 2009/10 ... Perf. 2012/13 | Perf. Wales
    2012/13 & VOG 2013/14 target` with the years broken over lines in narrow columns, the service repeated per row and
    the `PSR/002:` code run into each name, then the report goes on."""
    doc = _base_document(size=11)
    for text in ("Agenda Item No", "The Vale of Glamorgan Council", "Cabinet Meeting: 15th July 2013",
                 "Cabinet Member for Housing, Building Maintenance and Community Safety",
                 "Disabled Facilities Grants Delivery Improvements"):
        para = doc.add_paragraph()
        para.alignment = CENTRE
        run = para.add_run(text)
        run.bold = True
    doc.add_paragraph("Purpose of the Report").runs[0].bold = True
    doc.add_paragraph(
        "1.\tTo advise Cabinet of the changes made in processing Disabled Facilities Grants (DFGs) to improve their "
        "delivery time, and to agree further changes planned for 2013-14.")
    doc.add_paragraph("Background").runs[0].bold = True
    doc.add_paragraph(
        "2.\tApproving and paying Disabled Facilities Grants is mandatory, and their delivery time is one of the Welsh "
        "Government's national performance indicators, PSR/002.")
    doc.add_paragraph(
        "3.\tSince 2008 the Council has recognised that the time to deliver a DFG, from the client's first contact "
        "asking for adaptations to the completion of the works, had to improve. Officer time and money have been put "
        "into the service, and performance has improved over the last few years as shown below.")
    header = ("Service", "Performance Indicator\nDelivery of Disabled Facilities Grants (DFGS)", "Perf.\n2009/\n10",
              "Perf.\n2010/\n11", "Perf.\n2011/\n12", "Perf.\n2012/13", "Perf. Wales\n2012/13\n& VOG 2013/14 target")
    table = doc.add_table(rows=1 + len(VALE_ROWS), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _cell_text(cell, text, bold=True, size=9, align=CENTRE)
        _shade(cell, "DBE5F1")
    for row, values in zip(table.rows[1:], VALE_ROWS, strict=True):
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, text, size=9, align=CENTRE if index > 1 else WD_ALIGN_PARAGRAPH.LEFT)
    _widths(table, [2.6, 5.4, 1.4, 1.4, 1.4, 1.7, 3.2])
    doc.add_paragraph()
    doc.add_paragraph(
        "4.\tThe Welsh Government's 'Local Authority Service Performance 2011-12' noted the improvement, recording "
        "three years of falling delivery times in the Vale of Glamorgan.")
    doc.add_paragraph(
        "5.\tThe action plan at Appendix 4 sets out the further changes proposed for 2013-14, including earlier "
        "occupational therapy assessments and a framework of approved contractors.")
    _footer(doc, "1")
    doc.save(out)


# Torbay Council, "ASC outcome - key performance activity" (the adult social care local account's appendix page),
# Domain 1 rows: (KPI as printed, 2021/22 outturn, 2022/23 outturn prov., 2021/22 target, 2022/23 target, 2021/22
# England average, 2022/23 England average)
TORBAY_DOMAIN_1 = [
    ("ASC 1A: Social care-related quality of life", "19", "19.3", "19.7", "n/a", "18.9", "TBC"),
    ("ASC 1B: The proportion of people who use services who have control over their daily life",
     "78.90%", "80.60%", "82.00%", "n/a", "76.90%", "TBC"),
    ("ASC 1C part 1A: The proportion of people using social care who receive self-directed support (adults aged "
     "over 18 receiving self-directed support)", "100.00%", "100.00%", "94.00%", "n/a", "94.50%", "TBC"),
    ("ASC 1C part 1B: The proportion of people using social care who receive self-directed support (carers "
     "receiving self-directed support)", "100.00%", "100.00%", "85.00%", "n/a", "89.30%", "TBC"),
    ("ASC 1C part 2A: The proportion of people using social care who receive direct payments (adults receiving "
     "direct payments)", "18.90%", "19.80%", "28.00%", "n/a", "26.70%", "TBC"),
    ("ASC 1C part 2B: The proportion of people using social care who receive direct payments (carers receiving "
     "direct payments for support direct to carer)", "94.50%", "92.00%", "85.00%", "n/a", "77.60%", "TBC"),
    ("ASC 1D: Carer-reported quality of life", "7.4", "n/a", "9", "n/a", "7.3", "n/a"),
    ("ASC 1E: Proportion of adults with a learning disability in paid employment",
     "6.50%", "7.20%", "7.00%", "n/a", "4.80%", "TBC"),
    ("ASC 1F: Proportion of adults in contact with secondary mental health services in paid employment "
     "(commissioned outside ICO)", "5.00%", "1.60%", "no tgt", "n/a", "6.00%", "TBC"),
    ("ASC 1G: Proportion of adults with a learning disability who live in their own home or with their family",
     "81.80%", "79.10%", "80.00%", "n/a", "78.80%", "TBC"),
    ("ASC 1H: Proportion of adults in contact with secondary mental health services who live independently, with "
     "or without support (commissioned outside ICO)", "18.00%", "36.10%", "no tgt", "n/a", "26.00%", "TBC"),
]


def torbay_asc_outturn_target_england(out: Path) -> None:
    """An English unitary council's adult social care web page printed by Chromium, A4 portrait: site banner and
    breadcrumb, the page title and a one-line summary, the domain as a heading, then a ruled table `KPI | 2021/22
    Outturn | 2022/23 Outturn Prov. | 2021/22 Target | 2022/23 Target | 2021/22 England Average | 2022/23 England
    Average`, the ASCOF code run into each name (`ASC 1A: ...`), `n/a`, `TBC` and `no tgt` in cells without a
    figure."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #1a1a1a; } .site { background: #003b5c; color: #fff; padding: 3mm 4mm; font-size: 13pt; } "
        ".crumb { font-size: 8.5pt; color: #555; margin: 2mm 0; } h1 { font-size: 18pt; color: #003b5c; "
        "margin: 4mm 0 2mm 0; } h2 { font-size: 12.5pt; margin: 4mm 0 2mm 0; } table { border-collapse: collapse; "
        "width: 100%; } th, td { border: 1px solid #8a8a8a; padding: 1.4mm 1.8mm; vertical-align: top; } "
        "th { background: #e6eef3; text-align: left; font-size: 9pt; } td.n { text-align: right; white-space: nowrap; }"
    )
    head = ("KPI", "2021/22 Outturn", "2022/23 Outturn Prov.", "2021/22 Target", "2022/23 Target",
            "2021/22 England Average", "2022/23 England Average")
    rows = "".join(
        f"<tr><td>{name}</td>" + "".join(f'<td class="n">{v}</td>' for v in values) + "</tr>"
        for name, *values in TORBAY_DOMAIN_1
    )
    body = (
        '<div class="site">Torbay Council</div>'
        '<div class="crumb">Home &gt; Council &gt; Policies &gt; Adult social care policies &gt; Local account '
        "summary</div><h1>ASC outcome - key performance activity</h1>"
        "<p>Find out the key performance data for adult social care outcomes in Torbay.</p>"
        "<h2>Domain 1: Enhancing quality of life for people with care and support needs</h2>"
        "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    out.write_text(_html_page("ASC outcome - key performance activity", body, css), encoding="utf-8")


DOCUMENTS = {
    ("dev", "moray_ceo_q2_2017_18_pentana_value_under_periods"): ("docx", moray_pentana_quarter_columns),
    ("dev", "vale_of_glamorgan_dfg_2013_wrapped_year_columns"): ("docx", vale_of_glamorgan_dfg_years),
    ("dev", "torbay_asc_outcomes_2022_23_outturn_target_england"): ("html", torbay_asc_outturn_target_england),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
