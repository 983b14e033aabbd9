"""Render the five seed papers as PDFs the way councils make them: from Word, Excel and HTML.

    python scripts/render_council_pdfs.py [--case CASE ...] [--rendering NAME ...] [--keep DIR]

Writes tests/renderings/<case>/<rendering>.pdf for every case folder of tests/cases that holds
an ``input.txt`` (a seed paper, the same text as one of corpus/*.txt), and checks that every
non-blank character of the seed is in the PDF's text layer. Needs the ``render`` extra
(python-docx, openpyxl; reportlab, from the ``test`` extra, gives the Arial metrics the column
widths are worked out with), LibreOffice (``soffice``) and Chromium. Not run in CI: the PDFs
are committed as test fixtures.

The seeds are text: a line holding tabs is a table row (one cell per tab-separated field, empty
fields are empty cells that keep their column), any other line is prose. A table's header is
its first row, or its first two or three rows when the first number only comes after them.
Each rendering imitates one way an officer turns a paper into the PDF that gets published:

* ``docx-ruled``: a Word report (A4 portrait, Arial 8-9pt) with "Table Grid" tables: every
  cell bordered, text vertically centred, header row shaded blue and set to repeat at the top
  of each page, RAG/status cells (Red/Amber/Green, R/A/G, symbols, arrows) filled in their
  colour, columns as Word's AutoFit-to-contents leaves them (long names and comments wrap
  over several lines); saved as PDF by LibreOffice Writer.
* ``docx-landscape-narrow``: a landscape Word report whose tables keep narrow fixed column
  widths from an old template, so almost every cell wraps (names over several lines,
  ``At Sep 23`` as ``At Sep`` / ``23``, ``86.5%`` as ``86.5`` / ``%``, headers over two or
  three lines); vertically centred, header shaded grey, header NOT repeated, rows allowed to
  break, so a long table runs on to the next page without its header.
* ``docx-unruled``: a Word report with borderless tables (the "Normal Table" style) where only
  the header row is shaded; AutoFit widths, vertically centred, numbers right-aligned.
* ``xlsx``: an Excel workbook, one sheet per table with the prose before it in merged,
  wrapped cells above (a sheet of prose alone for text after the last table): narrow columns,
  wrap text and vertical centre on every cell, thin borders, header fill, numbers typed as
  numbers with formats that show them as in the paper, landscape, fit to one page wide,
  header rows set as print titles; saved as PDF by LibreOffice Calc.
* ``html-chromium``: a web page (the HTML a committee system publishes) with collapsed
  borders, ``vertical-align: middle``, shaded ``th`` cells in a ``thead`` (repeated by the
  browser on each page), narrow fixed columns; printed to A4 by headless Chromium without
  its own header and footer.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
CORPUS = ROOT / "corpus"
OUT = ROOT / "tests" / "renderings"

RENDERINGS = ("docx-ruled", "docx-landscape-narrow", "docx-unruled", "xlsx", "html-chromium")

_NUMERIC = re.compile(r"^[(+\-−]?[£$]?\d[\d,]*(?:\.\d+)?%?\)?$")

# Fill colours (hex RGB) as officers pick them from Office's standard palette
RED, AMBER, GREEN, GREY = "FF7C80", "FFC000", "92D050", "D9D9D9"
_RAG_WORDS = {"red": RED, "r": RED, "amber": AMBER, "a": AMBER, "green": GREEN, "g": GREEN}
_RAG_WORDS |= {"red/amber": AMBER, "amber/green": GREEN, "ra": AMBER, "ag": GREEN}
_RAG_SYMBOLS = {
    "★": GREEN, "▲": RED, "●": AMBER, "▬": AMBER, "■": AMBER, "▼": RED, "◆": AMBER,
    "↑": GREEN, "⬆": GREEN, "↗": GREEN, "↓": RED, "⬇": RED, "↘": RED, "→": AMBER, "↔": AMBER, "⬌": AMBER,
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# The seeds and their structure


@dataclass(frozen=True)
class Seed:
    case: str  # the tests/cases folder
    text: str
    corpus_name: str  # the corpus file holding the same text


def seeds() -> list[Seed]:
    """Every case folder with an input.txt, paired with the corpus file of the same content."""
    corpus = {p.read_bytes(): p.name for p in sorted(CORPUS.glob("*.txt"))}
    out = []
    for source in sorted(CASES.glob("*/input.txt")):
        data = source.read_bytes()
        if data not in corpus:
            raise SystemExit(f"{source} matches no file in {CORPUS}")
        out.append(Seed(source.parent.name, data.decode("utf-8"), corpus[data]))
    return out


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]  # every row padded to the same number of cells

    @property
    def ncols(self) -> int:
        return len(self.rows[0])

    @property
    def nhead(self) -> int:
        """The header rows: those before the first row holding a number (1 to 3), else 1."""
        for r, row in enumerate(self.rows[:4]):
            if any(is_numeric(cell) for cell in row):
                return max(r, 1)
        return 1

    def column(self, j: int, body: bool = True) -> list[str]:
        rows = self.rows[self.nhead :] if body and len(self.rows) > self.nhead else self.rows
        return [row[j] for row in rows]


Block = tuple[str, "str | Table | None"]  # ("prose", line), ("blank", None), ("table", Table)


def parse_blocks(text: str) -> list[Block]:
    """Prose lines, blank runs and tables (consecutive tab lines), in order."""
    blocks: list[Block] = []
    rows: list[list[str]] = []

    def close() -> None:
        if rows:
            width = max(len(r) for r in rows)
            blocks.append(("table", Table([r + [""] * (width - len(r)) for r in rows])))
            rows.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        close()
        if line.strip():
            blocks.append(("prose", line.rstrip()))
        elif not blocks or blocks[-1][0] != "blank":
            blocks.append(("blank", None))
    close()
    return blocks


def is_numeric(cell: str) -> bool:
    return bool(_NUMERIC.match(cell))


def rag_fill(cell: str) -> str | None:
    """The fill an officer gives a RAG/status cell: a RAG word or letter, or a status symbol."""
    text = cell.replace("\ufe0f", "").strip()
    if not text:
        return None
    if text.lower() in _RAG_WORDS:
        return _RAG_WORDS[text.lower()]
    if len(text) <= 2 and all(ch in _RAG_SYMBOLS for ch in text):
        return _RAG_SYMBOLS[text[0]]
    return None


def numeric_column(table: Table, j: int) -> bool:
    cells = [c for c in table.column(j) if c]
    return bool(cells) and sum(is_numeric(c) for c in cells) >= 0.6 * len(cells)


def name_column(table: Table) -> int | None:
    """The first long text column (the indicator names): textual and nearly the widest."""
    lengths = [max((len(c) for c in table.column(j)), default=0) for j in range(table.ncols)]
    longest = max(lengths, default=0)
    for j in range(table.ncols):
        if lengths[j] >= 0.6 * longest and lengths[j] > 0 and not numeric_column(table, j):
            return j
    return None


# --------------------------------------------------------------------------------------------
# Arial metrics (Helvetica's, which Arial and Liberation Sans share) and column widths


def text_width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size)


def word_width(text: str, size: float, bold: bool = False) -> float:
    return max((text_width(w, size, bold) for w in text.split()), default=0.0)


def wrapped_lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines greedy word wrap takes for ``text`` in ``width`` pt (long words broken)."""
    lines, line = 0, 0.0
    space = text_width(" ", size, bold)
    for word in text.split():
        w = text_width(word, size, bold)
        if line and line + space + w <= width:
            line += space + w
            continue
        if line:
            lines += 1
        while w > width:  # a word wider than the cell breaks between characters
            lines += 1
            w -= width
        line = w
    return lines + (line > 0) or 1


