"""PDF input: pages of lines of positioned cells, and the page's ruling lines.

Every page is read once with pypdfium2: each glyph's box (its font box, so that glyphs of one
line share a top and bottom), then the page's path objects for the thin ones that are table
borders. A chain of small pure functions turns them into what the rest of the tool reads:

    glyphs ─ glyphs_to_words ─ words_to_lines ─ line_to_cells ─ Line
          └ take_rotated_labels (rotated.py: labels turned 90 degrees, one word each) ┘
    paths  ─ paths_to_rules ─ Rule

A word is a run of glyphs with no space or gap in it, so a text run that a renderer wrote
across several columns (a grid row of numbers as one run, `2007 2008 … 2016`) comes apart
where its glyphs leave a gap. `page_words` finds a page's words from the glyph arrays with
numpy (words.py), the same words as `glyphs_to_words` gives, without a Python step (nor a
tuple) per glyph; the per-glyph loop reads pages with rotated labels. Every page is closed as
soon as it is read, so memory stays flat however long the document.
"""

from __future__ import annotations

import ctypes
import itertools
import operator
from collections import deque
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.errors import LoadError
from extract.load.files import relative_name, report_page, sha256_of
from extract.load.furniture import drop_numbered_furniture
from extract.load.page_text import join_broken_sentences
from extract.load.rotated import RotatedWord, _stacked, take_rotated_labels
from extract.load.rules import _path_segments, by_address, paths_to_rules  # noqa: F401 - (tests)
from extract.load.spaces import split_padded_runs
from extract.load.turned import page_turn, shown_size, turn_boxes, turn_rule
from extract.load.words import words_from_arrays
from extract.model import Cell, Document, Line, Page, Rule, Word, make_cell, make_line, normalise_space
from extract.settings import DEFAULT_SETTINGS, PdfSettings

Glyph = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom (top-down points)


def open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise LoadError("encrypted", "the PDF is encrypted and needs a password") from exc
        raise LoadError("unreadable", f"not a readable PDF: {message}") from exc


# -- reading a page -------------------------------------------------------------------------
# pdfium has no call for all glyph boxes at once, so the one call per glyph is made as cheap as
# ctypes allows: a prototype taking plain addresses (no ctypes object built per call), driven by
# map() so the loop runs in C, writing each box straight into one numpy array.
_LOOSE_CHAR_BOX = by_address(
    pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
)
_SOFT_HYPHENS = (0xFFFE, 0x02)  # pdfium's marks for a hyphen at a line end, read as "-"
# each character code below the last space character to what the page's text shows: every
# character str.isspace takes to " ", the soft hyphens to "-", the rest to itself (one numpy take)
_LAST_SPACE = max(c for c in range(0x3001) if chr(c).isspace())
_CODE_MAP = np.arange(_LAST_SPACE + 1, dtype=np.uint32)
_CODE_MAP[[c for c in range(_LAST_SPACE + 1) if chr(c).isspace()]] = ord(" ")
_CODE_MAP[[c for c in _SOFT_HYPHENS if c <= _LAST_SPACE]] = ord("-")
_BOX_BYTES = 16  # FS_RECTF: four float32, left, top, right, bottom
_GLYPH_RECORD = np.dtype([("text", "<U1"), ("x0", "f8"), ("top", "f8"), ("x1", "f8"), ("bottom", "f8")])


_GlyphArrays = tuple[str, np.ndarray, np.ndarray, np.ndarray]


