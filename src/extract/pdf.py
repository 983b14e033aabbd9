"""PDF input: pages of lines of positioned cells.

Every page's text layer is read with pypdfium2 (fast); word positions come from pdfplumber,
which is much slower, so only pages whose text holds digits get that layout pass. Pages are
closed as soon as they are read (pdfplumber keeps parsed objects otherwise).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from extract.load import LoadError, relative_name, sha256_of
from extract.model import Cell, Document, Line, Page

# A gap between two words wider than this many font sizes starts a new cell.
CELL_GAP_EMS = 0.9
# Words whose tops differ by less than this many font sizes share a line.
LINE_TOLERANCE_EMS = 0.45
_DIGIT = re.compile(r"\d")


def open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise LoadError("encrypted", "the PDF is encrypted and needs a password") from exc
        raise LoadError("unreadable", f"not a readable PDF: {message}") from exc


def page_texts(pdf: pdfium.PdfDocument) -> list[str]:
    texts = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
        finally:
            page.close()
    return texts


def words_to_lines(words: list[dict]) -> list[Line]:
    """Group pdfplumber words into lines (by top) and each line into cells (by gaps)."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        size = word.get("size") or (word["bottom"] - word["top"]) or 10.0
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE_EMS * size:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        cells: list[Cell] = []
        current = [group[0]]
        for word in group[1:]:
            size = word.get("size") or 10.0
            if word["x0"] - current[-1]["x1"] > CELL_GAP_EMS * size:
                cells.append(_cell(current))
                current = [word]
            else:
                current.append(word)
        cells.append(_cell(current))
        out.append(Line(tuple(cells), top=min(w["top"] for w in group), bottom=max(w["bottom"] for w in group)))
    return out


def _cell(words: list[dict]) -> Cell:
    return Cell(" ".join(w["text"] for w in words), words[0]["x0"], words[-1]["x1"])


def text_only_lines(text: str) -> list[Line]:
    return [Line((Cell(line),)) for line in text.split("\n")]


def load_pdf(path: Path, root: Path) -> Document:
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        snippet = data[:60].decode("latin-1", "replace").strip().replace("\n", " ")
        raise LoadError("unreadable", f"not a PDF (starts with {snippet[:40]!r})")
    pdf = open_pdfium(path)
    try:
        texts = page_texts(pdf)
    except pdfium.PdfiumError as exc:
        raise LoadError("unreadable", f"PDF pages could not be read: {exc}") from exc
    finally:
        pdf.close()
    empty = [i + 1 for i, t in enumerate(texts) if not t.strip()]
    if texts and len(empty) == len(texts):
        raise LoadError("no_text_layer", f"no text layer on any page (pages {_ranges(empty)}): scanned images need OCR")
    figure_pages = [i for i, t in enumerate(texts) if _DIGIT.search(t)]
    layouts = _layout_lines(path, figure_pages)
    pages = []
    for index, text in enumerate(texts):
        lines = layouts.get(index) or text_only_lines(text)
        pages.append(Page(number=index + 1, lines=lines))
    document = Document(relative_name(path, root), sha256_of(data), len(data), "pdf", pages)
    if empty:
        document.notes.append(f"pages without a text layer: {_ranges(empty)}")
    return document


def _layout_lines(path: Path, indices: list[int]) -> dict[int, list[Line]]:
    if not indices:
        return {}
    import pdfplumber

    out: dict[int, list[Line]] = {}
    with pdfplumber.open(path) as pdf:
        for index in indices:
            page = pdf.pages[index]
            try:
                words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
                out[index] = words_to_lines(words) if words else []
            finally:
                page.close()
    return out


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
