"""Render the five seed papers with a third set of tool chains, none of them tuned to (issue 8).

    python scripts/render_third_toolchains.py [--case CASE ...] [--rendering NAME ...] [--keep DIR]

Same conventions as scripts/render_council_pdfs.py and scripts/render_other_toolchains.py, whose
seed reader, document builders and converters it imports: reads tests/cases/*/input.txt, writes
tests/renderings/<case>/<rendering>.pdf and checks every non-blank seed character is in the PDF's
text layer. Needs the ``render`` extra (python-pptx for the deck), LibreOffice with Impress,
Chromium and Ghostscript; not run in CI (the PDFs are committed).

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
* ``pptx-impress``: a 16:9 PowerPoint slide pack (python-pptx) laid out and saved as PDF by
  LibreOffice Impress: a title on each slide (a short prose line before a table titles its
  slide), each prose paragraph (the seed's lines a wrap broke) a bullet Impress wraps,
  each table a native PowerPoint table in its default theme style (banded fills, no rules),
  DejaVu Sans, a long table continued over slides with its header
  repeated and "(continued)" in the title, the deck's title and slide number in the footer.
  (Impress drops the emoji variation selector U+FE0F the Welsh seed writes after its arrows.)

Tried and dropped (each loses seed text in the PDF itself, so no reader could find it):
``pdf2ps`` then ``ps2pdf`` of a LibreOffice or Chromium PDF (Ghostscript 10) gives back the
TrueType subsets without a ToUnicode map, the text layer is glyph codes (a case for OCR);
the workbook in DejaVu Serif with rows left for Calc to size (Calc keeps the default row height
for rows of an .xlsx, wrapped text overprints); the council web page opened by LibreOffice
Writer (a wide table runs off the page's right edge, its last columns cut).

Untouched scores (benchmarks/bench_renderings.py, before any rule for them), then after: the
README's renderings section.
"""

from __future__ import annotations

import re
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
    Table,
    autofit_widths,
    build_docx,
    build_html,
    build_xlsx,
    chromium_to_pdf,
    longest_words,
    rag_fill,
    render_arguments,
    report_rendered,
    soffice_to_pdf,
    wrapped_lines,
)
from render_council_pdfs import parse_blocks as parse_seed
from render_gdocs import title_of

RENDERINGS = ("gs-pdfwrite", "chromium-letter-scaled", "xlsx-serif-portrait", "pptx-impress")


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


_DECK_W, _DECK_H = 960.0, 540.0  # pt: a 16:9 deck (13.333 x 7.5 in)
_DECK_FONT, _WIDER = "DejaVu Sans", 1.15  # DejaVu Sans runs about this much wider than Helvetica's metrics


_LIST_ITEM = re.compile(r"^(?:[-*•▶►]|\d+[.,)])(?:\s|$)")  # (a paragraph number alone, `20.`, too)


