"""Write the source files of the round-23 held-out fixtures (dashboards and board packs, issue 8).

    python scripts/build_heldout_round23.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way; document.pdf is rendered by
scripts/render_heldout.py and truth.csv is written by hand from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_heldout_sources import _html_page, write_documents

# London Borough of Ealing, performance portal (inPhase) plan page "Helping children and young people fulfil their
# potential": (objective, [(measure, status, date, value, short label)])
EALING_OBJECTIVES = [
    ("Ensure continued increase in academic progress and outcomes", [
        ("Children achieving a good level of development at the EYFSP", "Amber", "30 Sep 18", "72.0%",
         "good level of development at the EYFSP"),
        ("Pupils reaching the expected standard in Reading, Writing, and Maths at Key Stage 2", "Green", "30 Sep 18",
         "67.8%", "reaching expected standard in RWM at KS2"),
        ("Pupils receiving a standard pass in English and Maths at Key Stage 4", "Amber", "30 Sep 18", "69.4%",
         "achieve standard pass in Eng & Maths at KS4"),
        ("Progress 8 (Progress across 8 qualifications)", "Green", "30 Sep 18", "0.53",
         "Progress across 8 qualifications"),
        ("Pupils achieving level 3 by 19", "Green", "30 Sep 18", "70.1%", "Pupils achieving level 3 by 19"),
    ]),
    ("Ensure continued increase in the percentage of schools judged good or outstanding by Ofsted", [
        ("Primary schools rated good or outstanding", "Amber", "31 Dec 18", "88.2%",
         "primary schools rated good or outstanding"),
        ("Secondary schools rated good or outstanding", "Amber", "31 Dec 18", "92.9%",
         "secondary schools rated good or outstanding"),
        ("Special schools rated good or outstanding", "Green", "31 Dec 18", "100.0%",
         "Special schools rated good or outstanding"),
    ]),
    ("Improved progress and achievement of learners with SEND at each education phase", [
        ("Pupils with Special Educational Needs (SEN) reaching the expected standard in Reading, Writing, and Maths "
         "at Key Stage 2", "Red", "30 Sep 18", "23.9%", "percentage"),
    ]),
]
STATUS_COLOUR = {"Green": "#2e8540", "Amber": "#e08a00", "Red": "#c62828"}


def ealing_plan_page_measure_rows(out: Path) -> None:
    """A London borough's performance portal (inPhase) plan page printed by Chromium, A4 portrait: the portal banner,
    the priority as the heading and its paragraph, then per objective a heading over one row per measure: the
    measure's name beside a coloured status word on the left, and on the right a box with the data date, the figure,
    the measure's short label under it and the status word again."""
    css = (
        "@page { size: A4; margin: 12mm; } body { font-family: 'Liberation Sans', Arial; font-size: 10pt; margin: 0; "
        "color: #222; } .banner { background: #5b2c6f; color: #fff; padding: 3mm 4mm; font-size: 13pt; } "
        ".crumb { font-size: 8.5pt; color: #666; margin: 2mm 0 3mm; } h1 { font-size: 17pt; color: #5b2c6f; "
        "margin: 3mm 0 2mm; } h2 { font-size: 11.5pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid "
        "#bbb; } .measure { display: flex; justify-content: space-between; align-items: center; border: 1px solid "
        "#ddd; margin: 1.5mm 0; padding: 2mm 3mm; page-break-inside: avoid; } .name { width: 62%; } .name a { "
        "color: #1a4f8b; text-decoration: none; font-weight: bold; } .status { display: inline-block; color: #fff; "
        "font-size: 8pt; padding: 0.4mm 2mm; border-radius: 2mm; margin-left: 2mm; } .box { width: 32%; "
        "text-align: center; background: #f4f4f4; padding: 1.5mm; } .date { font-size: 8pt; color: #555; } "
        ".value { font-size: 16pt; font-weight: bold; } .short { font-size: 8pt; color: #444; }"
    )
    parts = [
        '<div class="banner">Ealing Council Performance</div>',
        '<div class="crumb">Home &gt; Council Plan 2018-2022 &gt; Good, genuinely affordable homes … &gt; '
        "Helping children and young people fulfil their potential</div>",
        "<h1>Helping children and young people fulfil their potential</h1>",
        "<p>We want to focus on helping our residents at those points in their lives where our help can make the "
        "greatest difference: in their early years and childhood; through school and in their transition to adulthood "
        "and employment. We will aim to ensure that 100% of our schools are rated good or outstanding and that three "
        "quarters of children achieve the expected standard at each key stage of educational attainment.</p>",
        "<p>We will do all we can to reduce the attainment gap for disadvantaged groups, in particular children and "
        "young people with special educational needs and disabilities.</p>",
    ]
    for objective, measures in EALING_OBJECTIVES:
        parts.append(f"<h2>{escape(objective)}</h2>")
        for name, status, date, value, short in measures:
            badge = f'<span class="status" style="background:{STATUS_COLOUR[status]}">{status}</span>'
            parts.append(
                f'<div class="measure"><div class="name"><a href="#">{escape(name)}</a>{badge}</div>'
                f'<div class="box"><div class="date">{date}</div><div class="value">{value}</div>'
                f'<div class="short">{escape(short)}</div>{badge}</div></div>'
            )
    out.write_text(_html_page("Helping children and young people fulfil their potential", "".join(parts), css),
                   encoding="utf-8")


DOCUMENTS = {
    ("dev", "ealing_council_plan_2018_measure_rows_date_value_box"): ("html", ealing_plan_page_measure_rows),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