def _glyph_arrays(textpage: pdfium.PdfTextPage, height: float, limit: int) -> _GlyphArrays | None:
    """(text, inked, box, upright) of a page: one character per glyph (spaces and pdfium's breaks
    as " "), the indices of the other glyphs, each glyph's font box as pdfium gives it (left,
    top, right, bottom, y up) and as the tool reads it (x0, top, x1, bottom, top-down); a space
    keeps (0, 0, 0, 0). None for a page with no characters."""
    count = min(textpage.count_chars(), limit)
    if count <= 0:
        return None
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: fall back to one call per glyph
        text = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = np.where(codes <= _LAST_SPACE, _CODE_MAP[np.minimum(codes, _LAST_SPACE)], codes)
    codes[codes == 0xFFFE] = ord("-")  # (the other soft hyphen is in the map)
    text = codes.astype("<u4").tobytes().decode("utf-32-le")
    ink = codes != ord(" ")
    inked = np.flatnonzero(ink)
    boxes = np.zeros((count, 4), dtype=np.float32)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    addresses = (boxes.ctypes.data + _BOX_BYTES * inked).tolist()
    deque(map(_LOOSE_CHAR_BOX, itertools.repeat(handle, len(addresses)), inked.tolist(), addresses), maxlen=0)
    # float32 → float64 is exact; a space keeps the box (0, 0, 0, 0) it always had
    box = boxes.astype(np.float64)
    rotation = textpage.page.get_rotation()
    if rotation:  # (pdfium gives the glyphs' boxes as stored, the page's size as shown: turned.py)
        width, height = shown_size(*textpage.page.get_size(), rotation)  # as stored
        turn = page_turn(textpage)
        if turn:  # its text upright as shown: the glyphs where a viewer shows them
            box[inked] = turn_boxes(box[inked], turn, width, height)
            height = shown_size(width, height, turn)[1]
    upright = box.copy()
    upright[:, 1] = np.where(ink, height - box[:, 1], 0.0)
    upright[:, 3] = np.where(ink, height - box[:, 3], 0.0)
    return text, inked, box, upright


def _glued_breaks(textpage: pdfium.PdfTextPage, inked: np.ndarray, upright: np.ndarray, join_gap: float) -> np.ndarray:
    """For each inked glyph after the first: whether the characters before it are only breaks
    pdfium generated (no space in the file) between two glyphs of one line that touch (gap at
    most `join_gap` font heights). That is pdfium's text-flow guess breaking a word (Chromium's
    sparse pages come out as one break per glyph), so the break is ignored and the glyphs' gap
    decides as for any other pair. A space the file writes is always kept (italics touch it)."""
    glued = np.zeros(len(inked), dtype=bool)
    if len(inked) < 2:
        return glued
    x0, top, x1, bottom = upright[inked].T
    height = np.maximum(np.maximum(bottom[1:] - top[1:], bottom[:-1] - top[:-1]), 1.0)
    gap = x0[1:] - x1[:-1]
    glued[1:] = (
        (np.diff(inked) > 1)
        & (np.abs(top[1:] - top[:-1]) <= 0.2 * height)
        & (np.abs(bottom[1:] - bottom[:-1]) <= 0.2 * height)
        & (gap >= -0.1 * height)
        & (gap <= join_gap * height)
    )
    handle = textpage.raw
    for k in np.flatnonzero(glued).tolist():
        between = range(int(inked[k - 1]) + 1, int(inked[k]))
        glued[k] = all(pdfium_c.FPDFText_IsGenerated(handle, i) == 1 for i in between)
    return glued


def _without_glued_breaks(glyphs: list[Glyph], inked: np.ndarray, glued: np.ndarray) -> list[Glyph]:
    """The glyphs without the spaces and breaks `_glued_breaks` found (the glyph loop's view)."""
    if not glued.any():
        return glyphs
    drop = {i for k in np.flatnonzero(glued).tolist() for i in range(int(inked[k - 1]) + 1, int(inked[k]))}
    return [g for i, g in enumerate(glyphs) if i not in drop]


def _glyph_tuples(text: str, box: np.ndarray) -> list[Glyph]:
    if "\x00" in text:  # numpy's one-character strings drop a NUL: build the tuples in Python
        return list(zip(text, *(box[:, k].tolist() for k in range(4)), strict=True))
    # one record per glyph, turned into (text, x0, top, x1, bottom) tuples by numpy in one call
    records = np.empty(len(text), dtype=_GLYPH_RECORD)
    records["text"] = np.frombuffer(text.encode("utf-32-le"), dtype="<U1")
    records["x0"], records["top"], records["x1"], records["bottom"] = box[:, 0], box[:, 1], box[:, 2], box[:, 3]
    return records.tolist()


class _GlyphView:
    """A page's glyphs as `_glyph_tuples` gives them, each made only when asked: a page whose
    glyphs look stacked (rotated.py) is asked for a few thousand of them at most, and keeps
    none unless it has a rotated label (then `list()` makes them all, as `_glyph_tuples`)."""

    __slots__ = ("_box", "_text")

    def __init__(self, text: str, box: np.ndarray) -> None:
        self._text, self._box = text, box

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, index: int) -> Glyph:
        return (self._text[index], *self._box[index].tolist())

    def __iter__(self):
        return iter(_glyph_tuples(self._text, self._box))


