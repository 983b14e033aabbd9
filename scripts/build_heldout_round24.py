"""Write the source files of the round-24 held-out fixtures (ordinary council KPI pages outside children's services,
issue 8).

    python scripts/build_heldout_round24.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way; document.pdf is rendered by
scripts/render_heldout.py and truth.csv is written by hand from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

CENTRE = WD_ALIGN_PARAGRAPH.CENTER

# Mansfield District Council, "Housing performance" guide, page 3 "Key performance indicators": (section, header of
# the two year columns as printed, [(indicator, 2023 - 24, 2022 - 23)]); the latest year is the first column
MANSFIELD_SECTIONS = [
    ("Lettings", ("2023 - 24", "2022 - 23"), [
        ("Total number of homes that were re-let", "343", "443"),
        ("Total number of existing tenants that transferred to another MDC home", "97", "147"),
        ("Total number of tenants who exchanged their homes (mutual exchange)", "17", "40"),
        ("Average number of days taken to re-let a property that required no major works", "34 days", "28 days"),
        ("Percentage of rent lost through properties being empty and / or waiting to be re-let", "1.44%", "1.42%"),
    ]),
    ("Income Management", ("2023 - 24", "2022 - 23"), [
        ("Total rent and service charges due to the Council", "£28,011,755", "£25,960,813"),
        ("Rent and Service charges collected from current and former tenants", "£27,593,451", "£25,400,569"),
        ("Rent and service charges collected as a % of rent owed", "99.94%", "99.25%"),
        ("Level of current tenant arrears", "£937,711", "£968,409"),
        ("Rent written off that cannot be collected", "£57,928", "£124,268"),
        ("Number of tenants evicted due to rent arrears", "6", "8"),
    ]),
    ("Responsive Repairs", ("2023 - 24", "2022 -23"), [
        ("Number of emergency repairs completed", "3042", "2925"),
        ("Number of urgent repairs completed", "1077", "1022"),
        ("Number of routine repairs completed", "2362", "2569"),
        ("Percentage of emergency repairs completed on time", "90.3%", "97.16%"),
        ("Percentage of urgent repairs completed on time", "75.3%", "89.14%"),
        ("Percentage of routine repairs completed on time", "67.57%", "58.15%"),
    ]),
    ("Neighbourhood Management", ("2023 - 24", "2022 - 23"), [
        ("Number of ASB cases recorded", "483", "489"),
        ("Number of closed successfully resolved ASB cases", "218", "130"),
        ("Number of closed unresolved ASB cases", "23", "28"),
        ("Number of evictions for ASB", "1", "1"),
        ("Percentage of ASB cases that were resolved", "95.2%", "97.3%"),
    ]),
]


def mansfield_housing_kpis_latest_year_first(out: Path) -> None:
    """A district council's housing performance guide page printed by Chromium, A4 portrait: site banner, breadcrumb,
    the guide's title and its `Pages in Housing performance` list, the page's heading and a paragraph, then per service
    area a heading over a ruled, striped table `Performance Indicator | 2023 - 24 | 2022 - 23`, the latest year in the
    first figure column, money as `£28,011,755` and times as `34 days`."""
    css = (
        "@page { size: A4; margin: 14mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10.5pt; margin: 0; "
        "color: #1d1d1b; } .site { background: #00594f; color: #fff; padding: 3mm 4mm; font-size: 14pt; "
        "font-weight: bold; } .crumb { font-size: 8.5pt; color: #555; margin: 2mm 0; } h1 { font-size: 20pt; "
        "margin: 3mm 0 2mm; } .pages { border-left: 4px solid #00594f; padding: 1mm 4mm; margin: 2mm 0 4mm; "
        "font-size: 9.5pt; } .pages ol { margin: 1mm 0; padding-left: 6mm; } "
        "h2 { font-size: 15pt; margin: 4mm 0 2mm; } "
        "h3 { font-size: 12pt; margin: 5mm 0 2mm; } table { border-collapse: collapse; width: 100%; } "
        "th, td { border: 1px solid #b1b4b6; padding: 1.6mm 2mm; text-align: left; vertical-align: top; } "
        "th { background: #f3f2f1; } tbody tr:nth-child(even) td { background: #f8f8f8; }"
    )
    parts = [
        '<div class="site">Mansfield District Council</div>',
        '<div class="crumb">Home &gt; Housing &gt; Housing publications &gt; Housing performance</div>',
        "<h1>Housing performance</h1>",
        '<div class="pages"><strong>Pages in Housing performance</strong><ol><li>Introduction</li>'
        "<li>Tenant satisfaction measures</li><li><strong>You are here: Key performance indicators</strong></li>"
        "</ol></div>",
        "<h2>Key performance indicators</h2>",
        "<p>In addition to the TSM’s we also measure and monitor trends in our performance against a number of key "
        "performance indicators.</p>",
    ]
    for section, (latest, previous), rows in MANSFIELD_SECTIONS:
        body = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for name, a, b in rows
        )
        parts.append(
            f"<h3>{escape(section)}</h3><table><thead><tr><th>Performance Indicator</th><th>{latest}</th>"
            f"<th>{previous}</th></tr></thead><tbody>{body}</tbody></table>"
        )
    out.write_text(_html_page("Housing performance - Key performance indicators", "".join(parts), css),
                   encoding="utf-8")


# Wandsworth Borough Council, "Waste and recycling: how are we performing?": (indicator as printed, with the
# `(Minimise)` polarity note where the page has it, 2021/22 value, 2022/23 target)
WANDSWORTH_ROWS = [
    ("% of household waste sent for reuse, recycling and composting", "22.9%", "23.6%"),
    ("Kg household waste per head of population (Minimise)", "301", "295"),
    ("% of contamination in co-mingled recyclate (Minimise)", "14.1%", "13.9%"),
    ("Reports about non-collection of waste per 100,000 collections (Minimise)", "73", "72"),
    ("Average time taken to clear a reported fly-tip (Minimise)", "1 day", "1 day"),
    ("Number of street cleansing reports/requests for service (cumulative in year) (Minimise)", "809", "793"),
    ("Net carbon impact of waste collection service (Minimise) (tonnes CO2eq per tonne waste managed)",
     "-0.088", "-0.048"),
    ("% of public streets with acceptably low levels of litter and detritus after cleansing", "98.4%", "98.4%"),
    ("Number of riverside community clean-up activities supported (cumulative)", "5", "6"),
    ("Kg household waste per household (Minimise)", "687", "647"),
]


def wandsworth_waste_value_then_target(out: Path) -> None:
    """A London borough's waste web page printed by Chromium, A4 portrait: site banner and breadcrumb, the page title,
    a sentence, then a captioned ruled table `Performance indicator | 2021/22 value | 2022/23 target`, last year's
    value beside next year's target, `(Minimise)` after the names of measures where lower is better, a negative
    carbon figure and `1 day`, then a closing sentence."""
    css = (
        "@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', Arial; font-size: 11pt; margin: 0; "
        "color: #222; } .site { background: #0b3c5d; color: #fff; padding: 3mm 4mm; font-size: 14pt; } "
        ".crumb { font-size: 9pt; color: #555; margin: 2mm 0 3mm; } h1 { font-size: 21pt; margin: 3mm 0 3mm; } "
        "caption { text-align: left; font-weight: bold; font-size: 12.5pt; padding: 2mm 0; } "
        "table { border-collapse: collapse; width: 100%; margin: 3mm 0; } th, td { border: 1px solid #999; "
        "padding: 2mm 2.5mm; vertical-align: top; } th { background: #e8eef2; text-align: left; } "
        "td.n { text-align: right; white-space: nowrap; width: 22%; }"
    )
    rows = "".join(
        f'<tr><td>{escape(name)}</td><td class="n">{value}</td><td class="n">{target}</td></tr>'
        for name, value, target in WANDSWORTH_ROWS
    )
    body = (
        '<div class="site">Wandsworth Council</div>'
        '<div class="crumb">Home &gt; Rubbish and recycling &gt; Recycling and waste statistics and information</div>'
        "<h1>Waste and recycling: how are we performing?</h1>"
        "<p>Performance measures monitor the quality of services we provide. Results against the main performance "
        "measures we use are given in this table.</p>"
        "<table><caption>Waste and recycling performance measures</caption><thead><tr><th>Performance indicator</th>"
        '<th>2021/22 value</th><th>2022/23 target</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        "<p>Our Open Council pages show how Wandsworth's performance compares with other London boroughs.</p>"
    )
    out.write_text(_html_page("Waste and recycling: how are we performing?", body, css), encoding="utf-8")


# West Dunbartonshire Council, "Strategic Plan 2012/17: Progress in 2016/17" (a Pentana export), Priority 1:
# (objective, [(indicator, 2012/13 .. 2016/17 values, 2016/17 target)])
WDC_YEARS = ("2012/13", "2013/14", "2014/15", "2015/16")
WDC_OBJECTIVES = [
    ("Improve economic growth and employability", [
        ("Number of businesses given advice and assistance to start up through Business Gateway",
         ["196", "220", "216", "181", "194"], "200"),
        ("Percentage of all people aged 16-64 years in employment",
         ["66.8%", "64.7%", "66%", "72.3%", "71.9%"], "71.5%"),
    ]),
    ("Improve life chances for children and young people", [
        ("Percentage of children tested in their pre-school year achieving 5 and above in book knowledge",
         ["87.4%", "84.4%", "87.3%", "88.4%", "87.9%"], "85%"),
        ("Percentage of educational establishments receiving positive inspection reports",
         ["100%", "100%", "100%", "100%", "100%"], "100%"),
        ("Percentage of pupils entering positive destinations",
         ["90.9%", "90.1%", "89.4%", "92.2%", "Not available until 2018"], "92%"),
    ]),
    ("Improve local housing and environmentally sustainable infrastructure", [
        ("Percentage of total household waste that is recycled",
         ["43.18%", "43.15%", "44.3%", "46.39%", "48.8%"], "53%"),
        ("Number of new supply social housing for rent", ["51", "48", "102", "91", "91"], "80"),
        ("Overall percentage of road network that should be considered for maintenance treatment",
         ["34%", "34.6%", "34.6%", "35.43%", "29.1%"], "35%"),
        ("Number of incidences of homelessness in West Dunbartonshire (presentations)",
         ["1,369", "1,370", "1,250", "1,122", "1,135"], "1,157"),
    ]),
]


def west_dunbartonshire_objective_tables(out: Path) -> None:
    """A Scottish council's strategic plan progress report (a Pentana export) in Word, A4 landscape: the report title,
    the priority as a heading, then per objective a shaded `Objective | <text>` strip over a ruled table whose two-row
    header, repeated for every objective, puts `Value` under each of four years and the latest year `2016/17` merged
    over `Value | Target | Status | Long Trend | Short Trend`; the status and trend cells hold icons (left empty here),
    `-` where there is none, and `Not available until 2018` in one value cell."""
    doc = _base_document(landscape=True, size=9)
    for section in doc.sections:
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.5)
    _heading(doc, "Strategic Plan 2012/17: Progress in 2016/17", size=14, colour="000000")
    _heading(doc, "Priority 1 Social Mission", size=12, colour="1F3864")
    widths = [8.6] + [1.8] * 5 + [1.8, 1.5, 1.7, 1.7]
    for objective, rows in WDC_OBJECTIVES:
        strip = doc.add_table(rows=1, cols=2)
        strip.style = "Table Grid"
        _cell_text(strip.rows[0].cells[0], "Objective", bold=True, size=9)
        _cell_text(strip.rows[0].cells[1], objective, bold=True, size=9)
        for cell in strip.rows[0].cells:
            _shade(cell, "D9E2F3")
        _widths(strip, [3.0, sum(widths) - 3.0])
        table = doc.add_table(rows=2 + len(rows), cols=len(widths))
        table.style = "Table Grid"
        top, second = table.rows[0].cells, table.rows[1].cells
        _cell_text(top[0].merge(second[0]), "Performance Indicator", bold=True, size=8)
        for offset, year in enumerate(WDC_YEARS):
            _cell_text(top[1 + offset], year, bold=True, size=8, align=CENTRE)
            _cell_text(second[1 + offset], "Value", bold=True, size=8, align=CENTRE)
        _cell_text(top[5].merge(top[9]), "2016/17", bold=True, size=8, align=CENTRE)
        for offset, word in enumerate(("Value", "Target", "Status", "Long Trend", "Short Trend")):
            _cell_text(second[5 + offset], word, bold=True, size=8, align=CENTRE)
        for cell in list(top) + list(second):
            _shade(cell, "F2F2F2")
        _repeat_header(table.rows[0])
        _repeat_header(table.rows[1])
        for row, (name, values, target) in zip(table.rows[2:], rows, strict=True):
            cells = row.cells
            _cell_text(cells[0], name, size=8)
            for offset, value in enumerate(values):
                _cell_text(cells[1 + offset], value, size=8, align=CENTRE)
            _cell_text(cells[6], target, size=8, align=CENTRE)
            blank = "-" if values[-1].startswith("Not available") else ""
            for index in (7, 8, 9):
                _cell_text(cells[index], blank, size=8, align=CENTRE)
        _widths(table, widths)
        doc.add_paragraph()
    _footer(doc, "Generated on: 06 June 2017")
    doc.save(out)


DOCUMENTS = {
    ("dev", "mansfield_housing_kpis_2023_24_latest_year_first"): (
        "html", mansfield_housing_kpis_latest_year_first),
    ("dev", "wandsworth_waste_2021_22_value_then_target"): ("html", wandsworth_waste_value_then_target),
    ("dev", "west_dunbartonshire_strategic_plan_2016_17_objective_tables"): (
        "docx", west_dunbartonshire_objective_tables),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
