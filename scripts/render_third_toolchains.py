"""Render the five seed papers with a third set of tool chains, none of them tuned to (issue 8).

    python scripts/render_third_toolchains.py [--case CASE ...] [--rendering NAME ...] [--keep DIR]

Same conventions as scripts/render_council_pdfs.py and scripts/render_other_toolchains.py, whose
seed reader, document builders and converters it imports: reads tests/cases/*/input.txt, writes
tests/renderings/<case>/<rendering>.pdf and checks every non-blank seed character is in the PDF's
text layer. Needs the ``render`` extra, LibreOffice, Chromium and Ghostscript; not run in CI
(the PDFs are committed).

* ``gs-pdfwrite``: the ``docx-unruled`` Word report saved as PDF by LibreOffice, then re-distilled
  by Ghostscript's ``pdfwrite`` (as print-to-PDF drivers and "reduce file size" tools rewrite a
  PDF: fonts re-encoded and re-subset, text re-positioned by Ghostscript's own operators).
* ``chromium-letter-scaled``: the ``html-chromium`` web page printed by headless Chromium on US
  Letter landscape at a 70 % print scale (CSS zoom) with a header and footer on every page as
  a browser prints them (date and time, title; page address, page n/N; CSS page-margin boxes,
  as headless Chromium 150 prints none of its own).
* ``xlsx-serif-portrait``: the ``xlsx`` workbook re-set in Liberation Serif, A4 portrait fitted
  one page wide (so wide sheets are scaled down further), the sheet name in the page header and
  "Page n of N" in the footer; saved as PDF by LibreOffice Calc.

Tried and dropped (each loses seed text in the PDF itself, so no reader could find it):
``pdf2ps`` then ``ps2pdf`` of a LibreOffice or Chromium PDF (Ghostscript 10) gives back the
TrueType subsets without a ToUnicode map, the text layer is glyph codes (a case for OCR);
the workbook in DejaVu Serif with rows left for Calc to size (Calc keeps the default row height
for rows of an .xlsx, wrapped text overprints); the council web page opened by LibreOffice
Writer (a wide table runs off the page's right edge, its last columns cut).

Untouched scores (benchmarks/bench_renderings.py, before any rule for them), then after:
see docs/renderings.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_council_pdfs import (
    DOCX_STYLES,
    OUT,
    Block,
    Seed,
    build_docx,
    build_html,
    build_xlsx,
    chromium_to_pdf,
    report_rendered,
    seeds,
    soffice_to_pdf,
)
from render_council_pdfs import parse_blocks as parse_seed
from render_gdocs import title_of

RENDERINGS = ("gs-pdfwrite", "chromium-letter-scaled", "xlsx-serif-portrait")


def ghostscript_redistil(src: Path, out: Path) -> Path:
    """Re-distil a PDF through Ghostscript's pdfwrite device."""
    cmd = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dPDFSETTINGS=/printer",
           f"-sOutputFile={out}", str(src)]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return out


_SCALED_CSS = """
@page { size: Letter landscape; margin: 0.5in 0.4in;
  @top-left { content: "14/03/2025, 09:12"; font: 8pt Arial, sans-serif; }
  @top-center { content: "%s"; font: 8pt Arial, sans-serif; }
  @bottom-left { content: "https://democracy.example.gov.uk/s12345/report.html"; font: 8pt Arial, sans-serif; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 8pt Arial, sans-serif; } }
html { zoom: 0.7; }
"""


def build_scaled_html(blocks: list[Block]) -> str:
    """The council web page with a Letter landscape page and a 70 % print scale."""
    title = title_of(blocks)
    css = _SCALED_CSS % title.replace("\\", "").replace('"', "'")[:90]
    return build_html(blocks, title).replace("</style>", css + "</style>", 1)  # later rules win over the A4 @page


def build_serif_xlsx(blocks: list[Block], out: Path) -> Path:
    """The council workbook re-set in a serif face on portrait pages (Liberation Serif is narrower
    than Arial, so the rows' heights, worked out for Arial, still hold the wrapped text)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    build_xlsx(blocks, out)
    wb = load_workbook(str(out))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                old = cell.font
                cell.font = Font(name="Liberation Serif", size=old.sz, bold=old.b, color=old.color)
        ws.page_setup.orientation = "portrait"
        ws.oddHeader.center.text = "&A"
        ws.oddFooter.right.text = "Page &P of &N"
    wb.save(str(out))
    return out


def render_all(chosen: list[Seed], renderings: list[str], keep: Path | None) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="render_third_") as tmp_name:
        tmp = Path(keep) if keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        office: list[tuple[Path, Path, str]] = []  # (source, final pdf, rendering)
        for seed in chosen:
            blocks = parse_seed(seed.text)
            final = OUT / seed.case
            final.mkdir(parents=True, exist_ok=True)
            stem = f"{seed.case}__"
            for rendering in renderings:
                pdf = final / f"{rendering}.pdf"
                if rendering == "gs-pdfwrite":
                    src = build_docx(blocks, DOCX_STYLES["docx-unruled"], tmp / f"{stem}{rendering}.docx")
                    office.append((src, pdf, rendering))
                elif rendering == "xlsx-serif-portrait":
                    office.append((build_serif_xlsx(blocks, tmp / f"{stem}{rendering}.xlsx"), pdf, rendering))
                elif rendering == "chromium-letter-scaled":
                    page = tmp / f"{stem}{rendering}.html"
                    page.write_text(build_scaled_html(blocks), encoding="utf-8")
                    chromium_to_pdf(page, pdf, tmp / "chromium-profile")
                    written.append(pdf)
        if office:
            soffice_to_pdf([src for src, _, _ in office], tmp, tmp / "lo-profile")
            for src, pdf, rendering in office:
                if rendering == "gs-pdfwrite":
                    ghostscript_redistil(src.with_suffix(".pdf"), pdf)
                else:
                    shutil.move(src.with_suffix(".pdf"), pdf)
                written.append(pdf)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--case", action="append", help="render only this case (repeatable)")
    parser.add_argument("--rendering", action="append", choices=RENDERINGS, help="only this rendering (repeatable)")
    parser.add_argument("--keep", type=Path, help="keep the .docx/.xlsx/.html sources in this folder")
    args = parser.parse_args(argv)
    for tool in ("soffice", "chromium", "gs"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install libreoffice chromium ghostscript")
    chosen = [s for s in seeds() if not args.case or s.case in args.case]
    renderings = args.rendering or list(RENDERINGS)
    by_case = {s.case: s for s in chosen}
    return report_rendered(render_all(chosen, renderings, args.keep), by_case)


if __name__ == "__main__":
    sys.exit(main())