def longest_words(table: Table, size: float) -> list[float]:
    """Each column's longest word (pt), set bold (as in the header) to be safe."""
    return [max(word_width(c, size, True) for c in table.column(j, body=False)) for j in range(table.ncols)]


def autofit_widths(table: Table, size: float, pad: float, avail: float, min_width: float = 14.0) -> list[float]:
    """Column widths (pt) as Word's AutoFit to contents leaves them: every column as wide as its
    widest line if the table fits; else each column keeps its longest word (where those leave
    too little room, the longest words give way and break) and the rest of the room goes in
    proportion to how much more each column would like."""
    lo = [min_width] * table.ncols
    hi = [min_width] * table.ncols
    for r, row in enumerate(table.rows):
        bold = r < table.nhead
        for j, cell in enumerate(row):
            if cell:
                lo[j] = max(lo[j], word_width(cell, size, bold) + pad + 2)
                hi[j] = max(hi[j], text_width(cell, size, bold) + pad + 2)
    if sum(hi) <= avail:
        return hi
    if sum(lo) > avail:
        low, high = min_width, max(lo)
        for _ in range(40):  # the cap on the longest words that leaves a fifth of the room over
            cap = (low + high) / 2
            low, high = (cap, high) if sum(min(w, cap) for w in lo) <= 0.8 * avail else (low, cap)
        lo = [min(w, low) for w in lo]
    extra = avail - sum(lo)
    want = sum(h - m for h, m in zip(hi, lo, strict=True))
    return [m + extra * (h - m) / want for h, m in zip(hi, lo, strict=True)]


