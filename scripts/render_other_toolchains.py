"""Render the five seed papers with tool chains and styles the council renderings do not use.

    python scripts/render_other_toolchains.py [--case CASE ...] [--rendering NAME ...] [--keep DIR]

Same conventions as scripts/render_council_pdfs.py (whose seed reader, table model, widths and
converters it reuses): reads tests/cases/*/input.txt, writes tests/renderings/<case>/<rendering>.pdf,
checks every non-blank seed character is in the PDF's text layer or says which are not. Needs the
``render`` extra, reportlab, LibreOffice and Chromium; not run in CI (the PDFs are committed).

* ``no-space-glyphs``: as "Microsoft Print to PDF" writes: each word at its own x, no space
  characters (reportlab, A4, Helvetica, AutoFit tables, top-aligned cells, header repeated).
* ``matplotlib-table``: an analyst's Python report: A4 landscape figures, prose as ``fig.text``,
  tables as ``matplotlib.table`` cells (one text object a cell), DejaVu Sans, shaded header/RAG.
* ``html-divgrid``: CSS-grid ``div`` tables (no ``<table>``), a coloured shadowed first column,
  A4 landscape, printed by headless Chromium.
* ``odt-serif``: a landscape Writer document in serif fonts (Liberation Serif, DejaVu Serif), no
  rules, zebra rows, merged header cells, decimal tab stops; saved as .odt, then PDF, by LibreOffice.
* ``gdocs-html``: HTML as Google Docs exports it (classed ``<p><span>`` in every cell, 1pt black
  borders, 5pt padding, top-aligned cells, equal columns beside a wider name column, Arial),
  US Letter portrait with 1in margins, printed by headless Chromium.
* ``glyph-justified``: as ``no-space-glyphs``, but each glyph drawn on its own at its own x (as some
  council systems' PDF printers write them) and prose justified (word gaps stretched).
* ``docx-tabstops``, ``html-slides``, ``rotated-landscape``: see scripts/render_more_toolchains.py
  (Word tables made of tab stops, a 16:9 slide deck, landscape pages stored turned by /Rotate 90).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_council_pdfs import (
    GREY,
    OUT,
    Block,
    Seed,
    Table,
    add_blocks,
    autofit_widths,
    chromium_to_pdf,
    is_numeric,
    numeric_column,
    rag_fill,
    render_arguments,
    report_rendered,
    setup_docx,
    soffice_to_pdf,
    text_width,
    word_width,
)
from render_council_pdfs import parse_blocks as parse_seed
from render_gdocs import build_gdocs, title_of
from render_more_toolchains import MORE, build_rotated, build_slides, build_tabstops

RENDERINGS = (
    "no-space-glyphs",
    "matplotlib-table",
    "html-divgrid",
    "odt-serif",
    "gdocs-html",
    "glyph-justified",
    *MORE,
)


# --------------------------------------------------------------------------------------------
# no-space-glyphs: reportlab, each word drawn at its own x


def build_no_space(blocks: list[Block], out: Path, glyphs: bool = False) -> Path:
    """``no-space-glyphs``; with ``glyphs`` (``glyph-justified``) each glyph is its own text object at
    its own x and prose is justified (the gaps between words stretched to the line's full width)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from pdf_render import _admit_missing_glyphs, _draw_text, _register_fonts, text_width, wrap_text

    _register_fonts()
    _admit_missing_glyphs("".join(str(v) if k == "prose" else "" for k, v in blocks))
    for kind, value in blocks:
        if kind == "table":
            _admit_missing_glyphs("".join("".join(r) for r in value.rows))  # type: ignore[union-attr]
    width, height = A4
    margin = 42.0
    avail = width - 2 * margin
    c = Canvas(str(out), pagesize=A4, pageCompression=1)
    y = height - margin

    def words(x: float, y: float, line: str, font: str, size: float, fill: float | None = None) -> None:
        space = text_width(" ", font, size)
        parts = line.split()
        if fill is not None and len(parts) > 1:  # justified: the gaps stretched to fill the line
            space = (fill - sum(text_width(w, font, size) for w in parts)) / (len(parts) - 1)
        for word in parts:  # one text object per word (or glyph): no space glyph between words
            if glyphs:
                for k, ch in enumerate(word):
                    _draw_text(c, x + text_width(word[:k], font, size), y, ch, font, size)
            else:
                _draw_text(c, x, y, word, font, size)
            x += text_width(word, font, size) + space

    def new_page() -> None:
        nonlocal y
        c.showPage()
        y = height - margin

    def table(t: Table) -> None:
        nonlocal y
        size, pad = 7.5, 4.0
        widths = autofit_widths(t, size, pad, avail)
        lead = size * 1.2

        def row_lines(row: list[str], bold: bool) -> list[list[str]]:
            font = "Helvetica-Bold" if bold else "Helvetica"
            return [wrap_text(cell, w - pad, font, size) if cell else [] for cell, w in zip(row, widths, strict=True)]

        def draw(r: int, row: list[str]) -> None:
            nonlocal y
            bold = r < t.nhead
            lines = row_lines(row, bold)
            h = max((len(ls) for ls in lines), default=1) * lead + 3
            if y - h < margin:
                new_page()
                for k in range(r if bold else t.nhead):  # the header again (the rows of it drawn so far)
                    draw(k, t.rows[k])
            x = margin
            font = "Helvetica-Bold" if bold else "Helvetica"
            for ls, w in zip(lines, widths, strict=True):
                for k, line in enumerate(ls):
                    words(x + pad / 2, y - size - 1 - k * lead, line, font, size)
                x += w
            y -= h

        for r, row in enumerate(t.rows):
            draw(r, row)
            if r == t.nhead - 1:
                c.setLineWidth(0.6)
                c.line(margin, y + 1, margin + sum(widths), y + 1)
        y -= 8

    for kind, value in blocks:
        if kind == "prose":
            lines = wrap_text(str(value).strip(), avail, "Helvetica", 9.0)
            for k, line in enumerate(lines):
                if y - 11 < margin:
                    new_page()
                words(margin, y - 9, line, "Helvetica", 9.0, avail if glyphs and k < len(lines) - 1 else None)
                y -= 11.5
        elif kind == "blank":
            y -= 6
        else:
            table(value)  # type: ignore[arg-type]
    c.save()
    return out


# --------------------------------------------------------------------------------------------
# matplotlib-table: a figure per A4 landscape page, tables as matplotlib.table cells


def build_matplotlib(blocks: list[Block], out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.table import Cell
    from matplotlib.table import Table as MplTable
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    plt.rcParams.update({"pdf.fonttype": 42, "font.family": "DejaVu Sans"})
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    registerFont(TTFont("RenderDejaVu", str(dejavu / "DejaVuSans.ttf")))
    registerFont(TTFont("RenderDejaVu-Bold", str(dejavu / "DejaVuSans-Bold.ttf")))
    pw, ph = 11.69 * 72, 8.27 * 72  # pt
    margin = 36.0
    avail = pw - 2 * margin
    size = 6.5
    scale = 1.12  # DejaVu Sans runs about 12 % wider than the Helvetica metrics used for widths
    lead = size * 1.25
    pdf = PdfPages(str(out), metadata={"Title": title_of(blocks), "Creator": "matplotlib"})
    state: dict = {}

    def new_page() -> None:
        if state.get("fig") is not None:
            pdf.savefig(state["fig"])
            plt.close(state["fig"])
        fig = plt.figure(figsize=(pw / 72, ph / 72))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, pw)
        ax.set_ylim(0, ph)
        state.update(fig=fig, ax=ax, y=ph - margin)

    def table(t: Table) -> None:
        # (matplotlib pads a tenth of the width each side: the widths are worked out larger)
        widths = autofit_widths(t, size * scale / (1 - 2 * Cell.PAD), 2.0, avail)
        numeric = [numeric_column(t, j) for j in range(t.ncols)]

        def cell_text(cell: str, w: float, bold: bool) -> list[str]:
            """Greedy wrap by DejaVu Sans's own widths (what matplotlib draws), so that no text
            runs out of its cell; a word wider than the cell is broken."""
            if not cell:
                return [""]
            font = "RenderDejaVu-Bold" if bold else "RenderDejaVu"
            room = w * (1 - 2 * Cell.PAD) - 1  # matplotlib pads a tenth of the width each side
            lines: list[str] = []
            line = ""
            for word in cell.split():
                candidate = f"{line} {word}" if line else word
                if stringWidth(candidate, font, size) <= room:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while stringWidth(line, font, size) > room and len(line) > 1:
                    cut = len(line) - 1
                    while cut > 1 and stringWidth(line[:cut], font, size) > room:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            return [*lines, line] if line else lines or [""]

        def draw(r: int, row: list[str]) -> None:
            head = r < t.nhead
            texts = [cell_text(cell, w, head) for cell, w in zip(row, widths, strict=True)]
            h = max(len(x) for x in texts) * lead + 4
            if state["y"] - h < margin:
                new_page()
                for k in range(r if head else t.nhead):  # the header again (the rows of it drawn so far)
                    draw(k, t.rows[k])
            ax = state["ax"]
            # one table per row, placed by its bbox (axes fraction): rows can then break pages
            bbox = (margin / pw, (state["y"] - h) / ph, sum(widths) / pw, h / ph)
            mt = MplTable(ax, bbox=bbox)
            for j, (lines, w) in enumerate(zip(texts, widths, strict=True)):
                value = row[j]
                loc = "right" if numeric[j] and is_numeric(value) and not head else "left"
                text = "\n".join(lines).replace("$", r"\$")  # a bare $ would start mathtext
                cell = mt.add_cell(0, j, w / pw, h / ph, text=text, loc=loc)
                cell.set_linewidth(0.3)
                cell.set_edgecolor("#999999")
                fill = "#" + GREY if head else ("#" + rag_fill(value) if rag_fill(value) else "white")
                cell.set_facecolor(fill)
                cell.get_text().set_fontsize(size)
                cell.get_text().set_fontweight("bold" if head else "normal")
            mt.auto_set_font_size(False)
            ax.add_table(mt)
            state["y"] -= h

        for r, row in enumerate(t.rows):
            draw(r, row)
        state["y"] -= 8

    new_page()
    for kind, value in blocks:
        if kind == "prose":
            for line in textwrap.wrap(str(value).strip(), 165) or [""]:
                if state["y"] - 12 < margin:
                    new_page()
                state["fig"].text(margin / pw, (state["y"] - 9) / ph, line.replace("$", r"\$"), fontsize=8)
                state["y"] -= 11.5
        elif kind == "blank":
            state["y"] -= 6
        else:
            table(value)  # type: ignore[arg-type]
    pdf.savefig(state["fig"])
    plt.close(state["fig"])
    pdf.close()
    return out


# --------------------------------------------------------------------------------------------
# html-divgrid: CSS grid tables printed by Chromium

_GRID_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 9pt; margin: 0; }
p { margin: 0 0 3pt 0; }
.gap { height: 6pt; }
.grid { display: grid; margin: 4pt 0 10pt 0; font-size: 7.5pt; border-top: 2px solid #1f4e79; }
.grid > div { padding: 3px 4px; border-bottom: 1px solid #e0e0e0; display: flex; align-items: center;
  overflow-wrap: anywhere; break-inside: avoid; }
.grid > div.h { background: #1f4e79; color: white; font-weight: 600; }
.grid > div.first { background: #eaf1fb; box-shadow: 3px 0 4px -2px rgba(0,0,0,0.35); z-index: 1; }
.grid > div.h.first { background: #163a5c; }
.grid > div.num { justify-content: flex-end; }
"""


def build_divgrid(blocks: list[Block]) -> str:
    avail = (297 - 24) / 25.4 * 72
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">']
    parts.append(f"<title>{html.escape(title_of(blocks))}</title><style>{_GRID_CSS}</style></head><body>")
    for kind, value in blocks:
        if kind == "prose":
            parts.append(f"<p>{html.escape(str(value).strip())}</p>")
        elif kind == "blank":
            parts.append('<div class="gap"></div>')
        else:
            t: Table = value  # type: ignore[assignment]
            widths = autofit_widths(t, 7.5, 8.0, avail)
            cols = " ".join(f"{w:.1f}pt" for w in widths)
            parts.append(f'<div class="grid" style="grid-template-columns: {cols}">')
            numeric = [numeric_column(t, j) for j in range(t.ncols)]
            for r, row in enumerate(t.rows):
                for j, cell in enumerate(row):
                    classes = ["h"] if r < t.nhead else []
                    classes += ["first"] if j == 0 else []
                    classes += ["num"] if numeric[j] and is_numeric(cell) and r >= t.nhead else []
                    fill = rag_fill(cell) if r >= t.nhead and j else None
                    style = f' style="background:#{fill}"' if fill else ""
                    parts.append(f'<div class="{" ".join(classes)}"{style}>{html.escape(cell)}</div>')
            parts.append("</div>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# odt-serif: Writer, serif fonts, zebra rows without rules, merged header cells, decimal tabs


def build_odt_source(blocks: list[Block], out: Path) -> Path:
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    avail = setup_docx(doc, True, 2.0, "Liberation Serif", 10.5, 3)
    pad = 2 * 0.19 * 72 / 2.54

    def shade(cell, fill: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)

    def layout(t: Table, size: float) -> tuple[list[float], list[float | None]]:
        """Column widths and decimal tab stops (pt) at one type size."""
        # DejaVu Serif runs about a third wider than the Helvetica metrics the widths use
        wide = size * 1.35
        widths = autofit_widths(t, wide, pad, avail)
        # a decimal tab stop in each numeric column: the widest whole part left of it, the
        # widest fraction right of it (the column widened to hold both)
        tabs: list[float | None] = []
        for j in range(t.ncols):
            numbers = [c for c in t.column(j) if is_numeric(c)] if numeric_column(t, j) else []
            if not numbers:
                tabs.append(None)
                continue
            whole = max(text_width(c.split(".")[0], wide) for c in numbers) + 2
            fraction = max(text_width("." + c.split(".")[1] if "." in c else "", wide) for c in numbers)
            tabs.append(whole)
            widths[j] = max(widths[j], whole + fraction + pad + 2)
        over = sum(widths) - avail
        text = [j for j in range(t.ncols) if tabs[j] is None]
        if over > 0 and text:  # the widened numeric columns take their room from the others
            # (never below a column's longest word: the type size comes down instead)
            floor = {j: max(word_width(c, wide, True) for c in t.column(j, body=False)) + pad + 2 for j in text}
            room = sum(widths[j] - floor[j] for j in text if widths[j] > floor[j])
            for j in text:
                if widths[j] > floor[j] and room > 0:
                    widths[j] -= min(1.0, over / room) * (widths[j] - floor[j])
        return widths, tabs

    def add_table(t: Table) -> None:
        size = 8.0
        widths, tabs = layout(t, size)
        while size > 5.5 and sum(widths) > avail + 0.5:  # a wide table is set smaller
            size -= 0.5
            widths, tabs = layout(t, size)
        grid = doc.add_table(rows=len(t.rows), cols=t.ncols)  # "Normal Table": no borders
        grid.autofit = False  # the widths as set (LibreOffice redistributes autofit ones)
        for j, w in enumerate(widths):
            grid.columns[j].width = Pt(w)
        for r, (row, values) in enumerate(zip(grid.rows, t.rows, strict=True)):
            head = r < t.nhead
            for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Pt(widths[j])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                fill = "DCE6F1" if head else (rag_fill(value) or ("F2F2F2" if (r - t.nhead) % 2 else None))
                if fill:
                    shade(cell, fill)
                p = cell.paragraphs[0]
                p.paragraph_format.space_after = Pt(0)
                text = value
                stop = tabs[j]
                if not head and stop is not None and is_numeric(value):
                    p.paragraph_format.tab_stops.add_tab_stop(Pt(stop), WD_TAB_ALIGNMENT.DECIMAL)
                    text = "\t" + value
                if value:
                    run = p.add_run(text)
                    run.font.size = Pt(size)
                    run.font.name = "DejaVu Serif"
                    run.bold = head
        # merged header cells: a header cell runs over the empty header cells to its right
        # (first header row) and below it (later header rows)
        for r in range(t.nhead):
            j = 0
            while j < t.ncols:
                k = j
                while r == 0 and t.nhead > 1 and k + 1 < t.ncols and not t.rows[0][k + 1] and t.rows[0][j]:
                    k += 1
                if k > j:
                    grid.cell(0, j).merge(grid.cell(0, k))
                j = k + 1
        for j in range(t.ncols):
            r = 0
            while r + 1 < t.nhead and t.rows[r][j] and not t.rows[r + 1][j]:
                r += 1
            if r and all(grid.cell(0, j)._tc is not grid.cell(0, j2)._tc for j2 in range(t.ncols) if j2 != j):
                grid.cell(0, j).merge(grid.cell(r, j))

    add_blocks(doc, blocks, add_table)
    doc.save(str(out))
    return out


def soffice_convert(sources: list[Path], outdir: Path, profile: Path, fmt: str) -> None:
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    subprocess.run([*cmd, "--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)  # fmt: skip


# --------------------------------------------------------------------------------------------


def render_all(chosen: list[Seed], renderings: list[str], keep: Path | None) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="render_other_") as tmp_name:
        tmp = Path(keep) if keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        odt: list[tuple[Path, Path]] = []
        docx: list[tuple[Path, Path]] = []
        for seed in chosen:
            blocks = parse_seed(seed.text)
            final = OUT / seed.case
            final.mkdir(parents=True, exist_ok=True)
            stem = f"{seed.case}__"
            for rendering in renderings:
                pdf = final / f"{rendering}.pdf"
                if rendering in ("no-space-glyphs", "glyph-justified"):
                    written.append(build_no_space(blocks, pdf, glyphs=rendering == "glyph-justified"))
                elif rendering == "matplotlib-table":
                    written.append(build_matplotlib(blocks, pdf))
                elif rendering in ("html-divgrid", "gdocs-html"):
                    page = tmp / f"{stem}{rendering}.html"
                    page.write_text(
                        (build_divgrid if rendering == "html-divgrid" else build_gdocs)(blocks), encoding="utf-8"
                    )
                    chromium_to_pdf(page, pdf, tmp / "chromium-profile")
                    written.append(pdf)
                elif rendering == "odt-serif":
                    odt.append((build_odt_source(blocks, tmp / f"{stem}{rendering}.docx"), pdf))
                elif rendering == "docx-tabstops":
                    docx.append((build_tabstops(blocks, tmp / f"{stem}{rendering}.docx"), pdf))
                elif rendering == "html-slides":
                    page = tmp / f"{stem}{rendering}.html"
                    page.write_text(build_slides(blocks), encoding="utf-8")
                    chromium_to_pdf(page, pdf, tmp / "chromium-profile")
                    written.append(pdf)
                elif rendering == "rotated-landscape":
                    written.append(build_rotated(seed.text, pdf))
        if docx:
            soffice_to_pdf([src for src, _ in docx], tmp, tmp / "lo-profile")
            for src, pdf in docx:
                shutil.move(src.with_suffix(".pdf"), pdf)
                written.append(pdf)
        if odt:
            soffice_convert([src for src, _ in odt], tmp, tmp / "lo-profile", "odt")
            soffice_to_pdf([src.with_suffix(".odt") for src, _ in odt], tmp, tmp / "lo-profile")
            for src, pdf in odt:
                shutil.move(src.with_suffix(".pdf"), pdf)
                written.append(pdf)
    return written


def main(argv: list[str] | None = None) -> int:
    args, chosen, renderings = render_arguments(argv, __doc__, RENDERINGS, ".docx/.odt/.html")
    needs = {"html-divgrid": "chromium", "gdocs-html": "chromium", "odt-serif": "soffice", "html-slides": "chromium",
             "docx-tabstops": "soffice"}  # fmt: skip
    for rendering, tool in needs.items():
        if rendering in renderings and shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install libreoffice-writer chromium")
    by_case = {s.case: s for s in chosen}
    return report_rendered(render_all(chosen, renderings, args.keep), by_case)


if __name__ == "__main__":
    sys.exit(main())
