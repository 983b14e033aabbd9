"""Pages stored turned (/Rotate): read as a viewer shows them when their text then stands upright
(landscape pages stored as portrait paper, as some printer drivers write them), else as stored
(upright text on a page turned to show it sideways). See src/extract/load/turned.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from extract.load.pdf import load_pdf
from extract.load.turned import page_turn, turn_boxes, turn_rule
from extract.model import Rule

RENDERINGS = Path(__file__).resolve().parent / "renderings"
W, H = A4  # portrait: 595 x 842


def _draw(c: Canvas) -> None:
    """A small ruled table on a landscape page (842 x 595), in the page's shown coordinates."""
    c.setFont("Helvetica", 10)
    c.drawString(40, 540, "Children looked after at the end of the quarter")
    for k, (name, value) in enumerate((("Indicator", "Value"), ("Referrals", "1,210"), ("Re-referrals", "18%"))):
        y = 500 - 20 * k
        c.drawString(44, y, name)
        c.drawRightString(300, y, value)
        c.line(40, y - 6, 306, y - 6)
    c.line(40, 514, 40, 434)
    c.line(306, 514, 306, 434)


def _pdf(path: Path, rotation: int, turned_content: bool) -> Path:
    # reportlab writes a /Rotate 90 or 270 page's MediaBox turned: the page size given is as shown
    c = Canvas(str(path), pagesize=landscape(A4), invariant=1)
    if rotation:
        c.setPageRotation(rotation)
    if turned_content:  # drawn so that the turned page shows it upright
        c.transform(*{90: (0, 1, -1, 0, W, 0), 180: (-1, 0, 0, -1, H, W), 270: (0, -1, 1, 0, 0, H)}[rotation])
    _draw(c)
    c.showPage()
    c.save()
    return path


def _read(path: Path) -> tuple[list[list[str]], list[tuple[str, int, int, int, int]], tuple[int, int]]:
    page = load_pdf(path, path.parent).pages[0]
    lines = [[cell.text for cell in line.cells] for line in page.lines]
    rules = sorted((r.orientation, round(r.x0), round(r.top), round(r.x1), round(r.bottom)) for r in page.rules)
    return lines, rules, (round(page.width), round(page.height))


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_turned_page_reads_as_shown(tmp_path, rotation):
    plain = _read(_pdf(tmp_path / "plain.pdf", 0, False))
    turned = _read(_pdf(tmp_path / f"turned{rotation}.pdf", rotation, True))
    assert plain[0][0] == ["Children looked after at the end of the quarter"]
    assert ["Referrals", "1,210"] in plain[0]
    assert turned == plain  # the same lines, cells, rules and size as the page drawn unturned


def test_upright_text_on_a_turned_page_reads_as_stored(tmp_path):
    """A page of upright text turned to show it sideways is read as stored (as a reader turns it)."""
    path = _pdf(tmp_path / "sideways.pdf", 90, False)
    doc = pdfium.PdfDocument(str(path))
    try:
        assert page_turn(doc[0].get_textpage()) == 0
    finally:
        doc.close()
    lines, _, size = _read(path)
    assert ["Referrals", "1,210"] in lines
    assert size == (595, 842)  # the page as stored (reportlab stores it portrait)


def test_rendering_stored_turned_is_read_landscape():
    path = RENDERINGS / "tcs_quarterly_scorecard" / "rotated-landscape.pdf"
    doc = pdfium.PdfDocument(str(path))
    try:
        _, _, stored_width, stored_height = doc[0].get_mediabox()
        assert doc[0].get_rotation() == 90 and stored_width < stored_height  # portrait paper
        assert page_turn(doc[0].get_textpage()) == 90
    finally:
        doc.close()
    page = load_pdf(path, path.parent).pages[0]
    assert page.width > page.height
    assert any(cell.text == "Purpose of the report" for line in page.lines for cell in line.cells)


def test_turn_boxes_and_rules():
    box = np.array([[100.0, 210.0, 110.0, 200.0]])  # left, top, right, bottom (y up), portrait page
    assert turn_boxes(box, 90, W, H).tolist() == [[200.0, W - 100.0, 210.0, W - 110.0]]
    assert turn_boxes(box, 180, W, H).tolist() == [[W - 110.0, H - 200.0, W - 100.0, H - 210.0]]
    assert turn_boxes(box, 270, W, H).tolist() == [[H - 210.0, 110.0, H - 200.0, 100.0]]
    assert turn_boxes(box, 0, W, H) is box
    rule = Rule("h", 100.0, 300.0, 200.0, 300.0)  # top-down
    assert turn_rule(rule, 90, W, H) == Rule("v", H - 300.0, 100.0, H - 300.0, 200.0)
    assert turn_rule(rule, 180, W, H) == Rule("h", W - 200.0, H - 300.0, W - 100.0, H - 300.0)
    assert turn_rule(rule, 270, W, H) == Rule("v", 300.0, W - 200.0, 300.0, W - 100.0)
