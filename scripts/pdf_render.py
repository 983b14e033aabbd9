"""Render the seed text exports as PDFs, in several layouts, for tests of the PDF readers.

The seeds exist only as text: a line holding tabs is a table row (one cell per tab-separated
field, empty cells kept in their column), any other line is prose. ``render_text_to_pdf`` lays
that text out with reportlab in one of ``STYLES`` so that no parser comes to depend on one
rendering's coordinates. Guarantees:

* every character of the input goes into the text layer, in input order (prose line by line,
  table rows top to bottom, cells left to right, a wrapped cell's lines top to bottom), and
  nothing else does: no page numbers, headers or footers. The only repetition is the header
  row(s) that the ``split`` style repeats on odd continuation pages;
* a table's header is its first row, or its first two or three rows when the first number only
  comes after them (Devon's two-row header); styles may set it bold, wrap it, repeat it;
* markup in the text (``#``, ``**``, ``<b>``, ``<a href=...>``) is drawn literally;
* characters the style's font cannot draw are drawn with the bundled Vera TrueType font; where
  Vera has no glyph either (arrows, geometric shapes, Cyrillic, emoji) the character is still
  written, through Vera's .notdef glyph (an empty box) with a ToUnicode entry, so pdfplumber and
  pdfium give the character back (reportlab alone would write a dingbat code or code 0);
* output is deterministic: the same text and style give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
TTF_REGULAR = "ExtractRenderVera"
TTF_BOLD = "ExtractRenderVera-Bold"
_TTF_FILES = {TTF_REGULAR: "Vera.ttf", TTF_BOLD: "VeraBd.ttf"}
_TTF_NATIVE: dict[str, frozenset[int]] = {}  # code points each bundled TTF really has a glyph for

_NUMERIC = re.compile(r"^[(+\-−]?[£$]?\d[\d,]*(?:\.\d+)?%?\)?$")


@dataclass(frozen=True)
class RenderStyle:
    name: str
    pagesize: tuple[float, float]
    font: str
    font_size: float
    rules: str = "grid"  # "grid" (every cell boxed), "horizontal" (row rules only) or "none"
    bold_font: str | None = None  # font of a table's header rows; None: same as ``font``
    margin: float = 36.0
    pad_x: float = 2.5  # cell padding; two of these separate the text of neighbouring cells
    pad_y: float = 1.5
    max_col_width: float = 170.0  # cap on a column's content-derived width
    min_font_size: float = 4.5  # tables shrink their font down to this before breaking words
    min_cap: float = 80.0  # shrink the font rather than squeeze wide columns below this width
    name_col_width: float | None = None  # force the first long text column to this width
    numbers_right: bool = False  # right-align numeric cells
    header_wraps: bool = False  # size columns by the body rows; header cells wrap word by word
    split_rows: int | None = None  # force a page break after this many body rows of a table
    repeat_header_odd: bool = False  # repeat the header rows on odd continuation pages (1st, 3rd, ...)
    prose_size: float | None = None  # prose font size; None: font_size + 1
    leading: float = 1.22  # line height as a multiple of the font size

    @property
    def prose_font_size(self) -> float:
        return self.prose_size if self.prose_size is not None else self.font_size + 1


STYLES: dict[str, RenderStyle] = {
    s.name: s
    for s in (
        RenderStyle("ruled", A4, "Helvetica", 7.0, rules="grid", margin=36, max_col_width=170, header_wraps=True),
        RenderStyle(
            "unruled",
            A4,
            "Times-Roman",
            8.0,
            rules="none",
            margin=50,
            pad_x=4.0,
            pad_y=1.0,
            max_col_width=230,
            numbers_right=True,
            prose_size=9.5,
        ),
        RenderStyle(
            "landscape",
            landscape(A4),
            TTF_REGULAR,
            7.5,
            rules="horizontal",
            bold_font=TTF_BOLD,
            margin=30,
            pad_x=3.0,
            pad_y=2.0,
            max_col_width=200,
            numbers_right=True,
        ),
        RenderStyle("wrapped", A4, "Helvetica", 7.0, rules="grid", margin=36, name_col_width=110, header_wraps=True),
        RenderStyle(
            "split",
            A4,
            "Helvetica",
            7.0,
            rules="grid",
            margin=36,
            max_col_width=170,
            header_wraps=True,
            split_rows=5,
            repeat_header_odd=True,
        ),
    )
}


# --------------------------------------------------------------------------------------------
# Input structure


def parse_blocks(text: str) -> list[tuple[str, object]]:
    """Split text into blocks: ("prose", line), ("blank", None) and ("table", rows).

    Consecutive tab lines form a table; a blank line or a line without tabs ends it. Cells are
    stripped of surrounding whitespace only; empty cells are kept in place.
    """
    blocks: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if line.strip():
            blocks.append(("prose", line.rstrip()))
        elif not blocks or blocks[-1][0] != "blank":
            blocks.append(("blank", None))
    if rows:
        blocks.append(("table", rows))
    return blocks


def tables_in(text: str) -> list[list[list[str]]]:
    """The tables of ``text`` as lists of rows of cells (as the renderer groups them)."""
    return [rows for kind, rows in parse_blocks(text) if kind == "table"]  # type: ignore[misc]


def is_numeric(cell: str) -> bool:
    return bool(_NUMERIC.match(cell))


def header_rows(rows: list[list[str]]) -> int:
    """How many leading rows form the table's header: the rows before the first row holding a
    number, when that is 1 to 3 rows; otherwise just the first row."""
    for r, row in enumerate(rows[:4]):
        if any(is_numeric(cell) for cell in row):
            return r if r >= 1 else 1
    return 1


# --------------------------------------------------------------------------------------------
# Fonts and text runs


def _register_fonts() -> None:
    for name, filename in _TTF_FILES.items():
        if name in _TTF_NATIVE:
            continue
        font = TTFont(name, str(FONT_DIR / filename))
        _TTF_NATIVE[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFont(font)


def _admit_missing_glyphs(text: str) -> None:
    """Let the bundled TTFs write characters they have no glyph for.

    reportlab maps such characters to code 0, which loses them from the text layer. Mapping
    them to glyph 0 (.notdef) instead gives each its own code and ToUnicode entry: drawn as
    an empty box, extracted as the original character.
    """
    for name in _TTF_FILES:
        face = pdfmetrics.getFont(name).face
        for ch in set(text):
            if ord(ch) not in face.charToGlyph and ch not in "\n\t":
                face.charToGlyph[ord(ch)] = 0


@cache
def _native(font: str, ch: str) -> bool:
    if font in _TTF_NATIVE:
        return ord(ch) in _TTF_NATIVE[font]
    try:
        ch.encode(pdfmetrics.getFont(font).encName)
    except UnicodeEncodeError:
        return False
    return True


def _fallback(font: str) -> str:
    return TTF_BOLD if font in (TTF_BOLD, "Helvetica-Bold", "Times-Bold") else TTF_REGULAR


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """(font, text) pieces: the font where it can encode the character, else the TTF fallback."""
    runs: list[tuple[str, str]] = []
    fallback = _fallback(font)
    for ch in text:
        f = font if ch == " " or _native(font, ch) else fallback
        if runs and runs[-1][0] == f:
            runs[-1] = (f, runs[-1][1] + ch)
        else:
            runs.append((f, ch))
    return runs


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(s, f, size) for f, s in _runs(text, font))


def _draw_text(c: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    t = c.beginText(x, y)
    for f, s in _runs(text, font):
        t.setFont(f, size)
        t.textOut(s)
    c.drawText(t)


def wrap_text(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy word wrap; words wider than ``width`` are broken between characters."""
    width += 1e-6  # a column sized to its longest word must hold it despite float rounding
    if text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for sep, word in re.findall(r"( *)([^ ]+)", text):
        candidate = f"{line}{sep}{word}" if line else word
        if text_width(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        while text_width(word, font, size) > width:
            cut = 1
            while cut < len(word) and text_width(word[: cut + 1], font, size) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or [""]


# --------------------------------------------------------------------------------------------
# Column widths


def _name_column(rows: list[list[str]], ncols: int) -> int | None:
    """The first long text column: mostly non-numeric, and nearly as wide as the widest."""
    lengths = [0] * ncols
    textual = [0] * ncols
    for row in rows[1:] or rows:
        for j, cell in enumerate(row):
            if cell:
                lengths[j] = max(lengths[j], len(cell))
                textual[j] += 0 if is_numeric(cell) else 1
    longest = max(lengths, default=0)
    for j in range(ncols):
        if textual[j] and lengths[j] >= 0.6 * longest:
            return j
    return None


def _fit(
    natural: list[float], minimum: list[float], fixed: dict[int, float], avail: float
) -> tuple[list[float], float] | None:
    """Column widths within ``avail``, and the cap applied: natural widths if they fit (cap
    infinite), else the widest columns are capped at a common width (never below their minimum).
    None if even the minimums overflow."""
    free = [j for j in range(len(natural)) if j not in fixed]
    room = avail - sum(fixed.values())
    widths = list(natural)
    for j, w in fixed.items():
        widths[j] = w
    if sum(natural[j] for j in free) <= room:
        return widths, float("inf")
    if sum(minimum[j] for j in free) > room:
        return None
    lo, hi = 0.0, max(natural[j] for j in free)
    for _ in range(50):
        cap = (lo + hi) / 2
        if sum(max(minimum[j], min(natural[j], cap)) for j in free) > room:
            hi = cap
        else:
            lo = cap
    for j in free:
        widths[j] = max(minimum[j], min(natural[j], lo))
    return widths, lo


def _column_widths(rows: list[list[str]], ncols: int, style: RenderStyle, avail: float) -> tuple[list[float], float]:
    """Content-derived column widths and the font size at which the table fits ``avail``."""
    name_col = _name_column(rows, ncols) if style.name_col_width else None
    fixed = {name_col: style.name_col_width} if name_col is not None and style.name_col_width else {}
    nhead = header_rows(rows)
    size = style.font_size
    while True:
        natural = [2 * style.pad_x + 4.0] * ncols
        minimum = list(natural)
        for r, row in enumerate(rows):
            font = _row_font(style, r, nhead)
            for j, cell in enumerate(row):
                if not cell:
                    continue
                pad = 2 * style.pad_x
                longest_word = max(text_width(w, font, size) for w in cell.split())
                minimum[j] = max(minimum[j], longest_word + pad)
                if r < nhead and style.header_wraps and len(rows) > nhead:
                    # the header cell wraps word by word: it only asks for its longest word
                    natural[j] = max(natural[j], min(style.max_col_width, longest_word + pad))
                else:
                    natural[j] = max(natural[j], min(style.max_col_width, text_width(cell, font, size) + pad))
        minimum = [min(m, n) for m, n in zip(minimum, natural, strict=True)]
        fitted = _fit(natural, minimum, fixed, avail)
        last_size = size - 0.5 < style.min_font_size
        if fitted is not None and (fitted[1] >= style.min_cap or last_size):
            return fitted[0], size
        if last_size:
            break
        size -= 0.5
    # Still too wide at the smallest size: share the room in proportion to the minimums and
    # let words break between characters.
    room = avail - sum(fixed.values())
    total = sum(m for j, m in enumerate(minimum) if j not in fixed)
    return [fixed.get(j, m * room / total) for j, m in enumerate(minimum)], size


def _row_font(style: RenderStyle, r: int, nhead: int) -> str:
    return style.bold_font if r < nhead and style.bold_font else style.font


# --------------------------------------------------------------------------------------------
# Page flow


class _Flow:
    def __init__(self, out: Path, style: RenderStyle):
        self.style = style
        self.c = Canvas(str(out), pagesize=style.pagesize, invariant=1)
        self.width, self.height = style.pagesize
        self.left = style.margin
        self.avail = self.width - 2 * style.margin
        self.top = self.height - style.margin
        self.bottom = style.margin
        self.y = self.top
        self.page_used = False
        self.pages = 0

    def new_page(self) -> None:
        self.c.showPage()
        self.pages += 1
        self.y = self.top
        self.page_used = False

    def gap(self, h: float) -> None:
        if self.page_used:
            self.y -= h

    def prose(self, line: str) -> None:
        s = self.style
        size = s.prose_font_size
        leading = size * s.leading
        text = line.lstrip(" ")
        indent = min(len(line) - len(text), 8) * pdfmetrics.stringWidth(" ", s.font, size)
        for part in wrap_text(text, self.avail - indent, s.font, size):
            if self.y - leading < self.bottom and self.page_used:
                self.new_page()
            _draw_text(self.c, self.left + indent, self.y - 0.9 * size, part, s.font, size)
            self.y -= leading
            self.page_used = True

    def table(self, rows: list[list[str]]) -> None:
        s = self.style
        ncols = max(len(row) for row in rows)
        nhead = header_rows(rows)
        widths, size = _column_widths(rows, ncols, s, self.avail)
        leading = size * s.leading
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)
        cells = [
            [
                wrap_text(cell, widths[j] - 2 * s.pad_x, _row_font(s, r, nhead), size) if cell else []
                for j, cell in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
        heights = [max(1, *(len(lines) for lines in row)) * leading + 2 * s.pad_y for row in cells]

        segment: list[float] = []  # row boundaries (y) drawn on the current page

        def close_segment() -> None:
            if segment:
                self._rules(xs, segment)
                segment.clear()

        def draw_row(r: int) -> None:
            if not segment:
                segment.append(self.y)
            font = _row_font(s, r, nhead)
            for j, lines in enumerate(cells[r]):
                for k, line in enumerate(lines):
                    baseline = self.y - s.pad_y - 0.9 * size - k * leading
                    if s.numbers_right and is_numeric(rows[r][j]):
                        x = xs[j + 1] - s.pad_x - text_width(line, font, size)
                    else:
                        x = xs[j] + s.pad_x
                    _draw_text(self.c, x, baseline, line, font, size)
            self.y -= heights[r]
            segment.append(self.y)
            self.page_used = True

        self.gap(leading * 0.5)
        continuation = body = 0
        for r in range(len(rows)):
            forced = s.split_rows is not None and r >= nhead and body >= s.split_rows
            if forced or (self.y - heights[r] < self.bottom and self.page_used):
                close_segment()
                self.new_page()
                continuation += 1
                body = 0
                if s.repeat_header_odd and continuation % 2 == 1 and r >= nhead:
                    for h in range(nhead):
                        draw_row(h)
            draw_row(r)
            if r >= nhead:
                body += 1
        close_segment()
        self.gap(leading * 0.5)

    def _rules(self, xs: list[float], ys: list[float]) -> None:
        rules = self.style.rules
        if rules == "none":
            return
        c = self.c
        c.setLineWidth(0.5)
        for y in ys:
            c.line(xs[0], y, xs[-1], y)
        if rules == "grid":
            for x in xs:
                c.line(x, ys[0], x, ys[-1])

    def finish(self) -> None:
        if self.page_used or self.pages == 0:
            self.c.showPage()
        self.c.save()


def render_text_to_pdf(text: str, out: Path, style: str) -> Path:
    """Lay ``text`` out as a PDF at ``out`` in the named style (see ``STYLES``); returns ``out``."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    _register_fonts()
    _admit_missing_glyphs(text)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    flow = _Flow(out, STYLES[style])
    for kind, value in parse_blocks(text):
        if kind == "prose":
            flow.prose(value)  # type: ignore[arg-type]
        elif kind == "blank":
            flow.gap(flow.style.prose_font_size * 0.6)
        else:
            flow.table(value)  # type: ignore[arg-type]
    flow.finish()
    return out
