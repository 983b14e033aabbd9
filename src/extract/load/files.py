"""Loading input files into Documents. The only module (with pdf.py) that opens input files.

Besides reading, it bounds what the readers downstream look at: a cell or line of pathological
length (a 100,000-digit "number", a 100,000-character line) is cut, and the document's notes
say so, so that no regular expression in the table or sentence readers can take minutes.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

from extract.errors import LoadError
from extract.model import Cell, Document, Line, Page

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
#: DfE's tidy tables (explore-education-statistics layout): read only in that layout
CSV_SUFFIXES = {".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | CSV_SUFFIXES
#: the columns that make a .csv an explore-education-statistics table
EES_COLUMNS = ("time_period", "geographic_level")

# What the readers look at. A run of characters without a space longer than MAX_TOKEN_CHARS is
# no word or number (long URLs are a few hundred), so a cell is cut before it; a cell is cut at
# MAX_CELL_CHARS (a long comment cell or prose paragraph is a few thousand); a line keeps its
# first MAX_LINE_CELLS cells. Cutting keeps a prefix, so every context stays a substring of
# the source: a number is never invented.
MAX_TOKEN_CHARS = 1000
MAX_CELL_CHARS = 10_000
MAX_LINE_CELLS = 500
HASH_CHUNK = 1 << 20

# Set by a worker process while it reads a document: a reader that goes page by page (pdf.py)
# calls report_page(done, total) after each page, and the run's progress display moves with it.
PAGE_HOOK: Callable[[int, int], None] | None = None


def report_page(done: int, total: int) -> None:
    """Tell the progress display that `done` of `total` pages are read (no-op outside a run)."""
    hook = PAGE_HOOK
    if hook is not None:
        with contextlib.suppress(Exception):
            hook(done, total)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """`a FIFO (named pipe)`, `a socket` …: what a path that is not a regular file is."""
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def hash_file(path: Path, max_bytes: int | None = None) -> tuple[str, int]:
    """(hex SHA-256, size) read in chunks: memory stays flat whatever the file's size.

    Opened without blocking, so a FIFO put in a file's place cannot hang the run. A file that is
    not regular, or larger than max_bytes, raises LoadError (`unreadable`, `too_large`).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("unreadable", f"not a regular file: {file_kind(info.st_mode)}")
        if max_bytes is not None and info.st_size > max_bytes:
            raise LoadError(
                "too_large", f"{info.st_size / 1e6:,.0f} MB is over the size limit of {max_bytes / 1e6:,.0f} MB "
                "(--max-mb); not read"
            )  # fmt: skip
        digest = hashlib.sha256()
        size = 0
        while chunk := os.read(fd, HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
        return digest.hexdigest(), size
    finally:
        os.close(fd)


def display_name(name: str) -> str:
    """A path as text that any writer accepts: bytes that are not UTF-8 (a name unpacked from a
    Latin-1 archive, held by Python as surrogate escapes) are shown as `\\xe9`."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def relative_name(path: Path, root: Path) -> str:
    """`path` relative to `root`, with / separators, as printable text. Symbolic links are not
    resolved: a link is named where it sits in the corpus, not where it points."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        rel = absolute.relative_to(base).as_posix()
    except ValueError:
        rel = absolute.name
    return display_name(rel if rel != "." else absolute.name)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode_with_notes(data: bytes) -> tuple[str, list[str]]:
    """Text and what decoding had to do. UTF-8 (with or without BOM), UTF-16 and UTF-32 with a
    BOM, else Windows-1252 (Word exports often are). Bytes that do not decode are replaced with
    U+FFFD and counted in a note. Binary junk (NUL bytes, mostly control characters) is not text.
    """
    notes: list[str] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = body.decode(codec, errors="replace")
            bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
            if name != "UTF-8":
                notes.append(f"read as {name} (byte-order mark)")
            if bad:
                notes.append(f"{bad} byte sequence{'s' if bad != 1 else ''} that are not {name} replaced with U+FFFD")
            break
    else:
        if b"\x00" in data[:65536]:
            raise LoadError("unreadable", "not a text file: it contains NUL bytes (binary data)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, notes = _decode_damaged(data)
    sample = text[:65536]
    if sample:
        control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
        if control / len(sample) > 0.05:
            raise LoadError("unreadable", "not a text file: too many control characters")
    return text, notes


def _decode_damaged(data: bytes) -> tuple[str, list[str]]:
    """Not valid UTF-8: UTF-8 with stray bytes when it holds more valid multi-byte characters
    than invalid bytes, else Windows-1252."""
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in lossy if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= bad:
        return lossy, [f"{bad} byte{'s' if bad != 1 else ''} that are not UTF-8 replaced with U+FFFD"]
    text = data.decode("cp1252", errors="replace")
    undefined = text.count("\ufffd") - data.decode("cp1252", errors="ignore").count("\ufffd")
    notes = ["read as Windows-1252 (not UTF-8)"]
    if undefined:
        notes.append(f"{undefined} byte{'s' if undefined != 1 else ''} undefined in Windows-1252 replaced with U+FFFD")
    return text, notes


def decode_text(data: bytes) -> str:
    return decode_with_notes(data)[0]


def text_lines(text: str) -> list[Line]:
    """One Line per text line; tab-separated fields become cells (empty fields kept, since
    their position is what aligns a row with its header)."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append(Line(tuple(Cell(part) for part in raw.split("\t"))))
    return lines


def cap_text(text: str) -> str:
    """The part of a cell the readers look at: cut before a token longer than MAX_TOKEN_CHARS,
    and at MAX_CELL_CHARS (at a space where there is one)."""
    if len(text) <= MAX_TOKEN_CHARS:
        return text
    start = None
    for i, ch in enumerate(text):
        if ch.isspace():
            start = None
        elif start is None:
            start = i
        elif i - start >= MAX_TOKEN_CHARS:
            text = text[:start].rstrip()
            break
        if i >= MAX_CELL_CHARS:
            break
    if len(text) > MAX_CELL_CHARS:
        cut = text.rfind(" ", 0, MAX_CELL_CHARS)
        text = text[: cut if cut > MAX_CELL_CHARS // 2 else MAX_CELL_CHARS].rstrip()
    return text


def cap_document(document: Document) -> Document:
    """Bound every cell and line the readers will look at; say how many were cut in the notes."""
    cut_cells = cut_lines = 0
    for page in document.pages:
        lines = page.lines
        for n, line in enumerate(lines):
            cells = line.cells
            if len(cells) > MAX_LINE_CELLS:
                cells, cut_lines = cells[:MAX_LINE_CELLS], cut_lines + 1
            if any(len(c.text) > MAX_TOKEN_CHARS for c in cells):
                capped = tuple(Cell(cap_text(c.text), c.x0, c.x1) for c in cells)
                cut_cells += sum(1 for a, b in zip(cells, capped, strict=True) if a.text != b.text)
                cells = capped
            if cells is not line.cells:
                lines[n] = Line(cells, line.top, line.bottom)
    if cut_cells:
        document.notes.append(
            f"{cut_cells} cell{'s' if cut_cells != 1 else ''} of pathological length cut (a run of over "
            f"{MAX_TOKEN_CHARS} characters without a space, or over {MAX_CELL_CHARS:,} characters)"
        )
    if cut_lines:
        document.notes.append(f"{cut_lines} line{'s' if cut_lines != 1 else ''} of over {MAX_LINE_CELLS} cells cut")
    return document


def load_text(path: Path, root: Path, data: bytes | None = None) -> Document:
    data = path.read_bytes() if data is None else data
    text, notes = decode_with_notes(data)
    page = Page(number=None, lines=text_lines(text))
    return Document(relative_name(path, root), sha256_of(data), len(data), "text", [page], notes)


def load_csv(path: Path, root: Path, data: bytes | None = None) -> Document:
    """A DfE tidy table (explore-education-statistics layout: `time_period`, `geographic_level`,
    `new_la_code`, `la_name`, measure columns) as one page, one Line per record and one Cell per
    field (the first line is the header). Any other .csv is `unsupported`."""
    data = path.read_bytes() if data is None else data
    text, notes = decode_with_notes(data)
    text = text.lstrip("\ufeff")
    records = csv.reader(io.StringIO(text, newline=""))
    header = next(records, [])
    names = [h.strip().lower() for h in header]
    if not all(c in names for c in EES_COLUMNS):
        raise LoadError(
            "unsupported",
            "a .csv is read only in DfE's explore-education-statistics layout (columns time_period, "
            "geographic_level, new_la_code or old_la_code, la_name and measures)",
        )
    lines = [Line(tuple(Cell(h.strip()) for h in header))]
    lines += [Line(tuple(Cell(v) for v in record)) for record in records if record]
    return Document(relative_name(path, root), sha256_of(data), len(data), "text", [Page(None, lines)], notes)
