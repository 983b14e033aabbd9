"""PDF input: pages of lines of positioned cells.

Every page is read with pypdfium2: its text layer and the rectangles of its text runs, which
give lines and cells with positions at several hundred pages a second. Every page is closed as
soon as it is read, so memory stays flat however long the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from extract.load import LoadError, relative_name, sha256_of
from extract.model import Cell, Document, Line, Page, normalise_space

# A gap between two text runs wider than this many glyph heights starts a new cell. Runs end
# with their trailing space, so prose runs meet with gaps under ~0.4; table columns in
# tightly padded 7pt tables are ~0.8 apart.
CELL_GAP_HEIGHTS = 0.6


def open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise LoadError("encrypted", "the PDF is encrypted and needs a password") from exc
        raise LoadError("unreadable", f"not a readable PDF: {message}") from exc


@dataclass(frozen=True)
class Run:
    """A run of text pdfium reports as one rectangle (PDF points, top-down like pdfplumber)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_runs(pdf: pdfium.PdfDocument, index: int) -> tuple[str, list[Run], float, float]:
    """(text, runs, width, height) of one page, read with pdfium and closed at once."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-")
            runs = []
            for r in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(r)
                chunk = textpage.get_text_bounded(left, bottom, right, top)
                chunk = chunk.replace("\r\n", " ").replace("\n", " ").replace("\ufffe", "-")
                if chunk.strip():
                    runs.append(Run(chunk, left, height - top, right, height - bottom))
        finally:
            textpage.close()
    finally:
        page.close()
    return text, runs, width, height


def runs_to_lines(runs: list[Run]) -> list[Line]:
    """Group runs into lines by their vertical band, then into cells by the gaps between them."""
    if not runs:
        return []
    typical = sorted(r.height for r in runs)[len(runs) // 2] or 10.0
    bands: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: ((r.top + r.bottom) / 2, r.x0)):
        centre = (run.top + run.bottom) / 2
        if bands:
            solid = [r for r in bands[-1] if r.height >= 0.5 * typical] or bands[-1]
            top, bottom = min(r.top for r in solid), max(r.bottom for r in solid)
            if top - 0.1 * typical <= centre <= bottom + 0.1 * typical:
                bands[-1].append(run)
                continue
        bands.append([run])
    return [_band_to_line(band, typical) for band in bands]


def _band_to_line(band: list[Run], typical: float) -> Line:
    band.sort(key=lambda r: r.x0)
    heights = sorted(r.height for r in band if r.height >= 0.5 * typical) or [typical]
    size = heights[len(heights) // 2]
    cells: list[Cell] = []
    text, x0, x1 = band[0].text, band[0].x0, band[0].x1
    for run in band[1:]:
        gap = run.x0 - x1
        if gap > CELL_GAP_HEIGHTS * size:
            cells.append(Cell(normalise_space(text), x0, x1))
            text, x0, x1 = run.text, run.x0, run.x1
            continue
        joiner = "" if gap < 0.15 * size or text.endswith(" ") or run.text.startswith(" ") else " "
        text, x1 = f"{text}{joiner}{run.text}", max(x1, run.x1)
    cells.append(Cell(normalise_space(text), x0, x1))
    solid = [r for r in band if r.height >= 0.5 * typical] or band
    return Line(tuple(cells), top=min(r.top for r in solid), bottom=max(r.bottom for r in solid))


def load_pdf(path: Path, root: Path) -> Document:
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        snippet = data[:60].decode("latin-1", "replace").strip().replace("\n", " ")
        raise LoadError("unreadable", f"not a PDF (starts with {snippet[:40]!r})")
    pdf = open_pdfium(path)
    pages_read: list[tuple[str, list[Run], float, float]] = []
    try:
        for index in range(len(pdf)):
            pages_read.append(page_runs(pdf, index))
    except pdfium.PdfiumError as exc:
        raise LoadError("unreadable", f"PDF page {len(pages_read) + 1} could not be read: {exc}") from exc
    finally:
        pdf.close()
    texts = [p[0] for p in pages_read]
    empty = [i + 1 for i, t in enumerate(texts) if not t.strip()]
    if texts and len(empty) == len(texts):
        raise LoadError("no_text_layer", f"no text layer on any page (pages {_ranges(empty)}): scanned images need OCR")
    pages = []
    for index, (_text, runs, width, height) in enumerate(pages_read):
        pages.append(Page(number=index + 1, lines=runs_to_lines(runs), width=width, height=height))
    document = Document(relative_name(path, root), sha256_of(data), len(data), "pdf", pages)
    if empty:
        document.notes.append(f"pages without a text layer: {_ranges(empty)}")
    return document


def _ranges(numbers: list[int]) -> str:
    parts, start, prev = [], None, None
    for n in numbers:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}-{prev}" if start != prev else str(start))
            start = prev = n
    if start is not None:
        parts.append(f"{start}-{prev}" if start != prev else str(start))
    return ", ".join(parts)