def page_glyphs(
    textpage: pdfium.PdfTextPage,
    height: float,
    limit: int,
    settings: PdfSettings | None = None,
    rotated: list[Word] | None = None,
) -> list[Glyph]:
    """Every glyph of the page with its font box, in the order the page draws them.

    Spaces and the line breaks pdfium generates are kept as text with no box (they end words).
    With `settings` and a `rotated` list, each label of rotated text (a header cell turned 90
    degrees) is taken out of the glyphs (spaces left in its place) and added to `rotated` as one
    word: its text in reading order, its box where it is printed. With `settings`, the breaks
    pdfium made up inside a word are left out (`_glued_breaks`).
    """
    arrays = _glyph_arrays(textpage, height, limit)
    if arrays is None:
        return []
    text, inked, box, upright = arrays
    glyphs = _glyph_tuples(text, upright)
    if settings is not None and rotated is not None:
        glyphs = take_rotated_labels(glyphs, textpage, inked, box, settings, rotated)
    if settings is None:  # the glyphs as pdfium gives them
        return glyphs
    return _without_glued_breaks(glyphs, inked, _glued_breaks(textpage, inked, upright, settings.break_join_gap))


def page_words(
    textpage: pdfium.PdfTextPage, height: float, settings: PdfSettings, rotated: list[Word]
) -> tuple[list[Word], bool]:
    """(words, whether the page has any character): `glyphs_to_words(page_glyphs(...))`, with the
    words found by numpy (words.py) unless the page has rotated text or defeats the numpy path."""
    arrays = _glyph_arrays(textpage, height, settings.max_chars_per_page)
    if arrays is None:
        return [], False
    text, inked, box, upright = arrays
    glued = _glued_breaks(textpage, inked, upright, settings.break_join_gap)
    candidates = _stacked(inked, box, settings)
    if candidates:  # glyphs that may be rotated text: its labels are taken first
        taken = len(rotated)
        glyphs = take_rotated_labels(_GlyphView(text, upright), textpage, inked, box, settings, rotated, candidates)
        if len(rotated) > taken:
            return glyphs_to_words(_without_glued_breaks(glyphs, inked, glued), settings), True
    forced = np.ones(len(inked), dtype=bool)
    forced[1:] = np.diff(inked) > 1  # a space (or pdfium's break) before the glyph ends the word
    forced &= ~glued
    x0, top, x1, bottom = upright[inked].T
    words = words_from_arrays(text.replace(" ", ""), x0, top, x1, bottom, forced, settings.word_gap)
    if words is None:
        words = glyphs_to_words(_without_glued_breaks(_glyph_tuples(text, upright), inked, glued), settings)
    return words, True


def read_page(
    pdf: pdfium.PdfDocument, index: int, settings: PdfSettings
) -> tuple[list[Word], list[Word], list[Rule], float, float]:
    """(words, rotated labels, rules, width, height) of one page, read with pdfium and closed at once."""
    page = pdf[index]
    rotated: list[Word] = []
    try:
        width, height = page.get_size()  # as shown
        rotation = page.get_rotation()
        textpage = page.get_textpage()
        try:
            turn = page_turn(textpage)
            words, any_chars = page_words(textpage, height, settings, rotated)
        finally:
            textpage.close()
        if rotation:  # a page stored turned (turned.py): read as shown if its text then stands upright
            width, height = shown_size(width, height, rotation)  # as stored
        rules = paths_to_rules(page, height, settings) if any_chars else []
        if turn:
            rules = [turn_rule(rule, turn, width, height) for rule in rules]
            width, height = shown_size(width, height, turn)
    finally:
        page.close()
    return words, rotated, rules, width, height


# -- glyphs → words → lines → cells ---------------------------------------------------------
def glyphs_to_words(glyphs: Iterable[Glyph], settings: PdfSettings) -> list[Word]:
    """Consecutive glyphs on one line with no space or gap between them make a word."""
    # the page's hottest loop (one pass per glyph): max/min written out, names local
    words: list[Word] = []
    add = words.append
    word_gap = settings.word_gap
    chars: list[str] = []
    x0 = top = x1 = bottom = 0.0
    last = None  # the previous glyph's box: a ligature's letters share it (see words.segment_starts)
    for ch, g0, gtop, g1, gbottom in glyphs:
        if ch == " ":
            last = None
            if chars:
                add(Word("".join(chars), x0, top, x1, bottom))
                chars = []
            continue
        box = (g0, gtop, g1, gbottom)
        if chars and box == last:
            chars.append(ch)
            continue
        last = box
        if chars:
            size = bottom - top
            glyph_size = gbottom - gtop
            if glyph_size > size:
                size = glyph_size
            if size < 1.0:
                size = 1.0
            middle = (gtop + gbottom) / 2
            gap = g0 - x1
            if top - 0.2 * size <= middle <= bottom + 0.2 * size and -0.5 * size <= gap <= word_gap * size:
                chars.append(ch)
                if g1 > x1:
                    x1 = g1
                if gtop < top:
                    top = gtop
                if gbottom > bottom:
                    bottom = gbottom
                continue
            add(Word("".join(chars), x0, top, x1, bottom))
        chars = [ch]
        x0, top, x1, bottom = g0, gtop, g1, gbottom
    if chars:
        add(Word("".join(chars), x0, top, x1, bottom))
    return words


