"""Write the source files of the round-25 held-out fixtures (ordinary council KPI pages, issue 8).

    python scripts/build_heldout_round25.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way; document.pdf is rendered by
scripts/render_heldout.py and truth.csv is written by hand from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_heldout_sources import _html_page, write_documents

# Royal Borough of Kingston upon Thames, "Council Performance" page 2: (indicator as printed, RAG word in brackets
# after it, the narrative sentence under it), 2023/24 Quarter 1
KINGSTON_NARRATIVES = [
    ("% of household waste sent for reuse, recycling and composting", "Green",
     "48.6% of household waste was sent for recycling this quarter."),
    ("The amount of waste sent for disposal per household in the borough (kg)", "Green",
     "On average, each household in the borough produced 99 kg residual waste, which is 9kg better than our "
     "target."),
    ("% of properties provided with a recycling service - houses and flats", "Green",
     "100% of our properties in the borough are provided with a recycling service."),
    ("Number of volunteering hours supported by the council’s grounds maintenance contract", "Blue",
     "2,539 hours of volunteering were provided by the Council’s grounds maintenance contract."),
    ("Electric Vehicle Charging Points (EVCP's) commissioned (cumulative)", "Red",
     "135 Electric Vehicle Charging Points were commissioned (installed and ready to use) this year, against a "
     "target of 156. Project delivery will continue into 2023/24, and numbers are dependent upon funding being "
     "provided to the Council."),
    ("Numbers of cyclists using key routes", "Blue",
     "The result of 1,102 cyclists is based upon the number logged via sensor using the Portsmouth Road "
     "segregated cycle route."),
    ("Number of residential cycle hangars", "Blue",
     "The borough has 81 residential cycle hangars (comprising of 16 on-street hangars and 65 on RBK housing "
     "estates)."),
    ("Total area protected by school street / low traffic neighbourhoods / traffic reduction methods", "Green",
     "8 school streets are in operation, with plans for an additional 4 by the end of next March."),
    ("Council estate and operational carbon emissions", "Blue",
     "The Council’s estate and operational emissions are estimated to be 5,822 tonnes. This is an annual "
     "measure."),
]


def kingston_narratives_rag_after_name(out: Path) -> None:
    """A London borough's council performance web page printed by Chromium, A4 portrait: site banner, breadcrumb,
    the page title, its `Pages in Council Performance` list, a link line to the quarter's performance index, then
    under `Narratives for 2023/24 Quarter 1 (Apr-Jun 2023)` a bullet per measure: the measure's name in bold with
    its RAG word in brackets after it, and under it one or two sentences holding the figure (`48.6% of household
    waste was sent ...`, `135 ... against a target of 156`)."""
    css = (
        "@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', Arial; font-size: 11pt; margin: 0; "
        "color: #1b1b1b; } .site { background: #003057; color: #fff; padding: 3mm 4mm; font-size: 14pt; "
        "font-weight: bold; } .crumb { font-size: 9pt; color: #555; margin: 2mm 0; } h1 { font-size: 22pt; "
        "margin: 3mm 0 2mm; } .pages { border-left: 4px solid #003057; padding: 1mm 4mm; margin: 2mm 0 4mm; "
        "font-size: 10pt; } .pages ol { margin: 1mm 0; padding-left: 6mm; } h2 { font-size: 15pt; "
        "margin: 5mm 0 2mm; } a { color: #0b5cad; } ul.narr { padding-left: 6mm; } ul.narr li { margin: 0 0 3mm; } "
        "ul.narr p { margin: 1mm 0 0; }"
    )
    items = "".join(
        f"<li><strong>{escape(name)} ({rag})</strong><p>{escape(text)}</p></li>"
        for name, rag, text in KINGSTON_NARRATIVES
    )
    body = (
        '<div class="site">Kingston upon Thames</div>'
        '<div class="crumb">Home &gt; Council and democracy &gt; Council performance</div>'
        "<h1>Council Performance</h1>"
        '<div class="pages"><strong>Pages in Council Performance</strong><ol><li>Overview</li>'
        "<li><strong>You are here: Performance Index for 2023/24 Quarter 1</strong></li></ol></div>"
        '<p><a href="#">Performance Index for 2023/24 Quarter 1 (Apr-Jun 2023)</a></p>'
        "<h2>Narratives for 2023/24 Quarter 1 (Apr-Jun 2023)</h2>"
        f'<ul class="narr">{items}</ul>'
    )
    out.write_text(_html_page("Council Performance", body, css), encoding="utf-8")


# Mole Valley District Council, "Performance Indicators Report April 2022 – March 2023": per indicator a heading,
# `Status:`, `Current Target:`, the results by period (a bullet list for the annual one, one paragraph per quarter
# for the quarterly one) and a commentary
MOLE_VALLEY_BLOCKS = [
    (
        "Reduction in the Council’s Carbon Footprint", "Green", "3550 tonnes (aim to minimise)", True,
        [("2018/19", "4162 tonnes"), ("2019/20", "4065 tonnes"), ("2020/21", "3271 tonnes"),
         ("2021/22", "3289 tonnes")],
        [
            "The latest result (provided January 2023) is for 2021/22 and was 3,289 tonnes, exceeding the target of "
            "3,550 tonnes.  The result uses data for electricity, gas, water and waste for council owned and "
            "occupied buildings (known as Scope 1 and 2 emissions) and data for contracted waste services (Scope 3 "
            "emissions), with proxy modelling for other Scope 3 emissions.",
            "The result for 2020/21 was lower and this is because emissions from the Council’s own estate have "
            "increased since 2020/21. This is predominantly due to an increase in gas usage.   Prior to the "
            "pandemic, air handling units would have functioned using approximately 30% fresh air and 70% "
            "recirculated air. The impact of drawing in a higher percentage of fresh air in colder months is that "
            "the gas boilers have to work harder to heat the air, which is being circulated through the building, "
            "and thus gas consumption increases.",
            "It should also be noted that emissions from the waste collection service have reduced due to the "
            "suspension of the garden waste service for 8 months of the year.",
            "Data shows annual result.",
        ],
    ),
    (
        "Percentage of Waste sent for Recycling, Reuse and Composting", "Red", "58.0% (aim to maximise)", False,
        [("Q1 2021/22", "56.5%"), ("Q2 2021/22", "55.7%"), ("Q3 2021/22", "54.5%"), ("Q4 2021/22", "54.1%"),
         ("Q1 2022/23", "53.3%"), ("Q2 2022/23", "55.7%"), ("Q3 2022/23", "54.5%"),
         ("Q4 2022/23", "To be reported")],
        ["Performance as at Q3 2022/23 (the latest available data) was 54.3% against a target of 58%."],
    ),
]


def mole_valley_indicator_blocks(out: Path) -> None:
    """A district council's performance indicators report web page printed by Chromium, A4 portrait: banner,
    breadcrumb, the page title and a sentence, then per indicator a heading over `Status: Green`, `Current Target:
    3550 tonnes (aim to minimise)`, the results as `2018/19: 4162 tonnes` lines (a bullet list for the annual
    indicator, a paragraph per quarter for the quarterly one, `Q4 2022/23: To be reported`) and a commentary
    repeating the latest figure with thousands separators."""
    css = (
        "@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', Arial; font-size: 11pt; margin: 0; "
        "color: #222; } .site { background: #5b2c6f; color: #fff; padding: 3mm 4mm; font-size: 14pt; } "
        ".crumb { font-size: 9pt; color: #555; margin: 2mm 0 3mm; } h1 { font-size: 21pt; margin: 3mm 0 3mm; } "
        "h2 { font-size: 14pt; margin: 6mm 0 2mm; } p { margin: 1.5mm 0; } ul { margin: 1mm 0; }"
    )
    parts = [
        '<div class="site">Mole Valley District Council</div>',
        '<div class="crumb">Home &gt; My council &gt; Performance</div>',
        "<h1>Performance Indicators Report April 2022 – March 2023</h1>",
        "<p>This page shows progress for the set of performance indicators (PIs) for 2022/23.  These PIs are used to "
        "measure performance and are reported on regularly to the Cabinet as part of the Business and Budget "
        "monitoring reports.</p>",
    ]
    for name, status, target, as_list, results, commentary in MOLE_VALLEY_BLOCKS:
        parts.append(f"<h2>{escape(name)}</h2><p>Status: {status}</p><p>Current Target: {escape(target)}</p>")
        lines = [f"{period}: {escape(value)}" for period, value in results]
        if as_list:
            parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        else:
            parts.append("".join(f"<p>{line}</p>" for line in lines))
        parts.append("".join(f"<p>{escape(text)}</p>" for text in commentary))
    out.write_text(_html_page("Performance Indicators Report April 2022 – March 2023", "".join(parts), css),
                   encoding="utf-8")


DOCUMENTS = {
    ("dev", "kingston_performance_q1_2023_24_narratives_rag_after_name"): (
        "html", kingston_narratives_rag_after_name),
    ("dev", "mole_valley_pi_report_2022_23_status_target_period_lines"): ("html", mole_valley_indicator_blocks),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
