"""More ways councils make PDFs: the renderings of scripts/render_other_toolchains.py (which runs
them, ``--rendering NAME``) that its own module has no room for. Shares its seed reader, table
model, widths and converters (scripts/render_council_pdfs.py, scripts/pdf_render.py).

* ``docx-tabstops``: an older Word report whose tables are not table objects but paragraphs
  aligned by tab stops: a left tab for each text column, a right tab at the right edge of each
  numeric column; a cell too long for its column goes on over the next lines of the same
  paragraph (line breaks, then tabs to its column); header bold with a rule below; Arial,
  A4 portrait, a table too wide for it on landscape pages of its own (a section); saved as PDF
  by LibreOffice Writer.
* ``html-slides``: a slide deck (16:9, as a PowerPoint/Impress deck printed to PDF): a big
  title on each slide, prose as bullets, one table per slide (a long table runs on over the
  next slides, its header and title repeated, "(continued)"), a footer with the deck's title
  and the slide number; printed by headless Chromium.
* ``rotated-landscape``: landscape A4 pages stored as portrait pages with ``/Rotate 90`` (the
  content drawn turned a quarter, as some printer drivers and exporters write them): ruled
  tables in Helvetica, reportlab.
"""

from __future__ import annotations

import html
from pathlib import Path

from render_council_pdfs import (
    Block,
    Table,
    autofit_widths,
    is_numeric,
    longest_words,
    numeric_column,
    rag_fill,
    setup_docx,
    wrapped_lines,
)
from render_gdocs import title_of

MORE = ("docx-tabstops", "html-slides", "rotated-landscape")


# --------------------------------------------------------------------------------------------
# docx-tabstops: tables as tab-aligned paragraphs


def build_tabstops(blocks: list[Block], out: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from pdf_render import _register_fonts, wrap_text

    _register_fonts()  # (wrap_text measures symbols in the fallback font)
    doc = Document()
    avail = setup_docx(doc, False, 2.2, "Arial", 10, 4)
    gap = 8.0  # pt between the text of two columns

    def rule_below(paragraph) -> None:
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)

    def fits(t: Table, size: float, room: float) -> bool:  # every column as wide as its longest word
        return sum(longest_words(t, size)) + (gap + 2) * t.ncols <= room

    def turn_section(landscape: bool) -> float:
        """A new section (page) in landscape or portrait: its width for text (pt)."""
        new = doc.add_section(WD_SECTION.NEW_PAGE)
        new.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        new.page_width, new.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
        return (new.page_width - new.left_margin - new.right_margin) / 12700

    def add_table(t: Table) -> None:
        nonlocal avail
        size = 8.5
        while size > 6.0 and not fits(t, size, avail):  # smaller before words break
            size -= 0.5
        turned = not fits(t, size, avail) and doc.sections[-1].orientation == WD_ORIENT.PORTRAIT
        if turned:  # a table too wide for portrait goes on a landscape page of its own, as officers set them
            avail = turn_section(True)
            size = 8.5
            while size > 5.5 and not fits(t, size, avail):
                size -= 0.5
        widths = autofit_widths(t, size, gap, avail)
        numeric = [numeric_column(t, j) for j in range(t.ncols)]
        starts = [sum(widths[:j]) for j in range(t.ncols)]
        for r, row in enumerate(t.rows):
            head = r < t.nhead
            font = "Helvetica-Bold" if head else "Helvetica"
            lines = [wrap_text(cell, widths[j] - gap, font, size) if cell else [] for j, cell in enumerate(row)]
            p = doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.space_after = Pt(3 if r == t.nhead - 1 else 1)
            fmt.keep_together = True
            for j in range(1, t.ncols):
                right = numeric[j] and not head
                stop = starts[j] + widths[j] - gap if right else starts[j]
                fmt.tab_stops.add_tab_stop(Pt(stop), WD_TAB_ALIGNMENT.RIGHT if right else WD_TAB_ALIGNMENT.LEFT)
            if r == t.nhead - 1:
                rule_below(p)
            depth = max((len(ls) for ls in lines), default=1) or 1
            for k in range(depth):
                parts = [ls[k] if k < len(ls) else "" for ls in lines]
                text = "\t".join(parts).rstrip("\t")
                if k:
                    p.add_run().add_break()
                run = p.add_run(text)
                run.font.size = Pt(size)
                run.bold = head
        doc.add_paragraph().paragraph_format.space_after = Pt(2)
        if turned:
            avail = turn_section(False)

    for kind, value in blocks:
        if kind == "prose":
            doc.add_paragraph(str(value).strip())
        elif kind == "blank":
            continue
        else:
            add_table(value)  # type: ignore[arg-type]
    doc.save(str(out))
    return out


# --------------------------------------------------------------------------------------------
# html-slides: a 16:9 deck printed by Chromium

_SLIDE_W, _SLIDE_H = 960.0, 540.0  # pt (13.333 x 7.5 in)
_SLIDES_CSS = """
@page { size: 13.333in 7.5in; margin: 0; }
body { margin: 0; font-family: "Liberation Sans", Arial, sans-serif; }
.slide { overflow-wrap: anywhere; width: 960pt; height: 540pt; position: relative; overflow: hidden; break-after: page;
  box-sizing: border-box; padding: 28pt 40pt 40pt 40pt; }
.slide h1 { font-size: 26pt; color: #1f4e79; margin: 0 0 14pt 0; font-weight: 700; }
.slide ul { margin: 0; padding-left: 22pt; font-size: 15pt; line-height: 1.3; }
.slide table { border-collapse: collapse; table-layout: fixed; }
.slide th { background: #1f4e79; color: #fff; text-align: left; vertical-align: bottom; }
.slide th, .slide td { padding: 2pt 4pt; border-bottom: 0.75pt solid #bfbfbf; }
.slide td.num { text-align: right; }
.foot { position: absolute; left: 40pt; right: 40pt; bottom: 14pt; font-size: 9pt; color: #595959;
  border-top: 1pt solid #1f4e79; padding-top: 4pt; }
.foot .n { float: right; }
"""


