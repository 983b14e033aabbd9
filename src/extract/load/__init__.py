"""Load: a file becomes a Document (pages of lines of cells), or a LoadError with its status.

`files` reads text, markdown and DfE CSV files and owns hashing, names and size caps; `pdf` reads PDF
pages through pdfium. The PDF engine is imported only when a PDF is loaded, so text-only runs and
the CLI's start-up do not pay for it.
"""

from __future__ import annotations

from pathlib import Path

from extract.errors import LoadError
from extract.load.files import CSV_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES, cap_document, load_csv, load_text
from extract.model import Document


def load_document(path: Path, root: Path) -> Document:
    """The document at `path` (named relative to `root`), capped to the readers' limits."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return cap_document(load_csv(path, root))
    if suffix in TEXT_SUFFIXES:
        return cap_document(load_text(path, root))
    if suffix in PDF_SUFFIXES:
        from extract.load.pdf import load_pdf  # imported lazily: text-only runs need no PDF engine

        return cap_document(load_pdf(path, root))
    raise LoadError(
        "unsupported", f"unsupported file type {suffix or '(none)'}: expected .pdf, .txt, .md or a DfE .csv"
    )