def narrow_widths(table: Table, size: float, pad: float, avail: float, fit_numbers: bool = False) -> list[float]:
    """Fixed narrow widths (pt) from a template: 2.6 cm for the names, 3.2 cm for comment-like
    columns, 1.5 cm for other text, 0.98 cm for numbers (or, with ``fit_numbers``, the widest
    number's width), 0.6 cm for symbol columns; never wider than the column's widest line."""
    cm = 72 / 2.54
    names = name_column(table)
    widths = []
    for j in range(table.ncols):
        cells = table.column(j, body=False)
        longest = max((len(c) for c in cells), default=0)
        natural = max((text_width(c, size, r < table.nhead) for r, c in enumerate(cells)), default=0) + pad + 2
        if j == names:
            cap = 2.6 * cm
        elif longest <= 2:
            cap = 0.6 * cm
        elif numeric_column(table, j):
            numbers = [text_width(c, size) + pad + 2 for c in table.column(j) if is_numeric(c)]
            cap = max(numbers, default=0) if fit_numbers else 0.98 * cm
        elif longest > 40:
            cap = 3.2 * cm
        else:
            cap = 1.5 * cm
        widths.append(max(0.6 * cm, min(natural, cap)))
    if sum(widths) > avail:
        widths = [w * avail / sum(widths) for w in widths]
    return widths


# --------------------------------------------------------------------------------------------
# Word (python-docx), saved as PDF by LibreOffice Writer


@dataclass(frozen=True)
class DocxStyle:
    landscape: bool
    margin_cm: float
    prose_pt: float
    table_pt: float
    borders: bool
    header_fill: str
    repeat_header: bool
    fixed_narrow: bool
    numbers: str  # "center" or "right"
    cell_margin_cm: float = 0.19  # Word's default left/right cell margin


DOCX_STYLES = {
    "docx-ruled": DocxStyle(False, 2.0, 9.5, 8.0, True, "BDD7EE", True, False, "center"),
    "docx-landscape-narrow": DocxStyle(True, 1.27, 9.0, 8.0, True, GREY, False, True, "center", 0.1),
    "docx-unruled": DocxStyle(False, 2.54, 10.0, 8.5, False, GREY, False, False, "right"),
}


def build_docx(blocks: list[Block], style: DocxStyle, out: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    doc.core_properties.author = "Performance and Intelligence Team"
    doc.core_properties.title = next((str(v).strip() for k, v in blocks if k == "prose"), "")
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if style.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(style.margin_cm))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(style.prose_pt)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(4)
    avail = (section.page_width - section.left_margin - section.right_margin) / 12700  # EMU to pt
    pad = 2 * style.cell_margin_cm * 72 / 2.54

    def shade(cell, fill: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)

    def add_table(table: Table) -> None:
        size = style.table_pt
        if style.fixed_narrow:
            widths = narrow_widths(table, size, pad, avail)
        else:
            # officers shrink a wide table's font before letting words break
            while size > 6.5 and sum(longest_words(table, size)) + pad * table.ncols > avail:
                size -= 0.5
            widths = autofit_widths(table, size, pad, avail)
        t = doc.add_table(rows=len(table.rows), cols=table.ncols)
        if style.borders:
            t.style = doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.LEFT
        t.autofit = not style.fixed_narrow
        tbl_pr = t._tbl.tblPr
        if style.cell_margin_cm != 0.19:
            mar = OxmlElement("w:tblCellMar")
            for side in ("left", "right"):
                el = OxmlElement(f"w:{side}")
                el.set(qn("w:w"), str(round(style.cell_margin_cm * 567)))
                el.set(qn("w:type"), "dxa")
                mar.append(el)
            tbl_pr.append(mar)
        for j, w in enumerate(widths):
            t.columns[j].width = Pt(w)
        numeric = [numeric_column(table, j) for j in range(table.ncols)]
        for r, (row, values) in enumerate(zip(t.rows, table.rows, strict=True)):
            head = r < table.nhead
            if head and style.repeat_header:
                mark = OxmlElement("w:tblHeader")
                mark.set(qn("w:val"), "true")
                row._tr.get_or_add_trPr().append(mark)
            for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Pt(widths[j])
                fill = style.header_fill if head else rag_fill(value)
                if fill:
                    shade(cell, fill)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.space_before = Pt(0)
                if head or rag_fill(value):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif numeric[j] and is_numeric(value):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if style.numbers == "center" else WD_ALIGN_PARAGRAPH.RIGHT
                if value:
                    run = p.add_run(value)
                    run.font.size = Pt(size)
                    run.bold = head

    add_blocks(doc, blocks, add_table)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


