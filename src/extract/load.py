"""Loading input files into Documents. The only module (with pdf.py) that opens input files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.model import Cell, Document, Line, Page

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES


class LoadError(Exception):
    """A file that cannot be read as a document. `status` is its documents.parquet status."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def relative_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which exports from Word often are.

    Binary junk (NUL bytes, or mostly control characters) is not text.
    """
    if b"\x00" in data[:65536]:
        raise LoadError("unreadable", "not a text file: it contains NUL bytes (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise LoadError("unreadable", f"not UTF-8 or Windows-1252 text: {exc}") from exc
    sample = text[:65536]
    if sample:
        control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
        if control / len(sample) > 0.05:
            raise LoadError("unreadable", "not a text file: too many control characters")
    return text


def text_lines(text: str) -> list[Line]:
    """One Line per text line; tab-separated fields become cells (empty fields kept, since
    their position is what aligns a row with its header)."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append(Line(tuple(Cell(part) for part in raw.split("\t"))))
    return lines


def load_text(path: Path, root: Path, data: bytes | None = None) -> Document:
    data = path.read_bytes() if data is None else data
    text = decode_text(data)
    page = Page(number=None, lines=text_lines(text))
    return Document(relative_name(path, root), sha256_of(data), len(data), "text", [page])


def load_document(path: Path, root: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return load_text(path, root)
    if suffix in PDF_SUFFIXES:
        from extract.pdf import load_pdf  # imported lazily: text-only runs need no PDF engine

        return load_pdf(path, root)
    raise LoadError("unsupported", f"unsupported file type {suffix or '(none)'}: expected .pdf, .txt or .md")
