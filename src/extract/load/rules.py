"""A PDF page's ruling lines (table borders), read from its path objects with pdfium.

    paths ─ paths_to_rules ─ Rule

Only thin straight strokes and thin filled bars are rules; each page object is reached by its
address through raw pdfium calls (pages hold hundreds of text objects that are only skipped).
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.model import Rule, Word
from extract.settings import PdfSettings

_FORM_DEPTH = 4  # form XObjects nested deeper than this are not searched for rules


def by_address(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A new pointer to a pdfium function (of pypdfium2's own function class, so the library's
    calling convention) that takes and gives plain addresses: no ctypes object per call."""
    proto = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    proto.argtypes, proto.restype = argtypes, restype
    return proto


_PAGE_OBJECT = by_address(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_FORM_OBJECT = by_address(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)
_OBJECT_TYPE = by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, ctypes.c_void_p)
_OBJECT_BOUNDS = by_address(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, *[ctypes.c_void_p] * 5)


def _page_paths(page: pdfium.PdfPage, max_depth: int) -> Iterator[int]:
    """The addresses of the page's path objects, descending into form XObjects up to
    `max_depth` levels, in drawing order (no ctypes object per object: pages hold hundreds
    of text objects that are only skipped)."""
    path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM

    def walk(count: int, get, parent: int, level: int) -> Iterator[int]:
        if count < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        handles = list(map(get, itertools.repeat(parent, count), range(count)))
        if not all(handles):
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kinds = list(map(_OBJECT_TYPE, handles))
        if form_type not in kinds:  # (the common page: its paths at once)
            yield from itertools.compress(handles, map(path_type.__eq__, kinds))
            return
        for handle, kind in zip(handles, kinds, strict=True):
            if kind == path_type:
                yield handle
            elif kind == form_type and level < max_depth - 1:
                form = ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT)
                yield from walk(pdfium_c.FPDFFormObj_CountObjects(form), _FORM_OBJECT, handle, level + 1)

    raw_page = page.raw
    address = ctypes.cast(raw_page, ctypes.c_void_p).value
    yield from walk(pdfium_c.FPDFPage_CountObjects(raw_page), _PAGE_OBJECT, address, 0)


def _path_segments(raw: ctypes.c_void_p, limit: int) -> Iterator[tuple[float, float, float, float]]:
    """The straight segments of a path object in page space (x0, y0, x1, y1, PDF y-up)."""
    count = pdfium_c.FPDFPath_CountSegments(raw)
    if count <= 0 or count > limit:
        return
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(matrix)):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    for i in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = previous = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            yield (*previous, *point)
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            yield (*point, *start)


def paths_to_rules(page: pdfium.PdfPage, height: float, settings: PdfSettings) -> list[Rule]:
    """Ruling lines: stroked straight segments and thin filled bars, horizontal or vertical.

    A filled rectangle wider than a rule in both directions is shading behind a cell, not a
    border, and is left out (its edges often stop short of the grid's).
    """
    rules: list[Rule] = []
    thick, shortest = settings.rule_thickness, settings.rule_min_length
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top, written by pdfium in place
    base = ctypes.addressof(bounds)
    bound_addresses = (base, base + 4, base + 8, base + 12)
    for address in _page_paths(page, _FORM_DEPTH):
        if not _OBJECT_BOUNDS(address, *bound_addresses):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        left, bottom, right, top = bounds
        width, tall = right - left, top - bottom
        if width < shortest and tall < shortest:
            continue
        if tall <= thick and width >= shortest:  # a bar or a line, horizontal
            rules.append(Rule("h", left, height - (top + bottom) / 2, right, height - (top + bottom) / 2))
            continue
        if width <= thick and tall >= shortest:
            rules.append(Rule("v", (left + right) / 2, height - top, (left + right) / 2, height - bottom))
            continue
        raw = ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
        pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(fill), ctypes.byref(stroke))
        if not stroke.value:
            continue  # shading
        for x0, y0, x1, y1 in _path_segments(raw, settings.max_path_segments):
            if abs(y0 - y1) <= 0.5 and abs(x1 - x0) >= shortest:
                rules.append(Rule("h", min(x0, x1), height - y0, max(x0, x1), height - y0))
            elif abs(x0 - x1) <= 0.5 and abs(y1 - y0) >= shortest:
                rules.append(Rule("v", x0, height - max(y0, y1), x0, height - min(y0, y1)))
    return rules


def rules_on_page(rules: list[Rule], words: list[Word], width: float, height: float, margin: float = 1.0) -> list[Rule]:
    """The rules that can frame the page's text: one wholly off both the page and its text frames
    nothing (an export that fits a sheet's text to the page may draw its grid on past it, at another
    scale). A rule running off the page is kept whole, and so is one off it beside text set off it
    too (a table's rows run on under the page's foot)."""
    left, top = min([0.0, *(w.x0 for w in words)]), min([0.0, *(w.top for w in words)])
    right, bottom = max([width, *(w.x1 for w in words)]), max([height, *(w.bottom for w in words)])
    return [
        r for r in rules
        if r.x0 <= right + margin and r.x1 >= left - margin and r.top <= bottom + margin and r.bottom >= top - margin
    ]