# --------------------------------------------------------------------------------------------
# Excel (openpyxl), saved as PDF by LibreOffice Calc

_PLAIN = re.compile(r"^-?\d+(?:\.(\d+))?$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$")
_PERCENT = re.compile(r"^-?\d+(?:\.(\d+))?%$")


def excel_number(cell: str) -> tuple[float, str] | None:
    """A typed number and the format that shows it exactly as written, or None (keep as text)."""
    digits = cell.lstrip("-")
    if digits[:1] == "0" and digits[1:2].isdigit():
        return None  # a leading zero is a code, not a number
    for pattern, fmt in ((_PLAIN, "0"), (_THOUSANDS, "#,##0"), (_PERCENT, "0")):
        m = pattern.match(cell)
        if not m:
            continue
        decimals = m.group(1) or ""
        fmt += "." + "0" * len(decimals) if decimals else ""
        if pattern is _PERCENT:
            return float(cell[:-1]) / 100, fmt + "%"
        return float(cell.replace(",", "")), fmt
    return None


def row_height(lines: list[int]) -> float:
    """A row's height (pt) for cells of Arial 9 taking these many lines."""
    return 12.0 * max(lines, default=1) + 1.0


def build_xlsx(blocks: list[Block], out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Performance and Intelligence Team"
    # the workbook's default font (which sets the unit of column widths), as in Arial 10 templates
    wb._fonts = IndexedList([Font(name="Arial", size=10, family=2)])
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name="Arial", size=9), Font(name="Arial", size=9, bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap_left = Alignment(wrap_text=True, vertical="center", horizontal="left")
    wrap_centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap_right = Alignment(wrap_text=True, vertical="center", horizontal="right")

    # one sheet per table, holding the prose before it; prose after the last table gets its own
    chunks: list[tuple[list[str | None], Table | None]] = []
    prose: list[str | None] = []
    for kind, value in blocks:
        if kind == "table":
            chunks.append((prose, value))  # type: ignore[arg-type]
            prose = []
        else:
            prose.append(value)  # type: ignore[arg-type]
    if any(prose) or not chunks:
        chunks.append((prose, None))

    for n, (lines, table) in enumerate(chunks, 1):
        ws = wb.create_sheet(f"Table {n}" if table else "Notes")
        ncols = max(table.ncols if table else 0, 8)
        widths = [9.0] * ncols  # Excel's units: about the width of a "0"
        if table:
            names = name_column(table)
            for j in range(table.ncols):
                longest = max((len(c) for c in table.column(j, body=False)), default=0)
                if j == names:
                    cap = 30
                elif numeric_column(table, j):
                    cap = 7
                else:
                    cap = 18 if longest > 40 else 10
                widths[j] = float(max(4, min(longest + 1, cap)))
        for j, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(j + 1)].width = w
        widths_pt = [(w * 7 + 5) * 0.75 for w in widths]  # Excel's units (Arial 10 digits) to px to pt
        span_pt = sum(widths_pt) - 6  # merged prose cells, less padding
        row = 1
        for line in lines:
            if line is None:
                ws.row_dimensions[row].height = 6
            else:
                cell = ws.cell(row=row, column=1, value=line.strip())
                cell.font, cell.alignment = font, wrap_left
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
                # Excel saves the height AutoFit gives a row; Calc would not grow it on opening
                ws.row_dimensions[row].height = row_height([wrapped_lines(line.strip(), span_pt * 0.95, 9)])
            row += 1
        if table:
            first = row
            numeric = [numeric_column(table, j) for j in range(table.ncols)]
            for r, values in enumerate(table.rows):
                head = r < table.nhead
                for j, value in enumerate(values):
                    cell = ws.cell(row=row, column=j + 1)
                    number = None if head else excel_number(value)
                    if number is not None:
                        cell.value, cell.number_format = number
                    elif value:
                        cell.value = value
                        cell.data_type = "s"  # keep "1 - 6", "=..." and the like as text
                    cell.border = border
                    cell.font = bold if head else font
                    rag = None if head else rag_fill(value)
                    if head or rag:
                        cell.fill = header_fill if head else PatternFill("solid", fgColor=rag)
                    if head or rag_fill(value):
                        cell.alignment = wrap_centre
                    elif numeric[j] and number is not None:
                        cell.alignment = wrap_right
                    else:
                        cell.alignment = wrap_left
                ws.row_dimensions[row].height = row_height(
                    [wrapped_lines(v, widths_pt[j] * 0.95 - 6, 9, head) for j, v in enumerate(values) if v]
                )
                row += 1
            ws.print_title_rows = f"{first}:{first + table.nhead - 1}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(out))
    return out