def _median(values: list[float], default: float) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else default


def words_to_lines(words: list[Word], settings: PdfSettings) -> list[list[Word]]:
    """Words grouped into lines that share a baseline band (sorted once: n log n), left to right.

    A word joins a line when its middle is within `line_overlap` heights of the line's middle:
    text of a vertically centred cell sits half a line off its neighbours and is a line of its
    own. Small glyphs (superscripts, footnote marks) join the line whose band they sit in. A
    rotated label joins the line whose middle it spans, or the line it starts takes the words
    whose middle it spans (labels of one header row, top-, middle- or bottom-aligned).
    """
    if not words:
        return []
    any_rotated = RotatedWord in set(map(type, words))  # (one pass in C)
    heights = [w.bottom - w.top for w in words if not any_rotated or type(w) is not RotatedWord]
    typical = _median(heights, 10.0) or 10.0
    overlap, small_height = settings.line_overlap, 0.7 * typical
    lines: list[list[Word]] = []
    middle = top = bottom = 0.0
    rotated_line = False
    # (middle, x0, position, word): the sort key of before, the position keeping ties in order
    placed = sorted(((w.top + w.bottom) / 2, w.x0, n, w) for n, w in enumerate(words))
    for word_middle, _, _, word in placed:
        if lines:
            if any_rotated and (
                (rotated_line and top <= word_middle <= bottom)
                or (type(word) is RotatedWord and word.top <= middle <= word.bottom)
            ):
                lines[-1].append(word)
                continue
            height = word.bottom - word.top
            band = bottom - top
            near = abs(word_middle - middle) <= overlap * (height if height >= band else band)
            if not rotated_line and (near or (height < small_height and top <= word_middle <= bottom)):
                lines[-1].append(word)
                continue
        lines.append([word])
        middle, top, bottom = word_middle, word.top, word.bottom
        rotated_line = any_rotated and type(word) is RotatedWord
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def line_to_cells(words: list[Word], settings: PdfSettings) -> Line:
    """One line's words split into cells where the gap between two words is wider than a space.

    Justified prose stretches its spaces evenly; a line whose gaps are all alike and at most
    `stretched_space_cap` heights is one cell, however wide its spaces.
    """
    if len(words) == 1:  # the commonest line, one word: one cell, the word's band
        w = words[0]
        return make_line((_cell(words),), w.top, w.bottom)
    if set(map(type, words)) != {Word}:
        return _mixed_line_to_cells(words, settings)
    # a line of upright words (nearly all): each word's edges read once, in lists
    tops, bottoms = [w.top for w in words], [w.bottom for w in words]
    sizes = list(map(operator.sub, bottoms, tops))
    half = 0.5 * max(sizes)
    solid_sizes = [s for s in sizes if s >= half]
    if solid_sizes and len(solid_sizes) < len(sizes):
        solid = [w for w, s in zip(words, sizes, strict=True) if s >= half]
        top, bottom = min([w.top for w in solid]), max([w.bottom for w in solid])
    else:  # every word solid (or none): the band of them all
        top, bottom = min(tops), max(bottoms)
    size = _median(solid_sizes, 10.0) or 10.0
    x0s, x1s = [w.x0 for w in words], [w.x1 for w in words]
    gaps = list(map(operator.sub, x0s[1:], x1s[:-1]))
    threshold = settings.cell_gap * size
    widest = max(gaps)
    if widest <= settings.stretched_space_cap * size and widest <= 2.0 * max(min(gaps), 0.1):
        threshold = max(threshold, widest + 0.01)
    texts = [w.text for w in words]  # (an upright word's text has no whitespace: see _cell)
    cells: list[Cell] = []
    start = 0
    for k, gap in enumerate([*gaps, float("inf")], 1):
        if gap > threshold or k == len(words):
            if k - start == 1:
                cells.append(make_cell(texts[start], x0s[start], x1s[start], (words[start],)))
            else:
                cells.append(make_cell(" ".join(texts[start:k]), x0s[start], max(x1s[start:k]), tuple(words[start:k])))
            start = k
    return make_line(tuple(cells), top, bottom)


