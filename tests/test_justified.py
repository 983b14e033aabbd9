"""A justified line of a prose column cut word by word by its stretched spaces is one run again
(../shared/pdfs wsx-needs-assessment-vulnerable-lac-2008 p.8: `adoption | (3%), | in | residential ...`);
a table's row, a paragraph's last line and a line of figures stay as printed."""

from __future__ import annotations

from extract.model import Cell, Line, Word
from extract.read.narrative.justified import rejoin_justified


def _cells(top: float, words: list[str], x0: float, gap: float) -> Line:
    """One cell a word, `gap` points between words (6 points to the letter)."""
    cells, x = [], x0
    for text in words:
        word = Word(text, x, top, x + 6 * len(text), top + 10)
        cells.append(Cell(text, word.x0, word.x1, (word,)))
        x = word.x1 + gap
    return Line(tuple(cells), top, top + 10)


def _run(top: float, text: str, x0: float) -> Line:
    words, x = [], x0
    for part in text.split():
        words.append(Word(part, x, top, x + 6 * len(part), top + 10))
        x = words[-1].x1 + 3
    return Line((Cell(text, x0, words[-1].x1, tuple(words)),), top, top + 10)


def test_a_justified_line_cut_word_by_word_is_one_run():
    full = _run(0, "or other supportive placements (4%), placed for", 316)
    right = full.cells[0].x1
    cut = _cells(12, ["adoption", "(3%),", "in", "residential", "schools", "(2%),", "in"], 316,
                 (right - 316 - 6 * 34) / 6)  # (34 letters, 6 gaps: ends at the column's right edge)
    out = rejoin_justified([full, cut])
    assert out[0] is full
    assert [c.text for c in out[1].cells] == ["adoption (3%), in residential schools (2%), in"]
    assert len(out[1].cells[0].words) == 7


def test_a_table_row_a_last_line_and_figures_stay_as_printed():
    full = _run(0, "children are placed in children's homes, either inside the", 316)
    right = full.cells[0].x1
    row = Line((*_cells(12, ["Foster", "care"], 316, 3.0).cells, *_cells(12, ["72%"], right - 18, 0).cells), 12, 22)
    short = _cells(24, ["independently", "or", "in"], 316, 8.0)  # (ends short of the edge: not stretched)
    figures = _cells(36, ["2019", "2020", "2021", "2022", "2023"], 316, (right - 316 - 6 * 20) / 4)
    lines = [full, row, short, figures]
    assert rejoin_justified(lines) is lines


def test_a_page_number_below_the_column_and_a_wider_sentence_space_do_not_stop_it():
    full = [_run(12 * k, "management of the behaviour was achieved. The", 57) for k in range(3)]
    right = full[0].cells[0].x1
    words = ["match", "WSCPDS", "referral", "criteria.", "In", "addition"]
    letters = sum(map(len, words))
    gap = (right - 57 - 6 * letters) / 6  # (five gaps, the one after `criteria.` twice as wide)
    cut = _cells(36, words, 57, gap)
    cells = list(cut.cells)
    shifted = []
    for n, c in enumerate(cells):
        dx = gap if n >= 4 else 0.0  # (every word after the sentence's end moves right by one more gap)
        w = c.words[0]
        word = Word(w.text, w.x0 + dx, w.top, w.x1 + dx, w.bottom)
        shifted.append(Cell(c.text, word.x0, word.x1, (word,)))
    cut = Line(tuple(shifted), 36, 46)
    page_number = _run(60, "30", right + 20)  # (printed below the gutter, further right than the column)
    out = rejoin_justified([*full, cut, page_number])
    assert [c.text for c in out[3].cells] == ["match WSCPDS referral criteria. In addition"]