# --------------------------------------------------------------------------------------------
# HTML, printed by headless Chromium

_CSS = """
@page { size: A4; margin: 15mm 14mm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 9.5pt; margin: 0; overflow-wrap: break-word; }
p { margin: 0 0 3pt 0; }
.gap { height: 6pt; }
table { border-collapse: collapse; margin: 4pt 0 8pt 0; font-size: 8pt; table-layout: fixed; }
th, td { border: 1px solid #8c8c8c; vertical-align: middle; padding: 2px 3px; overflow-wrap: anywhere; }
th { background: #d9e2f3; font-weight: bold; text-align: center; }
td.num { text-align: center; }
tr { break-inside: avoid; }
"""


def build_html(blocks: list[Block], title: str) -> str:
    avail = (210 - 28) / 25.4 * 72
    parts = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>']
    parts.append(f"<style>{_CSS}</style></head><body>")
    for kind, value in blocks:
        if kind == "prose":
            parts.append(f"<p>{html.escape(str(value).strip())}</p>")
        elif kind == "blank":
            parts.append('<div class="gap"></div>')
        else:
            table: Table = value  # type: ignore[assignment]
            widths = narrow_widths(table, 8.0, 6.0, avail, fit_numbers=True)
            if table.ncols <= 3:
                widths = [max(w, avail / 4) for w in widths]  # a short key table is given some room
            total = sum(widths)
            parts.append(f'<table style="width:{total:.0f}pt"><colgroup>')
            parts.extend(f'<col style="width:{w:.1f}pt">' for w in widths)
            parts.append("</colgroup>")
            numeric = [numeric_column(table, j) for j in range(table.ncols)]
            for r, row in enumerate(table.rows):
                head = r < table.nhead
                if r == 0:
                    parts.append("<thead>")
                if r == table.nhead:
                    parts.append("<tbody>")
                cells = []
                for j, cell in enumerate(row):
                    text = html.escape(cell)
                    if head:
                        cells.append(f"<th>{text}</th>")
                        continue
                    fill = rag_fill(cell)
                    attrs = f' style="background:#{fill};text-align:center"' if fill else ""
                    attrs += ' class="num"' if numeric[j] and is_numeric(cell) else ""
                    cells.append(f"<td{attrs}>{text}</td>")
                parts.append("<tr>" + "".join(cells) + "</tr>")
                if r == table.nhead - 1:
                    parts.append("</thead>")
            parts.append("</tbody></table>" if len(table.rows) > table.nhead else "</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# Converters


def soffice_to_pdf(sources: list[Path], outdir: Path, profile: Path) -> None:
    """Convert documents to PDF with headless LibreOffice (Writer for .docx, Calc for .xlsx)."""
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def chromium_to_pdf(page: Path, out: Path, profile: Path) -> None:
    cmd = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)


# --------------------------------------------------------------------------------------------
# Checks


