"""Render dev held-out fixtures through a second tool chain (issue 8: renderings nobody sees).

    python scripts/render_heldout_alt.py [SLUG ...]

scripts/render_heldout.py makes each tests/heldout/dev/<slug>/document.pdf with one chain
(LibreOffice for Word and Excel, Chromium for HTML). This script renders the same source the
other way round into tests/heldout/dev_alt/<slug>/document.pdf:

- .docx: LibreOffice Writer saves it as HTML, headless Chromium prints that HTML to PDF;
- .html: LibreOffice Writer/Web prints it to PDF (`writer_web_pdf_Export`);
- .xlsx: LibreOffice Calc with `SinglePageSheets` (each sheet on one page, no page breaks).

The folder's truth.csv starts as a copy of the dev one; its page numbers are re-checked by hand
against the new PDF (tests/heldout/dev_alt/README.md says which changed). Without slugs, the dev
fixtures of rounds 19-25 (SLUGS) are rendered. Needs `soffice` and `chromium` on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_heldout import render_html

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "heldout" / "dev"
ALT = ROOT / "tests" / "heldout" / "dev_alt"

# the dev fixtures of rounds 19-25 and narrative rounds 12-13 (tests/heldout/README.md)
SLUGS = (
    "east_dunbartonshire_education_2023_24_status_value_target",
    "fife_how_we_perform_2016_17_year_value_columns",
    "hwb_best_start_2011_12_period_column_polarity_words",
    "lincolnshire_cbp_q4_2016_17_measure_pages",
    "cheshire_east_education_2011_12_minutes_sentences",
    "cheshire_west_annual_report_2019_education_paragraphs",
    "devon_csc_performance_2022_minutes_dash_points",
    "angus_performs_2012_13_year_rows_blank_cells",
    "ecs_trend_charts_q4_2014_15_label_value_block",
    "central_bedfordshire_portal_2019_measure_page",
    "sunderland_q3_2017_18_period_column_comparator",
    "wirral_plan_q1_2018_19_pledge_rows_workbook",
    "buckinghamshire_jsna_safeguarding_2021_comparators_in_sentences",
    "east_sussex_lac_statistics_2022_23_numbered_paragraphs",
    "somerset_safeguarding_2016_17_intelligence_sentences",
    "moray_ceo_q2_2017_18_pentana_value_under_periods",
    "torbay_asc_outcomes_2022_23_outturn_target_england",
    "vale_of_glamorgan_dfg_2013_wrapped_year_columns",
    "ealing_council_plan_2018_measure_rows_date_value_box",
    # round 24
    "mansfield_housing_kpis_2023_24_latest_year_first",
    "wandsworth_waste_2021_22_value_then_target",
    "west_dunbartonshire_strategic_plan_2016_17_objective_tables",
    # round 25
    "kingston_performance_q1_2023_24_narratives_rag_after_name",
    "mole_valley_pi_report_2022_23_status_target_period_lines",
)

CHAINS = {
    ".docx": "LibreOffice Writer 7.4 saved the .docx as HTML (`--convert-to html`), headless Chromium printed it",
    ".html": "LibreOffice Writer/Web 7.4 printed the .html (`--convert-to pdf:writer_web_pdf_Export`)",
    ".xlsx": "LibreOffice Calc 7.4 with the PDF export's `SinglePageSheets` option (each sheet on one page)",
}


def soffice(source: Path, convert_to: str, outdir: Path) -> Path:
    # a private profile: another soffice running on the machine must not block this one
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                convert_to,
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    made = outdir / f"{source.stem}.{convert_to.split(':')[0]}"
    if not made.exists():
        raise RuntimeError(f"soffice made no {made.name} from {source}")
    return made


def render(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        if source.suffix == ".docx":
            render_html(soffice(source, "html", out), target)  # Chromium prints the HTML
        elif source.suffix == ".html":
            shutil.move(soffice(source, "pdf:writer_web_pdf_Export", out), target)
        elif source.suffix == ".xlsx":
            options = '{"SinglePageSheets":{"type":"boolean","value":"true"}}'
            shutil.move(soffice(source, f"pdf:calc_pdf_Export:{options}", out), target)
        else:
            raise ValueError(f"no second chain for {source}")


def main(argv: list[str]) -> int:
    for slug in argv or SLUGS:
        source = next(p for p in sorted((DEV / slug).glob("document.*")) if p.suffix in CHAINS)
        folder = ALT / slug
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "document.pdf"
        render(source, target)
        if not (folder / "truth.csv").exists():  # page fixes made by hand are kept
            shutil.copy(DEV / slug / "truth.csv", folder / "truth.csv")
        (folder / "source.md").write_text(
            f"# {slug} (second tool chain)\n\n"
            f"Source: `tests/heldout/dev/{slug}/{source.name}` (see that folder's source.md).\n\n"
            f"Rendering: {CHAINS[source.suffix]}, by `scripts/render_heldout_alt.py`.\n\n"
            "truth.csv: the dev folder's, its pages re-checked by hand against this PDF "
            "(../README.md lists the rows whose page changed).\n",
            encoding="utf-8",
        )
        print(f"{target.relative_to(ROOT)}  {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
