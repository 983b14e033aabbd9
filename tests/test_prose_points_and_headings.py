"""Issue 8, a second tool chain (tests/heldout/dev_alt/README.md): the generic parser's prose paragraphs when a
list item's bullet and dash are set apart from its text, and when a heading sits close above its paragraph."""

from __future__ import annotations

from extract.model import Cell, Line
from extract_parsers.generic import _paragraphs


def _line(top: float, height: float, *cells: tuple[str, float, float]) -> Line:
    return Line(tuple(Cell(text, x0, x1) for text, x0, x1 in cells), top, top + height)


def test_a_points_bullet_and_dash_cells_join_its_text():
    lines = [_line(10, 10, ("•", 78, 82), ("-", 92, 96), ("Assessment performance had improved to 90%", 105, 400)),
             _line(22.6, 10, ("in October.", 92, 150))]
    assert _paragraphs(lines) == ["• - Assessment performance had improved to 90%", "in October."]


def test_cells_of_a_table_row_stay_apart():
    assert _paragraphs([_line(10, 10, ("Referrals", 50, 100), ("4,777", 300, 330))]) == ["Referrals\t4,777"]


def test_a_larger_line_close_above_a_paragraph_is_its_heading():
    lines = [_line(10, 16.4, ("Referrals to Children's Social Care", 57, 245)),
             _line(33.5, 9.3, ("A referral is a request for services", 57, 500)),
             _line(45, 9.3, ("to children's social care.", 57, 200))]
    assert _paragraphs(lines) == ["Referrals to Children's Social Care", "",
                                  "A referral is a request for services", "to children's social care."]


def test_a_larger_line_over_a_single_line_keeps_it():
    # a title over a breadcrumb, then a gap: no paragraph under it, the two stay one block
    lines = [_line(77.5, 20, ("Children Looked After per 10,000 children", 34, 390)),
             _line(100.6, 10, ("Best Start in Life > Keeping children safe", 34, 194)),
             _line(134.8, 10, ("Latest", 49, 72))]
    assert _paragraphs(lines)[:2] == ["Children Looked After per 10,000 children",
                                      "Best Start in Life > Keeping children safe"]