def pdf_text(pdf: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    return "\n".join(pages), len(pages)


def missing_characters(seed_text: str, pdf: Path) -> Counter[str]:
    """Non-blank characters of the seed that the PDF's text layer has fewer of."""
    text, _ = pdf_text(pdf)
    want = Counter(ch for ch in seed_text if not ch.isspace())
    # pdfium gives a hyphen that ends a line as U+FFFE (its mark for a soft hyphen)
    have = Counter("-" if ch == "\ufffe" else ch for ch in text if not ch.isspace())
    return want - have


# --------------------------------------------------------------------------------------------


def render_all(chosen_cases: list[Seed], renderings: list[str], keep: Path | None) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="render_council_") as tmp_name:
        tmp = Path(keep) if keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        office: list[tuple[Path, Path]] = []  # (source document, final pdf)
        for seed in chosen_cases:
            blocks = parse_blocks(seed.text)
            final = OUT / seed.case
            final.mkdir(parents=True, exist_ok=True)
            for rendering in renderings:
                stem = f"{seed.case}__{rendering}"
                if rendering in DOCX_STYLES:
                    office.append((build_docx(blocks, DOCX_STYLES[rendering], tmp / f"{stem}.docx"), final))
                elif rendering == "xlsx":
                    office.append((build_xlsx(blocks, tmp / f"{stem}.xlsx"), final))
                elif rendering == "html-chromium":
                    page = tmp / f"{stem}.html"
                    title = next((str(v).strip() for k, v in blocks if k == "prose"), "Report")
                    page.write_text(build_html(blocks, title), encoding="utf-8")
                    pdf = final / f"{rendering}.pdf"
                    chromium_to_pdf(page, pdf, tmp / "chromium-profile")
                    written.append(pdf)
        if office:
            soffice_to_pdf([src for src, _ in office], tmp, tmp / "lo-profile")
            for src, final in office:
                rendering = src.stem.split("__", 1)[1]
                pdf = final / f"{rendering}.pdf"
                shutil.move(tmp / f"{src.stem}.pdf", pdf)
                written.append(pdf)
    return written




def setup_docx(doc, landscape: bool, margin_cm: float, font: str, size_pt: float, space_after_pt: float) -> float:
    """Page size (A4), margins and the Normal style of a python-docx document; its width for text (pt)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    if landscape:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size_pt)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    normal.paragraph_format.space_after = Pt(space_after_pt)
    return (section.page_width - section.left_margin - section.right_margin) / 12700  # EMU to pt


def add_blocks(doc, blocks: list[tuple[str, object]], add_table: Callable[[object], None]) -> None:
    """Write a seed's blocks into a python-docx document: tables through `add_table`, prose as
    paragraphs, a blank paragraph between two tables and for a blank line after prose."""
    previous = None
    for kind, value in blocks:
        if kind == "table":
            if previous == "table":
                doc.add_paragraph()
            add_table(value)
        elif kind == "prose":
            doc.add_paragraph(value)  # type: ignore[arg-type]
        elif previous != "table":
            doc.add_paragraph()
        previous = kind

def report_rendered(pdfs: Iterable[Path], by_case: dict[str, Seed]) -> int:
    """Print each rendered PDF with its pages, size and any seed characters its text layer lost;
    1 when a PDF lost some (the exit status of a render script), else 0."""
    bad = 0
    for pdf in sorted(pdfs):
        seed = by_case[pdf.parent.name]
        lost = missing_characters(seed.text, pdf)
        _, pages = pdf_text(pdf)
        note = "all text present" if not lost else f"MISSING {sum(lost.values())} chars: {dict(lost)}"
        bad += bool(lost)
        size = os.path.getsize(pdf) / 1024
        print(f"{pdf.relative_to(ROOT)}  ({seed.corpus_name}, {pages} pages, {size:.0f} KB) {note}")
    return 1 if bad else 0

def render_arguments(
    argv: list[str] | None, doc: str | None, renderings: Iterable[str], sources: str
) -> tuple[argparse.Namespace, list[Seed], list[str]]:
    """The render scripts' shared command line: (arguments, the seeds chosen, the renderings chosen)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--case", action="append", help="render only this case (repeatable)")
    parser.add_argument(
        "--rendering", action="append", choices=list(renderings), help="only this rendering (repeatable)"
    )
    parser.add_argument("--keep", type=Path, help=f"keep the {sources} sources in this folder")
    args = parser.parse_args(argv)
    chosen = [s for s in seeds() if not args.case or s.case in args.case]
    return args, chosen, args.rendering or list(renderings)


def main(argv: list[str] | None = None) -> int:
    args, chosen, renderings = render_arguments(argv, __doc__, RENDERINGS, ".docx/.xlsx/.html")
    for tool in ("soffice", "chromium"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install libreoffice-writer libreoffice-calc chromium")
    by_case = {s.case: s for s in chosen}
    return report_rendered(render_all(chosen, renderings, args.keep), by_case)


if __name__ == "__main__":
    sys.exit(main())