def _mixed_line_to_cells(words: list[Word], settings: PdfSettings) -> Line:
    """line_to_cells for a line with rotated labels: the type size comes from the upright words;
    a line of rotated labels only: from their widths."""
    upright = [w for w in words if type(w) is not RotatedWord] or words
    sizes = [w.height if type(w) is not RotatedWord else w.x1 - w.x0 for w in upright]
    half = 0.5 * max(sizes)
    solid_sizes = [s for s in sizes if s >= half]
    solid = [w for w, s in zip(upright, sizes, strict=True) if s >= half] if solid_sizes else upright
    size = _median(solid_sizes, 10.0) or 10.0
    if upright is not words:  # the line's band spans its rotated labels too
        solid = solid + [w for w in words if type(w) is RotatedWord]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    threshold = settings.cell_gap * size
    widest = max(gaps)
    if widest <= settings.stretched_space_cap * size and widest <= 2.0 * max(min(gaps), 0.1):
        threshold = max(threshold, widest + 0.01)
    cells: list[Cell] = []
    start = 0
    for k, gap in enumerate(gaps, 1):
        if gap > threshold:
            cells.append(_cell(words[start:k]))
            start = k
    cells.append(_cell(words[start:]))
    return Line(tuple(cells), top=min([w.top for w in solid]), bottom=max([w.bottom for w in solid]))


def _cell(words: list[Word]) -> Cell:
    # an upright word's text has no whitespace (every space ends a word): only a rotated label's
    # text, whose lines are joined by spaces, needs normalising
    if len(words) == 1:
        w = words[0]
        return make_cell(w.text if type(w) is Word else normalise_space(w.text), w.x0, w.x1, (w,))
    text = " ".join([w.text for w in words])
    if set(map(type, words)) != {Word}:
        text = normalise_space(text)
    return make_cell(text, words[0].x0, max([w.x1 for w in words]), tuple(words))


def glyphs_to_lines(glyphs: list[Glyph], settings: PdfSettings, rotated: Iterable[Word] = ()) -> list[Line]:
    return words_to_page_lines(glyphs_to_words(glyphs, settings), settings, rotated)


def words_to_page_lines(words: list[Word], settings: PdfSettings, rotated: Iterable[Word] = ()) -> list[Line]:
    words = [*words, *rotated]
    return split_padded_runs([line_to_cells(line, settings) for line in words_to_lines(words, settings)], settings)


# -- a document -------------------------------------------------------------------------------
def load_pdf(path: Path, root: Path, settings: PdfSettings = DEFAULT_SETTINGS.pdf) -> Document:
    data = path.read_bytes()
    if not data:  # as the run says it (`extract inspect` loads without the run's checks)
        raise LoadError("unreadable", "the file is empty (0 bytes)")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        snippet = data[:60].decode("latin-1", "replace").strip().replace("\n", " ")
        raise LoadError("unreadable", f"not a PDF (starts with {snippet[:40]!r})")
    pdf = open_pdfium(path)
    pages: list[Page] = []
    empty: list[int] = []
    try:
        for index in range(len(pdf)):
            words, rotated, rules, width, height = read_page(pdf, index, settings)
            if not rotated and not words:  # a word for every run of glyphs that are not spaces
                empty.append(index + 1)
            lines = words_to_page_lines(words, settings, rotated)
            pages.append(Page(number=index + 1, lines=lines, width=width, height=height, rules=rules))
            report_page(index + 1, len(pdf))  # the run's progress display moves within a long PDF
    except pdfium.PdfiumError as exc:
        raise LoadError("unreadable", f"PDF page {len(pages) + 1} could not be read: {exc}") from exc
    finally:
        pdf.close()
    if pages and len(empty) == len(pages):
        raise LoadError(
            "no_text_layer", f"no text layer on any page (pages {_ranges(empty)}): scanned images need OCR", len(pages)
        )
    drop_numbered_furniture(pages)  # running feet holding the page number (furniture.py)
    join_broken_sentences(pages, settings)  # a sentence a page break cut is read whole (page_text.py)
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
