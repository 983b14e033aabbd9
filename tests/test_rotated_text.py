"""Text turned 90 degrees (an Excel header cell with text_rotation=90, rendered by LibreOffice) is
read as one word per printed line, placed where it is printed, and upright text is untouched."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from extract.load.pdf import load_pdf, page_glyphs
from extract.load.rotated import RotatedWord, _stacked
from extract.settings import DEFAULT_SETTINGS

HERE = Path(__file__).parent
ROTATED = HERE / "heldout" / "dev" / "darlington_q1_2018_19_rotated_headers" / "document.pdf"
UPRIGHT = sorted((HERE / "renderings").glob("*/*.pdf"))[:4]
FIXTURES = HERE / "fixtures" / "rotated"  # made by make.py there (LibreOffice from openpyxl)
LABELS = ["Theme", "Measure", "Target 2016/17", "Year End 2016/17", "2015/16", "Statistical neighbours", "RAG"]


def test_rotated_header_cells_read_as_one_label_per_column():
    page = load_pdf(ROTATED, ROTATED.parent).pages[0]
    header = next(line for line in page.lines if line.cells[0].text == "Theme")
    texts = [cell.text for cell in header.cells]
    # the two lines of a wrapped rotated label make one cell; every label keeps its column
    assert texts == ["Theme", "Indicator", "Q1 2017/18", "Q1 2018/19", "Target", "Statistical neighbours", "National"]
    values = next(line for line in page.lines if any(cell.text == "15.9%" for cell in line.cells))
    label_x = {cell.text: (cell.x0 + cell.x1) / 2 for cell in header.cells}
    value_x = {cell.text: (cell.x0 + cell.x1) / 2 for cell in values.cells}
    for label, value in (("Q1 2017/18", "15.9%"), ("Q1 2018/19", "9.6%"), ("National", "10%")):
        assert abs(label_x[label] - value_x[value]) < 15, (label, value)


def test_rotated_label_is_one_word_in_reading_order():
    pdf = pdfium.PdfDocument(str(ROTATED))
    page = pdf[0]
    textpage = page.get_textpage()
    try:
        height = page.get_size()[1]
        rotated: list = []
        glyphs = page_glyphs(textpage, height, 10_000, DEFAULT_SETTINGS.pdf, rotated)
        expected = ["Q1 2017/18", "Q1 2018/19", "Target", "Statistical neighbours", "National"]
        assert sorted(w.text for w in rotated) == sorted(expected)
        assert all(type(w) is RotatedWord for w in rotated)
        target = next(w for w in rotated if w.text == "Target")
        # boxed where it is printed: narrow across, a word's length along the page's y axis
        assert target.x1 - target.x0 < 10 and target.bottom - target.top > 15
        # its glyphs are taken out of the upright text (left as spaces)
        assert "".join(g[0] for g in glyphs).count("Target") == 0
    finally:
        textpage.close()
        page.close()
        pdf.close()


@pytest.mark.parametrize("name", ["bottom_90.pdf", "clockwise.pdf"])
def test_labels_of_either_turn_and_any_alignment_share_one_line(name):
    # bottom-aligned labels of unequal length have different middles; text turned clockwise is drawn
    # top to bottom; pdfium puts generated line breaks between some of the glyphs
    page = load_pdf(FIXTURES / name, FIXTURES).pages[0]
    labels = next(line for line in page.lines if any(cell.text == "Target 2016/17" for cell in line.cells))
    texts = [cell.text for cell in labels.cells]
    assert texts[-5:] == LABELS[2:]
    if name == "bottom_90.pdf":  # the upright headers sit on the labels' common bottom: one header line
        assert texts == LABELS


@pytest.mark.parametrize("path", UPRIGHT, ids=lambda p: p.parent.name)
def test_upright_pages_unchanged_and_angles_read_for_few_glyphs(path, monkeypatch):
    calls = []
    read_angle = pdfium_c.FPDFText_GetCharAngle
    monkeypatch.setattr(pdfium_c, "FPDFText_GetCharAngle", lambda *args: calls.append(1) or read_angle(*args))
    glyph_count = 0
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                height = page.get_size()[1]
                # (with the settings both ways: the breaks pdfium made up inside words, as on
                # Chromium's pages, are left out either way; only the rotated pass differs)
                plain = page_glyphs(textpage, height, 200_000, DEFAULT_SETTINGS.pdf)
                rotated: list = []
                assert page_glyphs(textpage, height, 200_000, DEFAULT_SETTINGS.pdf, rotated) == plain
                assert rotated == []
                glyph_count += len(plain)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    # no angle call per glyph: only glyphs stacked like rotated text are asked
    assert len(calls) < 0.01 * glyph_count


def test_stacked_finds_only_glyphs_moving_along_y():
    # three upright glyphs on a line, then three stacked one above the other (PDF boxes: l, t, r, b)
    box = np.array(
        [
            [10, 20, 15, 10],
            [15, 20, 20, 10],
            [20, 20, 25, 10],
            [50, 10, 57, 5],
            [50, 15, 57, 10],
            [50, 20, 57, 15],
        ],
        dtype=float,
    )
    assert _stacked(np.arange(6), box, DEFAULT_SETTINGS.pdf) == [3, 4, 5]
