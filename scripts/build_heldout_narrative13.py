"""Write the source files of the narrative round-13 held-out fixtures (figures in sentences, issue 8).

    python scripts/build_heldout_narrative13.py [SLUG ...]

Kept apart from build_heldout_sources.py (already long) but built the same way, with its Word and
HTML helpers; document.pdf is rendered by scripts/render_heldout.py and truth.csv is written by hand
from the rendered PDF, never from this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_heldout_sources import _base_document, _footer, _html_page, write_documents


def east_sussex_lac_statistics_numbered_paragraphs(out: Path) -> None:
    """A Corporate Parenting Panel report in Word: a `Report to: / Date of meeting: / Title of Report:` block, then
    numbered paragraphs of counts in sentences, each with its change since the last quarter (`an increase of 6
    since the last quarter`), `Of that number, 268 were living with ...`, `A further 90 children ...`."""
    doc = _base_document(landscape=False, font="Arial", size=11)
    _footer(doc, "East Sussex County Council – Corporate Parenting Panel")
    for label, text in [
        ("Report to:", "Corporate Parenting Panel"),
        ("Date of meeting:", "20 January 2023"),
        ("Title of Report:", "Looked After Children (LAC) Statistics"),
        ("By:", "Director of Children’s Services"),
        ("Purpose of Report:", "To update the Panel on changes in the last quarter"),
    ]:
        para = doc.add_paragraph()
        para.add_run(f"{label}\t").bold = True
        para.add_run(text)
    doc.add_paragraph().add_run("RECOMMENDATION:").bold = True
    doc.add_paragraph("The Corporate Parenting Panel is recommended to discuss and consider the report.")
    sections = [
        ("1.", "Background information", [
            ("", "Financial Appraisal"),
            ("1.1", "Services for Looked After Children (LAC) are predominantly funded from the Children’s Services "
                    "base budget with some additional smaller funding streams supporting specific activity e.g. "
                    "funding for unaccompanied asylum seeking children from the Home Office Grant. The increase in "
                    "LAC, pressures across the national system and pricing of placements are leading to budget "
                    "pressures in this area."),
        ]),
        ("2.", "Supporting information", [
            ("2.1", "Data is drawn as a snapshot on the last day of the month and inevitably there will be some "
                    "changes as data is cleansed. There has been an increase of 24 in the number of Looked After "
                    "Children during the last quarter and on the last day of December 2022, there were 654 children "
                    "in care. The service remains very busy and the sufficiency of any placements either in-house, "
                    "or in the independent sector, is extremely challenging. This is a reflection of a national "
                    "issue across the UK."),
            ("2.2", "A total of 358 children were living in foster care at the end of December: an increase of 6 "
                    "since the last quarter. Of that number, 268 were living with East Sussex County Council (ESCC) "
                    "carers. This includes 7 children were placed with foster carers who were also approved as "
                    "adopters which is part of the Fostering for Adoption pathway. A further 90 children were living "
                    "with agency carers. In addition, 83 young people were living in supported housing options, "
                    "homes or hostels, which is an increase of 13 since the previous quarter. A further 19 children "
                    "were placed for adoption."),
            ("2.3", "At the end of the quarter 79 children were living with kinship foster carers."),
        ]),
    ]
    for number, title, paragraphs in sections:
        para = doc.add_paragraph()
        para.add_run(f"{number}\t{title}").bold = True
        for ref, text in paragraphs:
            if ref:
                doc.add_paragraph(f"{ref}\t{text}")
            else:
                doc.add_paragraph().add_run(text).bold = True
    doc.save(out)


SOMERSET_CSS = (
    "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
    "h1 { font-size: 16pt; color: #1d5f8a; } h2 { font-size: 12.5pt; color: #1d5f8a; margin-top: 6mm; } "
    ".definition { border-left: 4px solid #1d5f8a; background: #eef4f8; padding: 2mm 4mm; font-size: 10pt; }"
)


def somerset_safeguarding_intelligence_sentences(out: Path) -> None:
    """An intelligence site's safeguarding page printed by Chromium: a definition box over each section, then
    sentences holding a count and its rate (`3,109 children in need ..., equating to 284 per 10,000 population`),
    the previous year's count after a change (`an increase of 7%, from 2,903 children the previous year`), two
    years' counts, referral sources' shares with `respectively` and a list in brackets, and a share with the
    region's and England's in brackets (`below South West (23%) and England (22%) averages`)."""
    body = (
        "<h1>Safeguarding and child protection</h1>"
        "<h2>Children in need</h2>"
        '<p class="definition">When a child is referred to children’s social care, an assessment is carried out to '
        "identify if the child is in need to services, which local authorities have an obligation to provide under "
        "Section 17 of the Children Act 1989. These services can include, for example, family support, leaving care "
        "support, adoption support or disabled children’s services.</p>"
        "<p>There were 3,109 children in need in Somerset as at 31 March 2017, equating to 284 per 10,000 population. "
        "This represents an increase of 7%, from 2,903 children the previous year. Somerset is below South West and "
        "national averages in terms of rates of children in need.</p>"
        "<h2>Referrals to Children’s Social Care</h2>"
        '<p class="definition">A referral is defined as a request for services to be provided by children\'s social '
        "care and is in respect of a child who is not currently in need.</p>"
        "<p>There were 4,777 referrals during 2016/17, compared to 4,133 in 2015/16. The police and schools continue "
        "to be the most common referral sources (accounting for 28% and 17% of referrals respectively), followed by "
        "health services (14%), local authority services (13%), and individuals (13%). 'Individuals' includes "
        "referrals from family members, relatives, carers, acquaintances and self-referrals.</p>"
        "<h2>Re-referrals to Children’s Social Care</h2>"
        '<p class="definition">Re-referrals are measured within 12 months of a previous referral. Where a child has '
        "had more than one referral this year, each re-referral is counted.</p>"
        "<p>There were 950 re-referrals in the year to 31 March 2017, accounting for 20% of all referrals. This "
        "proportion was below South West (23%) and England (22%) averages.</p>"
    )
    out.write_text(_html_page("Somerset Intelligence – Safeguarding and child protection", body, SOMERSET_CSS),
                   encoding="utf-8")


BUCKS_CSS = (
    "@page { size: A4; margin: 20mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; } "
    "h1 { font-size: 16pt; color: #2c2a29; } h2 { font-size: 13pt; color: #2c2a29; margin-top: 6mm; } "
    ".crumb { font-size: 9.5pt; color: #555; }"
)


def buckinghamshire_jsna_safeguarding_comparators(out: Path) -> None:
    """A JSNA topic page printed by Chromium: a count for a year with an earlier year's in brackets (`(from 9,204 in
    2017)`), a rate written `The CIN rate per 10,000 which for Buckinghamshire was 272.3 in 2021` and compared `against
    statistical neighbours at 245.1, the South-East at 301.9 and England at 321.2`, a rate in brackets after its
    subject beside the national's and the neighbours' in brackets, and counts' rises `from 542 to 759 in March 2022`."""
    body = (
        '<p class="crumb">JSNA topic report: children and young people</p>'
        "<h1>11. Safeguarding and vulnerable groups</h1>"
        "<p>In Buckinghamshire there were 10,774 referrals to Children’s Social Care in 2021 which shows an "
        "increasing number over the last 5 years (from 9,204 in 2017), whereas the numbers have been decreasing in "
        "England as a whole.</p>"
        "<h2>Children in need</h2>"
        "<p>A child in need is one who has been assessed by Children’s Social Care to be in need of services.</p>"
        "<p>These services can include, family support, leaving care support, adoption support or disabled "
        "children's services (source: Children in Need of help and protection, Department for Education). Children "
        "In Need (CIN), on average, have poorer outcomes in education and a widening gap as the child ages.</p>"
        "<p>The CIN rate per 10,000 which for Buckinghamshire was 272.3 in 2021. This compares against statistical "
        "neighbours at 245.1, the South-East at 301.9 and England at 321.2. Since April 2020 (up to March 2022) the "
        "number of Children In Need has increased by 18%, from 1,117 children to 1318.</p>"
        "<h2>Child protection plans</h2>"
        "<p>A Child Protection Plan is a plan drawn up by the local authority setting out how to keep a child safe "
        "and how things can be made better for the family and the support they might need.</p>"
        "<p>Children who are subject to these plans will have a primary need related to abuse (physical, sexual or "
        "emotional) or neglect. The rate of children (under 18 years) recorded on Child Protection Plans (40.9 per "
        "10,000 population) is similar to the national average (41.4) but significantly above statistical "
        "neighbours (32.7). Since April 2020 there has been a 40% increase from 542 to 759 in March 2022.</p>"
        "<h2>Mental health</h2>"
        "<p>Mental health is the most prevalent issue identified on assessments for children starting Child "
        "Protection Plans, particularly for school ages (10 to 15 years), followed by emotional abuse and domestic "
        "abuse and violence, the latter being the most common risk to children aged 1 to 4 years.</p>"
    )
    out.write_text(_html_page("Buckinghamshire JSNA – Safeguarding and vulnerable groups", body, BUCKS_CSS),
                   encoding="utf-8")


DOCUMENTS = {
    ("dev", "east_sussex_lac_statistics_2022_23_numbered_paragraphs"): (
        "docx", east_sussex_lac_statistics_numbered_paragraphs),
    ("dev", "somerset_safeguarding_2016_17_intelligence_sentences"): (
        "html", somerset_safeguarding_intelligence_sentences),
    ("dev", "buckinghamshire_jsna_safeguarding_2021_comparators_in_sentences"): (
        "html", buckinghamshire_jsna_safeguarding_comparators),
}


def main(argv: list[str]) -> None:
    write_documents(DOCUMENTS, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