def build_slides(blocks: list[Block]) -> str:
    deck = title_of(blocks)
    slides: list[tuple[str, str]] = []  # (title, body html)
    room = _SLIDE_H - 28 - 40 - 26 * 1.2 - 14 - 24  # the body's height under the title, above the foot
    bullets: list[str] = []
    heading = deck
    used = 0.0

    def flush() -> None:
        nonlocal bullets, used
        if bullets:
            slides.append((heading, "<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>"))
        bullets, used = [], 0.0

    def table(t: Table, title: str) -> None:
        size = 12.0
        while size > 7.0 and sum(longest_words(t, size)) + 8.0 * t.ncols > _SLIDE_W - 80:
            size -= 0.5
        widths = autofit_widths(t, size, 8.0, _SLIDE_W - 80)
        numeric = [numeric_column(t, j) for j in range(t.ncols)]
        lead = size * 1.2 + 4.5

        def height(r: int) -> float:
            return max(wrapped_lines(c, widths[j] - 8, size, r < t.nhead) for j, c in enumerate(t.rows[r])) * lead

        def row_html(r: int) -> str:
            cells = []
            for j, cell in enumerate(t.rows[r]):
                text = html.escape(cell)
                if r < t.nhead:
                    cells.append(f"<th>{text}</th>")
                    continue
                fill = rag_fill(cell)
                style = f' style="background:#{fill}"' if fill and j else ""
                num = ' class="num"' if numeric[j] and is_numeric(cell) else ""
                cells.append(f"<td{num}{style}>{text}</td>")
            return "<tr>" + "".join(cells) + "</tr>"

        head = [row_html(r) for r in range(t.nhead)]
        head_h = sum(height(r) for r in range(t.nhead))
        cols = "".join(f'<col style="width:{w:.1f}pt">' for w in widths)
        body: list[str] = []
        h = head_h
        part = 0

        def emit() -> None:
            nonlocal part
            name = title if not part else f"{title} (continued)"
            table_html = f'<table style="font-size:{size}pt"><colgroup>{cols}</colgroup>' + "".join(head + body)
            slides.append((name, table_html + "</table>"))
            part += 1

        for r in range(t.nhead, len(t.rows)):
            if body and h + height(r) > room:
                emit()
                body, h = [], head_h
            body.append(row_html(r))
            h += height(r)
        if body or not part:
            emit()

    pending: str | None = None  # a short prose line just before a table becomes its slide's title
    for kind, value in blocks:
        if kind == "table":
            title = heading
            if pending is not None:
                bullets.pop()
                title = pending
            flush()
            table(value, title)  # type: ignore[arg-type]
            pending = None
            continue
        if kind == "blank":
            continue
        text = str(value).strip()
        if text == deck and not slides and not bullets:
            continue  # the deck's title is the first slide's title
        lines = wrapped_lines(text, _SLIDE_W - 80 - 22, 15)
        if used + lines * 19.5 > room:
            flush()
        bullets.append(html.escape(text))
        used += lines * 19.5 + 2
        pending = text if len(text) <= 80 else None
    flush()
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">']
    parts.append(f"<title>{html.escape(deck)}</title><style>{_SLIDES_CSS}</style></head><body>")
    for n, (title, body) in enumerate(slides, 1):
        parts.append(
            f'<section class="slide"><h1>{html.escape(title)}</h1>'
            f'{body}<div class="foot">{html.escape(deck)}<span class="n">{n}</span></div></section>'
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# rotated-landscape: landscape pages stored as portrait pages turned by /Rotate 90


def build_rotated(text: str, out: Path) -> Path:
    from reportlab.lib.pagesizes import A4, landscape

    import pdf_render
    from pdf_render import RenderStyle

    style = RenderStyle(
        "rotated",
        landscape(A4),
        "Helvetica",
        7.5,
        rules="grid",
        bold_font="Helvetica-Bold",
        margin=32,
        pad_x=3.0,
        pad_y=2.0,
        max_col_width=210,
        numbers_right=True,
        header_wraps=True,
    )

    class RotatedFlow(pdf_render._Flow):
        """Lays a landscape page out as usual, on a portrait page whose content is turned a
        quarter and which tells viewers to show it turned back (/Rotate 90)."""

        def __init__(self, path: Path, style: RenderStyle) -> None:
            super().__init__(path, style)  # (reportlab writes a /Rotate 90 page's MediaBox turned: portrait)
            self._turn()

        def _turn(self) -> None:
            # a displayed point (X, Y) of the landscape page is the portrait page's (A4 width - Y, X)
            self.c.setPageRotation(90)
            self.c.transform(0, 1, -1, 0, A4[0], 0)

        def new_page(self) -> None:
            super().new_page()
            self._turn()

    pdf_render._register_fonts()
    pdf_render._admit_missing_glyphs(text)
    flow = RotatedFlow(out, style)
    for kind, value in pdf_render.parse_blocks(text):
        if kind == "prose":
            flow.prose(value)  # type: ignore[arg-type]
        elif kind == "blank":
            flow.gap(style.prose_font_size * 0.6)
        else:
            flow.table(value)  # type: ignore[arg-type]
    flow.finish()
    return out