def build_pptx(blocks: list[Block], out: Path) -> Path:
    """A slide pack as officers build one in PowerPoint: a title on each slide, prose as bullets,
    each table as a native table (a long one continued over slides, header repeated), the deck's
    title and the slide number in the footer. Impress lays out and exports it."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(_DECK_W), Pt(_DECK_H)
    blank = deck.slide_layouts[6]
    name = title_of(blocks)
    margin, top, foot = 36.0, 84.0, 36.0
    room = _DECK_H - top - foot - 8

    def text_box(slide, x: float, y: float, w: float, h: float, lines: list[str], size: float, bold=False):
        frame = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h)).text_frame
        frame.word_wrap = True
        for n, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = line
            run.font.size, run.font.bold, run.font.name = Pt(size), bold, _DECK_FONT
        return frame

    def new_slide(title: str):
        slide = deck.slides.add_slide(blank)
        text_box(slide, margin, 24, _DECK_W - 2 * margin, 44, [title], 24, True)
        number = len(deck.slides)
        text_box(slide, margin, _DECK_H - foot, 600, 20, [name[:100]], 9)
        text_box(slide, _DECK_W - margin - 60, _DECK_H - foot, 60, 20, [str(number)], 9)
        return slide

    def add_table(t: Table, title: str) -> None:
        avail = _DECK_W - 2 * margin
        pad = 14.4  # the cells' default margins, 0.1 in each side
        size = 12.0
        while size > 6.0 and sum(longest_words(t, size * _WIDER)) + (pad + 2) * t.ncols > avail:
            size -= 0.5
        widths = autofit_widths(t, size * _WIDER, pad + 2, avail)

        def height(r: int) -> float:
            cells = zip(t.rows[r], widths, strict=True)
            lines = max(wrapped_lines(c, w - pad - 2, size * _WIDER, r < t.nhead) for c, w in cells)
            return lines * size * 1.2 + 7.2

        head = list(range(t.nhead))
        parts: list[list[int]] = []
        body: list[int] = []
        used = sum(height(r) for r in head)
        for r in range(t.nhead, len(t.rows)):
            if body and used + height(r) > room:
                parts.append(body)
                body, used = [], sum(height(r) for r in head)
            body.append(r)
            used += height(r)
        parts.append(body)
        for n, rows in enumerate(parts):
            slide = new_slide(title if not n else f"{title} (continued)")
            shown = head + rows
            shape = slide.shapes.add_table(len(shown), t.ncols, Pt(margin), Pt(top), Pt(sum(widths)),
                                           Pt(sum(height(r) for r in shown)))  # fmt: skip
            table = shape.table
            for j, w in enumerate(widths):
                table.columns[j].width = Pt(w)
            for i, r in enumerate(shown):
                table.rows[i].height = Pt(height(r))
                for j, value in enumerate(t.rows[r]):
                    cell = table.cell(i, j)
                    run = cell.text_frame.paragraphs[0].add_run()
                    run.text = value
                    run.font.size, run.font.name, run.font.bold = Pt(size), _DECK_FONT, r < t.nhead
                    fill = rag_fill(value) if r >= t.nhead and j else None
                    if fill:
                        cell.fill.solid()
                        cell.fill.fore_color.rgb = RGBColor.from_string(fill)

    # a paragraph (a bullet, wrapped by Impress) is the seed's lines a wrap broke: a line goes on
    # the one before it when that one is long (hard-wrapped) and it starts no list item
    items: list[tuple[str, str | Table]] = []
    lines: list[str] = []
    for kind, value in [*blocks, ("blank", None)]:
        if kind == "prose":
            line = str(value).strip()
            if lines and (len(lines[-1]) < 70 or _LIST_ITEM.match(line)):
                items.append(("para", " ".join(lines)))
                lines = []
            lines.append(line)
            continue
        if lines:
            items.append(("para", " ".join(lines)))
            lines = []
        if kind == "table":
            items.append(("table", value))  # type: ignore[arg-type]

    bullets: list[str] = []
    used = 0.0
    pending: str | None = None  # a short one-line paragraph just before a table is its slide's title

    def flush() -> None:
        nonlocal bullets, used
        if bullets:
            slide = new_slide(name[:90])
            text_box(slide, margin, top, _DECK_W - 2 * margin, room, [f"\u2022 {b}" for b in bullets], 14)
        bullets, used = [], 0.0

    for kind, value in items:
        if kind == "table":
            title = name[:90]
            if pending is not None:
                bullets.pop()
                title = pending
            flush()
            add_table(value, title)  # type: ignore[arg-type]
            pending = None
            continue
        text = str(value)
        height = wrapped_lines(text, _DECK_W - 2 * margin - 20, 14 * _WIDER) * 14 * 1.2 + 6
        if bullets and used + height > room:
            flush()
        bullets.append(text)
        used += height
        pending = text if len(text) <= 80 else None
    flush()
    deck.save(str(out))
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
                elif rendering == "pptx-impress":
                    office.append((build_pptx(blocks, tmp / f"{stem}{rendering}.pptx"), pdf, rendering))
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
    args, chosen, renderings = render_arguments(argv, __doc__, RENDERINGS, ".docx/.xlsx/.html")
    for tool in ("soffice", "chromium", "gs"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install libreoffice chromium ghostscript")
    by_case = {s.case: s for s in chosen}
    return report_rendered(render_all(chosen, renderings, args.keep), by_case)


if __name__ == "__main__":
    sys.exit(main())
