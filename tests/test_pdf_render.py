"""Tests of the seed-to-PDF renderer (tests/pdf_render.py) itself, not of the tool.

Each seed is rendered in each style once per session (lazily) and read back twice:
pdfplumber opens every PDF and reads the pages that hold table rows (pdfminer costs ~20 µs a
character, so reading every page of all 25 PDFs would take ~10 s), and pypdfium2 reads all the
text in content-stream order, fast, for the exact text-layer, wrapping and page-break checks.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from pdf_render import STYLES, header_rows, render_text_to_pdf, tables_in

pytestmark = pytest.mark.slow  # renders every seed in every style

CASES = Path(__file__).parent / "cases"
SEEDS = sorted(p.parent.name for p in CASES.glob("*/input.txt"))
PARAMS = [(case, style) for case in SEEDS for style in STYLES]


def test_the_seed_texts_are_found():
    # the parametrised tests below would silently run on nothing without them
    assert len(SEEDS) >= 5, SEEDS


def _seed_text(case: str) -> str:
    return (CASES / case / "input.txt").read_text(encoding="utf-8")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _squash(s: str) -> str:
    return "".join(s.split())


def _rows(table: list[list[str]]) -> list[str]:
    """The squashed text of each row that has any text."""
    return [r for r in (_squash("".join(row)) for row in table) if r]


@dataclass(repr=False)
class Rendered:
    path: Path
    text: str  # the input
    # pypdfium2: the non-whitespace characters of all pages in content-stream order
    flow: str = ""
    flow_page: array = field(default_factory=lambda: array("H"))  # page of each flow character
    flow_index: array = field(default_factory=lambda: array("I"))  # its index in the page's text

    def __post_init__(self) -> None:
        doc = pdfium.PdfDocument(self.path)
        chars = []
        for n in range(len(doc)):
            page_text = doc[n].get_textpage().get_text_range()
            for i, ch in enumerate(page_text):
                if not ch.isspace():
                    # PDFium reports a hyphen that ends a line as U+FFFE
                    chars.append("-" if ch == "\ufffe" else ch)
                    self.flow_page.append(n)
                    self.flow_index.append(i)
        doc.close()
        self.flow = "".join(chars)

    def __repr__(self) -> str:
        return f"Rendered({self.path.parent.name}/{self.path.name})"

    def find(self, cell: str, start: int = 0) -> int:
        return self.flow.find(_squash(cell), start)

    def row_positions(self, table: list[list[str]], start: int = 0) -> list[int]:
        """Index in ``flow`` of each row of ``table`` (rows with text), searching forward."""
        positions = []
        for row in _rows(table):
            at = self.flow.find(row, start)
            assert at >= 0, f"row not found in order: {row}"
            positions.append(at)
            start = at + len(row)
        return positions

    def line_tops(self, at: int, length: int) -> list[float]:
        """Top (pt) of the line box of each flow character ``at`` … ``at + length``."""
        doc = pdfium.PdfDocument(self.path)
        pages: dict[int, pdfium.PdfTextPage] = {}
        tops = []
        for k in range(at, at + length):
            n = self.flow_page[k]
            if n not in pages:
                pages[n] = doc[n].get_textpage()
            tops.append(round(pages[n].get_charbox(self.flow_index[k], loose=True)[3], 1))
        doc.close()
        return tops

    @cached_property
    def table_pages(self) -> list[int]:
        pages: set[int] = set()
        start = 0
        for table in tables_in(self.text):
            for at, row in zip(self.row_positions(table, start), _rows(table), strict=True):
                pages.update(self.flow_page[at : at + len(row)])
                start = at + len(row)
        return sorted(pages)

    @cached_property
    def plumber(self) -> tuple[list[tuple[float, float]], str, str]:
        """pdfplumber: page sizes of every page; extract_text and the squashed stream-order
        characters of the pages that hold table rows."""
        with pdfplumber.open(self.path) as pdf:
            sizes = [(float(page.width), float(page.height)) for page in pdf.pages]
            texts, chars = [], []
            for n in self.table_pages:
                page = pdf.pages[n]
                texts.append(page.extract_text() or "")
                chars.append(_squash("".join(ch["text"] for ch in page.chars)))
        return sizes, "\n".join(texts), "".join(chars)


class SeedPdfs(dict):
    def __init__(self, out: Path):
        super().__init__()
        self.out = out

    def __missing__(self, key: tuple[str, str]) -> Rendered:
        case, style = key
        text = _seed_text(case)
        self[key] = Rendered(render_text_to_pdf(text, self.out / case / f"{style}.pdf", style), text)
        return self[key]


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory) -> SeedPdfs:
    return SeedPdfs(tmp_path_factory.mktemp("seed_pdfs"))


def _first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"first difference at {i}: input …{a[max(0, i - 40) : i + 40]!r} vs pdf …{b[max(0, i - 40) : i + 40]!r}"


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@pytest.mark.parametrize(("case", "style"), PARAMS)
def test_every_table_cell_is_in_the_pdfplumber_text(seed_pdfs, case, style):
    doc = seed_pdfs[case, style]
    sizes, page_text, stream_chars = doc.plumber
    assert len(sizes) >= 1
    text = _norm(page_text)
    squashed = _squash(text)
    missing, cells = [], 0
    for table in tables_in(doc.text):
        for row in table:
            for cell in filter(None, row):
                cells += 1
                if _norm(cell) in text:
                    continue
                # A wrapped cell: compare without whitespace. In line-ordered text its lines are
                # interleaved with the rest of its row, so also accept content-stream order.
                if _squash(cell) not in squashed and _squash(cell) not in stream_chars:
                    missing.append(cell)
    assert cells or case == "darlington_scrutiny_narrative"
    assert not missing, f"{len(missing)} of {cells} cells missing, e.g. {missing[:5]}"


@pytest.mark.parametrize(("case", "style"), PARAMS)
def test_text_layer_is_exactly_the_input(seed_pdfs, case, style):
    """Every character of the input, in order, and nothing else (glyph fallbacks included)."""
    doc = seed_pdfs[case, style]
    expected = _squash(doc.text)
    if STYLES[style].repeat_header_odd:
        # header rows repeated on continuation pages are the only additions
        assert _is_subsequence(expected, doc.flow), "input characters missing or out of order"
    else:
        assert doc.flow == expected, _first_difference(expected, doc.flow)


def test_wrapped_style_wraps_long_names_top_aligned(seed_pdfs):
    doc = seed_pdfs["tcs_quarterly_scorecard", "wrapped"]
    name = _squash("% of children who have been admitted to care within 12 months of previously being in care")
    neighbour = _squash("Smaller is Better")
    at = doc.find(name)
    assert at >= 0 and doc.flow[at + len(name) :].startswith(neighbour)
    name_lines = sorted(set(doc.line_tops(at, len(name))), reverse=True)
    assert 2 <= len(name_lines) <= 4, name_lines
    # the rest of the row sits on the name's first line
    assert set(doc.line_tops(at + len(name), len(neighbour))) == {name_lines[0]}


def _multiline_first_cells(doc: Rendered) -> int:
    count, start = 0, 0
    for table in tables_in(doc.text):
        rows = [row for row in table if any(row)]
        for at, row in zip(doc.row_positions(table, start), rows, strict=True):
            first = _squash(next(c for c in row if c))
            count += len(set(doc.line_tops(at, len(first)))) > 1
            start = at
    return count


@pytest.mark.parametrize("case", ["tcs_quarterly_scorecard", "welsh_scc_indicators"])
def test_wrapped_style_wraps_more_than_ruled(seed_pdfs, case):
    assert _multiline_first_cells(seed_pdfs[case, "wrapped"]) > _multiline_first_cells(seed_pdfs[case, "ruled"])


@pytest.mark.parametrize("style", list(STYLES))
def test_page_orientation(seed_pdfs, style):
    for case in SEEDS:
        sizes = seed_pdfs[case, style].plumber[0]
        assert sizes
        for width, height in sizes:
            assert (width > height) == (style == "landscape"), (case, width, height)


@pytest.mark.parametrize("case", ["tcs_quarterly_scorecard", "devon_improvement_board", "welsh_scc_indicators"])
def test_split_style_breaks_tables_across_pages(seed_pdfs, case):
    doc = seed_pdfs[case, "split"]
    spanning, start = 0, 0
    for table in tables_in(doc.text):
        positions = doc.row_positions(table, start)
        spanning += doc.flow_page[positions[0]] != doc.flow_page[positions[-1]]
        start = positions[-1]
    assert spanning >= 1


def test_split_style_repeats_the_header_on_odd_continuations_only(seed_pdfs):
    doc = seed_pdfs["devon_improvement_board", "split"]
    scorecards = [t for t in tables_in(doc.text) if t[0][0] == "Reference"]
    assert scorecards and all(header_rows(t) == 2 for t in scorecards)
    header = _squash("Reference Measure Data obtained from:")
    page_starts = [doc.flow[doc.flow_page.index(n) :] for n in sorted(set(doc.flow_page))]
    with_header = sum(s.startswith(header) for s in page_starts)
    with_body_row = sum(bool(re.match(r"\d+\.\d+%?[A-Z]", s)) for s in page_starts)
    assert with_header > len(scorecards) - 1 and with_body_row >= 1, (with_header, with_body_row)
    assert doc.flow.count(header) > len(scorecards)


def test_missing_glyphs_stay_in_the_text_layer(tmp_path):
    text = "RAG ⬇️ ⬆️ ● ▲ ★ ↑ ↓ ▬ ➤ ➢ ▶ ПТС – ’ £\nRAG\t⬇️\t▲\t↑"
    for style in STYLES:
        pdf = render_text_to_pdf(text, tmp_path / f"{style}.pdf", style)
        doc = pdfium.PdfDocument(pdf)
        pdfium_text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        doc.close()
        with pdfplumber.open(pdf) as p:
            plumber_text = "".join(page.extract_text() for page in p.pages)
        assert _squash(pdfium_text) == _squash(text), style
        assert _squash(plumber_text) == _squash(text), style


def test_rendering_is_deterministic(tmp_path):
    text = _seed_text("tcs_quarterly_scorecard")
    for style in ("ruled", "landscape"):
        a = render_text_to_pdf(text, tmp_path / f"a_{style}.pdf", style).read_bytes()
        b = render_text_to_pdf(text, tmp_path / f"b_{style}.pdf", style).read_bytes()
        assert a == b, style


def test_empty_text_gives_one_blank_page(tmp_path):
    with pdfplumber.open(render_text_to_pdf("", tmp_path / "empty.pdf", "ruled")) as pdf:
        assert len(pdf.pages) == 1


def test_unknown_style_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown style"):
        render_text_to_pdf("x", tmp_path / "x.pdf", "fancy")
